//! Hard switching: a native function that may call back into Python (a
//! `key=` function of `sorted`, the generator consumed by `list()` or
//! `next()`, a user `__eq__` during a dict lookup) runs on a pooled
//! coroutine stack owned by its tasklet. If the Python code it calls must
//! wait (channel, sleep, lock), the coroutine parks and the tasklet with
//! it — the worker thread goes on running other tasklets. Soft switching
//! (heap frames, `PyErr::suspend`) stays the common path: only native calls
//! whose arguments hold Python-level code or objects take this one.
//!
//! Invariant: while a coroutine is pending in `vm.pending`, the tasklet's
//! `Vm` is used only from inside that coroutine; `TaskletBody::resume`
//! does nothing but resume it until it completes.

use super::tasklet::Pending;
use crate::object::{Args, Payload};
use crate::pvm::exc::{internal_error, PyErr};
use crate::pvm::{PyResult, Vm};
use crate::value::Value;
use weft_scheduler::{CoStep, Coroutine};

/// Parks the coroutine (and so the tasklet) until `poll` yields a value,
/// keeping the runnable count right for `run()` and deadlock detection.
pub fn block_on_coroutine<T>(vm: &Vm, mut poll: impl FnMut() -> Option<T>) -> T {
    if let Some(v) = poll() {
        return v;
    }
    if let Some(core) = &vm.tasklet {
        core.set_blocked(true);
    }
    let v = loop {
        if let Some(v) = poll() {
            break v;
        }
        weft_scheduler::park_current();
    };
    if let Some(core) = &vm.tasklet {
        core.set_blocked(false);
    }
    v
}

/// Natives that never run Python code whatever their arguments.
fn never_reenters(name: &str) -> bool {
    matches!(
        name,
        "isinstance" | "issubclass" | "id" | "type" | "callable" | "list.append" | "list.pop" | "setattr"
            | "channel.send" | "channel.receive" | "channel.send_exception" | "channel.send_throw"
            | "schedule" | "getcurrent" | "lock.acquire" | "lock.release" | "tasklet.__call__"
            | "tasklet.setup" | "tasklet.kill" | "tasklet.run" | "tasklet.insert" | "sleep"
    )
}

/// Can this value run Python code when a native function uses it?
fn is_python_level(v: &Value) -> bool {
    // Iterating a channel (list(ch), next(ch)) may block.
    runs_python(v) || matches!(v.payload(), Some(Payload::Native(n)) if std::ptr::eq(n.type_obj(), super::channel::channel_type()))
}

/// Is this value Python-level code or an instance whose behaviour may be?
/// (Not a channel: a channel's own native methods never run Python code.)
fn runs_python(v: &Value) -> bool {
    match v {
        Value::Obj(o) => {
            o.class.is_some()
                || matches!(
                    o.payload,
                    Payload::Function(_) | Payload::BoundMethod { .. } | Payload::Generator(_) | Payload::Iter(_)
                )
                || matches!(&o.payload, Payload::Type(t) if t.heap_type)
        }
        _ => false,
    }
}

fn native_name(f: &Value) -> Option<&'static str> {
    match f.payload()? {
        Payload::NativeFunc(n) => Some(n.name),
        Payload::BoundMethod { func, .. } => match func.payload()? {
            Payload::NativeFunc(n) => Some(n.name),
            _ => None,
        },
        Payload::Type(t) if !t.heap_type => Some(""),
        _ => None,
    }
}

/// Should this call from the tasklet's dispatch loop run on its own stack?
pub fn needs_own_stack(vm: &Vm, f: &Value, args: &Args) -> bool {
    if !vm.can_suspend() || vm.on_coroutine {
        return false;
    }
    // Cheapest test first: most native calls get only built-in values. A
    // channel's own (native) methods never run Python code: only a channel
    // passed to a native (`list(ch)`) counts, as it may be iterated.
    let this_is_python = matches!(f.payload(), Some(Payload::BoundMethod { this, .. }) if runs_python(this));
    if !(this_is_python || args.pos.iter().any(is_python_level) || args.kw.iter().any(|(_, v)| is_python_level(v))) {
        return false;
    }
    native_name(f).is_some_and(|name| !never_reenters(name))
}

/// A `*mut Vm` that may cross into the coroutine closure.
struct VmPtr(*mut Vm);
// SAFETY: the pointer is only dereferenced on the coroutine, which runs
// synchronously inside the owning tasklet's `resume` (one thread at a time);
// the `Vm` outlives the coroutine (see `call_on_coroutine`).
unsafe impl Send for VmPtr {}

/// Starts the call on a pooled coroutine stack and runs it until it
/// completes or waits; a waiting call becomes the tasklet's pending switch.
pub fn call_on_coroutine(vm: &mut Vm, f: Value, args: Args) -> PyResult<()> {
    vm.coroutine_base = u32::try_from(vm.frames.len()).unwrap_or(u32::MAX);
    let ptr = VmPtr(vm as *mut Vm);
    let co = Coroutine::new(move || {
        let ptr = ptr;
        // The coroutine is owned by `vm.pending` (or this function) and is
        // resumed only while the tasklet's `Vm` is alive and not otherwise in
        // use: `TaskletBody::resume` only resumes the pending coroutine, and
        // `TaskletBody`'s Drop drops the pending coroutine before the Vm.
        // SAFETY: so `ptr` is valid and unaliased whenever this code runs.
        let vm = unsafe { &mut *ptr.0 };
        vm.on_coroutine = true;
        let r = vm.call(&f, args);
        vm.on_coroutine = false;
        r
    });
    drive(vm, co)
}

/// Resumes a coroutine call: pushes its result, raises its error, or parks
/// the tasklet on it.
pub fn drive(vm: &mut Vm, mut co: Coroutine<PyResult<Value>>) -> PyResult<()> {
    match co.resume() {
        CoStep::Done(Ok(Ok(v))) => {
            if let Some(f) = vm.frames.last_mut() {
                f.push(v);
            }
            Ok(())
        }
        CoStep::Done(Ok(Err(e))) => Err(e),
        CoStep::Done(Err(_panic)) => Err(internal_error("a native call panicked on its coroutine stack")),
        CoStep::Parked => {
            vm.pending = Some(Pending::Coroutine(Box::new(co), true));
            Err(PyErr::suspend())
        }
        CoStep::Yielded => {
            vm.pending = Some(Pending::Coroutine(Box::new(co), false));
            Err(PyErr::suspend())
        }
    }
}
