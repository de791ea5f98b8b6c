//! `CodeObject`: the compiled form of a module, class body, function,
//! lambda, comprehension or generator. Immutable once built and shared as
//! `Arc<CodeObject>`.
//!
//! Frame layout contract (the VM relies on it): a frame has
//! `varnames.len()` local slots (arguments first, in order: positional,
//! keyword-only, `*args` if VARARGS, `**kwargs` if VARKEYWORDS), followed by
//! `cellvars.len() + freevars.len()` cell slots. `LoadDeref i` indexes that
//! cell area: `i < cellvars.len()` is an own cell, otherwise
//! `freevars[i - cellvars.len()]` comes from the function's closure.
//! `cell2arg[j]` is `Some(k)` when cellvar `j` is argument `k` (its initial
//! value is copied into the cell at call time).

use super::opcodes::Op;
use crate::value::Value;
use std::sync::Arc;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Instr {
    pub op: Op,
    pub arg: u32,
}

pub mod flags {
    /// Has a `*args` parameter.
    pub const VARARGS: u32 = 1;
    /// Has a `**kwargs` parameter.
    pub const VARKEYWORDS: u32 = 2;
    /// Calling returns a generator instead of running the body.
    pub const GENERATOR: u32 = 4;
    /// Uses `*_NAME` ops against a locals dict (module and class bodies).
    pub const NAMESPACE: u32 = 8;
    /// A class body (has `__class__` cell handling, `__qualname__`).
    pub const CLASS_BODY: u32 = 16;
    /// An `async def` body (also GENERATOR: calling it makes a generator
    /// that `await` drives).
    pub const COROUTINE: u32 = 32;
    /// An `async def` with `yield`: calls are wrapped into async generator
    /// objects (`_weft_async.AsyncGenerator`), and each `yield`ed value is
    /// marked so it can be told from what `await` passes to the loop.
    pub const ASYNC_GENERATOR: u32 = 64;
}

pub struct CodeObject {
    /// `<module>`, function name, `<lambda>`, `<listcomp>`, class name...
    pub name: Arc<str>,
    pub qualname: Arc<str>,
    pub filename: Arc<str>,
    pub first_line: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    pub instrs: Vec<Instr>,
    /// Source line of each instruction (same length as `instrs`).
    pub lines: Vec<u32>,
    /// Constants: None, bool, int (small or big), float, str, bytes,
    /// Ellipsis, tuples of constants, and nested code objects.
    pub consts: Vec<Value>,
    /// Names used by *_NAME, *_GLOBAL, *_ATTR, LoadMethod, Import*.
    pub names: Vec<Arc<str>>,
    /// The same names as `str` values (for dict keys without allocation).
    pub name_values: Vec<Value>,
    pub varnames: Vec<Arc<str>>,
    pub cellvars: Vec<Arc<str>>,
    pub freevars: Vec<Arc<str>>,
    pub cell2arg: Vec<Option<u32>>,
    /// Maximum value-stack depth.
    pub max_stack: u32,
    /// `argcount` when a call with exactly that many positional arguments
    /// can bind them straight into the locals (no `*args`, `**kwargs`,
    /// keyword-only parameters or cells; not a generator or class body);
    /// `u32::MAX` otherwise. Set by `prepare`.
    pub plain_argcount: u32,
    /// Per name: the instance-dict entry index where that attribute was
    /// last found (a hint, checked before use; see
    /// `DictData::get_name_hinted`). Set by `prepare`.
    pub name_hints: Box<[std::sync::atomic::AtomicU8]>,
}

impl CodeObject {
    pub fn has_flag(&self, f: u32) -> bool {
        self.flags & f != 0
    }
    pub fn nlocals(&self) -> usize {
        self.varnames.len()
    }
    pub fn ncells(&self) -> usize {
        self.cellvars.len() + self.freevars.len()
    }
    /// Total argument slots including `*args`/`**kwargs`.
    pub fn total_args(&self) -> usize {
        (self.argcount + self.kwonlyargcount) as usize
            + self.has_flag(flags::VARARGS) as usize
            + self.has_flag(flags::VARKEYWORDS) as usize
    }
    pub fn line_of(&self, ip: usize) -> u32 {
        self.lines.get(ip).copied().unwrap_or(self.first_line)
    }
    /// Fills `name_values` from `names` (call after building `names`).
    /// Computes the runtime's derived fields: interned name values and
    /// `plain_argcount`.
    pub fn prepare(&mut self) {
        self.name_values = self.names.iter().map(|n| crate::object::pystr::intern(n)).collect();
        self.name_hints = self.names.iter().map(|_| std::sync::atomic::AtomicU8::new(0)).collect();
        const SLOW: u32 = flags::VARARGS | flags::VARKEYWORDS | flags::GENERATOR | flags::NAMESPACE;
        let plain = self.flags & SLOW == 0 && self.kwonlyargcount == 0 && self.cellvars.is_empty();
        self.plain_argcount = if plain { self.argcount } else { u32::MAX };
    }
}
