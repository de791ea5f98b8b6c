//! The heap object model.
//!
//! Every non-inline value is an `Arc<Object>`: a `Payload` (the built-in
//! layout), an optional user class (instances of Python classes, including
//! subclasses of built-in types) and an optional instance `__dict__`.
//! Objects are `Send + Sync`: immutable payloads need no lock, mutable ones
//! (list, dict, set, bytearray, cells, instance dicts) sit behind a
//! `parking_lot::Mutex` that is held only for the duration of one single
//! operation and never while Python code runs, so concurrent single
//! operations are atomic and cannot corrupt an object (free-threaded CPython's
//! model). Every payload can enumerate the values it holds (`trace`).

pub mod attrcache;
pub mod dict;
pub mod pystr;
pub mod typedict;
pub mod types;

pub use dict::{DictData, Lookup};
pub use pystr::{Name, PyStr};
pub use typedict::TypeDict;

use crate::bytecode::CodeObject;
use crate::value::Value;
use num_bigint::BigInt;
use parking_lot::Mutex;
use std::any::Any;
use std::sync::Arc;

pub type ObjRef = Arc<Object>;

pub struct Object {
    pub payload: Payload,
    /// The Python class for instances of user-defined classes; `None` means
    /// the built-in type implied by the payload.
    pub class: Option<ObjRef>,
    /// The instance `__dict__` (user-class instances; functions and modules
    /// keep theirs in the payload): a `dict` object, so `obj.__dict__` is the
    /// live mapping.
    pub dict: Option<ObjRef>,
}

impl Object {
    #[inline]
    pub fn new(payload: Payload) -> ObjRef {
        Arc::new(Object { payload, class: None, dict: None })
    }
    pub fn with_class(payload: Payload, class: ObjRef, has_dict: bool) -> ObjRef {
        Object::with_class_sized(payload, class, has_dict, 0)
    }
    /// `with_class` with room for `attrs` entries in the instance dict.
    pub fn with_class_sized(payload: Payload, class: ObjRef, has_dict: bool, attrs: usize) -> ObjRef {
        let dict = if has_dict { Some(Object::new(Payload::Dict(Mutex::new(DictData::with_capacity(attrs))))) } else { None };
        Arc::new(Object { payload, class: Some(class), dict })
    }
}

impl Drop for Object {
    #[inline]
    fn drop(&mut self) {
        // only instances of classes can have a Python `__del__`
        if self.class.is_some() {
            crate::pvm::delfinal::on_drop(self);
        }
        // a list releases its items last to first (CPython's list_dealloc),
        // which orders their `__del__`s
        if crate::pvm::delfinal::seen() {
            if let Payload::List(l) = &mut self.payload {
                let items = l.get_mut();
                while let Some(v) = items.pop() {
                    drop(v);
                }
            }
        }
    }
}

/// A native (Rust) function's signature. `args.pos` holds the positional
/// arguments (for methods, `self` first); `args.kw` the keyword arguments.
pub type NativeFn = fn(&mut crate::pvm::Vm, Args) -> crate::pvm::PyResult;

#[derive(Default)]
pub struct Args {
    pub pos: Vec<Value>,
    pub kw: Vec<(Arc<str>, Value)>,
}

impl Args {
    pub fn new(pos: Vec<Value>) -> Args {
        Args { pos, kw: Vec::new() }
    }
    /// Removes and returns keyword argument `name`.
    pub fn take_kw(&mut self, name: &str) -> Option<Value> {
        let i = self.kw.iter().position(|(k, _)| &**k == name)?;
        Some(self.kw.remove(i).1)
    }
}

pub struct NativeFunc {
    pub name: &'static str,
    pub func: NativeFn,
    /// Bound receiver for module-level natives that need one (e.g. methods of
    /// a native object created at run time); `Null` when unbound.
    pub bound: Value,
}

pub struct Function {
    pub code: Arc<CodeObject>,
    pub globals: ObjRef,
    pub name: Mutex<Arc<str>>,
    pub qualname: Mutex<Arc<str>>,
    pub defaults: Mutex<Option<Arc<[Value]>>>,
    pub kwdefaults: Mutex<Option<ObjRef>>,
    pub closure: Option<Box<[Value]>>,
    pub dict: Mutex<DictData>,
}

pub struct TypeData {
    pub name: Mutex<Arc<str>>,
    pub qualname: Mutex<Arc<str>>,
    pub bases: Vec<ObjRef>,
    /// Method resolution order, excluding the type itself (no Arc cycle).
    pub mro: Vec<ObjRef>,
    /// Every mutation invalidates the type-attribute cache (`typedict.rs`).
    pub dict: TypeDict,
    /// The built-in layout instances carry (`Instance` for plain classes).
    pub layout: Layout,
    /// True for types created by `class` statements / `type(...)`.
    pub heap_type: bool,
    /// Instances have no `__dict__` (`__slots__` without `__dict__`).
    pub slots: Option<Vec<Arc<str>>>,
    /// The most attributes an instance dict of this type has been seen to
    /// hold: new instances' dicts are allocated that large.
    pub instance_attrs: std::sync::atomic::AtomicU32,
}

/// Which built-in payload instances of a type carry.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Layout {
    Object,
    Int,
    Float,
    Str,
    Bytes,
    Tuple,
    List,
    Dict,
    Set,
    FrozenSet,
    Exception,
    Type,
    /// `collections.deque` (a `Payload::Native` holding a deque): a native
    /// type Python classes may subclass.
    Deque,
    Other,
}

pub struct ExcData {
    pub args: Mutex<Value>,
    pub cause: Mutex<Value>,
    pub context: Mutex<Value>,
    pub suppress_context: Mutex<bool>,
    /// Frames the exception passed through, innermost first.
    pub traceback: Mutex<Vec<TbEntry>>,
}

#[derive(Clone)]
pub struct TbEntry {
    pub code: Arc<CodeObject>,
    pub line: u32,
}

pub struct ModuleData {
    pub name: Arc<str>,
    pub dict: ObjRef,
}

/// Iterators over built-in data, implemented natively.
pub trait NativeIter: Send {
    fn next(&mut self, vm: &mut crate::pvm::Vm) -> crate::pvm::PyResult<Option<Value>>;
    fn trace(&self, f: &mut dyn FnMut(&Value));
    /// `next` for iterators that never need the VM (ranges, built-in
    /// sequences): `Some(item or None at the end)`; `None` means "call
    /// `next`". Lets `ForIter` skip the VM plumbing.
    #[inline]
    fn next_plain(&mut self) -> Option<Option<Value>> {
        None
    }
    /// A length hint (`__length_hint__`), if cheap.
    fn len_hint(&self) -> Option<usize> {
        None
    }
}

/// Objects defined by native modules (tasklets, channels, sockets...).
pub trait NativeObject: Send + Sync + Any {
    fn type_obj(&self) -> &ObjRef;
    fn trace(&self, f: &mut dyn FnMut(&Value));
    fn as_any(&self) -> &dyn Any;
    /// True when equality is identity and the hash is the address, so
    /// `native_eq`/`native_hash` may answer without the type's `__eq__` /
    /// `__hash__` (false for value types such as `collections.deque`).
    fn identity_eq_hash(&self) -> bool {
        true
    }
}

pub enum Payload {
    /// A plain instance of a user class (state lives in `Object::dict`).
    Instance,
    Str(PyStr),
    BigInt(BigInt),
    Bytes(Box<[u8]>),
    ByteArray(Mutex<Vec<u8>>),
    Tuple(Box<[Value]>),
    List(Mutex<Vec<Value>>),
    Dict(Mutex<DictData>),
    Set(Mutex<DictData>),
    FrozenSet(DictData),
    Range { start: i64, stop: i64, step: i64 },
    Slice { start: Value, stop: Value, step: Value },
    Type(Box<TypeData>),
    Function(Box<Function>),
    NativeFunc(NativeFunc),
    BoundMethod { func: Value, this: Value },
    StaticMethod(Value),
    ClassMethod(Value),
    /// `doc` is writable (`prop.__doc__ = ...`), hence the mutex.
    Property { fget: Value, fset: Value, fdel: Value, doc: Mutex<Value> },
    /// A native attribute of a built-in type (e.g. `exc.args`).
    GetSet { name: &'static str, get: NativeFn, set: Option<NativeFn> },
    Super { ty: ObjRef, obj: Value },
    Code(Arc<CodeObject>),
    Cell(Mutex<Value>),
    Module(ModuleData),
    Exception(Box<ExcData>),
    Generator(Mutex<crate::pvm::GenState>),
    Iter(Mutex<Box<dyn NativeIter>>),
    DictView { dict: ObjRef, kind: DictViewKind },
    NotImplemented,
    Ellipsis,
    Native(Box<dyn NativeObject>),
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum DictViewKind {
    Keys,
    Values,
    Items,
}

impl Payload {
    /// Calls `f` on every value this payload references (for a future cycle
    /// collector and for debugging dumps).
    pub fn trace(&self, f: &mut dyn FnMut(&Value)) {
        match self {
            Payload::Tuple(items) => items.iter().for_each(f),
            Payload::List(items) => items.lock().iter().for_each(f),
            Payload::Dict(d) | Payload::Set(d) => d.lock().trace(f),
            Payload::FrozenSet(d) => d.trace(f),
            Payload::Slice { start, stop, step } => {
                f(start);
                f(stop);
                f(step)
            }
            Payload::Type(t) => {
                t.bases.iter().for_each(|b| f(&Value::Obj(b.clone())));
                t.dict.lock().trace(f)
            }
            Payload::Function(func) => {
                f(&Value::Obj(func.globals.clone()));
                if let Some(d) = &*func.defaults.lock() {
                    d.iter().for_each(&mut *f)
                }
                if let Some(c) = &func.closure {
                    c.iter().for_each(&mut *f)
                }
                func.dict.lock().trace(f)
            }
            Payload::NativeFunc(n) => f(&n.bound),
            Payload::BoundMethod { func, this } => {
                f(func);
                f(this)
            }
            Payload::StaticMethod(v) | Payload::ClassMethod(v) => f(v),
            Payload::Property { fget, fset, fdel, doc } => {
                f(fget);
                f(fset);
                f(fdel);
                f(&doc.lock())
            }
            Payload::Super { ty, obj } => {
                f(&Value::Obj(ty.clone()));
                f(obj)
            }
            Payload::Cell(c) => f(&c.lock()),
            Payload::Module(m) => f(&Value::Obj(m.dict.clone())),
            Payload::Exception(e) => {
                f(&e.args.lock());
                f(&e.cause.lock());
                f(&e.context.lock())
            }
            Payload::Generator(g) => {
                if let Some(g) = g.try_lock() {
                    g.trace(f)
                }
            }
            Payload::Iter(it) => {
                if let Some(it) = it.try_lock() {
                    it.trace(f)
                }
            }
            Payload::DictView { dict, .. } => f(&Value::Obj(dict.clone())),
            Payload::Native(n) => n.trace(f),
            Payload::Code(code) => code.consts.iter().for_each(f),
            Payload::Instance
            | Payload::Str(_)
            | Payload::BigInt(_)
            | Payload::Bytes(_)
            | Payload::ByteArray(_)
            | Payload::Range { .. }
            | Payload::GetSet { .. }
            | Payload::NotImplemented
            | Payload::Ellipsis => {}
        }
    }
}

impl Object {
    /// The table of the instance `__dict__`, if the object has one.
    #[inline]
    pub fn inst_dict(&self) -> Option<&Mutex<DictData>> {
        match &self.dict.as_ref()?.payload {
            Payload::Dict(d) => Some(d),
            _ => None,
        }
    }

    /// All references held by this object, including its class and `__dict__`.
    pub fn trace(&self, f: &mut dyn FnMut(&Value)) {
        if let Some(c) = &self.class {
            f(&Value::Obj(c.clone()));
        }
        if let Some(d) = self.inst_dict() {
            d.lock().trace(f);
        }
        self.payload.trace(f)
    }
}
