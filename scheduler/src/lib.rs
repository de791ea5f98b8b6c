//! weft-scheduler: a work-stealing M:N runtime with Stackless-style channels.
//!
//! - [`Runtime`]: N worker threads (local FIFO deque + "run next" slot each,
//!   a global injector, stealing, idle parking); one worker is strictly FIFO.
//! - Tasks: a [`Resumable`] (a state machine with no stack, e.g. a Python
//!   tasklet made of heap frames) returns [`Step::Yielded`], [`Step::Parked`]
//!   or [`Step::Done`]; a [`TaskHandle`] wakes it from any thread.
//! - Green threads: [`Handle::spawn`] runs a closure on a pooled coroutine
//!   stack; blocking calls park the green thread. [`Coroutine`] lets a
//!   resumable task run blocking native code on such a stack.
//! - [`Channel`]: rendezvous (or buffered) MPMC channels with `balance`,
//!   `preference`, `schedule_all`, `close`, thrown values, and a
//!   register-and-poll API for resumable tasks.
//! - Timers ([`sleep`], [`wake_at`]), I/O ([`net`]) and a blocking pool.
//!
//! See README.md for how a Python VM plugs its tasklets in.

pub(crate) mod sync;

#[cfg(not(loom))]
mod blocking;
pub mod channel;
#[cfg(not(loom))]
mod coroutine;
#[cfg(not(loom))]
mod green;
#[cfg(not(loom))]
mod io;
/// Sockets that park the green thread until ready.
#[cfg(not(loom))]
pub mod net {
    pub use crate::io::net::{Direction, TcpListener, TcpStream, UdpSocket};
}
#[cfg(not(loom))]
mod runtime;
#[cfg(not(loom))]
mod task;
#[cfg(not(loom))]
mod timer;
#[cfg(not(loom))]
mod wakeup;
#[cfg(loom)]
#[path = "wakeup_loom.rs"]
pub mod wakeup;

/// Under `--cfg loom`: the state machines the loom models in tests/loom.rs
/// check, compiled against loom's atomics and locks.
#[cfg(loom)]
#[path = "runtime/idle.rs"]
#[doc(hidden)]
pub mod loom_idle;
#[cfg(loom)]
#[path = "task/state.rs"]
#[doc(hidden)]
pub mod loom_task_state;
#[cfg(loom)]
#[doc(hidden)]
pub mod loom_api {
    pub use crate::channel::{select_recv, Channel, RecvError, RecvStart, SendStart};
    pub use crate::loom_idle as idle;
    pub use crate::loom_task_state as task_state;
    pub use crate::wakeup::{current_wakeup, park_current, Wakeup};
}

#[cfg(not(loom))]
pub use blocking::run_blocking;
#[cfg(not(loom))]
pub use channel::{
    select_recv, Channel, RecvError, RecvStart, RecvWait, SendError, SendStart, SendWait,
    TryRecvError, TrySendError,
};
#[cfg(not(loom))]
pub use coroutine::{set_stack_size, CoStep, Coroutine};
#[cfg(not(loom))]
pub use green::JoinHandle;
#[cfg(not(loom))]
pub use runtime::{current_task, Builder, Handle, Runtime};
#[cfg(not(loom))]
pub use task::{Context, Resumable, Step, TaskHandle};
#[cfg(not(loom))]
pub use timer::{sleep, sleep_until, wake_at, Timer};
#[cfg(not(loom))]
pub use wakeup::{block_until, current_wakeup, park_current, yield_now, Wakeup};

/// Spawn a green thread on the current runtime. Panics off-runtime.
#[cfg(not(loom))]
pub fn spawn<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> JoinHandle<T> {
    Handle::current().spawn(f)
}

/// Spawn a resumable task on the current runtime. Panics off-runtime.
#[cfg(not(loom))]
pub fn spawn_resumable<R: Resumable>(body: R) -> TaskHandle {
    Handle::current().spawn_resumable(body)
}

/// Spawn a resumable task that starts parked (first runs when unparked) on
/// the current runtime. Panics off-runtime.
#[cfg(not(loom))]
pub fn spawn_resumable_parked<R: Resumable>(body: R) -> TaskHandle {
    Handle::current().spawn_resumable_parked(body)
}
