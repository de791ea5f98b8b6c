//! Per-thread cache of type attribute lookups ("method cache").
//!
//! Maps (type, attribute name) to the result of walking the type's MRO
//! (`Some(value)` or absent). Every entry is tagged with the global type
//! version (`typedict.rs`) loaded *before* the MRO walk; an entry is used
//! only while that version is still current, so any type-dict mutation
//! anywhere invalidates every entry at once. MROs and bases never change
//! after a type is created, so the version covers everything a lookup
//! depends on.
//!
//! The table is thread-local (tasklets migrate between workers, but the
//! cache holds only globally valid facts checked against the global
//! version, so which thread's table answers does not matter). Entries hold
//! strong references to the type and the name, so a freed type or string
//! cannot be impersonated by a new one allocated at the same address.

use super::pystr::Name;
use super::typedict::type_version;
use super::ObjRef;
use crate::value::Value;
use std::cell::UnsafeCell;
use std::sync::Arc;

const BITS: u32 = 10;
const SIZE: usize = 1 << BITS;

struct Entry {
    version: u64,
    hash: u64,
    ty: ObjRef,
    /// A `str` value holding the attribute name.
    name: Value,
    found: Option<Value>,
}

thread_local! {
    // `ManuallyDrop`: no destructor, so access needs no lazy registration
    // (entries still cached at thread exit are leaked; workers live on).
    static CACHE: UnsafeCell<std::mem::ManuallyDrop<Vec<Option<Entry>>>> = const { UnsafeCell::new(std::mem::ManuallyDrop::new(Vec::new())) };
}

/// Runs `f` on this thread's cache.
#[inline(always)]
fn with_cache<R>(f: impl FnOnce(&mut Vec<Option<Entry>>) -> R) -> R {
    // Only the cell's address is taken inside `with` (a small closure
    // that inlines to a direct thread-local access); the thread-local
    // lives as long as this thread and has no destructor.
    let cell = CACHE.with(|c| c.get());
    // SAFETY: only this function reaches the cache, and `f` (in
    // `cached_lookup`: compares and clones; the MRO walk runs outside)
    // never re-enters it, so this is the only reference to its contents.
    f(unsafe { &mut *cell })
}

#[inline]
fn slot(ty: &ObjRef, hash: u64) -> usize {
    let k = (Arc::as_ptr(ty) as u64 >> 4) ^ hash;
    (k.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - BITS)) as usize
}

/// `walk(ty, name)` (the uncached MRO walk), answered from the cache when
/// possible.
#[inline]
pub fn cached_lookup(ty: &ObjRef, name: &Name, walk: impl FnOnce(&ObjRef, &Name) -> Option<Value>) -> Option<Value> {
    let version = type_version();
    let i = slot(ty, name.hash);
    let hit = with_cache(|c| {
        let e = c.get(i)?.as_ref()?;
        if e.version == version && e.hash == name.hash && Arc::ptr_eq(&e.ty, ty) && name.same_as(&e.name) {
            Some(e.found.clone())
        } else {
            None
        }
    });
    if let Some(found) = hit {
        return found;
    }
    let found = walk(ty, name);
    let entry = Entry { version, hash: name.hash, ty: ty.clone(), name: name.to_value(), found: found.clone() };
    // The replaced entry is dropped after the borrow ends: dropping values
    // never runs Python code, but keep the table unborrowed anyway.
    let _old = with_cache(|c| {
        if c.is_empty() {
            c.resize_with(SIZE, || None);
        }
        c[i].replace(entry)
    });
    found
}
