//! `bytes`/`bytearray` methods on ASCII letters only (other bytes are left
//! alone, as CPython does): capitalize, swapcase, title, istitle, isascii;
//! `translate`, `maketrans`, and `bytearray.remove`.

use super::bytes::bytes_of;
use crate::builtins::add_method;
use crate::builtins::args::*;
use crate::object::{Args, NativeFn, Payload};
use crate::pvm::exc::{type_error, value_error};
use crate::pvm::{PyResult, Vm};
use crate::value::Value;
use parking_lot::Mutex;

fn this(a: &Args, method: &str) -> PyResult<Vec<u8>> {
    match a.pos.first() {
        Some(v) => bytes_of(v).ok_or_else(|| descr_error(method, "bytes", v)),
        None => Err(type_error(format!("descriptor '{method}' needs an argument"))),
    }
}

/// A result of the same kind as self (bytes or bytearray).
fn like(a: &Args, b: Vec<u8>) -> Value {
    match a.pos.first().and_then(|v| v.payload()) {
        Some(Payload::ByteArray(_)) => Value::obj(Payload::ByteArray(Mutex::new(b))),
        _ => Value::bytes(b),
    }
}

fn capitalize(_vm: &mut Vm, a: Args) -> PyResult {
    check_method("capitalize", &a, 0, 0)?;
    let mut b = this(&a, "capitalize")?;
    for (i, c) in b.iter_mut().enumerate() {
        *c = if i == 0 { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() };
    }
    Ok(like(&a, b))
}

fn swapcase(_vm: &mut Vm, a: Args) -> PyResult {
    check_method("swapcase", &a, 0, 0)?;
    let mut b = this(&a, "swapcase")?;
    for c in b.iter_mut() {
        *c = if c.is_ascii_uppercase() { c.to_ascii_lowercase() } else { c.to_ascii_uppercase() };
    }
    Ok(like(&a, b))
}

fn title(_vm: &mut Vm, a: Args) -> PyResult {
    check_method("title", &a, 0, 0)?;
    let mut b = this(&a, "title")?;
    let mut prev_cased = false;
    for c in b.iter_mut() {
        *c = if prev_cased { c.to_ascii_lowercase() } else { c.to_ascii_uppercase() };
        prev_cased = c.is_ascii_alphabetic();
    }
    Ok(like(&a, b))
}

fn istitle(_vm: &mut Vm, a: Args) -> PyResult {
    check_method("istitle", &a, 0, 0)?;
    let b = this(&a, "istitle")?;
    let (mut cased, mut prev_cased) = (false, false);
    for c in b {
        if c.is_ascii_uppercase() {
            if prev_cased {
                return Ok(Value::bool(false));
            }
            prev_cased = true;
            cased = true;
        } else if c.is_ascii_lowercase() {
            if !prev_cased {
                return Ok(Value::bool(false));
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    Ok(Value::bool(cased))
}

fn isascii(_vm: &mut Vm, a: Args) -> PyResult {
    check_method("isascii", &a, 0, 0)?;
    Ok(Value::bool(this(&a, "isascii")?.is_ascii()))
}

/// `translate(table, /, delete=b'')`: table is None or 256 bytes.
fn translate(_vm: &mut Vm, mut a: Args) -> PyResult {
    let delete = a.take_kw("delete");
    check_method("translate", &a, 1, 2)?;
    let b = this(&a, "translate")?;
    let table = match &a.pos[1] {
        Value::None => None,
        v => {
            let t = bytes_of(v).ok_or_else(|| type_error(format!("a bytes-like object is required, not '{}'", vtname(v))))?;
            if t.len() != 256 {
                return Err(value_error("translation table must be 256 characters long"));
            }
            Some(t)
        }
    };
    let delete = match delete.or_else(|| a.pos.get(2).cloned()) {
        None => Vec::new(),
        Some(v) => bytes_of(&v).ok_or_else(|| type_error(format!("a bytes-like object is required, not '{}'", vtname(&v))))?,
    };
    let out: Vec<u8> = b
        .into_iter()
        .filter(|c| !delete.contains(c))
        .map(|c| table.as_ref().map_or(c, |t| t[c as usize]))
        .collect();
    Ok(like(&a, out))
}

/// `bytes.maketrans(from, to)`: the 256-byte table mapping from[i] to to[i].
fn maketrans(_vm: &mut Vm, a: Args) -> PyResult {
    check_args("maketrans", &a, 2, 2)?;
    let from = bytes_of(&a.pos[0]).ok_or_else(|| type_error(format!("a bytes-like object is required, not '{}'", vtname(&a.pos[0]))))?;
    let to = bytes_of(&a.pos[1]).ok_or_else(|| type_error(format!("a bytes-like object is required, not '{}'", vtname(&a.pos[1]))))?;
    if from.len() != to.len() {
        return Err(value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255u8).collect();
    for (f, t) in from.into_iter().zip(to) {
        table[f as usize] = t;
    }
    Ok(Value::bytes(table))
}

/// `bytearray.remove(value)`: drops the first byte equal to value.
fn remove(_vm: &mut Vm, a: Args) -> PyResult {
    check_method("remove", &a, 1, 1)?;
    let Some(Payload::ByteArray(b)) = a.pos[0].payload() else { return Err(descr_error("remove", "bytearray", &a.pos[0])) };
    let x = small_int(&a.pos[1]).ok_or_else(|| type_error(format!("'{}' object cannot be interpreted as an integer", vtname(&a.pos[1]))))?;
    if !(0..=255).contains(&x) {
        return Err(value_error("byte must be in range(0, 256)"));
    }
    let mut v = b.lock();
    match v.iter().position(|&c| c as i64 == x) {
        Some(i) => {
            v.remove(i);
            Ok(Value::None)
        }
        None => Err(value_error("value not found in bytearray")),
    }
}

pub fn install() {
    let t = crate::object::types::types();
    let methods: &[(&str, NativeFn)] =
        &[("capitalize", capitalize), ("swapcase", swapcase), ("title", title), ("istitle", istitle), ("isascii", isascii), ("translate", translate)];
    for (ty, prefix) in [(&t.bytes, "bytes"), (&t.bytearray, "bytearray")] {
        for (name, f) in methods {
            let q: &'static str = Box::leak(format!("{prefix}.{name}").into_boxed_str());
            add_method(ty, name, q, *f);
        }
        let q: &'static str = Box::leak(format!("{prefix}.maketrans").into_boxed_str());
        crate::builtins::add_staticmethod(ty, "maketrans", q, maketrans);
    }
    add_method(&t.bytearray, "remove", "bytearray.remove", remove);
}
