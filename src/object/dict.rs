//! Insertion-ordered hash table shared by `dict`, `set` and `frozenset`.
//!
//! `entries` keeps insertion order; deleted entries become tombstones (`key`
//! is `Null`) and are compacted when they outnumber live ones. `index` maps a
//! hash to entry positions once the table has more than `SMALL` entries;
//! smaller tables (most instance dicts) are scanned linearly. The table never calls Python code: key equality
//! that needs a user `__eq__` is reported back as `Lookup::NeedsEq` so the
//! caller can release the lock, run `__eq__`, and retry.

use crate::object::pystr::Name;
use crate::value::Value;
use hashbrown::HashTable;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::Arc;

/// The index's hash of a Python hash. Python hashes of small ints are the
/// ints themselves, so their high bits (which the index uses to tag slots)
/// are all equal; multiplying by an odd constant spreads every bit upward.
#[inline(always)]
fn spread(hash: u64) -> u64 {
    hash.wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// Records entry index `i` in an entry hint (indexes past a byte are not
/// remembered).
#[inline(always)]
fn remember(hint: &AtomicU8, i: usize) {
    if let Ok(i) = u8::try_from(i) {
        hint.store(i, Ordering::Relaxed);
    }
}

pub struct Entry {
    pub hash: u64,
    pub key: Value,
    pub value: Value,
}

impl Entry {
    /// Is this entry's key the object `key` itself (identity, not equality)?
    #[inline(always)]
    fn holds_key(&self, key: &Value) -> bool {
        matches!((&self.key, key), (Value::Obj(a), Value::Obj(b)) if Arc::ptr_eq(a, b))
    }
}

/// Tables with at most this many entries (live or tombstones) are searched
/// by name with a linear scan.
const SMALL: usize = 8;

#[derive(Default)]
pub struct DictData {
    entries: Vec<Entry>,
    index: HashTable<usize>,
    live: usize,
    /// Bumped on every insertion/removal (iteration checks, lookup caches).
    pub version: u64,
    /// A namespace some `LoadGlobal` result was cached from: every change
    /// bumps `namespace_version()` (see `pvm::globalcache`).
    watched: bool,
}

/// Bumped by every change to the key set of a watched dict (module globals
/// and builtins whose names `LoadGlobal` has located), and by a new value
/// for a watched dict's `__builtins__` (it redirects builtin lookups).
static NAMESPACE_VERSION: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// The current namespace version. Read it under the dict's lock, after
/// `watch`, to tag values read from that dict.
#[inline]
pub fn namespace_version() -> u64 {
    NAMESPACE_VERSION.load(std::sync::atomic::Ordering::Acquire)
}

/// Result of probing for a key.
pub enum Lookup {
    Found(usize),
    NotFound,
    /// Entry `usize` has the same hash and its equality with the probe key
    /// needs Python code; the caller compares `key` outside the lock.
    NeedsEq(usize, Value),
}

impl DictData {
    pub fn with_capacity(n: usize) -> DictData {
        let index = if n > SMALL { HashTable::with_capacity(n) } else { HashTable::new() };
        DictData { entries: Vec::with_capacity(n), index, live: 0, version: 0, watched: false }
    }
    /// From now on every key-set change to this dict bumps
    /// `namespace_version()`.
    pub fn watch(&mut self) {
        self.watched = true;
    }
    /// Called by every mutation.
    #[inline(always)]
    fn changed(&mut self) {
        self.version += 1;
        if self.watched {
            NAMESPACE_VERSION.fetch_add(1, std::sync::atomic::Ordering::AcqRel);
        }
    }
    /// Entry `i`'s value was replaced (the key set is unchanged): cached
    /// locations stay valid, unless the key is `__builtins__`.
    #[inline(always)]
    fn value_changed(&self, i: usize) {
        if self.watched && self.entries[i].key.as_str() == Some("__builtins__") {
            NAMESPACE_VERSION.fetch_add(1, std::sync::atomic::Ordering::AcqRel);
        }
    }
    #[inline]
    pub fn len(&self) -> usize {
        self.live
    }
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.live == 0
    }

    /// Probes for `key`. `eq(stored)` answers equality natively, or `None`
    /// when Python code is needed. Entries before `skip_until` whose
    /// Python equality was already found false are skipped.
    pub fn lookup(&self, hash: u64, key: &Value, skip: &[usize]) -> Lookup {
        let entries = &self.entries;
        if !self.indexed() {
            for (i, e) in entries.iter().enumerate() {
                if e.hash != hash || e.key.is_null() || skip.contains(&i) {
                    continue;
                }
                if let Some(r) = Self::probe_entry(i, e, key) {
                    return r;
                }
            }
            return Lookup::NotFound;
        }
        for &i in self.index.iter_hash(spread(hash)) {
            let e = &entries[i];
            if e.hash != hash || e.key.is_null() || skip.contains(&i) {
                continue;
            }
            if let Some(r) = Self::probe_entry(i, e, key) {
                return r;
            }
        }
        Lookup::NotFound
    }

    /// Compares entry `i` (same hash, live) with `key`: `None` = different.
    #[inline]
    fn probe_entry(i: usize, e: &Entry, key: &Value) -> Option<Lookup> {
        if e.key.is(key) {
            return Some(Lookup::Found(i));
        }
        match crate::object::types::native_eq(&e.key, key) {
            Some(true) => Some(Lookup::Found(i)),
            Some(false) => None,
            None => Some(Lookup::NeedsEq(i, e.key.clone())),
        }
    }

    /// Invariant: `index` holds every live entry exactly when the table has
    /// more than `SMALL` entries; smaller tables are scanned linearly (most
    /// instance dicts never pay for an index).
    #[inline]
    fn indexed(&self) -> bool {
        self.entries.len() > SMALL
    }

    fn rebuild_index(&mut self) {
        // Room for what the entries were sized for (a pre-sized table does
        // not regrow the index one step at a time).
        let mut index = HashTable::with_capacity(self.entries.capacity());
        for (i, e) in self.entries.iter().enumerate() {
            if e.key.is_null() {
                continue;
            }
            let entries = &self.entries;
            index.insert_unique(spread(e.hash), i, |&j| spread(entries[j].hash));
        }
        self.index = index;
    }

    pub fn entry(&self, i: usize) -> Option<&Entry> {
        self.entries.get(i).filter(|e| !e.key.is_null())
    }
    pub fn value_at(&self, i: usize) -> &Value {
        &self.entries[i].value
    }
    pub fn set_value_at(&mut self, i: usize, v: Value) -> Value {
        self.value_changed(i);
        std::mem::replace(&mut self.entries[i].value, v)
    }

    /// Appends a new key (the caller checked it is absent).
    pub fn insert_new(&mut self, hash: u64, key: Value, value: Value) {
        let pos = self.entries.len();
        self.entries.push(Entry { hash, key, value });
        if pos == SMALL {
            self.rebuild_index();
        } else if pos > SMALL {
            let entries = &self.entries;
            self.index.insert_unique(spread(hash), pos, |&i| spread(entries[i].hash));
        }
        self.live += 1;
        self.changed();
    }

    /// Removes entry `i`, returning its key and value.
    pub fn remove_at(&mut self, i: usize) -> (Value, Value) {
        let hash = self.entries[i].hash;
        if self.indexed() {
            if let Ok(slot) = self.index.find_entry(spread(hash), |&j| j == i) {
                slot.remove();
            }
        }
        let e = &mut self.entries[i];
        let key = std::mem::take(&mut e.key);
        let value = std::mem::take(&mut e.value);
        self.live -= 1;
        self.changed();
        if self.entries.len() > 16 && self.live * 2 < self.entries.len() {
            self.compact();
        }
        (key, value)
    }

    fn compact(&mut self) {
        self.entries.retain(|e| !e.key.is_null());
        if self.indexed() {
            self.rebuild_index();
        } else {
            self.index = HashTable::new();
        }
    }

    pub fn clear(&mut self) {
        self.entries.clear();
        self.index.clear();
        self.live = 0;
        self.changed();
    }

    /// Live entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|e| !e.key.is_null())
    }
    /// The live entry at or after raw position `pos` (for iterators that
    /// survive across unlocks): returns the entry and the next position.
    pub fn next_from(&self, mut pos: usize) -> Option<(&Entry, usize)> {
        while pos < self.entries.len() {
            let e = &self.entries[pos];
            pos += 1;
            if !e.key.is_null() {
                return Some((e, pos));
            }
        }
        None
    }
    pub fn keys(&self) -> Vec<Value> {
        self.iter().map(|e| e.key.clone()).collect()
    }
    pub fn values(&self) -> Vec<Value> {
        self.iter().map(|e| e.value.clone()).collect()
    }
    pub fn items(&self) -> Vec<(Value, Value)> {
        self.iter().map(|e| (e.key.clone(), e.value.clone())).collect()
    }
    /// Removes and returns the last entry (dict.popitem / set.pop order).
    pub fn pop_last(&mut self) -> Option<(Value, Value)> {
        let i = self.entries.iter().rposition(|e| !e.key.is_null())?;
        Some(self.remove_at(i))
    }
    pub fn pop_first(&mut self) -> Option<(Value, Value)> {
        let i = self.entries.iter().position(|e| !e.key.is_null())?;
        Some(self.remove_at(i))
    }
    pub fn trace(&self, f: &mut dyn FnMut(&Value)) {
        for e in self.iter() {
            f(&e.key);
            f(&e.value);
        }
    }
    pub fn clone_data(&self) -> DictData {
        let mut d = DictData::with_capacity(self.live);
        for e in self.iter() {
            d.insert_new(e.hash, e.key.clone(), e.value.clone());
        }
        d
    }

    /// Lookup by a `str` key without any Python code (names, attributes).
    pub fn get_str(&self, name: &str) -> Option<&Value> {
        self.get_name(&Name::from_str(name))
    }
    /// Lookup by a name whose hash is already known (a `str` value's
    /// cached hash): no rehashing, pointer equality before text equality.
    #[inline]
    pub fn get_name(&self, name: &Name) -> Option<&Value> {
        let i = self.find_name(name)?;
        Some(&self.entries[i].value)
    }
    /// `get_name`, trying first the entry `hint` remembers (where this
    /// name was last found by the same code): a hit is one identity
    /// comparison (names are interned); a miss searches and refreshes it.
    #[inline]
    pub fn get_name_hinted(&self, name: &Name, hint: &AtomicU8) -> Option<&Value> {
        let i = self.hinted_index(name, hint)?;
        Some(&self.entries[i].value)
    }
    /// `replace_name` with `get_name_hinted`'s entry hint.
    #[inline]
    pub fn replace_name_hinted(&mut self, name: &Name, value: Value, hint: &AtomicU8) -> Option<Value> {
        match self.hinted_index(name, hint) {
            Some(i) => {
                self.value_changed(i);
                Some(std::mem::replace(&mut self.entries[i].value, value))
            }
            None => {
                self.insert_new(name.hash, name.to_value(), value);
                remember(hint, self.entries.len() - 1);
                None
            }
        }
    }
    #[inline(always)]
    fn hinted_index(&self, name: &Name, hint: &AtomicU8) -> Option<usize> {
        let h = hint.load(Ordering::Relaxed) as usize;
        if let (Some(e), Some(n)) = (self.entries.get(h), name.value) {
            if e.holds_key(n) {
                return Some(h);
            }
        }
        let i = self.find_name(name)?;
        remember(hint, i);
        Some(i)
    }
    /// The entry index of a `str` key, by name.
    #[inline]
    pub fn index_of_name(&self, name: &Name) -> Option<usize> {
        self.find_name(name)
    }
    /// Entry `i`'s value if that entry still holds the key object `name`
    /// (compared by identity: names in namespaces are interned).
    #[inline]
    pub fn value_at_named(&self, i: usize, name: &Value) -> Option<&Value> {
        let e = self.entries.get(i)?;
        e.holds_key(name).then_some(&e.value)
    }
    #[inline]
    fn find_name(&self, name: &Name) -> Option<usize> {
        let hash = name.hash;
        if !self.indexed() {
            return self.entries.iter().position(|e| e.hash == hash && name.same_as(&e.key));
        }
        self.index.iter_hash(spread(hash)).copied().find(|&i| {
            let e = &self.entries[i];
            e.hash == hash && name.same_as(&e.key)
        })
    }
    /// Sets a `str` key (names, attributes). `key` must be a `str` value.
    pub fn set_str(&mut self, key: Value, value: Value) {
        let name = Name::from_value(&key).expect("set_str with a str key");
        match self.find_name(&name) {
            Some(i) => {
                self.value_changed(i);
                self.entries[i].value = value;
            }
            None => {
                // Names are interned (as CPython interns identifiers), so
                // lookups by a code object's interned names match by pointer.
                let hash = name.hash;
                let key = crate::object::pystr::intern(name.text);
                self.insert_new(hash, key, value)
            }
        }
    }
    /// `set_str` by name: the key object is stored only when it is new.
    #[inline]
    pub fn set_name(&mut self, name: &Name, value: Value) {
        match self.find_name(name) {
            Some(i) => {
                self.value_changed(i);
                self.entries[i].value = value;
            }
            None => self.insert_new(name.hash, name.to_value(), value),
        }
    }
    /// `set_name` returning the replaced value (so the caller can drop it
    /// outside a lock).
    #[inline]
    pub fn replace_name(&mut self, name: &Name, value: Value) -> Option<Value> {
        match self.find_name(name) {
            Some(i) => {
                self.value_changed(i);
                Some(std::mem::replace(&mut self.entries[i].value, value))
            }
            None => {
                self.insert_new(name.hash, name.to_value(), value);
                None
            }
        }
    }
    pub fn del_str(&mut self, name: &str) -> Option<Value> {
        let found = self.find_name(&Name::from_str(name))?;
        Some(self.remove_at(found).1)
    }
}
