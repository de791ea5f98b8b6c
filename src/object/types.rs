//! The built-in type objects (a process-wide registry), `type_of`, and the
//! native equality/hash used by dicts and sets without running Python code.

use super::{Layout, ObjRef, Object, Payload, TypeData};
use crate::value::Value;
use num_bigint::BigInt;
use num_traits::ToPrimitive;
use parking_lot::Mutex;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

macro_rules! builtin_types {
    ($($field:ident : $name:literal, $base:ident, $layout:ident;)*) => {
        /// Every built-in type, created once per process.
        pub struct BuiltinTypes {
            $(pub $field: ObjRef,)*
            /// Exception classes by name.
            pub exceptions: HashMap<&'static str, ObjRef>,
            pub none: Value,
            pub not_implemented: Value,
            pub ellipsis: Value,
        }

        fn create_types() -> BuiltinTypes {
            let mut made: HashMap<&'static str, ObjRef> = HashMap::new();
            $(
                let base = made.get(stringify!($base)).cloned();
                let t = new_type($name, base, Layout::$layout, false);
                made.insert(stringify!($field), t);
            )*
            let mut exceptions = HashMap::new();
            exceptions.insert("BaseException", made["base_exception"].clone());
            for (name, base) in &EXCEPTIONS[1..] {
                let base = exceptions.get(base).cloned().or_else(|| made.get(*base).cloned());
                let t = new_type(name, base, Layout::Exception, false);
                exceptions.insert(*name, t);
            }
            let eg = exception_group_type(&exceptions["BaseExceptionGroup"], &exceptions["Exception"]);
            exceptions.insert("ExceptionGroup", eg);
            BuiltinTypes {
                $($field: made.remove(stringify!($field)).unwrap(),)*
                exceptions,
                none: Value::None,
                not_implemented: Value::obj(Payload::NotImplemented),
                ellipsis: Value::obj(Payload::Ellipsis),
            }
        }
    };
}

// field: Python name, base field (`object` for the root), layout.
builtin_types! {
    object: "object", object, Object;
    type_: "type", object, Type;
    int: "int", object, Int;
    bool_: "bool", int, Int;
    float: "float", object, Float;
    str_: "str", object, Str;
    bytes: "bytes", object, Bytes;
    bytearray: "bytearray", object, Other;
    list: "list", object, List;
    tuple: "tuple", object, Tuple;
    dict: "dict", object, Dict;
    set: "set", object, Set;
    frozenset: "frozenset", object, FrozenSet;
    range: "range", object, Other;
    slice: "slice", object, Other;
    none_type: "NoneType", object, Other;
    not_implemented_type: "NotImplementedType", object, Other;
    ellipsis_type: "ellipsis", object, Other;
    function: "function", object, Other;
    builtin_function: "builtin_function_or_method", object, Other;
    method: "method", object, Other;
    staticmethod: "staticmethod", object, Other;
    classmethod: "classmethod", object, Other;
    property: "property", object, Other;
    getset_descriptor: "getset_descriptor", object, Other;
    super_: "super", object, Other;
    code: "code", object, Other;
    cell: "cell", object, Other;
    module: "module", object, Other;
    generator: "generator", object, Other;
    iterator: "iterator", object, Other;
    dict_keys: "dict_keys", object, Other;
    dict_values: "dict_values", object, Other;
    dict_items: "dict_items", object, Other;
    base_exception: "BaseException", object, Exception;
}

/// (name, base) in definition order; the root `BaseException` is above.
pub const EXCEPTIONS: &[(&str, &str)] = &[
    ("BaseException", "base_exception"),
    ("SystemExit", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("GeneratorExit", "BaseException"),
    ("Exception", "BaseException"),
    ("BaseExceptionGroup", "BaseException"),
    ("TaskletExit", "SystemExit"),
    ("StopIteration", "Exception"),
    ("StopAsyncIteration", "Exception"),
    ("ArithmeticError", "Exception"),
    ("FloatingPointError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("AssertionError", "Exception"),
    ("AttributeError", "Exception"),
    ("BufferError", "Exception"),
    ("EOFError", "Exception"),
    ("ImportError", "Exception"),
    ("ModuleNotFoundError", "ImportError"),
    ("LookupError", "Exception"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("MemoryError", "Exception"),
    ("NameError", "Exception"),
    ("UnboundLocalError", "NameError"),
    ("OSError", "Exception"),
    ("BlockingIOError", "OSError"),
    ("ChildProcessError", "OSError"),
    ("ConnectionError", "OSError"),
    ("BrokenPipeError", "ConnectionError"),
    ("ConnectionAbortedError", "ConnectionError"),
    ("ConnectionRefusedError", "ConnectionError"),
    ("ConnectionResetError", "ConnectionError"),
    ("FileExistsError", "OSError"),
    ("FileNotFoundError", "OSError"),
    ("InterruptedError", "OSError"),
    ("IsADirectoryError", "OSError"),
    ("NotADirectoryError", "OSError"),
    ("PermissionError", "OSError"),
    ("ProcessLookupError", "OSError"),
    ("TimeoutError", "OSError"),
    ("ReferenceError", "Exception"),
    ("RuntimeError", "Exception"),
    ("NotImplementedError", "RuntimeError"),
    ("RecursionError", "RuntimeError"),
    ("SyntaxError", "Exception"),
    ("IndentationError", "SyntaxError"),
    ("TabError", "IndentationError"),
    ("SystemError", "Exception"),
    ("TypeError", "Exception"),
    ("ValueError", "Exception"),
    ("UnicodeError", "ValueError"),
    ("UnicodeDecodeError", "UnicodeError"),
    ("UnicodeEncodeError", "UnicodeError"),
    ("Warning", "Exception"),
    ("UserWarning", "Warning"),
    ("DeprecationWarning", "Warning"),
    ("RuntimeWarning", "Warning"),
    ("UnicodeTranslateError", "UnicodeError"),
    ("PendingDeprecationWarning", "Warning"),
    ("SyntaxWarning", "Warning"),
    ("FutureWarning", "Warning"),
    ("ImportWarning", "Warning"),
    ("UnicodeWarning", "Warning"),
    ("BytesWarning", "Warning"),
    ("ResourceWarning", "Warning"),
    ("EncodingWarning", "Warning"),
];

pub fn new_type(name: &str, base: Option<ObjRef>, layout: Layout, heap_type: bool) -> ObjRef {
    let mut mro = Vec::new();
    if let Some(b) = &base {
        mro.push(b.clone());
        if let Payload::Type(bt) = &b.payload {
            mro.extend(bt.mro.iter().cloned());
        }
    }
    let name: Arc<str> = Arc::from(name);
    Object::new(Payload::Type(Box::new(TypeData {
        name: Mutex::new(name.clone()),
        qualname: Mutex::new(name),
        bases: base.into_iter().collect(),
        mro,
        dict: super::TypeDict::default(),
        layout,
        heap_type,
        slots: None,
        instance_attrs: Default::default(),
    })))
}

/// `ExceptionGroup(BaseExceptionGroup, Exception)`: the one builtin
/// exception with two bases (so `except Exception` catches it).
fn exception_group_type(beg: &ObjRef, exception: &ObjRef) -> ObjRef {
    let mut mro = vec![beg.clone(), exception.clone()];
    if let Payload::Type(et) = &exception.payload {
        mro.extend(et.mro.iter().cloned());
    }
    let name: Arc<str> = Arc::from("ExceptionGroup");
    Object::new(Payload::Type(Box::new(TypeData {
        name: Mutex::new(name.clone()),
        qualname: Mutex::new(name),
        bases: vec![beg.clone(), exception.clone()],
        mro,
        dict: super::TypeDict::default(),
        layout: Layout::Exception,
        heap_type: false,
        slots: None,
        instance_attrs: Default::default(),
    })))
}

static TYPES: OnceLock<BuiltinTypes> = OnceLock::new();

/// The built-in types (created on first use).
#[inline]
pub fn types() -> &'static BuiltinTypes {
    TYPES.get_or_init(create_types)
}

/// The exception class `name` (panics on an unknown name: a weft bug).
pub fn exc_type(name: &str) -> &'static ObjRef {
    types().exceptions.get(name).unwrap_or_else(|| panic!("internal error: no exception type {name}"))
}

/// The type of any value.
#[inline]
pub fn type_of(v: &Value) -> &ObjRef {
    // Instances of classes first: no need for the builtin type table.
    if let Value::Obj(o) = v {
        if let Some(c) = &o.class {
            return c;
        }
    }
    let t = types();
    match v {
        Value::Null | Value::None => &t.none_type,
        Value::Bool(_) => &t.bool_,
        Value::Int(_) => &t.int,
        Value::Float(_) => &t.float,
        Value::Obj(o) => {
            if let Some(c) = &o.class {
                return c;
            }
            payload_type(&o.payload)
        }
    }
}

fn payload_type(p: &Payload) -> &ObjRef {
    let t = types();
    match p {
        Payload::Instance => &t.object,
        Payload::Str(_) => &t.str_,
        Payload::BigInt(_) => &t.int,
        Payload::Bytes(_) => &t.bytes,
        Payload::ByteArray(_) => &t.bytearray,
        Payload::Tuple(_) => &t.tuple,
        Payload::List(_) => &t.list,
        Payload::Dict(_) => &t.dict,
        Payload::Set(_) => &t.set,
        Payload::FrozenSet(_) => &t.frozenset,
        Payload::Range { .. } => &t.range,
        Payload::Slice { .. } => &t.slice,
        Payload::Type(_) => &t.type_,
        Payload::Function(_) => &t.function,
        Payload::NativeFunc(_) => &t.builtin_function,
        Payload::BoundMethod { .. } => &t.method,
        Payload::StaticMethod(_) => &t.staticmethod,
        Payload::ClassMethod(_) => &t.classmethod,
        Payload::Property { .. } => &t.property,
        Payload::GetSet { .. } => &t.getset_descriptor,
        Payload::Super { .. } => &t.super_,
        Payload::Code(_) => &t.code,
        Payload::Cell(_) => &t.cell,
        Payload::Module(_) => &t.module,
        Payload::Exception(_) => &t.base_exception,
        Payload::Generator(_) => &t.generator,
        Payload::Iter(_) => &t.iterator,
        Payload::DictView { kind, .. } => match kind {
            super::DictViewKind::Keys => &t.dict_keys,
            super::DictViewKind::Values => &t.dict_values,
            super::DictViewKind::Items => &t.dict_items,
        },
        Payload::NotImplemented => &t.not_implemented_type,
        Payload::Ellipsis => &t.ellipsis_type,
        Payload::Native(n) => n.type_obj(),
    }
}

/// The `TypeData` of a type object.
pub fn type_data(t: &ObjRef) -> &TypeData {
    match &t.payload {
        Payload::Type(td) => td,
        _ => panic!("internal error: type_data on a non-type"),
    }
}

/// Looks `name` up along the type's MRO (no descriptors invoked).
#[inline]
pub fn lookup_in_type(t: &ObjRef, name: &str) -> Option<Value> {
    lookup_in_type_name(t, &super::Name::from_str(name))
}

/// `lookup_in_type` for a name with a known hash (cached per thread; see
/// `attrcache.rs`).
#[inline]
pub fn lookup_in_type_name(t: &ObjRef, name: &super::Name) -> Option<Value> {
    super::attrcache::cached_lookup(t, name, walk_mro)
}

/// The uncached MRO walk.
fn walk_mro(t: &ObjRef, name: &super::Name) -> Option<Value> {
    let td = type_data(t);
    if let Some(v) = td.dict.lock().get_name(name) {
        return Some(v.clone());
    }
    for b in &td.mro {
        if let Some(v) = type_data(b).dict.lock().get_name(name) {
            return Some(v.clone());
        }
    }
    None
}

/// Bits of `type_flags`.
pub mod tflags {
    /// `__setattr__` is not `object.__setattr__`.
    pub const CUSTOM_SETATTR: u64 = 1;
    /// `__delattr__` is not `object.__delattr__`.
    pub const CUSTOM_DELATTR: u64 = 2;
    /// Defines `__getattr__` (the fallback after a failed lookup).
    pub const HAS_GETATTR: u64 = 4;
    /// `__slots__` without a `__dict__`: only slot names can be set.
    pub const SLOTS_ONLY: u64 = 8;
    /// A heap type with the plain instance layout whose `__new__` is
    /// `object.__new__`: calling it makes a fresh `Instance` with a dict.
    pub const PLAIN_NEW: u64 = 16;
    /// No data descriptor (property, getset, object with `__set__` or
    /// `__delete__`) under a non-dunder name anywhere in the MRO: for a
    /// plain instance, a non-dunder attribute found in the instance dict is
    /// the answer, and storing one goes straight to the dict (when
    /// `__setattr__` is not custom).
    pub const NO_DATA_DESCR: u64 = 32;
    /// `__getattribute__` is not `object.__getattribute__` (then no
    /// attribute fast path applies: NO_DATA_DESCR is never set with it).
    pub const CUSTOM_GETATTRIBUTE: u64 = 64;
    /// Defines `__del__` (see `pvm::delfinal`).
    pub const HAS_DEL: u64 = 128;
}

/// Attribute-protocol facts about `t` (see `tflags`), cached on the type
/// and recomputed after any type-dict mutation.
#[inline]
pub fn type_flags(t: &ObjRef) -> u64 {
    let td = type_data(t);
    let version = super::typedict::type_version();
    if let Some(f) = td.dict.cached_flags(version) {
        return f;
    }
    let f = compute_type_flags(t);
    td.dict.store_flags(version, f);
    f
}

fn compute_type_flags(t: &ObjRef) -> u64 {
    let is_custom = |name: &str| match lookup_in_type(t, name) {
        Some(m) => !matches!(m.payload(), Some(Payload::NativeFunc(n)) if n.name.starts_with("object.")),
        None => false,
    };
    let mut f = 0;
    if is_custom("__setattr__") {
        f |= tflags::CUSTOM_SETATTR;
    }
    if is_custom("__delattr__") {
        f |= tflags::CUSTOM_DELATTR;
    }
    if lookup_in_type(t, "__getattr__").is_some() {
        f |= tflags::HAS_GETATTR;
    }
    if lookup_in_type(t, "__del__").is_some() {
        f |= tflags::HAS_DEL;
        crate::pvm::delfinal::note_del_class();
    }
    let td = type_data(t);
    if td.slots.is_some() && lookup_in_type(t, "__dict__").is_none() {
        f |= tflags::SLOTS_ONLY;
    }
    let object_new = match lookup_in_type(t, "__new__") {
        Some(Value::Obj(o)) => match &o.payload {
            Payload::StaticMethod(inner) => matches!(inner.payload(), Some(Payload::NativeFunc(n)) if n.name == "object.__new__"),
            Payload::NativeFunc(n) => n.name == "object.__new__",
            _ => false,
        },
        _ => false,
    };
    if object_new && td.heap_type && td.layout == Layout::Object {
        f |= tflags::PLAIN_NEW;
    }
    if is_custom("__getattribute__") && td.heap_type {
        f |= tflags::CUSTOM_GETATTRIBUTE;
    } else if !has_data_descr(t) {
        f |= tflags::NO_DATA_DESCR;
    }
    f
}

/// A data descriptor under a non-dunder name in `t` or its MRO (see
/// `tflags::NO_DATA_DESCR`).
fn has_data_descr(t: &ObjRef) -> bool {
    let td = type_data(t);
    std::iter::once(t).chain(td.mro.iter()).any(|c| {
        let values: Vec<Value> = type_data(c)
            .dict
            .lock()
            .iter()
            .filter(|e| !e.key.as_str().is_some_and(|k| k.starts_with("__")))
            .map(|e| e.value.clone())
            .collect();
        values.iter().any(|v| match v.payload() {
            Some(Payload::Property { .. }) | Some(Payload::GetSet { .. }) => true,
            Some(Payload::Instance) | Some(Payload::Native(_)) => {
                let vt = type_of(v);
                lookup_in_type(vt, "__set__").is_some() || lookup_in_type(vt, "__delete__").is_some()
            }
            _ => false,
        })
    })
}

/// Is `sub` the same as or a subclass of `sup`?
pub fn is_subtype(sub: &ObjRef, sup: &ObjRef) -> bool {
    Arc::ptr_eq(sub, sup) || type_data(sub).mro.iter().any(|t| Arc::ptr_eq(t, sup))
}

/// True when instances of `t` compare by identity (no `__eq__` override).
fn eq_is_identity(t: &ObjRef) -> bool {
    match lookup_in_type(t, "__eq__") {
        None => true,
        Some(Value::Obj(o)) => matches!(&o.payload, Payload::NativeFunc(n) if n.name == "object.__eq__"),
        Some(_) => false,
    }
}

/// Equality of two values when it needs no Python code; `None` otherwise.
pub fn native_eq(a: &Value, b: &Value) -> Option<bool> {
    use Value::*;
    Some(match (a, b) {
        (None, None) => true,
        (Int(x), Int(y)) => x == y,
        (Bool(x), Bool(y)) => x == y,
        (Int(x), Bool(y)) | (Bool(y), Int(x)) => *x == y.get() as i64,
        (Float(x), Float(y)) => x == y,
        (Int(x), Float(y)) | (Float(y), Int(x)) => int_float_eq(*x, y.get()),
        (Bool(x), Float(y)) | (Float(y), Bool(x)) => (x.get() as i64 as f64) == y.get(),
        (Obj(x), Obj(y)) => return obj_native_eq(x, y),
        (Obj(o), other) | (other, Obj(o)) => {
            if o.class.is_some() {
                if eq_is_identity(o.class.as_ref().unwrap()) {
                    return Some(false);
                }
                return Option::None;
            }
            match (&o.payload, other) {
                (Payload::BigInt(_), Float(f)) => bigint_to_f64(o).map(|x| x == f.get()).unwrap_or(false),
                _ => false,
            }
        }
        _ => false,
    })
}

fn int_float_eq(i: i64, f: f64) -> bool {
    f.fract() == 0.0 && f >= -9.3e18 && f <= 9.3e18 && (f as i128) == i as i128
}

fn bigint_to_f64(o: &ObjRef) -> Option<f64> {
    match &o.payload {
        Payload::BigInt(b) => b.to_f64(),
        _ => Option::None,
    }
}

fn obj_native_eq(x: &ObjRef, y: &ObjRef) -> Option<bool> {
    if Arc::ptr_eq(x, y) {
        return Some(true);
    }
    if let Some(c) = x.class.as_ref().or(y.class.as_ref()) {
        let _ = c;
        let xi = x.class.as_ref().map(eq_is_identity).unwrap_or(true);
        let yi = y.class.as_ref().map(eq_is_identity).unwrap_or(true);
        if !(xi && yi) {
            return None;
        }
        if x.class.is_some() && matches!(x.payload, Payload::Instance) || y.class.is_some() && matches!(y.payload, Payload::Instance) {
            return Some(false);
        }
    }
    if let (Payload::Native(n), _) | (_, Payload::Native(n)) = (&x.payload, &y.payload) {
        if !n.identity_eq_hash() {
            return None;
        }
    }
    Some(match (&x.payload, &y.payload) {
        (Payload::Str(a), Payload::Str(b)) => a.as_str() == b.as_str(),
        (Payload::BigInt(a), Payload::BigInt(b)) => a == b,
        (Payload::Bytes(a), Payload::Bytes(b)) => a == b,
        (Payload::Tuple(a), Payload::Tuple(b)) => {
            if a.len() != b.len() {
                return Some(false);
            }
            for (p, q) in a.iter().zip(b.iter()) {
                if p.is(q) {
                    continue;
                }
                match native_eq(p, q) {
                    Some(true) => {}
                    Some(false) => return Some(false),
                    None => return None,
                }
            }
            true
        }
        (Payload::FrozenSet(a), Payload::FrozenSet(b)) => {
            if a.len() != b.len() {
                return Some(false);
            }
            for e in a.iter() {
                match b.lookup(e.hash, &e.key, &[]) {
                    super::Lookup::Found(_) => {}
                    super::Lookup::NotFound => return Some(false),
                    super::Lookup::NeedsEq(..) => return None,
                }
            }
            true
        }
        (Payload::Range { start: a, stop: b, step: c }, Payload::Range { start: d, stop: e, step: f }) => {
            (a, b, c) == (d, e, f)
        }
        (Payload::List(_), _) | (Payload::Dict(_), _) | (Payload::Set(_), _) | (Payload::ByteArray(_), _) => {
            // Mutable containers are unhashable; their equality is done by
            // the VM (elements may need `__eq__`).
            return None;
        }
        (Payload::Exception(_), _) | (Payload::Instance, _) => false,
        _ => false,
    })
}

/// CPython's numeric hash modulus (2**61 - 1).
pub const HASH_MODULUS: u64 = (1 << 61) - 1;

pub fn hash_i64(i: i64) -> i64 {
    let m = (i.unsigned_abs() % HASH_MODULUS) as i64;
    let h = if i < 0 { -m } else { m };
    if h == -1 {
        -2
    } else {
        h
    }
}

pub fn hash_bigint(b: &BigInt) -> i64 {
    let m = BigInt::from(HASH_MODULUS);
    let r = (b.magnitude() % m.magnitude()).to_u64().unwrap_or(0) as i64;
    let h = if b.sign() == num_bigint::Sign::Minus { -r } else { r };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// CPython's `_Py_HashDouble` (without the NaN identity twist: NaN -> 0).
pub fn hash_f64(v: f64) -> i64 {
    if !v.is_finite() {
        return if v.is_infinite() { if v > 0.0 { 314159 } else { -314159 } } else { 0 };
    }
    if v.fract() == 0.0 && v.abs() < 9.2e18 {
        return hash_i64(v as i64);
    }
    let (mut m, mut e) = frexp(v);
    let mut sign = 1i64;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & HASH_MODULUS) | x >> (61 - 28);
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= HASH_MODULUS {
            x -= HASH_MODULUS;
        }
    }
    let e = if e >= 0 { e % 61 } else { 61 - 1 - ((-1 - e) % 61) };
    x = ((x << e) & HASH_MODULUS) | x >> (61 - e);
    let h = x as i64 * sign;
    if h == -1 {
        -2
    } else {
        h
    }
}

fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 {
        return (0.0, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(v * (1u64 << 54) as f64);
        return (m, e - 54);
    }
    let e = exp - 1022;
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, e)
}

/// Hash of a value when it needs no Python code. `Err(())` = unhashable
/// built-in; `Ok(None)` = needs a user `__hash__`.
pub fn native_hash(v: &Value) -> Result<Option<i64>, ()> {
    Ok(Some(match v {
        Value::Null | Value::None => 0x5f3759df,
        Value::Bool(b) => b.get() as i64,
        Value::Int(i) => hash_i64(*i),
        Value::Float(f) => hash_f64(f.get()),
        Value::Obj(o) => {
            if o.class.is_some() {
                return Ok(None);
            }
            match &o.payload {
                Payload::Str(s) => s.hash() as i64,
                Payload::BigInt(b) => hash_bigint(b),
                Payload::Bytes(b) => crate::object::pystr::str_hash(&String::from_utf8_lossy(b)) as i64 ^ 0x55,
                Payload::Tuple(items) => {
                    let mut hs = Vec::with_capacity(items.len());
                    for it in items.iter() {
                        match native_hash(it)? {
                            Some(h) => hs.push(h),
                            None => return Ok(None),
                        }
                    }
                    crate::object::pystr::tuple_hash_of(hs.into_iter())
                }
                Payload::FrozenSet(d) => crate::object::pystr::frozenset_hash_of(d.iter().map(|e| e.hash).collect::<Vec<_>>().into_iter()),
                Payload::List(_) | Payload::Dict(_) | Payload::Set(_) | Payload::ByteArray(_) => return Err(()),
                Payload::Slice { .. } => return Err(()),
                Payload::Native(n) if !n.identity_eq_hash() => return Ok(None),
                _ => (Arc::as_ptr(o) as usize >> 4) as i64,
            }
        }
    }))
}
