//! Classes: `__build_class__`, `type(name, bases, dict)` with C3
//! linearization, `object`'s default slots, `super`, `property`,
//! `staticmethod` and `classmethod`.

use super::exc::{attribute_error, type_error, PyErr};
use super::ops::type_name;
use super::{PyResult, Vm};
use crate::object::types::{is_subtype, lookup_in_type, type_data, type_of, types};
use crate::object::{Args, DictData, Layout, NativeFn, NativeFunc, ObjRef, Object, Payload, TypeData};
use crate::value::Value;
use parking_lot::Mutex;
use std::sync::Arc;

/// Adds a native method to a type's dict.
pub fn add_native(t: &ObjRef, name: &'static str, qualname: &'static str, f: NativeFn) {
    let func = Value::obj(Payload::NativeFunc(NativeFunc { name: qualname, func: f, bound: Value::Null, fast: None }));
    type_data(t).dict.lock().set_str(Value::str(name), func);
}

/// A new object with `payload` whose class is `cls` (plain built-in object
/// when `cls` is the built-in type itself).
pub fn new_instance_of(cls: &ObjRef, payload: Payload) -> Value {
    let td = type_data(cls);
    if !td.heap_type {
        if matches!(payload, Payload::Exception(_)) || matches!(payload, Payload::Instance) {
            return Value::Obj(Object::with_class(payload, cls.clone(), true));
        }
        return Value::obj(payload);
    }
    // Slotted instances keep their slot values in an internal dict too;
    // `generic_setattr` enforces the slot names.
    let attrs = td.instance_attrs.load(std::sync::atomic::Ordering::Relaxed) as usize;
    Value::Obj(Object::with_class_sized(payload, cls.clone(), true, attrs.min(64)))
}

fn arg(args: &Args, i: usize) -> PyResult<&Value> {
    args.pos.get(i).ok_or_else(|| type_error("missing required argument"))
}

fn as_type(v: &Value) -> PyResult<ObjRef> {
    match v.payload() {
        Some(Payload::Type(_)) => Ok(v.as_obj().unwrap().clone()),
        _ => Err(type_error(format!("expected a type, got '{}'", type_name(v)))),
    }
}

/// C3 linearization of `bases` (the MRO without the class itself).
fn c3_mro(bases: &[ObjRef]) -> PyResult<Vec<ObjRef>> {
    let mut seqs: Vec<Vec<ObjRef>> = bases
        .iter()
        .map(|b| {
            let mut s = vec![b.clone()];
            s.extend(type_data(b).mro.iter().cloned());
            s
        })
        .collect();
    seqs.push(bases.to_vec());
    let mut out = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let candidate = seqs.iter().map(|s| s[0].clone()).find(|c| !seqs.iter().any(|s| s[1..].iter().any(|x| Arc::ptr_eq(x, c))));
        let Some(c) = candidate else {
            let names: Vec<String> = bases.iter().map(|b| type_data(b).name.lock().to_string()).collect();
            return Err(type_error(format!(
                "Cannot create a consistent method resolution order (MRO) for bases {}",
                names.join(", ")
            )));
        };
        for s in seqs.iter_mut() {
            if Arc::ptr_eq(&s[0], &c) {
                s.remove(0);
            }
        }
        out.push(c);
    }
}

/// The built-in layout a class's instances carry (from its bases).
fn solid_layout(bases: &[ObjRef]) -> PyResult<Layout> {
    let mut layout = Layout::Object;
    for b in bases {
        let l = type_data(b).layout;
        if l == Layout::Object {
            continue;
        }
        if layout != Layout::Object && layout != l {
            return Err(type_error("multiple bases have instance lay-out conflict"));
        }
        layout = l;
    }
    Ok(layout)
}

/// `type.__new__(meta, name, bases, ns)`.
pub fn type_new(vm: &mut Vm, meta: &ObjRef, name: &str, bases: Vec<ObjRef>, ns: &Value) -> PyResult<Value> {
    type_new_kw(vm, meta, name, bases, ns, Vec::new())
}

/// `type.__new__` with the class keywords (passed to `__init_subclass__`).
pub fn type_new_kw(
    vm: &mut Vm,
    meta: &ObjRef,
    name: &str,
    bases: Vec<ObjRef>,
    ns: &Value,
    kw: Vec<(Arc<str>, Value)>,
) -> PyResult<Value> {
    let bases = if bases.is_empty() { vec![types().object.clone()] } else { bases };
    for b in &bases {
        if let Some(Payload::Type(bt)) = Some(&b.payload) {
            let t = types();
            let descr_base = Arc::ptr_eq(b, &t.property) || Arc::ptr_eq(b, &t.classmethod) || Arc::ptr_eq(b, &t.staticmethod);
            if !bt.heap_type && matches!(type_data(b).layout, Layout::Other) && !Arc::ptr_eq(b, &t.object) && !descr_base {
                return Err(type_error(format!("type '{}' is not an acceptable base type", bt.name.lock())));
            }
        }
    }
    let mro = c3_mro(&bases)?;
    let layout = solid_layout(&bases)?;
    let mut dict = DictData::default();
    let mut qualname_attr: Option<Arc<str>> = None;
    for (k, v) in vm.mapping_items(ns)? {
        let Some(key) = k.as_str() else { continue };
        if key == "__classcell__" {
            continue;
        }
        if key == "__qualname__" {
            // Kept in the type itself, not in its __dict__ (as in CPython).
            match v.as_str() {
                Some(q) => qualname_attr = Some(Arc::from(q)),
                None => return Err(type_error(format!("type __qualname__ must be a str, not {}", crate::builtins::args::vtname(&v)))),
            }
            continue;
        }
        let v = match (key, v.payload()) {
            ("__new__", Some(Payload::Function(_))) => Value::obj(Payload::StaticMethod(v)),
            ("__init_subclass__" | "__class_getitem__", Some(Payload::Function(_))) => Value::obj(Payload::ClassMethod(v)),
            _ => v,
        };
        dict.set_str(Value::str(key), v);
    }
    if dict.get_str("__doc__").is_none() {
        dict.set_str(Value::str("__doc__"), Value::None);
    }
    if dict.get_str("__eq__").is_some() && dict.get_str("__hash__").is_none() {
        dict.set_str(Value::str("__hash__"), Value::None);
    }
    let slots = match dict.get_str("__slots__").cloned() {
        Some(s) => {
            let items = if s.as_str().is_some() { vec![s] } else { vm.collect(&s)? };
            Some(items.iter().filter_map(|v| v.as_str().map(Arc::from)).collect::<Vec<Arc<str>>>())
        }
        None => None,
    };
    let slots = match slots {
        Some(mut s) if bases.iter().all(|b| type_data(b).slots.is_some() || !type_data(b).heap_type) => {
            // The allowed names are the slots of the whole hierarchy.
            for b in mro.iter() {
                for n in type_data(b).slots.iter().flatten() {
                    if !s.contains(n) {
                        s.push(n.clone());
                    }
                }
            }
            Some(s)
        }
        _ => None,
    };
    let qualname = qualname_attr.unwrap_or_else(|| Arc::from(name));
    let td = TypeData {
        name: Mutex::new(Arc::from(name)),
        qualname: Mutex::new(qualname),
        bases,
        mro,
        dict: crate::object::TypeDict::new(dict),
        layout,
        heap_type: true,
        slots,
        instance_attrs: Default::default(),
    };
    let cls = if Arc::ptr_eq(meta, &types().type_) {
        Object::new(Payload::Type(Box::new(td)))
    } else {
        Object::with_class(Payload::Type(Box::new(td)), meta.clone(), false)
    };
    let cls_v = Value::Obj(cls.clone());
    set_names(vm, &cls_v)?;
    init_subclass(vm, &cls, kw)?;
    Ok(cls_v)
}

/// Calls `__set_name__` on class attributes that define it.
fn set_names(vm: &mut Vm, cls: &Value) -> PyResult<()> {
    let items = type_data(cls.as_obj().unwrap()).dict.lock().items();
    for (k, v) in items {
        if matches!(v.payload(), Some(Payload::Instance)) && lookup_in_type(type_of(&v), "__set_name__").is_some() {
            vm.call_special(&v, "__set_name__", vec![cls.clone(), k])?;
        }
    }
    Ok(())
}

fn init_subclass(vm: &mut Vm, cls: &ObjRef, kw: Vec<(Arc<str>, Value)>) -> PyResult<()> {
    let td = type_data(cls);
    for b in &td.mro {
        let found = type_data(b).dict.lock().get_str("__init_subclass__").cloned();
        if let Some(f) = found {
            match f.payload() {
                Some(Payload::ClassMethod(f)) => {
                    vm.call(f, Args { pos: vec![Value::Obj(cls.clone())], kw })?;
                }
                _ if !kw.is_empty() => {
                    return Err(type_error(format!("{}.__init_subclass__() takes no keyword arguments", td.name.lock())));
                }
                _ => {}
            }
            return Ok(());
        }
    }
    Ok(())
}

/// `__build_class__(func, name, *bases, metaclass=..., **kwds)`.
fn build_class(vm: &mut Vm, mut args: Args) -> PyResult {
    if args.pos.len() < 2 {
        return Err(type_error("__build_class__: not enough arguments"));
    }
    let func = args.pos.remove(0);
    let name = args.pos.remove(0);
    // PEP 560: a non-class base with `__mro_entries__` (e.g. `Generic[T]`)
    // is replaced by the classes it returns; the originals are kept in
    // `__orig_bases__`.
    let orig_bases = args.pos.clone();
    let mut resolved = Vec::with_capacity(orig_bases.len());
    let mut substituted = false;
    for b in &orig_bases {
        if !matches!(b.payload(), Some(Payload::Type(_))) {
            if let Some(me) = vm.getattr_opt(b, "__mro_entries__")? {
                let r = vm.call(&me, Args::new(vec![Value::tuple(orig_bases.clone())]))?;
                resolved.extend(vm.collect(&r)?);
                substituted = true;
                continue;
            }
        }
        resolved.push(b.clone());
    }
    let bases: Vec<ObjRef> = resolved.iter().map(as_type).collect::<PyResult<_>>()?;
    let explicit_meta = args.take_kw("metaclass");
    let meta = match explicit_meta {
        Some(m) => as_type(&m)?,
        None => {
            let mut meta = types().type_.clone();
            for b in &bases {
                let bm = type_of(&Value::Obj(b.clone())).clone();
                if is_subtype(&bm, &meta) {
                    meta = bm;
                }
            }
            meta
        }
    };
    let bases_v = Value::tuple(bases.iter().map(|b| Value::Obj(b.clone())).collect());
    let ns = match lookup_in_type(&meta, "__prepare__") {
        Some(p) if !Arc::ptr_eq(&meta, &types().type_) => {
            let p = vm.bind_descriptor(&p, &Value::Obj(meta.clone()), &meta)?;
            vm.call(&p, Args { pos: vec![name.clone(), bases_v.clone()], kw: args.kw.clone() })?
        }
        _ => Value::obj(Payload::Dict(Default::default())),
    };
    let Some(Payload::Function(f)) = func.payload() else {
        return Err(type_error("__build_class__: func must be a function"));
    };
    let mut frame = vm.function_frame(func.as_obj().unwrap(), f, Args::default())?;
    frame.set_locals(Some(ns.clone()));
    vm.run_frame(frame)?;
    if substituted {
        vm.setitem(&ns, Value::str("__orig_bases__"), Value::tuple(orig_bases))?;
    }
    let cls = vm.call(&Value::Obj(meta), Args { pos: vec![name, bases_v, ns.clone()], kw: args.kw })?;
    if let Some(cell) = vm.mapping_get(&ns, &Value::str("__classcell__"))? {
        if let Some(Payload::Cell(c)) = cell.payload() {
            *c.lock() = cls.clone();
        }
    }
    Ok(cls)
}

fn type_new_native(vm: &mut Vm, args: Args) -> PyResult {
    let meta = as_type(arg(&args, 0)?)?;
    if args.pos.len() == 2 && Arc::ptr_eq(&meta, &types().type_) {
        return Ok(Value::Obj(type_of(&args.pos[1]).clone()));
    }
    if args.pos.len() != 4 {
        return Err(type_error("type() takes 1 or 3 arguments"));
    }
    let name = args.pos[1].as_str().ok_or_else(|| type_error("type.__new__() argument 1 must be str"))?.to_string();
    if !matches!(args.pos[2].payload(), Some(Payload::Tuple(_))) {
        return Err(type_error(format!("type.__new__() argument 2 must be tuple, not {}", type_name(&args.pos[2]))));
    }
    let bases: Vec<ObjRef> = vm.collect(&args.pos[2])?.iter().map(as_type).collect::<PyResult<_>>()?;
    let ns = args.pos[3].clone();
    if !vm.is_mapping(&ns) {
        return Err(type_error("type.__new__() argument 3 must be dict"));
    }
    type_new_kw(vm, &meta, &name, bases, &ns, args.kw)
}

fn noop(_vm: &mut Vm, _args: Args) -> PyResult {
    Ok(Value::None)
}

/// `type.__call__(cls, *args, **kw)` (reached through `super().__call__`
/// in a metaclass).
fn type_call(vm: &mut Vm, mut args: Args) -> PyResult {
    if args.pos.is_empty() {
        return Err(type_error("descriptor '__call__' of 'type' object needs an argument"));
    }
    let cls = as_type(&args.pos.remove(0))?;
    match vm.construct_default(&cls, args)? {
        super::call::Callee::Done(v) => Ok(v),
        super::call::Callee::Frame(f) => vm.run_frame(f),
    }
}

fn type_mro(_vm: &mut Vm, args: Args) -> PyResult {
    let t = as_type(arg(&args, 0)?)?;
    let mut m = vec![Value::Obj(t.clone())];
    m.extend(type_data(&t).mro.iter().map(|x| Value::Obj(x.clone())));
    Ok(Value::list(m))
}

fn object_new(_vm: &mut Vm, args: Args) -> PyResult {
    let cls = as_type(arg(&args, 0)?)?;
    if (args.pos.len() > 1 || !args.kw.is_empty()) && lookup_in_type(&cls, "__init__").map_or(true, |i| super::ops::is_object_slot(&i)) {
        return Err(type_error(format!("{}() takes no arguments", type_data(&cls).name.lock())));
    }
    if type_data(&cls).layout != Layout::Object {
        return Err(type_error(format!("object.__new__({}) is not safe", type_data(&cls).name.lock())));
    }
    Ok(new_instance_of(&cls, Payload::Instance))
}

fn object_eq(_vm: &mut Vm, args: Args) -> PyResult {
    let (a, b) = (arg(&args, 0)?, arg(&args, 1)?);
    Ok(if a.is(b) { Value::Bool(crate::value::Flag::TRUE) } else { types().not_implemented.clone() })
}

fn object_ne(vm: &mut Vm, args: Args) -> PyResult {
    let (a, b) = (arg(&args, 0)?.clone(), arg(&args, 1)?.clone());
    match vm.call_special(&a, "__eq__", vec![b])? {
        Some(r) if matches!(r.payload(), Some(Payload::NotImplemented)) => Ok(r),
        Some(r) => Ok(Value::bool(!vm.truthy(&r)?)),
        None => Ok(types().not_implemented.clone()),
    }
}

fn object_hash(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Int(arg(&args, 0)?.id() >> 4))
}

fn object_repr(_vm: &mut Vm, args: Args) -> PyResult {
    let v = arg(&args, 0)?;
    let t = type_of(v);
    let td = type_data(t);
    let module = td.dict.lock().get_str("__module__").and_then(|m| m.as_str().map(|s| s.to_string()));
    let name = td.qualname.lock().to_string();
    let full = match module {
        Some(m) if m != "builtins" => format!("{m}.{name}"),
        _ => name,
    };
    Ok(Value::string(format!("<{} object at {:#x}>", full, v.id())))
}

fn object_str(vm: &mut Vm, args: Args) -> PyResult {
    let v = arg(&args, 0)?.clone();
    Ok(Value::string(vm.repr(&v)?))
}

fn object_setattr(vm: &mut Vm, args: Args) -> PyResult {
    vm.generic_setattr(arg(&args, 0)?, arg(&args, 1)?, arg(&args, 2)?.clone())?;
    Ok(Value::None)
}

fn type_setattr(vm: &mut Vm, args: Args) -> PyResult {
    let name = arg(&args, 1)?;
    let Some(n) = crate::object::Name::from_value(name) else {
        return Err(type_error("attribute name must be string"));
    };
    vm.type_setattr(arg(&args, 0)?, &n, arg(&args, 2)?.clone())?;
    Ok(Value::None)
}

/// `X | Y` on classes: a `types.UnionType` (built by the embedded `types`
/// module), or NotImplemented when the other operand is no class.
fn type_or_impl(vm: &mut Vm, a: Value, b: Value) -> PyResult {
    let ok = |v: &Value| v.is_none() || matches!(v.payload(), Some(Payload::Type(_))) || matches!(v.payload(), Some(Payload::Instance));
    if !ok(&a) || !ok(&b) {
        return Ok(types().not_implemented.clone());
    }
    let m = vm.import_absolute("types")?;
    let f = vm.getattr(&m, "_type_or")?;
    vm.call(&f, Args::new(vec![a, b]))
}

fn type_or(vm: &mut Vm, args: Args) -> PyResult {
    type_or_impl(vm, arg(&args, 0)?.clone(), arg(&args, 1)?.clone())
}

fn type_ror(vm: &mut Vm, args: Args) -> PyResult {
    type_or_impl(vm, arg(&args, 1)?.clone(), arg(&args, 0)?.clone())
}

fn object_delattr(vm: &mut Vm, args: Args) -> PyResult {
    vm.generic_delattr(arg(&args, 0)?, arg(&args, 1)?)?;
    Ok(Value::None)
}

fn object_format(vm: &mut Vm, args: Args) -> PyResult {
    let v = arg(&args, 0)?.clone();
    let spec = args.pos.get(1).and_then(|s| s.as_str()).unwrap_or("");
    if !spec.is_empty() {
        return Err(type_error(format!("unsupported format string passed to {}.__format__", type_name(&v))));
    }
    Ok(Value::string(vm.str(&v)?))
}

fn object_getattribute(vm: &mut Vm, args: Args) -> PyResult {
    let name = arg(&args, 1)?;
    let Some(name) = name.as_str().map(|s| s.to_string()) else {
        return Err(type_error(format!("attribute name must be string, not '{}'", type_name(name))));
    };
    vm.object_getattribute(arg(&args, 0)?, &name)
}

/// `super()` / `super(type, obj)`.
fn super_new(vm: &mut Vm, args: Args) -> PyResult {
    let (ty, obj) = if args.pos.len() >= 3 {
        (as_type(&args.pos[1])?, args.pos[2].clone())
    } else if args.pos.len() == 1 {
        zero_arg_super(vm)?
    } else {
        return Err(type_error("super() takes 0 or 2 arguments here"));
    };
    Ok(Value::obj(Payload::Super { ty, obj }))
}

fn zero_arg_super(vm: &mut Vm) -> PyResult<(ObjRef, Value)> {
    let frame = vm.frames.last().ok_or_else(|| PyErr::new("RuntimeError", "super(): no arguments"))?;
    let code = &frame.code;
    if code.argcount == 0 {
        return Err(PyErr::new("RuntimeError", "super(): no arguments"));
    }
    let mut first = frame.slots[0].clone();
    if let Some(j) = code.cell2arg.iter().position(|a| *a == Some(0)) {
        if let Some(Payload::Cell(c)) = frame.slots[code.nlocals() + j].payload() {
            first = c.lock().clone();
        }
    }
    let idx = code.freevars.iter().position(|n| &**n == "__class__");
    let Some(idx) = idx else {
        return Err(PyErr::new("RuntimeError", "super(): __class__ cell not found"));
    };
    let cell = frame.slots[code.nlocals() + code.cellvars.len() + idx].clone();
    let cls = match cell.payload() {
        Some(Payload::Cell(c)) => c.lock().clone(),
        _ => Value::Null,
    };
    if cls.is_null() {
        return Err(PyErr::new("RuntimeError", "super(): empty __class__ cell"));
    }
    Ok((as_type(&cls)?, first))
}

impl Vm {
    /// Attribute lookup through a `super` object.
    pub fn super_getattr(&mut self, ty: &ObjRef, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        let start = match obj.payload() {
            Some(Payload::Type(_)) if is_subtype(obj.as_obj().unwrap(), ty) => obj.as_obj().unwrap().clone(),
            _ => type_of(obj).clone(),
        };
        let mut mro = vec![start.clone()];
        mro.extend(type_data(&start).mro.iter().cloned());
        let pos = mro.iter().position(|t| Arc::ptr_eq(t, ty)).map(|p| p + 1).unwrap_or(mro.len());
        for t in &mro[pos..] {
            let found = type_data(t).dict.lock().get_str(name).cloned();
            if let Some(v) = found {
                if let (Some(Payload::Type(_)), Some(Payload::Function(_))) = (obj.payload(), v.payload()) {
                    return Ok(Some(v));
                }
                return self.bind_descriptor(&v, obj, &start).map(Some);
            }
        }
        Ok(None)
    }
}

use crate::builtins::args::make_instance;

fn property_new(_vm: &mut Vm, mut args: Args) -> PyResult {
    let fget = args.take_kw("fget").or_else(|| args.pos.get(1).cloned()).unwrap_or(Value::None);
    let fset = args.take_kw("fset").or_else(|| args.pos.get(2).cloned()).unwrap_or(Value::None);
    let fdel = args.take_kw("fdel").or_else(|| args.pos.get(3).cloned()).unwrap_or(Value::None);
    let doc = args.take_kw("doc").or_else(|| args.pos.get(4).cloned()).unwrap_or(Value::None);
    let cls = args.pos.first().cloned().unwrap_or(Value::None);
    Ok(make_instance(&cls, &types().property, Payload::Property { fget, fset, fdel, doc: Mutex::new(doc) }))
}

fn property_with(args: &Args, which: usize) -> PyResult {
    let p = arg(args, 0)?;
    let f = arg(args, 1)?.clone();
    let Some(Payload::Property { fget, fset, fdel, doc }) = p.payload() else {
        return Err(type_error("descriptor requires a 'property' object"));
    };
    let (mut g, mut s, mut d) = (fget.clone(), fset.clone(), fdel.clone());
    match which {
        0 => g = f,
        1 => s = f,
        _ => d = f,
    }
    let cls = Value::Obj(type_of(p).clone());
    let doc = Mutex::new(doc.lock().clone());
    Ok(make_instance(&cls, &types().property, Payload::Property { fget: g, fset: s, fdel: d, doc }))
}

fn property_getter(_vm: &mut Vm, args: Args) -> PyResult {
    property_with(&args, 0)
}
fn property_setter(_vm: &mut Vm, args: Args) -> PyResult {
    property_with(&args, 1)
}
fn property_deleter(_vm: &mut Vm, args: Args) -> PyResult {
    property_with(&args, 2)
}
fn property_fget(_vm: &mut Vm, args: Args) -> PyResult {
    match arg(&args, 0)?.payload() {
        Some(Payload::Property { fget, .. }) => Ok(fget.clone()),
        _ => Ok(Value::None),
    }
}

/// `property.__doc__`: the `doc` argument, else the getter's docstring.
fn property_doc(vm: &mut Vm, args: Args) -> PyResult {
    let Some(Payload::Property { fget, doc, .. }) = arg(&args, 0)?.payload() else { return Ok(Value::None) };
    let d = doc.lock().clone();
    if !d.is_none() || fget.is_none() {
        return Ok(d);
    }
    Ok(vm.getattr_opt(fget, "__doc__")?.unwrap_or(Value::None))
}

fn property_set_doc(_vm: &mut Vm, args: Args) -> PyResult {
    if let Some(Payload::Property { doc, .. }) = arg(&args, 0)?.payload() {
        *doc.lock() = args.pos.get(1).cloned().unwrap_or(Value::None);
    }
    Ok(Value::None)
}

fn property_fset(_vm: &mut Vm, args: Args) -> PyResult {
    match arg(&args, 0)?.payload() {
        Some(Payload::Property { fset, .. }) => Ok(fset.clone()),
        _ => Ok(Value::None),
    }
}
fn property_fdel(_vm: &mut Vm, args: Args) -> PyResult {
    match arg(&args, 0)?.payload() {
        Some(Payload::Property { fdel, .. }) => Ok(fdel.clone()),
        _ => Ok(Value::None),
    }
}

/// `property.__get__(obj, type=None)` (what a subclass's `super().__get__` reaches).
fn property_get(vm: &mut Vm, args: Args) -> PyResult {
    let p = arg(&args, 0)?;
    let obj = args.pos.get(1).cloned().unwrap_or(Value::None);
    if obj.is_none() {
        return Ok(p.clone());
    }
    match p.payload() {
        Some(Payload::Property { fget, .. }) if !fget.is_none() => {
            let f = fget.clone();
            vm.call1(&f, obj)
        }
        _ => Err(attribute_error("property has no getter")),
    }
}

/// `property.__set__(obj, value)`.
fn property_set(vm: &mut Vm, args: Args) -> PyResult {
    let p = arg(&args, 0)?;
    let obj = arg(&args, 1)?.clone();
    let v = arg(&args, 2)?.clone();
    match p.payload() {
        Some(Payload::Property { fset, .. }) if !fset.is_none() => {
            let f = fset.clone();
            vm.call2(&f, obj, v)?;
            Ok(Value::None)
        }
        _ => Err(attribute_error(format!("property of '{}' object has no setter", crate::builtins::args::vtname(&obj)))),
    }
}

/// `property.__delete__(obj)`.
fn property_delete(vm: &mut Vm, args: Args) -> PyResult {
    let p = arg(&args, 0)?;
    let obj = arg(&args, 1)?.clone();
    match p.payload() {
        Some(Payload::Property { fdel, .. }) if !fdel.is_none() => {
            let f = fdel.clone();
            vm.call1(&f, obj)?;
            Ok(Value::None)
        }
        _ => Err(attribute_error(format!("property of '{}' object has no deleter", crate::builtins::args::vtname(&obj)))),
    }
}

fn staticmethod_new(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(make_instance(arg(&args, 0)?, &types().staticmethod, Payload::StaticMethod(arg(&args, 1)?.clone())))
}
fn classmethod_new(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(make_instance(arg(&args, 0)?, &types().classmethod, Payload::ClassMethod(arg(&args, 1)?.clone())))
}
fn wrapped_func(_vm: &mut Vm, args: Args) -> PyResult {
    match arg(&args, 0)?.payload() {
        Some(Payload::StaticMethod(f)) | Some(Payload::ClassMethod(f)) => Ok(f.clone()),
        _ => Ok(Value::None),
    }
}

fn getset(t: &ObjRef, name: &'static str, get: NativeFn) {
    type_data(t).dict.lock().set_str(Value::str(name), Value::obj(Payload::GetSet { name, get, set: None }));
}

/// Installs `object`, `type`, `super`, `property`, `staticmethod`,
/// `classmethod` slots and `__build_class__` into `builtins`.
pub fn install(builtins: &mut DictData) {
    let t = types();
    let static_new = |f: NativeFn, name: &'static str| {
        Value::obj(Payload::StaticMethod(Value::obj(Payload::NativeFunc(NativeFunc { name, func: f, bound: Value::Null, fast: None }))))
    };
    type_data(&t.object).dict.lock().set_str(Value::str("__new__"), static_new(object_new, "object.__new__"));
    add_native(&t.object, "__init__", "object.__init__", noop);
    add_native(&t.object, "__eq__", "object.__eq__", object_eq);
    add_native(&t.object, "__ne__", "object.__ne__", object_ne);
    add_native(&t.object, "__hash__", "object.__hash__", object_hash);
    add_native(&t.object, "__repr__", "object.__repr__", object_repr);
    add_native(&t.object, "__str__", "object.__str__", object_str);
    add_native(&t.object, "__setattr__", "object.__setattr__", object_setattr);
    add_native(&t.object, "__delattr__", "object.__delattr__", object_delattr);
    add_native(&t.object, "__format__", "object.__format__", object_format);
    add_native(&t.object, "__getattribute__", "object.__getattribute__", object_getattribute);
    add_native(&t.object, "__init_subclass__", "object.__init_subclass__", noop);
    type_data(&t.type_).dict.lock().set_str(Value::str("__new__"), static_new(type_new_native, "type.__new__"));
    add_native(&t.type_, "__init__", "type.__init__", noop);
    add_native(&t.type_, "mro", "type.mro", type_mro);
    add_native(&t.type_, "__setattr__", "type.__setattr__", type_setattr);
    add_native(&t.type_, "__or__", "type.__or__", type_or);
    add_native(&t.type_, "__ror__", "type.__ror__", type_ror);
    add_native(&t.type_, "__call__", "type.__call__", type_call);
    type_data(&t.super_).dict.lock().set_str(Value::str("__new__"), static_new(super_new, "super.__new__"));
    type_data(&t.property).dict.lock().set_str(Value::str("__new__"), static_new(property_new, "property.__new__"));
    add_native(&t.property, "getter", "property.getter", property_getter);
    add_native(&t.property, "setter", "property.setter", property_setter);
    add_native(&t.property, "deleter", "property.deleter", property_deleter);
    getset(&t.property, "fget", property_fget);
    getset(&t.property, "fset", property_fset);
    getset(&t.property, "fdel", property_fdel);
    type_data(&t.property).dict.lock().set_str(
        Value::str("__doc__"),
        Value::obj(Payload::GetSet { name: "__doc__", get: property_doc, set: Some(property_set_doc) }),
    );
    add_native(&t.property, "__get__", "property.__get__", property_get);
    add_native(&t.property, "__set__", "property.__set__", property_set);
    add_native(&t.property, "__delete__", "property.__delete__", property_delete);
    type_data(&t.staticmethod).dict.lock().set_str(Value::str("__new__"), static_new(staticmethod_new, "staticmethod.__new__"));
    type_data(&t.classmethod).dict.lock().set_str(Value::str("__new__"), static_new(classmethod_new, "classmethod.__new__"));
    getset(&t.staticmethod, "__func__", wrapped_func);
    getset(&t.classmethod, "__func__", wrapped_func);
    for (name, ty) in [
        ("object", &t.object),
        ("type", &t.type_),
        ("super", &t.super_),
        ("property", &t.property),
        ("staticmethod", &t.staticmethod),
        ("classmethod", &t.classmethod),
    ] {
        builtins.set_str(Value::str(name), Value::Obj(ty.clone()));
    }
    let bc = Value::obj(Payload::NativeFunc(NativeFunc { name: "__build_class__", func: build_class, bound: Value::Null, fast: None }));
    builtins.set_str(Value::str("__build_class__"), bc);
}
