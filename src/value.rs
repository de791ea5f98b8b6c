//! The value representation: a small tagged value.
//!
//! `None`, `bool`, small `int` (i64) and `float` are inline and never
//! reference-counted; everything else is an `Arc<Object>`. `Null` is an empty
//! slot (an unbound local, the "no self" marker of `LOAD_METHOD`); it never
//! reaches Python code.

use crate::object::{ObjRef, Object, Payload};
use std::sync::Arc;

/// `repr(u64)`: the tag is a whole word, so a value is two 8-byte words and
/// copies between the value stack and registers never mix a byte-sized tag
/// store with a wider load (which defeats store-to-load forwarding).
#[derive(Default)]
#[repr(u64)]
pub enum Value {
    /// Empty slot: unbound local or the method-call "no self" marker.
    #[default]
    Null,
    None,
    Bool(Flag),
    Int(i64),
    Float(F64),
    Obj(ObjRef),
}

/// A `float` payload, kept as its IEEE bits so that every variant's payload
/// is one integer-class word: the enum is then a pair of scalars to the
/// code generator, moved in two registers instead of through memory.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(transparent)]
pub struct F64(u64);

impl F64 {
    #[inline(always)]
    pub fn new(x: f64) -> F64 {
        F64(x.to_bits())
    }
    #[inline(always)]
    pub fn get(self) -> f64 {
        f64::from_bits(self.0)
    }
}

/// A `bool` payload as a whole word (see `F64`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(transparent)]
pub struct Flag(u64);

impl Flag {
    pub const TRUE: Flag = Flag(1);
    pub const FALSE: Flag = Flag(0);
    #[inline(always)]
    pub fn new(b: bool) -> Flag {
        Flag(b as u64)
    }
    #[inline(always)]
    pub fn get(self) -> bool {
        self.0 != 0
    }
}

impl Clone for Value {
    /// A bitwise copy plus, for an object, one strong-count increment —
    /// what the derived `Clone` does, but copied as two words instead of
    /// being rebuilt field by field.
    #[inline(always)]
    fn clone(&self) -> Value {
        if let Value::Obj(o) = self {
            // SAFETY: `o` is a live `Arc` (borrowed from `self`); the
            // increment accounts for the copy made below.
            unsafe { Arc::increment_strong_count(Arc::as_ptr(o)) };
        }
        // SAFETY: inline variants are plain data; for `Obj` the copy owns
        // the strong reference taken above.
        unsafe { std::ptr::read(self) }
    }
}

impl Value {
    /// A `float` value. Prefer this to naming the variant.
    #[inline(always)]
    pub fn float(x: f64) -> Value {
        Value::Float(F64::new(x))
    }
    /// A `bool` value. Prefer this to naming the variant.
    #[inline(always)]
    pub fn bool(b: bool) -> Value {
        Value::Bool(Flag::new(b))
    }
    /// The payload of an inline `float`.
    #[inline(always)]
    pub fn as_float(&self) -> Option<f64> {
        match self {
            Value::Float(x) => Some(x.get()),
            _ => None,
        }
    }
    /// The payload of an inline `bool`.
    #[inline(always)]
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(b.get()),
            _ => None,
        }
    }
    #[inline]
    pub fn obj(payload: Payload) -> Value {
        Value::Obj(Object::new(payload))
    }
    #[inline]
    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }
    #[inline]
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }
    #[inline]
    pub fn as_obj(&self) -> Option<&ObjRef> {
        match self {
            Value::Obj(o) => Some(o),
            _ => None,
        }
    }
    #[inline]
    pub fn payload(&self) -> Option<&Payload> {
        match self {
            Value::Obj(o) => Some(&o.payload),
            _ => None,
        }
    }
    /// Identity (`is`).
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Null, Value::Null) | (Value::None, Value::None) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.get().to_bits() == b.get().to_bits(),
            (Value::Obj(a), Value::Obj(b)) => Arc::ptr_eq(a, b),
            _ => false,
        }
    }
    /// A stable identity number (`id()`).
    pub fn id(&self) -> i64 {
        match self {
            Value::Obj(o) => Arc::as_ptr(o) as usize as i64,
            Value::None => 0x1000,
            Value::Null => 0,
            Value::Bool(b) => 0x2000 + b.get() as i64,
            Value::Int(i) => i.wrapping_mul(2).wrapping_add(1),
            Value::Float(f) => (f.get().to_bits() as i64) | 1,
        }
    }
    pub fn str(s: &str) -> Value {
        Value::obj(Payload::Str(crate::object::PyStr::new(s.to_string())))
    }
    pub fn string(s: String) -> Value {
        Value::obj(Payload::Str(crate::object::PyStr::new(s)))
    }
    /// The `&str` of a `str` value, if it is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Obj(o) => match &o.payload {
                Payload::Str(s) => Some(s.as_str()),
                _ => None,
            },
            _ => None,
        }
    }
    pub fn tuple(items: Vec<Value>) -> Value {
        Value::obj(Payload::Tuple(items.into_boxed_slice()))
    }
    pub fn list(items: Vec<Value>) -> Value {
        Value::obj(Payload::List(parking_lot::Mutex::new(items)))
    }
    pub fn bigint(n: num_bigint::BigInt) -> Value {
        use num_traits::ToPrimitive;
        match n.to_i64() {
            Some(i) => Value::Int(i),
            None => Value::obj(Payload::BigInt(n)),
        }
    }
    pub fn bytes(b: Vec<u8>) -> Value {
        Value::obj(Payload::Bytes(b.into_boxed_slice()))
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::bool(b)
    }
}
impl From<i64> for Value {
    fn from(i: i64) -> Value {
        Value::Int(i)
    }
}
impl From<f64> for Value {
    fn from(f: f64) -> Value {
        Value::float(f)
    }
}
impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::str(s)
    }
}
impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::string(s)
    }
}
