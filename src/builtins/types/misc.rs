//! Small shared pieces: the generic `__repr__` native, and the methods of
//! NoneType, slice, the native iterator type, module and cell objects.

use crate::builtins::args::*;
use crate::builtins::{add_getset, add_method, add_staticmethod};
use crate::object::types::types;
use crate::object::{Args, Payload};
use crate::pvm::exc::{type_error, value_error, PyErr};
use crate::pvm::{PyResult, Vm};
use crate::value::Value;

/// `T.__repr__(self)`: the built-in repr of the payload.
pub fn repr_method(vm: &mut Vm, a: Args) -> PyResult {
    check_method("__repr__", &a, 0, 0)?;
    Ok(Value::string(crate::builtins::repr::payload_repr(vm, &a.pos[0])?))
}

pub fn install() {
    let t = types();
    add_method(&t.none_type, "__repr__", "NoneType.__repr__", repr_method);
    add_method(&t.none_type, "__bool__", "NoneType.__bool__", false_);
    add_staticmethod(&t.none_type, "__new__", "NoneType.__new__", none_new);
    add_method(&t.not_implemented_type, "__repr__", "NotImplementedType.__repr__", repr_method);
    add_method(&t.ellipsis_type, "__repr__", "ellipsis.__repr__", repr_method);
    let s = &t.slice;
    add_staticmethod(s, "__new__", "slice.__new__", slice_new);
    add_method(s, "indices", "slice.indices", indices);
    add_method(s, "__repr__", "slice.__repr__", repr_method);
    add_method(s, "__eq__", "slice.__eq__", slice_eq);
    add_getset(s, "start", slice_start, None);
    add_getset(s, "stop", slice_stop, None);
    add_getset(s, "step", slice_step, None);
    crate::builtins::add_attr(s, "__hash__", Value::None);
    let it = &t.iterator;
    add_method(it, "__iter__", "iterator.__iter__", iter_self);
    add_method(it, "__next__", "iterator.__next__", iter_next);
    add_method(it, "__length_hint__", "iterator.__length_hint__", iter_hint);
}

fn false_(_vm: &mut Vm, _a: Args) -> PyResult {
    Ok(Value::Bool(crate::value::Flag::FALSE))
}

fn none_new(_vm: &mut Vm, a: Args) -> PyResult {
    if a.pos.len() > 1 || !a.kw.is_empty() {
        return Err(type_error("NoneType takes no arguments"));
    }
    Ok(Value::None)
}

fn slice_new(_vm: &mut Vm, a: Args) -> PyResult {
    no_kwargs("slice", &a)?;
    let args = &a.pos[1.min(a.pos.len())..];
    let (start, stop, step) = match args.len() {
        1 => (Value::None, args[0].clone(), Value::None),
        2 => (args[0].clone(), args[1].clone(), Value::None),
        3 => (args[0].clone(), args[1].clone(), args[2].clone()),
        0 => return Err(type_error("slice expected at least 1 argument, got 0")),
        n => return Err(type_error(format!("slice expected at most 3 arguments, got {n}"))),
    };
    Ok(Value::obj(Payload::Slice { start, stop, step }))
}

fn parts(a: &Args) -> PyResult<(Value, Value, Value)> {
    match a.pos.first().and_then(|v| v.payload()) {
        Some(Payload::Slice { start, stop, step }) => Ok((start.clone(), stop.clone(), step.clone())),
        _ => Err(type_error("descriptor requires a 'slice' object")),
    }
}

fn slice_start(_vm: &mut Vm, a: Args) -> PyResult {
    Ok(parts(&a)?.0)
}
fn slice_stop(_vm: &mut Vm, a: Args) -> PyResult {
    Ok(parts(&a)?.1)
}
fn slice_step(_vm: &mut Vm, a: Args) -> PyResult {
    Ok(parts(&a)?.2)
}

fn slice_eq(vm: &mut Vm, a: Args) -> PyResult {
    check_method("__eq__", &a, 1, 1)?;
    let x = parts(&a)?;
    let y = match a.pos[1].payload() {
        Some(Payload::Slice { start, stop, step }) => (start.clone(), stop.clone(), step.clone()),
        _ => return Ok(types().not_implemented.clone()),
    };
    let l = Value::tuple(vec![x.0, x.1, x.2]);
    let r = Value::tuple(vec![y.0, y.1, y.2]);
    Ok(Value::bool(vm.eq(&l, &r)?))
}

fn indices(vm: &mut Vm, a: Args) -> PyResult {
    check_method("indices", &a, 1, 1)?;
    parts(&a)?;
    let n = index_clamped(vm, &a.pos[1])?;
    if n < 0 {
        return Err(value_error("length should not be negative"));
    }
    let (start, stop, step, _) = slice_indices(vm, &a.pos[0], n as usize)?;
    Ok(Value::tuple(vec![Value::Int(start), Value::Int(stop), Value::Int(step)]))
}

fn iter_self(_vm: &mut Vm, a: Args) -> PyResult {
    a.pos.first().cloned().ok_or_else(|| type_error("__iter__ needs an argument"))
}

fn iter_next(vm: &mut Vm, a: Args) -> PyResult {
    let it = a.pos.first().cloned().ok_or_else(|| type_error("__next__ needs an argument"))?;
    match vm.next(&it)? {
        Some(v) => Ok(v),
        None => Err(PyErr::with_args("StopIteration", vec![])),
    }
}

fn iter_hint(_vm: &mut Vm, a: Args) -> PyResult {
    let n = match a.pos.first().and_then(|v| v.payload()) {
        Some(Payload::Iter(it)) => it.try_lock().and_then(|g| g.len_hint()).unwrap_or(0),
        _ => 0,
    };
    Ok(Value::Int(n as i64))
}
