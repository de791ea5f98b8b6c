//! weft: a stackless Python runtime — Python compiled to bytecode and run on
//! a virtual machine whose frames live on the heap.
pub mod builtins;
pub mod bytecode;
pub mod cli;
pub mod compiler;
pub mod modules;
pub mod object;
pub mod pvm;
pub mod runtime;
pub mod stdlib;
pub mod value;
