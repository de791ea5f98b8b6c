//! `float`: constructor (strings incl. inf/nan and underscores,
//! `__float__`, `__index__`) and methods (is_integer, as_integer_ratio,
//! hex/fromhex, rounding, formatting). Arithmetic is the VM's.

use crate::builtins::args::*;
use crate::builtins::numfuncs::{float_to_bigint, parse_float_str, round_float};
use crate::builtins::{add_classmethod, add_getset, add_method, add_staticmethod};
use crate::object::types::{hash_f64, types};
use crate::object::{Args, Payload};
use crate::pvm::exc::{overflow_error, type_error, value_error};
use crate::pvm::{PyResult, Vm};
use crate::value::Value;
use num_bigint::BigInt;

pub fn install() {
    let t = &types().float;
    add_staticmethod(t, "__new__", "float.__new__", float_new);
    add_method(t, "is_integer", "float.is_integer", is_integer);
    add_method(t, "as_integer_ratio", "float.as_integer_ratio", as_integer_ratio);
    add_method(t, "hex", "float.hex", hex);
    add_classmethod(t, "fromhex", "float.fromhex", fromhex);
    add_method(t, "conjugate", "float.conjugate", as_float);
    add_method(t, "__float__", "float.__float__", as_float);
    add_method(t, "__int__", "float.__int__", trunc);
    add_method(t, "__trunc__", "float.__trunc__", trunc);
    add_method(t, "__floor__", "float.__floor__", floor);
    add_method(t, "__ceil__", "float.__ceil__", ceil);
    add_method(t, "__round__", "float.__round__", round);
    add_method(t, "__bool__", "float.__bool__", to_bool);
    add_method(t, "__format__", "float.__format__", format);
    add_method(t, "__repr__", "float.__repr__", crate::builtins::types::misc::repr_method);
    add_method(t, "__hash__", "float.__hash__", hash);
    add_method(t, "__getnewargs__", "float.__getnewargs__", getnewargs);
    add_getset(t, "real", as_float, None);
    add_getset(t, "imag", zero, None);
}

fn this(a: &Args, method: &str) -> PyResult<f64> {
    match a.pos.first() {
        Some(Value::Float(f)) => Ok(f.get()),
        Some(v) => Err(descr_error(method, "float", v)),
        None => Err(type_error(format!("descriptor '{method}' of 'float' object needs an argument"))),
    }
}

/// `float(x)` for one argument.
pub fn float_from(vm: &mut Vm, x: &Value) -> PyResult<f64> {
    match x {
        Value::Float(f) => return Ok(f.get()),
        Value::Int(i) => return Ok(*i as f64),
        Value::Bool(b) => return Ok(b.get() as i64 as f64),
        _ => {}
    }
    if let Some(Payload::BigInt(b)) = x.payload() {
        if !user_overrides(x, "__float__") {
            return crate::pvm::numeric::big_to_f64(b);
        }
    }
    let text = match x.payload() {
        Some(Payload::Str(s)) => Some(s.as_str().to_string()),
        Some(Payload::Bytes(_)) | Some(Payload::ByteArray(_)) => {
            Some(String::from_utf8_lossy(&super::bytes::bytes_of(x).unwrap_or_default()).into_owned())
        }
        _ => None,
    };
    if let Some(t) = text {
        return parse_float_str(&t).ok_or_else(|| {
            let r = vm.repr(&Value::string(t.clone())).unwrap_or_default();
            value_error(format!("could not convert string to float: {r}"))
        });
    }
    if let Some(r) = vm.call_special(x, "__float__", vec![])? {
        return match r {
            Value::Float(f) => Ok(f.get()),
            _ => Err(type_error(format!("{}.__float__ returned non-float (type {})", vtname(x), vtname(&r)))),
        };
    }
    if vm.call_special(x, "__index__", vec![])?.is_some() {
        let b = vm.to_bigint(x)?;
        return crate::pvm::numeric::big_to_f64(&b);
    }
    Err(type_error(format!("float() argument must be a string or a real number, not '{}'", vtname(x))))
}

fn float_new(vm: &mut Vm, a: Args) -> PyResult {
    no_kwargs("float", &a)?;
    new_cls(&a, &types().float, "float")?;
    if a.pos.len() > 2 {
        return Err(type_error(format!("float expected at most 1 argument, got {}", a.pos.len() - 1)));
    }
    let f = match a.pos.get(1) {
        Some(x) => float_from(vm, x)?,
        None => 0.0,
    };
    // Floats are inline values; subclass instances are not representable
    // yet and degrade to plain floats.
    Ok(Value::float(f))
}

fn is_integer(_vm: &mut Vm, a: Args) -> PyResult {
    let f = this(&a, "is_integer")?;
    Ok(Value::bool(f.is_finite() && f.fract() == 0.0))
}

/// (numerator, denominator) of a finite float, exactly.
pub fn integer_ratio(f: f64) -> PyResult<(BigInt, BigInt)> {
    if f.is_infinite() {
        return Err(overflow_error("cannot convert Infinity to integer ratio"));
    }
    if f.is_nan() {
        return Err(value_error("cannot convert NaN to integer ratio"));
    }
    if f == 0.0 {
        return Ok((BigInt::from(0), BigInt::from(1)));
    }
    let bits = f.to_bits();
    let neg = bits >> 63 != 0;
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mut mant = bits & ((1u64 << 52) - 1);
    let mut e = if exp == 0 { -1074 } else { exp - 1075 };
    if exp != 0 {
        mant |= 1u64 << 52;
    }
    while mant & 1 == 0 && e < 0 {
        mant >>= 1;
        e += 1;
    }
    let mut n = BigInt::from(mant);
    let mut d = BigInt::from(1);
    if e >= 0 {
        n <<= e as usize;
    } else {
        d <<= (-e) as usize;
    }
    if neg {
        n = -n;
    }
    Ok((n, d))
}

fn as_integer_ratio(_vm: &mut Vm, a: Args) -> PyResult {
    let (n, d) = integer_ratio(this(&a, "as_integer_ratio")?)?;
    Ok(Value::tuple(vec![Value::bigint(n), Value::bigint(d)]))
}

/// `float.hex()`.
pub fn float_hex(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sign = if f.is_sign_negative() { "-" } else { "" };
    if f == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mant = bits & ((1u64 << 52) - 1);
    let (lead, e) = if exp == 0 { (0, -1022) } else { (1, exp - 1023) };
    // CPython always prints all 13 hex digits of the mantissa.
    let digits = format!("{mant:013x}");
    format!("{sign}0x{lead}.{digits}p{}{}", if e >= 0 { "+" } else { "-" }, e.abs())
}

fn hex(_vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::string(float_hex(this(&a, "hex")?)))
}

/// Parses `float.fromhex` input.
pub fn parse_hex_float(s: &str) -> Option<f64> {
    let t = s.trim();
    let (neg, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = t.to_ascii_lowercase();
    if let Some(f) = parse_float_str(&lower).filter(|_| lower.starts_with("inf") || lower == "nan") {
        return Some(if neg { -f } else { f });
    }
    let body = lower.strip_prefix("0x").unwrap_or(&lower);
    let (mant, exp) = match body.split_once('p') {
        Some((m, e)) => (m, e.parse::<i64>().ok()?),
        None => (body, 0),
    };
    let (ip, fp) = mant.split_once('.').unwrap_or((mant, ""));
    if ip.is_empty() && fp.is_empty() {
        return None;
    }
    let mut v = 0f64;
    for c in ip.chars() {
        v = v * 16.0 + c.to_digit(16)? as f64;
    }
    let mut scale = 1.0 / 16.0;
    for c in fp.chars() {
        v += c.to_digit(16)? as f64 * scale;
        scale /= 16.0;
    }
    let r = v * 2f64.powi(exp.clamp(-2000, 2000) as i32);
    Some(if neg { -r } else { r })
}

fn fromhex(vm: &mut Vm, a: Args) -> PyResult {
    check_method("fromhex", &a, 1, 1)?;
    let s = a.pos[1].as_str().ok_or_else(|| type_error(format!("must be str, not {}", vtname(&a.pos[1]))))?;
    let f = parse_hex_float(s).ok_or_else(|| value_error("invalid hexadecimal floating-point string"))?;
    if f.is_infinite() && !s.to_ascii_lowercase().contains("inf") {
        return Err(overflow_error("hexadecimal value too large to represent as a float"));
    }
    let cls = a.pos[0].clone();
    if cls.as_obj().map(|c| std::sync::Arc::ptr_eq(c, &types().float)).unwrap_or(true) {
        return Ok(Value::float(f));
    }
    vm.call1(&cls, Value::float(f))
}

fn as_float(_vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::float(this(&a, "__float__")?))
}
fn zero(_vm: &mut Vm, _a: Args) -> PyResult {
    Ok(Value::float(0.0))
}
fn trunc(_vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::bigint(float_to_bigint(this(&a, "__trunc__")?)?))
}
fn floor(_vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::bigint(float_to_bigint(this(&a, "__floor__")?.floor())?))
}
fn ceil(_vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::bigint(float_to_bigint(this(&a, "__ceil__")?.ceil())?))
}
fn to_bool(_vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::bool(this(&a, "__bool__")? != 0.0))
}

fn round(vm: &mut Vm, a: Args) -> PyResult {
    check_method("__round__", &a, 0, 1)?;
    let f = this(&a, "__round__")?;
    match a.pos.get(1) {
        None | Some(Value::None) => Ok(Value::bigint(float_to_bigint(f.round_ties_even())?)),
        Some(n) => {
            let n = index_clamped(vm, n)?;
            Ok(Value::float(round_float(f, n)?))
        }
    }
}

fn format(_vm: &mut Vm, a: Args) -> PyResult {
    check_method("__format__", &a, 1, 1)?;
    let f = this(&a, "__format__")?;
    let spec = str_arg(&a.pos[1], || format!("format() argument 2 must be str, not {}", vtname(&a.pos[1])))?;
    Ok(Value::string(crate::builtins::format::format_float(f, spec)?))
}

fn hash(_vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::Int(hash_f64(this(&a, "__hash__")?)))
}

fn getnewargs(_vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::tuple(vec![Value::float(this(&a, "__getnewargs__")?)]))
}
