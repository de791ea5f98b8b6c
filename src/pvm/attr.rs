//! Attribute access: `getattr`/`setattr`/`delattr` with Python's descriptor
//! protocol (data descriptors on the type win over the instance `__dict__`,
//! which wins over non-data descriptors and plain class attributes), class
//! attribute lookup along the MRO, `__getattr__` fallback, and
//! `load_method` (the `LoadMethod` fast path that avoids bound methods).
//!
//! Names travel as `Name`s (text plus cached hash): opcodes pass the code
//! object's `str` constants, so no name is rehashed per access. Type lookups
//! go through the per-thread attribute cache (`object/attrcache.rs`) and
//! the per-type protocol flags (`types::type_flags`), both invalidated by
//! any type-dict mutation.

use super::exc::{attribute_error, type_error, PyErr};
use super::ops::type_name;
use super::{PyResult, Vm};
use crate::object::types::{lookup_in_type, lookup_in_type_name, tflags, type_data, type_flags, type_of};
use crate::object::{Args, Name, ObjRef, Payload};
use crate::value::Value;
use std::sync::atomic::AtomicU8;

/// Instance dict of objects that have one (instances, functions, modules).
fn with_instance_dict<R>(v: &Value, f: impl FnOnce(&mut crate::object::DictData) -> R) -> Option<R> {
    let Value::Obj(o) = v else { return None };
    if let Some(d) = o.inst_dict() {
        return Some(f(&mut d.lock()));
    }
    match &o.payload {
        Payload::Function(func) => Some(f(&mut func.dict.lock())),
        Payload::Module(m) => match &m.dict.payload {
            Payload::Dict(d) => Some(f(&mut d.lock())),
            _ => None,
        },
        _ => None,
    }
}

fn is_data_descriptor(d: &Value) -> bool {
    match d.payload() {
        Some(Payload::Property { .. }) | Some(Payload::GetSet { .. }) => true,
        Some(Payload::Instance) => {
            let t = type_of(d);
            lookup_in_type(t, "__set__").is_some() || lookup_in_type(t, "__delete__").is_some()
        }
        _ => false,
    }
}

impl Vm {
    pub fn getattr(&mut self, obj: &Value, name: &str) -> PyResult {
        self.getattr_name(obj, &Name::from_str(name))
    }

    /// `getattr` with a pre-hashed name (the `LoadAttr` path).
    #[inline]
    pub fn getattr_name(&mut self, obj: &Value, name: &Name) -> PyResult {
        match self.getattr_inner(obj, name)? {
            Some(v) => Ok(v),
            None => Err(self.no_attribute(obj, name.text)),
        }
    }

    /// `getattr` that maps AttributeError to `None`.
    pub fn getattr_opt(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        match self.getattr_inner(obj, &Name::from_str(name)) {
            Ok(v) => Ok(v),
            Err(e) if e.matches("AttributeError") => Ok(None),
            Err(e) => Err(e),
        }
    }

    fn no_attribute(&self, obj: &Value, name: &str) -> PyErr {
        match obj.payload() {
            Some(Payload::Type(t)) => attribute_error(format!("type object '{}' has no attribute '{}'", t.name.lock(), name)),
            Some(Payload::Module(m)) => attribute_error(format!("module '{}' has no attribute '{}'", m.name, name)),
            _ => attribute_error(format!("'{}' object has no attribute '{}'", type_name(obj), name)),
        }
    }

    fn getattr_inner(&mut self, obj: &Value, name: &Name) -> PyResult<Option<Value>> {
        if let Value::Obj(o) = obj {
            if let Some(cls) = &o.class {
                if type_flags(cls) & tflags::CUSTOM_GETATTRIBUTE != 0 {
                    return self.custom_getattribute(obj, cls.clone(), name);
                }
            }
        }
        self.generic_getattr_inner(obj, name, true)
    }

    /// A class's own `__getattribute__`, then its `__getattr__` when that
    /// raises AttributeError (CPython's `slot_tp_getattr_hook`).
    fn custom_getattribute(&mut self, obj: &Value, cls: ObjRef, name: &Name) -> PyResult<Option<Value>> {
        let Some(ga) = lookup_in_type(&cls, "__getattribute__") else { return self.generic_getattr_inner(obj, name, true) };
        let f = self.bind_descriptor(&ga, obj, &cls)?;
        match self.call1(&f, Value::str(name.text)) {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.matches("AttributeError") && type_flags(&cls) & tflags::HAS_GETATTR != 0 => {
                match lookup_in_type(&cls, "__getattr__") {
                    Some(g) => {
                        let f = self.bind_descriptor(&g, obj, &cls)?;
                        self.call1(&f, Value::str(name.text)).map(Some)
                    }
                    None => Err(e),
                }
            }
            Err(e) => Err(e),
        }
    }

    /// `object.__getattribute__(obj, name)`: the generic lookup, without
    /// the class's `__getattr__` fallback.
    pub fn object_getattribute(&mut self, obj: &Value, name: &str) -> PyResult {
        match self.generic_getattr_inner(obj, &Name::from_str(name), false)? {
            Some(v) => Ok(v),
            None => Err(self.no_attribute(obj, name)),
        }
    }

    fn generic_getattr_inner(&mut self, obj: &Value, name: &Name, use_getattr: bool) -> PyResult<Option<Value>> {
        match obj.payload() {
            Some(Payload::Type(_)) => return self.type_getattr(obj.as_obj().unwrap(), name.text),
            Some(Payload::Super { ty, obj: inner }) => {
                let (ty, inner) = (ty.clone(), inner.clone());
                if let Some(v) = self.super_getattr(&ty, &inner, name.text)? {
                    return Ok(Some(v));
                }
            }
            _ => {}
        }
        let t = type_of(obj);
        let descr = lookup_in_type_name(t, name);
        if let Some(d) = &descr {
            if is_data_descriptor(d) {
                return self.descr_get(d, obj, t).map(Some);
            }
        }
        if let Some(Some(v)) = with_instance_dict(obj, |d| d.get_name(name).cloned()) {
            return Ok(Some(v));
        }
        if let Some(d) = descr {
            return self.bind_descriptor(&d, obj, t).map(Some);
        }
        self.getattr_fallback(obj, name.text, use_getattr)
    }

    /// The rest of attribute lookup after the type and instance dict missed:
    /// `__class__`, `__dict__`, module and class `__getattr__`.
    fn getattr_fallback(&mut self, obj: &Value, name: &str, use_getattr: bool) -> PyResult<Option<Value>> {
        let t = type_of(obj).clone();
        if name == "__class__" {
            return Ok(Some(Value::Obj(t)));
        }
        // Slotted instances keep an internal dict but expose no `__dict__`.
        let slotted = type_data(&t).slots.as_ref().is_some_and(|s| !s.iter().any(|n| &**n == "__dict__"));
        if name == "__dict__" && !slotted {
            if let Some(d) = self.instance_dict_value(obj) {
                return Ok(Some(d));
            }
        }
        if let Some(Payload::Module(m)) = obj.payload() {
            let ga = match &m.dict.payload {
                Payload::Dict(d) => d.lock().get_str("__getattr__").cloned(),
                _ => None,
            };
            if let Some(ga) = ga {
                return self.call1(&ga, Value::str(name)).map(Some);
            }
        }
        if use_getattr && type_flags(&t) & tflags::HAS_GETATTR != 0 {
            if let Some(ga) = lookup_in_type(&t, "__getattr__") {
                let f = self.bind_descriptor(&ga, obj, &t)?;
                return self.call1(&f, Value::str(name)).map(Some);
            }
        }
        Ok(None)
    }

    /// `obj.__dict__`: the live dict of modules and instances (a snapshot for
    /// objects whose attributes live elsewhere, e.g. functions).
    fn instance_dict_value(&mut self, obj: &Value) -> Option<Value> {
        if let Some(Payload::Module(m)) = obj.payload() {
            return Some(Value::Obj(m.dict.clone()));
        }
        // Instances: the live dict object.
        if let Some(d) = obj.as_obj().and_then(|o| o.dict.clone()) {
            return Some(Value::Obj(d));
        }
        let items = with_instance_dict(obj, |d| d.clone_data())?;
        Some(Value::obj(Payload::Dict(parking_lot::Mutex::new(items))))
    }

    /// Attribute of a class: the MRO's dicts (descriptors bound to the class),
    /// then the metaclass.
    fn type_getattr(&mut self, cls: &ObjRef, name: &str) -> PyResult<Option<Value>> {
        let meta = type_of(&Value::Obj(cls.clone())).clone();
        let meta_attr = lookup_in_type(&meta, name);
        if let Some(d) = &meta_attr {
            if is_data_descriptor(d) {
                return self.descr_get(d, &Value::Obj(cls.clone()), &meta).map(Some);
            }
        }
        // `type`'s own data descriptors win over the class's MRO dicts.
        if matches!(name, "__name__" | "__qualname__" | "__mro__" | "__bases__" | "__base__" | "__dict__") {
            return self.type_special_attr(cls, name).map(Some);
        }
        if let Some(v) = lookup_in_type(cls, name) {
            return Ok(Some(match v.payload() {
                Some(Payload::StaticMethod(f)) => f.clone(),
                Some(Payload::ClassMethod(f)) => Value::obj(Payload::BoundMethod { func: f.clone(), this: Value::Obj(cls.clone()) }),
                Some(Payload::Instance) if lookup_in_type(type_of(&v), "__get__").is_some() => {
                    self.call_special(&v, "__get__", vec![Value::None, Value::Obj(cls.clone())])?.unwrap_or(Value::None)
                }
                _ => v,
            }));
        }
        if name == "__class__" {
            return Ok(Some(Value::Obj(meta)));
        }
        if let Some(d) = meta_attr {
            return self.bind_descriptor(&d, &Value::Obj(cls.clone()), &meta).map(Some);
        }
        Ok(None)
    }

    /// `type`'s data attributes of a class.
    fn type_special_attr(&mut self, cls: &ObjRef, name: &str) -> PyResult {
        let td = type_data(cls);
        Ok(match name {
            // A built-in type named "module.name" (CPython's tp_name) is
            // called "name".
            "__name__" if !td.heap_type => Value::str(td.name.lock().rsplit('.').next().unwrap_or("")),
            "__name__" => Value::str(&td.name.lock()),
            "__qualname__" => Value::str(&td.qualname.lock()),
            "__mro__" => {
                let mut m = vec![Value::Obj(cls.clone())];
                m.extend(td.mro.iter().map(|t| Value::Obj(t.clone())));
                Value::tuple(m)
            }
            "__bases__" => Value::tuple(td.bases.iter().map(|t| Value::Obj(t.clone())).collect()),
            "__base__" => td.bases.first().map(|b| Value::Obj(b.clone())).unwrap_or(Value::None),
            _ => Value::obj(Payload::Dict(parking_lot::Mutex::new(td.dict.lock().clone_data()))),
        })
    }

    /// Calls a data descriptor's getter.
    fn descr_get(&mut self, d: &Value, obj: &Value, t: &ObjRef) -> PyResult {
        match d.payload() {
            Some(Payload::Property { fget, .. }) if !crate::builtins::args::user_overrides(d, "__get__") => {
                if fget.is_none() {
                    return Err(attribute_error("property has no getter"));
                }
                let fget = fget.clone();
                self.call1(&fget, obj.clone())
            }
            Some(Payload::GetSet { get, .. }) => get(self, Args::new(vec![obj.clone()])),
            _ => Ok(self.call_special(d, "__get__", vec![obj.clone(), Value::Obj(t.clone())])?.unwrap_or(Value::None)),
        }
    }

    /// Binds a class attribute found for an instance (functions become bound
    /// methods, classmethods bind the class, `__get__` is honoured).
    pub fn bind_descriptor(&mut self, d: &Value, obj: &Value, t: &ObjRef) -> PyResult {
        Ok(match d.payload() {
            Some(Payload::Function(_)) | Some(Payload::NativeFunc(_)) => {
                Value::obj(Payload::BoundMethod { func: d.clone(), this: obj.clone() })
            }
            Some(Payload::StaticMethod(f)) => f.clone(),
            Some(Payload::ClassMethod(f)) => Value::obj(Payload::BoundMethod { func: f.clone(), this: Value::Obj(t.clone()) }),
            Some(Payload::Property { .. }) | Some(Payload::GetSet { .. }) => self.descr_get(d, obj, t)?,
            Some(Payload::Instance) if lookup_in_type(type_of(d), "__get__").is_some() => self.descr_get(d, obj, t)?,
            _ => d.clone(),
        })
    }

    /// `LoadMethod`: (function, self) when the attribute is a plain method
    /// on the type, else (attribute, Null).
    pub fn load_method(&mut self, obj: Value, name: &Name) -> PyResult<(Value, Value)> {
        if let Some(m) = plain_method_name(&obj, name) {
            return Ok((m, obj));
        }
        let v = self.getattr_name(&obj, name)?;
        Ok((v, Value::Null))
    }

    pub fn setattr(&mut self, obj: &Value, name: &Value, v: Value) -> PyResult<()> {
        let Some(n) = Name::from_value(name) else {
            return Err(type_error("attribute name must be string"));
        };
        if let Some(Payload::Type(_)) = obj.payload() {
            let meta = type_of(obj);
            if !std::sync::Arc::ptr_eq(meta, &crate::object::types::types().type_) {
                // A metaclass's own __setattr__ (written in Python) sees `C.x = v`.
                if let Some(sa) = lookup_in_type(meta, "__setattr__") {
                    if !matches!(sa.payload(), Some(Payload::NativeFunc(_))) {
                        let meta = meta.clone();
                        let f = self.bind_descriptor(&sa, obj, &meta)?;
                        self.call2(&f, name.clone(), v)?;
                        return Ok(());
                    }
                }
            }
            return self.type_setattr(obj, &n, v);
        }
        let t = type_of(obj);
        if type_flags(t) & tflags::CUSTOM_SETATTR != 0 {
            if let Some(sa) = lookup_in_type(t, "__setattr__") {
                let t = t.clone();
                let f = self.bind_descriptor(&sa, obj, &t)?;
                self.call2(&f, name.clone(), v)?;
                return Ok(());
            }
        }
        self.generic_setattr_name(obj, &n, v)
    }

    /// `type.__setattr__`: sets an attribute of a class.
    pub fn type_setattr(&mut self, obj: &Value, n: &Name, v: Value) -> PyResult<()> {
        if let Some(Payload::Type(td)) = obj.payload() {
            if !td.heap_type {
                return Err(type_error(format!("cannot set '{}' attribute of immutable type '{}'", n.text, td.name.lock())));
            }
            match n.text {
                "__name__" => *td.name.lock() = std::sync::Arc::from(v.as_str().unwrap_or("")),
                "__qualname__" => *td.qualname.lock() = std::sync::Arc::from(v.as_str().unwrap_or("")),
                _ => td.dict.lock().set_name(n, v),
            }
            return Ok(());
        }
        Err(type_error(format!("descriptor '__setattr__' requires a 'type' object but received a '{}'", type_name(obj))))
    }

    /// `object.__setattr__`: data descriptors, then the instance dict.
    pub fn generic_setattr(&mut self, obj: &Value, name: &Value, v: Value) -> PyResult<()> {
        match Name::from_value(name) {
            Some(n) => self.generic_setattr_name(obj, &n, v),
            None => Err(type_error("attribute name must be string")),
        }
    }

    fn generic_setattr_name(&mut self, obj: &Value, name: &Name, v: Value) -> PyResult<()> {
        let n = name.text;
        let t = type_of(obj);
        if let Some(d) = lookup_in_type_name(t, name) {
            match d.payload() {
                Some(Payload::Property { .. }) if crate::builtins::args::user_overrides(&d, "__set__") => {
                    self.call_special(&d, "__set__", vec![obj.clone(), v])?;
                    return Ok(());
                }
                Some(Payload::Property { fset, .. }) => {
                    if fset.is_none() {
                        return Err(attribute_error(format!(
                            "property '{n}' of '{}' object has no setter",
                            type_name(obj)
                        )));
                    }
                    let fset = fset.clone();
                    self.call2(&fset, obj.clone(), v)?;
                    return Ok(());
                }
                Some(Payload::GetSet { set: Some(set), .. }) => {
                    set(self, Args::new(vec![obj.clone(), v]))?;
                    return Ok(());
                }
                Some(Payload::GetSet { set: None, .. }) => {
                    return Err(attribute_error(format!(
                        "attribute '{n}' of '{}' objects is not writable",
                        type_name(obj)
                    )));
                }
                Some(Payload::Instance) if lookup_in_type(type_of(&d), "__set__").is_some() => {
                    self.call_special(&d, "__set__", vec![obj.clone(), v])?;
                    return Ok(());
                }
                _ => {}
            }
        }
        if type_flags(t) & tflags::SLOTS_ONLY != 0 {
            let allowed = type_data(t).slots.as_ref().map_or(true, |slots| slots.iter().any(|s| &**s == n));
            if !allowed {
                return Err(attribute_error(format!("'{}' object has no attribute '{}'", type_name(obj), n)));
            }
        }
        if n == "__dict__" {
            if let Some(r) = replace_instance_dict(obj, &v) {
                return r;
            }
        }
        match with_instance_dict(obj, |d| d.set_name(name, v)) {
            Some(()) => Ok(()),
            None => Err(attribute_error(format!("'{}' object has no attribute '{}'", type_name(obj), n))),
        }
    }

    pub fn delattr(&mut self, obj: &Value, name: &Value) -> PyResult<()> {
        let n = name.as_str().unwrap_or("");
        if let Some(Payload::Type(td)) = obj.payload() {
            return match td.dict.lock().del_str(n) {
                Some(_) => Ok(()),
                None => Err(attribute_error(format!("type object '{}' has no attribute '{}'", td.name.lock(), n))),
            };
        }
        let t = type_of(obj).clone();
        if type_flags(&t) & tflags::CUSTOM_DELATTR != 0 {
            if let Some(da) = lookup_in_type(&t, "__delattr__") {
                let f = self.bind_descriptor(&da, obj, &t)?;
                self.call1(&f, name.clone())?;
                return Ok(());
            }
        }
        self.generic_delattr(obj, name)
    }

    /// `object.__delattr__`: data descriptors, then the instance dict.
    pub fn generic_delattr(&mut self, obj: &Value, name: &Value) -> PyResult<()> {
        let n = name.as_str().unwrap_or("");
        let t = type_of(obj).clone();
        if let Some(d) = lookup_in_type(&t, n) {
            if matches!(d.payload(), Some(Payload::Property { .. })) && crate::builtins::args::user_overrides(&d, "__delete__") {
                self.call_special(&d, "__delete__", vec![obj.clone()])?;
                return Ok(());
            }
            if let Some(Payload::Property { fdel, .. }) = d.payload() {
                if fdel.is_none() {
                    return Err(attribute_error(format!("property '{n}' of '{}' object has no deleter", type_name(obj))));
                }
                let fdel = fdel.clone();
                self.call1(&fdel, obj.clone())?;
                return Ok(());
            }
        }
        match with_instance_dict(obj, |d| d.del_str(n)) {
            Some(Some(_)) => Ok(()),
            _ => Err(attribute_error(format!("'{}' object has no attribute '{}'", type_name(obj), n))),
        }
    }
}


/// `obj.__dict__ = d` on an instance with a dict: the instance's
/// attributes become a copy of `d`'s items (weft's instance dict cannot be
/// swapped for another object, so later changes to `d` itself are not
/// seen through the instance, unlike CPython). `None` when `obj` has no
/// instance dict.
fn replace_instance_dict(obj: &Value, d: &Value) -> Option<PyResult<()>> {
    let Value::Obj(o) = obj else { return None };
    let mine = o.inst_dict()?;
    let Some(Payload::Dict(theirs)) = d.payload() else {
        return Some(Err(type_error(format!("__dict__ must be set to a dictionary, not a '{}'", type_name(d)))));
    };
    if std::ptr::eq(mine, theirs) {
        return Some(Ok(()));
    }
    let copy = theirs.lock().clone_data();
    // The old attributes are dropped after the lock is released.
    let old = std::mem::replace(&mut *mine.lock(), copy);
    drop(old);
    Some(Ok(()))
}

/// `LoadAttr` on a plain instance (user class, `Payload::Instance`, with a
/// `__dict__`) whose MRO has no data descriptor for non-dunder names: a
/// non-dunder name present in the instance dict is the attribute (data
/// descriptors are the only thing that would beat it). `None` = take the
/// general path (which also handles a miss). No type-attribute lookup.
/// `hint` is the instruction's entry hint (`CodeObject::name_hints`).
#[inline]
pub fn plain_instance_get(o: &ObjRef, name: &Value, hint: &AtomicU8) -> Option<Value> {
    let cls = o.class.as_ref()?;
    if !matches!(o.payload, Payload::Instance) {
        return None;
    }
    let d = o.inst_dict()?;
    if type_flags(cls) & tflags::NO_DATA_DESCR == 0 {
        return None;
    }
    let n = Name::from_value(name)?;
    if n.text.starts_with("__") {
        return None;
    }
    let v = d.lock().get_name_hinted(&n, hint).cloned();
    v
}

/// `LoadMethod`'s common case, needing no VM: `obj`'s type (not a type,
/// module or super object) has a Python or native function `name` that the
/// instance dict does not shadow. `None` = take the general path.
#[inline]
pub fn plain_method(obj: &Value, name: &Value) -> Option<Value> {
    plain_method_name(obj, &Name::from_value(name)?)
}

#[inline]
fn plain_method_name(obj: &Value, name: &Name) -> Option<Value> {
    if matches!(obj.payload(), Some(Payload::Type(_)) | Some(Payload::Module(_)) | Some(Payload::Super { .. })) {
        return None;
    }
    if type_flags(type_of(obj)) & tflags::CUSTOM_GETATTRIBUTE != 0 {
        return None;
    }
    let m = lookup_in_type_name(type_of(obj), name)?;
    if !matches!(m.payload(), Some(Payload::Function(_)) | Some(Payload::NativeFunc(_))) {
        return None;
    }
    let shadowed = with_instance_dict(obj, |d| d.get_name(name).is_some()).unwrap_or(false);
    (!shadowed).then_some(m)
}

/// `StoreAttr` on a plain instance: with `object.__setattr__`, no slots and
/// no data descriptor for non-dunder names, `obj.name = v` is a store into
/// the instance dict. Gives `v` back when the general path must run.
#[inline]
pub fn plain_instance_set(o: &ObjRef, name: &Value, v: Value, hint: &AtomicU8) -> Result<(), Value> {
    let Some(cls) = o.class.as_ref() else { return Err(v) };
    if !matches!(o.payload, Payload::Instance) {
        return Err(v);
    }
    let Some(d) = o.inst_dict() else { return Err(v) };
    let f = type_flags(cls);
    if f & (tflags::NO_DATA_DESCR | tflags::CUSTOM_SETATTR | tflags::SLOTS_ONLY) != tflags::NO_DATA_DESCR {
        return Err(v);
    }
    let Some(n) = Name::from_value(name) else { return Err(v) };
    if n.text.starts_with("__") {
        return Err(v);
    }
    // The replaced value is dropped after the lock is released.
    let (old, len) = {
        let mut d = d.lock();
        (d.replace_name_hinted(&n, v, hint), d.len())
    };
    if old.is_none() {
        // A new attribute: remember how large this type's instances grow.
        let hint = &crate::object::types::type_data(cls).instance_attrs;
        if len as u32 > hint.load(std::sync::atomic::Ordering::Relaxed) {
            hint.store(len as u32, std::sync::atomic::Ordering::Relaxed);
        }
    }
    drop(old);
    Ok(())
}
