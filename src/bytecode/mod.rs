//! Bytecode: the opcode table, code objects, their serialization (the
//! `.pyc` payload) and the disassembler.
pub mod code;
pub mod dis;
pub mod opcodes;
pub mod serialize;

pub use code::{flags, CodeObject, Instr};
pub use opcodes::{BinOp, CmpOp, Op};
