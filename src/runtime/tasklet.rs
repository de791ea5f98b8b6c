//! Tasklets: `TaskletCore` (the shared, Python-visible state) and
//! `TaskletBody` (the scheduler task that owns the tasklet's `Vm`).
//!
//! Counting invariant: `Scheduler::runnable` counts non-main tasklets that
//! are alive and not blocked on a wait; `stackless.run()` and deadlock
//! detection read it.

use crate::object::{Args, ObjRef};
use crate::pvm::call::Callee;
use crate::pvm::exc::{runtime_error, value_error, PyErr};
use crate::pvm::{Runtime, Vm};
use crate::value::Value;
use parking_lot::Mutex;
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};
use std::sync::Arc;
use weft_scheduler::{Context, RecvError, RecvWait, Resumable, SendWait, Step, TaskHandle, Timer};

/// What a suspended tasklet waits for.
pub enum Pending {
    /// Yielded (`schedule()`); push this value on resume.
    Yield(Value),
    /// Preempted after its instruction budget; nothing to push.
    Preempted,
    Recv(RecvWait<Value>),
    Send(SendWait<Value>),
    Sleep(Timer),
    /// `stackless.run()` in main: wait until no other tasklet is runnable.
    RunWait,
    /// `run()` found others still runnable many times in a row (they may
    /// all be sleeping): nap 1 ms on a timer instead of spinning.
    RunNap(Timer),
    /// A lock acquire: the hand-off from `release`, or the timeout.
    Lock(Box<(RecvWait<Value>, Option<Timer>)>),
    /// A native call running on the tasklet's coroutine stack that waits
    /// (parked when `true`, yielded otherwise); see `hard.rs`.
    Coroutine(Box<weft_scheduler::Coroutine<crate::pvm::PyResult<Value>>>, bool),
    /// `schedule_remove()` / `tasklet.remove()`: wait for an `insert`.
    Removed(Value),
    /// Not started: its call is already bound into its only frame
    /// (`Bound::Frame`); a kill/throw before it runs ends it unrun.
    Fresh,
    /// One worker: gave way to another tasklet in the Stackless model
    /// (`strict.rs`); on resume the call returns the tasklet's tempval
    /// (or raises its `throw`), see `TaskletBody::deliver`.
    Switched,
}

enum Poll {
    Ready(Result<Value, PyErr>),
    NotReady(Pending),
    /// Not ready, but go to the back of the run queue rather than park.
    YieldAgain(Pending),
}

impl Pending {
    fn poll(self) -> Poll {
        match self {
            Pending::Yield(v) => Poll::Ready(Ok(v)),
            Pending::Preempted => Poll::Ready(Ok(Value::Null)),
            Pending::Recv(w) => match w.poll() {
                Some(Ok(v)) => {
                    sched().partner_resumed();
                    Poll::Ready(Ok(v))
                }
                Some(Err(RecvError::Thrown(e))) => {
                    sched().partner_resumed();
                    Poll::Ready(Err(PyErr::from_value(e)))
                }
                Some(Err(RecvError::Closed)) => Poll::Ready(Err(closed_error())),
                None => Poll::NotReady(Pending::Recv(w)),
            },
            Pending::Send(w) => {
                if w.poll() {
                    sched().partner_resumed();
                    Poll::Ready(Ok(Value::None))
                } else {
                    Poll::NotReady(Pending::Send(w))
                }
            }
            Pending::Sleep(t) => {
                if t.fired() {
                    Poll::Ready(Ok(Value::None))
                } else {
                    Poll::NotReady(Pending::Sleep(t))
                }
            }
            Pending::RunNap(t) => {
                if !t.fired() {
                    return Poll::NotReady(Pending::RunNap(t));
                }
                Pending::RunWait.poll()
            }
            Pending::RunWait => {
                if sched().runnable() > 0 {
                    if run_wait_spins() > 64 {
                        if let Some(me) = weft_scheduler::current_task() {
                            let at = std::time::Instant::now() + std::time::Duration::from_millis(1);
                            return Poll::NotReady(Pending::RunNap(weft_scheduler::wake_at(at, me)));
                        }
                    }
                    Poll::YieldAgain(Pending::RunWait)
                } else {
                    Poll::Ready(Ok(Value::None))
                }
            }
            Pending::Lock(b) => match b.0.poll() {
                Some(_) => {
                    sched().partner_resumed();
                    Poll::Ready(Ok(Value::Bool(crate::value::Flag::TRUE)))
                }
                None => match b.1 {
                    Some(ref t) if t.fired() => match b.0.cancel() {
                        Some(_) => {
                            sched().partner_resumed();
                            Poll::Ready(Ok(Value::Bool(crate::value::Flag::TRUE)))
                        }
                        None => Poll::Ready(Ok(Value::Bool(crate::value::Flag::FALSE))),
                    },
                    _ => Poll::NotReady(Pending::Lock(b)),
                },
            },
            Pending::Removed(v) => Poll::NotReady(Pending::Removed(v)),
            Pending::Fresh => Poll::Ready(Ok(Value::Null)),
            Pending::Switched => unreachable!("a switch is delivered by TaskletBody::deliver"),
            Pending::Coroutine(..) => unreachable!("coroutines are driven by TaskletBody::deliver"),
        }
    }

    /// Abandons the wait (kill); a value a sender could not deliver is lost
    /// with the tasklet, as in Stackless.
    fn cancel(self) {
        match self {
            Pending::Recv(w) => {
                w.cancel();
            }
            Pending::Send(w) => {
                w.cancel();
            }
            Pending::Sleep(t) => t.cancel(),
            Pending::Lock(b) => {
                let (w, t) = *b;
                if let Some(t) = t {
                    t.cancel();
                }
                if w.cancel().is_some() {
                    // The lock was handed to us as we died: hand it on.
                    crate::pvm::runtime::stderr_write("weft: a killed tasklet held a lock hand-off; the lock stays locked\n");
                }
            }
            _ => {}
        }
    }

    /// A channel wait whose partner came: `poll` returns its outcome.
    fn completed(&self) -> bool {
        match self {
            Pending::Recv(w) => w.is_done(),
            Pending::Send(w) => w.is_done(),
            _ => false,
        }
    }

    /// Does this wait make the tasklet "blocked" (not runnable)?
    pub fn blocks(&self) -> bool {
        matches!(self, Pending::Recv(_) | Pending::Send(_) | Pending::Removed(_) | Pending::Lock(..))
    }
}

thread_local! {
    static RUN_WAIT_SPINS: std::cell::Cell<(u64, u32)> = const { std::cell::Cell::new((0, 0)) };
    /// Tasklet resumes on this worker, for `run()`'s spin detection (per
    /// thread: no shared counter on the switch path).
    static RESUMES: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Consecutive `run()` re-checks without any other tasklet having been
/// resumed in between on this worker (counted per worker thread).
fn run_wait_spins() -> u32 {
    let resumes = RESUMES.with(|r| r.get());
    RUN_WAIT_SPINS.with(|c| {
        let (last, n) = c.get();
        let n = if last + 1 >= resumes { n + 1 } else { 0 };
        c.set((resumes, n));
        n
    })
}

pub fn closed_error() -> PyErr {
    value_error("Send/receive operation on a closed channel")
}

/// Process-wide tasklet bookkeeping.
pub struct Scheduler {
    runnable: AtomicI64,
    /// Rendezvous completions whose woken partner has not resumed yet (the
    /// partner still counts as blocked until it does).
    inflight: AtomicI64,
    /// First uncaught exception of a non-main tasklet, raised in main.
    pub main_error: Mutex<Option<PyErr>>,
    pub main: Mutex<Option<Arc<TaskletCore>>>,
    pub preemptive: AtomicBool,
}

impl Scheduler {
    /// Non-main tasklets that are running, queued, or woken but not yet
    /// resumed.
    pub fn runnable(&self) -> i64 {
        // Acquire pairs with the AcqRel updates: a tasklet's state change
        // is visible before its count is.
        self.runnable.load(Ordering::Acquire) + self.inflight.load(Ordering::Acquire)
    }
    /// A rendezvous completed with a parked partner (called by the waker).
    pub fn partner_woken(&self) {
        self.inflight.fetch_add(1, Ordering::AcqRel);
    }
    pub(crate) fn partner_resumed(&self) {
        self.inflight.fetch_sub(1, Ordering::AcqRel);
    }
    fn add_runnable(&self, d: i64) {
        self.runnable.fetch_add(d, Ordering::AcqRel);
    }
}

pub fn sched() -> &'static Scheduler {
    static S: std::sync::OnceLock<Scheduler> = std::sync::OnceLock::new();
    S.get_or_init(|| Scheduler {
        runnable: AtomicI64::new(0),
        inflight: AtomicI64::new(0),
        main_error: Mutex::new(None),
        main: Mutex::new(None),
        preemptive: AtomicBool::new(false),
    })
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Life {
    /// Created, not yet bound to arguments / inserted.
    New,
    /// Inserted in the run queue (a scheduler task exists).
    Scheduled,
    Dead,
}

/// What a tasklet was bound to: its function, and the arguments once
/// `setup` gave them; gone once the tasklet started.
pub struct Start {
    pub func: Value,
    pub args: Option<Bound>,
}

/// A bound tasklet's call: its arguments, or (see `Bound::new`) the frame
/// they were already bound into.
pub enum Bound {
    Args(Args),
    Frame(Box<crate::pvm::Frame>),
}

impl Bound {
    /// The call of `func(*args)`: a plain Python function called with
    /// exactly its positional parameters gets its frame now, which the
    /// tasklet then runs. Binding cannot fail then, so every error still
    /// surfaces when the tasklet starts; and a million queued tasklets
    /// allocate now what they keep when they run (no argument vector to
    /// free, reuse and fragment in between).
    pub fn new(vm: &mut Vm, func: &Value, args: Args) -> Bound {
        use crate::bytecode::flags;
        let Some(fobj) = func.as_obj() else { return Bound::kept(args) };
        let crate::object::Payload::Function(f) = &fobj.payload else { return Bound::kept(args) };
        let code = &f.code;
        let exact = args.kw.is_empty()
            && args.pos.len() == code.argcount as usize
            && code.kwonlyargcount == 0
            && !code.has_flag(flags::VARARGS)
            && !code.has_flag(flags::VARKEYWORDS)
            && !code.has_flag(flags::GENERATOR)
            && !code.has_flag(flags::NAMESPACE);
        if !exact {
            return Bound::kept(args);
        }
        match vm.function_frame(fobj, f, args) {
            Ok(frame) => Bound::Frame(frame),
            // Unreachable for an exact positional call; the error is the
            // call's, raised when the tasklet starts.
            Err(_) => Bound::Args(Args::new(Vec::new())),
        }
    }

    /// Arguments kept until the tasklet starts: without the spare capacity
    /// of the call that built the vector.
    fn kept(mut args: Args) -> Bound {
        args.pos.shrink_to_fit();
        Bound::Args(args)
    }

    /// The values it holds, for `trace`.
    pub fn trace(&self, f: &mut dyn FnMut(&Value)) {
        match self {
            Bound::Args(a) => {
                a.pos.iter().for_each(&mut *f);
                a.kw.iter().for_each(|(_, v)| f(v));
            }
            Bound::Frame(fr) => fr.trace(f),
        }
    }
}

/// Kept small (a million tasklets): everything a parked tasklet usually
/// does not need is in one optional box, `TaskletRare`.
pub struct TaskletState {
    pub life: Life,
    pub blocked: bool,
    pub removed: bool,
    pub block_trap: bool,
    /// Stackless flags and the single-worker model's per-tasklet flags.
    pub ext: super::strict::TaskletExt,
    pub handle: Option<TaskHandle>,
    /// The single-worker model's channel this tasklet is blocked on (not in
    /// the rare box: a million tasklets blocked on channels would each need
    /// one just for it).
    pub chan: Option<super::strict::ChanRef>,
    /// `None` means every field of `TaskletRare` is empty.
    rare: Option<Box<TaskletRare>>,
}

/// The parts of a tasklet's state that a running or parked tasklet rarely
/// holds (see `TaskletState::trim`).
pub struct TaskletRare {
    /// Inline, not boxed: the box is freed with the Python object when the
    /// tasklet starts, so their memory is reused (no holes between cores).
    pub start: Option<Start>,
    /// An exception to raise in the tasklet when it next runs (kill/throw).
    pub throw: Option<PyErr>,
    pub tempval: Value,
    /// The Python `tasklet` object while something may still ask for it
    /// (dropped when only this reference is left and the tasklet parks,
    /// and when it ends, so the cycle object -> core -> object is broken).
    pub object: Option<ObjRef>,
    /// A bomb for a tasklet waiting on its coroutine stack (`strict.rs`).
    pub bomb: Option<Box<PyErr>>,
}

static EMPTY_RARE: TaskletRare = TaskletRare { start: None, throw: None, tempval: Value::None, object: None, bomb: None };

impl TaskletRare {
    fn is_empty(&self) -> bool {
        self.start.is_none() && self.throw.is_none() && self.tempval.is_none() && self.object.is_none() && self.bomb.is_none()
    }
}

impl TaskletState {
    /// Bound to a function and arguments, not yet started.
    pub fn bound(&self) -> bool {
        self.rare().start.as_ref().is_some_and(|s| s.args.is_some())
    }
    pub fn func(&self) -> Value {
        self.rare().start.as_ref().map_or(Value::None, |s| s.func.clone())
    }
    /// The rare parts (all empty when there is no box).
    #[inline]
    pub fn rare(&self) -> &TaskletRare {
        self.rare.as_deref().unwrap_or(&EMPTY_RARE)
    }
    /// The rare parts for writing, boxed on first use.
    pub fn rare_mut(&mut self) -> &mut TaskletRare {
        self.rare.get_or_insert_with(|| Box::new(TaskletRare { start: None, throw: None, tempval: Value::None, object: None, bomb: None }))
    }
    #[inline]
    pub fn take_throw(&mut self) -> Option<PyErr> {
        self.rare.as_mut().and_then(|r| r.throw.take())
    }
    pub fn set_throw(&mut self, e: PyErr) {
        self.rare_mut().throw = Some(e);
    }
    /// Takes `tempval`, leaving None.
    #[inline]
    pub fn take_tempval(&mut self) -> Value {
        match &mut self.rare {
            None => Value::None,
            Some(r) => std::mem::replace(&mut r.tempval, Value::None),
        }
    }
    pub fn set_tempval(&mut self, v: Value) {
        if !v.is_none() || self.rare.is_some() {
            self.rare_mut().tempval = v;
        }
    }
    pub fn take_start(&mut self) -> Option<Start> {
        self.rare.as_mut().and_then(|r| r.start.take())
    }
    pub fn take_object(&mut self) -> Option<ObjRef> {
        self.rare.as_mut().and_then(|r| r.object.take())
    }
    pub fn take_chan(&mut self) -> Option<super::strict::ChanRef> {
        self.chan.take()
    }
    pub fn take_bomb(&mut self) -> Option<Box<PyErr>> {
        self.rare.as_mut().and_then(|r| r.bomb.take())
    }
    /// Frees the rare box once everything in it is empty (a tasklet that
    /// started and parks, in the common case).
    pub fn trim(&mut self) {
        if self.rare.as_ref().is_some_and(|r| r.is_empty()) {
            self.rare = None;
        }
    }
}

/// 48 bytes (64 with the `Arc` header): keep it that way. Its id is its
/// address (0 for main): unique among live tasklets, like Python's `id()`.
pub struct TaskletCore {
    pub state: Mutex<TaskletState>,
}

/// The address of main's core (0 before it exists), for `is_main`.
static MAIN_CORE: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

impl TaskletCore {
    pub fn new(func: Value, is_main: bool) -> Arc<TaskletCore> {
        let core = Arc::new(TaskletCore {
            state: Mutex::new(TaskletState {
                life: if is_main { Life::Scheduled } else { Life::New },
                blocked: false,
                removed: false,
                block_trap: false,
                ext: Default::default(),
                handle: None,
                chan: None,
                rare: if is_main {
                    None
                } else {
                    Some(Box::new(TaskletRare { start: Some(Start { func, args: None }), throw: None, tempval: Value::None, object: None, bomb: None }))
                },
            }),
        });
        if is_main {
            // Release pairs with the Acquire in `is_main`.
            MAIN_CORE.store(Arc::as_ptr(&core) as usize, Ordering::Release);
        }
        core
    }

    pub fn is_main(&self) -> bool {
        MAIN_CORE.load(Ordering::Acquire) == self as *const TaskletCore as usize
    }

    /// 0 for main, else the core's address (see `TaskletCore`).
    pub fn id(&self) -> u64 {
        if self.is_main() {
            0
        } else {
            self as *const TaskletCore as usize as u64
        }
    }

    pub fn alive(&self) -> bool {
        let s = self.state.lock();
        s.life == Life::Scheduled || (s.life == Life::New && s.bound())
    }

    pub(crate) fn set_blocked(&self, blocked: bool) {
        let mut s = self.state.lock();
        if s.blocked != blocked {
            s.blocked = blocked;
            drop(s);
            if !self.is_main() {
                sched().add_runnable(if blocked { -1 } else { 1 });
            }
        }
    }

    /// Inserts a bound tasklet into the run queue (spawns its task).
    pub fn insert(self: &Arc<Self>, rt: &Arc<Runtime>) -> Result<(), PyErr> {
        let mut s = self.state.lock();
        if s.life == Life::Dead {
            return Err(runtime_error("You cannot run an unbound(dead) tasklet"));
        }
        if s.removed {
            s.removed = false;
            if let Some(h) = &s.handle {
                h.unpark();
            }
            return Ok(());
        }
        if s.life == Life::Scheduled {
            return Ok(());
        }
        if !s.bound() {
            return Err(runtime_error("cannot insert an unbound tasklet"));
        }
        s.life = Life::Scheduled;
        drop(s);
        sched().add_runnable(1);
        let frame = self.take_bound_frame();
        if super::strict::enabled() {
            // One worker: the task of a tasklet whose call is not bound into
            // a frame yet is made when the model first runs it (`unpark`).
            super::strict::set_runtime(rt);
            if let Some(f) = frame {
                let h = weft_scheduler::spawn_resumable_parked(super::compact::CompactBody::fresh(self.clone(), f));
                self.state.lock().handle = Some(h);
            }
            return Ok(());
        }
        let h = weft_scheduler::spawn_resumable(self.new_body(rt, frame));
        self.state.lock().handle = Some(h);
        Ok(())
    }

    /// Moves a call bound into its frame (`Bound::Frame`) out of the rare
    /// box, to go straight into the tasklet's task: a queued tasklet then
    /// keeps no box for it.
    fn take_bound_frame(&self) -> Option<Box<crate::pvm::Frame>> {
        let mut s = self.state.lock();
        if !matches!(s.rare().start, Some(Start { args: Some(Bound::Frame(_)), .. })) {
            return None;
        }
        let start = s.take_start();
        s.trim();
        drop(s);
        match start {
            Some(Start { args: Some(Bound::Frame(f)), .. }) => Some(f),
            _ => None,
        }
    }

    /// The scheduler task body of a tasklet about to start (with the frame
    /// its call is bound into, if it is).
    pub(crate) fn new_body(self: &Arc<Self>, rt: &Arc<Runtime>, frame: Option<Box<crate::pvm::Frame>>) -> TaskletBody {
        let mut vm = Vm::new(rt.clone());
        vm.tasklet = Some(self.clone());
        vm.preemptive = sched().preemptive.load(Ordering::Relaxed);
        if let Some(f) = frame {
            vm.frames.push(f);
            vm.pending = Some(Pending::Fresh);
        }
        TaskletBody { vm }
    }

    /// Drops the core's reference to the Python object when it is the last
    /// one (a plain tasklet object, no subclass or attributes): a parked
    /// tasklet nobody refers to then costs no object; `tasklet_object`
    /// makes a new one if it is asked for (nothing can tell them apart).
    pub fn shed_object(&self) {
        let obj = Self::take_sheddable(&mut self.state.lock());
        drop(obj);
    }

    /// `shed_object`'s test, with the lock held; also frees an empty rare
    /// box. The object is dropped by the caller, after the lock.
    pub(crate) fn take_sheddable(s: &mut TaskletState) -> Option<ObjRef> {
        let obj = match &s.rare().object {
            Some(o) if Arc::strong_count(o) == 1 && Arc::weak_count(o) == 0 && o.class.is_none() && o.dict.is_none() => s.take_object(),
            _ => None,
        };
        s.trim();
        obj
    }

    /// A tasklet parks on a blocking wait: `set_blocked(true)` and
    /// `shed_object` under one lock (the channel switch path).
    fn park_blocked(&self) {
        let (obj, newly) = {
            let mut s = self.state.lock();
            let newly = !s.blocked;
            s.blocked = true;
            (Self::take_sheddable(&mut s), newly)
        };
        if newly && !self.is_main() {
            sched().add_runnable(-1);
        }
        drop(obj);
    }

    /// Raises `err` in the tasklet at its next switch point, waking it if it
    /// is blocked (kill, throw).
    pub fn throw_in(&self, err: PyErr) {
        let mut s = self.state.lock();
        if s.blocked && s.rare().throw.is_none() {
            // Counted runnable from now; `deliver` undoes it on resume.
            sched().partner_woken();
        }
        s.set_throw(err);
        s.removed = false;
        if let Some(h) = &s.handle {
            h.unpark();
        }
    }
}

/// The scheduler task of one tasklet.
/// Only the `Vm` (whose `tasklet` is the core): 80 bytes, 112 with the
/// task header and the `Arc`'s.
pub struct TaskletBody {
    pub vm: Vm,
}

impl TaskletBody {
    fn core(&self) -> &Arc<TaskletCore> {
        self.vm.tasklet.as_ref().expect("a tasklet's VM knows its tasklet")
    }

    /// Delivers the outcome of the wait the tasklet suspended on; `None`
    /// means keep waiting (with the step to return).
    /// `fetched` is the pending kill/throw when the caller already took it
    /// (under the lock it held anyway); `None` means take it here.
    /// `unblocked`: the caller already cleared `blocked` for a wait it saw
    /// completed (under the lock it held anyway).
    fn deliver(&mut self, fetched: Option<Option<PyErr>>, unblocked: bool) -> Result<Option<PyErr>, Step> {
        if let Some(Pending::Switched) = self.vm.pending {
            // One worker, resumed by the model: one lock for the outcome.
            self.vm.pending = None;
            let core = self.vm.tasklet.as_ref().expect("a tasklet's VM knows its tasklet");
            if let Some(Some(e)) = fetched {
                core.state.lock().set_throw(e);
            }
            let (err, v, blocked) = {
                let mut s = core.state.lock();
                let out = match s.take_throw() {
                    Some(e) => (Some(e), Value::None, s.blocked),
                    None => (None, s.take_tempval(), s.blocked),
                };
                // A received value emptied the rare box: free it now.
                s.trim();
                out
            };
            if blocked {
                core.set_blocked(false);
            }
            if let Some(err) = err {
                if err.matches("StopIteration") && self.end_for_loop() {
                    return Ok(None);
                }
                return Ok(Some(err));
            }
            if let Some(f) = self.vm.frames.last_mut() {
                f.push(v);
            }
            return Ok(None);
        }
        let kill = match fetched {
            Some(k) => k,
            None => self.core().state.lock().take_throw(),
        };
        if let Some(err) = kill {
            if let Some(p) = self.vm.pending.take() {
                if p.blocks() {
                    sched().partner_resumed();
                }
                let on_stack = matches!(p, Pending::Coroutine(..));
                p.cancel();
                if on_stack {
                    // The nested call's frames died with its coroutine.
                    self.vm.frames.truncate(self.vm.coroutine_base as usize);
                    self.vm.native_depth = 0;
                    self.vm.on_coroutine = false;
                }
            }
            self.core().set_blocked(false);
            if err.matches("StopIteration") && self.end_for_loop() {
                return Ok(None);
            }
            return Ok(Some(err));
        }
        let Some(p) = self.vm.pending.take() else { return Ok(None) };
        if let Pending::Coroutine(co, _) = p {
            return match super::hard::drive(&mut self.vm, *co) {
                Ok(()) => Ok(None),
                Err(e) if e.is_suspend() => Err(self.suspended()),
                Err(e) => Ok(Some(e)),
            };
        }
        // Only a blocking wait marked the tasklet blocked (`suspended`); the
        // one-worker model may have marked it for others.
        let unblock = !unblocked && (p.blocks() || super::strict::enabled());
        match p.poll() {
            Poll::Ready(Ok(v)) => {
                if unblock {
                    self.core().set_blocked(false);
                }
                if !v.is_null() {
                    if let Some(f) = self.vm.frames.last_mut() {
                        f.push(v);
                    }
                }
                Ok(None)
            }
            Poll::Ready(Err(e)) => {
                if unblock {
                    self.core().set_blocked(false);
                }
                if e.matches("StopIteration") && self.end_for_loop() {
                    return Ok(None);
                }
                Ok(Some(e))
            }
            Poll::NotReady(p) => {
                self.vm.pending = Some(p);
                Err(Step::Parked)
            }
            Poll::YieldAgain(p) => {
                self.vm.pending = Some(p);
                Err(Step::Yielded)
            }
        }
    }

    /// A channel iterated by `for` ended (the sender sent StopIteration)
    /// while the tasklet waited in `ForIter`: leave the loop.
    fn end_for_loop(&mut self) -> bool {
        let Some(f) = self.vm.frames.last_mut() else { return false };
        let Some(prev) = f.ip.checked_sub(1).and_then(|i| f.code.instrs.get(i)).copied() else { return false };
        if prev.op != crate::bytecode::Op::ForIter {
            return false;
        }
        f.pop();
        f.ip = prev.arg as usize;
        true
    }

    /// Starts the tasklet's function. A native function (e.g. a bound
    /// `channel.send`) runs as if called by the tasklet's own dispatch loop,
    /// so it may suspend the tasklet like any call.
    fn start_call(&mut self, func: Value, bound: Bound) -> Result<(), PyErr> {
        let args = match bound {
            Bound::Frame(f) => return self.vm.push_frame(f),
            Bound::Args(a) => a,
        };
        self.vm.native_depth = 1;
        let callee = self.vm.invoke(&func, args);
        self.vm.native_depth = 0;
        match callee? {
            Callee::Frame(f) => self.vm.push_frame(f),
            Callee::Done(_) => Ok(()),
        }
    }

    fn finish(&mut self, result: Result<(), PyErr>) -> Step {
        let core = self.core().clone();
        let result = super::stackless::filter_uncaught(&mut self.vm, &core, result);
        if super::strict::enabled() && !core.is_main() {
            {
                let mut s = core.state.lock();
                s.life = Life::Dead;
                s.blocked = false;
            }
            self.vm.frames.clear();
            if let Some(result) = result {
                super::strict::tasklet_end(&mut self.vm, &core, result.err());
            }
            return Step::Done;
        }
        let Some(result) = result else { return Step::Done };
        {
            let mut s = core.state.lock();
            s.life = Life::Dead;
            s.blocked = false;
        }
        if !core.is_main() {
            sched().add_runnable(-1);
        }
        self.vm.frames.clear();
        if let Err(e) = result {
            if !e.matches("TaskletExit") || core.is_main() {
                super::main::tasklet_failed(&core, e);
            }
        }
        super::main::tasklet_finished(&core);
        Step::Done
    }
}

impl Drop for TaskletBody {
    /// The tasklet ended (or its task was dropped): break the cycle with its
    /// Python object (`setup`/`bind` register it again on a re-bind).
    fn drop(&mut self) {
        // A pending coroutine (hard switch) uses this Vm through a raw
        // pointer while it unwinds: drop it first, while the Vm is whole.
        drop(self.vm.pending.take());
        let obj = self.vm.tasklet.as_ref().and_then(|c| c.state.lock().take_object());
        drop(obj);
    }
}

impl Resumable for TaskletBody {
    fn resume(&mut self, _cx: &mut Context<'_>) -> Step {
        if super::main::program_ending() {
            return Step::Parked;
        }
        let mut fetched = None;
        let mut unblocked = false;
        if super::strict::enabled() {
            if let Some(step) = self.strict_gate() {
                return step;
            }
        } else {
            let core = self.vm.tasklet.as_ref().expect("a tasklet's VM knows its tasklet");
            let mut s = core.state.lock();
            if s.handle.is_none() {
                // Main's handle is stored by the thread that spawned it,
                // possibly after main already ran: take it here.
                s.handle = weft_scheduler::current_task();
            }
            let preemptive = sched().preemptive.load(Ordering::Relaxed) && !s.ext.atomic();
            // One lock per resume: the kill/throw is taken with the flags,
            // and a completed channel wait unblocks the tasklet here.
            let throw = s.take_throw();
            if throw.is_none() && s.blocked && self.vm.pending.as_ref().is_some_and(Pending::completed) {
                s.blocked = false;
                unblocked = true;
            }
            fetched = Some(throw);
            drop(s);
            if unblocked && !core.is_main() {
                sched().add_runnable(1);
            }
            self.vm.preemptive = preemptive;
            // For run()'s nap heuristic (unused by the one-worker model).
            RESUMES.with(|r| r.set(r.get() + 1));
        }
        let fresh = matches!(self.vm.pending, Some(Pending::Fresh));
        if fresh {
            self.vm.pending = None;
        }
        let mut throw = match self.deliver(fetched, unblocked) {
            Ok(t) => t,
            Err(step) => return step,
        };
        if fresh {
            // Its creator has usually dropped the object by now.
            self.core().shed_object();
            if let Some(e) = throw.take() {
                self.vm.frames.clear();
                return self.finish(Err(e));
            }
        }
        if self.vm.frames.is_empty() {
            // Not started yet (its `Start` is still there), or a native
            // tasklet function that had suspended has completed.
            let start = self.core().state.lock().take_start();
            if start.is_some() {
                // Its creator has usually dropped the object by now.
                self.core().shed_object();
            }
            let Some(Start { func, args: Some(args) }) = start else {
                return self.finish(throw.map_or(Ok(()), Err));
            };
            if let Some(e) = throw.take() {
                return self.finish(Err(e));
            }
            match self.start_call(func, args) {
                Err(e) if e.is_suspend() => return self.suspended(),
                Err(e) => return self.finish(Err(e)),
                Ok(()) => {}
            }
            if self.vm.frames.is_empty() {
                return self.finish(Ok(()));
            }
        }
        if self.core().is_main() {
            if let Some(e) = super::main::take_main_error() {
                throw = Some(e);
            }
        }
        match self.vm.run_until(0, throw) {
            Ok(_) => {
                self.vm.run_generator_finalizers();
                self.finish(Ok(()))
            }
            Err(e) if e.is_suspend() => self.suspended(),
            Err(e) => self.finish(Err(e)),
        }
    }
}

impl TaskletBody {
    /// One worker: only the tasklet the Stackless model made current runs;
    /// one whose outside wait (sleep, lock) completed joins the chain.
    fn strict_gate(&mut self) -> Option<Step> {
        use super::strict::Gate;
        match super::strict::gate(&mut self.vm) {
            Gate::Run => return None,
            Gate::Park => return Some(Step::Parked),
            Gate::Poll => {
                if !matches!(self.vm.pending, Some(Pending::Coroutine(..))) {
                    match self.deliver(None, false) {
                        Err(step) => return Some(step),
                        Ok(Some(e)) => self.core().state.lock().set_throw(e),
                        Ok(None) => {}
                    }
                }
                if !super::strict::external_ready(self.core()) {
                    return Some(Step::Parked);
                }
            }
        }
        super::strict::prepare_vm(&mut self.vm);
        None
    }

    fn suspended_strict(&mut self) -> Step {
        match &self.vm.pending {
            None | Some(Pending::Switched) => Step::Parked,
            Some(Pending::Preempted) => {
                let core = self.core().clone();
                if super::strict::preempted(&mut self.vm, &core) {
                    Step::Yielded
                } else {
                    Step::Parked
                }
            }
            Some(Pending::Yield(_)) | Some(Pending::Coroutine(_, false)) => Step::Yielded,
            Some(Pending::Coroutine(_, true)) if !super::strict::is_running(self.core()) => Step::Parked,
            Some(_) => {
                let core = self.core().clone();
                super::strict::park_external(&mut self.vm, &core);
                Step::Parked
            }
        }
    }

    fn suspended(&mut self) -> Step {
        if super::strict::enabled() {
            return self.suspended_strict();
        }
        match &self.vm.pending {
            Some(p) if p.blocks() => {
                self.core().park_blocked();
                Step::Parked
            }
            Some(Pending::Sleep(_)) | Some(Pending::RunNap(_)) => Step::Parked,
            Some(Pending::Coroutine(_, parked)) => {
                if *parked {
                    Step::Parked
                } else {
                    Step::Yielded
                }
            }
            Some(Pending::RunWait) => Step::Yielded,
            _ => Step::Yielded,
        }
    }
}

// A million tasklets: the core fits mimalloc's 64-byte class with its
// `Arc` header, the task (header + body) the 112-byte one.
#[cfg(target_pointer_width = "64")]
const _: () = {
    assert!(std::mem::size_of::<TaskletCore>() <= 48);
    assert!(std::mem::size_of::<TaskletBody>() <= 80);
};
