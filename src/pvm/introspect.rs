//! The `_weft` module: introspection of the VM for tests and debugging —
//! the native stack pointer (to prove Python calls do not grow it), the
//! heap frame depth, and a dump of the running tasklet's frames.

use super::{PyResult, Vm};
use crate::object::{Args, NativeFunc, Payload};
use crate::value::Value;

/// The address of a local of this native function: the native stack depth
/// seen by native code called from Python.
fn native_stack_pointer(_vm: &mut Vm, _args: Args) -> PyResult {
    let marker = 0u8;
    let addr = std::hint::black_box(&marker) as *const u8 as usize;
    Ok(Value::Int(addr as i64))
}

/// Number of heap frames of the running tasklet.
fn frame_depth(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(Value::Int(vm.frames.len() as i64))
}

/// Nested native dispatch loops currently active.
fn native_depth(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(Value::Int(vm.native_depth as i64))
}

/// `[(function name, line), ...]` innermost last — frames are data.
fn stack(vm: &mut Vm, _args: Args) -> PyResult {
    let items = vm
        .frames
        .iter()
        .map(|f| Value::tuple(vec![Value::str(&f.code.name), Value::Int(f.line() as i64)]))
        .collect();
    Ok(Value::list(items))
}

pub fn make(_vm: &mut Vm) -> PyResult<Value> {
    let m = super::import::new_module("_weft", None);
    let d = super::import::module_dict(&m).unwrap();
    if let Payload::Dict(dd) = &d.payload {
        let mut dd = dd.lock();
        for (name, f) in [
            ("native_stack_pointer", native_stack_pointer as crate::object::NativeFn),
            ("frame_depth", frame_depth),
            ("native_depth", native_depth),
            ("stack", stack),
        ] {
            dd.set_str(Value::str(name), Value::obj(Payload::NativeFunc(NativeFunc { name, func: f, bound: Value::Null })));
        }
    }
    Ok(m)
}
