//! `_struct`: the IEEE 754 conversions behind the embedded `struct.py`
//! (the rest of `struct` is pure Python): a float to the bits of its
//! 4- or 8-byte encoding and back.

use crate::builtins::args::*;
use crate::object::Args;
use crate::pvm::exc::{type_error, PyErr};
use crate::pvm::{PyResult, Vm};
use crate::value::Value;

pub fn make(_vm: &mut Vm) -> PyResult<Value> {
    Ok(super::module_with(
        "_struct",
        &[("float_bits", "_struct.float_bits", float_bits), ("bits_float", "_struct.bits_float", bits_float)],
    ))
}

fn size_arg(v: &Value) -> PyResult<i64> {
    match small_int(v) {
        Some(n @ (4 | 8)) => Ok(n),
        _ => Err(crate::pvm::exc::value_error("size must be 4 or 8")),
    }
}

/// `float_bits(x, size)`: the encoding of float `x` as an unsigned int;
/// OverflowError when a finite `x` does not fit a 4-byte float.
fn float_bits(vm: &mut Vm, a: Args) -> PyResult {
    check_args("float_bits", &a, 2, 2)?;
    let x = vm.to_f64(&a.pos[0])?;
    if size_arg(&a.pos[1])? == 8 {
        return Ok(Value::bigint(num_bigint::BigInt::from(x.to_bits())));
    }
    let y = x as f32;
    if y.is_infinite() && x.is_finite() {
        return Err(PyErr::new("OverflowError", "float too large to pack with f format".to_string()));
    }
    Ok(Value::Int(y.to_bits() as i64))
}

/// `bits_float(n, size)`: the float encoded by unsigned int `n`.
fn bits_float(_vm: &mut Vm, a: Args) -> PyResult {
    check_args("bits_float", &a, 2, 2)?;
    let n = int_value(&a.pos[0]).ok_or_else(|| type_error("an integer is required"))?;
    let bits: u64 = (&n).try_into().map_err(|_| crate::pvm::exc::value_error("bits out of range"))?;
    Ok(Value::float(if size_arg(&a.pos[1])? == 8 { f64::from_bits(bits) } else { f32::from_bits(bits as u32) as f64 }))
}
