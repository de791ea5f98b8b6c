//! Idle-worker parking: workers with nothing to do sleep on a condvar and are
//! woken, one at a time, when work appears. An idle runtime uses no CPU.
//!
//! Invariants:
//! - no lost wake-up: a worker announces itself (`sleeping`/`searching`),
//!   issues a SeqCst fence, then re-checks the queues; a producer publishes
//!   work, issues a SeqCst fence, then reads the counters. One of the two
//!   always sees the other (Dekker).
//! - at most one worker is woken while another is already searching; a
//!   searcher that finds work wakes the next one (`end_search` returns true),
//!   so parallelism ramps up without a thundering herd.
//! - a token is a reserved wake: the CAS of `searching` 0 -> 1 in `notify`
//!   is handed to whichever worker consumes the token.

use crate::sync::{fence, lock, wait, AtomicUsize, Condvar, Mutex, Ordering};

pub struct Idle {
    state: Mutex<IdleState>,
    cv: Condvar,
    sleeping: AtomicUsize,
    searching: AtomicUsize,
}

struct IdleState {
    tokens: usize,
    shutdown: bool,
}

/// Why [`Idle::sleep`] returned.
#[derive(Debug, PartialEq, Eq)]
pub enum Wake {
    /// The re-check found work: run it (not searching).
    Work,
    /// Woken by a producer: search for work (counted in `searching`).
    Search,
    /// The runtime is shutting down.
    Shutdown,
}

impl Default for Idle {
    fn default() -> Self {
        Self::new()
    }
}

impl Idle {
    pub fn new() -> Self {
        Idle {
            state: Mutex::new(IdleState {
                tokens: 0,
                shutdown: false,
            }),
            cv: Condvar::new(),
            sleeping: AtomicUsize::new(0),
            searching: AtomicUsize::new(0),
        }
    }

    /// Called after work was made available to other workers.
    pub fn notify(&self) {
        // Pairs with the fence in `sleep`/`end_search` (Dekker).
        fence(Ordering::SeqCst);
        if self.searching.load(Ordering::SeqCst) != 0 || self.sleeping.load(Ordering::SeqCst) == 0 {
            return;
        }
        if self
            .searching
            .compare_exchange(0, 1, Ordering::SeqCst, Ordering::SeqCst)
            .is_err()
        {
            return;
        }
        let mut st = lock(&self.state);
        st.tokens += 1;
        drop(st);
        self.cv.notify_one();
    }

    /// A searching worker stops searching. Returns true if it was the last
    /// searcher (then, if it found work, it should `notify` a helper).
    pub fn end_search(&self) -> bool {
        self.searching.fetch_sub(1, Ordering::SeqCst) == 1
    }

    /// Sleep until woken. `has_work` re-checks the shared queues after the
    /// worker is visible as sleeping.
    pub fn sleep(&self, has_work: impl Fn() -> bool) -> Wake {
        self.sleeping.fetch_add(1, Ordering::SeqCst);
        // Pairs with the fence in `notify`.
        fence(Ordering::SeqCst);
        if has_work() {
            self.sleeping.fetch_sub(1, Ordering::SeqCst);
            return Wake::Work;
        }
        let mut st = lock(&self.state);
        loop {
            if st.shutdown {
                self.sleeping.fetch_sub(1, Ordering::SeqCst);
                return Wake::Shutdown;
            }
            if st.tokens > 0 {
                st.tokens -= 1;
                self.sleeping.fetch_sub(1, Ordering::SeqCst);
                return Wake::Search;
            }
            st = wait(&self.cv, st);
        }
    }

    /// Wake every sleeper for good.
    pub fn shutdown(&self) {
        lock(&self.state).shutdown = true;
        self.cv.notify_all();
    }
}
