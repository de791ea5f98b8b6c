//! Under `--cfg loom`: a [`Wakeup`] is a per-thread parker (a token behind a
//! loom Mutex/Condvar, the same semantics as `std::thread::park`), so the
//! channel and its waiter protocol are model-checked with the same code.
//! (loom's own `thread::unpark` also wakes a thread blocked in a mutex or
//! `join`, which std's does not; a parker avoids modelling that artefact.)

use loom::sync::{Arc, Condvar, Mutex};

/// A park token for one thread.
pub struct Parker {
    token: Mutex<bool>,
    cv: Condvar,
}

loom::thread_local! {
    static PARKER: Arc<Parker> = Arc::new(Parker { token: Mutex::new(false), cv: Condvar::new() });
}

/// Someone to wake (loom: only threads).
#[derive(Clone)]
pub enum Wakeup {
    /// A loom thread blocked in [`park_current`].
    Thread(Arc<Parker>),
}

impl Wakeup {
    /// Wake the thread (the token sticks if it is not parked yet).
    pub fn wake(&self) {
        let Wakeup::Thread(p) = self;
        *p.token.lock().unwrap() = true;
        p.cv.notify_one();
    }

    /// Same as `wake` under loom.
    pub fn wake_by_value(self, _next: bool) {
        self.wake()
    }

    /// No runtime under loom.
    pub(crate) fn multi_worker(&self) -> bool {
        false
    }

    /// Same as `wake` under loom.
    pub fn wake_next(&self) {
        self.wake()
    }
}

/// The current loom thread.
pub fn current_wakeup() -> Wakeup {
    Wakeup::Thread(PARKER.with(|p| p.clone()))
}

/// Block until this thread's token is set, then consume it.
pub fn park_current() {
    PARKER.with(|p| {
        let mut t = p.token.lock().unwrap();
        while !*t {
            t = p.cv.wait(t).unwrap();
        }
        *t = false;
    });
}

/// Yield the current loom thread.
pub fn yield_now() {
    loom::thread::yield_now();
}
