//! The arithmetic and comparison dunders of `int` and `float`
//! (`(1).__add__(2)`, `int.__lt__`, `hasattr(1.0, '__mul__')`). They answer
//! through the VM's numeric kernels and return NotImplemented for operands
//! of other types, so the dispatch loop (whose fast paths never consult the
//! type dict for plain numbers) keeps its behaviour.

use super::super::add_method;
use crate::builtins::args::*;
use crate::bytecode::{BinOp, CmpOp, Op};
use crate::object::types::{is_subtype, type_of, types};
use crate::object::{Args, ObjRef};
use crate::pvm::exc::type_error;
use crate::pvm::numeric::{as_num, binop_numeric, compare_numeric, unary_numeric, Num};
use crate::pvm::{PyResult, Vm};
use crate::value::Value;

fn not_impl() -> Value {
    types().not_implemented.clone()
}

fn owner(is_float: bool) -> &'static ObjRef {
    if is_float {
        &types().float
    } else {
        &types().int
    }
}

/// `self` must be an int (float) instance; `other` must be a number the
/// method accepts (int methods take ints only, float methods ints and floats).
fn operands<'a>(a: &'a Args, name: &str, is_float: bool) -> PyResult<(&'a Value, Option<&'a Value>)> {
    let tname = if is_float { "float" } else { "int" };
    let Some(this) = a.pos.first() else {
        return Err(type_error(format!("descriptor '{name}' of '{tname}' object needs an argument")));
    };
    if !is_subtype(type_of(this), owner(is_float)) {
        return Err(type_error(format!(
            "descriptor '{name}' requires a '{tname}' object but received a '{}'",
            vtname(this)
        )));
    }
    if a.pos.len() != 2 {
        return Err(type_error(format!("expected 1 argument, got {}", a.pos.len() - 1)));
    }
    let other = &a.pos[1];
    let ok = match as_num(other) {
        Some(Num::Int(_)) => true,
        Some(Num::Float(_)) => is_float,
        None => false,
    };
    Ok((this, ok.then_some(other)))
}

fn binop(a: Args, name: &str, op: BinOp, reflected: bool, is_float: bool) -> PyResult {
    let (this, other) = operands(&a, name, is_float)?;
    let Some(other) = other else { return Ok(not_impl()) };
    let (x, y) = if reflected { (other, this) } else { (this, other) };
    match binop_numeric(x, y, op) {
        Some(r) => r,
        None => Ok(not_impl()),
    }
}

fn cmpop(a: Args, name: &str, op: CmpOp, is_float: bool) -> PyResult {
    let (this, other) = operands(&a, name, is_float)?;
    let Some(other) = other else { return Ok(not_impl()) };
    Ok(compare_numeric(this, other, op).map(Value::bool).unwrap_or_else(not_impl))
}

fn unop(a: Args, name: &str, op: Op, is_float: bool) -> PyResult {
    let tname = if is_float { "float" } else { "int" };
    let Some(this) = a.pos.first().filter(|v| is_subtype(type_of(v), owner(is_float))) else {
        return Err(type_error(format!("descriptor '{name}' requires a '{tname}' object")));
    };
    check_method(name, &a, 0, 0)?;
    unary_numeric(this, op).map(Ok).unwrap_or_else(|| Ok(not_impl()))
}

fn absolute(a: Args, is_float: bool) -> PyResult {
    let tname = if is_float { "float" } else { "int" };
    let Some(this) = a.pos.first().filter(|v| is_subtype(type_of(v), owner(is_float))) else {
        return Err(type_error(format!("descriptor '__abs__' requires a '{tname}' object")));
    };
    check_method("__abs__", &a, 0, 0)?;
    Ok(match as_num(this) {
        Some(Num::Int(i)) => Value::bigint(if i.sign() == num_bigint::Sign::Minus { -i } else { i }),
        Some(Num::Float(f)) => Value::float(f.abs()),
        None => not_impl(),
    })
}

macro_rules! numeric_dunders {
    ($($kind:ident: $fname:ident, $dunder:literal, $qual:literal, $float:expr, $($arg:expr),*;)*) => {
        $(
            fn $fname(_vm: &mut Vm, a: Args) -> PyResult {
                numeric_dunders!(@call $kind, a, $dunder, $float, $($arg),*)
            }
        )*
        fn install_generated() {
            $(
                add_method(owner($float), $dunder, $qual, $fname);
            )*
        }
    };
    (@call bin, $a:ident, $d:literal, $float:expr, $op:expr, $refl:expr) => { binop($a, $d, $op, $refl, $float) };
    (@call cmp, $a:ident, $d:literal, $float:expr, $op:expr) => { cmpop($a, $d, $op, $float) };
    (@call un, $a:ident, $d:literal, $float:expr, $op:expr) => { unop($a, $d, $op, $float) };
    (@call abs, $a:ident, $d:literal, $float:expr, $x:expr) => { absolute($a, $float) };
}

numeric_dunders! {
    bin: i_add, "__add__", "int.__add__", false, BinOp::Add, false;
    bin: i_radd, "__radd__", "int.__radd__", false, BinOp::Add, true;
    bin: i_sub, "__sub__", "int.__sub__", false, BinOp::Sub, false;
    bin: i_rsub, "__rsub__", "int.__rsub__", false, BinOp::Sub, true;
    bin: i_mul, "__mul__", "int.__mul__", false, BinOp::Mul, false;
    bin: i_rmul, "__rmul__", "int.__rmul__", false, BinOp::Mul, true;
    bin: i_truediv, "__truediv__", "int.__truediv__", false, BinOp::TrueDiv, false;
    bin: i_rtruediv, "__rtruediv__", "int.__rtruediv__", false, BinOp::TrueDiv, true;
    bin: i_floordiv, "__floordiv__", "int.__floordiv__", false, BinOp::FloorDiv, false;
    bin: i_rfloordiv, "__rfloordiv__", "int.__rfloordiv__", false, BinOp::FloorDiv, true;
    bin: i_mod, "__mod__", "int.__mod__", false, BinOp::Mod, false;
    bin: i_rmod, "__rmod__", "int.__rmod__", false, BinOp::Mod, true;
    bin: i_pow, "__pow__", "int.__pow__", false, BinOp::Pow, false;
    bin: i_rpow, "__rpow__", "int.__rpow__", false, BinOp::Pow, true;
    bin: i_lshift, "__lshift__", "int.__lshift__", false, BinOp::LShift, false;
    bin: i_rlshift, "__rlshift__", "int.__rlshift__", false, BinOp::LShift, true;
    bin: i_rshift, "__rshift__", "int.__rshift__", false, BinOp::RShift, false;
    bin: i_rrshift, "__rrshift__", "int.__rrshift__", false, BinOp::RShift, true;
    bin: i_and, "__and__", "int.__and__", false, BinOp::And, false;
    bin: i_rand, "__rand__", "int.__rand__", false, BinOp::And, true;
    bin: i_or, "__or__", "int.__or__", false, BinOp::Or, false;
    bin: i_ror, "__ror__", "int.__ror__", false, BinOp::Or, true;
    bin: i_xor, "__xor__", "int.__xor__", false, BinOp::Xor, false;
    bin: i_rxor, "__rxor__", "int.__rxor__", false, BinOp::Xor, true;
    cmp: i_lt, "__lt__", "int.__lt__", false, CmpOp::Lt;
    cmp: i_le, "__le__", "int.__le__", false, CmpOp::Le;
    cmp: i_eq, "__eq__", "int.__eq__", false, CmpOp::Eq;
    cmp: i_ne, "__ne__", "int.__ne__", false, CmpOp::Ne;
    cmp: i_gt, "__gt__", "int.__gt__", false, CmpOp::Gt;
    cmp: i_ge, "__ge__", "int.__ge__", false, CmpOp::Ge;
    un: i_neg, "__neg__", "int.__neg__", false, Op::UnaryNegative;
    un: i_pos, "__pos__", "int.__pos__", false, Op::UnaryPositive;
    un: i_invert, "__invert__", "int.__invert__", false, Op::UnaryInvert;
    abs: i_abs, "__abs__", "int.__abs__", false, 0;
    bin: f_add, "__add__", "float.__add__", true, BinOp::Add, false;
    bin: f_radd, "__radd__", "float.__radd__", true, BinOp::Add, true;
    bin: f_sub, "__sub__", "float.__sub__", true, BinOp::Sub, false;
    bin: f_rsub, "__rsub__", "float.__rsub__", true, BinOp::Sub, true;
    bin: f_mul, "__mul__", "float.__mul__", true, BinOp::Mul, false;
    bin: f_rmul, "__rmul__", "float.__rmul__", true, BinOp::Mul, true;
    bin: f_truediv, "__truediv__", "float.__truediv__", true, BinOp::TrueDiv, false;
    bin: f_rtruediv, "__rtruediv__", "float.__rtruediv__", true, BinOp::TrueDiv, true;
    bin: f_floordiv, "__floordiv__", "float.__floordiv__", true, BinOp::FloorDiv, false;
    bin: f_rfloordiv, "__rfloordiv__", "float.__rfloordiv__", true, BinOp::FloorDiv, true;
    bin: f_mod, "__mod__", "float.__mod__", true, BinOp::Mod, false;
    bin: f_rmod, "__rmod__", "float.__rmod__", true, BinOp::Mod, true;
    bin: f_pow, "__pow__", "float.__pow__", true, BinOp::Pow, false;
    bin: f_rpow, "__rpow__", "float.__rpow__", true, BinOp::Pow, true;
    cmp: f_lt, "__lt__", "float.__lt__", true, CmpOp::Lt;
    cmp: f_le, "__le__", "float.__le__", true, CmpOp::Le;
    cmp: f_eq, "__eq__", "float.__eq__", true, CmpOp::Eq;
    cmp: f_ne, "__ne__", "float.__ne__", true, CmpOp::Ne;
    cmp: f_gt, "__gt__", "float.__gt__", true, CmpOp::Gt;
    cmp: f_ge, "__ge__", "float.__ge__", true, CmpOp::Ge;
    un: f_neg, "__neg__", "float.__neg__", true, Op::UnaryNegative;
    un: f_pos, "__pos__", "float.__pos__", true, Op::UnaryPositive;
    abs: f_abs, "__abs__", "float.__abs__", true, 0;
}

pub fn install() {
    install_generated();
}
