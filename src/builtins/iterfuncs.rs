//! The iteration builtins: iter, next, enumerate, zip, map, filter,
//! sorted, reversed, min, max, sum, any, all.

use super::args::*;
use super::iters::*;
use crate::bytecode::BinOp;
use crate::object::types::{lookup_in_type, type_of};
use crate::object::{Args, Payload};
use crate::pvm::exc::{type_error, value_error, PyErr};
use crate::pvm::{PyResult, Vm};
use crate::value::Value;

pub fn iter(vm: &mut Vm, a: Args) -> PyResult {
    no_kwargs("iter", &a)?;
    check_args("iter", &a, 1, 2)?;
    if a.pos.len() == 2 {
        if !super::functions::is_callable(&a.pos[0]) {
            return Err(type_error("iter(v, w): v must be callable"));
        }
        return Ok(make_iter(CallableIter { func: a.pos[0].clone(), sentinel: a.pos[1].clone(), done: false }));
    }
    vm.iter(&a.pos[0])
}

pub fn next(vm: &mut Vm, a: Args) -> PyResult {
    check_args("next", &a, 1, 2)?;
    let it = &a.pos[0];
    let is_iter = matches!(it.payload(), Some(Payload::Iter(_)) | Some(Payload::Generator(_)))
        || lookup_in_type(type_of(it), "__next__").is_some();
    if !is_iter {
        return Err(type_error(format!("'{}' object is not an iterator", vtname(it))));
    }
    match vm.next(it)? {
        Some(v) => Ok(v),
        None => match a.pos.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(PyErr::with_args("StopIteration", vec![])),
        },
    }
}

pub fn enumerate(vm: &mut Vm, mut a: Args) -> PyResult {
    let iterable = arg_or_kw(&mut a, 0, "iterable");
    let start = arg_or_kw(&mut a, 1, "start");
    no_kw("enumerate", &a)?;
    let Some(iterable) = iterable else {
        return Err(type_error("enumerate() missing required argument 'iterable' (pos 1)"));
    };
    let it = vm.iter(&iterable)?;
    let (n, big) = match start {
        None => (0, None),
        Some(s) => {
            if !is_int(&s) && vm.call_special(&s, "__index__", vec![])?.is_none() {
                return Err(type_error(format!("'{}' object cannot be interpreted as an integer", vtname(&s))));
            }
            let b = vm.to_bigint(&s)?;
            match num_traits::ToPrimitive::to_i64(&b) {
                Some(i) => (i, None),
                None => (0, Some(b)),
            }
        }
    };
    Ok(make_iter(Enumerate { it, n, big }))
}

pub fn zip(vm: &mut Vm, mut a: Args) -> PyResult {
    let strict = match a.take_kw("strict") {
        Some(s) => vm.truthy(&s)?,
        None => false,
    };
    no_kw("zip", &a)?;
    let mut its = Vec::with_capacity(a.pos.len());
    for (i, v) in a.pos.iter().enumerate() {
        let _ = i;
        its.push(vm.iter(v)?);
    }
    Ok(make_iter(Zip { its, strict, done: false }))
}

pub fn map(vm: &mut Vm, a: Args) -> PyResult {
    no_kwargs("map", &a)?;
    if a.pos.len() < 2 {
        return Err(type_error("map() must have at least two arguments."));
    }
    let mut its = Vec::new();
    for v in &a.pos[1..] {
        its.push(vm.iter(v)?);
    }
    Ok(make_iter(Map { func: a.pos[0].clone(), its }))
}

pub fn filter(vm: &mut Vm, a: Args) -> PyResult {
    no_kwargs("filter", &a)?;
    check_args("filter", &a, 2, 2)?;
    let it = vm.iter(&a.pos[1])?;
    Ok(make_iter(Filter { func: a.pos[0].clone(), it }))
}

pub fn sorted(vm: &mut Vm, mut a: Args) -> PyResult {
    let key = a.take_kw("key");
    let reverse = a.take_kw("reverse");
    no_kw("sort", &a)?;
    if a.pos.len() != 1 {
        return Err(type_error(format!("sorted expected 1 argument, got {}", a.pos.len())));
    }
    let items = vm.collect(&a.pos[0])?;
    let reverse = match reverse {
        Some(r) => vm.truthy(&r)?,
        None => false,
    };
    let sorted = super::sort::sort_values(vm, items, key.as_ref(), reverse)?;
    Ok(Value::list(sorted))
}

pub fn reversed(vm: &mut Vm, a: Args) -> PyResult {
    no_kwargs("reversed", &a)?;
    if a.pos.len() != 1 {
        return Err(type_error(format!("reversed expected 1 argument, got {}", a.pos.len())));
    }
    let seq = &a.pos[0];
    if !user_overrides(seq, "__reversed__") {
        match seq.payload() {
            Some(Payload::List(l)) => {
                let n = l.lock().len();
                return Ok(make_iter(ReversedSeq { seq: seq.clone(), i: n, native: true }));
            }
            Some(Payload::Tuple(t)) => return Ok(make_iter(ReversedSeq { seq: seq.clone(), i: t.len(), native: true })),
            Some(Payload::Str(s)) => {
                let mut chars: Vec<Value> = s.as_str().chars().map(|c| Value::string(c.to_string())).collect();
                chars.reverse();
                return Ok(vec_iter(chars));
            }
            Some(Payload::Range { start, stop, step }) => return Ok(make_iter(RangeIter::reversed(*start, *stop, *step))),
            _ => {}
        }
    }
    if let Some(r) = vm.call_special(seq, "__reversed__", vec![])? {
        return Ok(r);
    }
    let t = type_of(seq);
    if lookup_in_type(t, "__getitem__").is_some() && lookup_in_type(t, "__len__").is_some() && !matches!(seq.payload(), Some(Payload::Dict(_))) {
        let n = vm.len(seq)?;
        return Ok(make_iter(ReversedSeq { seq: seq.clone(), i: n, native: false }));
    }
    Err(type_error(format!("'{}' object is not reversible", vtname(seq))))
}

fn minmax(vm: &mut Vm, mut a: Args, name: &str, want_max: bool) -> PyResult {
    let key = a.take_kw("key").filter(|k| !k.is_none());
    let default = a.take_kw("default");
    if let Some((k, _)) = a.kw.first() {
        return Err(type_error(format!("'{k}' is an invalid keyword argument for {name}()")));
    }
    let items = match a.pos.len() {
        0 => return Err(type_error(format!("{name} expected at least 1 argument, got 0"))),
        1 => vm.collect(&a.pos[0])?,
        _ => {
            if default.is_some() {
                return Err(type_error(format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                )));
            }
            a.pos.clone()
        }
    };
    let mut best: Option<(Value, Value)> = None;
    for it in items {
        let k = match &key {
            Some(f) => vm.call1(f, it.clone())?,
            None => it.clone(),
        };
        best = Some(match best {
            None => (k, it),
            Some((bk, bv)) => {
                let better = if want_max { vm.lt(&bk, &k)? } else { vm.lt(&k, &bk)? };
                if better {
                    (k, it)
                } else {
                    (bk, bv)
                }
            }
        });
    }
    match best {
        Some((_, v)) => Ok(v),
        None => match default {
            Some(d) => Ok(d),
            None => Err(value_error(format!("{name}() arg is an empty sequence"))),
        },
    }
}

pub fn min(vm: &mut Vm, a: Args) -> PyResult {
    minmax(vm, a, "min", false)
}
pub fn max(vm: &mut Vm, a: Args) -> PyResult {
    minmax(vm, a, "max", true)
}

pub fn sum(vm: &mut Vm, mut a: Args) -> PyResult {
    let start = a.take_kw("start");
    no_kw("sum", &a)?;
    if a.pos.is_empty() {
        return Err(type_error("sum() takes at least 1 positional argument (0 given)"));
    }
    if a.pos.len() > 2 {
        return Err(type_error(format!("sum() takes at most 2 arguments ({} given)", a.pos.len())));
    }
    let mut acc = start.or_else(|| a.pos.get(1).cloned()).unwrap_or(Value::Int(0));
    match acc.payload() {
        Some(Payload::Str(_)) => return Err(type_error("sum() can't sum strings [use ''.join(seq) instead]")),
        Some(Payload::Bytes(_)) => return Err(type_error("sum() can't sum bytes [use b''.join(seq) instead]")),
        Some(Payload::ByteArray(_)) => return Err(type_error("sum() can't sum bytearray [use b''.join(seq) instead]")),
        _ => {}
    }
    let it = vm.iter(&a.pos[0])?;
    // Float accumulation uses compensated summation like CPython 3.12? No:
    // 3.11 adds left to right, so a plain fold matches.
    while let Some(v) = vm.next(&it)? {
        acc = match (&acc, &v) {
            (Value::Int(x), Value::Int(y)) => match x.checked_add(*y) {
                Some(s) => Value::Int(s),
                None => vm.binary_op(&acc, &v, BinOp::Add, false)?,
            },
            (Value::Float(x), Value::Float(y)) => Value::float(x.get() + y.get()),
            _ => vm.binary_op(&acc, &v, BinOp::Add, false)?,
        };
    }
    Ok(acc)
}

pub fn any(vm: &mut Vm, a: Args) -> PyResult {
    check_args("any", &a, 1, 1)?;
    let it = vm.iter(&a.pos[0])?;
    while let Some(v) = vm.next(&it)? {
        if vm.truthy(&v)? {
            return Ok(Value::Bool(crate::value::Flag::TRUE));
        }
    }
    Ok(Value::Bool(crate::value::Flag::FALSE))
}

pub fn all(vm: &mut Vm, a: Args) -> PyResult {
    check_args("all", &a, 1, 1)?;
    let it = vm.iter(&a.pos[0])?;
    while let Some(v) = vm.next(&it)? {
        if !vm.truthy(&v)? {
            return Ok(Value::Bool(crate::value::Flag::FALSE));
        }
    }
    Ok(Value::Bool(crate::value::Flag::TRUE))
}
