//! Numeric helpers and builtins (in progress).
use crate::pvm::exc::{overflow_error, value_error};
use crate::pvm::PyResult;
use num_bigint::BigInt;
use num_traits::FromPrimitive;

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
