//! Helpers shared by the sequence types: lexicographic comparison,
//! repetition, membership and index search with Python equality.

use crate::bytecode::CmpOp;
use crate::pvm::exc::PyErr;
use crate::pvm::{PyResult, Vm};
use crate::value::Value;
use std::cmp::Ordering;

/// Applies `op` to an `Ordering`.
pub fn ord_result(op: CmpOp, o: Ordering) -> bool {
    match op {
        CmpOp::Lt => o == Ordering::Less,
        CmpOp::Le => o != Ordering::Greater,
        CmpOp::Eq => o == Ordering::Equal,
        CmpOp::Ne => o != Ordering::Equal,
        CmpOp::Gt => o == Ordering::Greater,
        CmpOp::Ge => o != Ordering::Less,
    }
}

/// Lexicographic comparison of two sequences with Python semantics.
pub fn seq_compare(vm: &mut Vm, a: &[Value], b: &[Value], op: CmpOp) -> PyResult<Value> {
    if matches!(op, CmpOp::Eq | CmpOp::Ne) && a.len() != b.len() {
        return Ok(Value::bool(op == CmpOp::Ne));
    }
    for (x, y) in a.iter().zip(b.iter()) {
        if x.is(y) {
            continue;
        }
        if !vm.eq(x, y)? {
            return match op {
                CmpOp::Eq => Ok(Value::Bool(crate::value::Flag::FALSE)),
                CmpOp::Ne => Ok(Value::Bool(crate::value::Flag::TRUE)),
                _ => vm.compare(x, y, op),
            };
        }
    }
    Ok(Value::bool(ord_result(op, a.len().cmp(&b.len()))))
}

/// `items * n` (n <= 0 gives empty); MemoryError on absurd sizes.
pub fn repeat<T: Clone>(items: &[T], n: i64) -> PyResult<Vec<T>> {
    if n <= 0 || items.is_empty() {
        return Ok(Vec::new());
    }
    let total = items.len().checked_mul(n as usize).filter(|t| *t <= (1usize << 40));
    let Some(total) = total else { return Err(PyErr::new("MemoryError", "")) };
    let mut out = Vec::with_capacity(total);
    for _ in 0..n {
        out.extend_from_slice(items);
    }
    Ok(out)
}

/// `x in items` with identity-then-equality.
pub fn contains(vm: &mut Vm, items: &[Value], x: &Value) -> PyResult<bool> {
    for it in items {
        if it.is(x) || vm.eq(it, x)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// First index of `x` in `items[start..end]`.
pub fn find_index(vm: &mut Vm, items: &[Value], x: &Value, start: usize, end: usize) -> PyResult<Option<usize>> {
    for (i, it) in items.iter().enumerate().take(end).skip(start) {
        if it.is(x) || vm.eq(it, x)? {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

/// Number of elements equal to `x`.
pub fn count(vm: &mut Vm, items: &[Value], x: &Value) -> PyResult<usize> {
    let mut n = 0;
    for it in items {
        if it.is(x) || vm.eq(it, x)? {
            n += 1;
        }
    }
    Ok(n)
}

/// The repetition count of `seq * n`: `Ok(None)` when `n` is not an int
/// (the operator then returns NotImplemented).
pub fn repeat_count(vm: &mut Vm, n: &Value) -> PyResult<Option<i64>> {
    if super::super::args::is_int(n) {
        return Ok(Some(super::super::args::index_clamped(vm, n)?));
    }
    if matches!(n, Value::Obj(_)) && crate::object::types::lookup_in_type(crate::object::types::type_of(n), "__index__").is_some() {
        return Ok(Some(super::super::args::index_clamped(vm, n)?));
    }
    Ok(None)
}
