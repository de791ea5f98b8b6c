//! The builtins `aiter` and `anext` for `async for`-style iteration by
//! hand (`anext(it, default)` awaits through the embedded `_weft_async`),
//! and the hidden builtins the compiler emits for `await` and async
//! generators.

use crate::builtins::args::*;
use crate::object::Args;
use crate::pvm::exc::type_error;
use crate::pvm::{PyResult, Vm};

/// `__weft_await__(x)`: what `await x` iterates, `x.__await__()`.
pub fn weft_await(vm: &mut Vm, a: Args) -> PyResult {
    check_args("__weft_await__", &a, 1, 1)?;
    let x = &a.pos[0];
    let Some(f) = vm.getattr_opt(x, "__await__")? else {
        return Err(type_error(format!("object {} can't be used in 'await' expression", vtname(x))));
    };
    vm.call(&f, Args::new(vec![]))
}

/// `aiter(obj)` -> `obj.__aiter__()`.
pub fn aiter(vm: &mut Vm, a: Args) -> PyResult {
    check_args("aiter", &a, 1, 1)?;
    let obj = &a.pos[0];
    match vm.getattr_opt(obj, "__aiter__")? {
        Some(f) => vm.call(&f, Args::new(vec![])),
        None => Err(type_error(format!("'{}' object is not an async iterable", vtname(obj)))),
    }
}

/// `anext(it[, default])`: the awaitable `it.__anext__()`, or one that
/// gives `default` at the end of the iteration.
pub fn anext(vm: &mut Vm, a: Args) -> PyResult {
    check_args("anext", &a, 1, 2)?;
    let it = &a.pos[0];
    let Some(f) = vm.getattr_opt(it, "__anext__")? else {
        return Err(type_error(format!("'{}' object is not an async iterator", vtname(it))));
    };
    if a.pos.len() == 1 {
        return vm.call(&f, Args::new(vec![]));
    }
    let m = vm.import_absolute("_weft_async")?;
    let helper = vm.getattr(&m, "anext_default")?;
    vm.call(&helper, Args::new(vec![it.clone(), a.pos[1].clone()]))
}

/// `__weft_agen_fn__(func)`: an async generator function's wrapper.
pub fn agen_fn(vm: &mut Vm, a: Args) -> PyResult {
    delegate(vm, "agen_fn", a)
}

/// `__weft_agen_wrap__(value)`: marks a value an async generator yields.
pub fn agen_wrap(vm: &mut Vm, a: Args) -> PyResult {
    delegate(vm, "agen_wrap", a)
}

fn delegate(vm: &mut Vm, name: &str, a: Args) -> PyResult {
    let m = vm.import_absolute("_weft_async")?;
    let f = vm.getattr(&m, name)?;
    vm.call(&f, a)
}
