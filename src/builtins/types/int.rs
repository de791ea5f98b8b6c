//! `int` and `bool`: constructors (strings with bases, prefixes and
//! underscores; floats; `__int__`/`__index__`/`__trunc__`), and the
//! non-arithmetic methods (bit_length, to_bytes/from_bytes, ...).
//! Arithmetic itself is the VM's numeric module.

use crate::builtins::args::*;
use crate::builtins::numfuncs::{float_to_bigint, parse_int};
use crate::builtins::{add_classmethod, add_getset, add_method, add_staticmethod};
use crate::object::types::{hash_bigint, types};
use crate::object::{Args, Payload};
use crate::pvm::exc::{overflow_error, type_error, value_error};
use crate::pvm::{PyResult, Vm};
use crate::value::Value;
use num_bigint::{BigInt, Sign};
use num_traits::{One, Signed, ToPrimitive, Zero};

pub fn install() {
    let t = &types().int;
    add_staticmethod(t, "__new__", "int.__new__", int_new);
    add_method(t, "bit_length", "int.bit_length", bit_length);
    add_method(t, "bit_count", "int.bit_count", bit_count);
    add_method(t, "to_bytes", "int.to_bytes", to_bytes);
    add_classmethod(t, "from_bytes", "int.from_bytes", from_bytes);
    add_method(t, "__index__", "int.__index__", as_int);
    add_method(t, "__int__", "int.__int__", as_int);
    add_method(t, "__trunc__", "int.__trunc__", as_int);
    add_method(t, "__floor__", "int.__floor__", as_int);
    add_method(t, "__ceil__", "int.__ceil__", as_int);
    add_method(t, "__round__", "int.__round__", round);
    add_method(t, "__float__", "int.__float__", to_float);
    add_method(t, "__bool__", "int.__bool__", to_bool);
    add_method(t, "conjugate", "int.conjugate", as_int);
    add_method(t, "as_integer_ratio", "int.as_integer_ratio", as_integer_ratio);
    add_method(t, "__format__", "int.__format__", format);
    add_method(t, "__repr__", "int.__repr__", crate::builtins::types::misc::repr_method);
    add_method(t, "__hash__", "int.__hash__", hash);
    add_method(t, "__getnewargs__", "int.__getnewargs__", getnewargs);
    add_getset(t, "real", as_int, None);
    add_getset(t, "numerator", as_int, None);
    add_getset(t, "imag", zero, None);
    add_getset(t, "denominator", one, None);
    let b = &types().bool_;
    add_staticmethod(b, "__new__", "bool.__new__", bool_new);
    add_method(b, "__repr__", "bool.__repr__", crate::builtins::types::misc::repr_method);
    add_method(b, "__and__", "bool.__and__", bool_and);
    add_method(b, "__or__", "bool.__or__", bool_or);
    add_method(b, "__xor__", "bool.__xor__", bool_xor);
    add_method(b, "__rand__", "bool.__rand__", bool_and);
    add_method(b, "__ror__", "bool.__ror__", bool_or);
    add_method(b, "__rxor__", "bool.__rxor__", bool_xor);
}

/// The integer value of self.
fn this(a: &Args, method: &str) -> PyResult<BigInt> {
    match a.pos.first() {
        Some(v) => int_value(v).ok_or_else(|| descr_error(method, "int", v)),
        None => Err(type_error(format!("descriptor '{method}' of 'int' object needs an argument"))),
    }
}

/// `int(x)` for one argument.
pub fn int_from(vm: &mut Vm, x: &Value) -> PyResult<BigInt> {
    if let Some(b) = int_value(x) {
        return Ok(b);
    }
    match x {
        Value::Float(f) => return float_to_bigint(f.get()),
        Value::Obj(o) => match &o.payload {
            Payload::Str(s) => return parse_int(s.as_str(), 10, x, vm),
            Payload::Bytes(_) | Payload::ByteArray(_) => {
                let b = super::bytes::bytes_of(x).unwrap_or_default();
                return parse_int(&String::from_utf8_lossy(&b), 10, x, vm);
            }
            _ => {}
        },
        _ => {}
    }
    for name in ["__int__", "__index__", "__trunc__"] {
        if let Some(r) = vm.call_special(x, name, vec![])? {
            if let Some(b) = int_value(&r) {
                return Ok(b);
            }
            if name == "__trunc__" {
                return vm.to_bigint(&r);
            }
            return Err(type_error(format!("{name} returned non-int (type {})", vtname(&r))));
        }
    }
    Err(type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        vtname(x)
    )))
}

fn int_new(vm: &mut Vm, mut a: Args) -> PyResult {
    let base = a.take_kw("base");
    let x = arg_or_kw(&mut a, 1, "x");
    no_kw("int", &a)?;
    if a.pos.len() > 3 {
        return Err(type_error(format!("int() takes at most 2 arguments ({} given)", a.pos.len() - 1)));
    }
    let base = base.or_else(|| a.pos.get(2).cloned());
    let cls = new_cls(&a, &types().int, "int")?.clone();
    let n = match (x, base) {
        (None, None) => BigInt::zero(),
        (None, Some(_)) => return Err(type_error("int() missing string argument")),
        (Some(x), None) => int_from(vm, &x)?,
        (Some(x), Some(b)) => {
            let b = index_clamped(vm, &b)?;
            if b != 0 && !(2..=36).contains(&b) {
                return Err(value_error("int() base must be >= 2 and <= 36, or 0"));
            }
            let text = match x.payload() {
                Some(Payload::Str(s)) => s.as_str().to_string(),
                Some(Payload::Bytes(_)) | Some(Payload::ByteArray(_)) => {
                    String::from_utf8_lossy(&super::bytes::bytes_of(&x).unwrap_or_default()).into_owned()
                }
                _ => return Err(type_error("int() can't convert non-string with explicit base")),
            };
            parse_int(&text, b as u32, &x, vm)?
        }
    };
    if cls.as_obj().map(|c| std::sync::Arc::ptr_eq(c, &types().int)).unwrap_or(true) {
        return Ok(Value::bigint(n));
    }
    Ok(make_instance(&cls, &types().int, Payload::BigInt(n)))
}

fn bool_new(vm: &mut Vm, a: Args) -> PyResult {
    no_kwargs("bool", &a)?;
    if a.pos.len() > 2 {
        return Err(type_error(format!("bool expected at most 1 argument, got {}", a.pos.len() - 1)));
    }
    match a.pos.get(1) {
        Some(v) => Ok(Value::bool(vm.truthy(v)?)),
        None => Ok(Value::Bool(crate::value::Flag::FALSE)),
    }
}

fn bool_op(a: &Args, name: &str, f: fn(bool, bool) -> bool) -> PyResult {
    check_method(name, a, 1, 1)?;
    match (&a.pos[0], &a.pos[1]) {
        (Value::Bool(x), Value::Bool(y)) => Ok(Value::bool(f(x.get(), y.get()))),
        _ => Ok(types().not_implemented.clone()),
    }
}
fn bool_and(_vm: &mut Vm, a: Args) -> PyResult {
    bool_op(&a, "__and__", |x, y| x & y)
}
fn bool_or(_vm: &mut Vm, a: Args) -> PyResult {
    bool_op(&a, "__or__", |x, y| x | y)
}
fn bool_xor(_vm: &mut Vm, a: Args) -> PyResult {
    bool_op(&a, "__xor__", |x, y| x ^ y)
}

fn bit_length(_vm: &mut Vm, a: Args) -> PyResult {
    check_method("bit_length", &a, 0, 0)?;
    Ok(Value::Int(this(&a, "bit_length")?.magnitude().bits() as i64))
}

fn bit_count(_vm: &mut Vm, a: Args) -> PyResult {
    check_method("bit_count", &a, 0, 0)?;
    Ok(Value::Int(this(&a, "bit_count")?.magnitude().count_ones() as i64))
}

fn as_int(_vm: &mut Vm, a: Args) -> PyResult {
    let n = this(&a, "__int__")?;
    Ok(Value::bigint(n))
}

fn zero(_vm: &mut Vm, _a: Args) -> PyResult {
    Ok(Value::Int(0))
}
fn one(_vm: &mut Vm, _a: Args) -> PyResult {
    Ok(Value::Int(1))
}

fn to_float(_vm: &mut Vm, a: Args) -> PyResult {
    let n = this(&a, "__float__")?;
    Ok(Value::float(crate::pvm::numeric::big_to_f64(&n)?))
}

fn to_bool(_vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::bool(!this(&a, "__bool__")?.is_zero()))
}

fn as_integer_ratio(_vm: &mut Vm, a: Args) -> PyResult {
    let n = this(&a, "as_integer_ratio")?;
    Ok(Value::tuple(vec![Value::bigint(n), Value::Int(1)]))
}

fn round(vm: &mut Vm, a: Args) -> PyResult {
    check_method("__round__", &a, 0, 1)?;
    let n = this(&a, "__round__")?;
    let nd = match a.pos.get(1) {
        None | Some(Value::None) => return Ok(Value::bigint(n)),
        Some(v) => index_clamped(vm, v)?,
    };
    if nd >= 0 {
        return Ok(Value::bigint(n));
    }
    let p = BigInt::from(10u8).pow(nd.unsigned_abs().min(10_000) as u32);
    Ok(Value::bigint(round_half_even_div(&n, &p) * p))
}

/// `n / d` rounded half to even (d > 0).
pub fn round_half_even_div(n: &BigInt, d: &BigInt) -> BigInt {
    let (q, r) = num_integer::Integer::div_mod_floor(n, d);
    let twice = &r * 2;
    if twice > *d || (twice == *d && num_integer::Integer::is_odd(&q)) {
        q + 1
    } else {
        q
    }
}

fn format(vm: &mut Vm, a: Args) -> PyResult {
    check_method("__format__", &a, 1, 1)?;
    let spec = str_arg(&a.pos[1], || format!("format() argument 2 must be str, not {}", vtname(&a.pos[1])))?.to_string();
    if let Value::Bool(_) = a.pos[0] {
        if let Some(s) = crate::builtins::format::format_builtin(vm, &a.pos[0], &spec)? {
            return Ok(Value::string(s));
        }
    }
    let n = this(&a, "__format__")?;
    Ok(Value::string(crate::builtins::format::format_int(&n, &spec)?))
}

fn hash(_vm: &mut Vm, a: Args) -> PyResult {
    let n = this(&a, "__hash__")?;
    Ok(Value::Int(hash_bigint(&n)))
}

fn getnewargs(_vm: &mut Vm, a: Args) -> PyResult {
    let n = this(&a, "__getnewargs__")?;
    Ok(Value::tuple(vec![Value::bigint(n)]))
}

fn byteorder(v: Option<&Value>) -> PyResult<bool> {
    match v.map(|v| v.as_str()) {
        None => Ok(true),
        Some(Some("big")) => Ok(true),
        Some(Some("little")) => Ok(false),
        Some(Some(_)) => Err(value_error("byteorder must be either 'little' or 'big'")),
        Some(None) => Err(type_error("to_bytes() argument 'byteorder' must be str")),
    }
}

fn to_bytes(vm: &mut Vm, mut a: Args) -> PyResult {
    let length = arg_or_kw(&mut a, 1, "length");
    let order = arg_or_kw(&mut a, 2, "byteorder");
    let signed = a.take_kw("signed");
    no_kw("to_bytes", &a)?;
    let n = this(&a, "to_bytes")?;
    let length = match length {
        Some(l) => index_clamped(vm, &l)?,
        None => 1,
    };
    if length < 0 {
        return Err(value_error("length argument must be non-negative"));
    }
    let big = byteorder(order.as_ref())?;
    let signed = match signed {
        Some(s) => vm.truthy(&s)?,
        None => false,
    };
    if !signed && n.is_negative() {
        return Err(overflow_error("can't convert negative int to unsigned"));
    }
    let mut bytes = if signed { n.to_signed_bytes_le() } else { n.magnitude().to_bytes_le() };
    if n.is_zero() {
        bytes.clear();
    }
    let length = length as usize;
    if bytes.len() > length {
        return Err(overflow_error("int too big to convert"));
    }
    let fill = if signed && n.is_negative() { 0xff } else { 0 };
    bytes.resize(length, fill);
    if big {
        bytes.reverse();
    }
    Ok(Value::bytes(bytes))
}

fn from_bytes(vm: &mut Vm, mut a: Args) -> PyResult {
    let data = arg_or_kw(&mut a, 1, "bytes");
    let order = arg_or_kw(&mut a, 2, "byteorder");
    let signed = a.take_kw("signed");
    no_kw("from_bytes", &a)?;
    let data = data.ok_or_else(|| type_error("from_bytes() missing required argument 'bytes' (pos 1)"))?;
    let mut b = match super::bytes::bytes_of(&data) {
        Some(b) => b,
        None => {
            let items = vm.collect(&data)?;
            let mut out = Vec::new();
            for it in &items {
                let v = index_clamped(vm, it)?;
                out.push(u8::try_from(v).map_err(|_| value_error("bytes must be in range(0, 256)"))?);
            }
            out
        }
    };
    if byteorder(order.as_ref())? {
        b.reverse();
    }
    let signed = match signed {
        Some(s) => vm.truthy(&s)?,
        None => false,
    };
    let n = if signed { BigInt::from_signed_bytes_le(&b) } else { BigInt::from_bytes_le(Sign::Plus, &b) };
    let cls = a.pos[0].clone();
    if cls.as_obj().map(|c| std::sync::Arc::ptr_eq(c, &types().int)).unwrap_or(true) {
        return Ok(Value::bigint(n));
    }
    vm.call1(&cls, Value::bigint(n))
}

/// Is `n` one (helper for fractions in other modules).
pub fn is_one(n: &BigInt) -> bool {
    n.is_one()
}

/// Converts to i64 when it fits.
pub fn to_i64(n: &BigInt) -> Option<i64> {
    n.to_i64()
}
