//! `BaseExceptionGroup` and `ExceptionGroup` (the types are created with
//! the other exceptions): construction, `message`, `exceptions`, `str`,
//! `derive`, `split`, `subgroup`, implemented in the embedded
//! `_weft_excgroup.py` that these natives delegate to.

use crate::builtins::{add_getset, add_method, add_staticmethod};
use crate::object::types::exc_type;
use crate::object::Args;
use crate::pvm::{PyResult, Vm};

fn delegate(vm: &mut Vm, name: &str, a: Args) -> PyResult {
    let m = vm.import_absolute("_weft_excgroup")?;
    let f = vm.getattr(&m, name)?;
    vm.call(&f, a)
}

fn eg_new(vm: &mut Vm, a: Args) -> PyResult {
    if a.pos.len() != 3 || !a.kw.is_empty() {
        return Err(crate::pvm::exc::type_error(format!(
            "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
            a.pos.len().saturating_sub(1) + a.kw.len()
        )));
    }
    delegate(vm, "new", a)
}

fn eg_init(_vm: &mut Vm, _a: Args) -> PyResult {
    Ok(crate::value::Value::None)
}

macro_rules! delegates {
    ($($f:ident => $name:literal,)*) => {
        $(fn $f(vm: &mut Vm, a: Args) -> PyResult { delegate(vm, $name, a) })*
    };
}

delegates! {
    eg_message => "message",
    eg_exceptions => "exceptions",
    eg_str => "to_str",
    eg_derive => "derive",
    eg_split => "split",
    eg_subgroup => "subgroup",
}

pub fn install() {
    let t = exc_type("BaseExceptionGroup");
    add_staticmethod(t, "__new__", "BaseExceptionGroup.__new__", eg_new);
    add_method(t, "__init__", "BaseExceptionGroup.__init__", eg_init);
    add_method(t, "__str__", "BaseExceptionGroup.__str__", eg_str);
    add_method(t, "derive", "BaseExceptionGroup.derive", eg_derive);
    add_method(t, "split", "BaseExceptionGroup.split", eg_split);
    add_method(t, "subgroup", "BaseExceptionGroup.subgroup", eg_subgroup);
    add_getset(t, "message", eg_message, None);
    add_getset(t, "exceptions", eg_exceptions, None);
}
