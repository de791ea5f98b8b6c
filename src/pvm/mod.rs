//! The Python virtual machine (placeholder while the core is written).
use crate::value::Value;
pub struct Vm;
pub struct PyErr(pub Value);
pub type PyResult<T = Value> = Result<T, PyErr>;
pub struct GenState;
impl GenState { pub fn trace(&self, _f: &mut dyn FnMut(&Value)) {} }
