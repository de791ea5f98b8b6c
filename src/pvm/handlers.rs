//! Handlers for the opcodes not on the dispatch loop's hot path: names,
//! attributes, subscripts, containers, unpacking, iteration, exceptions,
//! `with`, functions, classes, imports, pattern matching and formatting.

use super::exc::{internal_error, name_error, type_error, value_error, PyErr};
use super::frame::Block;
use super::{PyResult, Vm};
use crate::bytecode::Op;
use crate::object::types::{type_of, types};
use crate::object::{Args, DictData, Function, Payload};
use crate::value::Value;
use parking_lot::Mutex;
use std::sync::Arc;

macro_rules! frame {
    ($vm:expr) => {
        match $vm.frames.last_mut() {
            Some(f) => f,
            None => return Err(internal_error("no frame")),
        }
    };
}

impl Vm {
    pub(super) fn step_other(&mut self, op: Op, arg: u32) -> PyResult<()> {
        match op {
            Op::LoadDeref | Op::LoadClassDeref => self.op_load_deref(op, arg),
            Op::StoreDeref => {
                let frame = frame!(self);
                let v = frame.pop();
                let cell = frame.slots[frame.code.nlocals() + arg as usize].clone();
                match cell.payload() {
                    Some(Payload::Cell(c)) => *c.lock() = v,
                    _ => return Err(internal_error("StoreDeref on a non-cell")),
                }
                Ok(())
            }
            Op::DeleteDeref => {
                let frame = frame!(self);
                let cell = frame.slots[frame.code.nlocals() + arg as usize].clone();
                if let Some(Payload::Cell(c)) = cell.payload() {
                    *c.lock() = Value::Null;
                }
                Ok(())
            }
            Op::LoadClosure => {
                let frame = frame!(self);
                let cell = frame.slots[frame.code.nlocals() + arg as usize].clone();
                frame.push(cell);
                Ok(())
            }
            Op::LoadName => self.op_load_name(arg),
            Op::StoreName => {
                let frame = frame!(self);
                let v = frame.pop();
                // A plain dict namespace (module and class bodies): stored
                // by pre-hashed name; the old value is dropped unlocked.
                let plain = match frame.locals().unwrap_or(&Value::Null) {
                    Value::Null => Some(&frame.globals),
                    Value::Obj(o) if o.class.is_none() => Some(o),
                    _ => None,
                };
                if let Some(Payload::Dict(d)) = plain.map(|o| &o.payload) {
                    let name = code_name(&frame.code.name_values[arg as usize])?;
                    let old = d.lock().replace_name_hinted(&name, v, &frame.code.name_hints[arg as usize]);
                    drop(old);
                    self.finalize_dropped();
                    return Ok(());
                }
                let key = frame.code.name_values[arg as usize].clone();
                let ns = frame.locals().cloned().unwrap_or(Value::Obj(frame.globals.clone()));
                self.setitem(&ns, key, v)
            }
            Op::DeleteName => {
                let frame = frame!(self);
                let key = frame.code.name_values[arg as usize].clone();
                let ns = frame.locals().cloned().unwrap_or(Value::Obj(frame.globals.clone()));
                self.delitem(&ns, &key).map_err(|e| {
                    if e.matches("KeyError") {
                        name_error(format!("name '{}' is not defined", key.as_str().unwrap_or("?")))
                    } else {
                        e
                    }
                })?;
                self.finalize_dropped();
                Ok(())
            }
            Op::LoadFastAttr | Op::LoadFastStoreAttr | Op::LoadFastIndex => self.load_fast(arg),
            Op::LoadGlobal => self.op_load_global(arg),
            Op::StoreGlobal => {
                let frame = frame!(self);
                let v = frame.pop();
                let key = frame.code.name_values[arg as usize].clone();
                if let Payload::Dict(d) = &frame.globals.payload {
                    d.lock().set_str(key, v);
                }
                Ok(())
            }
            Op::DeleteGlobal => {
                let frame = frame!(self);
                let name = frame.code.names[arg as usize].clone();
                if let Payload::Dict(d) = &frame.globals.payload {
                    if d.lock().del_str(&name).is_none() {
                        return Err(name_error(format!("name '{name}' is not defined")));
                    }
                }
                self.finalize_dropped();
                Ok(())
            }
            Op::LoadAttr => {
                let frame = frame!(self);
                let name = &frame.code.name_values[arg as usize];
                if let Some(Value::Obj(o)) = frame.slots.last() {
                    if let Some(v) = super::attr::plain_instance_get(o, name, &frame.code.name_hints[arg as usize]) {
                        // Replaces the receiver in place (borrowed, not cloned).
                        *frame.slots.last_mut().unwrap() = v;
                        return Ok(());
                    }
                }
                let obj = frame.pop();
                let name = frame.code.name_values[arg as usize].clone();
                let v = self.getattr_name(&obj, &code_name(&name)?)?;
                frame!(self).push(v);
                Ok(())
            }
            Op::StoreAttr => {
                let frame = frame!(self);
                let obj = frame.pop();
                let v = frame.pop();
                let v = match &obj {
                    Value::Obj(o) => match super::attr::plain_instance_set(o, &frame.code.name_values[arg as usize], v, &frame.code.name_hints[arg as usize]) {
                        Ok(()) => return Ok(()),
                        Err(v) => v,
                    },
                    _ => v,
                };
                let name = frame.code.name_values[arg as usize].clone();
                self.setattr(&obj, &name, v)
            }
            Op::DeleteAttr => {
                let frame = frame!(self);
                let obj = frame.pop();
                let name = frame.code.name_values[arg as usize].clone();
                self.delattr(&obj, &name)
            }
            Op::LoadMethod => self.op_load_method(arg),
            Op::BinarySubscr => {
                let frame = frame!(self);
                let key = frame.pop();
                let c = frame.pop();
                let user = matches!(&c, Value::Obj(o) if o.class.is_some());
                if user && self.push_dunder(&c, "__getitem__", vec![key.clone()], super::frame::ReturnMode::Normal)? {
                    return Ok(());
                }
                let v = self.getitem(&c, &key)?;
                frame!(self).push(v);
                Ok(())
            }
            Op::StoreSubscr => {
                let frame = frame!(self);
                let key = frame.pop();
                let c = frame.pop();
                let v = frame.pop();
                self.setitem(&c, key, v)
            }
            Op::DeleteSubscr => {
                let frame = frame!(self);
                let key = frame.pop();
                let c = frame.pop();
                self.delitem(&c, &key)?;
                self.finalize_dropped();
                Ok(())
            }
            Op::BuildSlice => {
                let frame = frame!(self);
                let step = if arg == 3 { frame.pop() } else { Value::None };
                let stop = frame.pop();
                let start = frame.pop();
                frame.push(Value::obj(Payload::Slice { start, stop, step }));
                Ok(())
            }
            Op::UnaryNegative | Op::UnaryPositive | Op::UnaryInvert => {
                let a = frame!(self).pop();
                let r = self.unary_op(&a, op)?;
                frame!(self).push(r);
                Ok(())
            }
            Op::UnaryNot => {
                let a = frame!(self).pop();
                let r = !self.truthy(&a)?;
                frame!(self).push(Value::bool(r));
                Ok(())
            }
            Op::IsOp => {
                let frame = frame!(self);
                let b = frame.pop();
                let a = frame.pop();
                frame.push(Value::bool(a.is(&b) != (arg == 1)));
                Ok(())
            }
            Op::ContainsOp => {
                let frame = frame!(self);
                let container = frame.pop();
                let item = frame.pop();
                let r = self.contains(&container, &item)?;
                frame!(self).push(Value::bool(r != (arg == 1)));
                Ok(())
            }
            Op::GetIter => {
                let v = frame!(self).pop();
                let it = self.iter(&v)?;
                frame!(self).push(it);
                Ok(())
            }
            Op::ForIter => self.op_for_iter(arg),
            Op::BuildTuple => {
                let frame = frame!(self);
                let items = frame.pop_n(arg as usize);
                frame.push(Value::tuple(items));
                Ok(())
            }
            Op::BuildList => {
                let frame = frame!(self);
                let items = frame.pop_n(arg as usize);
                frame.push(Value::list(items));
                Ok(())
            }
            Op::BuildSet => {
                let items = frame!(self).pop_n(arg as usize);
                let set = Value::obj(Payload::Set(Mutex::new(DictData::default())));
                for it in items {
                    self.set_add(&set, it)?;
                }
                frame!(self).push(set);
                Ok(())
            }
            Op::BuildMap => {
                let items = frame!(self).pop_n(2 * arg as usize);
                let d = Value::obj(Payload::Dict(Mutex::new(DictData::with_capacity(arg as usize))));
                let mut it = items.into_iter();
                while let (Some(k), Some(v)) = (it.next(), it.next()) {
                    self.setitem(&d, k, v)?;
                }
                frame!(self).push(d);
                Ok(())
            }
            Op::BuildString => {
                let frame = frame!(self);
                let parts = frame.pop_n(arg as usize);
                let mut s = String::new();
                for p in &parts {
                    s.push_str(p.as_str().unwrap_or(""));
                }
                frame.push(Value::string(s));
                Ok(())
            }
            Op::ListAppend | Op::SetAdd | Op::ListExtend | Op::SetUpdate | Op::DictUpdate | Op::DictMerge => {
                self.op_collection_add(op, arg)
            }
            Op::MapAdd => {
                let frame = frame!(self);
                let v = frame.pop();
                let k = frame.pop();
                let d = frame.peek(arg as usize).clone();
                self.setitem(&d, k, v)
            }
            Op::ListToTuple => {
                let frame = frame!(self);
                let l = frame.pop();
                let items = match l.payload() {
                    Some(Payload::List(items)) => items.lock().clone(),
                    _ => return Err(internal_error("ListToTuple on a non-list")),
                };
                frame.push(Value::tuple(items));
                Ok(())
            }
            Op::UnpackSequence => self.op_unpack(arg as usize),
            Op::UnpackEx => self.op_unpack_ex((arg & 0xff) as usize, (arg >> 8) as usize),
            Op::FormatValue => self.op_format_value(arg),
            Op::MakeFunction => self.op_make_function(arg),
            Op::GetYieldFromIter => {
                let v = frame!(self).pop();
                let it = match v.payload() {
                    Some(Payload::Generator(_)) => v,
                    _ => self.iter(&v)?,
                };
                frame!(self).push(it);
                Ok(())
            }
            Op::SetupFinally => {
                let frame = frame!(self);
                let depth = frame.slots.len() as u32;
                frame.push_block(Block { handler: arg, depth });
                Ok(())
            }
            Op::PopBlock => {
                frame!(self).pop_block();
                Ok(())
            }
            Op::PushExcInfo => {
                let frame = frame!(self);
                let exc = frame.pop();
                let prev = frame.replace_handled(Some(exc.clone())).unwrap_or(Value::None);
                frame.push(prev);
                frame.push(exc);
                Ok(())
            }
            Op::PopExcept => {
                let frame = frame!(self);
                let prev = frame.pop();
                frame.replace_handled(if prev.is_none() { None } else { Some(prev) });
                Ok(())
            }
            Op::Reraise => {
                let exc = frame!(self).pop();
                self.reraising = true;
                Err(PyErr::from_value(exc))
            }
            Op::RaiseVarargs => self.op_raise(arg),
            Op::CheckExcMatch => {
                let frame = frame!(self);
                let t = frame.pop();
                let exc = frame.top().clone();
                let m = self.exception_matches(&exc, &t)?;
                frame!(self).push(Value::bool(m));
                Ok(())
            }
            Op::JumpIfNotExcMatch => {
                let frame = frame!(self);
                let t = frame.pop();
                let exc = frame.pop();
                if !self.exception_matches(&exc, &t)? {
                    frame!(self).ip = arg as usize;
                }
                Ok(())
            }
            Op::BeforeWith => {
                let mgr = frame!(self).pop();
                let exit = self.getattr(&mgr, "__exit__").map_err(|_| {
                    type_error(format!(
                        "'{}' object does not support the context manager protocol",
                        crate::object::types::type_data(type_of(&mgr)).name.lock()
                    ))
                })?;
                let enter = self.getattr(&mgr, "__enter__")?;
                frame!(self).push(exit);
                // A Python `__enter__` runs as a heap frame (it may wait,
                // e.g. acquiring a lock); its result lands on this stack.
                self.call_from_frame(&enter, Args::default())
            }
            Op::WithExceptStart => {
                let frame = frame!(self);
                let exc = frame.peek(1).clone();
                let exit = frame.peek(3).clone();
                let tb = Value::None;
                let t = Value::Obj(type_of(&exc).clone());
                self.call_from_frame(&exit, Args::new(vec![t, exc, tb]))
            }
            Op::LoadBuildClass => {
                let v = self.rt.builtin("__build_class__").ok_or_else(|| name_error("__build_class__ not found"))?;
                frame!(self).push(v);
                Ok(())
            }
            Op::ImportName => self.op_import_name(arg),
            Op::ImportFrom => self.op_import_from(arg),
            Op::ImportStar => self.op_import_star(),
            Op::LoadAssertionError => {
                frame!(self).push(Value::Obj(crate::object::types::exc_type("AssertionError").clone()));
                Ok(())
            }
            Op::MatchClass => self.op_match_class(arg as usize),
            Op::MatchMapping => {
                let subject = frame!(self).top().clone();
                let r = self.is_mapping(&subject);
                frame!(self).push(Value::bool(r));
                Ok(())
            }
            Op::MatchSequence => {
                let subject = frame!(self).top().clone();
                let r = self.is_match_sequence(&subject);
                frame!(self).push(Value::bool(r));
                Ok(())
            }
            Op::MatchKeys => self.op_match_keys(),
            Op::GetLen => {
                let v = frame!(self).top().clone();
                let n = self.len(&v)?;
                frame!(self).push(Value::Int(n as i64));
                Ok(())
            }
            Op::CopyDictWithoutKeys => self.op_copy_dict_without_keys(),
            Op::SetupAnnotations => {
                let frame = frame!(self);
                let ns = frame.locals().cloned().unwrap_or(Value::Obj(frame.globals.clone()));
                if self.mapping_get(&ns, &Value::str("__annotations__"))?.is_none() {
                    let d = Value::obj(Payload::Dict(Default::default()));
                    self.setitem(&ns, Value::str("__annotations__"), d)?;
                }
                Ok(())
            }
            Op::PopIter => {
                drop(frame!(self).pop());
                self.run_generator_finalizers();
                Ok(())
            }
            _ => Err(internal_error(format!("opcode {:?} reached step_other", op))),
        }
    }

    fn op_load_deref(&mut self, op: Op, arg: u32) -> PyResult<()> {
        let frame = frame!(self);
        let ncell = frame.code.cellvars.len();
        let idx = arg as usize;
        let name = if idx < ncell { frame.code.cellvars[idx].clone() } else { frame.code.freevars[idx - ncell].clone() };
        if op == Op::LoadClassDeref {
            if let Some(ns) = frame.locals().cloned() {
                if let Some(v) = self.mapping_get(&ns, &Value::str(&name))? {
                    frame!(self).push(v);
                    return Ok(());
                }
            }
        }
        let frame = frame!(self);
        let cell = frame.slots[frame.code.nlocals() + idx].clone();
        let v = match cell.payload() {
            Some(Payload::Cell(c)) => c.lock().clone(),
            _ => Value::Null,
        };
        if v.is_null() {
            if idx < ncell {
                return Err(PyErr::new(
                    "UnboundLocalError",
                    format!("cannot access local variable '{name}' where it is not associated with a value"),
                ));
            }
            return Err(name_error(format!(
                "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
            )));
        }
        frame.push(v);
        Ok(())
    }

    /// `LoadGlobal`: the per-thread cache (`globalcache`), else globals then
    /// builtins (watching both), else NameError.
    pub(super) fn op_load_global(&mut self, arg: u32) -> PyResult<()> {
        let frame = frame!(self);
        let ip = frame.ip;
        let name = &frame.code.name_values[arg as usize];
        if let Some(v) = super::globalcache::get(&frame.code, &frame.globals, ip, name) {
            frame.push(v);
            return Ok(());
        }
        let v = match global_or_builtin_located(&frame.globals, &code_name(name)?) {
            Some((v, located)) => {
                super::globalcache::put(&frame.code, &frame.globals, ip, located);
                v
            }
            None => {
                let name = frame.code.names[arg as usize].clone();
                let globals = frame.globals.clone();
                self.load_global(&globals, &name)?
            }
        };
        frame!(self).push(v);
        Ok(())
    }

    /// `LoadMethod` once the inner loop (`fast.rs`) has found no plain
    /// method on the receiver's type: (attribute, Null).
    pub(super) fn op_load_method(&mut self, arg: u32) -> PyResult<()> {
        let frame = frame!(self);
        let obj = frame.pop();
        let name = frame.code.name_values[arg as usize].clone();
        let v = self.getattr_name(&obj, &code_name(&name)?)?;
        let frame = frame!(self);
        frame.push(v);
        frame.push(Value::Null);
        Ok(())
    }

    fn op_load_name(&mut self, arg: u32) -> PyResult<()> {
        // Fast path, all borrowed: a plain dict namespace (or none), then
        // globals and builtins by pre-hashed name.
        let frame = frame!(self);
        let module_level = match frame.locals() {
            None => true,
            Some(Value::Obj(o)) => Arc::ptr_eq(o, &frame.globals),
            Some(_) => false,
        };
        if module_level {
            // The namespace is the globals dict: a global load.
            return self.op_load_global(arg);
        }
        let name = code_name(&frame.code.name_values[arg as usize])?;
        let local = match frame.locals() {
            None => Some(None),
            Some(Value::Obj(o)) if o.class.is_none() => match &o.payload {
                Payload::Dict(d) => Some(d.lock().get_name(&name).cloned()),
                _ => None,
            },
            Some(_) => None,
        };
        let found = match local {
            Some(Some(v)) => Some(v),
            Some(None) => global_or_builtin(&frame.globals, &name),
            None => None,
        };
        if let Some(v) = found {
            frame.push(v);
            return Ok(());
        }
        self.op_load_name_slow(arg)
    }

    fn op_load_name_slow(&mut self, arg: u32) -> PyResult<()> {
        let frame = frame!(self);
        let key = frame.code.name_values[arg as usize].clone();
        let globals = frame.globals.clone();
        let locals = frame.locals().cloned();
        let name = code_name(&key)?;
        if let Some(ns) = locals {
            // A plain dict namespace (module and class bodies) is read by
            // name; anything else goes through the mapping protocol.
            let plain = match &ns {
                Value::Obj(o) if o.class.is_none() => match &o.payload {
                    Payload::Dict(d) => Some(d.lock().get_name(&name).cloned()),
                    _ => None,
                },
                _ => None,
            };
            let found = match plain {
                Some(found) => found,
                None => self.mapping_get(&ns, &key)?,
            };
            if let Some(v) = found {
                frame!(self).push(v);
                return Ok(());
            }
        }
        let v = match global_or_builtin(&globals, &name) {
            Some(v) => v,
            None => self.load_global(&globals, name.text)?,
        };
        frame!(self).push(v);
        Ok(())
    }

    /// Globals, then builtins; NameError otherwise.
    pub fn load_global(&mut self, globals: &crate::object::ObjRef, name: &str) -> PyResult {
        if let Payload::Dict(d) = &globals.payload {
            if let Some(v) = d.lock().get_str(name) {
                return Ok(v.clone());
            }
        }
        let builtins = match &globals.payload {
            Payload::Dict(d) => d.lock().get_str("__builtins__").cloned(),
            _ => None,
        };
        let from_builtins = match builtins.as_ref().and_then(|b| b.payload()) {
            Some(Payload::Module(m)) => match &m.dict.payload {
                Payload::Dict(d) => d.lock().get_str(name).cloned(),
                _ => None,
            },
            Some(Payload::Dict(d)) => d.lock().get_str(name).cloned(),
            _ => self.rt.builtin(name),
        };
        from_builtins.ok_or_else(|| name_error(format!("name '{name}' is not defined")))
    }

    fn op_collection_add(&mut self, op: Op, arg: u32) -> PyResult<()> {
        let frame = frame!(self);
        let v = frame.pop();
        let target = frame.peek(arg as usize).clone();
        match op {
            Op::ListAppend => {
                if let Some(Payload::List(l)) = target.payload() {
                    l.lock().push(v);
                }
                Ok(())
            }
            Op::SetAdd => self.set_add(&target, v),
            Op::ListExtend => {
                let items = self.collect(&v)?;
                if let Some(Payload::List(l)) = target.payload() {
                    l.lock().extend(items);
                }
                Ok(())
            }
            Op::SetUpdate => {
                for it in self.collect(&v)? {
                    self.set_add(&target, it)?;
                }
                Ok(())
            }
            Op::DictUpdate => {
                if !self.is_mapping(&v) {
                    return Err(type_error(format!(
                        "'{}' object is not a mapping",
                        crate::object::types::type_data(type_of(&v)).name.lock()
                    )));
                }
                self.dict_update(&target, &v)
            }
            Op::DictMerge => {
                for (k, val) in self.mapping_items(&v)? {
                    if self.mapping_get(&target, &k)?.is_some() {
                        return Err(type_error(format!(
                            "got multiple values for keyword argument '{}'",
                            k.as_str().unwrap_or("?")
                        )));
                    }
                    self.setitem(&target, k, val)?;
                }
                Ok(())
            }
            _ => Err(internal_error("bad collection op")),
        }
    }

    fn op_unpack(&mut self, n: usize) -> PyResult<()> {
        let seq = frame!(self).pop();
        if self.unpack_builtin(&seq, n) {
            return Ok(());
        }
        let items = match seq.payload() {
            Some(Payload::Tuple(t)) => t.to_vec(),
            Some(Payload::List(l)) => l.lock().clone(),
            _ => self.collect_limited(&seq, n + 1).map_err(|e| unpack_error(&seq, e))?,
        };
        if items.len() != n {
            return Err(if items.len() < n {
                value_error(format!("not enough values to unpack (expected {}, got {})", n, items.len()))
            } else {
                value_error(format!("too many values to unpack (expected {n})"))
            });
        }
        let frame = frame!(self);
        for v in items.into_iter().rev() {
            frame.push(v);
        }
        Ok(())
    }

    /// Unpacks a tuple or list of exactly `n` items straight onto the stack
    /// (no intermediate vector); false when the general path must run.
    #[inline]
    fn unpack_builtin(&mut self, seq: &Value, n: usize) -> bool {
        let Some(frame) = self.frames.last_mut() else { return false };
        match seq.payload() {
            Some(Payload::Tuple(t)) if t.len() == n => {
                frame.slots.extend(t.iter().rev().cloned());
                true
            }
            Some(Payload::List(l)) => {
                let l = l.lock();
                if l.len() != n {
                    return false;
                }
                frame.slots.extend(l.iter().rev().cloned());
                true
            }
            _ => false,
        }
    }

    fn op_unpack_ex(&mut self, before: usize, after: usize) -> PyResult<()> {
        let seq = frame!(self).pop();
        let mut items = self.collect(&seq).map_err(|e| unpack_error(&seq, e))?;
        if items.len() < before + after {
            return Err(value_error(format!(
                "not enough values to unpack (expected at least {}, got {})",
                before + after,
                items.len()
            )));
        }
        let tail = items.split_off(items.len() - after);
        let middle = items.split_off(before);
        let frame = frame!(self);
        for v in tail.into_iter().rev() {
            frame.push(v);
        }
        frame.push(Value::list(middle));
        for v in items.into_iter().rev() {
            frame.push(v);
        }
        Ok(())
    }

    fn op_format_value(&mut self, arg: u32) -> PyResult<()> {
        let frame = frame!(self);
        let spec = if arg & 4 != 0 { Some(frame.pop()) } else { None };
        let v = frame.pop();
        let v = match arg & 3 {
            1 => Value::string(self.str(&v)?),
            2 => Value::string(self.repr(&v)?),
            3 => Value::string(crate::pvm::ops::ascii_of(&self.repr(&v)?)),
            _ => v,
        };
        let spec_s = spec.as_ref().and_then(|s| s.as_str()).unwrap_or("");
        let s = if spec_s.is_empty() && v.as_str().is_some() { v } else { Value::string(self.format(&v, spec_s)?) };
        frame!(self).push(s);
        Ok(())
    }

    fn op_make_function(&mut self, arg: u32) -> PyResult<()> {
        let frame = frame!(self);
        let code_v = frame.pop();
        let closure = if arg & 8 != 0 { Some(frame.pop()) } else { None };
        let annotations = if arg & 4 != 0 { Some(frame.pop()) } else { None };
        let kwdefaults = if arg & 2 != 0 { Some(frame.pop()) } else { None };
        let defaults = if arg & 1 != 0 { Some(frame.pop()) } else { None };
        let globals = frame.globals.clone();
        let Some(Payload::Code(code)) = code_v.payload() else {
            return Err(internal_error("MakeFunction without a code object"));
        };
        let tuple_items = |v: Option<Value>| -> Option<Vec<Value>> {
            match v.as_ref().and_then(|v| v.payload()) {
                Some(Payload::Tuple(t)) => Some(t.to_vec()),
                _ => None,
            }
        };
        let func = Function {
            code: code.clone(),
            globals,
            name: Mutex::new(code.name.clone()),
            qualname: Mutex::new(code.qualname.clone()),
            defaults: Mutex::new(tuple_items(defaults).map(Arc::from)),
            kwdefaults: Mutex::new(kwdefaults.and_then(|v| v.as_obj().cloned())),
            closure: tuple_items(closure).map(|c| c.into_boxed_slice()),
            dict: Mutex::new(function_dict(annotations)),
        };
        frame!(self).push(Value::obj(Payload::Function(Box::new(func))));
        Ok(())
    }

    fn op_raise(&mut self, arg: u32) -> PyResult<()> {
        match arg {
            0 => match self.handled_exception() {
                Some(exc) => {
                    self.reraising = false;
                    Err(PyErr::from_value(exc))
                }
                None => Err(runtime_error_no_active()),
            },
            1 => {
                let exc = frame!(self).pop();
                Err(self.make_raisable(exc)?)
            }
            _ => {
                let frame = frame!(self);
                let cause = frame.pop();
                let exc = frame.pop();
                let err = self.make_raisable(exc)?;
                let cause = if cause.is_none() {
                    Value::None
                } else {
                    self.make_raisable(cause).map_err(|_| type_error("exception causes must derive from BaseException"))?.exc
                };
                if let Some(d) = err.data() {
                    *d.cause.lock() = cause;
                    *d.suppress_context.lock() = true;
                }
                Err(err)
            }
        }
    }

    /// `raise X`: instantiate a class, accept an instance, else TypeError.
    pub fn make_raisable(&mut self, v: Value) -> PyResult<PyErr> {
        if super::exc::is_exception_class(&v) {
            let inst = self.call0(&v)?;
            return Ok(PyErr::from_value(inst));
        }
        if super::exc::exc_data(&v).is_some() {
            return Ok(PyErr::from_value(v));
        }
        Err(type_error("exceptions must derive from BaseException"))
    }

    /// `except T:` matching (T a class or a tuple of classes).
    pub fn exception_matches(&mut self, exc: &Value, t: &Value) -> PyResult<bool> {
        match t.payload() {
            Some(Payload::Tuple(items)) => {
                for it in items.iter() {
                    if self.exception_matches(exc, it)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Some(Payload::Type(_)) if super::exc::is_exception_class(t) => {
                Ok(crate::object::types::is_subtype(type_of(exc), t.as_obj().unwrap()))
            }
            _ => Err(type_error("catching classes that do not inherit from BaseException is not allowed")),
        }
    }

    fn op_copy_dict_without_keys(&mut self) -> PyResult<()> {
        let frame = frame!(self);
        let keys = frame.pop();
        let subject = frame.top().clone();
        let d = Value::obj(Payload::Dict(Default::default()));
        for (k, v) in self.mapping_items(&subject)? {
            d.as_obj();
            self.setitem(&d, k, v)?;
        }
        for k in self.collect(&keys)? {
            self.delitem(&d, &k)?;
        }
        frame!(self).push(keys);
        frame!(self).push(d);
        Ok(())
    }

    fn op_match_keys(&mut self) -> PyResult<()> {
        let frame = frame!(self);
        let keys = frame.top().clone();
        let subject = frame.peek(2).clone();
        let mut values = Vec::new();
        for k in self.collect(&keys)? {
            match self.mapping_get(&subject, &k)? {
                Some(v) => values.push(v),
                None => {
                    frame!(self).push(Value::None);
                    return Ok(());
                }
            }
        }
        frame!(self).push(Value::tuple(values));
        Ok(())
    }

    fn op_match_class(&mut self, count: usize) -> PyResult<()> {
        let frame = frame!(self);
        let kwnames = frame.pop();
        let cls = frame.pop();
        let subject = frame.pop();
        if !matches!(cls.payload(), Some(Payload::Type(_))) {
            return Err(type_error("called match pattern must be a class"));
        }
        let cls_ref = cls.as_obj().unwrap().clone();
        if !crate::object::types::is_subtype(type_of(&subject), &cls_ref) {
            frame!(self).push(Value::None);
            return Ok(());
        }
        let mut out = Vec::new();
        if count > 0 {
            let match_args = crate::object::types::lookup_in_type(&cls_ref, "__match_args__");
            match match_args {
                Some(ma) => {
                    let names = self.collect(&ma)?;
                    if count > names.len() {
                        return Err(type_error(format!(
                            "{}() accepts {} positional sub-pattern{} ({} given)",
                            crate::object::types::type_data(&cls_ref).name.lock(),
                            names.len(),
                            if names.len() == 1 { "" } else { "s" },
                            count
                        )));
                    }
                    for n in names.iter().take(count) {
                        match self.getattr_opt(&subject, n.as_str().unwrap_or(""))? {
                            Some(v) => out.push(v),
                            None => {
                                frame!(self).push(Value::None);
                                return Ok(());
                            }
                        }
                    }
                }
                None if count == 1 && self_matching_builtin(&cls_ref) => out.push(subject.clone()),
                None => {
                    return Err(type_error(format!(
                        "{}() accepts 0 positional sub-patterns ({} given)",
                        crate::object::types::type_data(&cls_ref).name.lock(),
                        count
                    )))
                }
            }
        }
        for n in self.collect(&kwnames)? {
            match self.getattr_opt(&subject, n.as_str().unwrap_or(""))? {
                Some(v) => out.push(v),
                None => {
                    frame!(self).push(Value::None);
                    return Ok(());
                }
            }
        }
        frame!(self).push(Value::tuple(out));
        Ok(())
    }

    pub fn is_mapping(&self, v: &Value) -> bool {
        match v.payload() {
            Some(Payload::Dict(_)) => true,
            _ => {
                let t = type_of(v);
                crate::object::types::is_subtype(t, &types().dict)
                    || (matches!(v.payload(), Some(Payload::Instance))
                        && crate::object::types::lookup_in_type(t, "keys").is_some()
                        && crate::object::types::lookup_in_type(t, "__getitem__").is_some())
            }
        }
    }

    fn is_match_sequence(&self, v: &Value) -> bool {
        match v.payload() {
            Some(Payload::List(_)) | Some(Payload::Tuple(_)) | Some(Payload::Range { .. }) => true,
            Some(Payload::Str(_)) | Some(Payload::Bytes(_)) | Some(Payload::ByteArray(_)) | Some(Payload::Dict(_)) => false,
            Some(Payload::Instance) => {
                let t = type_of(v);
                crate::object::types::lookup_in_type(t, "__getitem__").is_some()
                    && crate::object::types::lookup_in_type(t, "__len__").is_some()
                    && crate::object::types::lookup_in_type(t, "keys").is_none()
            }
            _ => false,
        }
    }
}

fn self_matching_builtin(cls: &crate::object::ObjRef) -> bool {
    let t = types();
    [&t.bool_, &t.bytearray, &t.bytes, &t.dict, &t.float, &t.frozenset, &t.int, &t.list, &t.set, &t.str_, &t.tuple]
        .iter()
        .any(|b| Arc::ptr_eq(b, cls))
}

/// `name` in `globals`, then in its `__builtins__` module or dict, looked
/// up by pre-hashed name; `None` when absent (the caller falls back to
/// `load_global`, which also knows the runtime's builtins and raises).
#[inline]
fn global_or_builtin(globals: &crate::object::ObjRef, name: &crate::object::Name) -> Option<Value> {
    global_or_builtin_in(globals, name, false).map(|(v, _)| v)
}

/// `global_or_builtin`, watching the dicts it reads (see `globalcache`)
/// and returning where the value was found, tagged with the namespace
/// version read before the lookup.
fn global_or_builtin_located(globals: &crate::object::ObjRef, name: &crate::object::Name) -> Option<(Value, super::globalcache::Located)> {
    global_or_builtin_in(globals, name, true).map(|(v, at)| (v, at.expect("a watched lookup locates its value")))
}

/// Globals, then the builtins named by their `__builtins__`. With `watch`,
/// both dicts are marked watched before they are read, the namespace
/// version is read under the globals lock (before the lookup), and the
/// dict and entry index the value came from are returned with it.
fn global_or_builtin_in(
    globals: &crate::object::ObjRef,
    name: &crate::object::Name,
    watch: bool,
) -> Option<(Value, Option<super::globalcache::Located>)> {
    use super::globalcache::Located;
    use crate::object::dict::namespace_version;
    let Payload::Dict(d) = &globals.payload else { return None };
    let (builtins, version) = {
        let mut d = d.lock();
        if watch {
            d.watch();
        }
        let version = if watch { namespace_version() } else { 0 };
        if let Some(i) = d.index_of_name(name) {
            let located = watch.then(|| Located { dict: globals.clone(), index: i, version });
            return Some((d.value_at(i).clone(), located));
        }
        (d.get_name(&builtins_name()).cloned()?, version)
    };
    let dict = match builtins.payload() {
        Some(Payload::Module(m)) => m.dict.clone(),
        Some(Payload::Dict(_)) => builtins.as_obj()?.clone(),
        _ => return None,
    };
    let Payload::Dict(d) = &dict.payload else { return None };
    let mut d = d.lock();
    if watch {
        d.watch();
    }
    let i = d.index_of_name(name)?;
    let v = d.value_at(i).clone();
    drop(d);
    Some((v, watch.then(|| Located { dict, index: i, version })))
}

/// The interned `"__builtins__"`.
fn builtins_name() -> crate::object::Name<'static> {
    static NAME: std::sync::OnceLock<Value> = std::sync::OnceLock::new();
    let v = NAME.get_or_init(|| crate::object::pystr::intern("__builtins__"));
    crate::object::Name::from_value(v).expect("a str")
}

/// The `Name` of a code object's `str` name constant.
#[inline]
fn code_name(v: &Value) -> PyResult<crate::object::Name<'_>> {
    crate::object::Name::from_value(v).ok_or_else(|| internal_error("name constant is not a str"))
}

fn runtime_error_no_active() -> PyErr {
    super::exc::runtime_error("No active exception to reraise")
}

/// A new function's attribute dict: `__annotations__` when the def had any.
fn function_dict(annotations: Option<Value>) -> DictData {
    let mut d = DictData::default();
    if let Some(a) = annotations {
        d.set_str(Value::str("__annotations__"), a);
    }
    d
}

/// Unpacking a non-iterable says so as CPython does ("cannot unpack
/// non-iterable int object") instead of the generic iteration error.
fn unpack_error(seq: &Value, e: PyErr) -> PyErr {
    let tn = crate::object::types::type_data(crate::object::types::type_of(seq)).name.lock().to_string();
    if e.matches("TypeError") && e.data().map(|_| true).unwrap_or(false) {
        let args = super::exc::exc_args(&e.exc);
        if args.first().and_then(|a| a.as_str().map(|s| s == format!("'{tn}' object is not iterable"))).unwrap_or(false) {
            return type_error(format!("cannot unpack non-iterable {tn} object"));
        }
    }
    e
}
