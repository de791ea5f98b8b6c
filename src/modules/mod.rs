//! Native modules implemented in Rust: `sys`, `math`, `time`, `posix`
//! (the system-call half of `os`; `os.py` in src/stdlib wraps it),
//! `_collections` (`deque`; `collections.py` re-exports it), `_json` (the
//! accelerator of `json.py`), `_regex` (the automaton matcher `re.py` uses
//! where it can), `_mt` (the Mersenne Twister core of `random.py`),
//! `_heapq` (the heap operations of `heapq.py`), `_struct` (float packing
//! for `struct.py`), `_weakref` (weak references) and `_weft_hash` (the
//! digests behind `hashlib`), `_subprocess` (child processes for
//! `subprocess.py`).
//! `native_module(name)` returns the constructor the importer calls once.

pub mod collections;
pub mod deque;
pub mod deque_ops;
pub mod hashes;
pub mod heapq;
pub mod json;
pub mod math;
pub mod mersenne;
pub mod os;
pub mod osfd;
pub mod regex;
pub mod structfloat;
pub mod subprocess;
pub mod sys;
pub mod time;
pub mod weakref;

use crate::object::{NativeFn, Payload};
use crate::pvm::{PyResult, Vm};
use crate::value::Value;

/// The constructor of native module `name`, if weft has one.
pub fn native_module(name: &str) -> Option<fn(&mut Vm) -> PyResult<Value>> {
    match name {
        "sys" => Some(sys::make),
        "math" => Some(math::make),
        "_time" => Some(time::make),
        "posix" => Some(os::make),
        "_regex" => Some(regex::make),
        "_collections" => Some(collections::make),
        "_json" => Some(json::make),
        "_mt" => Some(mersenne::make),
        "_heapq" => Some(heapq::make),
        "_struct" => Some(structfloat::make),
        "_weakref" => Some(weakref::make),
        "_weft_hash" => Some(hashes::make),
        "_subprocess" => Some(subprocess::make),
        _ => None,
    }
}

/// A new module named `name` holding `funcs` (qualified as `name.f`).
pub fn module_with(name: &str, funcs: &[(&'static str, &'static str, NativeFn)]) -> Value {
    let m = crate::pvm::import::new_module(name, None);
    for (short, qual, f) in funcs {
        set(&m, short, crate::builtins::native(qual, *f));
    }
    m
}

/// Sets attribute `name` of module `m`.
pub fn set(m: &Value, name: &str, v: Value) {
    if let Some(Payload::Module(md)) = m.payload() {
        if let Payload::Dict(d) = &md.dict.payload {
            d.lock().set_str(Value::str(name), v);
        }
    }
}
