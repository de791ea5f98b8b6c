//! `bytes`/`bytearray` methods that behave like their `str` counterparts on
//! the bytes read as latin-1 text (one char per byte): padding, splitting,
//! prefix/suffix removal, `%` formatting. Each converts its bytes arguments
//! to latin-1 strings, runs the `str` method, and converts the result back.

use crate::builtins::args::*;
use crate::object::{Args, NativeFn, Payload};
use crate::pvm::exc::type_error;
use crate::pvm::{PyResult, Vm};
use crate::value::Value;
use parking_lot::Mutex;

fn latin1(b: &[u8]) -> String {
    b.iter().map(|&c| c as char).collect()
}

fn to_latin1_bytes(s: &str) -> PyResult<Vec<u8>> {
    s.chars()
        .map(|c| u8::try_from(c as u32).map_err(|_| type_error("bytes formatting produced a character outside range(256)")))
        .collect()
}

fn as_text(v: &Value) -> Value {
    match super::bytes::bytes_of(v) {
        Some(b) => Value::string(latin1(&b)),
        None => v.clone(),
    }
}

/// Converts a `str` method's result back: str → bytes (or bytearray when
/// `self` is one), lists and tuples item by item.
fn back(v: Value, bytearray: bool) -> PyResult {
    match v.payload() {
        Some(Payload::Str(_)) => {
            let b = to_latin1_bytes(v.as_str().unwrap_or(""))?;
            Ok(if bytearray { Value::obj(Payload::ByteArray(Mutex::new(b))) } else { Value::bytes(b) })
        }
        Some(Payload::List(l)) => {
            let items = l.lock().clone();
            Ok(Value::list(items.into_iter().map(|x| back(x, bytearray)).collect::<PyResult<Vec<_>>>()?))
        }
        Some(Payload::Tuple(t)) => {
            let items = t.to_vec();
            Ok(Value::tuple(items.into_iter().map(|x| back(x, bytearray)).collect::<PyResult<Vec<_>>>()?))
        }
        _ => Ok(v),
    }
}

fn delegate(vm: &mut Vm, a: Args, method: &'static str) -> PyResult {
    let Some(me) = a.pos.first() else { return Err(type_error(format!("descriptor '{method}' needs an argument"))) };
    let Some(b) = super::bytes::bytes_of(me) else { return Err(descr_error(method, "bytes", me)) };
    let bytearray = matches!(me.payload(), Some(Payload::ByteArray(_)));
    for v in a.pos.iter().skip(1) {
        if matches!(v.payload(), Some(Payload::Str(_))) {
            return Err(type_error(format!("a bytes-like object is required, not '{}'", vtname(v))));
        }
    }
    let s = Value::string(latin1(&b));
    let args: Vec<Value> = a.pos.iter().skip(1).map(as_text).collect();
    let kw: Vec<(std::sync::Arc<str>, Value)> = a.kw.iter().map(|(k, v)| (k.clone(), as_text(v))).collect();
    let f = vm.getattr(&s, method)?;
    let r = vm.call(&f, Args { pos: args, kw })?;
    back(r, bytearray)
}

macro_rules! delegates {
    ($($f:ident => $name:literal,)*) => {
        $(fn $f(vm: &mut Vm, a: Args) -> PyResult { delegate(vm, a, $name) })*
        const DELEGATES: &[(&str, NativeFn)] = &[$(($name, $f),)*];
    };
}

delegates! {
    center => "center",
    ljust => "ljust",
    rjust => "rjust",
    zfill => "zfill",
    rsplit => "rsplit",
    splitlines => "splitlines",
    rpartition => "rpartition",
    rindex => "rindex",
    removeprefix => "removeprefix",
    removesuffix => "removesuffix",
    expandtabs => "expandtabs",
}

/// `bytes % args`: `%s`/`%b` insert bytes as they are, numbers as text.
fn modulo(vm: &mut Vm, a: Args) -> PyResult {
    check_method("__mod__", &a, 1, 1)?;
    let me = &a.pos[0];
    let Some(b) = super::bytes::bytes_of(me) else { return Err(descr_error("__mod__", "bytes", me)) };
    let bytearray = matches!(me.payload(), Some(Payload::ByteArray(_)));
    // %b is %s on the latin-1 text.
    let mut fmt = String::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        fmt.push(c as char);
        i += 1;
        if c == b'%' {
            while i < b.len() && !b[i].is_ascii_alphabetic() && b[i] != b'%' {
                fmt.push(b[i] as char);
                i += 1;
            }
            if i < b.len() {
                fmt.push(if b[i] == b'b' { 's' } else { b[i] as char });
                i += 1;
            }
        }
    }
    let arg = &a.pos[1];
    for v in arg_items(arg) {
        if matches!(v.payload(), Some(Payload::Str(_))) {
            return Err(type_error(format!(
                "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
                vtname(&v)
            )));
        }
    }
    let conv = match arg.payload() {
        Some(Payload::Tuple(t)) => Value::tuple(t.iter().map(as_text).collect()),
        Some(Payload::Dict(d)) => {
            let items: Vec<(Value, Value)> = d.lock().iter().map(|e| (as_text(&e.key), as_text(&e.value))).collect();
            let mut dd = crate::object::DictData::default();
            for (k, v) in items {
                // Only str keys can be named by a `%(key)s` spec.
                if k.as_str().is_some() {
                    dd.set_str(k, v);
                }
            }
            Value::obj(Payload::Dict(Mutex::new(dd)))
        }
        _ => as_text(arg),
    };
    let out = crate::builtins::format::percent_format(vm, &fmt, &conv)?;
    back(Value::string(out), bytearray)
}

fn arg_items(v: &Value) -> Vec<Value> {
    match v.payload() {
        Some(Payload::Tuple(t)) => t.to_vec(),
        Some(Payload::Dict(d)) => d.lock().iter().map(|e| e.value.clone()).collect(),
        _ => vec![v.clone()],
    }
}

/// Installs these methods on `bytes` and `bytearray`.
pub fn install() {
    let t = crate::object::types::types();
    for (ty, prefix) in [(&t.bytes, "bytes"), (&t.bytearray, "bytearray")] {
        for (name, f) in DELEGATES {
            let q: &'static str = Box::leak(format!("{prefix}.{name}").into_boxed_str());
            crate::builtins::add_method(ty, name, q, *f);
        }
        let q: &'static str = Box::leak(format!("{prefix}.__mod__").into_boxed_str());
        crate::builtins::add_method(ty, "__mod__", q, modulo);
    }
}
