//! The `stackless` module: `tasklet`, `channel`, `schedule`, `run`,
//! `getcurrent`/`getmain`, `bomb`, `atomic`, error handler. Parts whose
//! semantics need Python-level control flow (`send_sequence`, `bomb`,
//! `atomic`) are written in Python in `PRELUDE` and compiled at import.

use super::channel::channel_type;
use super::tasklet::{sched, Life, Pending, TaskletCore};
use crate::object::{Args, NativeFn, NativeFunc, NativeObject, ObjRef, Payload};
use crate::pvm::exc::{runtime_error, type_error, PyErr};
use crate::pvm::{PyResult, Vm};
use crate::value::Value;
use parking_lot::Mutex;
use std::any::Any;
use std::sync::{Arc, OnceLock};

pub struct TaskletObj {
    pub core: Arc<TaskletCore>,
}

impl NativeObject for TaskletObj {
    fn type_obj(&self) -> &ObjRef {
        tasklet_type()
    }
    fn trace(&self, f: &mut dyn FnMut(&Value)) {
        let s = self.core.state.lock();
        let s = s.rare();
        if let Some(st) = &s.start {
            f(&st.func);
            if let Some(a) = &st.args {
                a.trace(&mut *f);
            }
        }
        if let Some(e) = &s.throw {
            f(&e.exc);
        }
        f(&s.tempval);
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

pub fn getset(t: &ObjRef, name: &'static str, get: NativeFn, set: Option<NativeFn>) {
    crate::object::types::type_data(t).dict.lock().set_str(Value::str(name), Value::obj(Payload::GetSet { name, get, set }));
}

fn native(name: &'static str, f: NativeFn) -> Value {
    Value::obj(Payload::NativeFunc(NativeFunc { name, func: f, bound: Value::Null, fast: None }))
}

pub fn tasklet_type() -> &'static ObjRef {
    static T: OnceLock<ObjRef> = OnceLock::new();
    T.get_or_init(|| {
        let t = crate::object::types::new_type("tasklet", Some(crate::object::types::types().object.clone()), crate::object::Layout::Other, false);
        install_tasklet_methods(&t);
        t
    })
}

/// The Python object of a tasklet (created once, cached in the core).
pub fn tasklet_object(core: &Arc<TaskletCore>) -> Value {
    let mut s = core.state.lock();
    if let Some(obj) = &s.rare().object {
        return Value::Obj(obj.clone());
    }
    let v = Value::obj(Payload::Native(Box::new(TaskletObj { core: core.clone() })));
    s.rare_mut().object = v.as_obj().cloned();
    v
}

/// `this` is `core`'s Python object: make sure the core refers to it (it
/// was dropped when the tasklet ended).
fn register_object(core: &Arc<TaskletCore>, this: &Value) {
    let mut s = core.state.lock();
    if s.rare().object.is_none() {
        s.rare_mut().object = this.as_obj().cloned();
    }
}

fn core_of(v: Option<&Value>) -> PyResult<Arc<TaskletCore>> {
    match v.and_then(|v| v.payload()) {
        Some(Payload::Native(n)) => match n.as_any().downcast_ref::<TaskletObj>() {
            Some(t) => Ok(t.core.clone()),
            None => Err(type_error("descriptor requires a 'tasklet' object")),
        },
        _ => Err(type_error("descriptor requires a 'tasklet' object")),
    }
}

fn tasklet_new(_vm: &mut Vm, args: Args) -> PyResult {
    let func = args.pos.get(1).cloned().unwrap_or(Value::None);
    let core = TaskletCore::new(func, false);
    Ok(tasklet_object(&core))
}

thread_local! {
    /// The tasklet set up last on this thread (see `shed_previous`).
    static LAST_SETUP: std::cell::RefCell<Option<Arc<TaskletCore>>> = const { std::cell::RefCell::new(None) };
}

/// `tasklet(f)(...)` usually drops its result at once, but the core keeps
/// its Python object until the tasklet starts or parks: a million queued
/// tasklets would each keep one. By the next setup on this thread the
/// creator has normally let go of the previous one, so its object is shed
/// then (only when nothing else refers to it, as `shed_object` checks).
fn shed_previous(core: &Arc<TaskletCore>) {
    let prev = LAST_SETUP.with(|l| l.replace(Some(core.clone())));
    if let Some(p) = prev {
        p.shed_object();
    }
}

/// `tasklet(func)(*args, **kw)` / `setup`: bind the arguments and insert.
fn tasklet_setup(vm: &mut Vm, mut args: Args) -> PyResult {
    let this = args.pos.remove(0);
    let core = core_of(Some(&this))?;
    shed_previous(&core);
    {
        register_object(&core, &this);
        let s = core.state.lock();
        if s.func().is_none() {
            return Err(type_error("tasklet function must be a callable"));
        }
        if s.life != Life::New || s.bound() {
            return Err(runtime_error("tasklet is already bound to a frame"));
        }
        if s.rare().start.is_some() {
            let func = s.func();
            // Not under the lock: binding may allocate cells and frames.
            drop(s);
            let bound = super::tasklet::Bound::new(vm, &func, args);
            let mut s = core.state.lock();
            if let Some(st) = &mut s.rare_mut().start {
                st.args = Some(bound);
            }
        }
    }
    if super::strict::enabled() {
        super::strict::insert(vm, &core)?;
    } else {
        core.insert(&vm.rt)?;
    }
    Ok(this)
}

fn tasklet_bind(_vm: &mut Vm, mut args: Args) -> PyResult {
    let this = args.pos.remove(0);
    let core = core_of(Some(&this))?;
    register_object(&core, &this);
    let mut s = core.state.lock();
    if s.life == Life::Scheduled {
        return Err(runtime_error("tasklet is already bound to a frame"));
    }
    if let Some(f) = args.pos.first() {
        let old = s.take_start().and_then(|st| st.args);
        s.rare_mut().start = Some(super::tasklet::Start { func: f.clone(), args: old });
        s.life = Life::New;
    }
    if args.pos.len() > 1 {
        let rest = args.pos[1..].to_vec();
        let st = s.rare_mut().start.get_or_insert_with(|| super::tasklet::Start { func: Value::None, args: None });
        st.args = Some(super::tasklet::Bound::Args(Args { pos: match rest.first().map(|a| a.payload()) {
            Some(Some(Payload::Tuple(t))) => t.to_vec(),
            _ => vec![],
        }, kw: vec![] }));
    }
    Ok(this)
}

fn tasklet_insert(vm: &mut Vm, args: Args) -> PyResult {
    let core = core_of(args.pos.first())?;
    if super::strict::enabled() {
        super::strict::insert(vm, &core)?;
        return Ok(args.pos[0].clone());
    }
    if core.state.lock().blocked {
        return Err(runtime_error("You cannot run a blocked tasklet"));
    }
    let is_current = vm.tasklet.as_ref().is_some_and(|t| Arc::ptr_eq(t, &core));
    if !is_current && !core.alive() {
        return Err(runtime_error("You cannot run an unbound(dead) tasklet"));
    }
    if !is_current {
        core.insert(&vm.rt)?;
    }
    Ok(args.pos[0].clone())
}

fn tasklet_run(vm: &mut Vm, args: Args) -> PyResult {
    let core = core_of(args.pos.first())?;
    if super::strict::enabled() {
        return super::strict::run_remove(vm, &core, false);
    }
    if !core.alive() && core.state.lock().life == Life::Dead {
        return Err(runtime_error("You cannot run an unbound(dead) tasklet"));
    }
    tasklet_insert(vm, args)?;
    yield_now(vm, Value::None)
}

fn tasklet_switch(vm: &mut Vm, args: Args) -> PyResult {
    let core = core_of(args.pos.first())?;
    if super::strict::enabled() {
        return super::strict::run_remove(vm, &core, true);
    }
    tasklet_run(vm, args)
}

/// A `pending=` argument at position `at` or by keyword.
fn pending_arg(vm: &mut Vm, args: &Args, at: usize) -> PyResult<bool> {
    match args.pos.get(at).or_else(|| args.kw.iter().find(|(k, _)| &**k == "pending").map(|(_, v)| v)) {
        Some(p) => vm.truthy(p),
        None => Ok(false),
    }
}

fn yield_now(vm: &mut Vm, retval: Value) -> PyResult {
    if vm.can_suspend() {
        vm.pending = Some(Pending::Yield(retval));
        return Err(PyErr::suspend());
    }
    Ok(retval)
}

fn tasklet_kill(vm: &mut Vm, args: Args) -> PyResult {
    let core = core_of(args.pos.first())?;
    let pending = pending_arg(vm, &args, 1)?;
    kill(vm, &core, PyErr::with_args("TaskletExit", vec![]), pending)
}

fn kill(vm: &mut Vm, core: &Arc<TaskletCore>, err: PyErr, pending: bool) -> PyResult {
    if super::strict::enabled() {
        return super::strict::throw(vm, core, err, pending);
    }
    let is_current = vm.tasklet.as_ref().is_some_and(|t| Arc::ptr_eq(t, core));
    if is_current {
        return Err(err);
    }
    {
        let mut s = core.state.lock();
        match s.life {
            Life::Dead => return Ok(Value::None),
            Life::New => {
                s.life = Life::Dead;
                drop(s.take_start());
                return Ok(Value::None);
            }
            Life::Scheduled => {}
        }
    }
    core.throw_in(err);
    if pending {
        return Ok(Value::None);
    }
    yield_now(vm, Value::None)
}

/// An argument by position or keyword.
fn arg<'a>(args: &'a Args, at: usize, name: &str) -> Option<&'a Value> {
    args.pos.get(at).or_else(|| args.kw.iter().find(|(k, _)| &**k == name).map(|(_, v)| v))
}

/// `throw(exc, val=None, tb=None, pending=False)`, with `raise` semantics.
fn tasklet_throw(vm: &mut Vm, args: Args) -> PyResult {
    let core = core_of(args.pos.first())?;
    let exc = arg(&args, 1, "exc").cloned().ok_or_else(|| type_error("throw() missing required argument 'exc' (pos 1)"))?;
    let val = arg(&args, 2, "val").cloned().unwrap_or(Value::None);
    let err = if crate::pvm::exc::exc_data(&exc).is_some() {
        if !val.is_none() {
            return Err(type_error("instance exception may not have a separate value"));
        }
        PyErr::from_value(exc)
    } else if crate::pvm::exc::is_exception_class(&exc) {
        if val.is_none() {
            vm.make_raisable(exc)?
        } else if crate::pvm::exc::exc_data(&val).is_some() {
            PyErr::from_value(val)
        } else if let Some(Payload::Tuple(t)) = val.payload() {
            PyErr::from_value(vm.call(&exc, Args::new(t.to_vec()))?)
        } else {
            PyErr::from_value(vm.call1(&exc, val)?)
        }
    } else {
        return Err(type_error(format!("exceptions must be classes, or instances, not {}", crate::pvm::ops::type_name(&exc))));
    };
    if !super::strict::enabled() && core.state.lock().life == Life::Dead {
        if err.matches("TaskletExit") {
            return Ok(Value::None);
        }
        return Err(runtime_error("You cannot throw to a dead tasklet"));
    }
    let pending = pending_arg(vm, &args, 4)?;
    kill(vm, &core, err, pending)
}

fn tasklet_raise_exception(vm: &mut Vm, args: Args) -> PyResult {
    let core = core_of(args.pos.first())?;
    let cls = args.pos.get(1).cloned().ok_or_else(|| type_error("raise_exception() takes at least 1 argument"))?;
    if !crate::pvm::exc::is_exception_class(&cls) {
        return Err(type_error("tasklet.raise_exception needs Exception or string subclass as first parameter"));
    }
    let exc = vm.call(&cls, Args::new(args.pos.get(2..).map(|a| a.to_vec()).unwrap_or_default()))?;
    let err = PyErr::from_value(exc);
    if !super::strict::enabled() && core.state.lock().life == Life::Dead {
        if err.matches("TaskletExit") {
            return Ok(Value::None);
        }
        return Err(runtime_error("You cannot throw to a dead tasklet"));
    }
    kill(vm, &core, err, false)
}

fn tasklet_remove(vm: &mut Vm, args: Args) -> PyResult {
    let core = core_of(args.pos.first())?;
    if super::strict::enabled() {
        super::strict::remove(&core)?;
        return Ok(args.pos[0].clone());
    }
    if core.state.lock().blocked {
        return Err(runtime_error("You cannot remove a blocked tasklet."));
    }
    if vm.tasklet.as_ref().is_some_and(|t| Arc::ptr_eq(t, &core)) {
        return Err(runtime_error("The current tasklet cannot be removed."));
    }
    Ok(args.pos[0].clone())
}

fn flag_arg(vm: &mut Vm, args: &Args, what: &str) -> PyResult<bool> {
    match args.pos.get(1) {
        Some(v @ (Value::Bool(_) | Value::Int(_))) => vm.truthy(v),
        _ => Err(type_error(format!("{what} needs exactly one bool or integer"))),
    }
}

/// `set_atomic(flag)`: while set, the tasklet is not preempted (several
/// workers) nor interrupted by `run(timeout)`; returns the old flag.
fn tasklet_set_atomic(vm: &mut Vm, args: Args) -> PyResult {
    let core = core_of(args.pos.first())?;
    let on = flag_arg(vm, &args, "set_atomic")?;
    let old = core.state.lock().ext.replace_atomic(on);
    let is_current = vm.tasklet.as_ref().is_some_and(|t| Arc::ptr_eq(t, &core));
    if super::strict::enabled() {
        if old && !on {
            super::strict::atomic_cleared(vm, &core);
        }
    } else if is_current {
        vm.preemptive = sched().preemptive.load(std::sync::atomic::Ordering::Relaxed) && !on;
    }
    Ok(Value::bool(old))
}

fn tasklet_set_ignore_nesting(vm: &mut Vm, args: Args) -> PyResult {
    let core = core_of(args.pos.first())?;
    let on = flag_arg(vm, &args, "set_ignore_nesting")?;
    let old = core.state.lock().ext.replace_ignore_nesting(on);
    Ok(Value::bool(old))
}

macro_rules! flag_getter {
    ($name:ident, |$core:ident, $vm:ident| $body:expr) => {
        fn $name($vm: &mut Vm, args: Args) -> PyResult {
            let $core = core_of(args.pos.first())?;
            let _ = &$vm;
            let r = $body;
            Ok(r)
        }
    };
}

flag_getter!(get_alive, |core, vm| Value::bool(core.alive()));
flag_getter!(get_blocked, |core, vm| Value::bool(core.state.lock().blocked));
flag_getter!(get_scheduled, |core, vm| Value::bool(scheduled(&core)));
flag_getter!(get_paused, |core, vm| Value::bool(core.alive() && !scheduled(&core)));
flag_getter!(get_atomic, |core, vm| Value::bool(core.state.lock().ext.atomic()));
flag_getter!(get_ignore_nesting, |core, vm| Value::bool(core.state.lock().ext.ignore_nesting()));
flag_getter!(get_next, |core, vm| neighbour(&core, true));
flag_getter!(get_prev, |core, vm| neighbour(&core, false));
flag_getter!(get_restorable, |core, vm| Value::bool(core.alive()));
flag_getter!(get_is_main, |core, vm| Value::bool(core.is_main()));
flag_getter!(get_is_current, |core, vm| Value::bool(vm.tasklet.as_ref().is_some_and(|t| Arc::ptr_eq(t, &core))));
flag_getter!(get_thread_id, |core, vm| { let _ = core; Value::Int(1) });
flag_getter!(get_none, |core, vm| { let _ = core; Value::None });
flag_getter!(get_zero, |core, vm| { let _ = core; Value::Int(0) });
flag_getter!(get_tempval, |core, vm| if super::strict::enabled() { super::strict::tempval(&core) } else { core.state.lock().rare().tempval.clone() });
flag_getter!(get_block_trap, |core, vm| Value::bool(core.state.lock().block_trap));
flag_getter!(get_id, |core, vm| Value::Int(core.id() as i64));
flag_getter!(get_recursion_depth, |core, vm| {
    if vm.tasklet.as_ref().is_some_and(|t| Arc::ptr_eq(t, &core)) { Value::Int(vm.frames.len() as i64) } else { Value::Int(0) }
});

/// In the runnables chain or blocked on a channel (Stackless's `next != NULL`).
fn scheduled(core: &Arc<TaskletCore>) -> bool {
    if super::strict::enabled() {
        let s = core.state.lock();
        if s.blocked || s.ext.ext_parked() {
            return true;
        }
        drop(s);
        return super::strict::in_chain(core);
    }
    let s = core.state.lock();
    s.life == Life::Scheduled && !s.removed
}

fn neighbour(core: &Arc<TaskletCore>, forward: bool) -> Value {
    if !super::strict::enabled() {
        return Value::None;
    }
    super::strict::neighbour(core, forward).map(|t| tasklet_object(&t)).unwrap_or(Value::None)
}

fn set_tempval(_vm: &mut Vm, args: Args) -> PyResult {
    let core = core_of(args.pos.first())?;
    let v = args.pos.get(1).cloned().unwrap_or(Value::None);
    if super::strict::enabled() {
        super::strict::set_tempval(&core, v);
    } else {
        core.state.lock().set_tempval(v);
    }
    Ok(Value::None)
}
fn set_block_trap(vm: &mut Vm, args: Args) -> PyResult {
    let core = core_of(args.pos.first())?;
    let on = vm.truthy(args.pos.get(1).unwrap_or(&Value::bool(false)))?;
    core.state.lock().block_trap = on;
    Ok(Value::None)
}

fn tasklet_repr(_vm: &mut Vm, args: Args) -> PyResult {
    let core = core_of(args.pos.first())?;
    Ok(Value::string(format!("<tasklet[{}, {}]>", core.id(), if core.is_main() { "main" } else { "" })))
}

fn install_tasklet_methods(t: &ObjRef) {
    use crate::pvm::class::add_native;
    let new = Value::obj(Payload::StaticMethod(native("tasklet.__new__", tasklet_new)));
    crate::object::types::type_data(t).dict.lock().set_str(Value::str("__new__"), new);
    add_native(t, "__call__", "tasklet.__call__", tasklet_setup);
    add_native(t, "setup", "tasklet.setup", tasklet_setup);
    add_native(t, "bind", "tasklet.bind", tasklet_bind);
    add_native(t, "insert", "tasklet.insert", tasklet_insert);
    add_native(t, "run", "tasklet.run", tasklet_run);
    add_native(t, "switch", "tasklet.switch", tasklet_switch);
    add_native(t, "kill", "tasklet.kill", tasklet_kill);
    add_native(t, "throw", "tasklet.throw", tasklet_throw);
    add_native(t, "raise_exception", "tasklet.raise_exception", tasklet_raise_exception);
    add_native(t, "remove", "tasklet.remove", tasklet_remove);
    add_native(t, "set_atomic", "tasklet.set_atomic", tasklet_set_atomic);
    add_native(t, "set_ignore_nesting", "tasklet.set_ignore_nesting", tasklet_set_ignore_nesting);
    add_native(t, "__repr__", "tasklet.__repr__", tasklet_repr);
    for (name, get) in [
        ("alive", get_alive as NativeFn),
        ("blocked", get_blocked),
        ("scheduled", get_scheduled),
        ("paused", get_paused),
        ("is_main", get_is_main),
        ("is_current", get_is_current),
        ("thread_id", get_thread_id),
        ("next", get_next),
        ("prev", get_prev),
        ("frame", get_none),
        ("atomic", get_atomic),
        ("restorable", get_restorable),
        ("ignore_nesting", get_ignore_nesting),
        ("nesting_level", get_zero),
        ("recursion_depth", get_recursion_depth),
        ("id", get_id),
    ] {
        getset(t, name, get, None);
    }
    getset(t, "tempval", get_tempval, Some(set_tempval));
    getset(t, "block_trap", get_block_trap, Some(set_block_trap));
}

fn current_core(vm: &Vm) -> Option<Arc<TaskletCore>> {
    vm.tasklet.clone().or_else(super::main::main_core)
}

pub fn getcurrent_value(vm: &Vm) -> Value {
    current_core(vm).map(|c| tasklet_object(&c)).unwrap_or(Value::None)
}

fn getcurrent(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(current_core(vm).map(|c| tasklet_object(&c)).unwrap_or(Value::None))
}
fn getmain(_vm: &mut Vm, _args: Args) -> PyResult {
    Ok(super::main::main_core().map(|c| tasklet_object(&c)).unwrap_or(Value::None))
}
fn getcurrentid(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(Value::Int(current_core(vm).map(|c| c.id() as i64).unwrap_or(0)))
}
fn runcount() -> i64 {
    if super::strict::enabled() {
        return super::strict::runcount();
    }
    sched().runnable().max(0) + 1
}

fn getruncount(_vm: &mut Vm, _args: Args) -> PyResult {
    Ok(Value::Int(runcount()))
}

fn retval_arg(vm: &mut Vm, args: &Args) -> PyResult {
    match arg(args, 0, "retval") {
        Some(v) => Ok(v.clone()),
        None => getcurrent(vm, Args::default()),
    }
}

fn schedule(vm: &mut Vm, args: Args) -> PyResult {
    let retval = retval_arg(vm, &args)?;
    if super::strict::enabled() {
        return super::strict::schedule(vm, retval, false);
    }
    yield_now(vm, retval)
}

fn schedule_remove(vm: &mut Vm, args: Args) -> PyResult {
    let retval = retval_arg(vm, &args)?;
    if super::strict::enabled() {
        return super::strict::schedule(vm, retval, true);
    }
    yield_now(vm, retval)
}

/// `_run_begin(timeout, soft, totaltimeout)`: the first half of `run()`
/// (see PRELUDE): the caller waits until no other tasklet is runnable (all
/// done or blocked), or, with a timeout, one is interrupted.
fn run_begin(vm: &mut Vm, args: Args) -> PyResult {
    if super::strict::enabled() {
        let timeout = vm.to_index(args.pos.first().unwrap_or(&Value::Int(0)))?;
        let soft = vm.truthy(args.pos.get(1).unwrap_or(&Value::bool(false)))?;
        let total = vm.truthy(args.pos.get(2).unwrap_or(&Value::bool(false)))?;
        return super::strict::run_begin(vm, timeout, soft, total);
    }
    if sched().runnable() <= 0 || !vm.can_suspend() {
        return Ok(Value::None);
    }
    vm.pending = Some(Pending::RunWait);
    Err(PyErr::suspend())
}

/// `_run_end(soft)`: the interrupted tasklet (removed from the queue), or None.
fn run_end(vm: &mut Vm, args: Args) -> PyResult {
    if super::strict::enabled() {
        let soft = vm.truthy(args.pos.first().unwrap_or(&Value::bool(false)))?;
        return super::strict::run_end(vm, soft);
    }
    Ok(Value::None)
}

/// Applies Stackless's rules to a tasklet's end: `TaskletExit` ends a
/// non-main tasklet silently, `SystemExit` ends the program, another error
/// goes to the error handler (called in the dying tasklet) and, if none is
/// set or it raises, on to main. `None`: the program is ending.
pub fn filter_uncaught(vm: &mut Vm, core: &Arc<TaskletCore>, result: Result<(), PyErr>) -> Option<Result<(), PyErr>> {
    let Err(e) = result else { return Some(Ok(())) };
    if core.is_main() {
        return Some(Err(e));
    }
    if e.matches("TaskletExit") {
        return Some(Ok(()));
    }
    if e.matches("SystemExit") {
        super::main::end_program(Err(e));
        return None;
    }
    let Some(handler) = error_handler() else { return Some(Err(e)) };
    let ty = Value::Obj(crate::object::types::type_of(&e.exc).clone());
    match vm.call(&handler, Args::new(vec![ty, e.exc.clone(), Value::None])) {
        Ok(_) => Some(Ok(())),
        Err(e2) => Some(Err(e2)),
    }
}

static SWITCH_TRAP: std::sync::atomic::AtomicI64 = std::sync::atomic::AtomicI64::new(0);

pub fn switch_trap_level() -> i64 {
    SWITCH_TRAP.load(std::sync::atomic::Ordering::Relaxed)
}

pub fn schedule_callback() -> Option<Value> {
    // Relaxed: the flag only spares the lock when no callback was ever set
    // (a switch on another thread needs no ordering with the setter).
    if !HAS_SCHEDULE_CB.load(std::sync::atomic::Ordering::Relaxed) {
        return None;
    }
    SCHEDULE_CB.lock().clone()
}

pub fn channel_callback() -> Option<Value> {
    if !HAS_CHANNEL_CB.load(std::sync::atomic::Ordering::Relaxed) {
        return None;
    }
    CHANNEL_CB.lock().clone()
}

/// A callback was set at some point (the common case, none, skips a lock
/// and a clone on every switch and channel operation).
static HAS_SCHEDULE_CB: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
static HAS_CHANNEL_CB: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

static ERROR_HANDLER: Mutex<Option<Value>> = Mutex::new(None);
static SCHEDULE_CB: Mutex<Option<Value>> = Mutex::new(None);
static CHANNEL_CB: Mutex<Option<Value>> = Mutex::new(None);

pub fn error_handler() -> Option<Value> {
    ERROR_HANDLER.lock().clone()
}

/// Errors of tasklets with a handler set go to main, which calls it.
pub fn call_error_handler_later(err: PyErr) {
    if let Some(main) = super::main::main_core() {
        main.throw_in(err);
    }
}

fn set_error_handler(_vm: &mut Vm, args: Args) -> PyResult {
    let new = args.pos.first().cloned().filter(|v| !v.is_none());
    Ok(std::mem::replace(&mut *ERROR_HANDLER.lock(), new).unwrap_or(Value::None))
}
fn set_schedule_callback(_vm: &mut Vm, args: Args) -> PyResult {
    let new = args.pos.first().cloned().filter(|v| !v.is_none());
    HAS_SCHEDULE_CB.store(true, std::sync::atomic::Ordering::Relaxed);
    Ok(std::mem::replace(&mut *SCHEDULE_CB.lock(), new).unwrap_or(Value::None))
}
fn get_schedule_callback(_vm: &mut Vm, _args: Args) -> PyResult {
    Ok(SCHEDULE_CB.lock().clone().unwrap_or(Value::None))
}
fn set_channel_callback(_vm: &mut Vm, args: Args) -> PyResult {
    let new = args.pos.first().cloned().filter(|v| !v.is_none());
    HAS_CHANNEL_CB.store(true, std::sync::atomic::Ordering::Relaxed);
    Ok(std::mem::replace(&mut *CHANNEL_CB.lock(), new).unwrap_or(Value::None))
}
fn get_channel_callback(_vm: &mut Vm, _args: Args) -> PyResult {
    Ok(CHANNEL_CB.lock().clone().unwrap_or(Value::None))
}
fn enable_softswitch(_vm: &mut Vm, _args: Args) -> PyResult {
    Ok(Value::bool(true))
}
/// `switch_trap(delta)`: while non-zero, a tasklet switch raises
/// RuntimeError("switch_trap"); returns the old level.
fn switch_trap(vm: &mut Vm, args: Args) -> PyResult {
    let delta = match args.pos.first() {
        Some(v) => vm.to_index(v)?,
        None => 0,
    };
    Ok(Value::Int(SWITCH_TRAP.fetch_add(delta, std::sync::atomic::Ordering::Relaxed)))
}
fn get_thread_info(vm: &mut Vm, _args: Args) -> PyResult {
    let main = getmain(vm, Args::default())?;
    let cur = getcurrent(vm, Args::default())?;
    Ok(Value::tuple(vec![main, cur, Value::Int(runcount())]))
}

const PRELUDE: &str = r#"
class bomb:
    def __init__(self, exp_type=None, exp_value=None, exp_traceback=None):
        self.type = exp_type
        self.value = exp_value
        self.traceback = exp_traceback
    def raise_(self):
        if self.value is None:
            raise self.type
        if isinstance(self.value, BaseException):
            raise self.value
        raise self.type(self.value)

class atomic:
    def __enter__(self):
        self._old = getcurrent().set_atomic(True)
    def __exit__(self, *exc):
        getcurrent().set_atomic(self._old)

def run(timeout=0, threadblock=False, soft=False, ignore_nesting=False, totaltimeout=False):
    try:
        _run_begin(timeout, soft, totaltimeout)
    finally:
        victim = _run_end(soft)
    return victim

def _send_sequence(self, seq):
    n = 0
    for item in seq:
        self.send(item)
        n += 1
    return n

def __getattr__(name):
    if name == "current":
        return getcurrent()
    if name == "main":
        return getmain()
    if name == "runcount":
        return getruncount()
    raise AttributeError(f"module 'stackless' has no attribute '{name}'")
"#;

static BOMB: OnceLock<Value> = OnceLock::new();

pub fn bomb_class() -> Option<&'static Value> {
    BOMB.get()
}

/// Builds the `stackless` module.
pub fn make(vm: &mut Vm) -> PyResult<Value> {
    let m = crate::pvm::import::new_module("stackless", None);
    let d = crate::pvm::import::module_dict(&m).unwrap();
    if let Payload::Dict(dd) = &d.payload {
        let mut dd = dd.lock();
        dd.set_str(Value::str("tasklet"), Value::Obj(tasklet_type().clone()));
        dd.set_str(Value::str("channel"), Value::Obj(channel_type().clone()));
        dd.set_str(Value::str("TaskletExit"), Value::Obj(crate::object::types::exc_type("TaskletExit").clone()));
        for (name, f) in [
            ("getcurrent", getcurrent as NativeFn),
            ("getmain", getmain),
            ("getcurrentid", getcurrentid),
            ("getruncount", getruncount),
            ("schedule", schedule),
            ("schedule_remove", schedule_remove),
            ("_run_begin", run_begin),
            ("_run_end", run_end),
            ("set_error_handler", set_error_handler),
            ("set_schedule_callback", set_schedule_callback),
            ("get_schedule_callback", get_schedule_callback),
            ("set_channel_callback", set_channel_callback),
            ("get_channel_callback", get_channel_callback),
            ("enable_softswitch", enable_softswitch),
            ("switch_trap", switch_trap),
            ("get_thread_info", get_thread_info),
        ] {
            dd.set_str(Value::str(name), native(name, f));
        }
    }
    let code = crate::compiler::compile_module(PRELUDE, "<stackless>").map_err(crate::pvm::import::syntax_error_from)?;
    vm.exec_module_code(code, &m)?;
    if let Payload::Dict(dd) = &d.payload {
        let mut dd = dd.lock();
        if let Some(b) = dd.get_str("bomb").cloned() {
            let _ = BOMB.set(b);
        }
        if let Some(f) = dd.del_str("_send_sequence") {
            crate::object::types::type_data(channel_type()).dict.lock().set_str(Value::str("send_sequence"), f);
        }
    }
    Ok(m)
}
