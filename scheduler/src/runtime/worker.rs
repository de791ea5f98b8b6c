//! One worker thread: its local FIFO deque, its "run next" slot, the loop that
//! finds and runs tasks, and the thread-local pointer that lets wake-ups on
//! this thread push to the local queue.
//!
//! Invariants: the local deque and the run-next slot are only pushed by this
//! thread; `run_next` is checked first, then the local queue, with the global
//! injector checked first every 61 ticks for fairness; with one worker and
//! no outside wake-ups, order is strictly FIFO (deterministic).
//!
//! Fairness with several workers: after `MAX_STREAK` consecutive run-next
//! picks (a ping-pong pair handing off through the slot), the run-next task
//! goes to the back of the deque so the local queue cannot starve. One
//! worker keeps the exact Stackless order instead (no streak limit).
//!
//! Single-worker fast path: a task queued "at the back" while the local
//! queue and `run_next` are empty is parked in `run_next` instead (marked
//! `next_is_fifo`), saving two deque operations; it moves to the deque
//! before anything else is queued behind it, so FIFO order is unchanged.

use std::cell::Cell;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::ptr;

use crossbeam_deque::{Steal, Worker as Deque};

use super::idle::Wake;
use super::Shared;
use crate::task::{Context, Step, Task};

const SPINS: u32 = 64;
const MAX_STREAK: u32 = 32;

pub(crate) struct WorkerCtx {
    pub(crate) shared: &'static Shared,
    pub(crate) index: usize,
    local: Deque<Task>,
    run_next: Cell<Option<Task>>,
    /// `run_next` holds a back-of-queue task (single-worker fast path); the
    /// local deque is then empty.
    next_is_fifo: Cell<bool>,
    /// Consecutive tasks taken from `run_next` (fairness, several workers).
    streak: Cell<u32>,
    pub(crate) current: Cell<*const Task>,
    tick: Cell<u32>,
    rng: Cell<u32>,
    /// Completions not yet subtracted from `Shared::live` (batched to keep
    /// that cache line quiet; flushed every 64 and whenever the worker idles,
    /// so `wait_all` may return late, never early).
    done_pending: Cell<usize>,
}

thread_local! {
    static WORKER: Cell<*const WorkerCtx> = const { Cell::new(ptr::null()) };
}

/// Run `f` with this thread's worker, if it is one.
#[inline(never)]
pub(crate) fn with_worker<R>(f: impl FnOnce(Option<&WorkerCtx>) -> R) -> R {
    let p = WORKER.with(|c| c.get());
    // SAFETY: `p` is either null or points at the WorkerCtx on this thread's
    // stack in `worker_main`, which clears the pointer before it is dropped.
    f(unsafe { p.as_ref() })
}

pub(crate) fn worker_main(shared: &'static Shared, index: usize, local: Deque<Task>) {
    let ctx = WorkerCtx {
        shared,
        index,
        local,
        run_next: Cell::new(None),
        next_is_fifo: Cell::new(false),
        streak: Cell::new(0),
        current: Cell::new(ptr::null()),
        tick: Cell::new(0),
        done_pending: Cell::new(0),
        rng: Cell::new((index as u32).wrapping_mul(2654435761) | 1),
    };
    WORKER.with(|c| c.set(&ctx));
    ctx.run();
    ctx.flush_done();
    WORKER.with(|c| c.set(ptr::null()));
    // Drop leftover tasks here, with the worker pointer cleared.
    drop(ctx.run_next.take());
    while ctx.local.pop().is_some() {}
}

impl WorkerCtx {
    fn run(&self) {
        let mut searching = false;
        loop {
            if self.shared.is_shutdown() {
                return;
            }
            if let Some(task) = self.find_task() {
                if searching {
                    searching = false;
                    if self.shared.idle.end_search() {
                        self.shared.idle.notify();
                    }
                }
                self.run_task(task);
                continue;
            }
            if searching {
                searching = false;
                self.shared.idle.end_search();
            }
            self.flush_done();
            if self.spin_for_work() {
                continue;
            }
            match self.shared.idle.sleep(|| self.shared.has_shared_work()) {
                Wake::Work => {}
                Wake::Search => searching = true,
                Wake::Shutdown => return,
            }
        }
    }

    /// Before sleeping, briefly poll for stealable work: a futex sleep and
    /// wake costs more than a short spin when work arrives at once (Go's
    /// spinning Ms). Returns true if work showed up.
    fn spin_for_work(&self) -> bool {
        if self.shared.stealers.len() == 1 {
            return false;
        }
        for i in 0..SPINS {
            if self.shared.has_shared_work() {
                return true;
            }
            if i < SPINS / 2 {
                std::hint::spin_loop();
            } else {
                std::thread::yield_now();
            }
        }
        false
    }

    /// Push a runnable task owned by this worker.
    pub(crate) fn push(&self, task: Task, next: bool) {
        // With one worker the only worker is this one, and it is awake.
        let mut notify = self.shared.stealers.len() > 1;
        if next {
            // The run-next slot cannot be stolen: waking an idle worker
            // for it only makes that worker search in vain (a channel
            // ping-pong would wake the other core on every message). Only
            // a task it pushes out into the stealable queue is news.
            let prev = self.run_next.replace(Some(task));
            notify &= prev.is_some();
            if let Some(prev) = prev {
                self.local.push(prev);
            }
            self.next_is_fifo.set(false);
        } else {
            self.push_back(task);
        }
        if notify {
            self.shared.idle.notify();
        }
    }

    /// Queue at the back of this worker's FIFO order.
    fn push_back(&self, task: Task) {
        if self.shared.stealers.len() > 1 {
            self.local.push(task);
            return;
        }
        match self.run_next.take() {
            None if self.local.is_empty() => {
                self.run_next.set(Some(task));
                self.next_is_fifo.set(true);
            }
            Some(prev) if self.next_is_fifo.get() => {
                self.next_is_fifo.set(false);
                self.local.push(prev);
                self.local.push(task);
            }
            prev => {
                self.run_next.set(prev);
                self.local.push(task);
            }
        }
    }

    fn find_task(&self) -> Option<Task> {
        let tick = self.tick.get().wrapping_add(1);
        self.tick.set(tick);
        if tick.is_multiple_of(61) {
            if let Some(t) = self.steal_injector() {
                return Some(t);
            }
        }
        if let Some(t) = self.take_run_next() {
            return Some(t);
        }
        self.streak.set(0);
        if let Some(t) = self.local.pop() {
            return Some(t);
        }
        self.steal_injector().or_else(|| self.steal_others())
    }

    fn take_run_next(&self) -> Option<Task> {
        let t = self.run_next.take()?;
        self.next_is_fifo.set(false);
        if self.shared.stealers.len() == 1 {
            return Some(t);
        }
        let n = self.streak.get() + 1;
        if n > MAX_STREAK && !self.local.is_empty() {
            self.local.push(t);
            return None;
        }
        self.streak.set(n);
        Some(t)
    }

    fn steal_injector(&self) -> Option<Task> {
        loop {
            match self.shared.injector.steal_batch_and_pop(&self.local) {
                Steal::Success(t) => return Some(t),
                Steal::Empty => return None,
                Steal::Retry => {}
            }
        }
    }

    fn steal_others(&self) -> Option<Task> {
        let n = self.shared.stealers.len();
        if n <= 1 {
            return None;
        }
        let start = self.next_rand() as usize % n;
        for i in 0..n {
            let j = (start + i) % n;
            if j == self.index {
                continue;
            }
            loop {
                match self.shared.stealers[j].steal_batch_and_pop(&self.local) {
                    Steal::Success(t) => return Some(t),
                    Steal::Empty => break,
                    Steal::Retry => {}
                }
            }
        }
        None
    }

    fn next_rand(&self) -> u32 {
        let mut x = self.rng.get();
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        self.rng.set(x);
        x
    }

    fn run_task(&self, task: Task) {
        task.state.start_run();
        let step = {
            let mut cx = Context {
                task: &task,
                worker: self.index,
            };
            let prev = self.current.replace(&task);
            // SAFETY: we just moved the task to RUNNING.
            let r = catch_unwind(AssertUnwindSafe(|| unsafe { task.resume_body(&mut cx) }));
            self.current.set(prev);
            r
        };
        match step {
            Ok(Step::Yielded) => {
                task.state.after_yield();
                let others_waiting = !self.local.is_empty();
                self.push_back(task);
                if others_waiting && self.shared.stealers.len() > 1 {
                    self.shared.idle.notify();
                }
            }
            Ok(Step::Parked) => {
                if task.state.after_park() {
                    self.push_back(task);
                }
            }
            Ok(Step::Done) => self.finish(task),
            Err(payload) => {
                super::report_panic(&*payload);
                self.shared
                    .panics
                    .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                self.finish(task);
            }
        }
    }

    fn finish(&self, task: Task) {
        // SAFETY: still RUNNING; `complete` follows at once.
        let dropped = catch_unwind(AssertUnwindSafe(|| unsafe { task.drop_body() }));
        task.state.complete();
        if let Err(p) = dropped {
            super::report_panic(&*p);
        }
        let n = self.done_pending.get() + 1;
        self.done_pending.set(n);
        if n >= 64 {
            self.flush_done();
        }
    }

    fn flush_done(&self) {
        let n = self.done_pending.replace(0);
        if n > 0 {
            self.shared.tasks_done(n);
        }
    }
}
