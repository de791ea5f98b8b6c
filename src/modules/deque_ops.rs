//! `collections.deque`'s operations that may run Python code: element
//! searches (`count`, `index`, `remove`, `in`), rich comparison, `repr`,
//! the operators `+ += * *=`, `__reduce__`, and the forward/reverse
//! iterators. Each element is copied out under the lock and compared with
//! the lock released; the deque's `state` is re-checked after every Python
//! call, raising "deque mutated during iteration" like CPython.

use super::deque::{copy_of, dq, extend_with, mutated, no_args, one_arg, push_all, ssize, this, DequeObj};
use crate::builtins::add_method;
use crate::builtins::args::*;
use crate::builtins::iters::make_iter;
use crate::bytecode::CmpOp;
use crate::object::types::{lookup_in_type, type_data, type_of, types};
use crate::object::{Args, NativeIter, ObjRef, Payload};
use crate::pvm::exc::{index_error, type_error, value_error, PyErr};
use crate::pvm::{PyResult, Vm};
use crate::value::Value;

pub fn install(t: &ObjRef) {
    add_method(t, "__contains__", "deque.__contains__", contains);
    add_method(t, "__iter__", "deque.__iter__", iter);
    add_method(t, "__reversed__", "deque.__reversed__", reversed);
    add_method(t, "__repr__", "deque.__repr__", repr);
    add_method(t, "__reduce__", "deque.__reduce__", reduce);
    add_method(t, "__eq__", "deque.__eq__", eq);
    add_method(t, "__ne__", "deque.__ne__", ne);
    add_method(t, "__lt__", "deque.__lt__", lt);
    add_method(t, "__le__", "deque.__le__", le);
    add_method(t, "__gt__", "deque.__gt__", gt);
    add_method(t, "__ge__", "deque.__ge__", ge);
    add_method(t, "__add__", "deque.__add__", add);
    add_method(t, "__iadd__", "deque.__iadd__", iadd);
    add_method(t, "__mul__", "deque.__mul__", mul);
    add_method(t, "__rmul__", "deque.__rmul__", rmul);
    add_method(t, "__imul__", "deque.__imul__", imul);
}

/// Element `i` and the current state, read under the lock.
fn item_at(d: &DequeObj, i: usize) -> (Option<Value>, u64) {
    let g = d.inner.lock();
    (g.items.get(i).cloned(), g.state)
}

fn state_of(d: &DequeObj) -> u64 {
    d.inner.lock().state
}

fn snapshot(d: &DequeObj) -> (usize, u64) {
    let g = d.inner.lock();
    (g.items.len(), g.state)
}

pub fn count(vm: &mut Vm, a: Args) -> PyResult {
    one_arg(&a, "count")?;
    let d = this(&a, "count")?;
    let (n, start) = snapshot(d);
    let mut found = 0i64;
    for i in 0..n {
        let (Some(item), _) = item_at(d, i) else { return Err(mutated()) };
        if vm.eq(&item, &a.pos[1])? {
            found += 1;
        }
        if state_of(d) != start {
            return Err(mutated());
        }
    }
    Ok(Value::Int(found))
}

fn contains(vm: &mut Vm, a: Args) -> PyResult {
    let d = this(&a, "__contains__")?;
    let x = a.pos.get(1).ok_or_else(|| type_error("expected 1 argument, got 0"))?;
    let (n, start) = snapshot(d);
    for i in 0..n {
        let (Some(item), _) = item_at(d, i) else { return Err(mutated()) };
        if vm.eq(&item, x)? {
            return Ok(Value::Bool(crate::value::Flag::TRUE));
        }
        if state_of(d) != start {
            return Err(mutated());
        }
    }
    Ok(Value::Bool(crate::value::Flag::FALSE))
}

/// A start/stop argument of `index` (`_PyEval_SliceIndexNotNone`): clamped.
fn slice_bound(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let ok = is_int(v) || (matches!(v, Value::Obj(_)) && lookup_in_type(type_of(v), "__index__").is_some());
    if !ok {
        return Err(type_error("slice indices must be integers or have an __index__ method"));
    }
    index_clamped(vm, v)
}

pub fn index(vm: &mut Vm, a: Args) -> PyResult {
    super::deque::count_args(&a, "index", 1, 3)?;
    let d = this(&a, "index")?;
    let start = match a.pos.get(2) {
        Some(v) => Some(slice_bound(vm, v)?),
        None => None,
    };
    let stop = match a.pos.get(3) {
        Some(v) => Some(slice_bound(vm, v)?),
        None => None,
    };
    let (n, state) = snapshot(d);
    let len = n as i64;
    let mut lo = start.unwrap_or(0);
    let mut hi = stop.unwrap_or(len);
    if lo < 0 {
        lo = (lo + len).max(0);
    }
    if hi < 0 {
        hi = (hi + len).max(0);
    }
    hi = hi.min(len);
    lo = lo.min(hi);
    for i in lo..hi {
        let (Some(item), _) = item_at(d, i as usize) else { return Err(mutated()) };
        if vm.eq(&item, &a.pos[1])? {
            return Ok(Value::Int(i));
        }
        if state_of(d) != state {
            return Err(mutated());
        }
    }
    Err(value_error(format!("{} is not in deque", vm.repr(&a.pos[1])?)))
}

pub fn remove(vm: &mut Vm, a: Args) -> PyResult {
    one_arg(&a, "remove")?;
    let d = this(&a, "remove")?;
    let (n, state) = snapshot(d);
    for i in 0..n {
        let (Some(item), _) = item_at(d, i) else { return Err(index_error("deque mutated during iteration")) };
        let hit = vm.eq(&item, &a.pos[1])?;
        let old = {
            let mut g = d.inner.lock();
            if g.state != state {
                return Err(index_error("deque mutated during iteration"));
            }
            if !hit {
                continue;
            }
            g.state = g.state.wrapping_add(1);
            g.items.remove(i)
        };
        drop(old);
        return Ok(Value::None);
    }
    Err(value_error(format!("{} is not in deque", vm.repr(&a.pos[1])?)))
}

/// CPython's `dequeiter` / `dequereviter`: `counter` elements remain;
/// any change of the deque's state ends it with a RuntimeError.
struct DequeIter {
    deque: Value,
    state: u64,
    /// Elements already produced.
    index: usize,
    counter: usize,
    reverse: bool,
    /// `next_plain` saw a mutation; `next` raises it.
    failed: bool,
}

impl DequeIter {
    fn new(v: &Value, reverse: bool) -> Option<DequeIter> {
        let (n, state) = snapshot(dq(v)?);
        Some(DequeIter { deque: v.clone(), state, index: 0, counter: n, reverse, failed: false })
    }

    /// `Err(())`: the deque was mutated.
    #[inline]
    fn step(&mut self) -> Result<Option<Value>, ()> {
        let Some(d) = dq(&self.deque) else { return Ok(None) };
        let g = d.inner.lock();
        if g.state != self.state {
            self.counter = 0;
            return Err(());
        }
        if self.counter == 0 {
            return Ok(None);
        }
        let pos = if self.reverse { g.items.len().checked_sub(1 + self.index) } else { Some(self.index) };
        let item = pos.and_then(|p| g.items.get(p)).cloned();
        self.index += 1;
        self.counter -= 1;
        Ok(item)
    }
}

impl NativeIter for DequeIter {
    fn next(&mut self, _vm: &mut Vm) -> PyResult<Option<Value>> {
        if std::mem::take(&mut self.failed) {
            return Err(mutated());
        }
        self.step().map_err(|_| mutated())
    }
    #[inline]
    fn next_plain(&mut self) -> Option<Option<Value>> {
        match self.step() {
            Ok(v) => Some(v),
            Err(()) => {
                self.failed = true;
                None
            }
        }
    }
    fn trace(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.deque)
    }
    fn len_hint(&self) -> Option<usize> {
        Some(self.counter)
    }
}

fn iter_of(v: &Value, reverse: bool) -> PyResult {
    match DequeIter::new(v, reverse) {
        Some(it) => Ok(make_iter(it)),
        None => Err(descr_error("__iter__", "collections.deque", v)),
    }
}

fn iter(_vm: &mut Vm, a: Args) -> PyResult {
    this(&a, "__iter__")?;
    iter_of(&a.pos[0], false)
}

fn reversed(_vm: &mut Vm, a: Args) -> PyResult {
    no_args(&a, "__reversed__")?;
    this(&a, "__reversed__")?;
    iter_of(&a.pos[0], true)
}

/// `type(d).__name__`.
fn short_type_name(v: &Value) -> String {
    let t = type_of(v);
    let name = type_data(t).name.lock().to_string();
    match name.rsplit_once('.') {
        Some((_, short)) if !type_data(t).heap_type => short.to_string(),
        _ => name,
    }
}

fn repr(vm: &mut Vm, a: Args) -> PyResult {
    let d = this(&a, "__repr__")?;
    let Value::Obj(o) = &a.pos[0] else { return Err(type_error("deque.__repr__ needs a deque")) };
    let inner = crate::builtins::repr::with_guard(vm, o, |vm| {
        let (items, maxlen) = {
            let g = d.inner.lock();
            (g.items.iter().cloned().collect::<Vec<_>>(), g.maxlen)
        };
        let list = vm.repr(&Value::list(items))?;
        Ok((list, maxlen))
    })?;
    Ok(match inner {
        None => Value::str("[...]"),
        Some((list, Some(m))) => Value::string(format!("{}({list}, maxlen={m})", short_type_name(&a.pos[0]))),
        Some((list, None)) => Value::string(format!("{}({list})", short_type_name(&a.pos[0]))),
    })
}

fn reduce(_vm: &mut Vm, a: Args) -> PyResult {
    no_args(&a, "__reduce__")?;
    let d = this(&a, "__reduce__")?;
    let v = &a.pos[0];
    let cls = Value::Obj(type_of(v).clone());
    // `object.__getstate__`: the instance dict, or None when it is empty.
    let dict = match v {
        Value::Obj(o) if o.inst_dict().is_some_and(|t| !t.lock().is_empty()) => o.dict.as_ref().map(|d| Value::Obj(d.clone())).unwrap_or(Value::None),
        _ => Value::None,
    };
    let args = match d.inner.lock().maxlen {
        Some(m) => Value::tuple(vec![Value::tuple(vec![]), Value::Int(m as i64)]),
        None => Value::tuple(vec![]),
    };
    Ok(Value::tuple(vec![cls, args, dict, iter_of(v, false)?]))
}

/// CPython's `deque_richcompare`: element-wise like two iterators, with
/// the mutation check of each step.
fn compare(vm: &mut Vm, a: &Args, op: CmpOp) -> PyResult {
    let name = op.dunders().0;
    let d = this(a, name)?;
    let w = a.pos.get(1).ok_or_else(|| type_error("expected 1 argument, got 0"))?;
    let Some(e) = dq(w) else { return Ok(types().not_implemented.clone()) };
    let (vs, vstate) = snapshot(d);
    let (ws, wstate) = snapshot(e);
    if matches!(op, CmpOp::Eq | CmpOp::Ne) {
        let same = a.pos[0].is(w);
        if same || vs != ws {
            return Ok(Value::bool((op == CmpOp::Eq) == (same && vs == ws)));
        }
    }
    let mut i = 0;
    loop {
        let (x, xs) = item_at(d, i);
        if xs != vstate {
            return Err(mutated());
        }
        let (y, ys) = item_at(e, i);
        if ys != wstate {
            return Err(mutated());
        }
        let (Some(x), Some(y)) = (x, y) else {
            let (xe, ye) = (i >= vs, i >= ws);
            return Ok(Value::bool(match op {
                CmpOp::Lt => !ye,
                CmpOp::Le => xe,
                CmpOp::Eq => xe && ye,
                CmpOp::Ne => !(xe && ye),
                CmpOp::Gt => !xe,
                CmpOp::Ge => ye,
            }));
        };
        if !vm.eq(&x, &y)? {
            return match op {
                CmpOp::Eq => Ok(Value::bool(false)),
                CmpOp::Ne => Ok(Value::bool(true)),
                _ => vm.compare(&x, &y, op),
            };
        }
        i += 1;
    }
}

/// Nested deque comparisons on this thread: a self-containing deque
/// compared with another raises RecursionError instead of exhausting the
/// native stack (CPython's recursion limit in comparisons).
const MAX_COMPARE_DEPTH: u32 = 400;
thread_local! {
    static COMPARE_DEPTH: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

fn compare_guarded(vm: &mut Vm, a: &Args, op: CmpOp) -> PyResult {
    let depth = COMPARE_DEPTH.with(|c| c.get());
    if depth >= MAX_COMPARE_DEPTH {
        return Err(PyErr::new("RecursionError", "maximum recursion depth exceeded in comparison"));
    }
    COMPARE_DEPTH.with(|c| c.set(depth + 1));
    let r = compare(vm, a, op);
    // Saturating: a tasklet suspended inside a comparison may resume on
    // another worker thread.
    COMPARE_DEPTH.with(|c| c.set(c.get().saturating_sub(1)));
    r
}

fn eq(vm: &mut Vm, a: Args) -> PyResult {
    compare_guarded(vm, &a, CmpOp::Eq)
}
fn ne(vm: &mut Vm, a: Args) -> PyResult {
    compare_guarded(vm, &a, CmpOp::Ne)
}
fn lt(vm: &mut Vm, a: Args) -> PyResult {
    compare_guarded(vm, &a, CmpOp::Lt)
}
fn le(vm: &mut Vm, a: Args) -> PyResult {
    compare_guarded(vm, &a, CmpOp::Le)
}
fn gt(vm: &mut Vm, a: Args) -> PyResult {
    compare_guarded(vm, &a, CmpOp::Gt)
}
fn ge(vm: &mut Vm, a: Args) -> PyResult {
    compare_guarded(vm, &a, CmpOp::Ge)
}

fn binary_arg<'a>(a: &'a Args, name: &str) -> PyResult<(&'a DequeObj, &'a Value)> {
    let d = this(a, name)?;
    match a.pos.get(1) {
        Some(v) if a.pos.len() == 2 => Ok((d, v)),
        _ => Err(type_error(format!("expected 1 argument, got {}", a.pos.len().saturating_sub(1)))),
    }
}

fn add(vm: &mut Vm, a: Args) -> PyResult {
    let (_, other) = binary_arg(&a, "__add__")?;
    if dq(other).is_none() {
        return Err(type_error(format!("can only concatenate deque (not \"{}\") to deque", vtname(other))));
    }
    let new = copy_of(vm, &a.pos[0])?;
    let Some(nd) = dq(&new) else { return Err(type_error("deque copy is not a deque")) };
    extend_with(vm, &new, nd, other, false)?;
    Ok(new)
}

fn iadd(vm: &mut Vm, a: Args) -> PyResult {
    let (d, other) = binary_arg(&a, "__iadd__")?;
    extend_with(vm, &a.pos[0], d, other, false)?;
    Ok(a.pos[0].clone())
}

/// The count of `d * n`: `Ok(None)` when `n` is no index and the other
/// operand's reflected method should get its chance (NotImplemented).
fn repeat_count(vm: &mut Vm, n: &Value, reflected: bool) -> PyResult<Option<i64>> {
    let is_index = is_int(n) || (matches!(n, Value::Obj(_)) && lookup_in_type(type_of(n), "__index__").is_some());
    if is_index {
        return ssize(vm, n, || PyErr::new("OverflowError", "cannot fit 'int' into an index-sized integer")).map(Some);
    }
    let builtin_seq = matches!(n.payload(), Some(Payload::Str(_) | Payload::List(_) | Payload::Tuple(_) | Payload::Bytes(_) | Payload::ByteArray(_)));
    let user_reflects = matches!(n, Value::Obj(o) if o.class.is_some()) && lookup_in_type(type_of(n), if reflected { "__mul__" } else { "__rmul__" }).is_some();
    if (reflected && builtin_seq) || user_reflects {
        return Ok(None);
    }
    Err(type_error(format!("can't multiply sequence by non-int of type '{}'", vtname(n))))
}

/// CPython's `deque_inplace_repeat`.
fn repeat_in_place(d: &DequeObj, n: i64) -> PyResult<()> {
    let (items, maxlen) = {
        let g = d.inner.lock();
        (g.items.iter().cloned().collect::<Vec<_>>(), g.maxlen)
    };
    let size = items.len();
    if size == 0 || n == 1 {
        return Ok(());
    }
    if n <= 0 {
        let old = d.inner.lock().take_all();
        drop(old);
        return Ok(());
    }
    let mut n = n as u64;
    if let Some(m) = maxlen {
        if n.saturating_mul(size as u64) > m as u64 {
            n = (m as u64).div_ceil(size as u64);
        }
    }
    let total = (size as u64).checked_mul(n).filter(|t| *t <= 1 << 40);
    if total.is_none() {
        return Err(PyErr::new("MemoryError", ""));
    }
    let mut all = Vec::with_capacity(size * (n as usize - 1).max(1));
    for _ in 1..n {
        all.extend(items.iter().cloned());
    }
    if size == 1 {
        // One element repeated cannot overflow maxlen (n was capped above).
        let mut g = d.inner.lock();
        g.state = g.state.wrapping_add(1);
        g.items.extend(all);
        return Ok(());
    }
    push_all(d, all, false, maxlen);
    Ok(())
}

fn mul_impl(vm: &mut Vm, a: &Args, name: &str, reflected: bool) -> PyResult {
    let (_, n) = binary_arg(a, name)?;
    let Some(n) = repeat_count(vm, n, reflected)? else { return Ok(types().not_implemented.clone()) };
    let new = copy_of(vm, &a.pos[0])?;
    let Some(nd) = dq(&new) else { return Err(type_error("deque copy is not a deque")) };
    repeat_in_place(nd, n)?;
    Ok(new)
}

fn mul(vm: &mut Vm, a: Args) -> PyResult {
    mul_impl(vm, &a, "__mul__", false)
}

fn rmul(vm: &mut Vm, a: Args) -> PyResult {
    mul_impl(vm, &a, "__rmul__", true)
}

fn imul(vm: &mut Vm, a: Args) -> PyResult {
    let (d, n) = binary_arg(&a, "__imul__")?;
    let Some(n) = repeat_count(vm, n, false)? else { return Ok(types().not_implemented.clone()) };
    repeat_in_place(d, n)?;
    Ok(a.pos[0].clone())
}
