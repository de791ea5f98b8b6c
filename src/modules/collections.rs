//! The native `_collections` module: it owns nothing but the namespace that
//! exports `deque` (implemented in `deque.rs` / `deque_ops.rs`);
//! `collections.py` imports it from here.

use crate::pvm::{PyResult, Vm};
use crate::value::Value;

pub fn make(_vm: &mut Vm) -> PyResult<Value> {
    let m = super::module_with("_collections", &[]);
    super::set(&m, "deque", Value::Obj(super::deque::deque_type().clone()));
    Ok(m)
}
