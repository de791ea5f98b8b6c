//! A lock that parks tasklets: the primitive under `threading` and `queue`.
//! Invariant: `state.locked` is only changed with `state` held; a waiter is
//! registered on `waiters` while `state` is held, and `release` hands the
//! lock directly to a registered waiter (it stays locked), so no acquire
//! can slip in between and no wake-up is lost.

use super::tasklet::Pending;
use crate::object::{Args, NativeObject, ObjRef, Payload};
use crate::pvm::exc::{runtime_error, type_error, PyErr};
use crate::pvm::{PyResult, Vm};
use crate::value::Value;
use parking_lot::Mutex;
use std::any::Any;
use std::sync::OnceLock;
use std::time::{Duration, Instant};
use weft_scheduler::{Channel, RecvStart};

pub struct LockObj {
    locked: Mutex<bool>,
    waiters: Channel<Value>,
}

impl NativeObject for LockObj {
    fn type_obj(&self) -> &ObjRef {
        lock_type()
    }
    fn trace(&self, _f: &mut dyn FnMut(&Value)) {}
    fn as_any(&self) -> &dyn Any {
        self
    }
}

pub fn lock_type() -> &'static ObjRef {
    static T: OnceLock<ObjRef> = OnceLock::new();
    T.get_or_init(|| {
        let t = crate::object::types::new_type("lock", Some(crate::object::types::types().object.clone()), crate::object::Layout::Other, false);
        use crate::pvm::class::add_native;
        add_native(&t, "acquire", "lock.acquire", lock_acquire);
        add_native(&t, "release", "lock.release", lock_release);
        add_native(&t, "locked", "lock.locked", lock_locked);
        add_native(&t, "__enter__", "lock.__enter__", lock_acquire);
        add_native(&t, "__exit__", "lock.__exit__", lock_exit);
        t
    })
}

pub fn new_lock(_vm: &mut Vm, _args: Args) -> PyResult {
    Ok(Value::obj(Payload::Native(Box::new(LockObj { locked: Mutex::new(false), waiters: Channel::new() }))))
}

fn lock_of(args: &Args) -> PyResult<&LockObj> {
    match args.pos.first().and_then(|v| v.payload()) {
        Some(Payload::Native(n)) => n.as_any().downcast_ref::<LockObj>().ok_or_else(|| type_error("expected a lock")),
        _ => Err(type_error("expected a lock")),
    }
}

/// `acquire(blocking=True, timeout=-1)`.
fn lock_acquire(vm: &mut Vm, args: Args) -> PyResult {
    let lock = lock_of(&args)?;
    let blocking = match args.pos.get(1).or_else(|| args.kw.iter().find(|(k, _)| &**k == "blocking").map(|(_, v)| v)) {
        Some(b) => vm.truthy(b)?,
        None => true,
    };
    let timeout = match args.pos.get(2).or_else(|| args.kw.iter().find(|(k, _)| &**k == "timeout").map(|(_, v)| v)) {
        Some(Value::None) | None => -1.0,
        Some(t) => vm.to_f64(t)?,
    };
    let mut locked = lock.locked.lock();
    if !*locked {
        *locked = true;
        return Ok(Value::Bool(crate::value::Flag::TRUE));
    }
    if !blocking || timeout == 0.0 {
        return Ok(Value::Bool(crate::value::Flag::FALSE));
    }
    if vm.on_coroutine {
        return acquire_on_coroutine(vm, lock, locked, timeout);
    }
    if !vm.can_suspend() {
        return Err(runtime_error("weft: acquiring a held lock outside a tasklet is not supported"));
    }
    let me = weft_scheduler::current_task().ok_or_else(|| runtime_error("no current tasklet"))?;
    match lock.waiters.recv_or_register(me.clone()) {
        RecvStart::Received { .. } => Ok(Value::Bool(crate::value::Flag::TRUE)),
        RecvStart::Wait(w) => {
            drop(locked);
            let timer = (timeout > 0.0).then(|| weft_scheduler::wake_at(Instant::now() + Duration::from_secs_f64(timeout), me));
            vm.pending = Some(Pending::Lock(Box::new((w, timer))));
            Err(PyErr::suspend())
        }
    }
}

/// A blocking acquire on the tasklet's coroutine stack.
fn acquire_on_coroutine(vm: &mut Vm, lock: &LockObj, locked: parking_lot::MutexGuard<'_, bool>, timeout: f64) -> PyResult {
    let me = weft_scheduler::current_wakeup();
    let w = match lock.waiters.recv_or_register(me.clone()) {
        RecvStart::Received { .. } => return Ok(Value::Bool(crate::value::Flag::TRUE)),
        RecvStart::Wait(w) => w,
    };
    drop(locked);
    let deadline = (timeout > 0.0).then(|| Instant::now() + Duration::from_secs_f64(timeout));
    let timer = deadline.map(|d| weft_scheduler::wake_at(d, me));
    let got = super::hard::block_on_coroutine(vm, || {
        if w.poll().is_some() {
            return Some(true);
        }
        match &timer {
            Some(t) if t.fired() => Some(false),
            _ => None,
        }
    });
    if got {
        super::tasklet::sched().partner_resumed();
        return Ok(Value::Bool(crate::value::Flag::TRUE));
    }
    // Timed out; a hand-off that raced with the timeout still counts.
    Ok(Value::bool(w.cancel().is_some()))
}

fn lock_release(_vm: &mut Vm, args: Args) -> PyResult {
    let lock = lock_of(&args)?;
    let mut locked = lock.locked.lock();
    if !*locked {
        return Err(runtime_error("release unlocked lock"));
    }
    if lock.waiters.balance() < 0 && lock.waiters.try_send(Value::None).is_ok() {
        super::tasklet::sched().partner_woken();
        // Handed over: the lock stays locked for the woken waiter.
        return Ok(Value::None);
    }
    *locked = false;
    Ok(Value::None)
}

fn lock_locked(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::bool(*lock_of(&args)?.locked.lock()))
}

fn lock_exit(vm: &mut Vm, args: Args) -> PyResult {
    lock_release(vm, Args::new(vec![args.pos[0].clone()]))?;
    Ok(Value::Bool(crate::value::Flag::FALSE))
}
