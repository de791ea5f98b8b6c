//! Builtin functions (in progress).
use crate::object::DictData;
pub fn install(_dict: &mut DictData) {}
