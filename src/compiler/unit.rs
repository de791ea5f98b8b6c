//! One code object under construction: instructions with symbolic jump
//! labels, the constant/name/variable tables, and `finish`, which resolves
//! labels, computes `max_stack` by walking the control-flow graph with the
//! opcode table's stack effects, and builds the `CodeObject`.

use crate::bytecode::{CodeObject, Instr, Op};
use crate::object::Payload;
use crate::value::Value;
use num_bigint::BigInt;
use std::collections::HashMap;
use std::sync::Arc;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Label(pub u32);

/// A compile-time constant (converted to a `Value` when the unit is done).
#[derive(Clone)]
pub enum Const {
    None,
    Bool(bool),
    Int(i64),
    Big(BigInt),
    Float(f64),
    Str(String),
    Bytes(Vec<u8>),
    Ellipsis,
    Tuple(Vec<Const>),
    Code(Arc<CodeObject>),
}

impl Const {
    /// A key equal only for interchangeable constants (type-strict, floats
    /// by bit pattern, code objects by identity).
    fn key(&self, out: &mut String) {
        use std::fmt::Write;
        match self {
            Const::None => out.push('N'),
            Const::Bool(b) => out.push(if *b { 'T' } else { 'F' }),
            Const::Int(i) => write!(out, "i{i};").unwrap(),
            Const::Big(b) => write!(out, "I{b};").unwrap(),
            Const::Float(f) => write!(out, "f{};", f.to_bits()).unwrap(),
            Const::Str(s) => write!(out, "s{}:{s}", s.len()).unwrap(),
            Const::Bytes(b) => write!(out, "b{}:{b:?}", b.len()).unwrap(),
            Const::Ellipsis => out.push('E'),
            Const::Tuple(items) => {
                write!(out, "t{}(", items.len()).unwrap();
                items.iter().for_each(|c| c.key(out));
                out.push(')');
            }
            Const::Code(c) => write!(out, "c{:p};", Arc::as_ptr(c)).unwrap(),
        }
    }

    pub fn to_value(&self) -> Value {
        match self {
            Const::None => Value::None,
            Const::Bool(b) => Value::bool(*b),
            Const::Int(i) => Value::Int(*i),
            Const::Big(b) => Value::bigint(b.clone()),
            Const::Float(f) => Value::float(*f),
            Const::Str(s) => Value::str(s),
            Const::Bytes(b) => Value::bytes(b.clone()),
            Const::Ellipsis => crate::object::types::types().ellipsis.clone(),
            Const::Tuple(items) => Value::tuple(items.iter().map(Const::to_value).collect()),
            Const::Code(c) => Value::obj(Payload::Code(c.clone())),
        }
    }
}

/// Ops whose operand is a jump target (a label until `finish`).
pub fn is_jump(op: Op) -> bool {
    matches!(
        op,
        Op::Jump
            | Op::PopJumpIfFalse
            | Op::PopJumpIfTrue
            | Op::JumpIfFalseOrPop
            | Op::JumpIfTrueOrPop
            | Op::ForIter
            | Op::SetupFinally
            | Op::JumpIfNotExcMatch
    )
}

fn is_terminator(op: Op) -> bool {
    matches!(op, Op::Jump | Op::ReturnValue | Op::Reraise | Op::RaiseVarargs)
}

pub struct Unit {
    pub scope: usize,
    pub name: String,
    pub qualname: String,
    pub flags: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub first_line: u32,
    pub cur_line: u32,
    pub instrs: Vec<Instr>,
    pub lines: Vec<u32>,
    labels: Vec<u32>,
    consts: Vec<Const>,
    const_map: HashMap<String, u32>,
    names: Vec<String>,
    name_map: HashMap<String, u32>,
    pub varnames: Vec<String>,
    var_map: HashMap<String, u32>,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    pub private: Option<String>,
}

impl Unit {
    pub fn new(scope: usize, name: &str, qualname: &str, first_line: u32) -> Unit {
        Unit {
            scope,
            name: name.to_string(),
            qualname: qualname.to_string(),
            flags: 0,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            first_line,
            cur_line: first_line,
            instrs: Vec::new(),
            lines: Vec::new(),
            labels: Vec::new(),
            consts: Vec::new(),
            const_map: HashMap::new(),
            names: Vec::new(),
            name_map: HashMap::new(),
            varnames: Vec::new(),
            var_map: HashMap::new(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
            private: None,
        }
    }

    pub fn emit(&mut self, op: Op, arg: u32) {
        self.instrs.push(Instr { op, arg });
        self.lines.push(self.cur_line);
    }

    pub fn emit_jump(&mut self, op: Op, target: Label) {
        debug_assert!(is_jump(op));
        self.emit(op, target.0);
    }

    pub fn new_label(&mut self) -> Label {
        self.labels.push(u32::MAX);
        Label(self.labels.len() as u32 - 1)
    }

    pub fn bind(&mut self, l: Label) {
        self.labels[l.0 as usize] = self.instrs.len() as u32;
    }

    pub fn add_const(&mut self, c: Const) -> u32 {
        let mut key = String::new();
        c.key(&mut key);
        if let Some(&i) = self.const_map.get(&key) {
            return i;
        }
        let i = self.consts.len() as u32;
        self.consts.push(c);
        self.const_map.insert(key, i);
        i
    }

    pub fn name_index(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.name_map.get(name) {
            return i;
        }
        let i = self.names.len() as u32;
        self.names.push(name.to_string());
        self.name_map.insert(name.to_string(), i);
        i
    }

    pub fn var_index(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.var_map.get(name) {
            return i;
        }
        let i = self.varnames.len() as u32;
        self.varnames.push(name.to_string());
        self.var_map.insert(name.to_string(), i);
        i
    }

    /// Index in the cell area (cellvars then freevars).
    pub fn cell_index(&self, name: &str) -> Option<u32> {
        if let Some(i) = self.cellvars.iter().position(|c| c == name) {
            return Some(i as u32);
        }
        self.freevars.iter().position(|c| c == name).map(|i| (i + self.cellvars.len()) as u32)
    }

    pub fn finish(mut self, filename: &Arc<str>) -> Arc<CodeObject> {
        for ins in &mut self.instrs {
            if is_jump(ins.op) {
                ins.arg = self.labels[ins.arg as usize];
                debug_assert!(ins.arg != u32::MAX, "unbound label");
            }
        }
        let max_stack = max_stack_depth(&self.instrs);
        fuse_pairs(&mut self.instrs);
        let cell2arg = self
            .cellvars
            .iter()
            .map(|c| self.varnames.iter().take(self.total_args()).position(|v| v == c).map(|i| i as u32))
            .collect();
        let arcs = |v: &[String]| v.iter().map(|s| Arc::from(s.as_str())).collect::<Vec<Arc<str>>>();
        let mut code = CodeObject {
            name: Arc::from(self.name.as_str()),
            qualname: Arc::from(self.qualname.as_str()),
            filename: filename.clone(),
            first_line: self.first_line,
            argcount: self.argcount,
            posonlyargcount: self.posonlyargcount,
            kwonlyargcount: self.kwonlyargcount,
            flags: self.flags,
            instrs: self.instrs,
            lines: self.lines,
            consts: self.consts.iter().map(Const::to_value).collect(),
            names: arcs(&self.names),
            name_values: Vec::new(),
            varnames: arcs(&self.varnames),
            cellvars: arcs(&self.cellvars),
            freevars: arcs(&self.freevars),
            cell2arg,
            max_stack,
            plain_argcount: u32::MAX,
            name_hints: Box::default(),
        };
        code.prepare();
        Arc::new(code)
    }

    fn total_args(&self) -> usize {
        use crate::bytecode::flags;
        (self.argcount + self.kwonlyargcount) as usize
            + (self.flags & flags::VARARGS != 0) as usize
            + (self.flags & flags::VARKEYWORDS != 0) as usize
    }
}

/// Marks `LoadFast` instructions that start a common pair with a fused
/// opcode. Only the first instruction changes: the fused handler reads the
/// operands of the ones after it and skips them when its fast path applies;
/// otherwise it acts as `LoadFast` and they run as usual. A jump to the
/// second instruction therefore still sees the original, and the stack
/// effect of the fused op is that of `LoadFast`.
pub fn fuse_pairs(instrs: &mut [Instr]) {
    for i in 0..instrs.len().saturating_sub(1) {
        if instrs[i].op != Op::LoadFast {
            continue;
        }
        let next = instrs[i + 1].op;
        let after = instrs.get(i + 2).map(|x| x.op);
        instrs[i].op = match next {
            Op::LoadAttr => Op::LoadFastAttr,
            Op::StoreAttr => Op::LoadFastStoreAttr,
            Op::LoadConst if after == Some(Op::BinarySubscr) => Op::LoadFastIndex,
            _ => continue,
        };
    }
}

/// The deepest value stack any path reaches (depths at jump targets follow
/// the opcode docs: handlers see the exception pushed, `ForIter` exits with
/// the iterator popped, `Jump*OrPop` keep the value when jumping).
pub fn max_stack_depth(instrs: &[Instr]) -> u32 {
    let n = instrs.len();
    let mut depth_at: Vec<i32> = vec![-1; n];
    let mut work: Vec<(usize, i32)> = vec![(0, 0)];
    let mut max = 0i32;
    while let Some((mut pc, mut d)) = work.pop() {
        while pc < n {
            if depth_at[pc] >= d {
                break;
            }
            depth_at[pc] = d;
            let ins = instrs[pc];
            let target = ins.arg as usize;
            match ins.op {
                Op::Jump => work.push((target, d)),
                Op::PopJumpIfFalse | Op::PopJumpIfTrue => work.push((target, d - 1)),
                Op::JumpIfFalseOrPop | Op::JumpIfTrueOrPop => work.push((target, d)),
                Op::ForIter => work.push((target, d - 1)),
                Op::SetupFinally => {
                    work.push((target, d + 1));
                    max = max.max(d + 1);
                }
                Op::JumpIfNotExcMatch => work.push((target, d - 2)),
                _ => {}
            }
            d += ins.op.stack_effect(ins.arg);
            // Ops that push before popping (e.g. `Copy`) never exceed `d`
            // after the effect, except those whose intermediate is higher.
            max = max.max(d);
            if is_terminator(ins.op) {
                break;
            }
            pc += 1;
        }
    }
    max.max(0) as u32
}
