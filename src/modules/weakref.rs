//! `_weakref`: real weak references for the embedded `weakref.py`. A
//! handle holds a `Weak` to the referent's heap object, so it does not keep
//! it alive; `get()` is the referent while some strong reference remains,
//! else None. (weft has no cycle collector: objects in reference cycles
//! stay alive, and so do weak references to them.)

use crate::builtins::add_method;
use crate::builtins::args::*;
use crate::object::types::{new_type, types};
use crate::object::{Args, Layout, NativeObject, ObjRef, Object, Payload};
use crate::pvm::exc::type_error;
use crate::pvm::{PyResult, Vm};
use crate::value::Value;
use std::any::Any;
use std::sync::{OnceLock, Weak};

struct Handle {
    target: Weak<Object>,
}

fn handle_type() -> &'static ObjRef {
    static T: OnceLock<ObjRef> = OnceLock::new();
    T.get_or_init(|| {
        let t = new_type("weakhandle", Some(types().object.clone()), Layout::Other, false);
        add_method(&t, "get", "weakhandle.get", get);
        add_method(&t, "alive", "weakhandle.alive", alive);
        t
    })
}

impl NativeObject for Handle {
    fn type_obj(&self) -> &ObjRef {
        handle_type()
    }
    fn trace(&self, _f: &mut dyn FnMut(&Value)) {}
    fn as_any(&self) -> &dyn Any {
        self
    }
}

pub fn make(_vm: &mut Vm) -> PyResult<Value> {
    Ok(super::module_with("_weakref", &[("handle", "_weakref.handle", handle)]))
}

/// `handle(obj)`: a weak handle to a heap object; TypeError for values
/// held inline (int, float, bool, None), which cannot be weakly referenced.
fn handle(_vm: &mut Vm, a: Args) -> PyResult {
    check_args("handle", &a, 1, 1)?;
    match &a.pos[0] {
        Value::Obj(o) => Ok(Value::obj(Payload::Native(Box::new(Handle { target: std::sync::Arc::downgrade(o) })))),
        v => Err(type_error(format!("cannot create weak reference to '{}' object", vtname(v)))),
    }
}

fn this(a: &Args) -> PyResult<&Handle> {
    match a.pos.first().and_then(|v| v.payload()) {
        Some(Payload::Native(n)) => n.as_any().downcast_ref::<Handle>().ok_or_else(|| type_error("expected a weak handle")),
        _ => Err(type_error("expected a weak handle")),
    }
}

fn get(_vm: &mut Vm, a: Args) -> PyResult {
    Ok(this(&a)?.target.upgrade().map(Value::Obj).unwrap_or(Value::None))
}

fn alive(_vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::bool(this(&a)?.target.strong_count() > 0))
}
