//! Per-thread cache of `LoadGlobal` results. An entry is keyed by the
//! instruction (code object and offset) and the frame's globals, and is valid
//! while no watched namespace has changed since its value was read
//! (`object::dict::namespace_version`; the globals and builtins dicts a
//! cached value came from are watched). Entries hold strong references to
//! their code object and globals, so no other object can reuse those
//! addresses while the entry exists.

use crate::bytecode::CodeObject;
use crate::object::dict::namespace_version;
use crate::object::ObjRef;
use crate::value::Value;
use std::cell::UnsafeCell;
use std::sync::Arc;

const SIZE: usize = 512;

struct Entry {
    code: Arc<CodeObject>,
    globals: ObjRef,
    ip: usize,
    version: u64,
    value: Value,
}

thread_local! {
    // `ManuallyDrop`: no destructor, so access needs no lazy registration
    // (entries still cached at thread exit are leaked; workers live on).
    static CACHE: UnsafeCell<std::mem::ManuallyDrop<Vec<Option<Entry>>>> = const { UnsafeCell::new(std::mem::ManuallyDrop::new(Vec::new())) };
}

/// Runs `f` on this thread's cache.
#[inline(always)]
fn with_cache<R>(f: impl FnOnce(&mut Vec<Option<Entry>>) -> R) -> R {
    CACHE.with(|c| {
        // SAFETY: the cache is only reached through this function, and `f`
        // (the bodies of `get` and `put` below) never re-enters it: they only
        // compare, clone and drop values, and dropping a value runs no Python
        // code. So this is the only reference to the cell's contents.
        f(unsafe { &mut *c.get() })
    })
}

#[inline(always)]
fn slot(code: &Arc<CodeObject>, ip: usize) -> usize {
    ((Arc::as_ptr(code) as usize >> 4) ^ ip.wrapping_mul(0x9E37)) % SIZE
}

/// The cached value of the `LoadGlobal` at `ip` of `code` run with
/// `globals`, if nothing watched has changed since it was read.
#[inline(always)]
pub fn get(code: &Arc<CodeObject>, globals: &ObjRef, ip: usize) -> Option<Value> {
    with_cache(|c| {
        let e = c.get(slot(code, ip))?.as_ref()?;
        let hit = e.ip == ip && Arc::ptr_eq(&e.code, code) && Arc::ptr_eq(&e.globals, globals) && e.version == namespace_version();
        hit.then(|| e.value.clone())
    })
}

/// Records `value`, read at namespace version `version`.
pub fn put(code: &Arc<CodeObject>, globals: &ObjRef, ip: usize, version: u64, value: Value) {
    let entry = Entry { code: code.clone(), globals: globals.clone(), ip, version, value };
    // The replaced entry is dropped after the borrow ends.
    let _old = with_cache(|c| {
        if c.is_empty() {
            c.resize_with(SIZE, || None);
        }
        c[slot(code, ip)].replace(entry)
    });
}
