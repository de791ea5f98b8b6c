//! The `builtins` namespace and the methods of the built-in types.
//!
//! `install` fills the builtins dict (functions, types, exception classes);
//! `init_types` (called once at startup, after the type registry exists)
//! installs every native method, constructor and attribute getter into the
//! built-in type dicts. `builtin_iter` creates the native iterator of a
//! built-in container. Everything here follows CPython 3.11 semantics and
//! error messages; no function panics on user input.

pub mod args;
pub mod asyncfuncs;
pub mod exec;
pub mod format;
pub mod intlimit;
pub mod functions;
pub mod iterfuncs;
pub mod iters;
pub mod numfuncs;
pub mod repr;
pub mod setorder;
pub mod sort;
pub mod strformat;
pub mod types;

use crate::object::types::{type_data, types};
use crate::object::{DictData, NativeFn, NativeFunc, ObjRef, Payload};
use crate::pvm::{PyResult, Vm};
use crate::value::Value;

pub use args::*;

/// A native function value named `qualname`.
pub fn native(qualname: &'static str, f: NativeFn) -> Value {
    Value::obj(Payload::NativeFunc(NativeFunc { name: qualname, func: f, bound: Value::Null, fast: None }))
}

/// A native function value with the allocation-free entry `fast`.
pub fn native_fast(qualname: &'static str, f: NativeFn, fast: crate::object::FastFn) -> Value {
    Value::obj(Payload::NativeFunc(NativeFunc { name: qualname, func: f, bound: Value::Null, fast: Some(fast) }))
}

/// A native function bound to `this` (methods of run-time native objects).
pub fn native_bound(qualname: &'static str, f: NativeFn, this: Value) -> Value {
    Value::obj(Payload::NativeFunc(NativeFunc { name: qualname, func: f, bound: this, fast: None }))
}

/// Inserts the native method `name` (`qualname` like "str.split") into type `t`.
pub fn add_method(t: &ObjRef, name: &'static str, qualname: &'static str, f: NativeFn) {
    type_data(t).dict.lock().set_str(Value::str(name), native(qualname, f));
}

/// `add_method` with the allocation-free entry `fast` (see `FastFn`).
pub fn add_fast_method(t: &ObjRef, name: &'static str, qualname: &'static str, f: NativeFn, fast: crate::object::FastFn) {
    let func = Value::obj(Payload::NativeFunc(NativeFunc { name: qualname, func: f, bound: Value::Null, fast: Some(fast) }));
    type_data(t).dict.lock().set_str(Value::str(name), func);
}

/// Inserts a class method (`dict.fromkeys`, `int.from_bytes`...).
pub fn add_classmethod(t: &ObjRef, name: &'static str, qualname: &'static str, f: NativeFn) {
    let cm = Value::obj(Payload::ClassMethod(native(qualname, f)));
    type_data(t).dict.lock().set_str(Value::str(name), cm);
}

/// Inserts a static method (`__new__`, `str.maketrans`).
pub fn add_staticmethod(t: &ObjRef, name: &'static str, qualname: &'static str, f: NativeFn) {
    let sm = Value::obj(Payload::StaticMethod(native(qualname, f)));
    type_data(t).dict.lock().set_str(Value::str(name), sm);
}

/// Inserts a native attribute (getter and optional setter).
pub fn add_getset(t: &ObjRef, name: &'static str, get: NativeFn, set: Option<NativeFn>) {
    let gs = Value::obj(Payload::GetSet { name, get, set });
    type_data(t).dict.lock().set_str(Value::str(name), gs);
}

/// Inserts a plain class attribute.
pub fn add_attr(t: &ObjRef, name: &str, v: Value) {
    type_data(t).dict.lock().set_str(Value::str(name), v);
}

/// Installs `name` only when the type does not define it yet (for types
/// the VM core may already have filled).
pub fn add_method_if_absent(t: &ObjRef, name: &'static str, qualname: &'static str, f: NativeFn) {
    let mut d = type_data(t).dict.lock();
    if d.get_str(name).is_none() {
        d.set_str(Value::str(name), native(qualname, f));
    }
}

/// Fills the builtins namespace.
pub fn install(dict: &mut DictData) {
    functions::install(dict);
    types::complex::install(dict);
    let t = types();
    let named: [(&str, &ObjRef); 20] = [
        ("object", &t.object),
        ("type", &t.type_),
        ("int", &t.int),
        ("bool", &t.bool_),
        ("float", &t.float),
        ("str", &t.str_),
        ("bytes", &t.bytes),
        ("bytearray", &t.bytearray),
        ("list", &t.list),
        ("tuple", &t.tuple),
        ("dict", &t.dict),
        ("set", &t.set),
        ("frozenset", &t.frozenset),
        ("range", &t.range),
        ("slice", &t.slice),
        ("staticmethod", &t.staticmethod),
        ("classmethod", &t.classmethod),
        ("property", &t.property),
        ("super", &t.super_),
        ("BaseException", &t.base_exception),
    ];
    let set_module = |ty: &ObjRef| {
        let mut d = type_data(ty).dict.lock();
        if d.get_str("__module__").is_none() {
            d.set_str(Value::str("__module__"), Value::str("builtins"));
        }
    };
    for (name, ty) in named {
        set_module(ty);
        dict.set_str(Value::str(name), Value::Obj(ty.clone()));
    }
    for (name, ty) in &t.exceptions {
        set_module(ty);
        dict.set_str(Value::str(name), Value::Obj(ty.clone()));
    }
    dict.set_str(Value::str("EnvironmentError"), Value::Obj(crate::object::types::exc_type("OSError").clone()));
    dict.set_str(Value::str("IOError"), Value::Obj(crate::object::types::exc_type("OSError").clone()));
    dict.set_str(Value::str("NotImplemented"), t.not_implemented.clone());
    dict.set_str(Value::str("Ellipsis"), t.ellipsis.clone());
    dict.set_str(Value::str("__debug__"), Value::Bool(crate::value::Flag::TRUE));
}

/// Installs all native methods into the built-in type dicts (idempotent).
pub fn init_types() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        types::install_all();
    });
}

/// The native iterator of a built-in container; `Ok(None)` when `v` is not
/// a built-in iterable (the caller then looks for `__iter__`).
pub fn builtin_iter(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    iters::builtin_iter(vm, v)
}
