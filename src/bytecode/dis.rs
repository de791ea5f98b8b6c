//! The disassembler (`weft dis FILE`): every code object, recursively, in a
//! CPython-`dis`-like layout, plus Python-style `repr` of constants.

use super::opcodes::{BinOp, CmpOp, BINOP_INPLACE};
use super::{flags, CodeObject, Op};
use crate::builtins::repr::{bytes_repr, float_repr, quote_str};
use crate::object::Payload;
use crate::value::Value;
use std::collections::HashSet;
use std::fmt::Write;

/// Disassembles `code` and every code object nested in its constants.
pub fn disassemble(code: &CodeObject) -> String {
    let mut out = String::new();
    let mut first = true;
    dis_rec(code, &mut out, &mut first);
    out
}

fn dis_rec(code: &CodeObject, out: &mut String, first: &mut bool) {
    if !*first {
        out.push('\n');
    }
    *first = false;
    dis_one(code, out);
    for c in &code.consts {
        if let Some(Payload::Code(inner)) = c.payload() {
            dis_rec(inner, out, first);
        }
    }
}

fn op_name(op: Op) -> String {
    let mut s = String::new();
    for (i, ch) in op.name().chars().enumerate() {
        if ch.is_ascii_uppercase() && i > 0 {
            s.push('_');
        }
        s.push(ch.to_ascii_uppercase());
    }
    s
}

fn flag_names(f: u32) -> String {
    let names = [
        (flags::VARARGS, "VARARGS"),
        (flags::VARKEYWORDS, "VARKEYWORDS"),
        (flags::GENERATOR, "GENERATOR"),
        (flags::NAMESPACE, "NAMESPACE"),
        (flags::CLASS_BODY, "CLASS_BODY"),
        (flags::COROUTINE, "COROUTINE"),
        (flags::ASYNC_GENERATOR, "ASYNC_GENERATOR"),
    ];
    let v: Vec<&str> = names.iter().filter(|(b, _)| f & b != 0).map(|(_, n)| *n).collect();
    if v.is_empty() {
        "0".into()
    } else {
        v.join(" | ")
    }
}

fn list(items: &[std::sync::Arc<str>]) -> String {
    items.iter().map(|s| s.to_string()).collect::<Vec<_>>().join(", ")
}

fn header(code: &CodeObject, out: &mut String) {
    let _ = writeln!(out, "Disassembly of {}:", code_repr(code));
    let _ = writeln!(out, "  qualname:  {}", code.qualname);
    let _ = writeln!(
        out,
        "  args:      argcount={} posonly={} kwonly={}",
        code.argcount, code.posonlyargcount, code.kwonlyargcount
    );
    let _ = writeln!(out, "  flags:     {}", flag_names(code.flags));
    let _ = writeln!(out, "  max_stack: {}", code.max_stack);
    let consts: Vec<String> = code.consts.iter().enumerate().map(|(i, c)| format!("{i}: {}", const_repr(c))).collect();
    let _ = writeln!(out, "  consts:    {}", consts.join(", "));
    let _ = writeln!(out, "  names:     {}", list(&code.names));
    let _ = writeln!(out, "  varnames:  {}", list(&code.varnames));
    if !code.cellvars.is_empty() {
        let _ = writeln!(out, "  cellvars:  {}", list(&code.cellvars));
    }
    if !code.freevars.is_empty() {
        let _ = writeln!(out, "  freevars:  {}", list(&code.freevars));
    }
}

fn dis_one(code: &CodeObject, out: &mut String) {
    header(code, out);
    let targets: HashSet<u32> = code.instrs.iter().filter(|i| is_jump(i.op)).map(|i| i.arg).collect();
    let mut last_line = 0;
    for (ip, ins) in code.instrs.iter().enumerate() {
        let line = code.line_of(ip);
        let line_col = if line != last_line {
            last_line = line;
            if ip > 0 {
                out.push('\n');
            }
            format!("{line:>4}")
        } else {
            "    ".to_string()
        };
        let mark = if targets.contains(&(ip as u32)) { ">>" } else { "  " };
        let meaning = operand_meaning(code, ins.op, ins.arg);
        let arg = if ins.op.operand().is_empty() { String::new() } else { ins.arg.to_string() };
        let mut l = format!("{line_col}   {mark}{ip:>5} {:<22}{arg:>5}", op_name(ins.op));
        if !meaning.is_empty() {
            let _ = write!(l, " ({meaning})");
        }
        out.push_str(l.trim_end());
        out.push('\n');
    }
}

fn is_jump(op: Op) -> bool {
    op.operand() == "target"
}

fn operand_meaning(code: &CodeObject, op: Op, arg: u32) -> String {
    let i = arg as usize;
    let get = |v: &[std::sync::Arc<str>], i: usize| v.get(i).map(|s| s.to_string()).unwrap_or_else(|| "?".into());
    match op.operand() {
        "const" => code.consts.get(i).map(const_repr).unwrap_or_else(|| "?".into()),
        "local" => get(&code.varnames, i),
        "name" => get(&code.names, i),
        "cell" => {
            if i < code.cellvars.len() {
                get(&code.cellvars, i)
            } else {
                get(&code.freevars, i - code.cellvars.len())
            }
        }
        "target" => format!("to {arg}"),
        "binop" => match BinOp::from_arg(arg) {
            Some((b, inplace)) => format!("{}{}", b.symbol(), if inplace { "=" } else { "" }),
            None => "?".into(),
        },
        "cmp" => CmpOp::from_arg(arg).map(|c| c.symbol().to_string()).unwrap_or_else(|| "?".into()),
        "invert" => match (op, arg) {
            (Op::IsOp, 0) => "is".into(),
            (Op::IsOp, _) => "is not".into(),
            (_, 0) => "in".into(),
            _ => "not in".into(),
        },
        "flags" => {
            let mut v = Vec::new();
            for (b, n) in [(1, "defaults"), (2, "kwdefaults"), (8, "closure")] {
                if arg & b != 0 {
                    v.push(n);
                }
            }
            v.join(", ")
        }
        "conv | 4 if spec" => {
            let conv = ["", "str", "repr", "ascii"][(arg & 3) as usize];
            let spec = if arg & 4 != 0 { "with format" } else { "" };
            [conv, spec].iter().filter(|s| !s.is_empty()).cloned().collect::<Vec<_>>().join(", ")
        }
        "before | after << 8" => format!("{} before, {} after", arg & 0xff, arg >> 8),
        _ => {
            let _ = BINOP_INPLACE;
            String::new()
        }
    }
}

fn code_repr(code: &CodeObject) -> String {
    format!("<code object {}, file \"{}\", line {}>", code.name, code.filename, code.first_line)
}

/// Python's `repr` of a constant value (the builtins' repr helpers, which
/// need no VM for constants).
pub fn const_repr(v: &Value) -> String {
    match v {
        Value::Null => "<NULL>".into(),
        Value::None => "None".into(),
        Value::Bool(b) => if b.get() { "True" } else { "False" }.into(),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => float_repr(f.get()),
        Value::Obj(o) => match &o.payload {
            Payload::Str(_) => quote_str(v.as_str().unwrap_or(""), false),
            Payload::BigInt(b) => b.to_string(),
            Payload::Bytes(b) => bytes_repr(b),
            Payload::Ellipsis => "Ellipsis".into(),
            Payload::Tuple(items) => {
                let parts: Vec<String> = items.iter().map(const_repr).collect();
                if parts.len() == 1 {
                    format!("({},)", parts[0])
                } else {
                    format!("({})", parts.join(", "))
                }
            }
            Payload::Code(c) => code_repr(c),
            _ => "<object>".into(),
        },
    }
}

