//! The `math` module: constants, float functions with CPython's domain and
//! range errors, exact integer functions on big ints (factorial, gcd, lcm,
//! isqrt, comb, perm), floor/ceil/trunc returning ints, and fsum.

use crate::builtins::args::*;
use crate::builtins::numfuncs::float_to_bigint;
use crate::bytecode::BinOp;
use crate::object::{Args, NativeFn};
use crate::pvm::exc::{overflow_error, type_error, value_error, PyErr};
use crate::pvm::{PyResult, Vm};
use crate::value::Value;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

pub fn make(_vm: &mut Vm) -> PyResult<Value> {
    let fns: &[(&'static str, &'static str, NativeFn)] = &[
        ("sqrt", "math.sqrt", sqrt),
        ("exp", "math.exp", exp),
        ("exp2", "math.exp2", exp2),
        ("expm1", "math.expm1", expm1),
        ("erf", "math.erf", erf),
        ("erfc", "math.erfc", erfc),
        ("gamma", "math.gamma", gamma),
        ("lgamma", "math.lgamma", lgamma),
        ("log", "math.log", log),
        ("log2", "math.log2", log2),
        ("log10", "math.log10", log10),
        ("log1p", "math.log1p", log1p),
        ("pow", "math.pow", pow),
        ("sin", "math.sin", sin),
        ("cos", "math.cos", cos),
        ("tan", "math.tan", tan),
        ("asin", "math.asin", asin),
        ("acos", "math.acos", acos),
        ("atan", "math.atan", atan),
        ("atan2", "math.atan2", atan2),
        ("sinh", "math.sinh", sinh),
        ("cosh", "math.cosh", cosh),
        ("tanh", "math.tanh", tanh),
        ("asinh", "math.asinh", asinh),
        ("acosh", "math.acosh", acosh),
        ("atanh", "math.atanh", atanh),
        ("cbrt", "math.cbrt", cbrt),
        ("hypot", "math.hypot", hypot),
        ("dist", "math.dist", dist),
        ("floor", "math.floor", floor),
        ("ceil", "math.ceil", ceil),
        ("trunc", "math.trunc", trunc),
        ("fabs", "math.fabs", fabs),
        ("factorial", "math.factorial", factorial),
        ("gcd", "math.gcd", gcd),
        ("lcm", "math.lcm", lcm),
        ("isqrt", "math.isqrt", isqrt),
        ("comb", "math.comb", comb),
        ("perm", "math.perm", perm),
        ("isclose", "math.isclose", isclose),
        ("isfinite", "math.isfinite", isfinite),
        ("isinf", "math.isinf", isinf),
        ("isnan", "math.isnan", isnan),
        ("copysign", "math.copysign", copysign),
        ("fmod", "math.fmod", fmod),
        ("remainder", "math.remainder", remainder),
        ("modf", "math.modf", modf),
        ("frexp", "math.frexp", frexp),
        ("ldexp", "math.ldexp", ldexp),
        ("fsum", "math.fsum", fsum),
        ("prod", "math.prod", prod),
        ("degrees", "math.degrees", degrees),
        ("radians", "math.radians", radians),
        ("nextafter", "math.nextafter", nextafter),
        ("ulp", "math.ulp", ulp),
    ];
    let m = super::module_with("math", fns);
    super::set(&m, "pi", Value::float(std::f64::consts::PI));
    super::set(&m, "e", Value::float(std::f64::consts::E));
    super::set(&m, "tau", Value::float(std::f64::consts::TAU));
    super::set(&m, "inf", Value::float(f64::INFINITY));
    super::set(&m, "nan", Value::float(f64::NAN));
    Ok(m)
}

fn domain() -> PyErr {
    value_error("math domain error")
}
fn range() -> PyErr {
    overflow_error("math range error")
}

/// A float argument (ints and `__float__`/`__index__` objects accepted).
fn fl(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => Ok(f.get()),
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(b.get() as i64 as f64),
        _ => {
            if let Some(b) = int_value(v) {
                return b.to_f64().filter(|f| f.is_finite()).ok_or_else(|| overflow_error("int too large to convert to float"));
            }
            if let Some(r) = vm.call_special(v, "__float__", vec![])? {
                if let Value::Float(f) = r {
                    return Ok(f.get());
                }
            }
            if vm.call_special(v, "__index__", vec![])?.is_some() {
                return vm.to_f64(v);
            }
            Err(type_error(format!("must be real number, not {}", vtname(v))))
        }
    }
}

fn one_arg(vm: &mut Vm, a: &Args, name: &str) -> PyResult<f64> {
    check_args(name, a, 1, 1)?;
    fl(vm, &a.pos[0])
}

/// Applies `f`, mapping NaN-from-finite to a domain error and
/// inf-from-finite to a range error, like CPython's `math_1`.
fn math1(vm: &mut Vm, a: &Args, name: &str, f: fn(f64) -> f64, can_overflow: bool) -> PyResult {
    let x = one_arg(vm, a, name)?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range() } else { domain() });
    }
    Ok(Value::float(r))
}

macro_rules! unary {
    ($($name:ident => $f:expr, $overflow:expr;)*) => {
        $(fn $name(vm: &mut Vm, a: Args) -> PyResult {
            math1(vm, &a, stringify!($name), $f, $overflow)
        })*
    };
}

unary! {
    sqrt => f64::sqrt, false;
    exp => f64::exp, true;
    exp2 => f64::exp2, true;
    expm1 => f64::exp_m1, true;
    sin => f64::sin, false;
    cos => f64::cos, false;
    tan => f64::tan, false;
    asin => f64::asin, false;
    acos => f64::acos, false;
    atan => f64::atan, false;
    sinh => f64::sinh, true;
    cosh => f64::cosh, true;
    tanh => f64::tanh, false;
    asinh => f64::asinh, false;
    acosh => f64::acosh, false;
    cbrt => f64::cbrt, false;
    fabs => f64::abs, false;
    degrees => f64::to_degrees, true;
    radians => f64::to_radians, false;
}

mod libm {
    extern "C" {
        pub fn erf(x: f64) -> f64;
        pub fn erfc(x: f64) -> f64;
    }
}

/// The C library's erf, as CPython uses.
fn c_erf(x: f64) -> f64 {
    // SAFETY: `erf` is a pure function of its argument from the C math
    // library (always linked with std on the supported platforms).
    unsafe { libm::erf(x) }
}

fn c_erfc(x: f64) -> f64 {
    // SAFETY: as for `c_erf`: a pure C math-library function.
    unsafe { libm::erfc(x) }
}

fn erf(vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::float(c_erf(one_arg(vm, &a, "erf")?)))
}

fn erfc(vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::float(c_erfc(one_arg(vm, &a, "erfc")?)))
}

// CPython's own Lanczos-approximation gamma and lgamma (mathmodule.c), so
// results match it to the last digit.
const LANCZOS_G: f64 = 6.024680040776729583740234375;
const LANCZOS_G_MINUS_HALF: f64 = 5.524680040776729583740234375;
const LANCZOS_NUM: [f64; 13] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];
const LANCZOS_DEN: [f64; 13] =
    [0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0, 2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0];
const GAMMA_INTEGRAL: [f64; 23] = [
    1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0, 3628800.0, 39916800.0, 479001600.0, 6227020800.0,
    87178291200.0, 1307674368000.0, 20922789888000.0, 355687428096000.0, 6402373705728000.0, 121645100408832000.0,
    2432902008176640000.0, 51090942171709440000.0, 1124000727777607680000.0,
];
const LOGPI: f64 = 1.144729885849400174143427351353058711647;

fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0f64, 0.0f64);
    if x < 5.0 {
        for i in (0..13).rev() {
            num = num * x + LANCZOS_NUM[i];
            den = den * x + LANCZOS_DEN[i];
        }
    } else {
        for i in 0..13 {
            num = num / x + LANCZOS_NUM[i];
            den = den / x + LANCZOS_DEN[i];
        }
    }
    num / den
}

fn m_sinpi(x: f64) -> f64 {
    let pi = std::f64::consts::PI;
    let y = x.abs() % 2.0;
    let n = (2.0 * y).round() as i32;
    let r = match n {
        0 => (pi * y).sin(),
        1 => (pi * (y - 0.5)).cos(),
        2 => (pi * (1.0 - y)).sin(),
        3 => -(pi * (y - 1.5)).cos(),
        _ => (pi * (y - 2.0)).sin(),
    };
    1f64.copysign(x) * r
}

/// Gamma; Err(true) for a domain error, Err(false) for overflow.
fn m_tgamma(x: f64) -> Result<f64, bool> {
    if !x.is_finite() {
        return if x.is_nan() || x > 0.0 { Ok(x) } else { Err(true) };
    }
    if x == 0.0 {
        return Err(true);
    }
    if x == x.floor() {
        if x < 0.0 {
            return Err(true);
        }
        if x <= 23.0 {
            return Ok(GAMMA_INTEGRAL[x as usize - 1]);
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        return if r.is_infinite() { Err(false) } else { Ok(r) };
    }
    if absx > 200.0 {
        return if x < 0.0 { Ok(0.0 / m_sinpi(x)) } else { Err(false) };
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    let mut z = if absx > LANCZOS_G_MINUS_HALF {
        let q = y - absx;
        q - LANCZOS_G_MINUS_HALF
    } else {
        let q = y - LANCZOS_G_MINUS_HALF;
        q - absx
    };
    z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -std::f64::consts::PI / m_sinpi(absx) / absx * y.exp() / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= y.powf(absx - 0.5);
        } else {
            let sqrtpow = y.powf(absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = lanczos_sum(absx) / y.exp();
        r += z * r;
        if absx < 140.0 {
            r *= y.powf(absx - 0.5);
        } else {
            let sqrtpow = y.powf(absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    if r.is_infinite() {
        return Err(false);
    }
    Ok(r)
}

fn m_lgamma(x: f64) -> Result<f64, bool> {
    if !x.is_finite() {
        return Ok(if x.is_nan() { x } else { f64::INFINITY });
    }
    if x == x.floor() && x <= 2.0 {
        return if x <= 0.0 { Err(true) } else { Ok(0.0) };
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return Ok(-absx.ln());
    }
    let mut r = lanczos_sum(absx).ln() - LANCZOS_G;
    r += (absx - 0.5) * ((absx + LANCZOS_G - 0.5).ln() - 1.0);
    if x < 0.0 {
        r = LOGPI - m_sinpi(absx).abs().ln() - absx.ln() - r;
    }
    if r.is_infinite() {
        return Err(false);
    }
    Ok(r)
}

fn gamma(vm: &mut Vm, a: Args) -> PyResult {
    let x = one_arg(vm, &a, "gamma")?;
    match m_tgamma(x) {
        Ok(r) => Ok(Value::float(r)),
        Err(true) => Err(domain()),
        Err(false) => Err(range()),
    }
}

fn lgamma(vm: &mut Vm, a: Args) -> PyResult {
    let x = one_arg(vm, &a, "lgamma")?;
    match m_lgamma(x) {
        Ok(r) => Ok(Value::float(r)),
        Err(true) => Err(domain()),
        Err(false) => Err(range()),
    }
}

fn atanh(vm: &mut Vm, a: Args) -> PyResult {
    let x = one_arg(vm, &a, "atanh")?;
    if x.abs() >= 1.0 {
        return Err(domain());
    }
    Ok(Value::float(x.atanh()))
}

/// Natural log of any positive int or float (big ints beyond f64 too).
fn ln(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if let Some(b) = int_value(v) {
        if !b.is_positive() {
            return Err(domain());
        }
        if let Some(f) = b.to_f64().filter(|f| f.is_finite()) {
            return Ok(f.ln());
        }
        let bits = b.bits();
        let shift = bits.saturating_sub(60);
        let top: BigInt = &b >> shift;
        return Ok(top.to_f64().unwrap_or(1.0).ln() + shift as f64 * std::f64::consts::LN_2);
    }
    let x = fl(vm, v)?;
    if x.is_nan() {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(domain());
    }
    Ok(x.ln())
}

fn log(vm: &mut Vm, a: Args) -> PyResult {
    check_args("log", &a, 1, 2)?;
    let num = ln(vm, &a.pos[0])?;
    match a.pos.get(1) {
        None => Ok(Value::float(num)),
        Some(b) => {
            let den = ln(vm, b)?;
            if den == 0.0 {
                return Err(crate::pvm::exc::zero_division("float division by zero"));
            }
            Ok(Value::float(num / den))
        }
    }
}

fn log2(vm: &mut Vm, a: Args) -> PyResult {
    check_args("log2", &a, 1, 1)?;
    if let Some(f) = a.pos[0].as_float_exact() {
        if f > 0.0 {
            return Ok(Value::float(f.log2()));
        }
    }
    Ok(Value::float(ln(vm, &a.pos[0])? / std::f64::consts::LN_2))
}

fn log10(vm: &mut Vm, a: Args) -> PyResult {
    check_args("log10", &a, 1, 1)?;
    if let Some(f) = a.pos[0].as_float_exact() {
        if f > 0.0 {
            return Ok(Value::float(f.log10()));
        }
    }
    if let Some(i) = small_int(&a.pos[0]) {
        if i > 0 {
            return Ok(Value::float((i as f64).log10()));
        }
    }
    Ok(Value::float(ln(vm, &a.pos[0])? / std::f64::consts::LN_10))
}

trait AsFloat {
    fn as_float_exact(&self) -> Option<f64>;
}
impl AsFloat for Value {
    fn as_float_exact(&self) -> Option<f64> {
        match self {
            Value::Float(f) => Some(f.get()),
            _ => None,
        }
    }
}

fn log1p(vm: &mut Vm, a: Args) -> PyResult {
    let x = one_arg(vm, &a, "log1p")?;
    if x <= -1.0 {
        return Err(domain());
    }
    Ok(Value::float(x.ln_1p()))
}

fn two(vm: &mut Vm, a: &Args, name: &str) -> PyResult<(f64, f64)> {
    check_args(name, a, 2, 2)?;
    Ok((fl(vm, &a.pos[0])?, fl(vm, &a.pos[1])?))
}

fn pow(vm: &mut Vm, a: Args) -> PyResult {
    let (x, y) = two(vm, &a, "pow")?;
    if x == 0.0 && y < 0.0 && y.is_finite() {
        return Err(domain());
    }
    if x < 0.0 && x.is_finite() && y.is_finite() && y.fract() != 0.0 {
        return Err(domain());
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(range());
    }
    Ok(Value::float(r))
}

fn atan2(vm: &mut Vm, a: Args) -> PyResult {
    let (y, x) = two(vm, &a, "atan2")?;
    Ok(Value::float(y.atan2(x)))
}

fn copysign(vm: &mut Vm, a: Args) -> PyResult {
    let (x, y) = two(vm, &a, "copysign")?;
    Ok(Value::float(x.copysign(y)))
}

fn fmod(vm: &mut Vm, a: Args) -> PyResult {
    let (x, y) = two(vm, &a, "fmod")?;
    if y == 0.0 && !x.is_nan() || x.is_infinite() && !y.is_nan() {
        return Err(domain());
    }
    Ok(Value::float(x % y))
}

fn remainder(vm: &mut Vm, a: Args) -> PyResult {
    let (x, y) = two(vm, &a, "remainder")?;
    if x.is_nan() || y.is_nan() {
        return Ok(Value::float(f64::NAN));
    }
    if x.is_infinite() || y == 0.0 {
        return Err(domain());
    }
    if y.is_infinite() {
        return Ok(Value::float(x));
    }
    let n = (x / y).round_ties_even();
    let r = x - n * y;
    Ok(Value::float(if r == 0.0 { 0.0f64.copysign(x) } else { r }))
}

fn nextafter(vm: &mut Vm, a: Args) -> PyResult {
    let (x, y) = two(vm, &a, "nextafter")?;
    if x.is_nan() || y.is_nan() {
        return Ok(Value::float(f64::NAN));
    }
    if x == y {
        return Ok(Value::float(y));
    }
    if x == 0.0 {
        return Ok(Value::float(f64::from_bits(1).copysign(y)));
    }
    let bits = x.to_bits();
    let up = (y > x) == (x > 0.0);
    Ok(Value::float(f64::from_bits(if up { bits + 1 } else { bits - 1 })))
}

fn ulp(vm: &mut Vm, a: Args) -> PyResult {
    let x = one_arg(vm, &a, "ulp")?.abs();
    if x.is_nan() || x.is_infinite() {
        return Ok(Value::float(x));
    }
    if x == f64::MAX {
        return Ok(Value::float(x - f64::from_bits(x.to_bits() - 1)));
    }
    Ok(Value::float(f64::from_bits(x.to_bits() + 1) - x))
}

fn hypot(vm: &mut Vm, a: Args) -> PyResult {
    let mut acc = 0.0f64;
    let mut vals = Vec::new();
    for v in &a.pos {
        vals.push(fl(vm, v)?);
    }
    if vals.iter().any(|v| v.is_infinite()) {
        return Ok(Value::float(f64::INFINITY));
    }
    for v in vals {
        acc = acc.hypot(v);
    }
    Ok(Value::float(acc))
}

fn dist(vm: &mut Vm, a: Args) -> PyResult {
    check_args("dist", &a, 2, 2)?;
    let p = vm.collect(&a.pos[0])?;
    let q = vm.collect(&a.pos[1])?;
    if p.len() != q.len() {
        return Err(value_error("both points must have the same number of dimensions"));
    }
    let mut acc = 0.0f64;
    for (x, y) in p.iter().zip(q.iter()) {
        acc = acc.hypot(fl(vm, x)? - fl(vm, y)?);
    }
    Ok(Value::float(acc))
}

fn rounding(vm: &mut Vm, a: Args, name: &str, dunder: &str, f: fn(f64) -> f64) -> PyResult {
    check_args(name, &a, 1, 1)?;
    let x = &a.pos[0];
    if let Some(b) = int_value(x) {
        return Ok(Value::bigint(b));
    }
    if let Value::Float(v) = x {
        return Ok(Value::bigint(float_to_bigint(f(v.get()))?));
    }
    if let Some(r) = vm.call_special(x, dunder, vec![])? {
        return Ok(r);
    }
    let v = fl(vm, x)?;
    Ok(Value::bigint(float_to_bigint(f(v))?))
}

fn floor(vm: &mut Vm, a: Args) -> PyResult {
    rounding(vm, a, "floor", "__floor__", f64::floor)
}
fn ceil(vm: &mut Vm, a: Args) -> PyResult {
    rounding(vm, a, "ceil", "__ceil__", f64::ceil)
}
fn trunc(vm: &mut Vm, a: Args) -> PyResult {
    check_args("trunc", &a, 1, 1)?;
    let x = &a.pos[0];
    if let Some(b) = int_value(x) {
        return Ok(Value::bigint(b));
    }
    if let Value::Float(v) = x {
        return Ok(Value::bigint(float_to_bigint(v.get())?));
    }
    match vm.call_special(x, "__trunc__", vec![])? {
        Some(r) => Ok(r),
        None => Err(type_error(format!("type {} doesn't define __trunc__ method", vtname(x)))),
    }
}

/// An exact integer argument (`__index__`), TypeError otherwise.
fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    if let Some(b) = int_value(v) {
        return Ok(b);
    }
    if vm.call_special(v, "__index__", vec![])?.is_some() {
        return vm.to_bigint(v);
    }
    Err(type_error(format!("'{}' object cannot be interpreted as an integer", vtname(v))))
}

fn factorial(vm: &mut Vm, a: Args) -> PyResult {
    check_args("factorial", &a, 1, 1)?;
    let n = int_arg(vm, &a.pos[0])?;
    if n.is_negative() {
        return Err(value_error("factorial() not defined for negative values"));
    }
    let n = n.to_u64().filter(|n| *n <= 1_000_000).ok_or_else(|| overflow_error("factorial() argument should not exceed 9223372036854775807"))?;
    Ok(Value::bigint(product(1, n)))
}

/// Product of lo..=hi by binary splitting (fast for big factorials).
fn product(lo: u64, hi: u64) -> BigInt {
    if lo > hi {
        return BigInt::one();
    }
    if hi - lo < 16 {
        let mut p = BigInt::one();
        for k in lo..=hi {
            p *= k;
        }
        return p;
    }
    let mid = lo + (hi - lo) / 2;
    product(lo, mid) * product(mid + 1, hi)
}

fn gcd(vm: &mut Vm, a: Args) -> PyResult {
    let mut g = BigInt::zero();
    for v in &a.pos {
        let n = int_arg(vm, v)?;
        g = g.gcd(&n);
    }
    Ok(Value::bigint(g))
}

fn lcm(vm: &mut Vm, a: Args) -> PyResult {
    let mut l = BigInt::one();
    for v in &a.pos {
        let n = int_arg(vm, v)?;
        if n.is_zero() {
            l = BigInt::zero();
            continue;
        }
        if !l.is_zero() {
            l = l.lcm(&n);
        }
    }
    Ok(Value::bigint(l.abs()))
}

fn isqrt(vm: &mut Vm, a: Args) -> PyResult {
    check_args("isqrt", &a, 1, 1)?;
    let n = int_arg(vm, &a.pos[0])?;
    if n.is_negative() {
        return Err(value_error("isqrt() argument must be nonnegative"));
    }
    Ok(Value::bigint(n.sqrt()))
}

fn nk(vm: &mut Vm, a: &Args, name: &str) -> PyResult<(BigInt, Option<BigInt>)> {
    check_args(name, a, 1, 2)?;
    let n = int_arg(vm, &a.pos[0])?;
    let k = match a.pos.get(1) {
        None | Some(Value::None) => None,
        Some(v) => Some(int_arg(vm, v)?),
    };
    if n.is_negative() {
        return Err(value_error("n must be a non-negative integer"));
    }
    if k.as_ref().map(|k| k.is_negative()).unwrap_or(false) {
        return Err(value_error("k must be a non-negative integer"));
    }
    Ok((n, k))
}

fn perm_of(n: &BigInt, k: &BigInt) -> PyResult<BigInt> {
    if k > n {
        return Ok(BigInt::zero());
    }
    let k = k.to_u64().ok_or_else(|| overflow_error("k must not exceed 9223372036854775807"))?;
    let mut p = BigInt::one();
    let mut f = n.clone();
    for _ in 0..k {
        p *= &f;
        f -= 1;
    }
    Ok(p)
}

fn comb(vm: &mut Vm, a: Args) -> PyResult {
    check_args("comb", &a, 2, 2)?;
    let (n, k) = nk(vm, &a, "comb")?;
    let k = k.unwrap_or_default();
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = std::cmp::min(k.clone(), &n - &k);
    let num = perm_of(&n, &k)?;
    let den = product(1, k.to_u64().unwrap_or(0));
    Ok(Value::bigint(num / den))
}

fn perm(vm: &mut Vm, a: Args) -> PyResult {
    let (n, k) = nk(vm, &a, "perm")?;
    let k = k.unwrap_or_else(|| n.clone());
    Ok(Value::bigint(perm_of(&n, &k)?))
}

fn isclose(vm: &mut Vm, mut a: Args) -> PyResult {
    let rel = a.take_kw("rel_tol");
    let abs_ = a.take_kw("abs_tol");
    no_kw("isclose", &a)?;
    let (x, y) = two(vm, &a, "isclose")?;
    let rel = match rel {
        Some(v) => fl(vm, &v)?,
        None => 1e-9,
    };
    let abs_ = match abs_ {
        Some(v) => fl(vm, &v)?,
        None => 0.0,
    };
    if rel < 0.0 || abs_ < 0.0 {
        return Err(value_error("tolerances must be non-negative"));
    }
    if x == y {
        return Ok(Value::Bool(crate::value::Flag::TRUE));
    }
    if x.is_infinite() || y.is_infinite() {
        return Ok(Value::Bool(crate::value::Flag::FALSE));
    }
    let d = (y - x).abs();
    Ok(Value::bool(d <= (rel * y).abs() || d <= (rel * x).abs() || d <= abs_))
}

fn isfinite(vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::bool(one_arg(vm, &a, "isfinite")?.is_finite()))
}
fn isinf(vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::bool(one_arg(vm, &a, "isinf")?.is_infinite()))
}
fn isnan(vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::bool(one_arg(vm, &a, "isnan")?.is_nan()))
}

fn modf(vm: &mut Vm, a: Args) -> PyResult {
    let x = one_arg(vm, &a, "modf")?;
    if x.is_infinite() {
        return Ok(Value::tuple(vec![Value::float(0.0f64.copysign(x)), Value::float(x)]));
    }
    let i = x.trunc();
    Ok(Value::tuple(vec![Value::float((x - i).copysign(x)), Value::float(i)]))
}

fn frexp(vm: &mut Vm, a: Args) -> PyResult {
    let x = one_arg(vm, &a, "frexp")?;
    if x == 0.0 || !x.is_finite() {
        return Ok(Value::tuple(vec![Value::float(x), Value::Int(0)]));
    }
    let (mut m, mut e) = (x, 0i64);
    if x.abs() < f64::MIN_POSITIVE {
        m *= 2f64.powi(64);
        e -= 64;
    }
    let bits = m.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    e += exp - 1022;
    let mant = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    Ok(Value::tuple(vec![Value::float(mant), Value::Int(e)]))
}

fn ldexp(vm: &mut Vm, a: Args) -> PyResult {
    check_args("ldexp", &a, 2, 2)?;
    let x = fl(vm, &a.pos[0])?;
    if !is_int(&a.pos[1]) {
        return Err(type_error("Expected an int as second argument to ldexp."));
    }
    let e = index_clamped(vm, &a.pos[1])?.clamp(-10000, 10000) as i32;
    let mut r = x;
    let mut e2 = e;
    while e2 > 1000 {
        r *= 2f64.powi(1000);
        e2 -= 1000;
    }
    while e2 < -1000 {
        r *= 2f64.powi(-1000);
        e2 += 1000;
    }
    r *= 2f64.powi(e2);
    if r.is_infinite() && x.is_finite() {
        return Err(range());
    }
    Ok(Value::float(r))
}

/// Shewchuk's exact summation (CPython's `msum`).
fn fsum(vm: &mut Vm, a: Args) -> PyResult {
    check_args("fsum", &a, 1, 1)?;
    let items = vm.collect(&a.pos[0])?;
    let mut partials: Vec<f64> = Vec::new();
    let mut special = 0.0f64;
    for it in &items {
        let mut x = fl(vm, it)?;
        if !x.is_finite() {
            special += x;
            continue;
        }
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        if x.is_infinite() {
            return Err(overflow_error("intermediate overflow in fsum"));
        }
        partials.truncate(i);
        partials.push(x);
    }
    if special != 0.0 || special.is_nan() {
        if special.is_nan() {
            return Err(value_error("-inf + inf in fsum"));
        }
        return Ok(Value::float(special));
    }
    let mut hi = 0.0f64;
    let mut n = partials.len();
    if n > 0 {
        n -= 1;
        hi = partials[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(Value::float(hi))
}

fn prod(vm: &mut Vm, mut a: Args) -> PyResult {
    let start = a.take_kw("start");
    no_kw("prod", &a)?;
    check_args("prod", &a, 1, 1)?;
    let mut acc = start.unwrap_or(Value::Int(1));
    let it = vm.iter(&a.pos[0])?;
    while let Some(v) = vm.next(&it)? {
        acc = vm.binary_op(&acc, &v, BinOp::Mul, false)?;
    }
    Ok(acc)
}
