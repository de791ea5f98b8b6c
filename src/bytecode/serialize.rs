//! Code-object serialization (the `.pyc` payload). Little-endian,
//! length-prefixed; `deserialize` validates everything it reads (lengths
//! against the remaining input before allocating, opcodes, every operand
//! index against its table, jump targets, nesting depth) so corrupt or
//! truncated input is an `Err`, never a panic or a huge allocation.
//!
//! Any change to this layout must bump `compiler::cache::FORMAT_VERSION`.

use super::{CodeObject, Instr, Op};
use crate::object::Payload;
use crate::value::Value;
use num_bigint::BigInt;
use std::sync::Arc;

const T_NONE: u8 = 0;
const T_FALSE: u8 = 1;
const T_TRUE: u8 = 2;
const T_INT: u8 = 3;
const T_BIGINT: u8 = 4;
const T_FLOAT: u8 = 5;
const T_STR: u8 = 6;
const T_BYTES: u8 = 7;
const T_ELLIPSIS: u8 = 8;
const T_TUPLE: u8 = 9;
const T_CODE: u8 = 10;

const MAX_DEPTH: u32 = 200;

pub fn serialize(code: &CodeObject) -> Vec<u8> {
    let mut w = Vec::new();
    write_code(&mut w, code);
    w
}

fn put_u32(w: &mut Vec<u8>, v: u32) {
    w.extend_from_slice(&v.to_le_bytes());
}

fn put_bytes(w: &mut Vec<u8>, b: &[u8]) {
    put_u32(w, b.len() as u32);
    w.extend_from_slice(b);
}

fn put_strs(w: &mut Vec<u8>, v: &[Arc<str>]) {
    put_u32(w, v.len() as u32);
    for s in v {
        put_bytes(w, s.as_bytes());
    }
}

fn write_code(w: &mut Vec<u8>, c: &CodeObject) {
    put_bytes(w, c.name.as_bytes());
    put_bytes(w, c.qualname.as_bytes());
    put_bytes(w, c.filename.as_bytes());
    for v in [c.first_line, c.argcount, c.posonlyargcount, c.kwonlyargcount, c.flags, c.max_stack] {
        put_u32(w, v);
    }
    put_u32(w, c.instrs.len() as u32);
    for (i, ins) in c.instrs.iter().enumerate() {
        w.push(ins.op as u8);
        put_u32(w, ins.arg);
        put_u32(w, c.lines.get(i).copied().unwrap_or(c.first_line));
    }
    put_u32(w, c.consts.len() as u32);
    for v in &c.consts {
        write_const(w, v);
    }
    put_strs(w, &c.names);
    put_strs(w, &c.varnames);
    put_strs(w, &c.cellvars);
    put_strs(w, &c.freevars);
    put_u32(w, c.cell2arg.len() as u32);
    for a in &c.cell2arg {
        put_u32(w, a.unwrap_or(u32::MAX));
    }
}

fn write_const(w: &mut Vec<u8>, v: &Value) {
    match v {
        Value::None | Value::Null => w.push(T_NONE),
        Value::Bool(b) => w.push(if b.get() { T_TRUE } else { T_FALSE }),
        Value::Int(i) => {
            w.push(T_INT);
            w.extend_from_slice(&i.to_le_bytes());
        }
        Value::Float(f) => {
            w.push(T_FLOAT);
            w.extend_from_slice(&f.get().to_bits().to_le_bytes());
        }
        Value::Obj(o) => match &o.payload {
            Payload::BigInt(b) => {
                w.push(T_BIGINT);
                put_bytes(w, &b.to_signed_bytes_le());
            }
            Payload::Str(_) => {
                w.push(T_STR);
                put_bytes(w, v.as_str().unwrap_or("").as_bytes());
            }
            Payload::Bytes(b) => {
                w.push(T_BYTES);
                put_bytes(w, b);
            }
            Payload::Ellipsis => w.push(T_ELLIPSIS),
            Payload::Tuple(items) => {
                w.push(T_TUPLE);
                put_u32(w, items.len() as u32);
                items.iter().for_each(|x| write_const(w, x));
            }
            Payload::Code(c) => {
                w.push(T_CODE);
                write_code(w, c);
            }
            // Not a constant type; the compiler never produces it.
            _ => w.push(T_NONE),
        },
    }
}

pub fn deserialize(bytes: &[u8]) -> Result<Arc<CodeObject>, String> {
    let mut r = Reader { b: bytes, pos: 0 };
    let code = r.code(0)?;
    if r.pos != bytes.len() {
        return Err("trailing bytes after code object".into());
    }
    Ok(code)
}

struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        if self.b.len() - self.pos < n {
            return Err("truncated bytecode".into());
        }
        let s = &self.b[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }
    fn u8(&mut self) -> Result<u8, String> {
        Ok(self.take(1)?[0])
    }
    fn u32(&mut self) -> Result<u32, String> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().unwrap()))
    }
    fn u64(&mut self) -> Result<u64, String> {
        Ok(u64::from_le_bytes(self.take(8)?.try_into().unwrap()))
    }
    /// A count of items each taking at least `min_size` bytes.
    fn count(&mut self, min_size: usize) -> Result<usize, String> {
        let n = self.u32()? as usize;
        if n.saturating_mul(min_size) > self.b.len() - self.pos {
            return Err("corrupt length in bytecode".into());
        }
        Ok(n)
    }
    fn bytes(&mut self) -> Result<&'a [u8], String> {
        let n = self.count(1)?;
        self.take(n)
    }
    fn string(&mut self) -> Result<Arc<str>, String> {
        let b = self.bytes()?;
        std::str::from_utf8(b).map(Arc::from).map_err(|_| "invalid utf-8 in bytecode".to_string())
    }
    fn strs(&mut self) -> Result<Vec<Arc<str>>, String> {
        let n = self.count(4)?;
        (0..n).map(|_| self.string()).collect()
    }

    fn code(&mut self, depth: u32) -> Result<Arc<CodeObject>, String> {
        if depth > MAX_DEPTH {
            return Err("code objects nested too deeply".into());
        }
        let name = self.string()?;
        let qualname = self.string()?;
        let filename = self.string()?;
        let mut h = [0u32; 6];
        for v in &mut h {
            *v = self.u32()?;
        }
        let n = self.count(9)?;
        let mut instrs = Vec::with_capacity(n);
        let mut lines = Vec::with_capacity(n);
        for _ in 0..n {
            let op = Op::from_u8(self.u8()?).ok_or("invalid opcode in bytecode")?;
            let arg = self.u32()?;
            instrs.push(Instr { op, arg });
            lines.push(self.u32()?);
        }
        let nc = self.count(1)?;
        let consts = (0..nc).map(|_| self.constant(depth)).collect::<Result<Vec<_>, _>>()?;
        let names = self.strs()?;
        let varnames = self.strs()?;
        let cellvars = self.strs()?;
        let freevars = self.strs()?;
        let n2 = self.count(4)?;
        let mut cell2arg = Vec::with_capacity(n2);
        for _ in 0..n2 {
            let a = self.u32()?;
            cell2arg.push(if a == u32::MAX { None } else { Some(a) });
        }
        let mut code = CodeObject {
            name,
            qualname,
            filename,
            first_line: h[0],
            argcount: h[1],
            posonlyargcount: h[2],
            kwonlyargcount: h[3],
            flags: h[4],
            max_stack: h[5],
            instrs,
            lines,
            consts,
            names,
            name_values: Vec::new(),
            varnames,
            cellvars,
            freevars,
            cell2arg,
            plain_argcount: u32::MAX,
            name_hints: Box::default(),
        };
        validate(&code)?;
        code.prepare();
        Ok(Arc::new(code))
    }

    fn constant(&mut self, depth: u32) -> Result<Value, String> {
        Ok(match self.u8()? {
            T_NONE => Value::None,
            T_FALSE => Value::Bool(crate::value::Flag::FALSE),
            T_TRUE => Value::Bool(crate::value::Flag::TRUE),
            T_INT => Value::Int(self.u64()? as i64),
            T_BIGINT => Value::bigint(BigInt::from_signed_bytes_le(self.bytes()?)),
            T_FLOAT => Value::float(f64::from_bits(self.u64()?)),
            T_STR => Value::str(&self.string()?),
            T_BYTES => Value::bytes(self.bytes()?.to_vec()),
            T_ELLIPSIS => crate::object::types::types().ellipsis.clone(),
            T_TUPLE => {
                if depth > MAX_DEPTH {
                    return Err("constants nested too deeply".into());
                }
                let n = self.count(1)?;
                Value::tuple((0..n).map(|_| self.constant(depth + 1)).collect::<Result<Vec<_>, _>>()?)
            }
            T_CODE => Value::obj(Payload::Code(self.code(depth + 1)?)),
            t => return Err(format!("invalid constant tag {t} in bytecode")),
        })
    }
}

/// Checks every operand against the table it indexes.
fn validate(c: &CodeObject) -> Result<(), String> {
    let ncells = c.cellvars.len() + c.freevars.len();
    if c.total_args() > c.varnames.len() || c.posonlyargcount > c.argcount {
        return Err("argument counts exceed varnames".into());
    }
    if c.cell2arg.len() != c.cellvars.len() {
        return Err("cell2arg length mismatch".into());
    }
    if c.cell2arg.iter().flatten().any(|&a| a as usize >= c.total_args()) {
        return Err("cell2arg index out of range".into());
    }
    for ins in &c.instrs {
        let i = ins.arg as usize;
        let limit = match ins.op.operand() {
            "const" => c.consts.len(),
            "local" => c.varnames.len(),
            "name" => c.names.len(),
            "cell" => ncells,
            "target" => c.instrs.len(),
            _ => usize::MAX,
        };
        if i >= limit {
            return Err(format!("operand {i} of {} out of range", ins.op.name()));
        }
    }
    Ok(())
}
