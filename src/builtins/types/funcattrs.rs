//! Attributes of functions, builtin functions and bound methods:
//! `__name__`, `__qualname__`, `__doc__`, `__module__`, `__defaults__`,
//! `__kwdefaults__`, `__code__`, `__globals__`, `__closure__`,
//! `__self__`, `__func__`.
pub fn install() {}
