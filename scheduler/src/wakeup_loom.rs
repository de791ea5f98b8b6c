//! Under `--cfg loom`: a [`Wakeup`] is a loom thread, so the channel and its
//! waiter protocol are model-checked with the same code.

use loom::thread::Thread;

/// Someone to wake (loom: only threads).
#[derive(Clone)]
pub enum Wakeup {
    /// A loom thread blocked in `loom::thread::park`.
    Thread(Thread),
}

impl Wakeup {
    /// Wake the thread.
    pub fn wake(&self) {
        let Wakeup::Thread(t) = self;
        t.unpark();
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
    Wakeup::Thread(loom::thread::current())
}

/// Park the current loom thread.
pub fn park_current() {
    loom::thread::park();
}

/// Yield the current loom thread.
pub fn yield_now() {
    loom::thread::yield_now();
}
