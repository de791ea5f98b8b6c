//! Native modules (placeholder until sys/math/time land).
use crate::pvm::{PyResult, Vm};
use crate::value::Value;
pub fn native_module(_name: &str) -> Option<fn(&mut Vm) -> PyResult<Value>> {
    None
}
