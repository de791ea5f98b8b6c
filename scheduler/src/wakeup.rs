//! [`Wakeup`]: whom to wake when a wait completes — a scheduler task or a
//! plain OS thread — plus the "block the current green thread or OS thread"
//! helpers every blocking API is built on.
//!
//! Invariant: a waiter publishes its wake-up *before* checking its condition
//! for the last time (the condition is guarded by a lock or a slot), and the
//! waker changes the condition *before* calling [`Wakeup::wake`]; task
//! NOTIFIED state and thread park tokens make an early wake stick.

use std::fmt;
use std::thread::Thread;

use crate::task::TaskHandle;

/// Someone to wake: a task of the scheduler or a plain OS thread.
#[derive(Clone)]
pub enum Wakeup {
    /// A scheduler task (resumable or green thread).
    Task(TaskHandle),
    /// An OS thread blocked in `std::thread::park`.
    Thread(Thread),
}

impl Wakeup {
    /// Wake, placing a task at the back of a run queue.
    pub fn wake(&self) {
        match self {
            Wakeup::Task(t) => t.unpark(),
            Wakeup::Thread(t) => t.unpark(),
        }
    }

    /// Wake, consuming the wake-up (saves a refcount round trip); `next`
    /// as in [`wake_next`](Self::wake_next).
    pub fn wake_by_value(self, next: bool) {
        match self {
            Wakeup::Task(t) => t.unpark_by_value(next),
            Wakeup::Thread(t) => t.unpark(),
        }
    }

    /// True for a task of a runtime with more than one worker.
    pub(crate) fn multi_worker(&self) -> bool {
        match self {
            Wakeup::Task(t) => t.0.shared.stealers.len() > 1,
            Wakeup::Thread(_) => false,
        }
    }

    /// Wake, placing a task in the current worker's "run next" slot.
    pub fn wake_next(&self) {
        match self {
            Wakeup::Task(t) => t.unpark_next(),
            Wakeup::Thread(t) => t.unpark(),
        }
    }
}

impl From<TaskHandle> for Wakeup {
    fn from(t: TaskHandle) -> Self {
        Wakeup::Task(t)
    }
}

impl fmt::Debug for Wakeup {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Wakeup::Task(t) => write!(f, "Wakeup::{t:?}"),
            Wakeup::Thread(t) => write!(f, "Wakeup::Thread({:?})", t.id()),
        }
    }
}

/// Whom to wake to resume the caller: the running task when called on a
/// coroutine stack (green thread or [`crate::Coroutine`]), else this thread.
pub fn current_wakeup() -> Wakeup {
    if crate::coroutine::in_coroutine() {
        if let Some(t) = crate::runtime::current_task() {
            return Wakeup::Task(t);
        }
    }
    Wakeup::Thread(std::thread::current())
}

/// Suspend the caller until woken (spurious returns are possible): parks the
/// green thread on a coroutine stack, else the OS thread.
pub fn park_current() {
    if !crate::coroutine::suspend_park() {
        std::thread::park();
    }
}

/// Let others run: requeues the green thread, or yields the OS thread.
pub fn yield_now() {
    if !crate::coroutine::suspend_yield() {
        std::thread::yield_now();
    }
}

/// Block until `poll` returns `Some`, parking in between. `poll` gets the
/// caller's [`Wakeup`] to register wherever it waits.
pub fn block_until<R>(mut poll: impl FnMut(&Wakeup) -> Option<R>) -> R {
    let me = current_wakeup();
    loop {
        if let Some(r) = poll(&me) {
            return r;
        }
        park_current();
    }
}
