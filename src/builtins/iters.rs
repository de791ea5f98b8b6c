//! Native iterators: over sequences, ranges, dicts/sets (with CPython's
//! "changed size during iteration" check), and the lazy builtins
//! (enumerate, zip, map, filter, reversed, callable_iterator).

use super::args::user_overrides;
use crate::object::{DictData, DictViewKind, NativeIter, ObjRef, Payload};
use crate::pvm::exc::{runtime_error, value_error};
use crate::pvm::{PyResult, Vm};
use crate::value::Value;
use num_bigint::BigInt;
use parking_lot::Mutex;

/// Wraps a native iterator as a Python value.
pub fn make_iter(it: impl NativeIter + 'static) -> Value {
    Value::obj(Payload::Iter(Mutex::new(Box::new(it))))
}

/// See `builtins::builtin_iter`.
pub fn builtin_iter(_vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let Value::Obj(o) = v else { return Ok(None) };
    if user_overrides(v, "__iter__") {
        return Ok(None);
    }
    Ok(Some(match &o.payload {
        Payload::List(_) | Payload::Tuple(_) | Payload::Bytes(_) | Payload::ByteArray(_) => {
            make_iter(SeqIter { seq: v.clone(), i: 0 })
        }
        Payload::Str(_) => make_iter(StrIter { s: v.clone(), pos: 0 }),
        Payload::Range { start, stop, step } => make_iter(RangeIter::new(*start, *stop, *step)),
        Payload::Dict(_) => make_iter(DictIter::new(o.clone(), DictViewKind::Keys)),
        Payload::Set(_) | Payload::FrozenSet(_) => make_iter(SetIter::new(o.clone())),
        Payload::DictView { dict, kind } => make_iter(DictIter::new(dict.clone(), *kind)),
        Payload::Iter(_) => v.clone(),
        _ => return Ok(None),
    }))
}

/// Index-based iterator over list/tuple/bytes/bytearray.
pub struct SeqIter {
    pub seq: Value,
    pub i: usize,
}

impl SeqIter {
    #[inline]
    fn step(&mut self) -> Option<Value> {
        let r = seq_item(&self.seq, self.i);
        if r.is_some() {
            self.i += 1;
        } else {
            self.seq = Value::tuple(vec![]);
        }
        r
    }
}

/// Element `i` of a built-in sequence payload.
pub fn seq_item(seq: &Value, i: usize) -> Option<Value> {
    match seq.payload()? {
        Payload::List(l) => l.lock().get(i).cloned(),
        Payload::Tuple(t) => t.get(i).cloned(),
        Payload::Bytes(b) => b.get(i).map(|b| Value::Int(*b as i64)),
        Payload::ByteArray(b) => b.lock().get(i).map(|b| Value::Int(*b as i64)),
        Payload::Str(s) => s.char_at(i).map(|c| Value::string(c.to_string())),
        _ => None,
    }
}

fn seq_len(seq: &Value) -> usize {
    match seq.payload() {
        Some(Payload::List(l)) => l.lock().len(),
        Some(Payload::Tuple(t)) => t.len(),
        Some(Payload::Bytes(b)) => b.len(),
        Some(Payload::ByteArray(b)) => b.lock().len(),
        Some(Payload::Str(s)) => s.char_len(),
        _ => 0,
    }
}

impl NativeIter for SeqIter {
    fn next(&mut self, _vm: &mut Vm) -> PyResult<Option<Value>> {
        Ok(self.step())
    }
    #[inline]
    fn next_plain(&mut self) -> Option<Option<Value>> {
        Some(self.step())
    }
    fn trace(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.seq)
    }
    fn len_hint(&self) -> Option<usize> {
        Some(seq_len(&self.seq).saturating_sub(self.i))
    }
}

/// Iterator over a str's characters (byte position based).
pub struct StrIter {
    pub s: Value,
    pub pos: usize,
}

impl NativeIter for StrIter {
    fn next(&mut self, _vm: &mut Vm) -> PyResult<Option<Value>> {
        let s = self.s.as_str().unwrap_or("");
        match s.get(self.pos..).and_then(|r| r.chars().next()) {
            Some(c) => {
                self.pos += c.len_utf8();
                Ok(Some(Value::string(c.to_string())))
            }
            None => Ok(None),
        }
    }
    fn trace(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.s)
    }
}

/// Iterator over a range (i128 arithmetic: never overflows).
pub struct RangeIter {
    cur: i128,
    step: i128,
    remaining: u128,
}

impl RangeIter {
    pub fn new(start: i64, stop: i64, step: i64) -> RangeIter {
        RangeIter { cur: start as i128, step: step as i128, remaining: range_len(start, stop, step) }
    }
    /// A reversed range iterator.
    pub fn reversed(start: i64, stop: i64, step: i64) -> RangeIter {
        let n = range_len(start, stop, step);
        let last = start as i128 + (n as i128 - 1) * step as i128;
        RangeIter { cur: last, step: -(step as i128), remaining: n }
    }
}

impl RangeIter {
    #[inline]
    fn step(&mut self) -> Option<Value> {
        if self.remaining == 0 {
            return None;
        }
        self.remaining -= 1;
        let v = self.cur;
        self.cur += self.step;
        Some(Value::Int(v as i64))
    }
}

/// Number of elements of `range(start, stop, step)`.
pub fn range_len(start: i64, stop: i64, step: i64) -> u128 {
    let (a, b, s) = (start as i128, stop as i128, step as i128);
    if s > 0 && a < b {
        ((b - a - 1) / s + 1) as u128
    } else if s < 0 && a > b {
        ((a - b - 1) / (-s) + 1) as u128
    } else {
        0
    }
}

impl NativeIter for RangeIter {
    fn next(&mut self, _vm: &mut Vm) -> PyResult<Option<Value>> {
        Ok(self.step())
    }
    #[inline]
    fn next_plain(&mut self) -> Option<Option<Value>> {
        Some(self.step())
    }
    fn trace(&self, _f: &mut dyn FnMut(&Value)) {}
    fn len_hint(&self) -> Option<usize> {
        Some(self.remaining.min(usize::MAX as u128) as usize)
    }
}

/// Iterator over a dict's keys/values/items, or a set's elements.
pub struct DictIter {
    obj: ObjRef,
    kind: DictViewKind,
    pos: usize,
    len0: usize,
    version0: u64,
    started: bool,
    done: bool,
}

impl DictIter {
    pub fn new(obj: ObjRef, kind: DictViewKind) -> DictIter {
        DictIter { obj, kind, pos: 0, len0: 0, version0: 0, started: false, done: false }
    }
}

/// Runs `f` on the DictData of a dict/set/frozenset payload.
pub fn with_dict_data<T>(o: &ObjRef, f: impl FnOnce(&DictData) -> T) -> Option<T> {
    match &o.payload {
        Payload::Dict(d) | Payload::Set(d) => Some(f(&d.lock())),
        Payload::FrozenSet(d) => Some(f(d)),
        _ => None,
    }
}

/// The dict or set under a `DictIter` changed during iteration.
struct ChangedDuringIteration;

impl DictIter {
    /// The next item, or the end; `Err` when the dict or set changed since
    /// the iteration started (the iterator is left as it was).
    fn step(&mut self) -> Result<Option<Value>, ChangedDuringIteration> {
        if self.done {
            return Ok(None);
        }
        let (started, len0, version0, pos, kind) = (self.started, self.len0, self.version0, self.pos, self.kind);
        let r = with_dict_data(&self.obj, |d| {
            if started && (d.len() != len0 || d.version != version0) {
                return Err(ChangedDuringIteration);
            }
            let item = d.next_from(pos).map(|(e, next)| {
                let v = match kind {
                    DictViewKind::Keys => e.key.clone(),
                    DictViewKind::Values => e.value.clone(),
                    DictViewKind::Items => Value::tuple(vec![e.key.clone(), e.value.clone()]),
                };
                (v, next)
            });
            Ok((item, d.len(), d.version))
        });
        let (item, len, version) = match r {
            Some(r) => r?,
            None => return Ok(None),
        };
        if !self.started {
            self.started = true;
            self.len0 = len;
            self.version0 = version;
        }
        match item {
            Some((v, next)) => {
                self.pos = next;
                Ok(Some(v))
            }
            None => {
                self.done = true;
                Ok(None)
            }
        }
    }

    /// The error CPython raises for a change during iteration.
    fn changed_error(&self) -> crate::pvm::exc::PyErr {
        let is_set = !matches!(self.obj.payload, Payload::Dict(_));
        let size_changed = with_dict_data(&self.obj, |d| d.len() != self.len0).unwrap_or(true);
        match (is_set, size_changed) {
            (true, _) => runtime_error("Set changed size during iteration"),
            (false, true) => runtime_error("dictionary changed size during iteration"),
            (false, false) => runtime_error("dictionary keys changed during iteration"),
        }
    }
}

impl NativeIter for DictIter {
    fn next(&mut self, _vm: &mut Vm) -> PyResult<Option<Value>> {
        self.step().map_err(|_| self.changed_error())
    }
    #[inline]
    fn next_plain(&mut self) -> Option<Option<Value>> {
        // A change during iteration takes the general path, which raises.
        self.step().ok()
    }
    fn trace(&self, f: &mut dyn FnMut(&Value)) {
        f(&Value::Obj(self.obj.clone()))
    }
    fn len_hint(&self) -> Option<usize> {
        with_dict_data(&self.obj, |d| d.len())
    }
}

/// `reversed()` over a sequence (`__len__` + `__getitem__`, or a builtin).
pub struct ReversedSeq {
    pub seq: Value,
    /// Next index to yield + 1 (0 = exhausted).
    pub i: usize,
    pub native: bool,
}

impl NativeIter for ReversedSeq {
    fn next(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        if self.i == 0 {
            return Ok(None);
        }
        self.i -= 1;
        if self.native {
            let len = seq_len(&self.seq);
            if self.i >= len {
                self.i = 0;
                return Ok(None);
            }
            return Ok(seq_item(&self.seq, self.i));
        }
        match vm.getitem(&self.seq, &Value::Int(self.i as i64)) {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.matches("IndexError") || e.matches("StopIteration") => {
                self.i = 0;
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }
    fn trace(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.seq)
    }
    fn len_hint(&self) -> Option<usize> {
        Some(self.i)
    }
}

/// `enumerate(iterable, start)`.
pub struct Enumerate {
    pub it: Value,
    pub n: i64,
    pub big: Option<BigInt>,
}

impl NativeIter for Enumerate {
    fn next(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let Some(v) = vm.next(&self.it)? else { return Ok(None) };
        let idx = match &mut self.big {
            Some(b) => {
                let r = Value::bigint(b.clone());
                *b += 1;
                r
            }
            None => {
                let r = Value::Int(self.n);
                match self.n.checked_add(1) {
                    Some(n) => self.n = n,
                    None => self.big = Some(BigInt::from(self.n) + 1),
                }
                r
            }
        };
        Ok(Some(Value::tuple(vec![idx, v])))
    }
    fn trace(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.it)
    }
}

/// `zip(*iterables, strict=False)`.
pub struct Zip {
    pub its: Vec<Value>,
    pub strict: bool,
    pub done: bool,
}

impl NativeIter for Zip {
    fn next(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        if self.done || self.its.is_empty() {
            return Ok(None);
        }
        let mut out = Vec::with_capacity(self.its.len());
        for i in 0..self.its.len() {
            let it = self.its[i].clone();
            match vm.next(&it)? {
                Some(v) => out.push(v),
                None => {
                    self.done = true;
                    if self.strict {
                        return self.strict_error(vm, i);
                    }
                    return Ok(None);
                }
            }
        }
        Ok(Some(Value::tuple(out)))
    }
    fn trace(&self, f: &mut dyn FnMut(&Value)) {
        self.its.iter().for_each(f)
    }
}

impl Zip {
    fn strict_error(&mut self, vm: &mut Vm, i: usize) -> PyResult<Option<Value>> {
        if i > 0 {
            let s = if i == 1 { " " } else { "s 1-" };
            return Err(value_error(format!("zip() argument {} is shorter than argument{}{}", i + 1, s, i)));
        }
        for j in 1..self.its.len() {
            let it = self.its[j].clone();
            if vm.next(&it)?.is_some() {
                let s = if j == 1 { " " } else { "s 1-" };
                return Err(value_error(format!("zip() argument {} is longer than argument{}{}", j + 1, s, j)));
            }
        }
        Ok(None)
    }
}

/// `map(func, *iterables)`.
pub struct Map {
    pub func: Value,
    pub its: Vec<Value>,
}

impl NativeIter for Map {
    fn next(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let mut args = Vec::with_capacity(self.its.len());
        for it in self.its.clone() {
            match vm.next(&it)? {
                Some(v) => args.push(v),
                None => return Ok(None),
            }
        }
        let f = self.func.clone();
        vm.call(&f, crate::object::Args::new(args)).map(Some)
    }
    fn trace(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.func);
        self.its.iter().for_each(f)
    }
}

/// `filter(func or None, iterable)`.
pub struct Filter {
    pub func: Value,
    pub it: Value,
}

impl NativeIter for Filter {
    fn next(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let it = self.it.clone();
        let f = self.func.clone();
        while let Some(v) = vm.next(&it)? {
            let keep = if f.is_none() {
                vm.truthy(&v)?
            } else {
                let r = vm.call1(&f, v.clone())?;
                vm.truthy(&r)?
            };
            if keep {
                return Ok(Some(v));
            }
        }
        Ok(None)
    }
    fn trace(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.func);
        f(&self.it)
    }
}

/// `iter(callable, sentinel)`.
pub struct CallableIter {
    pub func: Value,
    pub sentinel: Value,
    pub done: bool,
}

impl NativeIter for CallableIter {
    fn next(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        if self.done {
            return Ok(None);
        }
        let f = self.func.clone();
        let v = match vm.call0(&f) {
            Ok(v) => v,
            Err(e) if e.matches("StopIteration") => {
                self.done = true;
                return Ok(None);
            }
            Err(e) => return Err(e),
        };
        let s = self.sentinel.clone();
        if v.is(&s) || vm.eq(&v, &s)? {
            self.done = true;
            return Ok(None);
        }
        Ok(Some(v))
    }
    fn trace(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.func);
        f(&self.sentinel)
    }
}

/// An iterator over a fixed vector of values.
pub struct VecIter {
    pub items: std::vec::IntoIter<Value>,
}

impl NativeIter for VecIter {
    fn next(&mut self, _vm: &mut Vm) -> PyResult<Option<Value>> {
        Ok(self.items.next())
    }
    fn trace(&self, f: &mut dyn FnMut(&Value)) {
        self.items.as_slice().iter().for_each(f)
    }
    fn len_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

/// An iterator value over `items`.
pub fn vec_iter(items: Vec<Value>) -> Value {
    make_iter(VecIter { items: items.into_iter() })
}

/// Iterator over a set/frozenset in CPython's order (a snapshot of the
/// order, with the size-change check on every step).
pub struct SetIter {
    obj: ObjRef,
    keys: std::vec::IntoIter<Value>,
    len0: usize,
    version0: u64,
}

impl SetIter {
    pub fn new(obj: ObjRef) -> SetIter {
        let (keys, len0, version0) =
            with_dict_data(&obj, |d| (crate::builtins::setorder::cpython_order(d), d.len(), d.version)).unwrap_or_default();
        SetIter { obj, keys: keys.into_iter(), len0, version0 }
    }
}

impl NativeIter for SetIter {
    fn next(&mut self, _vm: &mut Vm) -> PyResult<Option<Value>> {
        let (len, version) = with_dict_data(&self.obj, |d| (d.len(), d.version)).unwrap_or((0, 0));
        if len != self.len0 || version != self.version0 {
            self.keys = Vec::new().into_iter();
            self.len0 = usize::MAX;
            return Err(runtime_error("Set changed size during iteration"));
        }
        Ok(self.keys.next())
    }
    fn trace(&self, f: &mut dyn FnMut(&Value)) {
        f(&Value::Obj(self.obj.clone()));
        self.keys.as_slice().iter().for_each(f)
    }
    fn len_hint(&self) -> Option<usize> {
        Some(self.keys.len())
    }
}
