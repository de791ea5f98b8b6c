//! A type's attribute dict, and the process-wide type-attribute version.
//!
//! Invariant: every mutation of any type's dict bumps `TYPE_VERSION` before
//! the writer returns. `TypeDict::lock` hands out a guard whose `DerefMut`
//! marks it dirty; dropping a dirty guard bumps the version (while the lock
//! is still held, i.e. after the mutation). Callers therefore cannot forget
//! to invalidate: any `type_data(t).dict.lock().set_str(..)` is covered.
//! Readers (the attribute cache in `attrcache.rs`) tag what they computed
//! with the version they loaded *before* reading the dicts, so a result
//! that may predate a mutation always carries an older version.

use super::DictData;
use parking_lot::{Mutex, MutexGuard};
use std::ops::{Deref, DerefMut};
use std::sync::atomic::{AtomicU64, Ordering};

/// Bumped after every type-dict mutation (starts at 1 so 0 can mean "never
/// valid" in caches).
static TYPE_VERSION: AtomicU64 = AtomicU64::new(1);

/// The current type-attribute version. Acquire pairs with the Release
/// bump in `bump_type_version`: a reader that sees version V also sees every
/// dict mutation made before V was published.
#[inline]
pub fn type_version() -> u64 {
    TYPE_VERSION.load(Ordering::Acquire)
}

/// Invalidates every cached type-attribute lookup. Release: publishes the
/// mutation that precedes it (see `type_version`).
#[inline]
pub fn bump_type_version() {
    TYPE_VERSION.fetch_add(1, Ordering::Release);
}

#[derive(Default)]
pub struct TypeDict {
    dict: Mutex<DictData>,
    /// Facts about the type derived from its MRO (`types::type_flags`),
    /// packed as `version << FLAG_BITS | flags`; valid only while `version`
    /// is the current type version.
    flags: AtomicU64,
}

/// Low bits of `TypeDict::flags` holding the flags themselves.
pub const FLAG_BITS: u32 = 16;

impl TypeDict {
    pub fn new(d: DictData) -> TypeDict {
        TypeDict { dict: Mutex::new(d), flags: AtomicU64::new(0) }
    }
    /// Locks the dict; a mutable use of the guard invalidates caches when
    /// the guard is dropped.
    #[inline]
    pub fn lock(&self) -> TypeDictGuard<'_> {
        TypeDictGuard { guard: self.dict.lock(), dirty: false }
    }
    /// The cached flags if they were computed at type version `version`.
    /// Relaxed: the word is self-contained data (no pointer to publish);
    /// its validity is decided by the version it carries.
    #[inline]
    pub fn cached_flags(&self, version: u64) -> Option<u64> {
        let packed = self.flags.load(Ordering::Relaxed);
        (packed >> FLAG_BITS == version).then_some(packed & ((1 << FLAG_BITS) - 1))
    }
    /// Stores flags computed from lookups made after loading `version`.
    #[inline]
    pub fn store_flags(&self, version: u64, flags: u64) {
        self.flags.store(version << FLAG_BITS | flags, Ordering::Relaxed);
    }
}

pub struct TypeDictGuard<'a> {
    guard: MutexGuard<'a, DictData>,
    dirty: bool,
}

impl Deref for TypeDictGuard<'_> {
    type Target = DictData;
    #[inline]
    fn deref(&self) -> &DictData {
        &self.guard
    }
}

impl DerefMut for TypeDictGuard<'_> {
    #[inline]
    fn deref_mut(&mut self) -> &mut DictData {
        self.dirty = true;
        &mut self.guard
    }
}

impl Drop for TypeDictGuard<'_> {
    fn drop(&mut self) {
        if self.dirty {
            // Bumped while the lock is still held, i.e. after the mutation
            // and before the writer returns. A reader that loaded the old
            // version before this point tags its result with it, so the
            // result is never trusted again whatever it read.
            bump_type_version();
        }
    }
}
