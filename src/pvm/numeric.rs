//! Numeric arithmetic: int (inline i64, promoted to a big integer on
//! overflow), float and bool, with Python's semantics (floor division and
//! modulo round toward negative infinity, true division returns float,
//! `**` with a negative int exponent returns float). The `*_fast` functions
//! are the dispatch loop's fast paths; they return `None` to fall back.

use super::exc::{overflow_error, value_error, zero_division, PyErr};
use super::PyResult;
use crate::bytecode::{BinOp, CmpOp};
use crate::object::Payload;
use crate::value::Value;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

/// Int/int and float/float fast path for `BinaryOp` (operand `arg`).
#[inline]
pub fn binop_fast(a: &Value, b: &Value, arg: u32) -> Option<Value> {
    let op = arg & !crate::bytecode::opcodes::BINOP_INPLACE;
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => {
            let (x, y) = (*x, *y);
            match op {
                0 => x.checked_add(y).map(Value::Int),
                1 => x.checked_sub(y).map(Value::Int),
                2 => x.checked_mul(y).map(Value::Int),
                3 if y != 0 => Some(Value::float(int_true_div(x, y))),
                4 if y != 0 && !(x == i64::MIN && y == -1) => Some(Value::Int(x.div_euclid(y) - adjust(x, y))),
                5 if y != 0 && !(x == i64::MIN && y == -1) => Some(Value::Int(py_mod_i64(x, y))),
                9 => Some(Value::Int(x & y)),
                10 => Some(Value::Int(x | y)),
                11 => Some(Value::Int(x ^ y)),
                _ => None,
            }
        }
        (Value::Float(x), Value::Float(y)) => float_op(x.get(), y.get(), op),
        (Value::Float(x), Value::Int(y)) => float_op(x.get(), *y as f64, op),
        (Value::Int(x), Value::Float(y)) => float_op(*x as f64, y.get(), op),
        _ => None,
    }
}

#[inline]
fn float_op(x: f64, y: f64, op: u32) -> Option<Value> {
    match op {
        0 => Some(Value::float(x + y)),
        1 => Some(Value::float(x - y)),
        2 => Some(Value::float(x * y)),
        3 if y != 0.0 => Some(Value::float(x / y)),
        // `**` with a positive finite base has no error cases but overflow.
        6 if x > 0.0 && x.is_finite() && y.is_finite() => {
            let r = x.powf(y);
            r.is_finite().then_some(Value::float(r))
        }
        _ => None,
    }
}

/// `div_euclid` differs from floor division for negative divisors.
#[inline]
fn adjust(x: i64, y: i64) -> i64 {
    if y < 0 && x.rem_euclid(y) != 0 {
        1
    } else {
        0
    }
}

#[inline]
fn py_mod_i64(x: i64, y: i64) -> i64 {
    let r = x % y;
    if r != 0 && ((r < 0) != (y < 0)) {
        r + y
    } else {
        r
    }
}

fn int_true_div(x: i64, y: i64) -> f64 {
    if x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) {
        x as f64 / y as f64
    } else {
        big_true_div(&BigInt::from(x), &BigInt::from(y)).unwrap_or(f64::NAN)
    }
}

/// Int/float comparison fast path for `CompareOp`.
#[inline]
pub fn compare_fast(a: &Value, b: &Value, arg: u32) -> Option<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(cmp_ord(x.cmp(y), arg)),
        (Value::Float(x), Value::Float(y)) => Some(cmp_f64(x.get(), y.get(), arg)),
        (Value::Int(x), Value::Float(y)) if x.unsigned_abs() < (1 << 53) => Some(cmp_f64(*x as f64, y.get(), arg)),
        (Value::Float(x), Value::Int(y)) if y.unsigned_abs() < (1 << 53) => Some(cmp_f64(x.get(), *y as f64, arg)),
        _ => None,
    }
}

fn cmp_ord(o: std::cmp::Ordering, arg: u32) -> bool {
    use std::cmp::Ordering::*;
    match arg {
        0 => o == Less,
        1 => o != Greater,
        2 => o == Equal,
        3 => o != Equal,
        4 => o == Greater,
        _ => o != Less,
    }
}

fn cmp_f64(x: f64, y: f64, arg: u32) -> bool {
    match arg {
        0 => x < y,
        1 => x <= y,
        2 => x == y,
        3 => x != y,
        4 => x > y,
        _ => x >= y,
    }
}

/// A number as seen by arithmetic.
pub enum Num {
    Int(BigInt),
    Float(f64),
}

/// Classifies `v` as a number (bool and int subclasses count as int).
pub fn as_num(v: &Value) -> Option<Num> {
    match v {
        Value::Int(i) => Some(Num::Int(BigInt::from(*i))),
        Value::Bool(b) => Some(Num::Int(BigInt::from(b.get() as i64))),
        Value::Float(f) => Some(Num::Float(f.get())),
        Value::Obj(o) => match &o.payload {
            Payload::BigInt(b) => Some(Num::Int(b.clone())),
            _ => None,
        },
        _ => None,
    }
}

pub fn is_number(v: &Value) -> bool {
    match v {
        Value::Int(_) | Value::Bool(_) | Value::Float(_) => true,
        Value::Obj(o) => matches!(o.payload, Payload::BigInt(_)),
        _ => false,
    }
}

/// Full numeric binary operation; `None` if an operand is not a number.
pub fn binop_numeric(a: &Value, b: &Value, op: BinOp) -> Option<PyResult> {
    if let Some(v) = binop_fast(a, b, op as u32) {
        return Some(Ok(v));
    }
    let (x, y) = (as_num(a)?, as_num(b)?);
    Some(match (x, y) {
        (Num::Int(x), Num::Int(y)) => int_op(x, y, op),
        (Num::Float(x), Num::Float(y)) => float_binop(x, y, op),
        (Num::Int(x), Num::Float(y)) => big_to_f64(&x).and_then(|x| float_binop(x, y, op)),
        (Num::Float(x), Num::Int(y)) => big_to_f64(&y).and_then(|y| float_binop(x, y, op)),
    })
}

pub fn big_to_f64(b: &BigInt) -> PyResult<f64> {
    let f = b.to_f64().unwrap_or(f64::INFINITY);
    if f.is_infinite() {
        return Err(overflow_error("int too large to convert to float"));
    }
    Ok(f)
}

fn int_op(x: BigInt, y: BigInt, op: BinOp) -> PyResult {
    Ok(match op {
        BinOp::Add => Value::bigint(x + y),
        BinOp::Sub => Value::bigint(x - y),
        BinOp::Mul => Value::bigint(x * y),
        BinOp::TrueDiv => {
            if y.is_zero() {
                return Err(zero_division("division by zero"));
            }
            Value::float(big_true_div(&x, &y)?)
        }
        BinOp::FloorDiv => {
            if y.is_zero() {
                return Err(zero_division("integer division or modulo by zero"));
            }
            Value::bigint(x.div_floor(&y))
        }
        BinOp::Mod => {
            if y.is_zero() {
                return Err(zero_division("integer modulo by zero"));
            }
            Value::bigint(x.mod_floor(&y))
        }
        BinOp::Pow => return int_pow(x, y),
        BinOp::LShift => {
            if y.is_negative() {
                return Err(value_error("negative shift count"));
            }
            if x.is_zero() {
                return Ok(Value::Int(0));
            }
            let n = y.to_usize().filter(|n| *n < (1 << 32)).ok_or_else(|| overflow_error("too many digits in integer"))?;
            Value::bigint(x << n)
        }
        BinOp::RShift => {
            if y.is_negative() {
                return Err(value_error("negative shift count"));
            }
            let n = y.to_usize().unwrap_or(usize::MAX);
            if n >= x.bits() as usize + 1 {
                Value::Int(if x.is_negative() { -1 } else { 0 })
            } else {
                Value::bigint(x >> n)
            }
        }
        BinOp::And => Value::bigint(x & y),
        BinOp::Or => Value::bigint(x | y),
        BinOp::Xor => Value::bigint(x ^ y),
        BinOp::MatMul => return Err(unsupported("@", "int", "int")),
    })
}

fn int_pow(x: BigInt, y: BigInt) -> PyResult {
    if y.is_negative() {
        let xf = big_to_f64(&x)?;
        let yf = big_to_f64(&y)?;
        if xf == 0.0 {
            return Err(zero_division("0.0 cannot be raised to a negative power"));
        }
        return Ok(Value::float(xf.powf(yf)));
    }
    if x.is_one() || x.is_zero() && !y.is_zero() {
        return Ok(Value::bigint(x));
    }
    if y.is_zero() {
        return Ok(Value::Int(1));
    }
    let e = y.to_u32().ok_or_else(|| overflow_error("exponent too large"))?;
    if x.bits().saturating_mul(e as u64) > 64_000_000 {
        return Err(PyErr::new("MemoryError", ""));
    }
    Ok(Value::bigint(num_traits::pow(x, e as usize)))
}

/// Correctly rounded int/int true division (via f64 when exact enough).
pub fn big_true_div(x: &BigInt, y: &BigInt) -> PyResult<f64> {
    if let (Some(a), Some(b)) = (x.to_i64(), y.to_i64()) {
        if a.unsigned_abs() < (1 << 53) && b.unsigned_abs() < (1 << 53) {
            return Ok(a as f64 / b as f64);
        }
    }
    // Scale so the quotient has 64+ significant bits, then convert.
    let shift = (y.bits() as i64 - x.bits() as i64 + 66).max(0) as usize;
    let q = (x << shift) / y;
    let f = q.to_f64().unwrap_or(f64::INFINITY) / 2f64.powi(shift as i32);
    if f.is_infinite() {
        return Err(overflow_error("integer division result too large for a float"));
    }
    Ok(f)
}

fn float_binop(x: f64, y: f64, op: BinOp) -> PyResult {
    Ok(Value::float(match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::TrueDiv => {
            if y == 0.0 {
                return Err(zero_division("float division by zero"));
            }
            x / y
        }
        BinOp::FloorDiv => {
            if y == 0.0 {
                return Err(zero_division("float floor division by zero"));
            }
            float_divmod(x, y).0
        }
        BinOp::Mod => {
            if y == 0.0 {
                return Err(zero_division("float modulo"));
            }
            float_divmod(x, y).1
        }
        BinOp::Pow => return float_pow(x, y),
        _ => {
            let sym = op.symbol();
            return Err(unsupported(sym, "float", "float"));
        }
    }))
}

pub fn float_pow(x: f64, y: f64) -> PyResult {
    if x == 0.0 && y < 0.0 {
        return Err(zero_division("0.0 cannot be raised to a negative power"));
    }
    if x < 0.0 && y.fract() != 0.0 && y.is_finite() {
        return Err(value_error("math domain error (complex result not supported)"));
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(PyErr::with_args(
            "OverflowError",
            vec![Value::Int(34), Value::str("Numerical result out of range")],
        ));
    }
    Ok(Value::float(r))
}

/// Python's float divmod (floor semantics, sign of the divisor).
pub fn float_divmod(x: f64, y: f64) -> (f64, f64) {
    let mut m = x % y;
    let mut div = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(x / y)
    };
    (floordiv, m)
}

pub fn unsupported(sym: &str, a: &str, b: &str) -> PyErr {
    super::exc::type_error(format!("unsupported operand type(s) for {sym}: '{a}' and '{b}'"))
}

/// Numeric comparison; `None` if an operand is not a number.
pub fn compare_numeric(a: &Value, b: &Value, op: CmpOp) -> Option<bool> {
    if let Some(r) = compare_fast(a, b, op as u32) {
        return Some(r);
    }
    let ord = match (as_num(a)?, as_num(b)?) {
        (Num::Int(x), Num::Int(y)) => x.cmp(&y),
        (Num::Float(x), Num::Float(y)) => return Some(cmp_f64(x, y, op as u32)),
        (Num::Int(x), Num::Float(y)) => match cmp_int_float(&x, y) {
            Some(o) => o,
            None => return Some(op == CmpOp::Ne),
        },
        (Num::Float(x), Num::Int(y)) => match cmp_int_float(&y, x) {
            Some(o) => o.reverse(),
            None => return Some(op == CmpOp::Ne),
        },
    };
    Some(cmp_ord(ord, op as u32))
}

/// Exact comparison of an integer with a float (None for NaN).
fn cmp_int_float(x: &BigInt, y: f64) -> Option<std::cmp::Ordering> {
    if y.is_nan() {
        return None;
    }
    if y.is_infinite() {
        return Some(if y > 0.0 { std::cmp::Ordering::Less } else { std::cmp::Ordering::Greater });
    }
    let fl = y.floor();
    let yi = BigInt::from(fl as i128);
    let yi = if fl.abs() < 1e38 { yi } else { num_traits::FromPrimitive::from_f64(fl).unwrap_or(yi) };
    match x.cmp(&yi) {
        std::cmp::Ordering::Equal if y > fl => Some(std::cmp::Ordering::Less),
        o => Some(o),
    }
}

/// Unary minus/plus/invert on numbers; `None` if not a number.
pub fn unary_numeric(a: &Value, op: crate::bytecode::Op) -> Option<Value> {
    use crate::bytecode::Op;
    Some(match (op, as_num(a)?) {
        (Op::UnaryNegative, Num::Int(i)) => Value::bigint(-i),
        (Op::UnaryNegative, Num::Float(f)) => Value::float(-f),
        (Op::UnaryPositive, Num::Int(i)) => Value::bigint(i),
        (Op::UnaryPositive, Num::Float(f)) => Value::float(f),
        (Op::UnaryInvert, Num::Int(i)) => Value::bigint(!i),
        _ => return None,
    })
}
