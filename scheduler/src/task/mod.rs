//! Tasks: a [`Resumable`] body plus its [`state::TaskState`], in one
//! allocation shared by the run queues and every [`TaskHandle`].
//!
//! Invariant: the body is only touched by the worker that moved the state to
//! RUNNING (see `state.rs`); it is dropped exactly once, by the runner when the
//! task completes, or by the last handle if the task never completed.

pub mod state;

use std::cell::UnsafeCell;
use std::fmt;
use std::mem::ManuallyDrop;
use std::sync::Arc;

use crate::runtime::Shared;
use state::TaskState;

/// What a [`Resumable::resume`] call tells the worker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Still runnable: requeue at the back of the run queue.
    Yielded,
    /// Waiting: run again only after someone calls [`TaskHandle::unpark`]
    /// (a wake that already arrived during this resume is honoured).
    Parked,
    /// Finished: the body is dropped.
    Done,
}

/// A task that runs in slices on a worker, with no stack of its own.
///
/// `resume` may be called spuriously (a stale timer, a cancelled waiter): a
/// body re-checks what it waits for and returns `Parked` again if needed.
pub trait Resumable: Send + 'static {
    /// Run until the next suspension point.
    fn resume(&mut self, cx: &mut Context<'_>) -> Step;
}

impl<F: FnMut(&mut Context<'_>) -> Step + Send + 'static> Resumable for F {
    fn resume(&mut self, cx: &mut Context<'_>) -> Step {
        self(cx)
    }
}

/// What a running task can ask of the worker that runs it.
pub struct Context<'a> {
    pub(crate) task: &'a Task,
    pub(crate) worker: usize,
}

impl Context<'_> {
    /// A handle to the running task, to give to whatever will wake it.
    pub fn handle(&self) -> TaskHandle {
        TaskHandle(self.task.clone())
    }
    /// Index of the worker running the task.
    pub fn worker_index(&self) -> usize {
        self.worker
    }
}

/// One task's allocation: header then body.
pub(crate) struct TaskCell<R: ?Sized> {
    pub(crate) state: TaskState,
    pub(crate) shared: &'static Shared,
    body: UnsafeCell<ManuallyDrop<R>>,
}

pub(crate) type Task = Arc<TaskCell<dyn Resumable>>;

// SAFETY: the body is `Send` and is only accessed by the single thread that
// holds the RUNNING state (or by the last owner in `drop`), so sharing the
// cell between threads never gives two threads access at once.
unsafe impl<R: ?Sized + Send> Sync for TaskCell<R> {}

pub(crate) fn new_task<R: Resumable>(shared: &'static Shared, body: R) -> Task {
    Arc::new(TaskCell {
        state: TaskState::new_scheduled(),
        shared,
        body: UnsafeCell::new(ManuallyDrop::new(body)),
    })
}

/// A task that starts parked (IDLE): it first runs after an unpark.
pub(crate) fn new_idle_task<R: Resumable>(shared: &'static Shared, body: R) -> Task {
    Arc::new(TaskCell {
        state: TaskState::new_idle(),
        shared,
        body: UnsafeCell::new(ManuallyDrop::new(body)),
    })
}

impl TaskCell<dyn Resumable> {
    /// Resume the body.
    ///
    /// # Safety
    /// The caller holds the RUNNING state of this task.
    pub(crate) unsafe fn resume_body(&self, cx: &mut Context<'_>) -> Step {
        // SAFETY: per the contract, we are the only thread touching the body.
        unsafe { (*self.body.get()).resume(cx) }
    }

    /// Drop the body after completion.
    ///
    /// # Safety
    /// The caller holds the RUNNING state and calls `state.complete()` right
    /// after, so `Drop` will not drop the body again.
    pub(crate) unsafe fn drop_body(&self) {
        // SAFETY: exclusive access per the contract; never dropped before
        // because the state was not DONE.
        unsafe { ManuallyDrop::drop(&mut *self.body.get()) }
    }
}

impl<R: ?Sized> Drop for TaskCell<R> {
    fn drop(&mut self) {
        if !self.state.is_done() {
            // SAFETY: last reference, and the body was never dropped (only
            // `drop_body` drops it, and it is followed by `complete`).
            unsafe { ManuallyDrop::drop(self.body.get_mut()) }
        }
    }
}

/// A handle to a task: wake it from any thread, check if it finished.
/// Cloning is one atomic increment.
#[derive(Clone)]
pub struct TaskHandle(pub(crate) Task);

impl TaskHandle {
    /// Make the task runnable again (at the back of a run queue). Waking a
    /// task that is running makes it run once more after it parks; waking a
    /// runnable or finished task does nothing.
    pub fn unpark(&self) {
        if self.0.state.wake() {
            crate::runtime::schedule(self.0.clone(), false);
        }
    }

    /// Like [`unpark`](Self::unpark), but when called on a worker of the
    /// task's runtime the task goes to that worker's "run next" slot (used
    /// for a channel partner that must run at once).
    pub fn unpark_next(&self) {
        if self.0.state.wake() {
            crate::runtime::schedule(self.0.clone(), true);
        }
    }

    /// `unpark` (or, if `next`, `unpark_next`) consuming the handle, which
    /// then becomes the queue's reference: no refcount round trip.
    pub fn unpark_by_value(self, next: bool) {
        if self.0.state.wake() {
            crate::runtime::schedule(self.0, next);
        }
    }

    /// True once the task returned `Done` (or panicked).
    pub fn is_done(&self) -> bool {
        self.0.state.is_done()
    }

    /// A process-unique id for the task while it is alive.
    pub fn id(&self) -> usize {
        Arc::as_ptr(&self.0) as *const u8 as usize
    }

    /// True if both handles name the same task.
    pub fn ptr_eq(&self, other: &TaskHandle) -> bool {
        self.id() == other.id()
    }
}

impl fmt::Debug for TaskHandle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "TaskHandle({:#x})", self.id())
    }
}
