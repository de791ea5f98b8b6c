//! `tuple`: constructor, indexing/slicing, operators, comparisons, hash,
//! `index` and `count`.

use super::seq;
use crate::builtins::args::*;
use crate::builtins::iters::{make_iter, SeqIter};
use crate::builtins::{add_method, add_staticmethod};
use crate::bytecode::CmpOp;
use crate::object::types::types;
use crate::object::{Args, Payload};
use crate::pvm::exc::{index_error, type_error, value_error};
use crate::pvm::{PyResult, Vm};
use crate::value::Value;

/// The items of a tuple `self`.
pub fn tuple_of<'a>(v: &'a Value, method: &str) -> PyResult<&'a [Value]> {
    match v.payload() {
        Some(Payload::Tuple(t)) => Ok(t),
        _ => Err(descr_error(method, "tuple", v)),
    }
}

fn this<'a>(a: &'a Args, method: &str) -> PyResult<&'a [Value]> {
    match a.pos.first() {
        Some(v) => tuple_of(v, method),
        None => Err(type_error(format!("descriptor '{method}' of 'tuple' object needs an argument"))),
    }
}

pub fn install() {
    let t = &types().tuple;
    add_staticmethod(t, "__new__", "tuple.__new__", tuple_new);
    add_method(t, "index", "tuple.index", index);
    add_method(t, "count", "tuple.count", count);
    add_method(t, "__getitem__", "tuple.__getitem__", getitem);
    add_method(t, "__len__", "tuple.__len__", len);
    add_method(t, "__contains__", "tuple.__contains__", contains);
    add_method(t, "__iter__", "tuple.__iter__", iter);
    add_method(t, "__add__", "tuple.__add__", add);
    add_method(t, "__mul__", "tuple.__mul__", mul);
    add_method(t, "__rmul__", "tuple.__rmul__", mul);
    add_method(t, "__hash__", "tuple.__hash__", hash);
    add_method(t, "__repr__", "tuple.__repr__", crate::builtins::types::misc::repr_method);
    add_method(t, "__eq__", "tuple.__eq__", eq);
    add_method(t, "__ne__", "tuple.__ne__", ne);
    add_method(t, "__lt__", "tuple.__lt__", lt);
    add_method(t, "__le__", "tuple.__le__", le);
    add_method(t, "__gt__", "tuple.__gt__", gt);
    add_method(t, "__ge__", "tuple.__ge__", ge);
    add_method(t, "__getnewargs__", "tuple.__getnewargs__", getnewargs);
}

fn tuple_new(vm: &mut Vm, a: Args) -> PyResult {
    no_kwargs("tuple", &a)?;
    let cls = new_cls(&a, &types().tuple, "tuple")?;
    if a.pos.len() > 2 {
        return Err(type_error(format!("tuple expected at most 1 argument, got {}", a.pos.len() - 1)));
    }
    let items = match a.pos.get(1) {
        Some(v) => {
            if let (Some(Payload::Tuple(_)), true) = (v.payload(), cls.as_obj().map(|c| std::sync::Arc::ptr_eq(c, &types().tuple)).unwrap_or(false)) {
                if v.as_obj().map(|o| o.class.is_none()).unwrap_or(false) {
                    return Ok(v.clone());
                }
            }
            vm.collect(v)?
        }
        None => Vec::new(),
    };
    Ok(make_instance(cls, &types().tuple, Payload::Tuple(items.into_boxed_slice())))
}

fn index(vm: &mut Vm, a: Args) -> PyResult {
    check_method("index", &a, 1, 3)?;
    let items = this(&a, "index")?.to_vec();
    let st = opt_index(vm, a.pos.get(2))?;
    let en = opt_index(vm, a.pos.get(3))?;
    let (s, e) = adjust_range(st, en, items.len());
    match seq::find_index(vm, &items, &a.pos[1], s, e)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(value_error("tuple.index(x): x not in tuple")),
    }
}

fn count(vm: &mut Vm, a: Args) -> PyResult {
    check_method("count", &a, 1, 1)?;
    let items = this(&a, "count")?.to_vec();
    Ok(Value::Int(seq::count(vm, &items, &a.pos[1])? as i64))
}

fn getitem(vm: &mut Vm, a: Args) -> PyResult {
    check_method("__getitem__", &a, 1, 1)?;
    let items = this(&a, "__getitem__")?;
    let k = &a.pos[1];
    if is_slice(k) {
        let (start, _, step, n) = slice_indices(vm, k, items.len())?;
        if start == 0 && step == 1 && n == items.len() && a.pos[0].as_obj().map(|o| o.class.is_none()).unwrap_or(false) {
            return Ok(a.pos[0].clone());
        }
        let out: Vec<Value> = slice_positions(start, step, n).filter_map(|i| items.get(i).cloned()).collect();
        return Ok(Value::tuple(out));
    }
    let i = super::list::list_index(vm, k, "tuple")?;
    match norm_index(i, items.len()) {
        Some(j) => Ok(items[j].clone()),
        None => Err(index_error("tuple index out of range")),
    }
}

fn len(_vm: &mut Vm, a: Args) -> PyResult {
    check_method("__len__", &a, 0, 0)?;
    Ok(Value::Int(this(&a, "__len__")?.len() as i64))
}

fn contains(vm: &mut Vm, a: Args) -> PyResult {
    check_method("__contains__", &a, 1, 1)?;
    let items = this(&a, "__contains__")?.to_vec();
    Ok(Value::bool(seq::contains(vm, &items, &a.pos[1])?))
}

fn iter(_vm: &mut Vm, a: Args) -> PyResult {
    check_method("__iter__", &a, 0, 0)?;
    this(&a, "__iter__")?;
    Ok(make_iter(SeqIter { seq: a.pos[0].clone(), i: 0 }))
}

fn add(_vm: &mut Vm, a: Args) -> PyResult {
    check_method("__add__", &a, 1, 1)?;
    let l = this(&a, "__add__")?;
    let Some(Payload::Tuple(r)) = a.pos[1].payload() else {
        return Err(type_error(format!("can only concatenate tuple (not \"{}\") to tuple", vtname(&a.pos[1]))));
    };
    let mut out = l.to_vec();
    out.extend(r.iter().cloned());
    Ok(Value::tuple(out))
}

fn mul(vm: &mut Vm, a: Args) -> PyResult {
    check_method("__mul__", &a, 1, 1)?;
    let items = this(&a, "__mul__")?;
    let Some(n) = seq::repeat_count(vm, &a.pos[1])? else { return Ok(types().not_implemented.clone()) };
    Ok(Value::tuple(seq::repeat(items, n)?))
}

/// CPython's tuple hash (xxHash-based), over Python hashes of the items.
pub fn tuple_hash(vm: &mut Vm, items: &[Value]) -> PyResult<i64> {
    let mut hs = Vec::with_capacity(items.len());
    for it in items {
        hs.push(vm.hash(it)?);
    }
    Ok(crate::object::pystr::tuple_hash_of(hs.into_iter()))
}

fn hash(vm: &mut Vm, a: Args) -> PyResult {
    check_method("__hash__", &a, 0, 0)?;
    let items = this(&a, "__hash__")?.to_vec();
    Ok(Value::Int(tuple_hash(vm, &items)?))
}

fn getnewargs(_vm: &mut Vm, a: Args) -> PyResult {
    let items = this(&a, "__getnewargs__")?.to_vec();
    Ok(Value::tuple(vec![Value::tuple(items)]))
}

fn compare(vm: &mut Vm, a: &Args, op: CmpOp) -> PyResult {
    check_method(op.dunders().0, a, 1, 1)?;
    let x = this(a, op.dunders().0)?.to_vec();
    let Some(Payload::Tuple(r)) = a.pos[1].payload() else { return Ok(types().not_implemented.clone()) };
    let y = r.to_vec();
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
