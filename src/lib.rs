//! weft: a stackless Python runtime.
pub mod bytecode;
pub mod object;
pub mod pvm;
pub mod value;
