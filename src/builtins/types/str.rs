//! `str`: constructor, indexing/slicing by code point, operators,
//! comparisons and hash. The text methods live in `strmethods.rs`.

use super::seq;
use crate::builtins::args::*;
use crate::builtins::iters::{make_iter, StrIter};
use crate::builtins::{add_method, add_staticmethod};
use crate::bytecode::CmpOp;
use crate::object::types::types;
use crate::object::{Args, Payload, PyStr};
use crate::pvm::exc::{index_error, type_error};
use crate::pvm::{PyResult, Vm};
use crate::value::Value;

/// The `PyStr` of a str `self`.
pub fn pystr_of<'a>(v: &'a Value, method: &str) -> PyResult<&'a PyStr> {
    match v.payload() {
        Some(Payload::Str(s)) => Ok(s),
        _ => Err(descr_error(method, "str", v)),
    }
}

/// The text of `a.pos[0]` (self) for method `method`.
pub fn this<'a>(a: &'a Args, method: &str) -> PyResult<&'a str> {
    match a.pos.first() {
        Some(v) => pystr_of(v, method).map(|s| s.as_str()),
        None => Err(type_error(format!("descriptor '{method}' of 'str' object needs an argument"))),
    }
}

pub fn install() {
    let t = &types().str_;
    add_staticmethod(t, "__new__", "str.__new__", str_new);
    add_method(t, "__getitem__", "str.__getitem__", getitem);
    add_method(t, "__len__", "str.__len__", len);
    add_method(t, "__contains__", "str.__contains__", contains);
    add_method(t, "__iter__", "str.__iter__", iter);
    add_method(t, "__add__", "str.__add__", add);
    add_method(t, "__mul__", "str.__mul__", mul);
    add_method(t, "__rmul__", "str.__rmul__", mul);
    add_method(t, "__mod__", "str.__mod__", modulo);
    add_method(t, "__rmod__", "str.__rmod__", rmod);
    add_method(t, "__hash__", "str.__hash__", hash);
    add_method(t, "__repr__", "str.__repr__", crate::builtins::types::misc::repr_method);
    add_method(t, "__str__", "str.__str__", to_str);
    add_method(t, "__format__", "str.__format__", format);
    add_method(t, "__getnewargs__", "str.__getnewargs__", getnewargs);
    add_method(t, "__eq__", "str.__eq__", eq);
    add_method(t, "__ne__", "str.__ne__", ne);
    add_method(t, "__lt__", "str.__lt__", lt);
    add_method(t, "__le__", "str.__le__", le);
    add_method(t, "__gt__", "str.__gt__", gt);
    add_method(t, "__ge__", "str.__ge__", ge);
}

fn str_new(vm: &mut Vm, mut a: Args) -> PyResult {
    let obj = arg_or_kw(&mut a, 1, "object");
    let encoding = arg_or_kw(&mut a, 2, "encoding");
    let errors = arg_or_kw(&mut a, 3, "errors");
    no_kw("str", &a)?;
    if a.pos.len() > 4 {
        return Err(type_error(format!("str() takes at most 3 arguments ({} given)", a.pos.len() - 1)));
    }
    let cls = new_cls(&a, &types().str_, "str")?.clone();
    let text = match obj {
        None => String::new(),
        Some(o) if encoding.is_none() && errors.is_none() => {
            if let (Some(s), true) = (o.as_str(), is_plain(&cls)) {
                if o.as_obj().map(|x| x.class.is_none()).unwrap_or(false) {
                    let _ = s;
                    return Ok(o);
                }
            }
            vm.str(&o)?
        }
        Some(o) => {
            let enc = match &encoding {
                Some(e) => str_arg(e, || format!("str() argument 'encoding' must be str, not {}", vtname(e)))?.to_string(),
                None => "utf-8".to_string(),
            };
            let errs = match &errors {
                Some(e) => str_arg(e, || format!("str() argument 'errors' must be str, not {}", vtname(e)))?.to_string(),
                None => "strict".to_string(),
            };
            let bytes = match o.payload() {
                Some(Payload::Bytes(b)) => b.to_vec(),
                Some(Payload::ByteArray(b)) => b.lock().clone(),
                Some(Payload::Str(_)) => return Err(type_error("decoding str is not supported")),
                _ => return Err(type_error(format!("decoding to str: need a bytes-like object, {} found", vtname(&o)))),
            };
            super::bytes::decode(&bytes, &enc, &errs)?
        }
    };
    Ok(make_instance(&cls, &types().str_, Payload::Str(PyStr::new(text))))
}

fn is_plain(cls: &Value) -> bool {
    cls.as_obj().map(|c| std::sync::Arc::ptr_eq(c, &types().str_)).unwrap_or(false)
}

/// Characters `[start, stop)` with `step` of `s` as a new string.
pub fn slice_str(s: &PyStr, start: i64, step: i64, n: usize) -> String {
    if s.is_ascii() {
        let b = s.as_str().as_bytes();
        if step == 1 {
            let st = start as usize;
            return s.as_str()[st..st + n].to_string();
        }
        return slice_positions(start, step, n).filter_map(|i| b.get(i).map(|c| *c as char)).collect();
    }
    let chars: Vec<char> = s.as_str().chars().collect();
    slice_positions(start, step, n).filter_map(|i| chars.get(i).copied()).collect()
}

fn getitem(vm: &mut Vm, a: Args) -> PyResult {
    check_method("__getitem__", &a, 1, 1)?;
    let s = pystr_of(&a.pos[0], "__getitem__")?;
    let k = &a.pos[1];
    if is_slice(k) {
        let (start, _, step, n) = slice_indices(vm, k, s.char_len())?;
        return Ok(Value::string(slice_str(s, start, step, n)));
    }
    let i = super::list::list_index(vm, k, "string")?;
    match norm_index(i, s.char_len()).and_then(|j| s.char_at(j)) {
        Some(c) => Ok(Value::string(c.to_string())),
        None => Err(index_error("string index out of range")),
    }
}

fn len(_vm: &mut Vm, a: Args) -> PyResult {
    check_method("__len__", &a, 0, 0)?;
    Ok(Value::Int(pystr_of(&a.pos[0], "__len__")?.char_len() as i64))
}

fn contains(_vm: &mut Vm, a: Args) -> PyResult {
    check_method("__contains__", &a, 1, 1)?;
    let s = this(&a, "__contains__")?;
    match a.pos[1].as_str() {
        Some(sub) => Ok(Value::bool(s.contains(sub))),
        None => Err(type_error(format!("'in <string>' requires string as left operand, not {}", vtname(&a.pos[1])))),
    }
}

fn iter(_vm: &mut Vm, a: Args) -> PyResult {
    check_method("__iter__", &a, 0, 0)?;
    this(&a, "__iter__")?;
    Ok(make_iter(StrIter { s: a.pos[0].clone(), pos: 0 }))
}

fn add(_vm: &mut Vm, a: Args) -> PyResult {
    check_method("__add__", &a, 1, 1)?;
    let s = this(&a, "__add__")?;
    match a.pos[1].as_str() {
        Some(t) => {
            let mut out = String::with_capacity(s.len() + t.len());
            out.push_str(s);
            out.push_str(t);
            Ok(Value::string(out))
        }
        None => Err(type_error(format!("can only concatenate str (not \"{}\") to str", vtname(&a.pos[1])))),
    }
}

fn mul(vm: &mut Vm, a: Args) -> PyResult {
    check_method("__mul__", &a, 1, 1)?;
    let s = this(&a, "__mul__")?;
    let Some(n) = seq::repeat_count(vm, &a.pos[1])? else { return Ok(types().not_implemented.clone()) };
    let bytes = seq::repeat(s.as_bytes(), n)?;
    Ok(Value::string(String::from_utf8(bytes).unwrap_or_default()))
}

fn modulo(vm: &mut Vm, a: Args) -> PyResult {
    check_method("__mod__", &a, 1, 1)?;
    let s = this(&a, "__mod__")?.to_string();
    Ok(Value::string(crate::builtins::format::percent_format(vm, &s, &a.pos[1])?))
}

fn rmod(_vm: &mut Vm, a: Args) -> PyResult {
    check_method("__rmod__", &a, 1, 1)?;
    Ok(types().not_implemented.clone())
}

fn hash(_vm: &mut Vm, a: Args) -> PyResult {
    check_method("__hash__", &a, 0, 0)?;
    Ok(Value::Int(pystr_of(&a.pos[0], "__hash__")?.hash() as i64))
}

fn to_str(_vm: &mut Vm, a: Args) -> PyResult {
    check_method("__str__", &a, 0, 0)?;
    let s = this(&a, "__str__")?;
    if a.pos[0].as_obj().map(|o| o.class.is_none()).unwrap_or(false) {
        return Ok(a.pos[0].clone());
    }
    Ok(Value::str(s))
}

fn format(_vm: &mut Vm, a: Args) -> PyResult {
    check_method("__format__", &a, 1, 1)?;
    let s = this(&a, "__format__")?.to_string();
    let spec = str_arg(&a.pos[1], || format!("format() argument 2 must be str, not {}", vtname(&a.pos[1])))?;
    Ok(Value::string(crate::builtins::format::format_str(&s, spec)?))
}

fn getnewargs(_vm: &mut Vm, a: Args) -> PyResult {
    let s = this(&a, "__getnewargs__")?;
    Ok(Value::tuple(vec![Value::str(s)]))
}

fn compare(a: &Args, op: CmpOp) -> PyResult {
    check_method(op.dunders().0, a, 1, 1)?;
    let s = this(a, op.dunders().0)?;
    match a.pos[1].as_str() {
        Some(t) => Ok(Value::bool(seq::ord_result(op, s.cmp(t)))),
        None => Ok(types().not_implemented.clone()),
    }
}

fn eq(_vm: &mut Vm, a: Args) -> PyResult {
    compare(&a, CmpOp::Eq)
}
fn ne(_vm: &mut Vm, a: Args) -> PyResult {
    compare(&a, CmpOp::Ne)
}
fn lt(_vm: &mut Vm, a: Args) -> PyResult {
    compare(&a, CmpOp::Lt)
}
fn le(_vm: &mut Vm, a: Args) -> PyResult {
    compare(&a, CmpOp::Le)
}
fn gt(_vm: &mut Vm, a: Args) -> PyResult {
    compare(&a, CmpOp::Gt)
}
fn ge(_vm: &mut Vm, a: Args) -> PyResult {
    compare(&a, CmpOp::Ge)
}
