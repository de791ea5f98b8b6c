//! The task state machine: one atomic byte that decides who may run a task
//! and who must enqueue it.
//!
//! ```text
//!  IDLE --wake--> SCHEDULED --pop--> RUNNING --Parked--> IDLE
//!                     ^                 |  \--wake--> NOTIFIED
//!                     |                 |                 |
//!                     +----Yielded------+----Parked/Yielded+
//!  RUNNING/NOTIFIED --Done--> DONE (absorbing)
//! ```
//!
//! Invariants:
//! - a task is in at most one run queue, and only while SCHEDULED: the only
//!   transitions into SCHEDULED are `wake` from IDLE (the waker enqueues) and
//!   `after_*` by the runner (the runner enqueues);
//! - only the thread that moved the task to RUNNING touches its body until it
//!   leaves RUNNING/NOTIFIED, so a task never runs twice at once;
//! - a wake that lands while the task runs (between "decide to park" and
//!   "parked") turns RUNNING into NOTIFIED, and `after_park` then requeues the
//!   task instead of parking it: no wake-up is lost.

use crate::sync::{AtomicU8, Ordering};

const IDLE: u8 = 0;
const SCHEDULED: u8 = 1;
const RUNNING: u8 = 2;
const NOTIFIED: u8 = 3;
const DONE: u8 = 4;

/// The atomic state of one task.
pub struct TaskState(AtomicU8);

impl TaskState {
    /// A freshly spawned task: its spawner enqueues it.
    pub fn new_scheduled() -> Self {
        TaskState(AtomicU8::new(SCHEDULED))
    }

    /// A task spawned parked: nothing enqueues it until a `wake`.
    pub fn new_idle() -> Self {
        TaskState(AtomicU8::new(IDLE))
    }

    /// A wake-up. Returns true when the caller now owns the duty to enqueue.
    pub fn wake(&self) -> bool {
        // Acquire pairs with the Release in `after_park`: the enqueuer (and,
        // through the queue, the next runner) sees the body as the last
        // runner left it.
        let mut cur = self.0.load(Ordering::Acquire);
        loop {
            let next = match cur {
                IDLE => SCHEDULED,
                RUNNING => NOTIFIED,
                _ => return false,
            };
            match self
                .0
                .compare_exchange_weak(cur, next, Ordering::AcqRel, Ordering::Acquire)
            {
                Ok(_) => return next == SCHEDULED,
                Err(actual) => cur = actual,
            }
        }
    }

    /// A worker popped the task from a queue: SCHEDULED -> RUNNING.
    pub fn start_run(&self) {
        // Acquire pairs with the Release of whoever made it SCHEDULED.
        let prev = self.0.load(Ordering::Acquire);
        debug_assert_eq!(prev, SCHEDULED, "task popped while not scheduled");
        // A plain store suffices: nobody else changes a SCHEDULED task
        // (`wake` leaves it alone), and a later `wake` CAS sees RUNNING.
        self.0.store(RUNNING, Ordering::Relaxed);
    }

    /// The body returned Parked. Returns true when a wake arrived meanwhile
    /// and the runner must enqueue the task again.
    pub fn after_park(&self) -> bool {
        // Release pairs with the Acquire in `wake`.
        match self
            .0
            .compare_exchange(RUNNING, IDLE, Ordering::AcqRel, Ordering::Acquire)
        {
            Ok(_) => false,
            Err(NOTIFIED) => {
                self.0.store(SCHEDULED, Ordering::Release);
                true
            }
            Err(s) => unreachable!("after_park in state {s}"),
        }
    }

    /// The body returned Yielded: the runner enqueues it again.
    pub fn after_yield(&self) {
        // A pending wake is absorbed: the task runs again anyway.
        self.0.store(SCHEDULED, Ordering::Release);
    }

    /// The body finished (or panicked). Later wakes are ignored.
    pub fn complete(&self) {
        self.0.store(DONE, Ordering::Release);
    }

    /// True once the task completed.
    pub fn is_done(&self) -> bool {
        self.0.load(Ordering::Acquire) == DONE
    }
}
