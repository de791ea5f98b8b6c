//! `list`: constructor, mutation methods, indexing and slicing (including
//! extended-slice assignment), operators and comparisons. The list lock is
//! never held while Python code (equality, keys) runs.

use super::seq;
use crate::builtins::args::*;
use crate::builtins::iters::{make_iter, ReversedSeq, SeqIter};
use crate::builtins::{add_method, add_staticmethod};
use crate::bytecode::CmpOp;
use crate::object::types::types;
use crate::object::{Args, Payload};
use crate::pvm::exc::{index_error, type_error, value_error};
use crate::pvm::{PyResult, Vm};
use crate::value::Value;
use parking_lot::Mutex;

/// The items mutex of a list `self`.
pub fn list_of<'a>(v: &'a Value, method: &str) -> PyResult<&'a Mutex<Vec<Value>>> {
    match v.payload() {
        Some(Payload::List(l)) => Ok(l),
        _ => Err(descr_error(method, "list", v)),
    }
}

fn this<'a>(a: &'a Args, method: &str) -> PyResult<&'a Mutex<Vec<Value>>> {
    match a.pos.first() {
        Some(v) => list_of(v, method),
        None => Err(type_error(format!("descriptor '{method}' of 'list' object needs an argument"))),
    }
}

pub fn install() {
    let t = &types().list;
    add_staticmethod(t, "__new__", "list.__new__", list_new);
    add_method(t, "__init__", "list.__init__", list_init);
    crate::builtins::add_fast_method(t, "append", "list.append", append, append_fast);
    add_method(t, "extend", "list.extend", extend);
    add_method(t, "insert", "list.insert", insert);
    add_method(t, "pop", "list.pop", pop);
    add_method(t, "remove", "list.remove", remove);
    add_method(t, "index", "list.index", index);
    add_method(t, "count", "list.count", count);
    add_method(t, "sort", "list.sort", sort);
    add_method(t, "reverse", "list.reverse", reverse);
    add_method(t, "copy", "list.copy", copy);
    add_method(t, "clear", "list.clear", clear);
    add_method(t, "__getitem__", "list.__getitem__", getitem);
    add_method(t, "__setitem__", "list.__setitem__", setitem);
    add_method(t, "__delitem__", "list.__delitem__", delitem);
    add_method(t, "__len__", "list.__len__", len);
    add_method(t, "__contains__", "list.__contains__", contains);
    add_method(t, "__iter__", "list.__iter__", iter);
    add_method(t, "__reversed__", "list.__reversed__", reversed);
    add_method(t, "__add__", "list.__add__", add);
    add_method(t, "__iadd__", "list.__iadd__", iadd);
    add_method(t, "__mul__", "list.__mul__", mul);
    add_method(t, "__rmul__", "list.__rmul__", mul);
    add_method(t, "__imul__", "list.__imul__", imul);
    add_method(t, "__repr__", "list.__repr__", crate::builtins::types::misc::repr_method);
    add_method(t, "__eq__", "list.__eq__", eq);
    add_method(t, "__ne__", "list.__ne__", ne);
    add_method(t, "__lt__", "list.__lt__", lt);
    add_method(t, "__le__", "list.__le__", le);
    add_method(t, "__gt__", "list.__gt__", gt);
    add_method(t, "__ge__", "list.__ge__", ge);
    crate::builtins::add_attr(t, "__hash__", Value::None);
}

fn list_new(_vm: &mut Vm, a: Args) -> PyResult {
    let cls = new_cls(&a, &types().list, "list")?;
    Ok(make_instance(cls, &types().list, Payload::List(Mutex::new(Vec::new()))))
}

fn list_init(vm: &mut Vm, a: Args) -> PyResult {
    no_kwargs("list", &a)?;
    check_method("list", &a, 0, 1)?;
    let l = this(&a, "__init__")?;
    let items = match a.pos.get(1) {
        Some(src) => vm.collect(src)?,
        None => Vec::new(),
    };
    *l.lock() = items;
    Ok(Value::None)
}

fn append(_vm: &mut Vm, a: Args) -> PyResult {
    check_method("append", &a, 1, 1)?;
    this(&a, "append")?.lock().push(a.pos[1].clone());
    Ok(Value::None)
}

/// `list.append` on a list (see `FastFn`).
fn append_fast(_vm: &mut Vm, a: &[Value]) -> Option<PyResult> {
    let [this, item] = a else { return None };
    let Some(Payload::List(l)) = this.payload() else { return None };
    l.lock().push(item.clone());
    Some(Ok(Value::None))
}

fn extend(vm: &mut Vm, a: Args) -> PyResult {
    check_method("extend", &a, 1, 1)?;
    let l = this(&a, "extend")?;
    let items = vm.collect(&a.pos[1])?;
    l.lock().extend(items);
    Ok(Value::None)
}

fn insert(vm: &mut Vm, a: Args) -> PyResult {
    check_method("insert", &a, 2, 2)?;
    let l = this(&a, "insert")?;
    let i = index_clamped(vm, &a.pos[1])?;
    let mut g = l.lock();
    let len = g.len() as i64;
    let pos = if i < 0 { (i.saturating_add(len)).max(0) } else { i.min(len) };
    g.insert(pos as usize, a.pos[2].clone());
    Ok(Value::None)
}

fn pop(vm: &mut Vm, a: Args) -> PyResult {
    check_method("pop", &a, 0, 1)?;
    let l = this(&a, "pop")?;
    let i = match a.pos.get(1) {
        Some(v) => index_clamped(vm, v)?,
        None => -1,
    };
    let mut g = l.lock();
    if g.is_empty() {
        return Err(index_error("pop from empty list"));
    }
    match norm_index(i, g.len()) {
        Some(j) => Ok(g.remove(j)),
        None => Err(index_error("pop index out of range")),
    }
}

fn remove(vm: &mut Vm, a: Args) -> PyResult {
    check_method("remove", &a, 1, 1)?;
    let l = this(&a, "remove")?;
    let items = l.lock().clone();
    if let Some(i) = seq::find_index(vm, &items, &a.pos[1], 0, items.len())? {
        let mut g = l.lock();
        if i < g.len() && g[i].is(&items[i]) {
            g.remove(i);
            return Ok(Value::None);
        }
    }
    Err(value_error("list.remove(x): x not in list"))
}

fn index(vm: &mut Vm, a: Args) -> PyResult {
    check_method("index", &a, 1, 3)?;
    let l = this(&a, "index")?;
    let items = l.lock().clone();
    let st = opt_index(vm, a.pos.get(2))?;
    let en = opt_index(vm, a.pos.get(3))?;
    let (s, e) = adjust_range(st, en, items.len());
    match seq::find_index(vm, &items, &a.pos[1], s, e)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(value_error(format!("{} is not in list", vm.repr(&a.pos[1])?))),
    }
}

fn count(vm: &mut Vm, a: Args) -> PyResult {
    check_method("count", &a, 1, 1)?;
    let items = this(&a, "count")?.lock().clone();
    Ok(Value::Int(seq::count(vm, &items, &a.pos[1])? as i64))
}

fn sort(vm: &mut Vm, mut a: Args) -> PyResult {
    let key = a.take_kw("key");
    let rev = a.take_kw("reverse");
    no_kw("sort", &a)?;
    if a.pos.len() > 1 {
        return Err(type_error("sort() takes no positional arguments"));
    }
    let l = this(&a, "sort")?;
    let reverse = match rev {
        Some(r) => vm.truthy(&r)?,
        None => false,
    };
    let items = std::mem::take(&mut *l.lock());
    let result = crate::builtins::sort::sort_values(vm, items.clone(), key.as_ref(), reverse);
    let mut g = l.lock();
    let modified = !g.is_empty();
    match result {
        Ok(sorted) => {
            *g = sorted;
            if modified {
                return Err(value_error("list modified during sort"));
            }
            Ok(Value::None)
        }
        Err(e) => {
            if !modified {
                *g = items;
            }
            Err(e)
        }
    }
}

fn reverse(_vm: &mut Vm, a: Args) -> PyResult {
    check_method("reverse", &a, 0, 0)?;
    this(&a, "reverse")?.lock().reverse();
    Ok(Value::None)
}

fn copy(_vm: &mut Vm, a: Args) -> PyResult {
    check_method("copy", &a, 0, 0)?;
    Ok(Value::list(this(&a, "copy")?.lock().clone()))
}

fn clear(_vm: &mut Vm, a: Args) -> PyResult {
    check_method("clear", &a, 0, 0)?;
    let old = std::mem::take(&mut *this(&a, "clear")?.lock());
    drop(old);
    Ok(Value::None)
}

fn getitem(vm: &mut Vm, a: Args) -> PyResult {
    check_method("__getitem__", &a, 1, 1)?;
    let l = this(&a, "__getitem__")?;
    let k = &a.pos[1];
    if is_slice(k) {
        let len = l.lock().len();
        let (start, _, step, n) = slice_indices(vm, k, len)?;
        let g = l.lock();
        let out: Vec<Value> = slice_positions(start, step, n).filter_map(|i| g.get(i).cloned()).collect();
        return Ok(Value::list(out));
    }
    let i = list_index(vm, k, "list")?;
    let g = l.lock();
    match norm_index(i, g.len()) {
        Some(j) => Ok(g[j].clone()),
        None => Err(index_error("list index out of range")),
    }
}

/// An integer index for `kind` indices (TypeError otherwise).
pub fn list_index(vm: &mut Vm, k: &Value, kind: &str) -> PyResult<i64> {
    if is_int(k) {
        return index_clamped(vm, k);
    }
    if matches!(k, Value::Obj(_)) && crate::object::types::lookup_in_type(crate::object::types::type_of(k), "__index__").is_some() {
        return index_clamped(vm, k);
    }
    Err(type_error(format!("{kind} indices must be integers or slices, not {}", vtname(k))))
}

fn setitem(vm: &mut Vm, a: Args) -> PyResult {
    check_method("__setitem__", &a, 2, 2)?;
    let l = this(&a, "__setitem__")?;
    let k = &a.pos[1];
    if is_slice(k) {
        let src = if a.pos[2].is(&a.pos[0]) { l.lock().clone() } else { collect_assign(vm, &a.pos[2])? };
        let len = l.lock().len();
        let (start, stop, step, n) = slice_indices(vm, k, len)?;
        let mut g = l.lock();
        return assign_slice(&mut g, start, stop, step, n, src).map(|_| Value::None);
    }
    let i = list_index(vm, k, "list")?;
    let mut g = l.lock();
    match norm_index(i, g.len()) {
        Some(j) => {
            let old = std::mem::replace(&mut g[j], a.pos[2].clone());
            drop(g);
            drop(old);
            Ok(Value::None)
        }
        None => Err(index_error("list assignment index out of range")),
    }
}

fn collect_assign(vm: &mut Vm, v: &Value) -> PyResult<Vec<Value>> {
    match vm.collect(v) {
        Ok(items) => Ok(items),
        Err(e) if e.matches("TypeError") && vm.iter(v).is_err() => {
            Err(type_error("can only assign an iterable"))
        }
        Err(e) => Err(e),
    }
}

/// Slice assignment on a vector (shared with bytearray).
pub fn assign_slice<T: Clone>(g: &mut Vec<T>, start: i64, stop: i64, step: i64, n: usize, src: Vec<T>) -> PyResult<()> {
    if step == 1 {
        let s = (start.max(0) as usize).min(g.len());
        let e = (stop.max(start).max(0) as usize).min(g.len());
        g.splice(s..e, src);
        return Ok(());
    }
    if src.len() != n {
        return Err(value_error(format!(
            "attempt to assign sequence of size {} to extended slice of size {}",
            src.len(),
            n
        )));
    }
    for (pos, v) in slice_positions(start, step, n).zip(src) {
        if let Some(slot) = g.get_mut(pos) {
            *slot = v;
        }
    }
    Ok(())
}

/// Slice deletion on a vector (shared with bytearray).
pub fn delete_slice<T>(g: &mut Vec<T>, start: i64, stop: i64, step: i64, n: usize) {
    if step == 1 {
        let s = (start.max(0) as usize).min(g.len());
        let e = (stop.max(start).max(0) as usize).min(g.len());
        g.drain(s..e);
        return;
    }
    let mut kill: Vec<usize> = slice_positions(start, step, n).collect();
    kill.sort_unstable();
    let mut k = 0;
    let mut i = 0;
    g.retain(|_| {
        let del = k < kill.len() && kill[k] == i;
        if del {
            k += 1;
        }
        i += 1;
        !del
    });
}

fn delitem(vm: &mut Vm, a: Args) -> PyResult {
    check_method("__delitem__", &a, 1, 1)?;
    let l = this(&a, "__delitem__")?;
    let k = &a.pos[1];
    if is_slice(k) {
        let len = l.lock().len();
        let (start, stop, step, n) = slice_indices(vm, k, len)?;
        delete_slice(&mut l.lock(), start, stop, step, n);
        return Ok(Value::None);
    }
    let i = list_index(vm, k, "list")?;
    let mut g = l.lock();
    match norm_index(i, g.len()) {
        Some(j) => {
            let old = g.remove(j);
            drop(g);
            drop(old);
            Ok(Value::None)
        }
        None => Err(index_error("list assignment index out of range")),
    }
}

fn len(_vm: &mut Vm, a: Args) -> PyResult {
    check_method("__len__", &a, 0, 0)?;
    Ok(Value::Int(this(&a, "__len__")?.lock().len() as i64))
}

fn contains(vm: &mut Vm, a: Args) -> PyResult {
    check_method("__contains__", &a, 1, 1)?;
    let items = this(&a, "__contains__")?.lock().clone();
    Ok(Value::bool(seq::contains(vm, &items, &a.pos[1])?))
}

fn iter(_vm: &mut Vm, a: Args) -> PyResult {
    check_method("__iter__", &a, 0, 0)?;
    this(&a, "__iter__")?;
    Ok(make_iter(SeqIter { seq: a.pos[0].clone(), i: 0 }))
}

fn reversed(_vm: &mut Vm, a: Args) -> PyResult {
    check_method("__reversed__", &a, 0, 0)?;
    let n = this(&a, "__reversed__")?.lock().len();
    Ok(make_iter(ReversedSeq { seq: a.pos[0].clone(), i: n, native: true }))
}

fn add(_vm: &mut Vm, a: Args) -> PyResult {
    check_method("__add__", &a, 1, 1)?;
    let l = this(&a, "__add__")?;
    let Some(Payload::List(r)) = a.pos[1].payload() else {
        return Err(type_error(format!("can only concatenate list (not \"{}\") to list", vtname(&a.pos[1]))));
    };
    let mut out = l.lock().clone();
    out.extend(r.lock().iter().cloned());
    Ok(Value::list(out))
}

fn iadd(vm: &mut Vm, a: Args) -> PyResult {
    check_method("__iadd__", &a, 1, 1)?;
    let l = this(&a, "__iadd__")?;
    let items = vm.collect(&a.pos[1])?;
    l.lock().extend(items);
    Ok(a.pos[0].clone())
}

fn mul(vm: &mut Vm, a: Args) -> PyResult {
    check_method("__mul__", &a, 1, 1)?;
    let l = this(&a, "__mul__")?;
    let Some(n) = seq::repeat_count(vm, &a.pos[1])? else { return Ok(types().not_implemented.clone()) };
    let items = l.lock().clone();
    Ok(Value::list(seq::repeat(&items, n)?))
}

fn imul(vm: &mut Vm, a: Args) -> PyResult {
    check_method("__imul__", &a, 1, 1)?;
    let l = this(&a, "__imul__")?;
    let Some(n) = seq::repeat_count(vm, &a.pos[1])? else { return Ok(types().not_implemented.clone()) };
    let items = l.lock().clone();
    let out = seq::repeat(&items, n)?;
    *l.lock() = out;
    Ok(a.pos[0].clone())
}

fn compare(vm: &mut Vm, a: &Args, op: CmpOp) -> PyResult {
    check_method(op.dunders().0, a, 1, 1)?;
    let l = this(a, op.dunders().0)?;
    let Some(Payload::List(r)) = a.pos[1].payload() else { return Ok(types().not_implemented.clone()) };
    let x = l.lock().clone();
    let y = r.lock().clone();
    seq::seq_compare(vm, &x, &y, op)
}

fn eq(vm: &mut Vm, a: Args) -> PyResult {
    compare(vm, &a, CmpOp::Eq)
}
fn ne(vm: &mut Vm, a: Args) -> PyResult {
    compare(vm, &a, CmpOp::Ne)
}
fn lt(vm: &mut Vm, a: Args) -> PyResult {
    compare(vm, &a, CmpOp::Lt)
}
fn le(vm: &mut Vm, a: Args) -> PyResult {
    compare(vm, &a, CmpOp::Le)
}
fn gt(vm: &mut Vm, a: Args) -> PyResult {
    compare(vm, &a, CmpOp::Gt)
}
fn ge(vm: &mut Vm, a: Args) -> PyResult {
    compare(vm, &a, CmpOp::Ge)
}
