//! `range`: construction, len, indexing and slicing (a new range), fast
//! integer membership, index/count, iteration and comparison.

use crate::builtins::args::*;
use crate::builtins::iters::{make_iter, range_len, RangeIter};
use crate::builtins::{add_getset, add_method, add_staticmethod};
use crate::object::types::types;
use crate::object::{Args, Payload};
use crate::pvm::exc::{index_error, overflow_error, type_error, value_error};
use crate::pvm::{PyResult, Vm};
use crate::value::Value;
use num_traits::ToPrimitive;

pub fn install() {
    let t = &types().range;
    add_staticmethod(t, "__new__", "range.__new__", range_new);
    add_method(t, "__len__", "range.__len__", len);
    add_method(t, "__getitem__", "range.__getitem__", getitem);
    add_method(t, "__contains__", "range.__contains__", contains);
    add_method(t, "__iter__", "range.__iter__", iter);
    add_method(t, "__reversed__", "range.__reversed__", reversed);
    add_method(t, "__repr__", "range.__repr__", crate::builtins::types::misc::repr_method);
    add_method(t, "__eq__", "range.__eq__", eq);
    add_method(t, "__ne__", "range.__ne__", ne);
    add_method(t, "__hash__", "range.__hash__", hash);
    add_method(t, "__bool__", "range.__bool__", to_bool);
    add_method(t, "index", "range.index", index);
    add_method(t, "count", "range.count", count);
    add_getset(t, "start", get_start, None);
    add_getset(t, "stop", get_stop, None);
    add_getset(t, "step", get_step, None);
}

fn this(a: &Args, method: &str) -> PyResult<(i64, i64, i64)> {
    match a.pos.first().and_then(|v| v.payload()) {
        Some(Payload::Range { start, stop, step }) => Ok((*start, *stop, *step)),
        _ => Err(type_error(format!("descriptor '{method}' requires a 'range' object"))),
    }
}

fn range_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if !is_int(v) && vm.call_special(v, "__index__", vec![])?.is_none() {
        return Err(type_error(format!("'{}' object cannot be interpreted as an integer", vtname(v))));
    }
    let b = vm.to_bigint(v)?;
    b.to_i64().ok_or_else(|| overflow_error("Python int too large to convert to C ssize_t"))
}

fn range_new(vm: &mut Vm, a: Args) -> PyResult {
    no_kwargs("range", &a)?;
    let n = a.pos.len().saturating_sub(1);
    let (start, stop, step) = match n {
        1 => (0, range_arg(vm, &a.pos[1])?, 1),
        2 => (range_arg(vm, &a.pos[1])?, range_arg(vm, &a.pos[2])?, 1),
        3 => (range_arg(vm, &a.pos[1])?, range_arg(vm, &a.pos[2])?, range_arg(vm, &a.pos[3])?),
        0 => return Err(type_error("range expected at least 1 argument, got 0")),
        _ => return Err(type_error(format!("range expected at most 3 arguments, got {n}"))),
    };
    if step == 0 {
        return Err(value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::obj(Payload::Range { start, stop, step }))
}

fn length(r: (i64, i64, i64)) -> PyResult<usize> {
    let n = range_len(r.0, r.1, r.2);
    usize::try_from(n).ok().filter(|n| *n <= i64::MAX as usize).ok_or_else(|| overflow_error("Python int too large to convert to C ssize_t"))
}

fn len(_vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::Int(length(this(&a, "__len__")?)? as i64))
}

fn to_bool(_vm: &mut Vm, a: Args) -> PyResult {
    let r = this(&a, "__bool__")?;
    Ok(Value::bool(range_len(r.0, r.1, r.2) > 0))
}

fn item(r: (i64, i64, i64), i: usize) -> i64 {
    (r.0 as i128 + i as i128 * r.2 as i128) as i64
}

fn getitem(vm: &mut Vm, a: Args) -> PyResult {
    check_method("__getitem__", &a, 1, 1)?;
    let r = this(&a, "__getitem__")?;
    let n = length(r)?;
    let k = &a.pos[1];
    if is_slice(k) {
        let (start, _, step, cnt) = slice_indices(vm, k, n)?;
        let new_start = (r.0 as i128 + start as i128 * r.2 as i128) as i64;
        let new_step = (r.2 as i128 * step as i128).clamp(i64::MIN as i128, i64::MAX as i128) as i64;
        let new_stop = (new_start as i128 + cnt as i128 * new_step as i128).clamp(i64::MIN as i128, i64::MAX as i128) as i64;
        return Ok(Value::obj(Payload::Range { start: new_start, stop: new_stop, step: new_step }));
    }
    let i = super::list::list_index(vm, k, "range")?;
    match norm_index(i, n) {
        Some(j) => Ok(Value::Int(item(r, j))),
        None => Err(index_error("range object index out of range")),
    }
}

/// Position of integer `x` in the range, if present.
fn position(r: (i64, i64, i64), x: i64) -> Option<usize> {
    let (start, stop, step) = (r.0 as i128, r.1 as i128, r.2 as i128);
    let x = x as i128;
    let inside = if step > 0 { x >= start && x < stop } else { x <= start && x > stop };
    if inside && (x - start) % step == 0 {
        Some(((x - start) / step) as usize)
    } else {
        None
    }
}

fn int_elem(v: &Value) -> Option<Option<i64>> {
    match v {
        Value::Int(i) => Some(Some(*i)),
        Value::Bool(b) => Some(Some(b.get() as i64)),
        Value::Obj(o) if o.class.is_none() => match &o.payload {
            Payload::BigInt(b) => Some(b.to_i64()),
            _ => None,
        },
        _ => None,
    }
}

fn find(vm: &mut Vm, r: (i64, i64, i64), x: &Value) -> PyResult<Option<usize>> {
    if let Some(i) = int_elem(x) {
        return Ok(i.and_then(|i| position(r, i)));
    }
    let n = length(r)?;
    for j in 0..n {
        if vm.eq(&Value::Int(item(r, j)), x)? {
            return Ok(Some(j));
        }
    }
    Ok(None)
}

fn contains(vm: &mut Vm, a: Args) -> PyResult {
    check_method("__contains__", &a, 1, 1)?;
    let r = this(&a, "__contains__")?;
    Ok(Value::bool(find(vm, r, &a.pos[1])?.is_some()))
}

fn index(vm: &mut Vm, a: Args) -> PyResult {
    check_method("index", &a, 1, 1)?;
    let r = this(&a, "index")?;
    match find(vm, r, &a.pos[1])? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(value_error(format!("{} is not in range", vm.repr(&a.pos[1])?))),
    }
}

fn count(vm: &mut Vm, a: Args) -> PyResult {
    check_method("count", &a, 1, 1)?;
    let r = this(&a, "count")?;
    if int_elem(&a.pos[1]).is_some() {
        return Ok(Value::Int(find(vm, r, &a.pos[1])?.is_some() as i64));
    }
    let n = length(r)?;
    let mut c = 0;
    for j in 0..n {
        if vm.eq(&Value::Int(item(r, j)), &a.pos[1])? {
            c += 1;
        }
    }
    Ok(Value::Int(c))
}

fn iter(_vm: &mut Vm, a: Args) -> PyResult {
    let r = this(&a, "__iter__")?;
    Ok(make_iter(RangeIter::new(r.0, r.1, r.2)))
}

fn reversed(_vm: &mut Vm, a: Args) -> PyResult {
    let r = this(&a, "__reversed__")?;
    Ok(make_iter(RangeIter::reversed(r.0, r.1, r.2)))
}

/// Ranges compare equal when they produce the same sequence.
fn same(x: (i64, i64, i64), y: (i64, i64, i64)) -> bool {
    let (nx, ny) = (range_len(x.0, x.1, x.2), range_len(y.0, y.1, y.2));
    if nx != ny {
        return false;
    }
    if nx == 0 {
        return true;
    }
    x.0 == y.0 && (nx == 1 || x.2 == y.2)
}

fn other(a: &Args) -> Option<(i64, i64, i64)> {
    match a.pos.get(1)?.payload()? {
        Payload::Range { start, stop, step } => Some((*start, *stop, *step)),
        _ => None,
    }
}

fn eq(_vm: &mut Vm, a: Args) -> PyResult {
    let r = this(&a, "__eq__")?;
    match other(&a) {
        Some(o) => Ok(Value::bool(same(r, o))),
        None => Ok(types().not_implemented.clone()),
    }
}

fn ne(_vm: &mut Vm, a: Args) -> PyResult {
    let r = this(&a, "__ne__")?;
    match other(&a) {
        Some(o) => Ok(Value::bool(!same(r, o))),
        None => Ok(types().not_implemented.clone()),
    }
}

fn hash(vm: &mut Vm, a: Args) -> PyResult {
    let r = this(&a, "__hash__")?;
    let n = range_len(r.0, r.1, r.2);
    let t = match n {
        0 => Value::tuple(vec![Value::Int(0), Value::None, Value::None]),
        1 => Value::tuple(vec![Value::Int(1), Value::Int(r.0), Value::None]),
        _ => Value::tuple(vec![Value::Int(n as i64), Value::Int(r.0), Value::Int(r.2)]),
    };
    Ok(Value::Int(vm.hash(&t)?))
}

fn get_start(_vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::Int(this(&a, "start")?.0))
}
fn get_stop(_vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::Int(this(&a, "stop")?.1))
}
fn get_step(_vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::Int(this(&a, "step")?.2))
}
