//! Calling: binding arguments to a function's parameters, and dispatching a
//! call on any callable. `invoke` never runs Python code itself: for a
//! Python function it returns the new `Frame` for the caller to push (the
//! heap-frame path); native functions run at once.

use super::exc::{type_error, PyErr};
use super::frame::{Frame, ReturnMode};
use super::{PyResult, Vm};
use crate::bytecode::flags;
use crate::object::types::{type_data, type_of, types};
use crate::object::{Args, Function, ObjRef, Payload};
use crate::value::Value;
use std::sync::Arc;

/// What a call turned into.
pub enum Callee {
    /// A Python frame to push and run.
    Frame(Box<Frame>),
    /// The call already completed (native function).
    Done(Value),
}

impl Vm {
    /// Prepares a call of `f` with `args`.
    pub fn invoke(&mut self, f: &Value, mut args: Args) -> PyResult<Callee> {
        let Value::Obj(o) = f else {
            return Err(not_callable(f));
        };
        match &o.payload {
            Payload::Function(func) => {
                let frame = self.function_frame(o, func, args)?;
                if func.code.has_flag(flags::GENERATOR) {
                    return Ok(Callee::Done(super::gen::make_generator(*frame)));
                }
                Ok(Callee::Frame(frame))
            }
            Payload::NativeFunc(nf) => {
                if !nf.bound.is_null() {
                    args.pos.insert(0, nf.bound.clone());
                }
                Ok(Callee::Done((nf.func)(self, args)?))
            }
            Payload::BoundMethod { func, this } => {
                args.pos.insert(0, this.clone());
                let func = func.clone();
                self.invoke(&func, args)
            }
            Payload::Type(_) => self.construct(o, args),
            _ => {
                let t = type_of(f).clone();
                match crate::object::types::lookup_in_type(&t, "__call__") {
                    Some(call) => {
                        args.pos.insert(0, f.clone());
                        self.invoke(&call, args)
                    }
                    None => Err(not_callable(f)),
                }
            }
        }
    }

    /// Calls `f` and runs it to completion (nested dispatch loop if needed).
    pub fn call(&mut self, f: &Value, args: Args) -> PyResult {
        match self.invoke(f, args)? {
            Callee::Done(v) => Ok(v),
            Callee::Frame(frame) => self.run_frame(frame),
        }
    }
    pub fn call0(&mut self, f: &Value) -> PyResult {
        self.call(f, Args::default())
    }
    pub fn call1(&mut self, f: &Value, a: Value) -> PyResult {
        self.call(f, Args::new(vec![a]))
    }
    pub fn call2(&mut self, f: &Value, a: Value, b: Value) -> PyResult {
        self.call(f, Args::new(vec![a, b]))
    }

    /// Calls method `name` of `obj` (looked up like `obj.name`).
    pub fn call_method(&mut self, obj: &Value, name: &str, args: Vec<Value>) -> PyResult {
        let m = self.getattr(obj, name)?;
        self.call(&m, Args::new(args))
    }

    /// Calls the special method `name` found on `type(obj)` (not the
    /// instance), as the interpreter does for operators. `Ok(None)` when
    /// the type does not define it.
    pub fn call_special(&mut self, obj: &Value, name: &str, args: Vec<Value>) -> PyResult<Option<Value>> {
        let t = type_of(obj).clone();
        let Some(m) = crate::object::types::lookup_in_type(&t, name) else {
            return Ok(None);
        };
        let mut pos = Vec::with_capacity(args.len() + 1);
        match m.payload() {
            Some(Payload::StaticMethod(inner)) => {
                pos.extend(args);
                return self.call(&inner.clone(), Args::new(pos)).map(Some);
            }
            Some(Payload::ClassMethod(inner)) => {
                pos.push(Value::Obj(t));
                pos.extend(args);
                return self.call(&inner.clone(), Args::new(pos)).map(Some);
            }
            Some(Payload::Function(_)) | Some(Payload::NativeFunc(_)) => {
                pos.push(obj.clone());
                pos.extend(args);
                self.call(&m, Args::new(pos)).map(Some)
            }
            _ => {
                let bound = self.bind_descriptor(&m, obj, &t)?;
                self.call(&bound, Args::new(args)).map(Some)
            }
        }
    }

    /// Builds the frame for calling Python function `fobj` with `args`.
    pub fn function_frame(&mut self, fobj: &ObjRef, func: &Function, args: Args) -> PyResult<Box<Frame>> {
        let code = func.code.clone();
        let mut frame = Frame::boxed(&code, &func.globals, None);
        frame.func = Some(fobj.clone());
        bind_args(func, &mut frame.slots, args)?;
        let nlocals = code.nlocals();
        for (j, arg) in code.cell2arg.iter().enumerate() {
            let init = match arg {
                Some(k) => std::mem::take(&mut frame.slots[*k as usize]),
                None => Value::Null,
            };
            frame.slots[nlocals + j] = Value::obj(Payload::Cell(parking_lot::Mutex::new(init)));
        }
        if let Some(closure) = &func.closure {
            let base = nlocals + code.cellvars.len();
            for (i, c) in closure.iter().enumerate() {
                if base + i < frame.slots.len() {
                    frame.slots[base + i] = c.clone();
                }
            }
        }
        if code.has_flag(flags::NAMESPACE) {
            frame.set_locals(Some(Value::obj(Payload::Dict(Default::default()))));
        }
        Ok(frame)
    }

    /// Instantiates class `cls` (or calls a metaclass / `type(x)`).
    fn construct(&mut self, cls: &ObjRef, args: Args) -> PyResult<Callee> {
        let meta = type_of(&Value::Obj(cls.clone())).clone();
        // A metaclass `__call__` override (rare) takes over entirely.
        if !Arc::ptr_eq(&meta, &types().type_) {
            if let Some(call) = crate::object::types::lookup_in_type(&meta, "__call__") {
                if !is_native_named(&call, "type.__call__") {
                    let mut a = args;
                    a.pos.insert(0, Value::Obj(cls.clone()));
                    return self.invoke(&call, a);
                }
            }
        }
        self.construct_default(cls, args)
    }

    /// `type.__call__`: `__new__`, then `__init__` when `__new__` returned
    /// an instance of the class (the `__init__` frame is pushed, not run).
    pub fn construct_default(&mut self, cls: &ObjRef, args: Args) -> PyResult<Callee> {
        if Arc::ptr_eq(cls, &types().type_) && args.pos.len() == 1 && args.kw.is_empty() {
            return Ok(Callee::Done(Value::Obj(type_of(&args.pos[0]).clone())));
        }
        if args.pos.len() == 1 && args.kw.is_empty() {
            if let Some(v) = plain_conversion(cls, &args.pos[0]) {
                return Ok(Callee::Done(v));
            }
        }
        let new = crate::object::types::lookup_in_type(cls, "__new__")
            .ok_or_else(|| type_error(format!("cannot create '{}' instances", type_data(cls).name.lock())))?;
        let new_fn = match new.payload() {
            Some(Payload::StaticMethod(f)) => f.clone(),
            _ => new,
        };
        // A built-in class whose `__init__` is `object.__init__` (e.g.
        // `range(n)`): the arguments move into `__new__`, no `__init__` call.
        // (Not `type` itself: `type.__new__` may return an instance of a
        // metaclass with its own `__init__`.)
        let td = type_data(cls);
        if !td.heap_type && td.layout != crate::object::Layout::Type && matches!(new_fn.payload(), Some(Payload::NativeFunc(_))) {
            let init = crate::object::types::lookup_in_type(cls, "__init__");
            if init.as_ref().is_some_and(|i| is_native_named(i, "object.__init__")) {
                let mut pos = Vec::with_capacity(args.pos.len() + 1);
                pos.push(Value::Obj(cls.clone()));
                pos.extend(args.pos);
                let instance = self.call(&new_fn, Args { pos, kw: args.kw })?;
                return Ok(Callee::Done(instance));
            }
        }
        let mut new_args = Args { pos: Vec::with_capacity(args.pos.len() + 1), kw: args.kw.clone() };
        new_args.pos.push(Value::Obj(cls.clone()));
        new_args.pos.extend(args.pos.iter().cloned());
        let instance = self.call(&new_fn, new_args)?;
        // __init__ runs only when __new__ returned an instance of cls.
        let it = type_of(&instance).clone();
        if !crate::object::types::is_subtype(&it, cls) {
            return Ok(Callee::Done(instance));
        }
        let Some(init) = crate::object::types::lookup_in_type(&it, "__init__") else {
            return Ok(Callee::Done(instance));
        };
        if let Some(Payload::NativeFunc(nf)) = init.payload() {
            let mut a = args;
            a.pos.insert(0, instance.clone());
            (nf.func)(self, a)?;
            return Ok(Callee::Done(instance));
        }
        let mut a = args;
        a.pos.insert(0, instance.clone());
        match self.invoke(&init, a)? {
            Callee::Done(_) => Ok(Callee::Done(instance)),
            Callee::Frame(mut f) => {
                f.set_ret(ReturnMode::Init(instance));
                Ok(Callee::Frame(f))
            }
        }
    }
}

/// `str(i)`, `int(i)` and `float(x)` of a machine int or float, and
/// `str(s)` of an exact str, done without the `__new__` call (same
/// results); `None` for everything else.
#[inline]
fn plain_conversion(cls: &ObjRef, arg: &Value) -> Option<Value> {
    let t = types();
    if Arc::ptr_eq(cls, &t.str_) {
        return match arg {
            Value::Int(i) => Some(Value::string(i.to_string())),
            Value::Obj(o) if o.class.is_none() && matches!(o.payload, Payload::Str(_)) => Some(arg.clone()),
            _ => None,
        };
    }
    if Arc::ptr_eq(cls, &t.int) {
        return matches!(arg, Value::Int(_)).then(|| arg.clone());
    }
    if Arc::ptr_eq(cls, &t.float) {
        return match arg {
            Value::Float(_) => Some(arg.clone()),
            Value::Int(i) => Some(Value::float(*i as f64)),
            _ => None,
        };
    }
    None
}

pub fn is_native_named(v: &Value, name: &str) -> bool {
    matches!(v.payload(), Some(Payload::NativeFunc(n)) if n.name == name)
}

pub fn not_callable(f: &Value) -> PyErr {
    type_error(format!("'{}' object is not callable", type_data(type_of(f)).name.lock()))
}

/// Fills the argument slots of a frame from `args` following Python's rules,
/// with CPython's error messages.
pub fn bind_args(func: &Function, slots: &mut [Value], args: Args) -> PyResult<()> {
    let code = &func.code;
    let argcount = code.argcount as usize;
    let kwonly = code.kwonlyargcount as usize;
    let has_varargs = code.has_flag(flags::VARARGS);
    let has_varkw = code.has_flag(flags::VARKEYWORDS);
    let fname = || func.qualname.lock().to_string();
    let npos = args.pos.len();
    // Fast path: exact positional call.
    if npos == argcount && args.kw.is_empty() && kwonly == 0 && !has_varargs && !has_varkw {
        for (slot, v) in slots.iter_mut().zip(args.pos) {
            *slot = v;
        }
        return Ok(());
    }
    if npos > argcount && !has_varargs {
        let defaults = func.defaults.lock().as_ref().map(|d| d.len()).unwrap_or(0);
        let takes = if defaults > 0 {
            format!("from {} to {} positional arguments", argcount - defaults, argcount)
        } else {
            format!("{} positional argument{}", argcount, if argcount == 1 { "" } else { "s" })
        };
        return Err(type_error(format!(
            "{}() takes {} but {} {} given",
            fname(),
            takes,
            npos,
            if npos == 1 { "was" } else { "were" }
        )));
    }
    let mut pos = args.pos.into_iter();
    for slot in slots.iter_mut().take(argcount.min(npos)) {
        *slot = pos.next().unwrap_or(Value::Null);
    }
    let varargs_slot = argcount + kwonly;
    if has_varargs {
        slots[varargs_slot] = Value::tuple(pos.collect());
    }
    let varkw_slot = varargs_slot + has_varargs as usize;
    let mut kwdict = if has_varkw { Some(crate::object::DictData::default()) } else { None };
    let posonly = code.posonlyargcount as usize;
    for (name, v) in args.kw {
        let idx = code.varnames[..argcount + kwonly].iter().position(|n| **n == *name);
        match idx {
            Some(i) if i >= posonly => {
                if !slots[i].is_null() {
                    return Err(type_error(format!("{}() got multiple values for argument '{}'", fname(), name)));
                }
                slots[i] = v;
            }
            _ => match &mut kwdict {
                Some(d) => {
                    let key = Value::str(&name);
                    if d.get_str(&name).is_some() {
                        return Err(type_error(format!("{}() got multiple values for keyword argument '{}'", fname(), name)));
                    }
                    d.set_str(key, v);
                }
                None => {
                    if idx.is_some() {
                        return Err(type_error(format!(
                            "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                            fname(),
                            name
                        )));
                    }
                    return Err(type_error(format!("{}() got an unexpected keyword argument '{}'", fname(), name)));
                }
            },
        }
    }
    if let Some(d) = kwdict {
        slots[varkw_slot] = Value::obj(Payload::Dict(parking_lot::Mutex::new(d)));
    }
    fill_defaults(func, slots, argcount, kwonly, &fname)
}

fn fill_defaults(func: &Function, slots: &mut [Value], argcount: usize, kwonly: usize, fname: &dyn Fn() -> String) -> PyResult<()> {
    let code = &func.code;
    let defaults = func.defaults.lock().clone();
    let ndef = defaults.as_ref().map(|d| d.len()).unwrap_or(0);
    let mut missing = Vec::new();
    for i in 0..argcount {
        if slots[i].is_null() {
            let first_default = argcount - ndef;
            if i >= first_default {
                slots[i] = defaults.as_ref().unwrap()[i - first_default].clone();
            } else {
                missing.push(code.varnames[i].to_string());
            }
        }
    }
    if !missing.is_empty() {
        return Err(missing_error(&fname(), "positional", &missing));
    }
    let kwdefaults = func.kwdefaults.lock().clone();
    for i in argcount..argcount + kwonly {
        if slots[i].is_null() {
            let name = &code.varnames[i];
            let d = kwdefaults.as_ref().and_then(|d| match &d.payload {
                Payload::Dict(d) => d.lock().get_str(name).cloned(),
                _ => None,
            });
            match d {
                Some(v) => slots[i] = v,
                None => missing.push(name.to_string()),
            }
        }
    }
    if !missing.is_empty() {
        return Err(missing_error(&fname(), "keyword-only", &missing));
    }
    Ok(())
}

fn missing_error(fname: &str, kind: &str, missing: &[String]) -> PyErr {
    let quoted: Vec<String> = missing.iter().map(|m| format!("'{m}'")).collect();
    let list = match quoted.len() {
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        _ => format!("{}, and {}", quoted[..quoted.len() - 1].join(", "), quoted[quoted.len() - 1]),
    };
    type_error(format!(
        "{}() missing {} required {} argument{}: {}",
        fname,
        missing.len(),
        kind,
        if missing.len() == 1 { "" } else { "s" },
        list
    ))
}
