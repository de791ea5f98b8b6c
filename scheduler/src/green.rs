//! Green threads: a [`Coroutine`] driven by a task, and the [`JoinHandle`]
//! that collects its result.
//!
//! Invariant: the result is stored under the join lock before the joiners
//! registered under that lock are woken (after it is released).

use std::sync::{Arc, Mutex};

use crate::coroutine::{CoStep, Coroutine};
use crate::task::{Context, Resumable, Step};
use crate::wakeup::{block_until, Wakeup};

/// A green thread as a resumable task.
pub(crate) struct GreenThread {
    co: Coroutine<()>,
}

impl GreenThread {
    pub(crate) fn new<T, F>(f: F) -> (Self, JoinHandle<T>)
    where
        F: FnOnce() -> T + Send + 'static,
        T: Send + 'static,
    {
        let slot = Arc::new(JoinSlot {
            state: Mutex::new(JoinState {
                result: None,
                waiters: Vec::new(),
            }),
        });
        let mine = slot.clone();
        let co = Coroutine::new(move || {
            let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
            if let Err(p) = &r {
                if !crate::coroutine::unwinding_for_drop() {
                    crate::runtime::report_panic(&**p);
                }
            }
            mine.complete(r);
        });
        (GreenThread { co }, JoinHandle { slot })
    }
}

impl Resumable for GreenThread {
    fn resume(&mut self, _cx: &mut Context<'_>) -> Step {
        match self.co.resume() {
            CoStep::Yielded => Step::Yielded,
            CoStep::Parked => Step::Parked,
            CoStep::Done(_) => Step::Done,
        }
    }
}

struct JoinSlot<T> {
    state: Mutex<JoinState<T>>,
}

struct JoinState<T> {
    result: Option<std::thread::Result<T>>,
    waiters: Vec<Wakeup>,
}

impl<T> JoinSlot<T> {
    fn complete(&self, r: std::thread::Result<T>) {
        let waiters = {
            let mut st = self.state.lock().unwrap_or_else(|p| p.into_inner());
            st.result = Some(r);
            std::mem::take(&mut st.waiters)
        };
        for w in waiters {
            w.wake();
        }
    }
}

/// Waits for a green thread's result.
pub struct JoinHandle<T> {
    slot: Arc<JoinSlot<T>>,
}

impl<T> JoinHandle<T> {
    /// Block (the green thread or OS thread) until the green thread returns;
    /// `Err` holds its panic payload.
    pub fn join(self) -> std::thread::Result<T> {
        block_until(|me| {
            let mut st = self.slot.state.lock().unwrap_or_else(|p| p.into_inner());
            match st.result.take() {
                Some(r) => Some(r),
                None => {
                    if !st.waiters.iter().any(|w| same(w, me)) {
                        st.waiters.push(me.clone());
                    }
                    None
                }
            }
        })
    }

    /// True once the green thread returned.
    pub fn is_finished(&self) -> bool {
        self.slot
            .state
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .result
            .is_some()
    }
}

fn same(a: &Wakeup, b: &Wakeup) -> bool {
    match (a, b) {
        (Wakeup::Task(x), Wakeup::Task(y)) => x.ptr_eq(y),
        (Wakeup::Thread(x), Wakeup::Thread(y)) => x.id() == y.id(),
        _ => false,
    }
}
