//! The builtin `complex` type. Its behaviour is written in Python
//! (`stdlib/_complex.py`); the type object is native so that `complex` is
//! a real builtin class from startup (isinstance, subclassing, `2j`
//! literals), and its first construction copies the Python methods in.

use crate::builtins::native;
use crate::object::types::{new_type, type_data, types};
use crate::object::{Args, DictData, Layout, ObjRef, Payload};
use crate::pvm::{PyResult, Vm};
use crate::value::Value;
use std::sync::OnceLock;

/// The `complex` type object.
pub fn complex_type() -> &'static ObjRef {
    static T: OnceLock<ObjRef> = OnceLock::new();
    T.get_or_init(|| {
        let t = new_type("complex", Some(types().object.clone()), Layout::Object, true);
        let new = Value::obj(Payload::StaticMethod(native("complex.__new__", complex_new)));
        let mut d = type_data(&t).dict.lock();
        d.set_str(Value::str("__new__"), new);
        d.set_str(Value::str("__module__"), Value::str("builtins"));
        drop(d);
        t
    })
}

/// Registers `complex` (and the name `2j` literals call) in builtins.
pub fn install(builtins: &mut DictData) {
    let t = Value::Obj(complex_type().clone());
    builtins.set_str(Value::str("complex"), t.clone());
    builtins.set_str(Value::str("__weft_complex__"), t);
}

/// The first `complex(...)`: copies `_complex.ComplexImpl`'s attributes
/// (its `__new__` replaces this one) into the type, then calls it again.
fn complex_new(vm: &mut Vm, a: Args) -> PyResult {
    let module = vm.import_absolute("_complex")?;
    let imp = vm.getattr(&module, "ComplexImpl")?;
    let Some(Payload::Type(src)) = imp.payload() else {
        return Err(crate::pvm::exc::type_error("_complex.ComplexImpl is not a class"));
    };
    let entries: Vec<(Value, Value)> = src.dict.lock().items();
    {
        let mut d = type_data(complex_type()).dict.lock();
        for (k, v) in entries {
            if matches!(k.as_str(), Some("__dict__" | "__weakref__" | "__module__" | "__qualname__")) {
                continue;
            }
            d.set_str(k, v);
        }
    }
    let mut pos = a.pos;
    let cls = if pos.is_empty() { Value::Obj(complex_type().clone()) } else { pos.remove(0) };
    let rest = Args { pos, kw: a.kw };
    vm.call(&cls, rest)
}
