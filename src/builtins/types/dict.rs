//! `dict` and its views: constructor/`__init__`, `update` (mapping,
//! iterable of pairs, keywords), lookup with `__missing__`, the mutation
//! methods, `|`/`|=`, equality, and the keys/values/items views with their
//! set operations.

use super::set as pyset;
use crate::builtins::args::*;
use crate::builtins::iters::{make_iter, vec_iter, DictIter};
use crate::builtins::{add_classmethod, add_method, add_staticmethod};
use crate::object::types::{lookup_in_type, type_of, types};
use crate::object::dict::Lookup;
use crate::object::{Args, DictData, DictViewKind, ObjRef, Payload};
use crate::pvm::exc::{key_error, type_error, value_error, PyErr};
use crate::pvm::{PyResult, Vm};
use crate::value::Value;
use parking_lot::Mutex;

fn this<'a>(a: &'a Args, method: &str) -> PyResult<&'a Value> {
    match a.pos.first() {
        Some(v) if matches!(v.payload(), Some(Payload::Dict(_))) => Ok(v),
        Some(v) => Err(descr_error(method, "dict", v)),
        None => Err(type_error(format!("descriptor '{method}' of 'dict' object needs an argument"))),
    }
}

fn data(v: &Value) -> &Mutex<DictData> {
    match v.payload() {
        Some(Payload::Dict(d)) => d,
        _ => unreachable_dict(),
    }
}

fn unreachable_dict() -> &'static Mutex<DictData> {
    // Only reached after `this` checked the payload; a harmless empty dict.
    static EMPTY: std::sync::OnceLock<Mutex<DictData>> = std::sync::OnceLock::new();
    EMPTY.get_or_init(|| Mutex::new(DictData::default()))
}

pub fn install() {
    let t = &types().dict;
    add_staticmethod(t, "__new__", "dict.__new__", dict_new);
    add_method(t, "__init__", "dict.__init__", dict_init);
    crate::builtins::add_fast_method(t, "get", "dict.get", get, get_fast);
    add_method(t, "setdefault", "dict.setdefault", setdefault);
    add_method(t, "pop", "dict.pop", pop);
    add_method(t, "popitem", "dict.popitem", popitem);
    add_method(t, "keys", "dict.keys", keys);
    add_method(t, "values", "dict.values", values);
    add_method(t, "items", "dict.items", items);
    add_method(t, "update", "dict.update", update);
    add_method(t, "copy", "dict.copy", copy);
    add_method(t, "clear", "dict.clear", clear);
    add_classmethod(t, "fromkeys", "dict.fromkeys", fromkeys);
    add_method(t, "__getitem__", "dict.__getitem__", getitem);
    add_method(t, "__setitem__", "dict.__setitem__", setitem);
    add_method(t, "__delitem__", "dict.__delitem__", delitem);
    add_method(t, "__contains__", "dict.__contains__", contains);
    add_method(t, "__len__", "dict.__len__", len);
    add_method(t, "__iter__", "dict.__iter__", iter);
    add_method(t, "__reversed__", "dict.__reversed__", reversed);
    add_method(t, "__eq__", "dict.__eq__", eq);
    add_method(t, "__ne__", "dict.__ne__", ne);
    add_method(t, "__or__", "dict.__or__", or);
    add_method(t, "__ror__", "dict.__ror__", ror);
    add_method(t, "__ior__", "dict.__ior__", ior);
    add_method(t, "__repr__", "dict.__repr__", crate::builtins::types::misc::repr_method);
    crate::builtins::add_attr(t, "__hash__", Value::None);
    install_views();
}

fn dict_new(_vm: &mut Vm, a: Args) -> PyResult {
    let cls = new_cls(&a, &types().dict, "dict")?;
    Ok(make_instance(cls, &types().dict, Payload::Dict(Mutex::new(DictData::default()))))
}

fn dict_init(vm: &mut Vm, a: Args) -> PyResult {
    check_method("dict", &a, 0, 1)?;
    let d = this(&a, "__init__")?.clone();
    update_from(vm, &d, a.pos.get(1), a.kw)?;
    Ok(Value::None)
}

/// `d.update(src, **kw)` semantics.
pub fn update_from(vm: &mut Vm, d: &Value, src: Option<&Value>, kw: Vec<(std::sync::Arc<str>, Value)>) -> PyResult<()> {
    if let Some(src) = src {
        merge(vm, d, src)?;
    }
    for (k, v) in kw {
        vm.dict_set(d, Value::str(&k), v)?;
    }
    Ok(())
}

/// Merges a mapping (anything with `keys`) or an iterable of pairs.
pub fn merge(vm: &mut Vm, d: &Value, src: &Value) -> PyResult<()> {
    let plain_dict = matches!(src.payload(), Some(Payload::Dict(_))) && !user_overrides(src, "keys") && !user_overrides(src, "__iter__");
    if plain_dict {
        let items = data(src).lock().items();
        for (k, v) in items {
            vm.dict_set(d, k, v)?;
        }
        return Ok(());
    }
    if vm.getattr_opt(src, "keys")?.is_some() {
        let keys = vm.call_method(src, "keys", vec![])?;
        for k in vm.collect(&keys)? {
            let v = vm.getitem(src, &k)?;
            vm.dict_set(d, k, v)?;
        }
        return Ok(());
    }
    let it = vm.iter(src).map_err(|e| {
        if e.matches("TypeError") {
            type_error(format!("'{}' object is not iterable", vtname(src)))
        } else {
            e
        }
    })?;
    let mut i = 0usize;
    while let Some(item) = vm.next(&it)? {
        let pair = match vm.collect(&item) {
            Ok(p) => p,
            Err(e) if e.matches("TypeError") => {
                return Err(type_error(format!("cannot convert dictionary update sequence element #{i} to a sequence")))
            }
            Err(e) => return Err(e),
        };
        if pair.len() != 2 {
            return Err(value_error(format!(
                "dictionary update sequence element #{i} has length {}; 2 is required",
                pair.len()
            )));
        }
        let mut p = pair.into_iter();
        let (k, v) = (p.next().unwrap_or(Value::None), p.next().unwrap_or(Value::None));
        vm.dict_set(d, k, v)?;
        i += 1;
    }
    Ok(())
}

fn get(vm: &mut Vm, a: Args) -> PyResult {
    no_kwargs("get", &a)?;
    check_method("get", &a, 1, 2)?;
    let d = this(&a, "get")?;
    Ok(vm.dict_get(d, &a.pos[1])?.unwrap_or_else(|| a.pos.get(2).cloned().unwrap_or(Value::None)))
}

/// `dict.get` with a key hashed and compared without Python code (see
/// `FastFn`).
fn get_fast(_vm: &mut Vm, a: &[Value]) -> Option<PyResult> {
    let (this, key, default) = match a {
        [this, key] => (this, key, None),
        [this, key, default] => (this, key, Some(default)),
        _ => return None,
    };
    let Some(Payload::Dict(d)) = this.payload() else { return None };
    let Ok(Some(hash)) = crate::object::types::native_hash(key) else { return None };
    let found = {
        let d = d.lock();
        match d.lookup(hash as u64, key, &[]) {
            Lookup::Found(i) => Some(d.value_at(i).clone()),
            Lookup::NotFound => None,
            Lookup::NeedsEq(..) => return None,
        }
    };
    Some(Ok(found.unwrap_or_else(|| default.cloned().unwrap_or(Value::None))))
}

fn setdefault(vm: &mut Vm, a: Args) -> PyResult {
    check_method("setdefault", &a, 1, 2)?;
    let d = this(&a, "setdefault")?;
    if let Some(v) = vm.dict_get(d, &a.pos[1])? {
        return Ok(v);
    }
    let v = a.pos.get(2).cloned().unwrap_or(Value::None);
    vm.dict_set(d, a.pos[1].clone(), v.clone())?;
    Ok(v)
}

fn pop(vm: &mut Vm, a: Args) -> PyResult {
    check_method("pop", &a, 1, 2)?;
    let d = this(&a, "pop")?;
    match vm.dict_del(d, &a.pos[1])? {
        Some(v) => Ok(v),
        None => match a.pos.get(2) {
            Some(dflt) => Ok(dflt.clone()),
            None => Err(key_error(a.pos[1].clone())),
        },
    }
}

fn popitem(_vm: &mut Vm, a: Args) -> PyResult {
    check_method("popitem", &a, 0, 0)?;
    let d = this(&a, "popitem")?;
    let r = data(d).lock().pop_last();
    match r {
        Some((k, v)) => Ok(Value::tuple(vec![k, v])),
        None => Err(PyErr::with_args("KeyError", vec![Value::str("popitem(): dictionary is empty")])),
    }
}

fn view(a: &Args, method: &str, kind: DictViewKind) -> PyResult {
    check_method(method, a, 0, 0)?;
    let d = this(a, method)?;
    let o = d.as_obj().cloned().ok_or_else(|| type_error("dict expected"))?;
    Ok(Value::obj(Payload::DictView { dict: o, kind }))
}

fn keys(_vm: &mut Vm, a: Args) -> PyResult {
    view(&a, "keys", DictViewKind::Keys)
}
fn values(_vm: &mut Vm, a: Args) -> PyResult {
    view(&a, "values", DictViewKind::Values)
}
fn items(_vm: &mut Vm, a: Args) -> PyResult {
    view(&a, "items", DictViewKind::Items)
}

fn update(vm: &mut Vm, a: Args) -> PyResult {
    check_method("update", &a, 0, 1)?;
    let d = this(&a, "update")?.clone();
    update_from(vm, &d, a.pos.get(1), a.kw)?;
    Ok(Value::None)
}

fn copy(_vm: &mut Vm, a: Args) -> PyResult {
    check_method("copy", &a, 0, 0)?;
    let d = this(&a, "copy")?;
    let c = data(d).lock().clone_data();
    Ok(Value::obj(Payload::Dict(Mutex::new(c))))
}

fn clear(_vm: &mut Vm, a: Args) -> PyResult {
    check_method("clear", &a, 0, 0)?;
    let d = this(&a, "clear")?;
    data(d).lock().clear();
    Ok(Value::None)
}

fn fromkeys(vm: &mut Vm, a: Args) -> PyResult {
    check_method("fromkeys", &a, 1, 2)?;
    let cls = a.pos[0].clone();
    let value = a.pos.get(2).cloned().unwrap_or(Value::None);
    let d = vm.call0(&cls)?;
    let keys = vm.collect(&a.pos[1])?;
    let plain = matches!(d.payload(), Some(Payload::Dict(_))) && !user_overrides(&d, "__setitem__");
    for k in keys {
        if plain {
            vm.dict_set(&d, k, value.clone())?;
        } else {
            vm.setitem(&d, k, value.clone())?;
        }
    }
    Ok(d)
}

fn getitem(vm: &mut Vm, a: Args) -> PyResult {
    check_method("__getitem__", &a, 1, 1)?;
    let d = this(&a, "__getitem__")?;
    if let Some(v) = vm.dict_get(d, &a.pos[1])? {
        return Ok(v);
    }
    if let Value::Obj(o) = d {
        if o.class.is_some() {
            if let Some(r) = vm.call_special(d, "__missing__", vec![a.pos[1].clone()])? {
                return Ok(r);
            }
        }
    }
    Err(key_error(a.pos[1].clone()))
}

fn setitem(vm: &mut Vm, a: Args) -> PyResult {
    check_method("__setitem__", &a, 2, 2)?;
    let d = this(&a, "__setitem__")?;
    vm.dict_set(d, a.pos[1].clone(), a.pos[2].clone())?;
    Ok(Value::None)
}

fn delitem(vm: &mut Vm, a: Args) -> PyResult {
    check_method("__delitem__", &a, 1, 1)?;
    let d = this(&a, "__delitem__")?;
    match vm.dict_del(d, &a.pos[1])? {
        Some(_) => Ok(Value::None),
        None => Err(key_error(a.pos[1].clone())),
    }
}

fn contains(vm: &mut Vm, a: Args) -> PyResult {
    check_method("__contains__", &a, 1, 1)?;
    let d = this(&a, "__contains__")?;
    Ok(Value::bool(vm.dict_get(d, &a.pos[1])?.is_some()))
}

fn len(_vm: &mut Vm, a: Args) -> PyResult {
    check_method("__len__", &a, 0, 0)?;
    Ok(Value::Int(data(this(&a, "__len__")?).lock().len() as i64))
}

fn iter(_vm: &mut Vm, a: Args) -> PyResult {
    check_method("__iter__", &a, 0, 0)?;
    let d = this(&a, "__iter__")?;
    let o = d.as_obj().cloned().ok_or_else(|| type_error("dict expected"))?;
    Ok(make_iter(DictIter::new(o, DictViewKind::Keys)))
}

fn reversed(_vm: &mut Vm, a: Args) -> PyResult {
    check_method("__reversed__", &a, 0, 0)?;
    let mut keys = data(this(&a, "__reversed__")?).lock().keys();
    keys.reverse();
    Ok(vec_iter(keys))
}

/// Python equality of two dicts.
pub fn dict_eq(vm: &mut Vm, x: &Value, y: &Value) -> PyResult<bool> {
    let xi = data(x).lock().items();
    if xi.len() != data(y).lock().len() {
        return Ok(false);
    }
    for (k, v) in xi {
        match vm.dict_get(y, &k)? {
            Some(w) => {
                if !(v.is(&w) || vm.eq(&v, &w)?) {
                    return Ok(false);
                }
            }
            None => return Ok(false),
        }
    }
    Ok(true)
}

fn eq(vm: &mut Vm, a: Args) -> PyResult {
    check_method("__eq__", &a, 1, 1)?;
    let d = this(&a, "__eq__")?;
    if !matches!(a.pos[1].payload(), Some(Payload::Dict(_))) {
        return Ok(types().not_implemented.clone());
    }
    Ok(Value::bool(dict_eq(vm, d, &a.pos[1])?))
}

fn ne(vm: &mut Vm, a: Args) -> PyResult {
    check_method("__ne__", &a, 1, 1)?;
    let d = this(&a, "__ne__")?;
    if !matches!(a.pos[1].payload(), Some(Payload::Dict(_))) {
        return Ok(types().not_implemented.clone());
    }
    Ok(Value::bool(!dict_eq(vm, d, &a.pos[1])?))
}

fn or(vm: &mut Vm, a: Args) -> PyResult {
    check_method("__or__", &a, 1, 1)?;
    let d = this(&a, "__or__")?;
    if !matches!(a.pos[1].payload(), Some(Payload::Dict(_))) {
        return Ok(types().not_implemented.clone());
    }
    let c = Value::obj(Payload::Dict(Mutex::new(data(d).lock().clone_data())));
    merge(vm, &c, &a.pos[1])?;
    Ok(c)
}

fn ror(vm: &mut Vm, a: Args) -> PyResult {
    check_method("__ror__", &a, 1, 1)?;
    let d = this(&a, "__ror__")?;
    if !matches!(a.pos[1].payload(), Some(Payload::Dict(_))) {
        return Ok(types().not_implemented.clone());
    }
    let c = Value::obj(Payload::Dict(Mutex::new(data(&a.pos[1]).lock().clone_data())));
    merge(vm, &c, d)?;
    Ok(c)
}

fn ior(vm: &mut Vm, a: Args) -> PyResult {
    check_method("__ior__", &a, 1, 1)?;
    let d = this(&a, "__ior__")?.clone();
    merge(vm, &d, &a.pos[1])?;
    Ok(d)
}

// ---- views ----

fn view_of(a: &Args, method: &str) -> PyResult<(ObjRef, DictViewKind)> {
    match a.pos.first().and_then(|v| v.payload()) {
        Some(Payload::DictView { dict, kind }) => Ok((dict.clone(), *kind)),
        _ => Err(type_error(format!("descriptor '{method}' requires a dict view"))),
    }
}

fn install_views() {
    let t = types();
    for ty in [&t.dict_keys, &t.dict_values, &t.dict_items] {
        add_method(ty, "__len__", "dict_view.__len__", view_len);
        add_method(ty, "__iter__", "dict_view.__iter__", view_iter);
        add_method(ty, "__reversed__", "dict_view.__reversed__", view_reversed);
        add_method(ty, "__contains__", "dict_view.__contains__", view_contains);
        add_method(ty, "__repr__", "dict_view.__repr__", crate::builtins::types::misc::repr_method);
    }
    for ty in [&t.dict_keys, &t.dict_items] {
        add_method(ty, "__and__", "dict_view.__and__", view_and);
        add_method(ty, "__rand__", "dict_view.__rand__", view_and);
        add_method(ty, "__or__", "dict_view.__or__", view_or);
        add_method(ty, "__ror__", "dict_view.__ror__", view_or);
        add_method(ty, "__sub__", "dict_view.__sub__", view_sub);
        add_method(ty, "__rsub__", "dict_view.__rsub__", view_rsub);
        add_method(ty, "__xor__", "dict_view.__xor__", view_xor);
        add_method(ty, "__rxor__", "dict_view.__rxor__", view_xor);
        add_method(ty, "__eq__", "dict_view.__eq__", view_eq);
        add_method(ty, "__ne__", "dict_view.__ne__", view_ne);
        add_method(ty, "__le__", "dict_view.__le__", view_le);
        add_method(ty, "__lt__", "dict_view.__lt__", view_lt);
        add_method(ty, "__ge__", "dict_view.__ge__", view_ge);
        add_method(ty, "__gt__", "dict_view.__gt__", view_gt);
        add_method(ty, "isdisjoint", "dict_view.isdisjoint", view_isdisjoint);
    }
    crate::builtins::add_attr(&t.dict_keys, "__hash__", Value::None);
    crate::builtins::add_attr(&t.dict_items, "__hash__", Value::None);
}

fn view_len(_vm: &mut Vm, a: Args) -> PyResult {
    let (d, _) = view_of(&a, "__len__")?;
    Ok(Value::Int(match &d.payload {
        Payload::Dict(d) => d.lock().len() as i64,
        _ => 0,
    }))
}

fn view_iter(_vm: &mut Vm, a: Args) -> PyResult {
    let (d, kind) = view_of(&a, "__iter__")?;
    Ok(make_iter(DictIter::new(d, kind)))
}

fn view_items(d: &ObjRef, kind: DictViewKind) -> Vec<Value> {
    let Payload::Dict(d) = &d.payload else { return vec![] };
    let g = d.lock();
    match kind {
        DictViewKind::Keys => g.keys(),
        DictViewKind::Values => g.values(),
        DictViewKind::Items => g.items().into_iter().map(|(k, v)| Value::tuple(vec![k, v])).collect(),
    }
}

fn view_reversed(_vm: &mut Vm, a: Args) -> PyResult {
    let (d, kind) = view_of(&a, "__reversed__")?;
    let mut items = view_items(&d, kind);
    items.reverse();
    Ok(vec_iter(items))
}

fn view_contains(vm: &mut Vm, a: Args) -> PyResult {
    check_method("__contains__", &a, 1, 1)?;
    let (d, kind) = view_of(&a, "__contains__")?;
    let dv = Value::Obj(d.clone());
    let x = &a.pos[1];
    Ok(Value::bool(match kind {
        DictViewKind::Keys => vm.dict_get(&dv, x)?.is_some(),
        DictViewKind::Values => {
            let vals = view_items(&d, kind);
            super::seq::contains(vm, &vals, x)?
        }
        DictViewKind::Items => match x.payload() {
            Some(Payload::Tuple(t)) if t.len() == 2 => match vm.dict_get(&dv, &t[0])? {
                Some(v) => v.is(&t[1]) || vm.eq(&v, &t[1])?,
                None => false,
            },
            _ => false,
        },
    }))
}

/// The elements of a view or any iterable, as a new set value.
fn as_set(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let items = match v.payload() {
        Some(Payload::DictView { dict, kind }) => view_items(dict, *kind),
        _ => vm.collect(v)?,
    };
    pyset::set_from(vm, items)
}

fn view_binop(vm: &mut Vm, a: &Args, name: &str) -> PyResult {
    check_method(name, a, 1, 1)?;
    view_of(a, name)?;
    if vm.iter(&a.pos[1]).is_err() {
        return Ok(types().not_implemented.clone());
    }
    let x = as_set(vm, &a.pos[0])?;
    let y = as_set(vm, &a.pos[1])?;
    let (l, r) = if name == "__rsub__" { (y, x) } else { (x, y) };
    let op = match name {
        "__and__" => "__and__",
        "__or__" => "__or__",
        "__xor__" => "__xor__",
        _ => "__sub__",
    };
    let m = lookup_in_type(type_of(&l), op).ok_or_else(|| type_error("set op"))?;
    vm.call2(&m, l, r)
}

fn view_and(vm: &mut Vm, a: Args) -> PyResult {
    view_binop(vm, &a, "__and__")
}
fn view_or(vm: &mut Vm, a: Args) -> PyResult {
    view_binop(vm, &a, "__or__")
}
fn view_sub(vm: &mut Vm, a: Args) -> PyResult {
    view_binop(vm, &a, "__sub__")
}
fn view_rsub(vm: &mut Vm, a: Args) -> PyResult {
    view_binop(vm, &a, "__rsub__")
}
fn view_xor(vm: &mut Vm, a: Args) -> PyResult {
    view_binop(vm, &a, "__xor__")
}

fn view_cmp(vm: &mut Vm, a: &Args, name: &'static str) -> PyResult {
    check_method(name, a, 1, 1)?;
    view_of(a, name)?;
    let other = &a.pos[1];
    let ok = matches!(other.payload(), Some(Payload::DictView { .. }) | Some(Payload::Set(_)) | Some(Payload::FrozenSet(_)));
    if !ok {
        return Ok(types().not_implemented.clone());
    }
    let x = as_set(vm, &a.pos[0])?;
    let y = as_set(vm, other)?;
    let m = lookup_in_type(&types().set, name).ok_or_else(|| type_error("set cmp"))?;
    vm.call2(&m, x, y)
}

fn view_eq(vm: &mut Vm, a: Args) -> PyResult {
    view_cmp(vm, &a, "__eq__")
}
fn view_ne(vm: &mut Vm, a: Args) -> PyResult {
    view_cmp(vm, &a, "__ne__")
}
fn view_le(vm: &mut Vm, a: Args) -> PyResult {
    view_cmp(vm, &a, "__le__")
}
fn view_lt(vm: &mut Vm, a: Args) -> PyResult {
    view_cmp(vm, &a, "__lt__")
}
fn view_ge(vm: &mut Vm, a: Args) -> PyResult {
    view_cmp(vm, &a, "__ge__")
}
fn view_gt(vm: &mut Vm, a: Args) -> PyResult {
    view_cmp(vm, &a, "__gt__")
}

fn view_isdisjoint(vm: &mut Vm, a: Args) -> PyResult {
    check_method("isdisjoint", &a, 1, 1)?;
    let x = as_set(vm, &a.pos[0])?;
    let m = lookup_in_type(&types().set, "isdisjoint").ok_or_else(|| type_error("set op"))?;
    vm.call2(&m, x, a.pos[1].clone())
}
