//! CPython's limit on conversions between ints and decimal text
//! (`sys.set_int_max_str_digits`; default 4300 digits, 0 = no limit):
//! `str()`/`repr()`/formatting of an int with more digits, and `int()` of
//! a longer string in a base that is not a power of two, raise
//! `ValueError`. Ints that fit a machine word never reach the limit.

use crate::pvm::exc::{value_error, PyErr};
use crate::pvm::PyResult;
use num_bigint::BigInt;
use std::sync::atomic::{AtomicUsize, Ordering};

pub const DEFAULT: usize = 4300;
/// The smallest non-zero limit `sys.set_int_max_str_digits` accepts.
pub const THRESHOLD: usize = 640;

static LIMIT: AtomicUsize = AtomicUsize::new(DEFAULT);

pub fn limit() -> usize {
    LIMIT.load(Ordering::Relaxed)
}

/// `sys.set_int_max_str_digits(n)`.
pub fn set_limit(n: i64) -> PyResult<()> {
    if n != 0 && n < THRESHOLD as i64 {
        return Err(value_error(format!("maxdigits must be 0 or larger than {THRESHOLD}")));
    }
    LIMIT.store(n as usize, Ordering::Relaxed);
    Ok(())
}

fn too_long_to_print(lim: usize) -> PyErr {
    value_error(format!("Exceeds the limit ({lim} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"))
}

/// The decimal text of `b`, or `ValueError` past the limit (checked from
/// the bit length first, so a huge int is not converted just to fail).
pub fn to_decimal(b: &BigInt) -> PyResult<String> {
    let lim = limit();
    if lim > 0 && (b.bits() as f64 * std::f64::consts::LOG10_2) as usize > lim + 1 {
        return Err(too_long_to_print(lim));
    }
    let s = b.to_string();
    let digits = s.len() - usize::from(s.starts_with('-'));
    if lim > 0 && digits > lim {
        return Err(too_long_to_print(lim));
    }
    Ok(s)
}

/// `int(text, base)` may parse `text` (its digit count within the limit
/// when `base` is not a power of two).
pub fn check_parse(text: &str, base: u32) -> PyResult<()> {
    let lim = limit();
    if lim == 0 || base.is_power_of_two() {
        return Ok(());
    }
    let unsigned = text.trim().trim_start_matches(['+', '-']).to_ascii_lowercase();
    if base == 0 && ["0x", "0o", "0b"].iter().any(|p| unsigned.starts_with(p)) {
        return Ok(());
    }
    let digits = text.chars().filter(|c| c.is_alphanumeric()).count();
    if digits > lim {
        return Err(value_error(format!(
            "Exceeds the limit ({lim} digits) for integer string conversion: value has {digits} digits; use sys.set_int_max_str_digits() to increase the limit"
        )));
    }
    Ok(())
}
