//! `_heapq`: the native heap operations `heapq.py` re-exports, following
//! CPython's `_heapqmodule.c` step for step (same comparisons with `<`, same
//! errors, same order of element moves).
//!
//! The list's lock is never held across a comparison (comparisons may run
//! Python code); every element access re-reads the list, and a size change
//! seen after a comparison raises `RuntimeError`, as in CPython.

use crate::builtins::args::check_args;
use crate::object::{Args, NativeFn, Payload};
use crate::pvm::exc::{index_error, runtime_error, type_error, PyErr};
use crate::pvm::{PyResult, Vm};
use crate::value::Value;
use parking_lot::Mutex;

pub fn make(_vm: &mut Vm) -> PyResult<Value> {
    let fns: &[(&'static str, &'static str, NativeFn)] = &[
        ("heappush", "_heapq.heappush", heappush),
        ("heappop", "_heapq.heappop", heappop),
        ("heapreplace", "_heapq.heapreplace", heapreplace),
        ("heappushpop", "_heapq.heappushpop", heappushpop),
        ("heapify", "_heapq.heapify", heapify),
    ];
    Ok(super::module_with("_heapq", fns))
}

type List = Mutex<Vec<Value>>;

/// The heap argument of `func`: a list (or list subclass instance).
/// `which` is how CPython names it ("argument" or "argument 1").
fn heap_arg<'a>(v: &'a Value, func: &str, which: &str) -> PyResult<&'a List> {
    match v.payload() {
        Some(Payload::List(l)) => Ok(l),
        _ => Err(type_error(format!("{func}() {which} must be list, not {}", crate::pvm::ops::type_name(v)))),
    }
}

fn out_of_range() -> PyErr {
    index_error("index out of range")
}

fn changed_size() -> PyErr {
    runtime_error("list changed size during iteration")
}

/// Element `i` (cloned; the list may change once it is unlocked).
fn at(heap: &List, i: usize) -> PyResult<Value> {
    heap.lock().get(i).cloned().ok_or_else(out_of_range)
}

fn swap(heap: &List, i: usize, j: usize) -> PyResult<()> {
    let mut l = heap.lock();
    if i >= l.len() || j >= l.len() {
        return Err(changed_size());
    }
    l.swap(i, j);
    Ok(())
}

/// Puts `item` at the top of the heap, returning what was there.
fn replace_top(heap: &List, item: Value) -> PyResult<Value> {
    let mut l = heap.lock();
    let first = l.first_mut().ok_or_else(out_of_range)?;
    Ok(std::mem::replace(first, item))
}

/// Moves the item at `pos` up towards `start` while it is smaller than its
/// parent.
fn sift_down(vm: &mut Vm, heap: &List, start: usize, mut pos: usize) -> PyResult<()> {
    let size = heap.lock().len();
    if pos >= size {
        return Err(out_of_range());
    }
    while pos > start {
        let parent_pos = (pos - 1) >> 1;
        let (item, parent) = (at(heap, pos)?, at(heap, parent_pos)?);
        let smaller = vm.lt(&item, &parent)?;
        if heap.lock().len() != size {
            return Err(changed_size());
        }
        if !smaller {
            break;
        }
        swap(heap, parent_pos, pos)?;
        pos = parent_pos;
    }
    Ok(())
}

/// Moves the smaller child up from `pos` to a leaf, then sifts the item
/// that was at `pos` back down into place.
fn sift_up(vm: &mut Vm, heap: &List, mut pos: usize) -> PyResult<()> {
    let end = heap.lock().len();
    let start = pos;
    if pos >= end {
        return Err(out_of_range());
    }
    let limit = end >> 1;
    while pos < limit {
        let mut child = 2 * pos + 1;
        if child + 1 < end {
            let (a, b) = (at(heap, child)?, at(heap, child + 1)?);
            if !vm.lt(&a, &b)? {
                child += 1;
            }
            if heap.lock().len() != end {
                return Err(changed_size());
            }
        }
        swap(heap, child, pos)?;
        pos = child;
    }
    sift_down(vm, heap, start, pos)
}

fn heappush(vm: &mut Vm, a: Args) -> PyResult {
    check_args("heappush", &a, 2, 2)?;
    let heap = heap_arg(&a.pos[0], "heappush", "argument 1")?;
    let last = {
        let mut l = heap.lock();
        l.push(a.pos[1].clone());
        l.len() - 1
    };
    sift_down(vm, heap, 0, last)?;
    Ok(Value::None)
}

fn heappop(vm: &mut Vm, a: Args) -> PyResult {
    check_args("heappop", &a, 1, 1)?;
    let heap = heap_arg(&a.pos[0], "heappop", "argument")?;
    let returned = {
        let mut l = heap.lock();
        let last = l.pop().ok_or_else(out_of_range)?;
        if l.is_empty() {
            return Ok(last);
        }
        std::mem::replace(&mut l[0], last)
    };
    sift_up(vm, heap, 0)?;
    Ok(returned)
}

fn heapreplace(vm: &mut Vm, a: Args) -> PyResult {
    check_args("heapreplace", &a, 2, 2)?;
    let heap = heap_arg(&a.pos[0], "heapreplace", "argument 1")?;
    let returned = replace_top(heap, a.pos[1].clone())?;
    sift_up(vm, heap, 0)?;
    Ok(returned)
}

fn heappushpop(vm: &mut Vm, a: Args) -> PyResult {
    check_args("heappushpop", &a, 2, 2)?;
    let heap = heap_arg(&a.pos[0], "heappushpop", "argument 1")?;
    let item = a.pos[1].clone();
    let Some(top) = heap.lock().first().cloned() else { return Ok(item) };
    if !vm.lt(&top, &item)? {
        return Ok(item);
    }
    let returned = replace_top(heap, item)?;
    sift_up(vm, heap, 0)?;
    Ok(returned)
}

fn heapify(vm: &mut Vm, a: Args) -> PyResult {
    check_args("heapify", &a, 1, 1)?;
    let heap = heap_arg(&a.pos[0], "heapify", "argument")?;
    let n = heap.lock().len();
    for i in (0..n / 2).rev() {
        sift_up(vm, heap, i)?;
    }
    Ok(Value::None)
}
