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

#[derive(PartialEq, Clone, Copy)]
enum Kind {
    Int,
    Float,
    Str,
}

/// The native ordering class of a plain int, non-NaN float or str.
fn scalar_kind(v: &Value) -> Option<Kind> {
    match v {
        Value::Int(_) => Some(Kind::Int),
        Value::Float(f) if !f.get().is_nan() => Some(Kind::Float),
        Value::Obj(o) if o.class.is_none() && matches!(o.payload, Payload::Str(_)) => Some(Kind::Str),
        _ => None,
    }
}

/// Compares two values of the same `scalar_kind`.
fn scalar_cmp(a: &Value, b: &Value) -> Ordering {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => x.cmp(y),
        (Value::Float(x), Value::Float(y)) => x.get().partial_cmp(&y.get()).unwrap_or(Ordering::Equal),
        _ => a.as_str().unwrap_or("").cmp(b.as_str().unwrap_or("")),
    }
}

/// The items of an exact tuple.
fn tuple_items(v: &Value) -> Option<&[Value]> {
    match v {
        Value::Obj(o) if o.class.is_none() => match &o.payload {
            Payload::Tuple(t) => Some(t),
            _ => None,
        },
        _ => None,
    }
}

/// Do all keys have one `scalar_kind`, or are they all exact tuples whose
/// items at each position share one (so Python's `<` on them is a total
/// order Rust can compute: scalar order, or lexicographic then by length)?
fn natively_ordered(pairs: &[(Value, Value)]) -> bool {
    let Some(first) = pairs.first() else { return true };
    if let Some(kind) = scalar_kind(&first.0) {
        return pairs.iter().all(|(k, _)| scalar_kind(k) == Some(kind));
    }
    let mut kinds: Vec<Kind> = Vec::new();
    for (k, _) in pairs {
        let Some(items) = tuple_items(k) else { return false };
        for (i, item) in items.iter().enumerate() {
            match (scalar_kind(item), kinds.get(i)) {
                (Some(k), Some(&known)) if k == known => {}
                (Some(k), None) => kinds.push(k),
                _ => return false,
            }
        }
    }
    true
}

/// Sorts without Python code when the keys are naturally ordered (see
/// `natively_ordered`); `None` leaves `pairs` untouched for the general sort.
fn native_sort(pairs: &mut [(Value, Value)], reverse: bool) -> Option<()> {
    if !natively_ordered(pairs) {
        return None;
    }
    let cmp = |a: &Value, b: &Value| -> Ordering {
        match (tuple_items(a), tuple_items(b)) {
            (Some(x), Some(y)) => x.iter().zip(y).map(|(p, q)| scalar_cmp(p, q)).find(|o| o.is_ne()).unwrap_or_else(|| x.len().cmp(&y.len())),
            _ => scalar_cmp(a, b),
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
