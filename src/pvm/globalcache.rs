//! Per-thread cache of where `LoadGlobal` (and module-level `LoadName`)
//! found a name: the dict (globals or builtins) and the entry index. An
//! entry is keyed by the instruction (code object and offset) and the
//! frame's globals, and is valid while no watched namespace has gained or
//! lost a key since the lookup (`object::dict::namespace_version`; the
//! globals and builtins dicts a name was found in are watched). Storing a
//! new value under an existing name moves no entry, so it does not
//! invalidate: a hit reads the entry's current value under the dict's lock
//! (and checks the entry still holds the name). Entries hold strong
//! references to their code object, globals and source dict, so no other
//! object can reuse those addresses while the entry exists.

use crate::bytecode::CodeObject;
use crate::object::dict::namespace_version;
use crate::object::{ObjRef, Payload};
use crate::value::Value;
use std::cell::UnsafeCell;
use std::sync::Arc;

const SIZE: usize = 512;

/// Where a watched lookup found a name.
pub struct Located {
    /// The dict object holding the name (the globals or the builtins).
    pub dict: ObjRef,
    /// The name's entry index in that dict.
    pub index: usize,
    /// The namespace version read before the lookup.
    pub version: u64,
}

struct Entry {
    code: Arc<CodeObject>,
    globals: ObjRef,
    ip: usize,
    at: Located,
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
    // SAFETY: only this function reaches the cache, and `f` (`get`/`put`:
    // compare, lock a dict, clone and drop values, no Python code) never
    // re-enters it, so this is the only reference to its contents.
    f(unsafe { &mut *cell })
}

#[inline(always)]
fn slot(code: &Arc<CodeObject>, ip: usize) -> usize {
    ((Arc::as_ptr(code) as usize >> 4) ^ ip.wrapping_mul(0x9E37)) % SIZE
}

/// The current value of `name` for the load at `ip` of `code` run with
/// `globals`, if no watched namespace's key set has changed since it was
/// located.
#[inline(always)]
pub fn get(code: &Arc<CodeObject>, globals: &ObjRef, ip: usize, name: &Value) -> Option<Value> {
    with_cache(|c| {
        let e = c.get(slot(code, ip))?.as_ref()?;
        let hit = e.ip == ip && Arc::ptr_eq(&e.code, code) && Arc::ptr_eq(&e.globals, globals) && e.at.version == namespace_version();
        if !hit {
            return None;
        }
        let Payload::Dict(d) = &e.at.dict.payload else { return None };
        let d = d.lock();
        d.value_at_named(e.at.index, name).cloned()
    })
}

/// Records where the load at `ip` found its name.
pub fn put(code: &Arc<CodeObject>, globals: &ObjRef, ip: usize, at: Located) {
    let entry = Entry { code: code.clone(), globals: globals.clone(), ip, at };
    // The replaced entry is dropped after the borrow ends.
    let _old = with_cache(|c| {
        if c.is_empty() {
            c.resize_with(SIZE, || None);
        }
        c[slot(code, ip)].replace(entry)
    });
}
