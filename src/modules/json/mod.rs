//! The `_json` accelerator module used by the embedded `json` package (as
//! CPython's json uses its C `_json`): string escaping, string scanning, a
//! whole-document encoder and a whole-document decoder for plain data.
//!
//! Invariant: the fast paths never change behaviour. `encode`, `decode`,
//! `raw_decode` and `scanstring` return `NotImplemented` ("bail") for
//! anything they do not handle exactly like the Python code in json.py —
//! unknown types, container subclasses, every error — and json.py then runs
//! its Python path, which produces the result or the exact exception. No
//! Python code runs here, and no container lock is held across more than one
//! element access.

mod decode;
mod encode;

use crate::builtins::args::{check_args, vtname};
use crate::object::types::types;
use crate::object::{pystr::pystr_of, Args, NativeFn};
use crate::pvm::exc::type_error;
use crate::pvm::{PyResult, Vm};
use crate::value::Value;

pub fn make(_vm: &mut Vm) -> PyResult<Value> {
    let fns: &[(&'static str, &'static str, NativeFn)] = &[
        ("encode_basestring_ascii", "_json.encode_basestring_ascii", encode_basestring_ascii),
        ("encode_basestring", "_json.encode_basestring", encode_basestring),
        ("scanstring", "_json.scanstring", scanstring),
        ("encode", "_json.encode", encode),
        ("decode", "_json.decode", decode),
        ("raw_decode", "_json.raw_decode", raw_decode),
    ];
    Ok(super::module_with("_json", fns))
}

fn not_implemented() -> Value {
    types().not_implemented.clone()
}

fn str_of<'a>(v: &'a Value) -> PyResult<&'a str> {
    v.as_str().ok_or_else(|| type_error(format!("first argument must be a string, not {}", vtname(v))))
}

fn truthy(v: &Value) -> Option<bool> {
    match v {
        Value::Bool(b) => Some(b.get()),
        Value::None => Some(false),
        Value::Int(i) => Some(*i != 0),
        _ => None,
    }
}

/// `encode_basestring_ascii(s)`: `s` as a JSON string literal, ASCII only.
fn encode_basestring_ascii(_vm: &mut Vm, a: Args) -> PyResult {
    check_args("encode_basestring_ascii", &a, 1, 1)?;
    let s = str_of(&a.pos[0])?;
    let mut out = String::with_capacity(s.len() + 2);
    encode::push_quoted(&mut out, s, true);
    Ok(Value::string(out))
}

/// `encode_basestring(s)`: `s` as a JSON string literal.
fn encode_basestring(_vm: &mut Vm, a: Args) -> PyResult {
    check_args("encode_basestring", &a, 1, 1)?;
    let s = str_of(&a.pos[0])?;
    let mut out = String::with_capacity(s.len() + 2);
    encode::push_quoted(&mut out, s, false);
    Ok(Value::string(out))
}

/// `scanstring(s, end, strict)`: `(text, end)` of the JSON string whose
/// opening quote precedes char index `end`, or `NotImplemented` (errors,
/// and non-ASCII documents, where char indexes are not byte offsets).
fn scanstring(_vm: &mut Vm, a: Args) -> PyResult {
    check_args("scanstring", &a, 2, 3)?;
    let (Some(ps), Value::Int(end)) = (pystr_of(&a.pos[0]), &a.pos[1]) else {
        return Ok(not_implemented());
    };
    let strict = match a.pos.get(2) {
        None => true,
        Some(v) => match truthy(v) {
            Some(b) => b,
            None => return Ok(not_implemented()),
        },
    };
    if !ps.is_ascii() || *end < 1 || *end as usize > ps.as_str().len() {
        return Ok(not_implemented());
    }
    let mut d = decode::Decoder::new(ps.as_str(), strict, 0);
    d.pos = *end as usize;
    match d.string_value() {
        Some(v) => Ok(Value::tuple(vec![v, Value::Int(d.pos as i64)])),
        None => Ok(not_implemented()),
    }
}

/// `encode(o, ensure_ascii, allow_nan, check_circular, sort_keys, skipkeys,
/// indent, key_separator, item_separator)`: the JSON text of `o`, or
/// `NotImplemented`. `indent` is None or a str.
fn encode(_vm: &mut Vm, a: Args) -> PyResult {
    check_args("encode", &a, 9, 9)?;
    let p = &a.pos;
    let flags: Option<Vec<bool>> = p[1..6].iter().map(truthy).collect();
    let Some(flags) = flags else {
        return Ok(not_implemented());
    };
    let indent = match &p[6] {
        Value::None => None,
        v => match v.as_str() {
            Some(s) => Some(s),
            None => return Ok(not_implemented()),
        },
    };
    let (Some(key_sep), Some(item_sep)) = (p[7].as_str(), p[8].as_str()) else {
        return Ok(not_implemented());
    };
    let opts = encode::Options {
        ascii: flags[0],
        allow_nan: flags[1],
        check_circular: flags[2],
        sort_keys: flags[3],
        skipkeys: flags[4],
        indent,
        key_sep,
        item_sep,
    };
    match encode::encode(&p[0], &opts) {
        Some(s) => Ok(Value::string(s)),
        None => Ok(not_implemented()),
    }
}

/// `decode(s, strict)`: the value of the JSON document `s` (surrounding
/// whitespace allowed), or `NotImplemented`.
fn decode(vm: &mut Vm, a: Args) -> PyResult {
    check_args("decode", &a, 2, 2)?;
    let (Some(s), Some(strict)) = (a.pos[0].as_str(), truthy(&a.pos[1])) else {
        return Ok(not_implemented());
    };
    let limit = vm.rt.recursion_limit().min(decode::MAX_DEPTH);
    let mut d = decode::Decoder::new(s, strict, limit);
    match d.document() {
        Some(v) => Ok(v),
        None => Ok(not_implemented()),
    }
}

/// `raw_decode(s, idx, strict)`: `(value, end)` of the JSON value starting
/// exactly at char index `idx` of an ASCII `s`, or `NotImplemented`.
fn raw_decode(vm: &mut Vm, a: Args) -> PyResult {
    check_args("raw_decode", &a, 3, 3)?;
    let (Some(ps), Value::Int(idx), Some(strict)) = (pystr_of(&a.pos[0]), &a.pos[1], truthy(&a.pos[2])) else {
        return Ok(not_implemented());
    };
    let s = ps.as_str();
    if !ps.is_ascii() || *idx < 0 || *idx as usize >= s.len() || s.as_bytes()[*idx as usize].is_ascii_whitespace() {
        return Ok(not_implemented());
    }
    let limit = vm.rt.recursion_limit().min(decode::MAX_DEPTH);
    let mut d = decode::Decoder::new(s, strict, limit);
    d.pos = *idx as usize;
    match d.value() {
        Some(v) => Ok(Value::tuple(vec![v, Value::Int(d.pos as i64)])),
        None => Ok(not_implemented()),
    }
}
