//! Attributes of functions, builtin functions and bound methods:
//! `__name__`, `__qualname__`, `__doc__`, `__module__`, `__defaults__`,
//! `__kwdefaults__`, `__code__`, `__globals__`, `__closure__`,
//! `__self__`, `__func__`; a closure cell's `cell_contents`.

use crate::builtins::args::*;
use crate::builtins::repr::short_name;
use crate::builtins::{add_getset, add_method};
use crate::object::types::types;
use crate::object::{Args, Function, Payload};
use crate::pvm::exc::type_error;
use crate::pvm::{PyResult, Vm};
use crate::value::Value;
use std::sync::Arc;

pub fn install() {
    let t = types();
    let f = &t.function;
    add_getset(f, "__name__", f_name, Some(f_set_name));
    add_getset(f, "__qualname__", f_qualname, Some(f_set_qualname));
    add_getset(f, "__doc__", f_doc, Some(f_set_doc));
    add_getset(f, "__module__", f_module, Some(f_set_module));
    add_getset(f, "__defaults__", f_defaults, Some(f_set_defaults));
    add_getset(f, "__kwdefaults__", f_kwdefaults, None);
    add_getset(f, "__annotations__", f_annotations, Some(f_set_annotations));
    add_getset(f, "__code__", f_code, None);
    add_getset(f, "__globals__", f_globals, None);
    add_getset(f, "__closure__", f_closure, None);
    add_method(f, "__repr__", "function.__repr__", super::misc::repr_method);
    add_method(f, "__get__", "function.__get__", f_get);
    let b = &t.builtin_function;
    add_getset(b, "__name__", b_name, None);
    add_getset(b, "__qualname__", b_qualname, None);
    add_getset(b, "__doc__", none, None);
    add_getset(b, "__self__", b_self, None);
    add_getset(b, "__module__", b_module, None);
    add_method(b, "__repr__", "builtin_function_or_method.__repr__", super::misc::repr_method);
    let m = &t.method;
    add_getset(m, "__func__", m_func, None);
    add_getset(m, "__self__", m_self, None);
    add_getset(m, "__name__", m_name, None);
    add_getset(m, "__qualname__", m_qualname, None);
    add_getset(m, "__doc__", m_doc, None);
    add_method(m, "__repr__", "method.__repr__", super::misc::repr_method);
    add_method(m, "__getattr__", "method.__getattr__", m_getattr);
    add_getset(&t.cell, "cell_contents", cell_contents, None);
}

/// `cell.cell_contents`: ValueError when the cell is empty.
fn cell_contents(_vm: &mut Vm, a: Args) -> PyResult {
    match a.pos.first().and_then(|v| v.payload()) {
        Some(Payload::Cell(c)) => {
            let v = c.lock().clone();
            if v.is_null() {
                return Err(crate::pvm::exc::value_error("Cell is empty"));
            }
            Ok(v)
        }
        _ => Err(type_error("descriptor 'cell_contents' requires a 'cell' object")),
    }
}

fn func(a: &Args) -> PyResult<&Function> {
    match a.pos.first().and_then(|v| v.payload()) {
        Some(Payload::Function(f)) => Ok(f),
        _ => Err(type_error("descriptor requires a 'function' object")),
    }
}

fn none(_vm: &mut Vm, _a: Args) -> PyResult {
    Ok(Value::None)
}

fn f_name(_vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::str(&func(&a)?.name.lock()))
}
fn f_qualname(_vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::str(&func(&a)?.qualname.lock()))
}

fn str_value<'a>(a: &'a Args, what: &str) -> PyResult<&'a str> {
    a.pos.get(1).and_then(|v| v.as_str()).ok_or_else(|| type_error(format!("{what} must be set to a string object")))
}

fn f_set_name(_vm: &mut Vm, a: Args) -> PyResult {
    let s = str_value(&a, "__name__")?;
    *func(&a)?.name.lock() = Arc::from(s);
    Ok(Value::None)
}
fn f_set_qualname(_vm: &mut Vm, a: Args) -> PyResult {
    let s = str_value(&a, "__qualname__")?;
    *func(&a)?.qualname.lock() = Arc::from(s);
    Ok(Value::None)
}

fn f_doc(_vm: &mut Vm, a: Args) -> PyResult {
    let f = func(&a)?;
    if let Some(d) = f.dict.lock().get_str("__doc__") {
        return Ok(d.clone());
    }
    if &*f.code.name == "<lambda>" {
        return Ok(Value::None);
    }
    Ok(match f.code.consts.first() {
        Some(v) if v.as_str().is_some() => v.clone(),
        _ => Value::None,
    })
}
fn f_set_doc(_vm: &mut Vm, a: Args) -> PyResult {
    let v = a.pos.get(1).cloned().unwrap_or(Value::None);
    func(&a)?.dict.lock().set_str(Value::str("__doc__"), v);
    Ok(Value::None)
}

fn f_module(_vm: &mut Vm, a: Args) -> PyResult {
    let f = func(&a)?;
    if let Some(m) = f.dict.lock().get_str("__module__") {
        return Ok(m.clone());
    }
    Ok(match &f.globals.payload {
        Payload::Dict(d) => d.lock().get_str("__name__").cloned().unwrap_or(Value::None),
        _ => Value::None,
    })
}
fn f_set_module(_vm: &mut Vm, a: Args) -> PyResult {
    let v = a.pos.get(1).cloned().unwrap_or(Value::None);
    func(&a)?.dict.lock().set_str(Value::str("__module__"), v);
    Ok(Value::None)
}

fn f_defaults(_vm: &mut Vm, a: Args) -> PyResult {
    Ok(match &*func(&a)?.defaults.lock() {
        Some(d) => Value::tuple(d.to_vec()),
        None => Value::None,
    })
}
fn f_set_defaults(_vm: &mut Vm, a: Args) -> PyResult {
    let f = func(&a)?;
    let v = a.pos.get(1).cloned().unwrap_or(Value::None);
    let d = match v.payload() {
        Some(Payload::Tuple(t)) => Some(Arc::from(t.to_vec().into_boxed_slice())),
        _ if v.is_none() => None,
        _ => return Err(type_error("__defaults__ must be set to a tuple object")),
    };
    *f.defaults.lock() = d;
    Ok(Value::None)
}

/// `__annotations__`: the dict MakeFunction stored, else a new empty one
/// (kept, as CPython does).
fn f_annotations(_vm: &mut Vm, a: Args) -> PyResult {
    let f = func(&a)?;
    let mut d = f.dict.lock();
    if let Some(v) = d.get_str("__annotations__") {
        return Ok(v.clone());
    }
    let empty = Value::obj(Payload::Dict(parking_lot::Mutex::new(Default::default())));
    d.set_str(Value::str("__annotations__"), empty.clone());
    Ok(empty)
}
fn f_set_annotations(_vm: &mut Vm, a: Args) -> PyResult {
    let v = a.pos.get(1).cloned().unwrap_or(Value::None);
    func(&a)?.dict.lock().set_str(Value::str("__annotations__"), v);
    Ok(Value::None)
}
fn f_kwdefaults(_vm: &mut Vm, a: Args) -> PyResult {
    Ok(match &*func(&a)?.kwdefaults.lock() {
        Some(d) => Value::Obj(d.clone()),
        None => Value::None,
    })
}
fn f_code(_vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::obj(Payload::Code(func(&a)?.code.clone())))
}
fn f_globals(_vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::Obj(func(&a)?.globals.clone()))
}
fn f_closure(_vm: &mut Vm, a: Args) -> PyResult {
    Ok(match &func(&a)?.closure {
        Some(c) if !c.is_empty() => Value::tuple(c.to_vec()),
        _ => Value::None,
    })
}

fn f_get(_vm: &mut Vm, a: Args) -> PyResult {
    check_method("__get__", &a, 1, 2)?;
    func(&a)?;
    if a.pos[1].is_none() {
        return Ok(a.pos[0].clone());
    }
    Ok(Value::obj(Payload::BoundMethod { func: a.pos[0].clone(), this: a.pos[1].clone() }))
}

fn native_of(a: &Args) -> PyResult<(&'static str, Value)> {
    match a.pos.first().and_then(|v| v.payload()) {
        Some(Payload::NativeFunc(n)) => Ok((n.name, n.bound.clone())),
        _ => Err(type_error("descriptor requires a 'builtin_function_or_method' object")),
    }
}

fn b_name(_vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::str(short_name(native_of(&a)?.0)))
}
fn b_qualname(_vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::str(native_of(&a)?.0))
}
fn b_self(_vm: &mut Vm, a: Args) -> PyResult {
    let b = native_of(&a)?.1;
    Ok(if b.is_null() { Value::None } else { b })
}
fn b_module(_vm: &mut Vm, a: Args) -> PyResult {
    let q = native_of(&a)?.0;
    Ok(if q.contains('.') { Value::None } else { Value::str("builtins") })
}

fn method_of(a: &Args) -> PyResult<(Value, Value)> {
    match a.pos.first().and_then(|v| v.payload()) {
        Some(Payload::BoundMethod { func, this }) => Ok((func.clone(), this.clone())),
        _ => Err(type_error("descriptor requires a 'method' object")),
    }
}

fn m_func(_vm: &mut Vm, a: Args) -> PyResult {
    Ok(method_of(&a)?.0)
}
/// A bound method's other attributes are its function's (`meth.tag`
/// after `func.tag = 1`), as in CPython's `method_getattro`.
fn m_getattr(vm: &mut Vm, a: Args) -> PyResult {
    let f = method_of(&a)?.0;
    let name = a.pos.get(1).and_then(|n| n.as_str()).unwrap_or("").to_string();
    match vm.getattr_opt(&f, &name)? {
        Some(v) => Ok(v),
        None => Err(crate::pvm::exc::PyErr::new("AttributeError", format!("'method' object has no attribute '{name}'"))),
    }
}

fn m_self(_vm: &mut Vm, a: Args) -> PyResult {
    Ok(method_of(&a)?.1)
}
fn m_name(vm: &mut Vm, a: Args) -> PyResult {
    let f = method_of(&a)?.0;
    vm.getattr(&f, "__name__")
}
fn m_qualname(vm: &mut Vm, a: Args) -> PyResult {
    let f = method_of(&a)?.0;
    vm.getattr(&f, "__qualname__")
}
fn m_doc(vm: &mut Vm, a: Args) -> PyResult {
    let f = method_of(&a)?.0;
    vm.getattr(&f, "__doc__")
}
