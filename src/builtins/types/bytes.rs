//! `bytes` and `bytearray`: constructors, decode/hex/fromhex, indexing
//! (ints) and slicing, operators, the common str-like methods, and the
//! bytearray mutators.

use super::seq;
use crate::builtins::args::*;
use crate::builtins::iters::{make_iter, SeqIter};
use crate::builtins::{add_classmethod, add_method, add_staticmethod};
use crate::bytecode::CmpOp;
use crate::object::types::types;
use crate::object::{Args, NativeFn, Payload};
use crate::pvm::exc::{index_error, type_error, value_error, PyErr};
use crate::pvm::{PyResult, Vm};
use crate::value::Value;
use parking_lot::Mutex;

/// The bytes of a bytes-like value (copied).
pub fn bytes_of(v: &Value) -> Option<Vec<u8>> {
    match v.payload()? {
        Payload::Bytes(b) => Some(b.to_vec()),
        Payload::ByteArray(b) => Some(b.lock().clone()),
        _ => None,
    }
}

fn this(a: &Args, method: &str) -> PyResult<Vec<u8>> {
    match a.pos.first() {
        Some(v) => bytes_of(v).ok_or_else(|| descr_error(method, "bytes", v)),
        None => Err(type_error(format!("descriptor '{method}' needs an argument"))),
    }
}

fn is_bytearray(v: &Value) -> bool {
    matches!(v.payload(), Some(Payload::ByteArray(_)))
}

/// A result of the same kind as self (bytes or bytearray).
fn like(a: &Args, b: Vec<u8>) -> Value {
    if a.pos.first().map(is_bytearray).unwrap_or(false) {
        Value::obj(Payload::ByteArray(Mutex::new(b)))
    } else {
        Value::bytes(b)
    }
}

fn ba<'a>(a: &'a Args, method: &str) -> PyResult<&'a Mutex<Vec<u8>>> {
    match a.pos.first().and_then(|v| v.payload()) {
        Some(Payload::ByteArray(b)) => Ok(b),
        _ => Err(type_error(format!("descriptor '{method}' requires a 'bytearray' object"))),
    }
}

pub fn install() {
    let t = types();
    let common: &[(&'static str, &'static str, NativeFn)] = &[
        ("decode", "bytes.decode", decode_m),
        ("hex", "bytes.hex", hex),
        ("__getitem__", "bytes.__getitem__", getitem),
        ("__len__", "bytes.__len__", len),
        ("__contains__", "bytes.__contains__", contains),
        ("__iter__", "bytes.__iter__", iter),
        ("__add__", "bytes.__add__", add),
        ("__mul__", "bytes.__mul__", mul),
        ("__rmul__", "bytes.__rmul__", mul),
        ("__repr__", "bytes.__repr__", crate::builtins::types::misc::repr_method),
        ("__eq__", "bytes.__eq__", eq),
        ("__ne__", "bytes.__ne__", ne),
        ("__lt__", "bytes.__lt__", lt),
        ("__le__", "bytes.__le__", le),
        ("__gt__", "bytes.__gt__", gt),
        ("__ge__", "bytes.__ge__", ge),
        ("split", "bytes.split", split),
        ("join", "bytes.join", join),
        ("strip", "bytes.strip", strip),
        ("lstrip", "bytes.lstrip", lstrip),
        ("rstrip", "bytes.rstrip", rstrip),
        ("replace", "bytes.replace", replace),
        ("find", "bytes.find", find),
        ("rfind", "bytes.rfind", rfind),
        ("index", "bytes.index", index),
        ("count", "bytes.count", count),
        ("startswith", "bytes.startswith", startswith),
        ("endswith", "bytes.endswith", endswith),
        ("upper", "bytes.upper", upper),
        ("lower", "bytes.lower", lower),
        ("isdigit", "bytes.isdigit", isdigit),
        ("isalpha", "bytes.isalpha", isalpha),
        ("isalnum", "bytes.isalnum", isalnum),
        ("isspace", "bytes.isspace", isspace),
        ("isupper", "bytes.isupper", isupper),
        ("islower", "bytes.islower", islower),
        ("partition", "bytes.partition", partition),
    ];
    for ty in [&t.bytes, &t.bytearray] {
        for (n, q, f) in common {
            add_method(ty, n, q, *f);
        }
        add_classmethod(ty, "fromhex", "bytes.fromhex", fromhex);
    }
    add_staticmethod(&t.bytes, "__new__", "bytes.__new__", bytes_new);
    add_method(&t.bytes, "__hash__", "bytes.__hash__", hash);
    add_method(&t.bytes, "__bytes__", "bytes.__bytes__", to_bytes);
    let b = &t.bytearray;
    add_staticmethod(b, "__new__", "bytearray.__new__", bytearray_new);
    add_method(b, "__init__", "bytearray.__init__", bytearray_init);
    add_method(b, "append", "bytearray.append", append);
    add_method(b, "extend", "bytearray.extend", extend);
    add_method(b, "pop", "bytearray.pop", pop);
    add_method(b, "insert", "bytearray.insert", insert);
    add_method(b, "clear", "bytearray.clear", clear);
    add_method(b, "copy", "bytearray.copy", copy);
    add_method(b, "reverse", "bytearray.reverse", reverse);
    add_method(b, "__setitem__", "bytearray.__setitem__", setitem);
    add_method(b, "__delitem__", "bytearray.__delitem__", delitem);
    add_method(b, "__iadd__", "bytearray.__iadd__", iadd);
    crate::builtins::add_attr(b, "__hash__", Value::None);
}

fn byte_value(vm: &mut Vm, v: &Value) -> PyResult<u8> {
    if !is_int(v) && vm.call_special(v, "__index__", vec![]).ok().flatten().is_none() {
        return Err(type_error(format!("'{}' object cannot be interpreted as an integer", vtname(v))));
    }
    let n = index_clamped(vm, v)?;
    u8::try_from(n).map_err(|_| value_error("byte must be in range(0, 256)"))
}

/// The bytes of `bytes(x)` / `bytearray(x)` construction.
fn construct(vm: &mut Vm, a: &mut Args, name: &str) -> PyResult<Vec<u8>> {
    let src = arg_or_kw(a, 1, "source");
    let enc = arg_or_kw(a, 2, "encoding");
    let errors = arg_or_kw(a, 3, "errors");
    no_kw(name, a)?;
    let Some(src) = src else {
        if enc.is_some() || errors.is_some() {
            return Err(type_error("encoding or errors without sequence argument"));
        }
        return Ok(Vec::new());
    };
    if let Some(s) = src.as_str() {
        let Some(e) = enc else { return Err(type_error("string argument without an encoding")) };
        let e = str_arg(&e, || format!("{name}() argument 'encoding' must be str, not {}", vtname(&e)))?.to_string();
        let errs = errors.as_ref().and_then(|v| v.as_str()).unwrap_or("strict").to_string();
        return super::strmethods::encode_str(s, &e, &errs);
    }
    if enc.is_some() {
        return Err(type_error("encoding without a string argument"));
    }
    if let Some(b) = bytes_of(&src) {
        return Ok(b);
    }
    if is_int(&src) {
        let n = index_clamped(vm, &src)?;
        if n < 0 {
            return Err(value_error("negative count"));
        }
        if n > (1 << 40) {
            return Err(PyErr::new("MemoryError", ""));
        }
        return Ok(vec![0; n as usize]);
    }
    if let Some(r) = vm.call_special(&src, "__bytes__", vec![])? {
        return bytes_of(&r).ok_or_else(|| type_error(format!("__bytes__ returned non-bytes (type {})", vtname(&r))));
    }
    if vm.iter(&src).is_err() {
        return Err(type_error(format!("cannot convert '{}' object to {name}", vtname(&src))));
    }
    let items = vm.collect(&src)?;
    let mut out = Vec::with_capacity(items.len());
    for it in &items {
        out.push(byte_value(vm, it)?);
    }
    Ok(out)
}

fn bytes_new(vm: &mut Vm, mut a: Args) -> PyResult {
    let cls = new_cls(&a, &types().bytes, "bytes")?.clone();
    let b = construct(vm, &mut a, "bytes")?;
    Ok(make_instance(&cls, &types().bytes, Payload::Bytes(b.into_boxed_slice())))
}

fn bytearray_new(_vm: &mut Vm, a: Args) -> PyResult {
    let cls = new_cls(&a, &types().bytearray, "bytearray")?;
    Ok(make_instance(cls, &types().bytearray, Payload::ByteArray(Mutex::new(Vec::new()))))
}

fn bytearray_init(vm: &mut Vm, mut a: Args) -> PyResult {
    let b = construct(vm, &mut a, "bytearray")?;
    *ba(&a, "__init__")?.lock() = b;
    Ok(Value::None)
}

/// Decodes bytes (utf-8, ascii, latin-1) with strict/ignore/replace.
pub fn decode(b: &[u8], enc: &str, errors: &str) -> PyResult<String> {
    let norm = enc.to_ascii_lowercase().replace(['-', '_'], "");
    match norm.as_str() {
        "utf8" => match std::str::from_utf8(b) {
            Ok(s) => Ok(s.to_string()),
            Err(e) => match errors {
                "replace" => Ok(String::from_utf8_lossy(b).into_owned()),
                "ignore" => Ok(String::from_utf8_lossy(b).replace('\u{fffd}', "")),
                _ => {
                    let pos = e.valid_up_to();
                    let byte = b.get(pos).copied().unwrap_or(0);
                    let why = if e.error_len().is_none() {
                        "unexpected end of data"
                    } else if (0x80..0xc0).contains(&byte) || byte >= 0xf8 {
                        "invalid start byte"
                    } else {
                        "invalid continuation byte"
                    };
                    Err(PyErr::new("UnicodeDecodeError", format!("'utf-8' codec can't decode byte 0x{byte:02x} in position {pos}: {why}")))
                }
            },
        },
        "ascii" | "usascii" => {
            let mut s = String::with_capacity(b.len());
            for (i, &c) in b.iter().enumerate() {
                if c < 0x80 {
                    s.push(c as char);
                } else {
                    match errors {
                        "ignore" => {}
                        "replace" => s.push('\u{fffd}'),
                        _ => {
                            return Err(PyErr::new(
                                "UnicodeDecodeError",
                                format!("'ascii' codec can't decode byte 0x{c:02x} in position {i}: ordinal not in range(128)"),
                            ))
                        }
                    }
                }
            }
            Ok(s)
        }
        "latin1" | "iso88591" | "l1" => Ok(b.iter().map(|&c| c as char).collect()),
        "u8" | "utf" | "cp65001" => decode(b, "utf-8", errors),
        "utf16" | "utf16le" | "utf16be" | "u16" => decode_utf16(b, &norm, errors),
        "utf32" | "utf32le" | "utf32be" | "u32" => decode_utf32(b, &norm, errors),
        _ => Err(PyErr::new("LookupError", format!("unknown encoding: {enc}"))),
    }
}

/// The codec name CPython reports in decode errors.
fn codec_name(norm: &str) -> &'static str {
    match norm {
        "utf16le" => "utf-16-le",
        "utf16be" => "utf-16-be",
        "utf32le" => "utf-32-le",
        "utf32be" => "utf-32-be",
        n if n.contains("32") => "utf-32",
        _ => "utf-16",
    }
}

/// Whether a utf-16/32 codec reads big-endian units, after a BOM if the
/// plain codec name was used (the BOM is consumed then).
fn endianness<'a>(b: &'a [u8], norm: &str, bom_le: &[u8], bom_be: &[u8]) -> (bool, &'a [u8]) {
    if norm.ends_with("le") {
        return (false, b);
    }
    if norm.ends_with("be") {
        return (true, b);
    }
    if b.starts_with(bom_le) {
        (false, &b[bom_le.len()..])
    } else if b.starts_with(bom_be) {
        (true, &b[bom_be.len()..])
    } else {
        (false, b)
    }
}

fn decode_utf16(b: &[u8], norm: &str, errors: &str) -> PyResult<String> {
    let (be, body) = endianness(b, norm, &[0xff, 0xfe], &[0xfe, 0xff]);
    let units: Vec<u16> = body.chunks_exact(2).map(|c| if be { u16::from_be_bytes([c[0], c[1]]) } else { u16::from_le_bytes([c[0], c[1]]) }).collect();
    let mut out = String::with_capacity(units.len());
    for (i, r) in char::decode_utf16(units.iter().copied()).enumerate() {
        match r {
            Ok(c) => out.push(c),
            Err(_) if errors == "ignore" => {}
            Err(_) if errors == "replace" => out.push('\u{fffd}'),
            Err(e) => {
                return Err(PyErr::new(
                    "UnicodeDecodeError",
                    format!("'{}' codec can't decode bytes in position {}-{}: illegal encoding of surrogate 0x{:04x}", codec_name(norm), i * 2, i * 2 + 1, e.unpaired_surrogate()),
                ))
            }
        }
    }
    if body.len() % 2 == 1 {
        match errors {
            "ignore" => {}
            "replace" => out.push('\u{fffd}'),
            _ => {
                let pos = b.len() - 1;
                return Err(PyErr::new("UnicodeDecodeError", format!("'{}' codec can't decode byte 0x{:02x} in position {pos}: truncated data", codec_name(norm), b[pos])));
            }
        }
    }
    Ok(out)
}

fn decode_utf32(b: &[u8], norm: &str, errors: &str) -> PyResult<String> {
    let (be, body) = endianness(b, norm, &[0xff, 0xfe, 0, 0], &[0, 0, 0xfe, 0xff]);
    let mut out = String::with_capacity(body.len() / 4);
    for (i, c) in body.chunks(4).enumerate() {
        let ch = if c.len() == 4 {
            let u = if be { u32::from_be_bytes([c[0], c[1], c[2], c[3]]) } else { u32::from_le_bytes([c[0], c[1], c[2], c[3]]) };
            char::from_u32(u)
        } else {
            None
        };
        match ch {
            Some(ch) => out.push(ch),
            None if errors == "ignore" => {}
            None if errors == "replace" => out.push('\u{fffd}'),
            None => {
                let why = if c.len() < 4 { "truncated data" } else { "code point not in range(0x110000)" };
                return Err(PyErr::new("UnicodeDecodeError", format!("'{}' codec can't decode bytes in position {}-{}: {why}", codec_name(norm), i * 4, i * 4 + c.len() - 1)));
            }
        }
    }
    Ok(out)
}

fn decode_m(_vm: &mut Vm, mut a: Args) -> PyResult {
    let enc = arg_or_kw(&mut a, 1, "encoding");
    let errors = arg_or_kw(&mut a, 2, "errors");
    no_kw("decode", &a)?;
    let b = this(&a, "decode")?;
    let enc = enc.as_ref().and_then(|v| v.as_str()).unwrap_or("utf-8").to_string();
    let errors = errors.as_ref().and_then(|v| v.as_str()).unwrap_or("strict").to_string();
    Ok(Value::string(decode(&b, &enc, &errors)?))
}

fn hex(_vm: &mut Vm, a: Args) -> PyResult {
    let b = this(&a, "hex")?;
    let sep = a.pos.get(1).and_then(|v| v.as_str()).map(str::to_string);
    let parts: Vec<String> = b.iter().map(|c| format!("{c:02x}")).collect();
    Ok(Value::string(match sep {
        Some(s) => parts.join(&s),
        None => parts.concat(),
    }))
}

fn fromhex(vm: &mut Vm, a: Args) -> PyResult {
    check_method("fromhex", &a, 1, 1)?;
    let s = a.pos[1].as_str().ok_or_else(|| type_error(format!("fromhex() argument must be str, not {}", vtname(&a.pos[1]))))?;
    let mut out = Vec::new();
    let cs: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < cs.len() {
        if cs[i].is_whitespace() {
            i += 1;
            continue;
        }
        let hi = cs[i].to_digit(16);
        let lo = cs.get(i + 1).and_then(|c| c.to_digit(16));
        match (hi, lo) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            _ => {
                let pos = if hi.is_none() { i } else { i + 1 };
                return Err(value_error(format!("non-hexadecimal number found in fromhex() arg at position {pos}")));
            }
        }
        i += 2;
    }
    let cls = a.pos[0].clone();
    let v = Value::bytes(out);
    if cls.as_obj().map(|c| std::sync::Arc::ptr_eq(c, &types().bytes)).unwrap_or(false) {
        return Ok(v);
    }
    vm.call1(&cls, v)
}

fn getitem(vm: &mut Vm, a: Args) -> PyResult {
    check_method("__getitem__", &a, 1, 1)?;
    let b = this(&a, "__getitem__")?;
    let k = &a.pos[1];
    if is_slice(k) {
        let (start, _, step, n) = slice_indices(vm, k, b.len())?;
        let out: Vec<u8> = slice_positions(start, step, n).filter_map(|i| b.get(i).copied()).collect();
        return Ok(like(&a, out));
    }
    let kind = if is_bytearray(&a.pos[0]) { "bytearray" } else { "byte" };
    let i = super::list::list_index(vm, k, kind)?;
    match norm_index(i, b.len()) {
        Some(j) => Ok(Value::Int(b[j] as i64)),
        None => Err(index_error(format!("{} index out of range", if is_bytearray(&a.pos[0]) { "bytearray" } else { "index" }))),
    }
}

fn len(_vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::Int(this(&a, "__len__")?.len() as i64))
}

fn find_sub(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if needle.is_empty() {
        return if from <= hay.len() { Some(from) } else { None };
    }
    hay.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|p| p + from)
}

fn rfind_sub(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(hay.len());
    }
    if needle.len() > hay.len() {
        return None;
    }
    (0..=hay.len() - needle.len()).rev().find(|&i| &hay[i..i + needle.len()] == needle)
}

fn needle(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = bytes_of(v) {
        return Ok(b);
    }
    if is_int(v) {
        return Ok(vec![byte_value(vm, v)?]);
    }
    Err(type_error(format!("argument should be integer or bytes-like object, not '{}'", vtname(v))))
}

fn contains(vm: &mut Vm, a: Args) -> PyResult {
    check_method("__contains__", &a, 1, 1)?;
    let b = this(&a, "__contains__")?;
    let n = needle(vm, &a.pos[1])?;
    Ok(Value::bool(find_sub(&b, &n, 0).is_some()))
}

fn iter(_vm: &mut Vm, a: Args) -> PyResult {
    this(&a, "__iter__")?;
    Ok(make_iter(SeqIter { seq: a.pos[0].clone(), i: 0 }))
}

fn add(_vm: &mut Vm, a: Args) -> PyResult {
    check_method("__add__", &a, 1, 1)?;
    let mut b = this(&a, "__add__")?;
    match bytes_of(&a.pos[1]) {
        Some(o) => {
            b.extend(o);
            Ok(like(&a, b))
        }
        None => Err(type_error(format!("can't concat {} to {}", vtname(&a.pos[1]), vtname(&a.pos[0])))),
    }
}

fn mul(vm: &mut Vm, a: Args) -> PyResult {
    check_method("__mul__", &a, 1, 1)?;
    let b = this(&a, "__mul__")?;
    let Some(n) = seq::repeat_count(vm, &a.pos[1])? else { return Ok(types().not_implemented.clone()) };
    Ok(like(&a, seq::repeat(&b, n)?))
}

fn compare(a: &Args, op: CmpOp) -> PyResult {
    check_method(op.dunders().0, a, 1, 1)?;
    let x = this(a, op.dunders().0)?;
    match bytes_of(&a.pos[1]) {
        Some(y) => Ok(Value::bool(seq::ord_result(op, x.cmp(&y)))),
        None => Ok(types().not_implemented.clone()),
    }
}
fn eq(_vm: &mut Vm, a: Args) -> PyResult {
    compare(&a, CmpOp::Eq)
}
fn ne(_vm: &mut Vm, a: Args) -> PyResult {
    compare(&a, CmpOp::Ne)
}
fn lt(_vm: &mut Vm, a: Args) -> PyResult {
    compare(&a, CmpOp::Lt)
}
fn le(_vm: &mut Vm, a: Args) -> PyResult {
    compare(&a, CmpOp::Le)
}
fn gt(_vm: &mut Vm, a: Args) -> PyResult {
    compare(&a, CmpOp::Gt)
}
fn ge(_vm: &mut Vm, a: Args) -> PyResult {
    compare(&a, CmpOp::Ge)
}

fn hash(_vm: &mut Vm, a: Args) -> PyResult {
    let b = this(&a, "__hash__")?;
    Ok(Value::Int(crate::object::pystr::str_hash(&String::from_utf8_lossy(&b)) as i64 ^ 0x55))
}

fn to_bytes(_vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::bytes(this(&a, "__bytes__")?))
}

fn is_ws(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

fn split(vm: &mut Vm, mut a: Args) -> PyResult {
    let sep = arg_or_kw(&mut a, 1, "sep");
    let max = arg_or_kw(&mut a, 2, "maxsplit");
    no_kw("split", &a)?;
    let b = this(&a, "split")?;
    let max = match max {
        Some(m) => index_clamped(vm, &m)?,
        None => -1,
    };
    let mut out: Vec<Vec<u8>> = Vec::new();
    match sep.filter(|s| !s.is_none()) {
        None => {
            let mut i = 0;
            while i < b.len() {
                while i < b.len() && is_ws(b[i]) {
                    i += 1;
                }
                if i >= b.len() {
                    break;
                }
                if max >= 0 && out.len() as i64 >= max {
                    let mut end = b.len();
                    while end > i && is_ws(b[end - 1]) {
                        end -= 1;
                    }
                    out.push(b[i..end].to_vec());
                    break;
                }
                let st = i;
                while i < b.len() && !is_ws(b[i]) {
                    i += 1;
                }
                out.push(b[st..i].to_vec());
            }
        }
        Some(s) => {
            let s = bytes_of(&s).ok_or_else(|| type_error(format!("a bytes-like object is required, not '{}'", vtname(&s))))?;
            if s.is_empty() {
                return Err(value_error("empty separator"));
            }
            let mut start = 0;
            while let Some(p) = find_sub(&b, &s, start) {
                if max >= 0 && out.len() as i64 >= max {
                    break;
                }
                out.push(b[start..p].to_vec());
                start = p + s.len();
            }
            out.push(b[start..].to_vec());
        }
    }
    Ok(Value::list(out.into_iter().map(|x| like(&a, x)).collect()))
}

fn join(vm: &mut Vm, a: Args) -> PyResult {
    check_method("join", &a, 1, 1)?;
    let sep = this(&a, "join")?;
    let items = vm.collect(&a.pos[1])?;
    let mut out = Vec::new();
    for (i, it) in items.iter().enumerate() {
        let Some(b) = bytes_of(it) else {
            return Err(type_error(format!("sequence item {i}: expected a bytes-like object, {} found", vtname(it))));
        };
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend(b);
    }
    Ok(like(&a, out))
}

fn do_strip(a: Args, name: &str, l: bool, r: bool) -> PyResult {
    let b = this(&a, name)?;
    let chars = match a.pos.get(1) {
        None | Some(Value::None) => None,
        Some(v) => Some(bytes_of(v).ok_or_else(|| type_error(format!("a bytes-like object is required, not '{}'", vtname(v))))?),
    };
    let strip_it = |c: u8| match &chars {
        Some(cs) => cs.contains(&c),
        None => is_ws(c),
    };
    let mut s = 0;
    let mut e = b.len();
    if l {
        while s < e && strip_it(b[s]) {
            s += 1;
        }
    }
    if r {
        while e > s && strip_it(b[e - 1]) {
            e -= 1;
        }
    }
    Ok(like(&a, b[s..e].to_vec()))
}
fn strip(_vm: &mut Vm, a: Args) -> PyResult {
    do_strip(a, "strip", true, true)
}
fn lstrip(_vm: &mut Vm, a: Args) -> PyResult {
    do_strip(a, "lstrip", true, false)
}
fn rstrip(_vm: &mut Vm, a: Args) -> PyResult {
    do_strip(a, "rstrip", false, true)
}

fn replace(vm: &mut Vm, a: Args) -> PyResult {
    check_method("replace", &a, 2, 3)?;
    let b = this(&a, "replace")?;
    let old = needle(vm, &a.pos[1])?;
    let new = needle(vm, &a.pos[2])?;
    let mut count = match a.pos.get(3) {
        Some(c) => index_clamped(vm, c)?,
        None => -1,
    };
    let s = String::from_utf8_lossy(&b);
    if std::str::from_utf8(&b).is_ok() && std::str::from_utf8(&old).is_ok() && std::str::from_utf8(&new).is_ok() {
        let (o, n) = (String::from_utf8_lossy(&old), String::from_utf8_lossy(&new));
        let r = if count < 0 { s.replace(&*o, &n) } else { s.replacen(&*o, &n, count as usize) };
        return Ok(like(&a, r.into_bytes()));
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i <= b.len() {
        if count != 0 && !old.is_empty() && b[i..].starts_with(&old) {
            out.extend_from_slice(&new);
            i += old.len();
            count -= 1;
            continue;
        }
        if i < b.len() {
            out.push(b[i]);
        }
        i += 1;
    }
    Ok(like(&a, out))
}

fn window(vm: &mut Vm, a: &Args, name: &str) -> PyResult<(Vec<u8>, Vec<u8>, usize, usize)> {
    check_method(name, a, 1, 3)?;
    let b = this(a, name)?;
    let n = needle(vm, &a.pos[1])?;
    let st = opt_index(vm, a.pos.get(2))?;
    let en = opt_index(vm, a.pos.get(3))?;
    let (s, e) = adjust_range(st, en, b.len());
    Ok((b, n, s, e))
}

fn find_impl(vm: &mut Vm, a: &Args, name: &str, rev: bool) -> PyResult<i64> {
    let (b, n, s, e) = window(vm, a, name)?;
    if s > e {
        return Ok(-1);
    }
    let hay = &b[s..e];
    let r = if rev { rfind_sub(hay, &n) } else { find_sub(hay, &n, 0) };
    Ok(r.map(|p| (p + s) as i64).unwrap_or(-1))
}
fn find(vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::Int(find_impl(vm, &a, "find", false)?))
}
fn rfind(vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::Int(find_impl(vm, &a, "rfind", true)?))
}
fn index(vm: &mut Vm, a: Args) -> PyResult {
    match find_impl(vm, &a, "index", false)? {
        -1 => Err(value_error("subsection not found")),
        i => Ok(Value::Int(i)),
    }
}
fn count(vm: &mut Vm, a: Args) -> PyResult {
    let (b, n, s, e) = window(vm, &a, "count")?;
    if s > e {
        return Ok(Value::Int(0));
    }
    let hay = &b[s..e];
    if n.is_empty() {
        return Ok(Value::Int(hay.len() as i64 + 1));
    }
    let mut c = 0;
    let mut i = 0;
    while let Some(p) = find_sub(hay, &n, i) {
        c += 1;
        i = p + n.len();
    }
    Ok(Value::Int(c))
}

fn affix(vm: &mut Vm, a: Args, name: &str, end: bool) -> PyResult {
    check_method(name, &a, 1, 3)?;
    let b = this(&a, name)?;
    let st = opt_index(vm, a.pos.get(2))?;
    let en = opt_index(vm, a.pos.get(3))?;
    let (s, e) = adjust_range(st, en, b.len());
    let win: &[u8] = if s <= e { &b[s..e] } else { &[] };
    let test = |p: &[u8]| if end { win.ends_with(p) } else { win.starts_with(p) };
    if let Some(p) = bytes_of(&a.pos[1]) {
        return Ok(Value::bool(s <= e && test(&p)));
    }
    if let Some(Payload::Tuple(t)) = a.pos[1].payload() {
        for it in t.iter() {
            let p = bytes_of(it).ok_or_else(|| type_error(format!("a bytes-like object is required, not '{}'", vtname(it))))?;
            if s <= e && test(&p) {
                return Ok(Value::Bool(crate::value::Flag::TRUE));
            }
        }
        return Ok(Value::Bool(crate::value::Flag::FALSE));
    }
    Err(type_error(format!("{name} first arg must be bytes or a tuple of bytes, not {}", vtname(&a.pos[1]))))
}
fn startswith(vm: &mut Vm, a: Args) -> PyResult {
    affix(vm, a, "startswith", false)
}
fn endswith(vm: &mut Vm, a: Args) -> PyResult {
    affix(vm, a, "endswith", true)
}

fn upper(_vm: &mut Vm, a: Args) -> PyResult {
    let b = this(&a, "upper")?;
    Ok(like(&a, b.to_ascii_uppercase()))
}
fn lower(_vm: &mut Vm, a: Args) -> PyResult {
    let b = this(&a, "lower")?;
    Ok(like(&a, b.to_ascii_lowercase()))
}
fn bpred(a: Args, name: &str, f: fn(&u8) -> bool) -> PyResult {
    let b = this(&a, name)?;
    Ok(Value::bool(!b.is_empty() && b.iter().all(f)))
}
fn isdigit(_vm: &mut Vm, a: Args) -> PyResult {
    bpred(a, "isdigit", u8::is_ascii_digit)
}
fn isalpha(_vm: &mut Vm, a: Args) -> PyResult {
    bpred(a, "isalpha", u8::is_ascii_alphabetic)
}
fn isalnum(_vm: &mut Vm, a: Args) -> PyResult {
    bpred(a, "isalnum", u8::is_ascii_alphanumeric)
}
fn isspace(_vm: &mut Vm, a: Args) -> PyResult {
    bpred(a, "isspace", |c| is_ws(*c))
}
fn isupper(_vm: &mut Vm, a: Args) -> PyResult {
    let b = this(&a, "isupper")?;
    Ok(Value::bool(b.iter().any(u8::is_ascii_uppercase) && !b.iter().any(u8::is_ascii_lowercase)))
}
fn islower(_vm: &mut Vm, a: Args) -> PyResult {
    let b = this(&a, "islower")?;
    Ok(Value::bool(b.iter().any(u8::is_ascii_lowercase) && !b.iter().any(u8::is_ascii_uppercase)))
}

fn partition(_vm: &mut Vm, a: Args) -> PyResult {
    check_method("partition", &a, 1, 1)?;
    let b = this(&a, "partition")?;
    let sep = bytes_of(&a.pos[1]).ok_or_else(|| type_error(format!("a bytes-like object is required, not '{}'", vtname(&a.pos[1]))))?;
    if sep.is_empty() {
        return Err(value_error("empty separator"));
    }
    let parts = match find_sub(&b, &sep, 0) {
        Some(p) => vec![b[..p].to_vec(), sep.clone(), b[p + sep.len()..].to_vec()],
        None => vec![b.clone(), vec![], vec![]],
    };
    Ok(Value::tuple(parts.into_iter().map(|p| like(&a, p)).collect()))
}

// ---- bytearray mutators ----

fn append(vm: &mut Vm, a: Args) -> PyResult {
    check_method("append", &a, 1, 1)?;
    let c = byte_value(vm, &a.pos[1])?;
    ba(&a, "append")?.lock().push(c);
    Ok(Value::None)
}

fn extend(vm: &mut Vm, a: Args) -> PyResult {
    check_method("extend", &a, 1, 1)?;
    let src = match bytes_of(&a.pos[1]) {
        Some(b) => b,
        None => {
            let items = vm.collect(&a.pos[1])?;
            let mut out = Vec::with_capacity(items.len());
            for it in &items {
                out.push(byte_value(vm, it)?);
            }
            out
        }
    };
    ba(&a, "extend")?.lock().extend(src);
    Ok(Value::None)
}

fn pop(vm: &mut Vm, a: Args) -> PyResult {
    check_method("pop", &a, 0, 1)?;
    let i = match a.pos.get(1) {
        Some(v) => index_clamped(vm, v)?,
        None => -1,
    };
    let mut g = ba(&a, "pop")?.lock();
    if g.is_empty() {
        return Err(index_error("pop from empty bytearray"));
    }
    match norm_index(i, g.len()) {
        Some(j) => Ok(Value::Int(g.remove(j) as i64)),
        None => Err(index_error("pop index out of range")),
    }
}

fn insert(vm: &mut Vm, a: Args) -> PyResult {
    check_method("insert", &a, 2, 2)?;
    let i = index_clamped(vm, &a.pos[1])?;
    let c = byte_value(vm, &a.pos[2])?;
    let mut g = ba(&a, "insert")?.lock();
    let len = g.len() as i64;
    let pos = if i < 0 { (i.saturating_add(len)).max(0) } else { i.min(len) };
    g.insert(pos as usize, c);
    Ok(Value::None)
}

fn clear(_vm: &mut Vm, a: Args) -> PyResult {
    ba(&a, "clear")?.lock().clear();
    Ok(Value::None)
}
fn copy(_vm: &mut Vm, a: Args) -> PyResult {
    let b = ba(&a, "copy")?.lock().clone();
    Ok(Value::obj(Payload::ByteArray(Mutex::new(b))))
}
fn reverse(_vm: &mut Vm, a: Args) -> PyResult {
    ba(&a, "reverse")?.lock().reverse();
    Ok(Value::None)
}

fn setitem(vm: &mut Vm, a: Args) -> PyResult {
    check_method("__setitem__", &a, 2, 2)?;
    let m = ba(&a, "__setitem__")?;
    let k = &a.pos[1];
    if is_slice(k) {
        let src = match bytes_of(&a.pos[2]) {
            Some(b) => b,
            None => {
                let items = vm.collect(&a.pos[2])?;
                let mut out = Vec::new();
                for it in &items {
                    out.push(byte_value(vm, it)?);
                }
                out
            }
        };
        let len = m.lock().len();
        let (start, stop, step, n) = slice_indices(vm, k, len)?;
        return super::list::assign_slice(&mut m.lock(), start, stop, step, n, src).map(|_| Value::None);
    }
    let i = super::list::list_index(vm, k, "bytearray")?;
    let c = byte_value(vm, &a.pos[2])?;
    let mut g = m.lock();
    match norm_index(i, g.len()) {
        Some(j) => {
            g[j] = c;
            Ok(Value::None)
        }
        None => Err(index_error("bytearray index out of range")),
    }
}

fn delitem(vm: &mut Vm, a: Args) -> PyResult {
    check_method("__delitem__", &a, 1, 1)?;
    let m = ba(&a, "__delitem__")?;
    let k = &a.pos[1];
    if is_slice(k) {
        let len = m.lock().len();
        let (start, stop, step, n) = slice_indices(vm, k, len)?;
        super::list::delete_slice(&mut m.lock(), start, stop, step, n);
        return Ok(Value::None);
    }
    let i = super::list::list_index(vm, k, "bytearray")?;
    let mut g = m.lock();
    match norm_index(i, g.len()) {
        Some(j) => {
            g.remove(j);
            Ok(Value::None)
        }
        None => Err(index_error("bytearray index out of range")),
    }
}

fn iadd(_vm: &mut Vm, a: Args) -> PyResult {
    check_method("__iadd__", &a, 1, 1)?;
    let o = bytes_of(&a.pos[1]).ok_or_else(|| type_error(format!("can't concat {} to bytearray", vtname(&a.pos[1]))))?;
    ba(&a, "__iadd__")?.lock().extend(o);
    Ok(a.pos[0].clone())
}
