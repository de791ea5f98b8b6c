//! `collections.deque`, native: a `VecDeque<Value>` behind the object's
//! mutex (`DequeObj`), with CPython 3.11's behaviour and messages.
//!
//! Invariants: the lock is held only for one single step (a push, a pop,
//! reading one element) and never while Python code runs (`__eq__`,
//! iteration of an argument, `__repr__` of an element). `state` counts
//! every change of element positions, as CPython's `deque->state` does:
//! iterators and element searches that ran Python code compare it and
//! raise "deque mutated during iteration" when it moved. Comparisons,
//! operators and iterators live in `deque_ops.rs`.

use super::deque_ops;
use crate::builtins::args::*;
use crate::builtins::{add_attr, add_classmethod, add_getset, add_method, add_staticmethod};
use crate::object::types::{new_type, type_data, types};
use crate::object::{Args, Layout, NativeObject, ObjRef, Payload};
use crate::pvm::exc::{index_error, runtime_error, type_error, value_error, PyErr};
use crate::pvm::{PyResult, Vm};
use crate::value::Value;
use parking_lot::Mutex;
use std::any::Any;
use std::collections::VecDeque;
use std::sync::{Arc, OnceLock};

pub struct DequeData {
    pub items: VecDeque<Value>,
    /// `None`: unbounded.
    pub maxlen: Option<usize>,
    /// Bumped whenever element positions change (see the module header).
    pub state: u64,
}

pub struct DequeObj {
    pub inner: Mutex<DequeData>,
}

impl DequeObj {
    pub fn new(items: VecDeque<Value>, maxlen: Option<usize>) -> DequeObj {
        DequeObj { inner: Mutex::new(DequeData { items, maxlen, state: 0 }) }
    }
}

impl NativeObject for DequeObj {
    fn type_obj(&self) -> &ObjRef {
        deque_type()
    }
    fn trace(&self, f: &mut dyn FnMut(&Value)) {
        // A deque being mutated by this thread is skipped rather than
        // deadlocking (as generators and iterators are).
        if let Some(g) = self.inner.try_lock() {
            g.items.iter().for_each(f)
        }
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn identity_eq_hash(&self) -> bool {
        false
    }
}

impl DequeData {
    /// CPython's `deque_append_internal`: the element trimmed off the other
    /// end (to be dropped after the lock is released), if any.
    #[inline]
    pub fn push(&mut self, x: Value, left: bool, maxlen: Option<usize>) -> Option<Value> {
        if left {
            self.items.push_front(x);
        } else {
            self.items.push_back(x);
        }
        self.state = self.state.wrapping_add(1);
        match maxlen {
            Some(m) if self.items.len() > m => {
                if left {
                    self.items.pop_back()
                } else {
                    self.items.pop_front()
                }
            }
            _ => None,
        }
    }

    /// Empties the deque, handing the old elements back for dropping
    /// outside the lock.
    pub fn take_all(&mut self) -> VecDeque<Value> {
        if self.items.is_empty() {
            return VecDeque::new();
        }
        self.state = self.state.wrapping_add(1);
        std::mem::take(&mut self.items)
    }

    /// CPython's `_deque_rotate`.
    pub fn rotate(&mut self, n: i64) {
        let len = self.items.len() as i64;
        if len <= 1 {
            return;
        }
        let half = len >> 1;
        let mut n = n;
        if n > half || n < -half {
            n %= len;
            if n > half {
                n -= len;
            } else if n < -half {
                n += len;
            }
        }
        self.state = self.state.wrapping_add(1);
        if n > 0 {
            self.items.rotate_right(n as usize);
        } else if n < 0 {
            self.items.rotate_left((-n) as usize);
        }
    }
}

/// The `collections.deque` type object.
pub fn deque_type() -> &'static ObjRef {
    static T: OnceLock<ObjRef> = OnceLock::new();
    T.get_or_init(|| {
        let t = new_type("collections.deque", Some(types().object.clone()), Layout::Deque, false);
        *type_data(&t).qualname.lock() = Arc::from("deque");
        install(&t);
        t
    })
}

fn install(t: &ObjRef) {
    add_attr(t, "__module__", Value::str("collections"));
    add_attr(
        t,
        "__doc__",
        Value::str("deque([iterable[, maxlen]]) --> deque object\n\nA list-like sequence optimized for data accesses near its endpoints."),
    );
    add_attr(t, "__hash__", Value::None);
    add_staticmethod(t, "__new__", "deque.__new__", deque_new);
    add_method(t, "__init__", "deque.__init__", deque_init);
    add_method(t, "append", "deque.append", append);
    add_method(t, "appendleft", "deque.appendleft", appendleft);
    add_method(t, "pop", "deque.pop", pop);
    add_method(t, "popleft", "deque.popleft", popleft);
    add_method(t, "extend", "deque.extend", extend);
    add_method(t, "extendleft", "deque.extendleft", extendleft);
    add_method(t, "clear", "deque.clear", clear);
    add_method(t, "copy", "deque.copy", copy);
    add_method(t, "__copy__", "deque.__copy__", copy);
    add_method(t, "count", "deque.count", deque_ops::count);
    add_method(t, "index", "deque.index", deque_ops::index);
    add_method(t, "insert", "deque.insert", insert);
    add_method(t, "remove", "deque.remove", deque_ops::remove);
    add_method(t, "reverse", "deque.reverse", reverse);
    add_method(t, "rotate", "deque.rotate", rotate);
    add_method(t, "__len__", "deque.__len__", len);
    add_method(t, "__getitem__", "deque.__getitem__", getitem);
    add_method(t, "__setitem__", "deque.__setitem__", setitem);
    add_method(t, "__delitem__", "deque.__delitem__", delitem);
    add_method(t, "__sizeof__", "deque.__sizeof__", sizeof);
    add_getset(t, "maxlen", maxlen_get, None);
    add_classmethod(t, "__class_getitem__", "deque.__class_getitem__", class_getitem);
    deque_ops::install(t);
}

/// The deque behind a value (a deque or an instance of a subclass).
#[inline]
pub fn dq(v: &Value) -> Option<&DequeObj> {
    match v.payload() {
        Some(Payload::Native(n)) => n.as_any().downcast_ref::<DequeObj>(),
        _ => None,
    }
}

/// The deque `self` of a method call.
#[inline]
pub fn this<'a>(a: &'a Args, method: &str) -> PyResult<&'a DequeObj> {
    match a.pos.first() {
        Some(v) => dq(v).ok_or_else(|| descr_error(method, "collections.deque", v)),
        None => Err(type_error(format!("descriptor '{method}' of 'collections.deque' object needs an argument"))),
    }
}

/// A METH_O method's argument check.
#[inline]
pub fn one_arg(a: &Args, method: &str) -> PyResult<()> {
    if !a.kw.is_empty() {
        return Err(type_error(format!("deque.{method}() takes no keyword arguments")));
    }
    let n = a.pos.len().saturating_sub(1);
    if n != 1 {
        return Err(type_error(format!("deque.{method}() takes exactly one argument ({n} given)")));
    }
    Ok(())
}

/// A METH_NOARGS method's argument check.
#[inline]
pub fn no_args(a: &Args, method: &str) -> PyResult<()> {
    if !a.kw.is_empty() {
        return Err(type_error(format!("deque.{method}() takes no keyword arguments")));
    }
    let n = a.pos.len().saturating_sub(1);
    if n != 0 {
        return Err(type_error(format!("deque.{method}() takes no arguments ({n} given)")));
    }
    Ok(())
}

/// An old-style positional-count check ("insert() takes exactly 2
/// arguments (1 given)").
pub fn count_args(a: &Args, method: &str, min: usize, max: usize) -> PyResult<usize> {
    if !a.kw.is_empty() {
        return Err(type_error(format!("{method}() takes no keyword arguments")));
    }
    let n = a.pos.len().saturating_sub(1);
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    if n < min || n > max {
        let (word, k) = if min == max {
            ("exactly", min)
        } else if n < min {
            ("at least", min)
        } else {
            ("at most", max)
        };
        return Err(type_error(format!("{method}() takes {word} {k} argument{} ({n} given)", plural(k))));
    }
    Ok(n)
}

/// A C `Py_ssize_t` from an index (`__index__`); `overflow` names the
/// error raised for values outside i64.
pub fn ssize(vm: &mut Vm, v: &Value, overflow: fn() -> PyErr) -> PyResult<i64> {
    if let Some(i) = small_int(v) {
        return Ok(i);
    }
    if int_value(v).is_some() {
        return Err(overflow());
    }
    match vm.to_index(v) {
        Err(e) if e.matches("OverflowError") => Err(overflow()),
        r => r,
    }
}

pub fn ssize_overflow() -> PyErr {
    PyErr::new("OverflowError", "Python int too large to convert to C ssize_t")
}

fn index_overflow() -> PyErr {
    index_error("cannot fit 'int' into an index-sized integer")
}

pub fn mutated() -> PyErr {
    runtime_error("deque mutated during iteration")
}

/// A new deque of class `cls` (the deque type or a subclass).
pub fn new_deque_of(cls: &Value, items: VecDeque<Value>, maxlen: Option<usize>) -> Value {
    make_instance(cls, deque_type(), Payload::Native(Box::new(DequeObj::new(items, maxlen))))
}

/// A new plain deque.
pub fn new_deque(items: VecDeque<Value>, maxlen: Option<usize>) -> Value {
    Value::obj(Payload::Native(Box::new(DequeObj::new(items, maxlen))))
}

fn deque_new(_vm: &mut Vm, a: Args) -> PyResult {
    let cls = a.pos.first().ok_or_else(|| type_error("deque.__new__(): not enough arguments"))?;
    match cls.as_obj() {
        Some(c) if matches!(c.payload, Payload::Type(_)) => {
            if !crate::object::types::is_subtype(c, deque_type()) {
                let n = tname(c);
                return Err(type_error(format!("collections.deque.__new__({n}): {n} is not a subtype of collections.deque")));
            }
        }
        _ => return Err(type_error(format!("collections.deque.__new__(X): X is not a type object ({})", vtname(cls)))),
    }
    Ok(new_deque_of(cls, VecDeque::new(), None))
}

/// `deque.__init__(iterable=(), maxlen=None)` with `PyArg_ParseTupleAndKeywords`'
/// messages.
fn deque_init(vm: &mut Vm, a: Args) -> PyResult {
    let d = this(&a, "__init__")?;
    let npos = a.pos.len() - 1;
    let total = npos + a.kw.len();
    if total > 2 {
        let kw = if npos == 0 { "keyword " } else { "" };
        return Err(type_error(format!("deque() takes at most 2 {kw}arguments ({total} given)")));
    }
    let mut params: [Option<Value>; 2] = [a.pos.get(1).cloned(), a.pos.get(2).cloned()];
    for (k, v) in &a.kw {
        let i = match &**k {
            "iterable" => 0,
            "maxlen" => 1,
            _ => return Err(type_error(format!("'{k}' is an invalid keyword argument for deque()"))),
        };
        if params[i].is_some() {
            return Err(type_error(format!("argument for deque() given by name ('{k}') and position ({})", i + 1)));
        }
        params[i] = Some(v.clone());
    }
    let [iterable, maxlen_arg] = params;
    let maxlen = match maxlen_arg {
        None | Some(Value::None) => None,
        Some(m) => {
            if !is_int(&m) {
                return Err(type_error("an integer is required"));
            }
            let n = small_int(&m).ok_or_else(ssize_overflow)?;
            if n < 0 {
                return Err(value_error("maxlen must be non-negative"));
            }
            Some(n as usize)
        }
    };
    let old = {
        let mut g = d.inner.lock();
        g.maxlen = maxlen;
        g.take_all()
    };
    drop(old);
    if let Some(it) = iterable {
        extend_with(vm, &a.pos[0], d, &it, false)?;
    }
    Ok(Value::None)
}

fn append(_vm: &mut Vm, a: Args) -> PyResult {
    one_arg(&a, "append")?;
    let d = this(&a, "append")?;
    let trimmed = {
        let mut g = d.inner.lock();
        let m = g.maxlen;
        g.push(a.pos[1].clone(), false, m)
    };
    drop(trimmed);
    Ok(Value::None)
}

fn appendleft(_vm: &mut Vm, a: Args) -> PyResult {
    one_arg(&a, "appendleft")?;
    let d = this(&a, "appendleft")?;
    let trimmed = {
        let mut g = d.inner.lock();
        let m = g.maxlen;
        g.push(a.pos[1].clone(), true, m)
    };
    drop(trimmed);
    Ok(Value::None)
}

fn pop_end(a: &Args, method: &str, left: bool) -> PyResult {
    no_args(a, method)?;
    let d = this(a, method)?;
    let mut g = d.inner.lock();
    let item = if left { g.items.pop_front() } else { g.items.pop_back() };
    match item {
        Some(x) => {
            g.state = g.state.wrapping_add(1);
            Ok(x)
        }
        None => Err(index_error("pop from an empty deque")),
    }
}

fn pop(_vm: &mut Vm, a: Args) -> PyResult {
    pop_end(&a, "pop", false)
}

fn popleft(_vm: &mut Vm, a: Args) -> PyResult {
    pop_end(&a, "popleft", true)
}

/// The elements of a built-in list or tuple (whose iteration runs no
/// Python code), copied out.
fn builtin_items(v: &Value) -> Option<Vec<Value>> {
    if user_overrides(v, "__iter__") {
        return None;
    }
    match v.payload()? {
        Payload::List(l) => Some(l.lock().clone()),
        Payload::Tuple(t) => Some(t.to_vec()),
        _ => None,
    }
}

/// Appends `items` (already copied out) under one lock.
pub fn push_all(d: &DequeObj, items: Vec<Value>, left: bool, maxlen: Option<usize>) {
    if maxlen == Some(0) {
        return;
    }
    let mut trimmed = Vec::new();
    {
        let mut g = d.inner.lock();
        for x in items {
            if let Some(t) = g.push(x, left, maxlen) {
                trimmed.push(t);
            }
        }
    }
    drop(trimmed);
}

/// CPython's `deque_extend` / `deque_extendleft`: elements are added one by
/// one as the iterable yields them (an exception keeps those already
/// added); `maxlen` is read once, at the start.
pub fn extend_with(vm: &mut Vm, selfv: &Value, d: &DequeObj, iterable: &Value, left: bool) -> PyResult<()> {
    let maxlen = d.inner.lock().maxlen;
    if iterable.is(selfv) {
        let items: Vec<Value> = d.inner.lock().items.iter().cloned().collect();
        push_all(d, items, left, maxlen);
        return Ok(());
    }
    if let Some(items) = builtin_items(iterable) {
        push_all(d, items, left, maxlen);
        return Ok(());
    }
    let it = vm.iter(iterable)?;
    while let Some(x) = vm.next(&it)? {
        if maxlen == Some(0) {
            continue;
        }
        let trimmed = d.inner.lock().push(x, left, maxlen);
        drop(trimmed);
    }
    Ok(())
}

fn extend(vm: &mut Vm, a: Args) -> PyResult {
    one_arg(&a, "extend")?;
    let d = this(&a, "extend")?;
    extend_with(vm, &a.pos[0], d, &a.pos[1], false)?;
    Ok(Value::None)
}

fn extendleft(vm: &mut Vm, a: Args) -> PyResult {
    one_arg(&a, "extendleft")?;
    let d = this(&a, "extendleft")?;
    extend_with(vm, &a.pos[0], d, &a.pos[1], true)?;
    Ok(Value::None)
}

fn clear(_vm: &mut Vm, a: Args) -> PyResult {
    no_args(&a, "clear")?;
    let old = this(&a, "clear")?.inner.lock().take_all();
    drop(old);
    Ok(Value::None)
}

/// CPython's `deque_copy`: a plain deque is copied directly; a subclass is
/// called as `type(d)(d)` or `type(d)(d, maxlen)`.
pub fn copy_of(vm: &mut Vm, v: &Value) -> PyResult {
    let Some(d) = dq(v) else { return Err(descr_error("copy", "collections.deque", v)) };
    let exact = matches!(v, Value::Obj(o) if o.class.is_none());
    if exact {
        let g = d.inner.lock();
        return Ok(new_deque(g.items.clone(), g.maxlen));
    }
    let cls = Value::Obj(crate::object::types::type_of(v).clone());
    let maxlen = d.inner.lock().maxlen;
    let mut args = vec![v.clone()];
    if let Some(m) = maxlen {
        args.push(Value::Int(m as i64));
    }
    let r = vm.call(&cls, Args::new(args))?;
    if dq(&r).is_none() {
        return Err(type_error(format!("{}() must return a deque, not {}", vtname(v), vtname(&r))));
    }
    Ok(r)
}

fn copy(vm: &mut Vm, a: Args) -> PyResult {
    no_args(&a, "copy")?;
    this(&a, "copy")?;
    copy_of(vm, &a.pos[0])
}

fn insert(vm: &mut Vm, a: Args) -> PyResult {
    count_args(&a, "insert", 2, 2)?;
    let d = this(&a, "insert")?;
    let index = ssize(vm, &a.pos[1], ssize_overflow)?;
    let mut g = d.inner.lock();
    let n = g.items.len() as i64;
    if g.maxlen == Some(n as usize) {
        return Err(index_error("deque already at its maximum size"));
    }
    let x = a.pos[2].clone();
    if index >= n {
        g.items.push_back(x);
    } else if index <= -n || index == 0 {
        g.items.push_front(x);
    } else {
        let pos = if index < 0 { index + n } else { index };
        g.items.insert(pos as usize, x);
    }
    g.state = g.state.wrapping_add(1);
    Ok(Value::None)
}

fn reverse(_vm: &mut Vm, a: Args) -> PyResult {
    no_args(&a, "reverse")?;
    // Like CPython, reversing in place does not invalidate iterators.
    let mut g = this(&a, "reverse")?.inner.lock();
    let n = g.items.len();
    for i in 0..n / 2 {
        g.items.swap(i, n - 1 - i);
    }
    Ok(Value::None)
}

fn rotate(vm: &mut Vm, a: Args) -> PyResult {
    if !a.kw.is_empty() {
        return Err(type_error("deque.rotate() takes no keyword arguments"));
    }
    let d = this(&a, "rotate")?;
    let nargs = a.pos.len() - 1;
    if nargs > 1 {
        return Err(type_error(format!("deque.rotate expected at most 1 argument, got {nargs}")));
    }
    let n = match a.pos.get(1) {
        Some(v) => ssize(vm, v, ssize_overflow)?,
        None => 1,
    };
    d.inner.lock().rotate(n);
    Ok(Value::None)
}

fn len(_vm: &mut Vm, a: Args) -> PyResult {
    let d = this(&a, "__len__")?;
    Ok(Value::Int(d.inner.lock().items.len() as i64))
}

/// A sequence index (`d[i]`): an int or `__index__` object, negative
/// counting from the end.
fn seq_index(vm: &mut Vm, k: &Value) -> PyResult<i64> {
    let has_index = is_int(k)
        || (matches!(k, Value::Obj(_)) && !is_slice(k) && crate::object::types::lookup_in_type(crate::object::types::type_of(k), "__index__").is_some());
    if !has_index {
        return Err(type_error(format!("sequence index must be integer, not '{}'", vtname(k))));
    }
    ssize(vm, k, index_overflow)
}

/// The position of index `i` in a deque of `len` elements.
fn position(i: i64, len: usize) -> PyResult<usize> {
    norm_index(i, len).ok_or_else(|| index_error("deque index out of range"))
}

fn getitem(vm: &mut Vm, a: Args) -> PyResult {
    let d = this(&a, "__getitem__")?;
    let k = a.pos.get(1).ok_or_else(|| type_error("expected 1 argument, got 0"))?;
    let i = seq_index(vm, k)?;
    let g = d.inner.lock();
    let p = position(i, g.items.len())?;
    Ok(g.items[p].clone())
}

fn setitem(vm: &mut Vm, a: Args) -> PyResult {
    let d = this(&a, "__setitem__")?;
    if a.pos.len() != 3 {
        return Err(type_error(format!("expected 2 arguments, got {}", a.pos.len() - 1)));
    }
    let i = seq_index(vm, &a.pos[1])?;
    let old = {
        let mut g = d.inner.lock();
        let p = position(i, g.items.len())?;
        std::mem::replace(&mut g.items[p], a.pos[2].clone())
    };
    drop(old);
    Ok(Value::None)
}

fn delitem(vm: &mut Vm, a: Args) -> PyResult {
    let d = this(&a, "__delitem__")?;
    let k = a.pos.get(1).ok_or_else(|| type_error("expected 1 argument, got 0"))?;
    let i = seq_index(vm, k)?;
    let old = {
        let mut g = d.inner.lock();
        let p = position(i, g.items.len())?;
        g.state = g.state.wrapping_add(1);
        g.items.remove(p)
    };
    drop(old);
    Ok(Value::None)
}

fn sizeof(_vm: &mut Vm, a: Args) -> PyResult {
    no_args(&a, "__sizeof__")?;
    let g = this(&a, "__sizeof__")?.inner.lock();
    Ok(Value::Int((64 + g.items.capacity() * std::mem::size_of::<Value>()) as i64))
}

fn maxlen_get(_vm: &mut Vm, a: Args) -> PyResult {
    let d = this(&a, "maxlen")?;
    Ok(match d.inner.lock().maxlen {
        Some(m) => Value::Int(m as i64),
        None => Value::None,
    })
}

/// `deque[int]`: a `collections._GenericAlias` (weft has no native
/// `types.GenericAlias`).
fn class_getitem(vm: &mut Vm, a: Args) -> PyResult {
    if a.pos.len() != 2 || !a.kw.is_empty() {
        return Err(type_error("__class_getitem__() takes exactly one argument"));
    }
    let m = vm.import_absolute("collections")?;
    let alias = vm.getattr(&m, "_GenericAlias")?;
    vm.call(&alias, Args::new(vec![a.pos[0].clone(), a.pos[1].clone()]))
}
