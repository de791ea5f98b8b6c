//! Stable sorting with fallible (Python) comparisons: a merge sort that
//! propagates the first error, plus native fast paths for homogeneous
//! int/float/str keys that need no Python code.

use crate::object::Payload;
use crate::pvm::{PyResult, Vm};
use crate::value::Value;
use std::cmp::Ordering;

/// Sorts `items` by `key` (or the items themselves), stably; `reverse`
/// keeps equal elements in their original order like CPython.
pub fn sort_values(vm: &mut Vm, items: Vec<Value>, key: Option<&Value>, reverse: bool) -> PyResult<Vec<Value>> {
    let keys = match key {
        Some(k) if !k.is_none() => {
            let mut ks = Vec::with_capacity(items.len());
            for it in &items {
                ks.push(vm.call1(k, it.clone())?);
            }
            ks
        }
        _ => items.clone(),
    };
    let mut pairs: Vec<(Value, Value)> = keys.into_iter().zip(items).collect();
    if let Some(()) = native_sort(&mut pairs, reverse) {
        return Ok(pairs.into_iter().map(|(_, v)| v).collect());
    }
    let sorted = merge_sort(vm, pairs, reverse)?;
    Ok(sorted.into_iter().map(|(_, v)| v).collect())
}

#[derive(PartialEq)]
enum Kind {
    Int,
    Float,
    Str,
}

/// Sorts without Python code when every key is a plain int, float or str.
fn native_sort(pairs: &mut [(Value, Value)], reverse: bool) -> Option<()> {
    let first = pairs.first()?;
    let kind = match &first.0 {
        Value::Int(_) => Kind::Int,
        Value::Float(f) if !f.get().is_nan() => Kind::Float,
        Value::Obj(o) if o.class.is_none() && matches!(o.payload, Payload::Str(_)) => Kind::Str,
        _ => return None,
    };
    let ok = pairs.iter().all(|(k, _)| match (&kind, k) {
        (Kind::Int, Value::Int(_)) => true,
        (Kind::Float, Value::Float(f)) => !f.get().is_nan(),
        (Kind::Str, Value::Obj(o)) => o.class.is_none() && matches!(o.payload, Payload::Str(_)),
        _ => false,
    });
    if !ok {
        return None;
    }
    let cmp = |a: &Value, b: &Value| -> Ordering {
        match (a, b) {
            (Value::Int(x), Value::Int(y)) => x.cmp(y),
            (Value::Float(x), Value::Float(y)) => x.get().partial_cmp(&y.get()).unwrap_or(Ordering::Equal),
            _ => a.as_str().unwrap_or("").cmp(b.as_str().unwrap_or("")),
        }
    };
    if reverse {
        pairs.sort_by(|a, b| cmp(&b.0, &a.0));
    } else {
        pairs.sort_by(|a, b| cmp(&a.0, &b.0));
    }
    Some(())
}

fn merge_sort(vm: &mut Vm, v: Vec<(Value, Value)>, reverse: bool) -> PyResult<Vec<(Value, Value)>> {
    let n = v.len();
    if n <= 1 {
        return Ok(v);
    }
    // Insertion sort small runs, then merge bottom-up.
    const RUN: usize = 16;
    let mut runs: Vec<Vec<(Value, Value)>> = Vec::with_capacity(n / RUN + 1);
    let mut it = v.into_iter().peekable();
    while it.peek().is_some() {
        let mut run: Vec<(Value, Value)> = Vec::with_capacity(RUN);
        for _ in 0..RUN {
            match it.next() {
                Some(x) => insert_sorted(vm, &mut run, x, reverse)?,
                None => break,
            }
        }
        runs.push(run);
    }
    while runs.len() > 1 {
        let mut next = Vec::with_capacity(runs.len() / 2 + 1);
        let mut rs = runs.into_iter();
        while let Some(a) = rs.next() {
            match rs.next() {
                Some(b) => next.push(merge(vm, a, b, reverse)?),
                None => next.push(a),
            }
        }
        runs = next;
    }
    Ok(runs.pop().unwrap_or_default())
}

/// `a` sorts strictly before `b`?
fn before(vm: &mut Vm, a: &Value, b: &Value, reverse: bool) -> PyResult<bool> {
    if reverse {
        vm.lt(b, a)
    } else {
        vm.lt(a, b)
    }
}

fn insert_sorted(vm: &mut Vm, run: &mut Vec<(Value, Value)>, x: (Value, Value), reverse: bool) -> PyResult<()> {
    let mut pos = run.len();
    while pos > 0 && before(vm, &x.0, &run[pos - 1].0, reverse)? {
        pos -= 1;
    }
    run.insert(pos, x);
    Ok(())
}

fn merge(vm: &mut Vm, a: Vec<(Value, Value)>, b: Vec<(Value, Value)>, reverse: bool) -> PyResult<Vec<(Value, Value)>> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let mut a = a.into_iter().peekable();
    let mut b = b.into_iter().peekable();
    loop {
        let take_b = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) => before(vm, &y.0, &x.0, reverse)?,
            (Some(_), None) => false,
            (None, Some(_)) => true,
            (None, None) => break,
        };
        let next = if take_b { b.next() } else { a.next() };
        if let Some(n) = next {
            out.push(n);
        }
    }
    Ok(out)
}
