//! The iteration protocol: `iter()`, `next()`, collecting an iterable, and
//! the `ForIter` opcode (generators are resumed on the frame stack).

use super::exc::{internal_error, type_error};
use super::ops::type_name;
use super::{PyResult, Vm};
use crate::object::types::{lookup_in_type, type_of};
use crate::object::{NativeIter, Payload};
use crate::value::Value;
use parking_lot::Mutex;

/// The old sequence protocol: `obj[0]`, `obj[1]`, ... until IndexError.
struct SeqIter {
    seq: Value,
    index: i64,
    done: bool,
}

impl NativeIter for SeqIter {
    fn next(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        if self.done {
            return Ok(None);
        }
        match vm.getitem(&self.seq, &Value::Int(self.index)) {
            Ok(v) => {
                self.index += 1;
                Ok(Some(v))
            }
            Err(e) if e.matches("IndexError") || e.matches("StopIteration") => {
                self.done = true;
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }
    fn trace(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.seq)
    }
}

pub fn native_iter(it: impl NativeIter + 'static) -> Value {
    Value::obj(Payload::Iter(Mutex::new(Box::new(it))))
}

impl Vm {
    pub fn iter(&mut self, v: &Value) -> PyResult {
        if let Some(Payload::Generator(_) | Payload::Iter(_)) = v.payload() {
            return Ok(v.clone());
        }
        let user = matches!(v, Value::Obj(o) if o.class.is_some());
        if !user || lookup_in_type(type_of(v), "__iter__").map_or(true, |m| matches!(m.payload(), Some(Payload::NativeFunc(_)))) {
            if let Some(it) = crate::builtins::builtin_iter(self, v)? {
                return Ok(it);
            }
        }
        if let Some(it) = self.call_special(v, "__iter__", vec![])? {
            if it.is_none() && lookup_in_type(type_of(v), "__iter__").map_or(false, |m| m.is_none()) {
                return Err(type_error(format!("'{}' object is not iterable", type_name(v))));
            }
            let ok = matches!(it.payload(), Some(Payload::Generator(_) | Payload::Iter(_)))
                || lookup_in_type(type_of(&it), "__next__").is_some();
            if !ok {
                return Err(type_error(format!("iter() returned non-iterator of type '{}'", type_name(&it))));
            }
            return Ok(it);
        }
        if lookup_in_type(type_of(v), "__getitem__").is_some() {
            return Ok(native_iter(SeqIter { seq: v.clone(), index: 0, done: false }));
        }
        Err(type_error(format!("'{}' object is not iterable", type_name(v))))
    }

    /// The next item, or `None` when exhausted.
    pub fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        match it.payload() {
            Some(Payload::Iter(m)) => {
                let mut guard = match m.try_lock() {
                    Some(g) => g,
                    None => m.lock(),
                };
                guard.next(self)
            }
            Some(Payload::Generator(_)) => match self.gen_resume(it.as_obj().unwrap(), Value::None, None)? {
                super::gen::GenResult::Yielded(v) => Ok(Some(v)),
                super::gen::GenResult::Returned(_) => Ok(None),
            },
            _ => match self.call_special(it, "__next__", vec![]) {
                Ok(Some(v)) => Ok(Some(v)),
                Ok(None) => Err(type_error(format!("'{}' object is not an iterator", type_name(it)))),
                Err(e) if e.matches("StopIteration") => Ok(None),
                Err(e) => Err(e),
            },
        }
    }

    /// All items of an iterable.
    pub fn collect(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        if let Value::Obj(o) = v {
            if o.class.is_none() {
                match &o.payload {
                    Payload::List(l) => return Ok(l.lock().clone()),
                    Payload::Tuple(t) => return Ok(t.to_vec()),
                    _ => {}
                }
            }
        }
        let it = self.iter(v)?;
        let mut out = Vec::new();
        while let Some(x) = self.next(&it)? {
            out.push(x);
        }
        Ok(out)
    }

    /// At most `limit` items (unpacking stops early on a too-long iterable).
    pub fn collect_limited(&mut self, v: &Value, limit: usize) -> PyResult<Vec<Value>> {
        let it = self.iter(v)?;
        let mut out = Vec::new();
        while out.len() < limit {
            match self.next(&it)? {
                Some(x) => out.push(x),
                None => break,
            }
        }
        Ok(out)
    }

    /// `ForIter target`.
    pub(super) fn op_for_iter(&mut self, target: u32) -> PyResult<()> {
        let frame = self.frames.last_mut().ok_or_else(|| internal_error("no frame"))?;
        let it = frame.top().clone();
        if let Some(Payload::Generator(_)) = it.payload() {
            return self.for_iter_generator(it.as_obj().unwrap(), target);
        }
        if self.push_dunder(&it, "__next__", vec![], super::frame::ReturnMode::IterNext(target))? {
            return Ok(());
        }
        let next = self.next(&it)?;
        let frame = self.frames.last_mut().ok_or_else(|| internal_error("no frame"))?;
        match next {
            Some(v) => frame.push(v),
            None => {
                frame.pop();
                frame.ip = target as usize;
            }
        }
        Ok(())
    }
}
