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

/// `format_exception(exc)`: the traceback text CPython's
/// `traceback.format_exception` joins to (chained exceptions included).
fn format_exception(vm: &mut Vm, args: Args) -> PyResult {
    let exc = args.pos.first().cloned().unwrap_or(Value::None);
    if super::exc::exc_data(&exc).is_none() {
        return Ok(Value::str("NoneType: None\n"));
    }
    Ok(Value::str(&vm.format_exception(&exc)))
}

/// `format_exception_only(exc)`: the `Type: message` line.
fn format_exception_only(vm: &mut Vm, args: Args) -> PyResult {
    let exc = args.pos.first().cloned().unwrap_or(Value::None);
    if super::exc::exc_data(&exc).is_none() {
        return Ok(Value::str("NoneType: None\n"));
    }
    Ok(Value::str(&(vm.exc_only(&exc) + "\n")))
}

/// `[(filename, line, function name), ...]` of the running frames,
/// outermost first (for `traceback.extract_stack`).
fn frame_summaries(vm: &mut Vm, _args: Args) -> PyResult {
    let items = vm
        .frames
        .iter()
        .map(|f| Value::tuple(vec![Value::str(&f.code.filename), Value::Int(f.line() as i64), Value::str(&f.code.name)]))
        .collect();
    Ok(Value::list(items))
}

/// `[(filename, line, function name), ...]` of an exception's traceback,
/// outermost first.
fn exception_frames(_vm: &mut Vm, args: Args) -> PyResult {
    let exc = args.pos.first().cloned().unwrap_or(Value::None);
    let Some(d) = super::exc::exc_data(&exc) else { return Ok(Value::list(vec![])) };
    let tb = d.traceback.lock().clone();
    let items = tb
        .iter()
        .rev()
        .map(|e| Value::tuple(vec![Value::str(&e.code.filename), Value::Int(e.line as i64), Value::str(&e.code.name)]))
        .collect();
    Ok(Value::list(items))
}

/// `source_line(filename, line)`: the line's text, or None.
fn source_line(_vm: &mut Vm, args: Args) -> PyResult {
    let (Some(f), Some(n)) = (args.pos.first().and_then(|v| v.as_str().map(|s| s.to_string())), args.pos.get(1)) else {
        return Ok(Value::None);
    };
    let Value::Int(n) = n else { return Ok(Value::None) };
    Ok(match u32::try_from(*n).ok().and_then(|n| crate::pvm::runtime::source_line(&f, n)) {
        Some(s) => Value::str(&s),
        None => Value::None,
    })
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
            ("format_exception", format_exception),
            ("format_exception_only", format_exception_only),
            ("frame_summaries", frame_summaries),
            ("exception_frames", exception_frames),
            ("source_line", source_line),
        ] {
            dd.set_str(Value::str(name), Value::obj(Payload::NativeFunc(NativeFunc { name, func: f, bound: Value::Null, fast: None })));
        }
    }
    Ok(m)
}
