//! `str` payload: immutable UTF-8 text with a cached hash and char count.
//!
//! Python indexes strings by code point; `char_len` and `ascii` make the
//! common ASCII case O(1). The hash is computed once (0 means "not yet").

use crate::value::Value;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

pub struct PyStr {
    s: Box<str>,
    char_len: usize,
    hash: AtomicU64,
}

impl PyStr {
    pub fn new(s: String) -> PyStr {
        let char_len = if s.is_ascii() { s.len() } else { s.chars().count() };
        PyStr { s: s.into_boxed_str(), char_len, hash: AtomicU64::new(0) }
    }
    #[inline]
    pub fn as_str(&self) -> &str {
        &self.s
    }
    /// Length in code points.
    #[inline]
    pub fn char_len(&self) -> usize {
        self.char_len
    }
    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.char_len == self.s.len()
    }
    /// The code point at char index `i` (0 <= i < char_len).
    pub fn char_at(&self, i: usize) -> Option<char> {
        if self.is_ascii() {
            self.s.as_bytes().get(i).map(|b| *b as char)
        } else {
            self.s.chars().nth(i)
        }
    }
    /// Byte offset of char index `i` (clamped to the end).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii() {
            i.min(self.s.len())
        } else {
            self.s.char_indices().nth(i).map(|(b, _)| b).unwrap_or(self.s.len())
        }
    }
    pub fn hash(&self) -> u64 {
        // Relaxed: the hash is a pure function of immutable data; racing
        // writers store the same value.
        let h = self.hash.load(Ordering::Relaxed);
        if h != 0 {
            return h;
        }
        let h = str_hash(&self.s);
        self.hash.store(h, Ordering::Relaxed);
        h
    }
}

/// FNV-1a folded so that it is never 0 or the "-1" of CPython's C API.
pub fn str_hash(s: &str) -> u64 {
    if s.is_empty() {
        // CPython: hash('') == 0 (other str hashes are randomized there).
        return 0;
    }
    let mut h: u64 = 0xcbf29ce484222325;
    for b in s.as_bytes() {
        h ^= *b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    // Keep it inside the positive i64 range minus -1/0 surprises.
    let h = h >> 2;
    if h == 0 {
        1
    } else {
        h
    }
}

/// CPython 3.11's tuple hash (xxHash-based `tuplehash`) over item hashes.
pub fn tuple_hash_of(hashes: impl ExactSizeIterator<Item = i64>) -> i64 {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let len = hashes.len() as u64;
    let mut acc = P5;
    for h in hashes {
        acc = acc.wrapping_add((h as u64).wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add(len ^ (P5 ^ 3527539));
    if acc == u64::MAX {
        return 1546275796;
    }
    acc as i64
}

/// CPython 3.11's frozenset hash over the members' hashes.
pub fn frozenset_hash_of(hashes: impl ExactSizeIterator<Item = u64>) -> i64 {
    fn shuffle(h: u64) -> u64 {
        ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
    }
    let n = hashes.len() as u64;
    let mut hash: u64 = 0;
    for h in hashes {
        hash ^= shuffle(h);
    }
    hash ^= (n + 1).wrapping_mul(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907133923);
    if hash == u64::MAX {
        return 590923713;
    }
    hash as i64
}

/// The name of a lookup: its text and cached hash, plus the `str` object
/// it came from when there is one (pointer-equality fast check, and no
/// allocation when the entry is filled).
pub struct Name<'a> {
    pub text: &'a str,
    pub hash: u64,
    pub value: Option<&'a Value>,
}

impl<'a> Name<'a> {
    pub fn from_str(text: &'a str) -> Name<'a> {
        Name { text, hash: str_hash(text), value: None }
    }
    /// `v` must be a `str` value.
    #[inline]
    pub fn from_value(v: &'a Value) -> Option<Name<'a>> {
        let s = pystr_of(v)?;
        Some(Name { text: s.as_str(), hash: s.hash(), value: Some(v) })
    }
    #[inline]
    pub fn same_as(&self, stored: &Value) -> bool {
        if let (Some(Value::Obj(a)), Value::Obj(b)) = (self.value, stored) {
            if Arc::ptr_eq(a, b) {
                return true;
            }
        }
        stored.as_str() == Some(self.text)
    }
    pub fn to_value(&self) -> Value {
        match self.value {
            Some(v) => v.clone(),
            None => Value::str(self.text),
        }
    }
}

#[inline]
pub fn pystr_of(v: &Value) -> Option<&PyStr> {
    match v {
        Value::Obj(o) => match &o.payload {
            crate::object::Payload::Str(s) => Some(s),
            _ => None,
        },
        _ => None,
    }
}


/// The process-wide `str` object for identifier `s` (attribute and global
/// names of code objects). Interning makes the same name in different code
/// objects one object, so name lookups usually succeed on pointer equality
/// (`Name::same_as`). Interned strings live for the whole process, like
/// CPython's interned identifiers; their number is bounded by the program.
pub fn intern(s: &str) -> Value {
    use parking_lot::Mutex;
    use std::collections::HashMap;
    use std::sync::OnceLock;
    static TABLE: OnceLock<Mutex<HashMap<Box<str>, Value>>> = OnceLock::new();
    let mut table = TABLE.get_or_init(Default::default).lock();
    if let Some(v) = table.get(s) {
        return v.clone();
    }
    let v = Value::str(s);
    table.insert(s.into(), v.clone());
    v
}
