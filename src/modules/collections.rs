//! The native `_collections` module: the namespace that exports `deque`
//! (implemented in `deque.rs` / `deque_ops.rs`) and `_count_elements`
//! (`Counter`'s tally loop); `collections.py` imports both from here.

use crate::builtins::args::check_args;
use crate::bytecode::opcodes::BinOp;
use crate::object::Args;
use crate::pvm::ops::has_own_dict_method;
use crate::pvm::{PyResult, Vm};
use crate::value::Value;

pub fn make(_vm: &mut Vm) -> PyResult<Value> {
    let m = super::module_with("_collections", &[("_count_elements", "_collections._count_elements", count_elements)]);
    super::set(&m, "deque", Value::Obj(super::deque::deque_type().clone()));
    Ok(m)
}

/// `_count_elements(mapping, iterable)`: `mapping[e] = mapping.get(e, 0) + 1`
/// for every element, as CPython's C helper: a dict (or subclass) whose
/// `get` and `__setitem__` are dict's own is updated directly, anything
/// else through its methods.
fn count_elements(vm: &mut Vm, a: Args) -> PyResult {
    check_args("_count_elements", &a, 2, 2)?;
    let (mapping, iterable) = (&a.pos[0], &a.pos[1]);
    let plain = has_own_dict_method(mapping, "get") && has_own_dict_method(mapping, "__setitem__");
    let get = if plain { None } else { Some(vm.getattr(mapping, "get")?) };
    let it = vm.iter(iterable)?;
    while let Some(elem) = vm.next(&it)? {
        let current = match &get {
            None => vm.dict_get(mapping, &elem)?.unwrap_or(Value::Int(0)),
            Some(get) => vm.call(get, Args::new(vec![elem.clone(), Value::Int(0)]))?,
        };
        let count = vm.binary_op(&current, &Value::Int(1), BinOp::Add, false)?;
        if plain {
            vm.dict_set(mapping, elem, count)?;
        } else {
            vm.setitem(mapping, elem, count)?;
        }
    }
    Ok(Value::None)
}
