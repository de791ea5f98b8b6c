//! Bytecode: the opcode table, code objects, their serialization (the
//! `.pyc` payload) and the disassembler.
pub mod code;
pub mod opcodes;

pub use code::{flags, CodeObject, Instr};
pub use opcodes::{BinOp, CmpOp, Op};
