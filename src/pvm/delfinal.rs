//! `__del__`: when the last reference to an instance of a class that
//! defines `__del__` goes, `Object`'s drop moves the object's contents into
//! a fresh object and parks it here; the VM calls its `__del__` at the next
//! safe point (`run_generator_finalizers`: `print`, an exception handler
//! entered, a loop left early, the end of a tasklet), because values are
//! dropped at arbitrary points (inside container locks, mid-instruction).
//! At the end of the program the main module's globals are cleared as in
//! CPython's teardown, so objects still held there are finalized too.
//! Each object is finalized once: the parked copy's address is remembered,
//! and its own drop is then left alone.

use super::Vm;
use crate::object::types::{tflags, type_data, type_flags};
use crate::object::{Object, Payload};
use crate::value::Value;
use parking_lot::Mutex;
use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

static QUEUE: Mutex<Vec<Value>> = Mutex::new(Vec::new());
static PENDING: AtomicBool = AtomicBool::new(false);
/// Set once some class with `__del__` has been seen (see `note_del_class`).
static SEEN: AtomicBool = AtomicBool::new(false);
static FINALIZED: Mutex<Option<HashSet<usize>>> = Mutex::new(None);

/// Records that a class defining `__del__` exists (from the type-flag
/// computation), which enables the end-of-program teardown.
pub fn note_del_class() {
    SEEN.store(true, Ordering::Relaxed);
}

/// Whether a class with `__del__` exists (one relaxed load).
#[inline]
pub fn seen() -> bool {
    SEEN.load(Ordering::Relaxed)
}

/// Whether finalizers are waiting (one relaxed load; for safe points).
#[inline]
pub fn pending() -> bool {
    PENDING.load(Ordering::Acquire)
}

/// Called by `Object`'s drop for objects that have a class.
pub fn on_drop(o: &mut Object) {
    let Some(cls) = o.class.as_ref() else { return };
    if !SEEN.load(Ordering::Relaxed) {
        return;
    }
    // Cached flags only: computing them takes type-dict locks, and this
    // drop may run while one is held. Unknown flags: park the object and
    // let the safe point look `__del__` up.
    let version = crate::object::typedict::type_version();
    if let Some(f) = type_data(cls).dict.cached_flags(version) {
        if f & tflags::HAS_DEL == 0 {
            return;
        }
    }
    let addr = o as *const Object as usize;
    {
        let mut done = FINALIZED.lock();
        if let Some(set) = done.as_mut() {
            if set.remove(&addr) {
                return;
            }
        }
    }
    let payload = std::mem::replace(&mut o.payload, Payload::Instance);
    let parked = Arc::new(Object { payload, class: o.class.take(), dict: o.dict.take() });
    FINALIZED.lock().get_or_insert_with(HashSet::new).insert(Arc::as_ptr(&parked) as usize);
    QUEUE.lock().push(Value::Obj(parked));
    PENDING.store(true, Ordering::Release);
}

/// Removes a parked object from the finalized set (its drop will not run
/// the set check).
fn forget_finalized(obj: &Value) {
    if let Some(o) = obj.as_obj() {
        if let Some(set) = FINALIZED.lock().as_mut() {
            set.remove(&(Arc::as_ptr(o) as usize));
        }
    }
}

impl Vm {
    /// After a statement that dropped a reference (`del`, a module-level
    /// rebinding): runs parked `__del__`s right away, as CPython would.
    #[inline]
    pub fn finalize_dropped(&mut self) {
        if pending() {
            self.run_del_finalizers();
        }
    }

    /// Calls the `__del__` of every parked object, oldest first; an
    /// exception is reported on stderr as CPython's "Exception ignored".
    pub fn run_del_finalizers(&mut self) {
        while PENDING.load(Ordering::Acquire) {
            let batch: Vec<Value> = {
                let mut q = QUEUE.lock();
                PENDING.store(false, Ordering::Release);
                std::mem::take(&mut *q)
            };
            for obj in batch {
                self.call_del(&obj);
            }
        }
    }

    fn call_del(&mut self, obj: &Value) {
        let cls = match obj.as_obj().and_then(|o| o.class.clone()) {
            Some(c) => c,
            None => return,
        };
        if type_flags(&cls) & tflags::HAS_DEL == 0 {
            // Parked while its class's flags were unknown, and it has no
            // `__del__`: its drop will return early on the (now cached)
            // flags, so its address must not stay in FINALIZED, where a new
            // object reusing the address would be taken as finalized.
            forget_finalized(obj);
            return;
        }
        let Ok(Some(method)) = self.getattr_opt(obj, "__del__") else { return };
        if let Err(e) = self.call(&method, crate::object::Args::new(vec![])) {
            if e.is_suspend() {
                return;
            }
            let func = crate::object::types::lookup_in_type(&cls, "__del__").unwrap_or(Value::None);
            let what = self.repr(&func).unwrap_or_default();
            let tb = self.format_exception(&e.exc);
            crate::pvm::runtime::stderr_write(&format!("Exception ignored in: {what}\n{tb}"));
        }
    }

    /// The module teardown for `__main__` at exit: globals are set to None
    /// (data in definition order, then classes, functions and modules), each
    /// object's `__del__` running as its last reference goes.
    pub fn teardown_main_module(&mut self) {
        if !SEEN.load(Ordering::Relaxed) {
            return;
        }
        let Some(m) = self.rt.module("__main__") else { return };
        let Some(d) = crate::pvm::import::module_dict(&m) else { return };
        let Payload::Dict(dict) = &d.payload else { return };
        let keys: Vec<Value> = dict.lock().keys();
        // data first, in definition order; classes, functions and modules
        // stay bound while the `__del__`s that may use them run
        let is_code = |v: &Value| {
            matches!(v.payload(), Some(Payload::Type(_) | Payload::Function(_) | Payload::Module(_)))
        };
        for pass in [false, true] {
            for k in &keys {
                let Some(name) = k.as_str() else { continue };
                if name.starts_with("__") {
                    continue;
                }
                let old = dict.lock().get_str(name).cloned();
                match old {
                    Some(v) if is_code(&v) == pass => {
                        dict.lock().set_str(k.clone(), Value::None);
                        drop(v);
                        self.run_del_finalizers();
                    }
                    _ => {}
                }
            }
        }
    }
}
