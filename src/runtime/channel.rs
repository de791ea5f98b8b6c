//! The Python `stackless.channel`: a `weft_scheduler::Channel<Value>` with
//! Stackless semantics. Operations called directly from a tasklet's
//! dispatch loop park the tasklet; from a plain native context they only
//! succeed when they need not wait.

use super::main::{set_main_wait_kind, WaitKind};
use super::tasklet::{closed_error, sched, Pending};
use crate::object::{Args, NativeObject, ObjRef, Payload};
use crate::pvm::exc::{runtime_error, type_error, PyErr};
use crate::pvm::{PyResult, Vm};
use crate::value::Value;
use std::any::Any;
use std::sync::OnceLock;
use super::strict::{self, ChanRef};
use weft_scheduler::{Channel, RecvError, RecvStart, SendStart};

pub struct ChannelObj {
    /// Several workers: the scheduler's channel.
    pub ch: Channel<Value>,
    /// One worker: the Stackless model's channel (`strict.rs`).
    pub slp: ChanRef,
}

impl NativeObject for ChannelObj {
    fn type_obj(&self) -> &ObjRef {
        channel_type()
    }
    fn trace(&self, _f: &mut dyn FnMut(&Value)) {}
    fn as_any(&self) -> &dyn Any {
        self
    }
}

pub fn channel_type() -> &'static ObjRef {
    static T: OnceLock<ObjRef> = OnceLock::new();
    T.get_or_init(|| {
        let t = crate::object::types::new_type("channel", Some(crate::object::types::types().object.clone()), crate::object::Layout::Other, false);
        install_methods(&t);
        t
    })
}

fn chan(args: &Args) -> PyResult<&Channel<Value>> {
    match args.pos.first().and_then(|v| v.payload()) {
        Some(Payload::Native(n)) => match n.as_any().downcast_ref::<ChannelObj>() {
            Some(c) => Ok(&c.ch),
            None => Err(type_error("descriptor requires a 'channel' object")),
        },
        _ => Err(type_error("descriptor requires a 'channel' object")),
    }
}

fn slp(args: &Args) -> PyResult<ChanRef> {
    match args.pos.first().and_then(|v| v.payload()) {
        Some(Payload::Native(n)) => match n.as_any().downcast_ref::<ChannelObj>() {
            Some(c) => Ok(c.slp.clone()),
            None => Err(type_error("descriptor requires a 'channel' object")),
        },
        _ => Err(type_error("descriptor requires a 'channel' object")),
    }
}

/// Several workers: the channel callback, before the operation.
fn notify(vm: &mut Vm, args: &Args, sending: bool) -> PyResult<()> {
    let Some(cb) = super::stackless::channel_callback() else { return Ok(()) };
    let balance = chan(args)?.balance();
    let willblock = if sending { balance >= 0 } else { balance <= 0 };
    let me = super::stackless::getcurrent_value(vm);
    if let Err(e) = vm.call(&cb, Args::new(vec![args.pos[0].clone(), me, Value::bool(sending), Value::bool(willblock)])) {
        strict::report_unraisable(vm, "Error in channel callback", e);
    }
    Ok(())
}

/// Only instances of Python classes can be `stackless.bomb`s: everything
/// else skips the subtype test.
fn is_instance_of_class(v: &Value) -> bool {
    matches!(v, Value::Obj(o) if o.class.is_some())
}

/// What a sender offers: a `stackless.bomb` is raised in the receiver.
fn payload(vm: &mut Vm, v: Value) -> Result<Value, PyErr> {
    if !is_instance_of_class(&v) {
        return Ok(v);
    }
    if let Some(cls) = super::stackless::bomb_class() {
        if crate::object::types::is_subtype(crate::object::types::type_of(&v), cls.as_obj().unwrap()) {
            let raise = vm.getattr(&v, "raise_")?;
            return match vm.call0(&raise) {
                Err(e) => Err(e),
                Ok(_) => Ok(v),
            };
        }
    }
    Ok(v)
}

fn check_block_trap(vm: &Vm) -> PyResult<()> {
    if let Some(t) = &vm.tasklet {
        if t.state.lock().block_trap {
            return Err(runtime_error("this tasklet does not like to be blocked."));
        }
    }
    Ok(())
}

/// Refuses to block main when nothing else could ever wake it.
fn check_deadlock(vm: &Vm) -> PyResult<()> {
    if vm.tasklet.as_ref().is_some_and(|t| t.is_main()) && sched().runnable() <= 0 {
        return Err(runtime_error("Deadlock: the last runnable tasklet cannot be blocked."));
    }
    Ok(())
}

fn not_in_tasklet() -> PyErr {
    runtime_error("weft: this channel operation would block inside a native callback, which is not supported yet")
}

fn received(vm: &mut Vm, value: Result<Value, RecvError<Value>>, yield_now: bool) -> PyResult {
    let v = match value {
        Ok(v) => v,
        Err(RecvError::Thrown(e)) => return Err(PyErr::from_value(e)),
        Err(RecvError::Closed) => return Err(closed_error()),
    };
    let v = unwrap_bomb(vm, v)?;
    if yield_now && vm.can_suspend() {
        vm.pending = Some(Pending::Yield(v));
        return Err(PyErr::suspend());
    }
    Ok(v)
}

/// A `stackless.bomb` received is raised.
fn unwrap_bomb(vm: &mut Vm, v: Value) -> PyResult {
    if !is_instance_of_class(&v) {
        return Ok(v);
    }
    if let Some(cls) = super::stackless::bomb_class() {
        if crate::object::types::is_subtype(crate::object::types::type_of(&v), cls.as_obj().unwrap()) {
            let raise = vm.getattr(&v, "raise_")?;
            vm.call0(&raise)?;
        }
    }
    Ok(v)
}

pub fn channel_receive(vm: &mut Vm, args: Args) -> PyResult {
    if strict::enabled() {
        let c = slp(&args)?;
        return strict::channel_action(vm, &args.pos[0], &c, -1, Ok(Value::None));
    }
    notify(vm, &args, false)?;
    let ch = chan(&args)?.clone();
    if vm.on_coroutine {
        return receive_on_coroutine(vm, &ch);
    }
    if !vm.can_suspend() {
        return match ch.try_recv() {
            Ok(v) => {
                // A rendezvous completed with a parked sender.
                sched().partner_woken();
                unwrap_bomb(vm, v)
            }
            Err(_) => Err(not_in_tasklet()),
        };
    }
    let me = weft_scheduler::current_task().ok_or_else(not_in_tasklet)?;
    match ch.recv_or_register(me) {
        RecvStart::Received { value, yield_now } => {
            if !matches!(value, Err(RecvError::Closed)) {
                sched().partner_woken();
            }
            received(vm, value, yield_now)
        }
        RecvStart::Wait(w) => {
            if let Err(e) = check_block_trap(vm).and_then(|_| check_deadlock(vm)) {
                if let Some(Ok(v)) = w.cancel() {
                    return Ok(v);
                }
                return Err(e);
            }
            if vm.tasklet.as_ref().is_some_and(|t| t.is_main()) {
                set_main_wait_kind(WaitKind::Recv);
            }
            vm.pending = Some(Pending::Recv(w));
            Err(PyErr::suspend())
        }
    }
}

/// A receive on the tasklet's coroutine stack (inside a native callback).
fn receive_on_coroutine(vm: &mut Vm, ch: &Channel<Value>) -> PyResult {
    match ch.recv_or_register(weft_scheduler::current_wakeup()) {
        RecvStart::Received { value, .. } => {
            if !matches!(value, Err(RecvError::Closed)) {
                sched().partner_woken();
            }
            received(vm, value, false)
        }
        RecvStart::Wait(w) => {
            if let Err(e) = check_block_trap(vm).and_then(|_| check_deadlock(vm)) {
                w.cancel();
                return Err(e);
            }
            let out = super::hard::block_on_coroutine(vm, || w.poll());
            if !matches!(out, Err(RecvError::Closed)) {
                sched().partner_resumed();
            }
            received(vm, out, false)
        }
    }
}

fn send_on_coroutine(vm: &mut Vm, ch: &Channel<Value>, v: Value, throw: bool) -> PyResult {
    let me = weft_scheduler::current_wakeup();
    let start = if throw { ch.send_throw_or_register(v, me) } else { ch.send_or_register(v, me) };
    match start {
        SendStart::Sent { .. } => {
            sched().partner_woken();
            Ok(Value::None)
        }
        SendStart::Closed(_) => Err(closed_error()),
        SendStart::Wait(w) => {
            if let Err(e) = check_block_trap(vm).and_then(|_| check_deadlock(vm)) {
                w.cancel();
                return Err(e);
            }
            super::hard::block_on_coroutine(vm, || w.poll().then_some(()));
            sched().partner_resumed();
            Ok(Value::None)
        }
    }
}

fn send_item(vm: &mut Vm, ch: &Channel<Value>, v: Value, throw: bool) -> PyResult {
    if vm.on_coroutine {
        return send_on_coroutine(vm, ch, v, throw);
    }
    if !vm.can_suspend() {
        let r = if throw { ch.try_send_throw(v) } else { ch.try_send(v) };
        return match r {
            Ok(()) => {
                sched().partner_woken();
                Ok(Value::None)
            }
            Err(_) => Err(not_in_tasklet()),
        };
    }
    let me = weft_scheduler::current_task().ok_or_else(not_in_tasklet)?;
    let start = if throw { ch.send_throw_or_register(v, me) } else { ch.send_or_register(v, me) };
    match start {
        SendStart::Sent { yield_now } => {
            sched().partner_woken();
            if yield_now {
                vm.pending = Some(Pending::Yield(Value::None));
                return Err(PyErr::suspend());
            }
            Ok(Value::None)
        }
        SendStart::Closed(_) => Err(closed_error()),
        SendStart::Wait(w) => {
            if let Err(e) = check_block_trap(vm).and_then(|_| check_deadlock(vm)) {
                w.cancel();
                return Err(e);
            }
            if vm.tasklet.as_ref().is_some_and(|t| t.is_main()) {
                set_main_wait_kind(WaitKind::Send);
            }
            vm.pending = Some(Pending::Send(w));
            Err(PyErr::suspend())
        }
    }
}

pub fn channel_send(vm: &mut Vm, args: Args) -> PyResult {
    let v = args.pos.get(1).cloned().unwrap_or(Value::None);
    if strict::enabled() {
        let c = slp(&args)?;
        let p = payload(vm, v);
        return strict::channel_action(vm, &args.pos[0], &c, 1, p);
    }
    notify(vm, &args, true)?;
    let ch = chan(&args)?.clone();
    send_item(vm, &ch, v, false)
}

/// `for v in ch`: ends when the channel is closing and no sender waits.
fn channel_next(vm: &mut Vm, args: Args) -> PyResult {
    if strict::enabled() {
        let c = slp(&args)?;
        let done = {
            let c = c.lock();
            c.closing && c.balance <= 0
        };
        if done {
            return Err(crate::pvm::exc::stop_iteration(Value::None));
        }
        return strict::channel_action(vm, &args.pos[0], &c, -1, Ok(Value::None));
    }
    channel_receive(vm, args)
}

fn send_err(vm: &mut Vm, args: &Args, err: PyErr) -> PyResult {
    if strict::enabled() {
        let c = slp(args)?;
        strict::channel_action(vm, &args.pos[0], &c, 1, Err(err))?;
        return Ok(Value::None);
    }
    notify(vm, args, true)?;
    let ch = chan(args)?.clone();
    send_item(vm, &ch, err.exc, true)
}

/// `send_exception(exc_type, *args)`: the receiver raises `exc_type(*args)`.
fn channel_send_exception(vm: &mut Vm, args: Args) -> PyResult {
    let t = args.pos.get(1).cloned().ok_or_else(|| type_error("send_exception() takes at least 1 argument"))?;
    if !crate::pvm::exc::is_exception_class(&t) {
        return Err(type_error("channel.send_exception needs Exception or string subclass as first parameter"));
    }
    let exc = vm.call(&t, Args::new(args.pos[2..].to_vec()))?;
    send_err(vm, &args, PyErr::from_value(exc))
}

/// `send_throw(exc, val=None, tb=None)`.
fn channel_send_throw(vm: &mut Vm, args: Args) -> PyResult {
    let exc = args.pos.get(1).cloned().unwrap_or(Value::None);
    let val = args.pos.get(2).cloned().unwrap_or(Value::None);
    let err = if !val.is_none() && crate::pvm::exc::is_exception_class(&exc) {
        if crate::pvm::exc::exc_data(&val).is_some() {
            PyErr::from_value(val)
        } else {
            PyErr::from_value(vm.call1(&exc, val)?)
        }
    } else {
        vm.make_raisable(exc)?
    };
    send_err(vm, &args, err)
}

fn channel_new(_vm: &mut Vm, _args: Args) -> PyResult {
    Ok(Value::obj(Payload::Native(Box::new(ChannelObj { ch: Channel::new(), slp: strict::new_chan() }))))
}

fn channel_close(_vm: &mut Vm, args: Args) -> PyResult {
    slp(&args)?.lock().closing = true;
    chan(&args)?.close();
    Ok(Value::None)
}
fn channel_open(_vm: &mut Vm, args: Args) -> PyResult {
    slp(&args)?.lock().closing = false;
    chan(&args)?.open();
    Ok(Value::None)
}
fn get_balance(_vm: &mut Vm, args: Args) -> PyResult {
    if strict::enabled() {
        return Ok(Value::Int(slp(&args)?.lock().balance as i64));
    }
    Ok(Value::Int(chan(&args)?.balance() as i64))
}
fn get_closing(_vm: &mut Vm, args: Args) -> PyResult {
    if strict::enabled() {
        return Ok(Value::bool(slp(&args)?.lock().closing));
    }
    Ok(Value::bool(chan(&args)?.closing()))
}
fn get_closed(_vm: &mut Vm, args: Args) -> PyResult {
    if strict::enabled() {
        let c = slp(&args)?;
        let c = c.lock();
        return Ok(Value::bool(c.closing && c.balance == 0));
    }
    Ok(Value::bool(chan(&args)?.closed()))
}
fn get_preference(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Int(slp(&args)?.lock().preference as i64))
}
fn set_preference(vm: &mut Vm, args: Args) -> PyResult {
    let v = args.pos.get(1).cloned().unwrap_or(Value::Int(-1));
    if !matches!(v, Value::Int(_) | Value::Bool(_)) {
        return Err(type_error("preference must be set to an integer"));
    }
    let p = vm.to_index(&v)?.clamp(-1, 1) as i8;
    slp(&args)?.lock().preference = p;
    chan(&args)?.set_preference(p);
    Ok(Value::None)
}
fn get_schedule_all(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Int(slp(&args)?.lock().schedule_all as i64))
}
fn set_schedule_all(vm: &mut Vm, args: Args) -> PyResult {
    let v = args.pos.get(1).cloned().unwrap_or(Value::Bool(crate::value::Flag::FALSE));
    if !matches!(v, Value::Int(_) | Value::Bool(_)) {
        return Err(type_error("schedule_all must be set to a bool or integer"));
    }
    let on = vm.truthy(&v)?;
    slp(&args)?.lock().schedule_all = on;
    chan(&args)?.set_schedule_all(on);
    Ok(Value::None)
}
/// The first blocked tasklet (the rest follow via `tasklet.next`).
fn get_queue(_vm: &mut Vm, args: Args) -> PyResult {
    let first = slp(&args)?.lock().queue.front().cloned();
    Ok(first.map(|t| super::stackless::tasklet_object(&t)).unwrap_or(Value::None))
}
fn channel_iter(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(args.pos.first().cloned().unwrap_or(Value::None))
}

fn install_methods(t: &ObjRef) {
    use crate::pvm::class::add_native;
    let new = Value::obj(Payload::StaticMethod(Value::obj(Payload::NativeFunc(crate::object::NativeFunc {
        name: "channel.__new__",
        func: channel_new,
        bound: Value::Null,
        fast: None,
    }))));
    crate::object::types::type_data(t).dict.lock().set_str(Value::str("__new__"), new);
    add_native(t, "send", "channel.send", channel_send);
    add_native(t, "receive", "channel.receive", channel_receive);
    add_native(t, "__next__", "channel.__next__", channel_next);
    add_native(t, "__iter__", "channel.__iter__", channel_iter);
    add_native(t, "send_exception", "channel.send_exception", channel_send_exception);
    add_native(t, "send_throw", "channel.send_throw", channel_send_throw);
    add_native(t, "close", "channel.close", channel_close);
    add_native(t, "open", "channel.open", channel_open);
    super::stackless::getset(t, "balance", get_balance, None);
    super::stackless::getset(t, "closing", get_closing, None);
    super::stackless::getset(t, "closed", get_closed, None);
    super::stackless::getset(t, "preference", get_preference, Some(set_preference));
    super::stackless::getset(t, "schedule_all", get_schedule_all, Some(set_schedule_all));
    super::stackless::getset(t, "queue", get_queue, None);
}
