//! The single-worker (Stackless) scheduler model. With one worker weft keeps
//! Stackless's own bookkeeping — a circular chain of runnable tasklets whose
//! head is the running one, channels with FIFO queues of blocked tasklets, a
//! stack of watchdogs (`run()` callers) — and passes a baton: only the
//! tasklet the model makes current is unparked, every other resume of a
//! scheduler task returns `Parked` at once (`gate`). So every ordering
//! Stackless's C implementation produces (round-robin `schedule`, `run()`
//! placing its target before the caller, `switch`, the three channel
//! preferences, `schedule_all`, kill/throw switching to the target, the
//! watchdog's revival, `run(timeout)` interrupts) is reproduced exactly; the
//! functions below follow `slp_schedule_task`, `generic_channel_action`,
//! `tasklet_end` and `PyStackless_RunWatchdogEx` step for step.
//!
//! Invariants (under `MODEL`): the running tasklet is `chain[0]` whenever it
//! is scheduled; a live tasklet is in at most one of: the chain, one channel
//! queue (`blocked`), the set of tasklets parked on something outside
//! Stackless (`time.sleep`, a lock, a socket: `ext_parked`); `runcount` is
//! `chain.len()`. A tasklet's result on resume is its `tempval` (or its
//! `throw`, Stackless's bomb). Lock order: `MODEL`, then a channel, then a
//! tasklet's state.

use super::stackless::tasklet_object;
use super::tasklet::{Life, Pending, TaskletCore};
use crate::object::Args;
use crate::pvm::exc::{runtime_error, value_error, PyErr};
use crate::pvm::{PyResult, Vm};
use crate::value::Value;
use parking_lot::Mutex;
use std::collections::VecDeque;
use std::sync::{Arc, OnceLock};

/// True when weft runs on one worker and so follows this model.
pub fn enabled() -> bool {
    static E: OnceLock<bool> = OnceLock::new();
    *E.get_or_init(|| super::main::worker_count() == 1)
}

/// A Python channel's Stackless state (single worker).
///
/// A blocked sender's offer (its value, or the exception it sends when its
/// `out_err` flag is set) waits in `offers`, not in the sender's `tempval`
/// as in Stackless: a `tempval` needs the tasklet's rare box, and a million
/// blocked senders would each need one. Invariant: while `balance > 0`,
/// `offers[i]` belongs to `queue[i]`; otherwise `offers` is empty.
pub struct SlpChan {
    pub queue: VecDeque<Arc<TaskletCore>>,
    pub offers: VecDeque<Value>,
    pub balance: isize,
    pub closing: bool,
    pub preference: i8,
    pub schedule_all: bool,
}

pub type ChanRef = Arc<Mutex<SlpChan>>;

pub fn new_chan() -> ChanRef {
    Arc::new(Mutex::new(SlpChan { queue: VecDeque::new(), offers: VecDeque::new(), balance: 0, closing: false, preference: -1, schedule_all: false }))
}

/// Per-tasklet Stackless flags, kept in `TaskletState::ext` (the channel a
/// tasklet blocks on is `TaskletState::chan`, its bomb in the rare part).
/// Two bytes: the flags are bits, so `TaskletState` (and with it the core)
/// stays in its size class for a million tasklets.
#[derive(Default)]
pub struct TaskletExt {
    bits: u8,
    /// Blocked on a channel of this model: 1 sending, -1 receiving.
    pub dir: i8,
}

/// Defines a getter, a setter and a `replace` for one flag bit.
macro_rules! flag {
    ($bit:expr, $get:ident, $set:ident, $replace:ident) => {
        #[inline]
        pub fn $get(&self) -> bool {
            self.bits & $bit != 0
        }
        #[inline]
        pub fn $set(&mut self, on: bool) {
            if on {
                self.bits |= $bit;
            } else {
                self.bits &= !$bit;
            }
        }
        /// Sets the flag, returning its old value.
        #[inline]
        pub fn $replace(&mut self, on: bool) -> bool {
            let old = self.$get();
            self.$set(on);
            old
        }
    };
}

impl TaskletExt {
    flag!(1, atomic, set_atomic, replace_atomic);
    flag!(2, ignore_nesting, set_ignore_nesting, replace_ignore_nesting);
    // A blocked sender offers an exception: its `tempval` holds it (else
    // `tempval` holds the value it offers, as in Stackless).
    flag!(4, out_err, set_out_err, replace_out_err);
    // A watchdog interrupt was due while it could not be taken.
    flag!(8, pending_irq, set_pending_irq, replace_pending_irq);
    // Parked on a wait outside Stackless (sleep, lock, I/O).
    flag!(16, ext_parked, set_ext_parked, replace_ext_parked);
    // Waiting for the baton on its coroutine stack (a switch inside a native
    // callback): its bomb goes to `bomb`, raised at the wait.
    flag!(32, co_wait, set_co_wait, replace_co_wait);
    // In the runnables chain (membership in O(1) for a million tasklets).
    flag!(64, in_chain, set_in_chain, replace_in_chain);
}

/// Stackless's "bomb in tempval": the error the tasklet raises when it
/// next runs, at the point where it waits.
fn set_bomb(t: &Arc<TaskletCore>, e: PyErr) {
    let mut s = t.state.lock();
    if s.ext.co_wait() {
        s.rare_mut().bomb = Some(Box::new(e));
    } else {
        s.set_throw(e);
    }
}

#[derive(Clone, Copy, Default)]
struct Settings {
    /// An interrupting watchdog (`run(timeout>0)`) is active.
    active: bool,
    interval: i64,
    soft: bool,
    total: bool,
}

struct Model {
    chain: VecDeque<Arc<TaskletCore>>,
    running: Option<Arc<TaskletCore>>,
    main: Option<Arc<TaskletCore>>,
    /// `run()` callers, innermost last; `saved[i]` is the interrupt setting
    /// `watchdogs[i]` replaced, if it became the interrupt watchdog.
    watchdogs: Vec<Arc<TaskletCore>>,
    saved: Vec<Option<Settings>>,
    interrupt_wd: Option<Arc<TaskletCore>>,
    cur: Settings,
    /// Ticks (calls and backward jumps) left in the running tasklet's slice.
    ticks: i64,
    interrupted: Option<Arc<TaskletCore>>,
    ext_parked: usize,
    schedlock: bool,
}

static MODEL: Mutex<Model> = Mutex::new(Model {
    chain: VecDeque::new(),
    running: None,
    main: None,
    watchdogs: Vec::new(),
    saved: Vec::new(),
    interrupt_wd: None,
    cur: Settings { active: false, interval: 0, soft: false, total: false },
    ticks: 0,
    interrupted: None,
    ext_parked: 0,
    schedlock: false,
});

impl Model {
    /// Where `t` is in the chain: a scan from the head, which is where the
    /// tasklets a switch involves usually are.
    fn pos(&self, t: &Arc<TaskletCore>) -> Option<usize> {
        // The running tasklet is the head: no lock, no scan.
        if self.chain.front().is_some_and(|c| Arc::ptr_eq(c, t)) {
            return Some(0);
        }
        if !t.state.lock().ext.in_chain() {
            return None;
        }
        self.chain.iter().position(|c| Arc::ptr_eq(c, t))
    }
    /// `pos` of a tasklet known to be in the chain (no flag to check).
    fn pos_member(&self, t: &Arc<TaskletCore>) -> Option<usize> {
        self.chain.iter().position(|c| Arc::ptr_eq(c, t))
    }
    fn contains(&self, t: &Arc<TaskletCore>) -> bool {
        t.state.lock().ext.in_chain()
    }
    /// `slp_current_insert`: at the end of the chain (just before current).
    fn push(&mut self, t: &Arc<TaskletCore>) {
        if !self.contains(t) {
            self.insert_at(self.chain.len(), t);
        }
    }
    fn insert_at(&mut self, i: usize, t: &Arc<TaskletCore>) {
        t.state.lock().ext.set_in_chain(true);
        self.chain.insert(i, t.clone());
    }
    fn remove(&mut self, t: &Arc<TaskletCore>) -> bool {
        match self.pos(t) {
            Some(i) => {
                self.chain.remove(i);
                t.state.lock().ext.set_in_chain(false);
                true
            }
            None => false,
        }
    }
    /// `slp_get_watchdog`: the innermost `run()` caller, else main; with
    /// `interrupt`, the one running the interrupt watchdog.
    fn watchdog(&self, interrupt: bool) -> Option<Arc<TaskletCore>> {
        if interrupt && !self.watchdogs.is_empty() {
            return self.interrupt_wd.clone().or_else(|| self.main.clone());
        }
        self.watchdogs.last().cloned().or_else(|| self.main.clone())
    }
    /// Neither runnable, blocked, nor waiting outside: a watchdog in `run()`
    /// or a removed tasklet.
    fn floating(&self, t: &Arc<TaskletCore>) -> bool {
        !self.contains(t) && {
            let s = t.state.lock();
            !s.blocked && !s.ext.ext_parked() && s.life != Life::Dead
        }
    }
    fn is_running(&self, t: &Arc<TaskletCore>) -> bool {
        self.running.as_ref().is_some_and(|r| Arc::ptr_eq(r, t))
    }
    fn save_ticks(&mut self, vm: &Vm) {
        if self.cur.active && self.cur.total {
            self.ticks = i64::from(vm.budget);
        }
    }
}

pub fn init_main(core: &Arc<TaskletCore>) {
    let mut m = MODEL.lock();
    m.main = Some(core.clone());
    m.push(core);
    m.running = Some(core.clone());
}

fn unpark(t: &Arc<TaskletCore>) {
    let mut s = t.state.lock();
    if let Some(h) = &s.handle {
        h.unpark();
    } else if s.life == Life::Scheduled && !t.is_main() {
        // First run: its scheduler task is made now (runnable at once).
        if RUNTIME.get().is_some() {
            s.handle = Some(weft_scheduler::spawn_resumable(super::compact::CompactBody::new(t.clone())));
        }
    }
}

static RUNTIME: OnceLock<Arc<crate::pvm::Runtime>> = OnceLock::new();

/// The runtime tasklets' VMs run on (see `set_runtime`).
pub fn runtime() -> Option<&'static Arc<crate::pvm::Runtime>> {
    RUNTIME.get()
}

/// Remembers the runtime new tasklets' VMs run on (one per process).
pub fn set_runtime(rt: &Arc<crate::pvm::Runtime>) {
    if RUNTIME.get().is_none() {
        let _ = RUNTIME.set(rt.clone());
    }
}

/// Takes `t` out of the channel it is blocked on (kill, throw, run); a
/// value it was offering is lost with the operation, as in Stackless.
fn chan_remove(t: &Arc<TaskletCore>) {
    let (chan, dir) = {
        let mut s = t.state.lock();
        s.blocked = false;
        if s.ext.dir > 0 {
            s.ext.set_out_err(false);
        }
        (s.take_chan(), std::mem::take(&mut s.ext.dir))
    };
    if let Some(c) = chan {
        let mut c = c.lock();
        if let Some(i) = c.queue.iter().position(|x| Arc::ptr_eq(x, t)) {
            c.queue.remove(i);
            if dir > 0 {
                c.offers.remove(i);
            }
            c.balance -= dir as isize;
        }
    }
}

/// Where a blocked sender's offer is: its channel and its place there.
fn offer_slot(t: &Arc<TaskletCore>) -> Option<(ChanRef, usize)> {
    let chan = {
        let s = t.state.lock();
        if !s.blocked || s.ext.dir <= 0 {
            return None;
        }
        s.chan.clone()?
    };
    let i = chan.lock().queue.iter().position(|x| Arc::ptr_eq(x, t))?;
    Some((chan, i))
}

/// `tasklet.tempval`: a blocked sender's is the value it offers.
pub fn tempval(t: &Arc<TaskletCore>) -> Value {
    if let Some((chan, i)) = offer_slot(t) {
        if let Some(v) = chan.lock().offers.get(i) {
            return v.clone();
        }
    }
    t.state.lock().rare().tempval.clone()
}

/// Sets `tasklet.tempval` (a blocked sender's offer, see `tempval`).
pub fn set_tempval(t: &Arc<TaskletCore>, v: Value) {
    if let Some((chan, i)) = offer_slot(t) {
        if let Some(slot) = chan.lock().offers.get_mut(i) {
            *slot = v;
            return;
        }
    }
    t.state.lock().set_tempval(v);
}

/// Makes `next` runnable for a switch to it: out of its channel or its
/// outside wait, into the chain.
fn prepare(m: &mut Model, next: &Arc<TaskletCore>) {
    let (blocked, ext) = {
        let s = next.state.lock();
        (s.blocked, s.ext.ext_parked())
    };
    if blocked {
        chan_remove(next);
    }
    if ext {
        next.state.lock().ext.set_ext_parked(false);
        m.ext_parked -= 1;
    }
    m.push(next);
}

/// A switch failed: `prev` runs on, unblocked and scheduled.
fn restore(m: &mut Model, prev: &Arc<TaskletCore>) {
    if prev.state.lock().blocked {
        chan_remove(prev);
    }
    if !m.contains(prev) {
        m.insert_at(0, prev);
    }
    m.running = Some(prev.clone());
}

enum Sw {
    /// No switch: the caller continues.
    Stay,
    /// `prev` gives way to this tasklet.
    To(Arc<TaskletCore>),
    /// Nothing can run until an outside wait completes.
    Idle,
}

/// `slp_schedule_task`: `prev` (the running tasklet, already moved where
/// it belongs) gives way to `next`; `None` means the chain is empty.
fn schedule_task(m: &mut Model, prev: &Arc<TaskletCore>, next: Option<Arc<TaskletCore>>, no_soft_irq: bool) -> Result<Sw, PyErr> {
    schedule_task_to(m, prev, next, no_soft_irq, false)
}

/// `schedule_task`; `ready` says `next` is already in the chain, neither
/// blocked nor waiting outside (a channel partner just moved there), so
/// its flags need no second look.
fn schedule_task_to(m: &mut Model, prev: &Arc<TaskletCore>, next: Option<Arc<TaskletCore>>, no_soft_irq: bool, ready: bool) -> Result<Sw, PyErr> {
    if m.schedlock {
        restore(m, prev);
        return Err(runtime_error("Recursive scheduler call due to callbacks!"));
    }
    let mut next = match next {
        Some(n) => n,
        None => {
            if m.ext_parked > 0 {
                m.running = None;
                return Ok(Sw::Idle);
            }
            // schedule_task_block: revive a floating watchdog, else deadlock.
            match m.watchdog(false) {
                Some(w) if m.floating(&w) => w,
                _ => {
                    restore(m, prev);
                    return Err(runtime_error("Deadlock: the last runnable tasklet cannot be blocked."));
                }
            }
        }
    };
    if super::stackless::switch_trap_level() != 0 && !Arc::ptr_eq(prev, &next) {
        restore(m, prev);
        return Err(runtime_error("switch_trap"));
    }
    if !ready {
        prepare(m, &next);
    }
    // slp_schedule_soft_irq (a flag left set does nothing without an
    // active interrupting watchdog: skip its lock then).
    let irq = m.cur.active && prev.state.lock().ext.replace_pending_irq(false);
    if irq && m.cur.active && m.cur.soft {
        if let Some(wd) = m.watchdog(true) {
            if m.floating(&wd) && !Arc::ptr_eq(prev, &wd) && !Arc::ptr_eq(&next, &wd) {
                if no_soft_irq {
                    next.state.lock().ext.set_pending_irq(true);
                } else {
                    m.interrupted = Some(next.clone());
                    let i = m.pos(&next).unwrap_or(m.chain.len());
                    m.insert_at(i, &wd);
                    next = wd;
                }
            }
        }
    } else if irq {
        prev.state.lock().ext.set_pending_irq(true);
    }
    if Arc::ptr_eq(prev, &next) {
        m.running = Some(prev.clone());
        return Ok(Sw::Stay);
    }
    let i = m.pos_member(&next).expect("a switch target is in the chain");
    m.chain.rotate_left(i);
    m.running = Some(next.clone());
    if !m.cur.total {
        m.ticks = m.cur.interval;
    }
    Ok(Sw::To(next))
}

/// Calls the schedule callback as `prev` (Stackless runs it with `prev`
/// current); it may not switch.
fn schedule_callback(vm: &mut Vm, prev: &Arc<TaskletCore>, next: &Arc<TaskletCore>) {
    let Some(cb) = super::stackless::schedule_callback() else { return };
    MODEL.lock().schedlock = true;
    let r = vm.call(&cb, Args::new(vec![tasklet_object(prev), tasklet_object(next)]));
    MODEL.lock().schedlock = false;
    if let Err(e) = r {
        report_unraisable(vm, "Error in scheduling callback", e);
    }
}

pub fn report_unraisable(vm: &mut Vm, what: &str, e: PyErr) {
    let text = vm.format_exception(&e.exc);
    crate::pvm::runtime::stderr_write(&format!("{what}:\n{text}"));
}

/// Ends a native call whose switch was decided: the result now, or suspend
/// until the model makes the caller current again.
fn finish_switch(vm: &mut Vm, me: &Arc<TaskletCore>, sw: Result<Sw, PyErr>) -> PyResult {
    match sw? {
        Sw::Stay => take_result(me),
        Sw::To(next) => {
            schedule_callback(vm, me, &next);
            unpark(&next);
            suspend(vm, me)
        }
        Sw::Idle => suspend(vm, me),
    }
}

/// Gives up the worker until the model makes `me` current again: the
/// dispatch loop unwinds (soft switch), or, inside a native callback, the
/// tasklet's coroutine stack parks (hard switch).
fn suspend(vm: &mut Vm, me: &Arc<TaskletCore>) -> PyResult {
    if vm.on_coroutine {
        me.state.lock().ext.set_co_wait(true);
        while !is_running(me) {
            weft_scheduler::park_current();
        }
        me.state.lock().ext.set_co_wait(false);
        return take_result(me);
    }
    let _ = me;
    vm.pending = Some(Pending::Switched);
    Err(PyErr::suspend())
}

/// Can the running call give up the worker (see `suspend`)?
fn can_switch(vm: &Vm) -> bool {
    vm.can_suspend() || vm.on_coroutine
}

/// What a resumed tasklet's switching call returns: its bomb, else its
/// tempval (Stackless's `TASKLET_CLAIMVAL`).
pub fn take_result(me: &Arc<TaskletCore>) -> PyResult {
    let mut s = me.state.lock();
    if let Some(e) = s.take_bomb().map(|b| *b).or_else(|| s.take_throw()) {
        return Err(e);
    }
    let v = s.take_tempval();
    s.trim();
    Ok(v)
}

fn current(vm: &Vm) -> PyResult<Arc<TaskletCore>> {
    vm.tasklet.clone().ok_or_else(|| runtime_error("no current tasklet"))
}

fn cannot_switch() -> PyErr {
    runtime_error("weft: a tasklet switch inside a native callback is not supported yet")
}

// ---- the scheduler task's side -------------------------------------------

pub enum Gate {
    /// The model says this tasklet runs now.
    Run,
    /// Not its turn (spurious or early resume).
    Park,
    /// An outside wait may have completed: poll it, then `external_ready`.
    Poll,
}

pub fn gate(vm: &mut Vm) -> Gate {
    let m = MODEL.lock();
    let me = vm.tasklet.as_ref().expect("a tasklet's VM knows its tasklet");
    if m.is_running(me) {
        if me.is_main() {
            let mut s = me.state.lock();
            if s.handle.is_none() {
                // Main's handle is stored by the thread that spawned it,
                // possibly after main already ran: take it here.
                s.handle = weft_scheduler::current_task();
            }
        }
        m.prepare_vm(vm);
        return Gate::Run;
    }
    if me.state.lock().ext.ext_parked() {
        Gate::Poll
    } else {
        Gate::Park
    }
}

/// The outside wait of `me` completed: it joins the chain's end (Stackless
/// inserts a tasklet woken from another thread there); it runs at once if
/// nothing else was running. Returns whether it runs now.
pub fn external_ready(me: &Arc<TaskletCore>) -> bool {
    let mut m = MODEL.lock();
    {
        let mut s = me.state.lock();
        if !s.ext.ext_parked() {
            drop(s);
            return m.is_running(me);
        }
        s.ext.set_ext_parked(false);
    }
    m.ext_parked -= 1;
    m.push(me);
    if m.running.is_none() {
        let i = m.pos(me).unwrap_or(0);
        m.chain.rotate_left(i);
        m.running = Some(me.clone());
        m.ticks = m.cur.interval;
        return true;
    }
    false
}

/// Before the running tasklet's bytecode runs: the watchdog's time slice.
pub fn prepare_vm(vm: &mut Vm) {
    MODEL.lock().prepare_vm(vm);
}

impl Model {
    fn prepare_vm(&self, vm: &mut Vm) {
        vm.preemptive = self.cur.active;
        if self.cur.active {
            vm.budget = i32::try_from(self.ticks.max(1)).unwrap_or(i32::MAX);
        }
    }
}

/// The running tasklet suspended on a wait outside Stackless: it leaves the
/// chain and the next runnable tasklet gets the baton.
pub fn park_external(vm: &mut Vm, me: &Arc<TaskletCore>) {
    let sw = {
        let mut m = MODEL.lock();
        m.save_ticks(vm);
        m.remove(me);
        me.state.lock().ext.set_ext_parked(true);
        m.ext_parked += 1;
        let next = m.chain.front().cloned();
        schedule_task(&mut m, me, next, false)
    };
    if let Ok(Sw::To(next)) = sw {
        schedule_callback(vm, me, &next);
        unpark(&next);
    }
}

/// The running tasklet's time slice ran out (`run(timeout)`): the
/// watchdog's interrupt (`interrupt_timeout_return`). Returns whether the
/// tasklet keeps running.
pub fn preempted(vm: &mut Vm, me: &Arc<TaskletCore>) -> bool {
    let sw = {
        let mut m = MODEL.lock();
        if !m.cur.active {
            return true;
        }
        let atomic = me.state.lock().ext.atomic();
        if m.cur.soft || atomic || m.schedlock || super::stackless::switch_trap_level() != 0 {
            m.ticks = m.cur.interval;
            me.state.lock().ext.set_pending_irq(true);
            return true;
        }
        me.state.lock().ext.set_pending_irq(false);
        m.interrupted = Some(me.clone());
        let wd = m.watchdog(true);
        schedule_task(&mut m, me, wd, false)
    };
    match sw {
        Ok(Sw::To(next)) => {
            schedule_callback(vm, me, &next);
            unpark(&next);
            false
        }
        _ => true,
    }
}

/// `tasklet_end` for a non-main tasklet: it leaves the chain; an uncaught
/// error (`bomb`) goes to the innermost watchdog (or main), which is
/// switched to at once, even out of a channel wait; when nothing is left to
/// run, the watchdog is revived, or main blocked on a channel gets
/// Stackless's "the main tasklet is receiving without a sender" error.
pub fn tasklet_end(vm: &mut Vm, core: &Arc<TaskletCore>, bomb: Option<PyErr>) {
    let sw = {
        let mut m = MODEL.lock();
        m.remove(core);
        let mut bomb = bomb;
        let mut next = m.chain.front().cloned();
        if next.is_none() {
            if m.ext_parked > 0 && bomb.is_none() {
                m.running = None;
                return;
            }
            let Some(wakeup) = m.watchdog(false) else { return };
            let dir = {
                let s = wakeup.state.lock();
                if s.blocked {
                    s.ext.dir
                } else {
                    0
                }
            };
            if dir != 0 && bomb.is_none() {
                bomb = Some(runtime_error(if dir < 0 {
                    "the main tasklet is receiving without a sender available."
                } else {
                    "the main tasklet is sending without a receiver available."
                }));
            }
            next = Some(wakeup);
        }
        if let Some(b) = bomb {
            next = m.watchdog(false);
            if let Some(w) = &next {
                set_bomb(w, b);
            }
        }
        schedule_task(&mut m, core, next, false)
    };
    if let Ok(Sw::To(next)) = sw {
        schedule_callback(vm, core, &next);
        unpark(&next);
    }
}

// ---- the stackless module's operations --------------------------------------

/// `schedule(retval)` / `schedule_remove(retval)`.
pub fn schedule(vm: &mut Vm, retval: Value, remove: bool) -> PyResult {
    let me = current(vm)?;
    if !can_switch(vm) {
        return Ok(retval);
    }
    let sw = {
        let mut m = MODEL.lock();
        m.save_ticks(vm);
        me.state.lock().set_tempval(retval);
        let next = if remove {
            m.remove(&me);
            m.chain.front().cloned()
        } else {
            match m.pos(&me) {
                Some(i) => m.chain.get((i + 1) % m.chain.len()).cloned(),
                None => m.chain.front().cloned(),
            }
        };
        schedule_task(&mut m, &me, next, false)
    };
    finish_switch(vm, &me, sw)
}

/// `run()`'s first half: the caller becomes a watchdog and leaves the
/// chain until it empties (or a tasklet is interrupted, or fails).
pub fn run_begin(vm: &mut Vm, timeout: i64, soft: bool, total: bool) -> PyResult {
    let me = current(vm)?;
    if !can_switch(vm) {
        return Err(cannot_switch());
    }
    let sw = {
        let mut m = MODEL.lock();
        let interrupt = timeout > 0 && m.interrupt_wd.is_none();
        m.watchdogs.push(me.clone());
        if interrupt {
            m.interrupt_wd = Some(me.clone());
            let old = m.cur;
            m.saved.push(Some(old));
            m.cur = Settings { active: true, interval: timeout, soft, total };
            m.ticks = timeout;
        } else {
            m.saved.push(None);
        }
        m.remove(&me);
        me.state.lock().set_tempval(Value::None);
        let next = m.chain.front().cloned();
        schedule_task(&mut m, &me, next, false)
    };
    finish_switch(vm, &me, sw).map(|_| Value::None)
}

/// `run()`'s second half, run however the first ended: pops the watchdog
/// stack down to the caller (deeper watchdogs become runnable) and returns
/// the interrupted tasklet, removed from the chain (hard interrupts).
pub fn run_end(vm: &mut Vm, soft: bool) -> PyResult {
    let me = current(vm)?;
    let mut m = MODEL.lock();
    if let Some(i) = m.watchdogs.iter().rposition(|w| Arc::ptr_eq(w, &me)) {
        while m.watchdogs.len() > i {
            let popped = m.watchdogs.pop().expect("watchdog");
            let saved = m.saved.pop().flatten();
            if m.interrupt_wd.as_ref().is_some_and(|w| Arc::ptr_eq(w, &popped)) {
                m.interrupt_wd = None;
            }
            if let Some(s) = saved {
                m.cur = s;
                m.ticks = s.interval;
            }
            if !Arc::ptr_eq(&popped, &me) && m.floating(&popped) {
                m.push(&popped);
            }
        }
    }
    if !m.contains(&me) {
        m.insert_at(0, &me);
    }
    if let Some(victim) = m.interrupted.take() {
        if !soft {
            m.remove(&victim);
            drop(m);
            return Ok(tasklet_object(&victim));
        }
    }
    Ok(Value::None)
}

/// Spawns the scheduler task of a bound tasklet that has none yet.
fn ensure_spawned(vm: &Vm, t: &Arc<TaskletCore>) -> PyResult<()> {
    let life = t.state.lock().life;
    match life {
        Life::Scheduled => Ok(()),
        Life::Dead => Err(runtime_error("You cannot run an unbound(dead) tasklet")),
        Life::New => {
            if !t.state.lock().bound() {
                return Err(runtime_error("You cannot run an unbound(dead) tasklet"));
            }
            t.insert(&vm.rt)
        }
    }
}

/// `tasklet.insert()` (also the implicit insert of `tasklet(f)(...)`).
pub fn insert(vm: &mut Vm, t: &Arc<TaskletCore>) -> PyResult<()> {
    let mut m = MODEL.lock();
    {
        let s = t.state.lock();
        if s.blocked || s.ext.ext_parked() {
            return Err(runtime_error("You cannot run a blocked tasklet"));
        }
    }
    if m.contains(t) {
        return Ok(());
    }
    ensure_spawned(vm, t)?;
    m.push(t);
    Ok(())
}

/// `tasklet.remove()`.
pub fn remove(t: &Arc<TaskletCore>) -> PyResult<()> {
    let mut m = MODEL.lock();
    if t.state.lock().blocked {
        return Err(runtime_error("You cannot remove a blocked tasklet."));
    }
    if m.is_running(t) {
        return Err(runtime_error("The current tasklet cannot be removed."));
    }
    m.remove(t);
    Ok(())
}

/// `tasklet.run()` (`remove` false) and `tasklet.switch()` (true).
pub fn run_remove(vm: &mut Vm, t: &Arc<TaskletCore>, remove: bool) -> PyResult {
    let me = current(vm)?;
    if !can_switch(vm) {
        return Err(cannot_switch());
    }
    let sw = {
        let mut m = MODEL.lock();
        {
            let s = t.state.lock();
            if s.blocked || s.ext.ext_parked() {
                return Err(runtime_error("You cannot run a blocked tasklet"));
            }
        }
        if !m.contains(t) {
            ensure_spawned(vm, t)?;
            m.push(t);
        }
        if remove && !Arc::ptr_eq(&me, t) {
            m.remove(&me);
        }
        m.save_ticks(vm);
        me.state.lock().set_tempval(Value::None);
        schedule_task(&mut m, &me, Some(t.clone()), false)
    };
    finish_switch(vm, &me, sw)
}

/// `tasklet.throw(...)` / `kill` / `raise_exception`: the error becomes the
/// target's bomb; unless `pending`, the caller switches to the target at
/// once (it is inserted before the caller), else it is merely made runnable.
pub fn throw(vm: &mut Vm, t: &Arc<TaskletCore>, err: PyErr, pending: bool) -> PyResult {
    let me = current(vm)?;
    if Arc::ptr_eq(&me, t) {
        return Err(err);
    }
    let life = t.state.lock().life;
    let unbound = life == Life::Dead || (life == Life::New && !t.state.lock().bound());
    if unbound {
        if err.matches("TaskletExit") {
            return Ok(Value::None);
        }
        return Err(runtime_error("You cannot throw to a dead tasklet"));
    }
    if !pending && !can_switch(vm) {
        return Err(cannot_switch());
    }
    let sw = {
        let mut m = MODEL.lock();
        ensure_spawned(vm, t)?;
        set_bomb(t, err);
        if pending {
            prepare(&mut m, t);
            return Ok(Value::None);
        }
        m.save_ticks(vm);
        me.state.lock().set_tempval(Value::None);
        schedule_task(&mut m, &me, Some(t.clone()), false)
    };
    finish_switch(vm, &me, sw)
}

// ---- channels -----------------------------------------------------------------

/// `generic_channel_action`: `dir` 1 sends `payload`, -1 receives.
pub fn channel_action(vm: &mut Vm, ch_obj: &Value, chan: &ChanRef, dir: i8, payload: Result<Value, PyErr>) -> PyResult {
    let me = current(vm)?;
    if let Some(cb) = super::stackless::channel_callback() {
        let cando = {
            let c = chan.lock();
            if dir > 0 {
                c.balance < 0
            } else {
                c.balance > 0
            }
        };
        {
            let mut m = MODEL.lock();
            if m.schedlock {
                return Err(runtime_error("Recursive channel call due to callbacks!"));
            }
            m.schedlock = true;
        }
        let args = vec![ch_obj.clone(), tasklet_object(&me), Value::bool(dir > 0), Value::bool(!cando)];
        let r = vm.call(&cb, Args::new(args));
        MODEL.lock().schedlock = false;
        if let Err(e) = r {
            report_unraisable(vm, "Error in channel callback", e);
        }
    }
    let mut m = MODEL.lock();
    let mut c = chan.lock();
    let cando = if dir > 0 { c.balance < 0 } else { c.balance > 0 };
    if cando {
        let target = c.queue.pop_front().expect("balance counts the queue");
        let offer = if dir < 0 { c.offers.pop_front() } else { None };
        c.balance += dir as isize;
        let (schedule_all, preference) = (c.schedule_all, c.preference);
        drop(c);
        let mine = {
            let mut s = target.state.lock();
            s.blocked = false;
            drop(s.take_chan());
            s.ext.dir = 0;
            // It was blocked, so in no other place: it joins the chain
            // below (one lock for both).
            s.ext.set_in_chain(true);
            if dir > 0 {
                match payload {
                    Ok(v) => s.set_tempval(v),
                    Err(e) if s.ext.co_wait() => s.rare_mut().bomb = Some(Box::new(e)),
                    Err(e) => s.set_throw(e),
                }
                Ok(Value::None)
            } else {
                let v = offer.unwrap_or(Value::None);
                if s.ext.replace_out_err(false) {
                    Err(PyErr { exc: v })
                } else {
                    Ok(v)
                }
            }
        };
        let can_switch = can_switch(vm);
        let me_at = m.pos(&me).unwrap_or(0);
        let (switchto, no_soft_irq) = if schedule_all && can_switch {
            m.chain.push_back(target);
            let n = m.chain.len();
            (m.chain.get((me_at + 1) % n).cloned(), false)
        } else if preference == -dir && can_switch {
            let at = (me_at + 1).min(m.chain.len());
            m.chain.insert(at, target.clone());
            (Some(target), true)
        } else {
            m.chain.push_back(target);
            (Some(me.clone()), true)
        };
        if switchto.as_ref().is_some_and(|s| Arc::ptr_eq(s, &me)) {
            return mine;
        }
        match mine {
            Ok(v) => me.state.lock().set_tempval(v),
            Err(e) => me.state.lock().set_throw(e),
        }
        m.save_ticks(vm);
        // The target is ready; so is `me` (running, in the chain) when
        // `schedule_all` picked it or the next in the chain.
        let sw = schedule_task_to(&mut m, &me, switchto, no_soft_irq, true);
        drop(m);
        return finish_switch(vm, &me, sw);
    }
    // generic_channel_block
    if me.state.lock().block_trap {
        return Err(runtime_error("this tasklet does not like to be blocked."));
    }
    if c.closing {
        return Err(value_error("Send/receive operation on a closed channel"));
    }
    if !can_switch(vm) {
        return Err(runtime_error("weft: blocking on a channel inside a native callback is not supported yet"));
    }
    c.queue.push_back(me.clone());
    c.balance += dir as isize;
    let out_err = payload.is_err();
    if dir > 0 {
        c.offers.push_back(payload.unwrap_or_else(|e| e.exc));
    }
    drop(c);
    // One lock for everything the blocking tasklet's state needs: it leaves
    // the chain, blocks, and sheds its unreferenced Python object.
    let (in_chain, obj) = {
        let mut s = me.state.lock();
        s.blocked = true;
        s.ext.dir = dir;
        s.chan = Some(chan.clone());
        s.ext.set_out_err(dir > 0 && out_err);
        s.set_tempval(Value::None);
        (s.ext.replace_in_chain(false), TaskletCore::take_sheddable(&mut s))
    };
    if in_chain {
        if let Some(i) = m.pos_member(&me) {
            m.chain.remove(i);
        }
    }
    drop(obj);
    m.save_ticks(vm);
    let next = m.chain.front().cloned();
    let sw = schedule_task(&mut m, &me, next, false);
    drop(m);
    finish_switch(vm, &me, sw)
}

// ---- introspection ------------------------------------------------------------

pub fn runcount() -> i64 {
    MODEL.lock().chain.len() as i64
}

pub fn in_chain(t: &Arc<TaskletCore>) -> bool {
    MODEL.lock().contains(t)
}

/// `tasklet.next` / `tasklet.prev`: neighbours in the circular chain, or in
/// the channel queue it is blocked on (None past either end).
pub fn neighbour(t: &Arc<TaskletCore>, forward: bool) -> Option<Arc<TaskletCore>> {
    let m = MODEL.lock();
    if let Some(i) = m.pos(t) {
        let n = m.chain.len();
        let j = if forward { (i + 1) % n } else { (i + n - 1) % n };
        return m.chain.get(j).cloned();
    }
    let chan = t.state.lock().chan.clone()?;
    let c = chan.lock();
    let i = c.queue.iter().position(|x| Arc::ptr_eq(x, t))?;
    if forward {
        c.queue.get(i + 1).cloned()
    } else {
        i.checked_sub(1).and_then(|j| c.queue.get(j).cloned())
    }
}

/// Clearing `atomic` on the running tasklet with an interrupt pending takes
/// the interrupt at the next tick (`slp_check_pending_irq`).
pub fn atomic_cleared(vm: &mut Vm, t: &Arc<TaskletCore>) {
    let m = MODEL.lock();
    if m.cur.active && !m.cur.soft && m.is_running(t) && t.state.lock().ext.pending_irq() && vm.tasklet.as_ref().is_some_and(|c| Arc::ptr_eq(c, t)) {
        vm.budget = 0;
    }
}

pub fn is_running(t: &Arc<TaskletCore>) -> bool {
    MODEL.lock().is_running(t)
}
