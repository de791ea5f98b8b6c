//! Numeric parsing (`int("0x_ff", 0)`, `float(" 1e3 ")`) and the numeric
//! builtins: abs, round, divmod, pow, hex, oct, bin.

use super::args::*;
use crate::bytecode::BinOp;
use crate::object::Args;
use crate::pvm::exc::{overflow_error, type_error, value_error};
use crate::pvm::{PyResult, Vm};
use crate::value::Value;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{FromPrimitive, One, Signed, Zero};

/// `int(f)` for a float: truncation, errors for inf/nan.
pub fn float_to_bigint(f: f64) -> PyResult<BigInt> {
    if f.is_nan() {
        return Err(value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(overflow_error("cannot convert float infinity to integer"));
    }
    Ok(BigInt::from_f64(f.trunc()).unwrap_or_default())
}

fn invalid_literal(vm: &mut Vm, base: u32, orig: &Value) -> crate::pvm::PyErr {
    let r = vm.repr(orig).unwrap_or_default();
    value_error(format!("invalid literal for int() with base {base}: {r}"))
}

/// Parses an int literal per `int(s, base)` (base 0 = by prefix).
pub fn parse_int(text: &str, base: u32, orig: &Value, vm: &mut Vm) -> PyResult<BigInt> {
    super::intlimit::check_parse(text, base)?;
    parse_int_str(text, base).ok_or_else(|| invalid_literal(vm, base, orig))
}

/// The parser behind `parse_int`; `None` on a malformed literal.
pub fn parse_int_str(text: &str, base: u32) -> Option<BigInt> {
    let s = text.trim_matches(|c: char| c.is_whitespace());
    let (neg, s) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let lower = s.to_ascii_lowercase();
    let prefixed = |p: &str| lower.starts_with(p);
    let (mut base, mut digits) = (base, s);
    let mut had_prefix = false;
    for (p, b) in [("0x", 16), ("0o", 8), ("0b", 2)] {
        if prefixed(p) && (base == 0 || base == b) {
            base = b;
            digits = &s[2..];
            had_prefix = true;
        }
    }
    if base == 0 {
        base = 10;
        let trimmed = s.trim_start_matches(['0', '_']);
        if s.starts_with('0') && !trimmed.is_empty() {
            return None;
        }
    }
    let digits = if had_prefix { digits.strip_prefix('_').unwrap_or(digits) } else { digits };
    if digits.is_empty() || digits.starts_with('_') || digits.ends_with('_') || digits.contains("__") {
        return None;
    }
    let clean: String = digits.chars().filter(|c| *c != '_').map(|c| c.to_digit(10).map(|d| char::from(b'0' + d as u8)).unwrap_or(c)).collect();
    if !clean.chars().all(|c| c.is_digit(base)) {
        return None;
    }
    let n = BigInt::parse_bytes(clean.as_bytes(), base)?;
    Some(if neg { -n } else { n })
}

/// Parses a float literal per `float(s)`.
pub fn parse_float_str(text: &str) -> Option<f64> {
    let s = text.trim_matches(|c: char| c.is_whitespace());
    let (sign, body) = match s.as_bytes().first() {
        Some(b'-') => (-1.0, &s[1..]),
        Some(b'+') => (1.0, &s[1..]),
        _ => (1.0, s),
    };
    let lower = body.to_ascii_lowercase();
    match lower.as_str() {
        "inf" | "infinity" => return Some(sign * f64::INFINITY),
        "nan" => return Some(f64::NAN.copysign(sign)),
        _ => {}
    }
    if body.is_empty() || body.starts_with('_') || body.ends_with('_') || body.contains("__") {
        return None;
    }
    let bytes = body.as_bytes();
    for (i, &c) in bytes.iter().enumerate() {
        if c == b'_' && !(i > 0 && bytes[i - 1].is_ascii_digit() && bytes.get(i + 1).map_or(false, |d| d.is_ascii_digit())) {
            return None;
        }
        if !(c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'E' | b'+' | b'-' | b'_')) {
            return None;
        }
    }
    let clean: String = body.chars().filter(|c| *c != '_').collect();
    clean.parse::<f64>().ok().map(|f| sign * f)
}

pub fn builtin_abs(vm: &mut Vm, a: Args) -> PyResult {
    check_args("abs", &a, 1, 1)?;
    no_kwargs("abs", &a)?;
    let x = &a.pos[0];
    match x {
        Value::Int(i) => return Ok(i.checked_abs().map(Value::Int).unwrap_or_else(|| Value::bigint(BigInt::from(*i).abs()))),
        Value::Bool(b) => return Ok(Value::Int(b.get() as i64)),
        Value::Float(f) => return Ok(Value::float(f.get().abs())),
        _ => {}
    }
    if let (Some(n), false) = (int_value(x), user_overrides(x, "__abs__")) {
        return Ok(Value::bigint(n.abs()));
    }
    match vm.call_special(x, "__abs__", vec![])? {
        Some(r) => Ok(r),
        None => Err(type_error(format!("bad operand type for abs(): '{}'", vtname(x)))),
    }
}

/// Rounds a float to `nd` decimal digits like CPython (correctly rounded).
pub fn round_float(x: f64, nd: i64) -> PyResult<f64> {
    if !x.is_finite() || x == 0.0 {
        return Ok(x);
    }
    if nd > 330 {
        return Ok(x);
    }
    if nd < -330 {
        return Ok(0.0f64.copysign(x));
    }
    if nd >= 0 {
        let s = format!("{:.*}", nd as usize, x);
        let r: f64 = s.parse().unwrap_or(x);
        if r.is_infinite() {
            return Err(overflow_error("rounded value too large to represent"));
        }
        return Ok(if r == 0.0 { 0.0f64.copysign(x) } else { r });
    }
    let p = 10f64.powi((-nd) as i32);
    let y = (x / p).round_ties_even() * p;
    if y.is_infinite() {
        return Err(overflow_error("rounded value too large to represent"));
    }
    Ok(if y == 0.0 { 0.0f64.copysign(x) } else { y })
}

pub fn builtin_round(vm: &mut Vm, mut a: Args) -> PyResult {
    let number = arg_or_kw(&mut a, 0, "number");
    let nd = arg_or_kw(&mut a, 1, "ndigits");
    no_kw("round", &a)?;
    if a.pos.len() > 2 {
        return Err(type_error(format!("round() takes at most 2 arguments ({} given)", a.pos.len())));
    }
    let x = number.ok_or_else(|| type_error("round() missing required argument 'number' (pos 1)"))?;
    let nd = nd.filter(|v| !v.is_none());
    if let Value::Float(f) = x {
        return match nd {
            None => {
                let r = f.get().round_ties_even();
                Ok(Value::bigint(float_to_bigint(r)?))
            }
            Some(n) => {
                let n = index_clamped(vm, &n)?;
                Ok(Value::float(round_float(f.get(), n)?))
            }
        };
    }
    let args = nd.into_iter().collect();
    match vm.call_special(&x, "__round__", args)? {
        Some(r) => Ok(r),
        None => Err(type_error(format!("type {} doesn't define __round__ method", vtname(&x)))),
    }
}

pub fn builtin_divmod(vm: &mut Vm, a: Args) -> PyResult {
    check_args("divmod", &a, 2, 2)?;
    let (x, y) = (&a.pos[0], &a.pos[1]);
    let numeric = |v: &Value| is_int(v) || matches!(v, Value::Float(_));
    if numeric(x) && numeric(y) && !user_overrides(x, "__divmod__") && !user_overrides(y, "__rdivmod__") {
        let q = vm.binary_op(x, y, BinOp::FloorDiv, false)?;
        let r = vm.binary_op(x, y, BinOp::Mod, false)?;
        return Ok(Value::tuple(vec![q, r]));
    }
    if let Some(r) = vm.call_special(x, "__divmod__", vec![y.clone()])? {
        if !r.is(&crate::object::types::types().not_implemented) {
            return Ok(r);
        }
    }
    if let Some(r) = vm.call_special(y, "__rdivmod__", vec![x.clone()])? {
        if !r.is(&crate::object::types::types().not_implemented) {
            return Ok(r);
        }
    }
    Err(type_error(format!("unsupported operand type(s) for divmod(): '{}' and '{}'", vtname(x), vtname(y))))
}

/// Modular inverse of `a` mod `m` (m > 0).
fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let e = a.mod_floor(m).extended_gcd(m);
    if !e.gcd.is_one() {
        return None;
    }
    Some(e.x.mod_floor(m))
}

pub fn builtin_pow(vm: &mut Vm, mut a: Args) -> PyResult {
    let base = arg_or_kw(&mut a, 0, "base");
    let exp = arg_or_kw(&mut a, 1, "exp");
    let m = arg_or_kw(&mut a, 2, "mod");
    no_kw("pow", &a)?;
    let (Some(base), Some(exp)) = (base, exp) else {
        return Err(type_error(format!("pow() missing required argument 'exp' (pos 2)")));
    };
    let m = m.filter(|v| !v.is_none());
    let Some(m) = m else { return vm.binary_op(&base, &exp, BinOp::Pow, false) };
    let (Some(b), Some(e), Some(md)) = (int_value(&base), int_value(&exp), int_value(&m)) else {
        if let Some(r) = vm.call_special(&base, "__pow__", vec![exp.clone(), m.clone()])? {
            if !r.is(&crate::object::types::types().not_implemented) {
                return Ok(r);
            }
        }
        return Err(type_error("pow() 3rd argument not allowed unless all arguments are integers"));
    };
    if md.is_zero() {
        return Err(value_error("pow() 3rd argument cannot be 0"));
    }
    let mabs = md.abs();
    let (b, e) = if e.is_negative() {
        match mod_inverse(&b, &mabs) {
            Some(inv) => (inv, -e),
            None => return Err(value_error("base is not invertible for the given modulus")),
        }
    } else {
        (b, e)
    };
    let mut r = b.modpow(&e, &mabs);
    if r.is_negative() {
        r += &mabs;
    }
    if md.is_negative() && !r.is_zero() {
        r += &md;
    }
    Ok(Value::bigint(r))
}

fn radix(vm: &mut Vm, a: Args, name: &str, radix: u32, prefix: &str) -> PyResult {
    check_args(name, &a, 1, 1)?;
    let x = &a.pos[0];
    let n = match int_value(x) {
        Some(n) => n,
        None => {
            if vm.call_special(x, "__index__", vec![])?.is_none() {
                return Err(type_error(format!("'{}' object cannot be interpreted as an integer", vtname(x))));
            }
            vm.to_bigint(x)?
        }
    };
    let digits = n.magnitude().to_str_radix(radix);
    Ok(Value::string(format!("{}{prefix}{digits}", if n.is_negative() { "-" } else { "" })))
}

pub fn builtin_hex(vm: &mut Vm, a: Args) -> PyResult {
    radix(vm, a, "hex", 16, "0x")
}
pub fn builtin_oct(vm: &mut Vm, a: Args) -> PyResult {
    radix(vm, a, "oct", 8, "0o")
}
pub fn builtin_bin(vm: &mut Vm, a: Args) -> PyResult {
    radix(vm, a, "bin", 2, "0b")
}
