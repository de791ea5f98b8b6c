//! Small shared pieces: the generic `__repr__`/`__str__` natives, and the
//! methods of NoneType, NotImplemented, ellipsis, slice, bool and the
//! generic native iterator type.

use crate::builtins::args::*;
use crate::object::Args;
use crate::pvm::{PyResult, Vm};
use crate::value::Value;

/// `T.__repr__(self)`: the built-in repr of the payload.
pub fn repr_method(vm: &mut Vm, a: Args) -> PyResult {
    check_method("__repr__", &a, 0, 0)?;
    Ok(Value::string(crate::builtins::repr::payload_repr(vm, &a.pos[0])?))
}

pub fn install() {}
