//! `set` and `frozenset`: construction, mutation, the algebra (methods
//! accept any iterables, operators only sets), comparisons and hashing.

use crate::builtins::args::*;
use crate::builtins::iters::make_iter;
use crate::builtins::{add_method, add_staticmethod};
use crate::bytecode::CmpOp;
use crate::object::types::types;
use crate::object::dict::Lookup;
use crate::object::{Args, DictData, Payload};
use crate::pvm::exc::{key_error, type_error, PyErr};
use crate::pvm::{PyResult, Vm};
use crate::value::Value;
use parking_lot::Mutex;

/// Is `v` a set or frozenset (any subclass)?
pub fn is_anyset(v: &Value) -> bool {
    matches!(v.payload(), Some(Payload::Set(_)) | Some(Payload::FrozenSet(_)))
}

/// The elements of a set/frozenset.
pub fn elements(v: &Value) -> Vec<Value> {
    use crate::builtins::setorder::cpython_order;
    match v.payload() {
        Some(Payload::Set(d)) => cpython_order(&d.lock()),
        Some(Payload::FrozenSet(d)) => cpython_order(d),
        _ => Vec::new(),
    }
}

fn size(v: &Value) -> usize {
    match v.payload() {
        Some(Payload::Set(d)) => d.lock().len(),
        Some(Payload::FrozenSet(d)) => d.len(),
        _ => 0,
    }
}

/// A new plain set holding `items`.
pub fn set_from(vm: &mut Vm, items: Vec<Value>) -> PyResult<Value> {
    // Sized for `items` up front (duplicates only leave room unused).
    let mut table = DictData::with_capacity(items.len());
    let mut items = items.into_iter();
    // Items hashed and compared without Python code go straight in; the
    // first other one sends it and all the rest (in order) through `set_add`.
    let mut slow = None;
    for it in items.by_ref() {
        let Ok(Some(hash)) = crate::object::types::native_hash(&it) else {
            slow = Some(it);
            break;
        };
        match table.lookup(hash as u64, &it, &[]) {
            Lookup::Found(_) => {}
            Lookup::NotFound => table.insert_new(hash as u64, it, Value::None),
            Lookup::NeedsEq(..) => {
                slow = Some(it);
                break;
            }
        }
    }
    let s = Value::obj(Payload::Set(Mutex::new(table)));
    for it in slow.into_iter().chain(items) {
        vm.set_add(&s, it)?;
    }
    Ok(s)
}

/// Moves the table of a fresh set value into a frozenset payload.
fn freeze(s: &Value) -> Payload {
    match s.payload() {
        Some(Payload::Set(d)) => Payload::FrozenSet(std::mem::take(&mut *d.lock())),
        _ => Payload::FrozenSet(DictData::default()),
    }
}

/// A new plain frozenset holding `items`.
pub fn frozenset_from(vm: &mut Vm, items: Vec<Value>) -> PyResult<Value> {
    let s = set_from(vm, items)?;
    Ok(Value::obj(freeze(&s)))
}

fn build(vm: &mut Vm, frozen: bool, items: Vec<Value>) -> PyResult<Value> {
    if frozen {
        frozenset_from(vm, items)
    } else {
        set_from(vm, items)
    }
}

fn this<'a>(a: &'a Args, method: &str) -> PyResult<&'a Value> {
    match a.pos.first() {
        Some(v) if is_anyset(v) => Ok(v),
        Some(v) => Err(descr_error(method, "set", v)),
        None => Err(type_error(format!("descriptor '{method}' of 'set' object needs an argument"))),
    }
}

fn mut_this<'a>(a: &'a Args, method: &str) -> PyResult<&'a Value> {
    match a.pos.first() {
        Some(v) if matches!(v.payload(), Some(Payload::Set(_))) => Ok(v),
        Some(v) => Err(descr_error(method, "set", v)),
        None => Err(type_error(format!("descriptor '{method}' of 'set' object needs an argument"))),
    }
}

fn is_frozen(v: &Value) -> bool {
    matches!(v.payload(), Some(Payload::FrozenSet(_)))
}

pub fn install() {
    let t = types();
    for ty in [&t.set, &t.frozenset] {
        add_method(ty, "copy", "set.copy", copy);
        add_method(ty, "union", "set.union", union);
        add_method(ty, "intersection", "set.intersection", intersection);
        add_method(ty, "difference", "set.difference", difference);
        add_method(ty, "symmetric_difference", "set.symmetric_difference", symmetric_difference);
        add_method(ty, "issubset", "set.issubset", issubset);
        add_method(ty, "issuperset", "set.issuperset", issuperset);
        add_method(ty, "isdisjoint", "set.isdisjoint", isdisjoint);
        add_method(ty, "__or__", "set.__or__", op_or);
        add_method(ty, "__ror__", "set.__ror__", op_or);
        add_method(ty, "__and__", "set.__and__", op_and);
        add_method(ty, "__rand__", "set.__rand__", op_and);
        add_method(ty, "__sub__", "set.__sub__", op_sub);
        add_method(ty, "__rsub__", "set.__rsub__", op_rsub);
        add_method(ty, "__xor__", "set.__xor__", op_xor);
        add_method(ty, "__rxor__", "set.__rxor__", op_xor);
        add_method(ty, "__contains__", "set.__contains__", contains);
        add_method(ty, "__len__", "set.__len__", len);
        add_method(ty, "__iter__", "set.__iter__", iter);
        add_method(ty, "__eq__", "set.__eq__", eq);
        add_method(ty, "__ne__", "set.__ne__", ne);
        add_method(ty, "__le__", "set.__le__", le);
        add_method(ty, "__lt__", "set.__lt__", lt);
        add_method(ty, "__ge__", "set.__ge__", ge);
        add_method(ty, "__gt__", "set.__gt__", gt);
        add_method(ty, "__repr__", "set.__repr__", crate::builtins::types::misc::repr_method);
    }
    let s = &t.set;
    add_staticmethod(s, "__new__", "set.__new__", set_new);
    add_method(s, "__init__", "set.__init__", set_init);
    add_method(s, "add", "set.add", add);
    add_method(s, "remove", "set.remove", remove);
    add_method(s, "discard", "set.discard", discard);
    add_method(s, "pop", "set.pop", pop);
    add_method(s, "clear", "set.clear", clear);
    add_method(s, "update", "set.update", update);
    add_method(s, "intersection_update", "set.intersection_update", intersection_update);
    add_method(s, "difference_update", "set.difference_update", difference_update);
    add_method(s, "symmetric_difference_update", "set.symmetric_difference_update", symmetric_difference_update);
    add_method(s, "__ior__", "set.__ior__", iop_or);
    add_method(s, "__iand__", "set.__iand__", iop_and);
    add_method(s, "__isub__", "set.__isub__", iop_sub);
    add_method(s, "__ixor__", "set.__ixor__", iop_xor);
    crate::builtins::add_attr(s, "__hash__", Value::None);
    let f = &t.frozenset;
    add_staticmethod(f, "__new__", "frozenset.__new__", frozenset_new);
    add_method(f, "__hash__", "frozenset.__hash__", hash);
}

fn set_new(_vm: &mut Vm, a: Args) -> PyResult {
    let cls = new_cls(&a, &types().set, "set")?;
    Ok(make_instance(cls, &types().set, Payload::Set(Mutex::new(DictData::default()))))
}

fn set_init(vm: &mut Vm, a: Args) -> PyResult {
    no_kwargs("set", &a)?;
    check_method("set", &a, 0, 1)?;
    let s = mut_this(&a, "__init__")?;
    let items = match a.pos.get(1) {
        Some(v) => vm.collect(v)?,
        None => Vec::new(),
    };
    if let Some(Payload::Set(d)) = s.payload() {
        d.lock().clear();
    }
    for it in items {
        vm.set_add(s, it)?;
    }
    Ok(Value::None)
}

fn frozenset_new(vm: &mut Vm, a: Args) -> PyResult {
    no_kwargs("frozenset", &a)?;
    let cls = new_cls(&a, &types().frozenset, "frozenset")?;
    if a.pos.len() > 2 {
        return Err(type_error(format!("frozenset expected at most 1 argument, got {}", a.pos.len() - 1)));
    }
    let builtin = cls.as_obj().map(|c| std::sync::Arc::ptr_eq(c, &types().frozenset)).unwrap_or(false);
    if let Some(v) = a.pos.get(1) {
        if builtin && is_frozen(v) && v.as_obj().map(|o| o.class.is_none()).unwrap_or(false) {
            return Ok(v.clone());
        }
    }
    let items = match a.pos.get(1) {
        Some(v) => vm.collect(v)?,
        None => Vec::new(),
    };
    let s = set_from(vm, items)?;
    Ok(make_instance(cls, &types().frozenset, freeze(&s)))
}

fn copy(vm: &mut Vm, a: Args) -> PyResult {
    check_method("copy", &a, 0, 0)?;
    let s = this(&a, "copy")?;
    if is_frozen(s) && s.as_obj().map(|o| o.class.is_none()).unwrap_or(false) {
        return Ok(s.clone());
    }
    build(vm, is_frozen(s), elements(s))
}

/// The members of every argument after self, as vectors.
fn others(vm: &mut Vm, a: &Args) -> PyResult<Vec<Vec<Value>>> {
    let mut out = Vec::new();
    for v in &a.pos[1..] {
        out.push(if is_anyset(v) { elements(v) } else { vm.collect(v)? });
    }
    Ok(out)
}

fn contains_in(vm: &mut Vm, s: &Value, x: &Value) -> PyResult<bool> {
    vm.set_contains(s, x)
}

fn union(vm: &mut Vm, a: Args) -> PyResult {
    let s = this(&a, "union")?;
    let mut items = elements(s);
    for o in others(vm, &a)? {
        items.extend(o);
    }
    build(vm, is_frozen(s), items)
}

fn intersect(vm: &mut Vm, base: Vec<Value>, other: Vec<Value>) -> PyResult<Vec<Value>> {
    let os = set_from(vm, other)?;
    let mut out = Vec::new();
    for x in base {
        if contains_in(vm, &os, &x)? {
            out.push(x);
        }
    }
    Ok(out)
}

fn subtract(vm: &mut Vm, base: Vec<Value>, other: Vec<Value>) -> PyResult<Vec<Value>> {
    let os = set_from(vm, other)?;
    let mut out = Vec::new();
    for x in base {
        if !contains_in(vm, &os, &x)? {
            out.push(x);
        }
    }
    Ok(out)
}

fn symdiff(vm: &mut Vm, base: Vec<Value>, other: Vec<Value>) -> PyResult<Vec<Value>> {
    let bs = set_from(vm, base.clone())?;
    let os = set_from(vm, other)?;
    let mut out = Vec::new();
    for x in base {
        if !contains_in(vm, &os, &x)? {
            out.push(x);
        }
    }
    for x in elements(&os) {
        if !contains_in(vm, &bs, &x)? {
            out.push(x);
        }
    }
    Ok(out)
}

fn intersection(vm: &mut Vm, a: Args) -> PyResult {
    let s = this(&a, "intersection")?;
    let mut items = elements(s);
    for o in others(vm, &a)? {
        items = intersect(vm, items, o)?;
    }
    build(vm, is_frozen(s), items)
}

fn difference(vm: &mut Vm, a: Args) -> PyResult {
    let s = this(&a, "difference")?;
    let mut items = elements(s);
    for o in others(vm, &a)? {
        items = subtract(vm, items, o)?;
    }
    build(vm, is_frozen(s), items)
}

fn symmetric_difference(vm: &mut Vm, a: Args) -> PyResult {
    check_method("symmetric_difference", &a, 1, 1)?;
    let s = this(&a, "symmetric_difference")?;
    let o = others(vm, &a)?.pop().unwrap_or_default();
    let items = symdiff(vm, elements(s), o)?;
    build(vm, is_frozen(s), items)
}

fn subset_of(vm: &mut Vm, x: &[Value], y: &Value) -> PyResult<bool> {
    for e in x {
        if !contains_in(vm, y, e)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn issubset(vm: &mut Vm, a: Args) -> PyResult {
    check_method("issubset", &a, 1, 1)?;
    let s = this(&a, "issubset")?;
    let o = if is_anyset(&a.pos[1]) { a.pos[1].clone() } else { let v = vm.collect(&a.pos[1])?; set_from(vm, v)? };
    Ok(Value::bool(subset_of(vm, &elements(s), &o)?))
}

fn issuperset(vm: &mut Vm, a: Args) -> PyResult {
    check_method("issuperset", &a, 1, 1)?;
    let s = this(&a, "issuperset")?.clone();
    let o = if is_anyset(&a.pos[1]) { elements(&a.pos[1]) } else { vm.collect(&a.pos[1])? };
    Ok(Value::bool(subset_of(vm, &o, &s)?))
}

fn isdisjoint(vm: &mut Vm, a: Args) -> PyResult {
    check_method("isdisjoint", &a, 1, 1)?;
    let s = this(&a, "isdisjoint")?.clone();
    let o = if is_anyset(&a.pos[1]) { elements(&a.pos[1]) } else { vm.collect(&a.pos[1])? };
    for e in o {
        if contains_in(vm, &s, &e)? {
            return Ok(Value::Bool(crate::value::Flag::FALSE));
        }
    }
    Ok(Value::Bool(crate::value::Flag::TRUE))
}

fn binop(vm: &mut Vm, a: &Args, name: &str, f: fn(&mut Vm, Vec<Value>, Vec<Value>) -> PyResult<Vec<Value>>) -> PyResult {
    check_method(name, a, 1, 1)?;
    let s = this(a, name)?;
    if !is_anyset(&a.pos[1]) {
        return Ok(types().not_implemented.clone());
    }
    let items = f(vm, elements(s), elements(&a.pos[1]))?;
    build(vm, is_frozen(s), items)
}

fn union2(_vm: &mut Vm, mut x: Vec<Value>, y: Vec<Value>) -> PyResult<Vec<Value>> {
    x.extend(y);
    Ok(x)
}

fn op_or(vm: &mut Vm, a: Args) -> PyResult {
    binop(vm, &a, "__or__", union2)
}
fn op_and(vm: &mut Vm, a: Args) -> PyResult {
    binop(vm, &a, "__and__", intersect)
}
fn op_sub(vm: &mut Vm, a: Args) -> PyResult {
    binop(vm, &a, "__sub__", subtract)
}
fn op_xor(vm: &mut Vm, a: Args) -> PyResult {
    binop(vm, &a, "__xor__", symdiff)
}
fn op_rsub(vm: &mut Vm, a: Args) -> PyResult {
    check_method("__rsub__", &a, 1, 1)?;
    let s = this(&a, "__rsub__")?;
    if !is_anyset(&a.pos[1]) {
        return Ok(types().not_implemented.clone());
    }
    let items = subtract(vm, elements(&a.pos[1]), elements(s))?;
    build(vm, is_frozen(s), items)
}

fn contains(vm: &mut Vm, a: Args) -> PyResult {
    check_method("__contains__", &a, 1, 1)?;
    let s = this(&a, "__contains__")?;
    Ok(Value::bool(contains_in(vm, s, &a.pos[1])?))
}

fn len(_vm: &mut Vm, a: Args) -> PyResult {
    check_method("__len__", &a, 0, 0)?;
    Ok(Value::Int(size(this(&a, "__len__")?) as i64))
}

fn iter(_vm: &mut Vm, a: Args) -> PyResult {
    check_method("__iter__", &a, 0, 0)?;
    let s = this(&a, "__iter__")?;
    let o = s.as_obj().cloned().ok_or_else(|| type_error("set expected"))?;
    Ok(make_iter(crate::builtins::iters::SetIter::new(o)))
}

fn compare(vm: &mut Vm, a: &Args, op: CmpOp) -> PyResult {
    let name = op.dunders().0;
    check_method(name, a, 1, 1)?;
    let s = this(a, name)?.clone();
    let o = a.pos[1].clone();
    if !is_anyset(&o) {
        return Ok(types().not_implemented.clone());
    }
    let (n, m) = (size(&s), size(&o));
    let r = match op {
        CmpOp::Eq => n == m && subset_of(vm, &elements(&s), &o)?,
        CmpOp::Ne => !(n == m && subset_of(vm, &elements(&s), &o)?),
        CmpOp::Le => n <= m && subset_of(vm, &elements(&s), &o)?,
        CmpOp::Lt => n < m && subset_of(vm, &elements(&s), &o)?,
        CmpOp::Ge => n >= m && subset_of(vm, &elements(&o), &s)?,
        CmpOp::Gt => n > m && subset_of(vm, &elements(&o), &s)?,
    };
    Ok(Value::bool(r))
}

fn eq(vm: &mut Vm, a: Args) -> PyResult {
    compare(vm, &a, CmpOp::Eq)
}
fn ne(vm: &mut Vm, a: Args) -> PyResult {
    compare(vm, &a, CmpOp::Ne)
}
fn le(vm: &mut Vm, a: Args) -> PyResult {
    compare(vm, &a, CmpOp::Le)
}
fn lt(vm: &mut Vm, a: Args) -> PyResult {
    compare(vm, &a, CmpOp::Lt)
}
fn ge(vm: &mut Vm, a: Args) -> PyResult {
    compare(vm, &a, CmpOp::Ge)
}
fn gt(vm: &mut Vm, a: Args) -> PyResult {
    compare(vm, &a, CmpOp::Gt)
}

fn add(vm: &mut Vm, a: Args) -> PyResult {
    check_method("add", &a, 1, 1)?;
    let s = mut_this(&a, "add")?;
    vm.set_add(s, a.pos[1].clone())?;
    Ok(Value::None)
}

fn remove(vm: &mut Vm, a: Args) -> PyResult {
    check_method("remove", &a, 1, 1)?;
    let s = mut_this(&a, "remove")?;
    if vm.set_discard(s, &a.pos[1])? {
        Ok(Value::None)
    } else {
        Err(key_error(a.pos[1].clone()))
    }
}

fn discard(vm: &mut Vm, a: Args) -> PyResult {
    check_method("discard", &a, 1, 1)?;
    let s = mut_this(&a, "discard")?;
    vm.set_discard(s, &a.pos[1])?;
    Ok(Value::None)
}

fn pop(vm: &mut Vm, a: Args) -> PyResult {
    check_method("pop", &a, 0, 0)?;
    let s = mut_this(&a, "pop")?;
    match elements(s).into_iter().next() {
        Some(k) => {
            vm.set_discard(s, &k)?;
            Ok(k)
        }
        None => Err(PyErr::with_args("KeyError", vec![Value::str("pop from an empty set")])),
    }
}

fn clear(_vm: &mut Vm, a: Args) -> PyResult {
    check_method("clear", &a, 0, 0)?;
    if let Some(Payload::Set(d)) = mut_this(&a, "clear")?.payload() {
        d.lock().clear();
    }
    Ok(Value::None)
}

/// Replaces the contents of set `s` with `items`.
fn replace(vm: &mut Vm, s: &Value, items: Vec<Value>) -> PyResult<()> {
    let fresh = set_from(vm, items)?;
    if let (Some(Payload::Set(d)), Some(Payload::Set(n))) = (s.payload(), fresh.payload()) {
        let new = std::mem::take(&mut *n.lock());
        let mut g = d.lock();
        g.clear();
        for e in new.iter() {
            g.insert_new(e.hash, e.key.clone(), Value::None);
        }
    }
    Ok(())
}

fn update(vm: &mut Vm, a: Args) -> PyResult {
    let s = mut_this(&a, "update")?.clone();
    for o in others(vm, &a)? {
        for x in o {
            vm.set_add(&s, x)?;
        }
    }
    Ok(Value::None)
}

fn intersection_update(vm: &mut Vm, a: Args) -> PyResult {
    let s = mut_this(&a, "intersection_update")?.clone();
    let mut items = elements(&s);
    for o in others(vm, &a)? {
        items = intersect(vm, items, o)?;
    }
    replace(vm, &s, items)?;
    Ok(Value::None)
}

fn difference_update(vm: &mut Vm, a: Args) -> PyResult {
    let s = mut_this(&a, "difference_update")?.clone();
    for o in others(vm, &a)? {
        for x in o {
            vm.set_discard(&s, &x)?;
        }
    }
    Ok(Value::None)
}

fn symmetric_difference_update(vm: &mut Vm, a: Args) -> PyResult {
    check_method("symmetric_difference_update", &a, 1, 1)?;
    let s = mut_this(&a, "symmetric_difference_update")?.clone();
    let o = others(vm, &a)?.pop().unwrap_or_default();
    let items = symdiff(vm, elements(&s), o)?;
    replace(vm, &s, items)?;
    Ok(Value::None)
}

fn iop(vm: &mut Vm, a: Args, name: &str, f: NativeUpdate) -> PyResult {
    check_method(name, &a, 1, 1)?;
    mut_this(&a, name)?;
    if !is_anyset(&a.pos[1]) {
        return Ok(types().not_implemented.clone());
    }
    let me = a.pos[0].clone();
    f(vm, a)?;
    Ok(me)
}

type NativeUpdate = fn(&mut Vm, Args) -> PyResult;

fn iop_or(vm: &mut Vm, a: Args) -> PyResult {
    iop(vm, a, "__ior__", update)
}
fn iop_and(vm: &mut Vm, a: Args) -> PyResult {
    iop(vm, a, "__iand__", intersection_update)
}
fn iop_sub(vm: &mut Vm, a: Args) -> PyResult {
    iop(vm, a, "__isub__", difference_update)
}
fn iop_xor(vm: &mut Vm, a: Args) -> PyResult {
    iop(vm, a, "__ixor__", symmetric_difference_update)
}

fn hash(_vm: &mut Vm, a: Args) -> PyResult {
    check_method("__hash__", &a, 0, 0)?;
    let s = this(&a, "__hash__")?;
    let hashes: Vec<u64> = match s.payload() {
        Some(Payload::FrozenSet(d)) => d.iter().map(|e| e.hash).collect(),
        _ => Vec::new(),
    };
    Ok(Value::Int(crate::object::pystr::frozenset_hash_of(hashes.into_iter())))
}
