//! Stackful coroutines on pooled, guard-paged stacks (corosensei).
//!
//! [`Coroutine`] runs a closure on its own stack; inside it, any blocking
//! call of this crate (channel ops, `sleep`, socket I/O, [`park_current`])
//! suspends the coroutine instead of the OS thread, and `resume` reports
//! [`CoStep::Parked`] / [`CoStep::Yielded`]. A green thread is a coroutine
//! driven by a task; a resumable task (a Python tasklet) may also own one to
//! run re-entrant native code that has to block.
//!
//! Invariants:
//! - `CURRENT` holds the yielder of the coroutine running on this thread (or
//!   null); `resume` saves and restores it, the coroutine re-sets it after
//!   every suspension (it may come back on another thread), so nesting works.
//! - thread-locals are only reached through `#[inline(never)]` accessors,
//!   never cached across a suspension point, which is what makes moving a
//!   suspended coroutine to another worker thread sound.
//!
//! [`park_current`]: crate::park_current

use std::cell::Cell;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::ptr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use corosensei::stack::DefaultStack;
use corosensei::{Coroutine as Co, CoroutineResult, Yielder};

/// Why a coroutine suspended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Suspend {
    Yield,
    Park,
}

type Y = Yielder<(), Suspend>;

thread_local! {
    static CURRENT: Cell<*const Y> = const { Cell::new(ptr::null()) };
    static DROPPING: Cell<bool> = const { Cell::new(false) };
}

/// True while a suspended coroutine is being unwound because it was dropped
/// (the runtime shut down with it parked): not a panic worth reporting.
#[inline(never)]
pub(crate) fn unwinding_for_drop() -> bool {
    DROPPING.with(|d| d.get())
}

#[inline(never)]
fn current() -> *const Y {
    CURRENT.with(|c| c.get())
}

#[inline(never)]
fn set_current(y: *const Y) {
    CURRENT.with(|c| c.set(y))
}

/// True when called on a coroutine stack.
pub(crate) fn in_coroutine() -> bool {
    !current().is_null()
}

#[inline(never)]
fn suspend(why: Suspend) -> bool {
    let y = current();
    if y.is_null() {
        return false;
    }
    // SAFETY: a non-null CURRENT is the yielder of the coroutine running on
    // this stack right now; it lives as long as that coroutine's stack.
    unsafe { (*y).suspend(why) };
    // We may be resumed on another thread: re-publish our yielder there.
    set_current(y);
    true
}

pub(crate) fn suspend_park() -> bool {
    suspend(Suspend::Park)
}

pub(crate) fn suspend_yield() -> bool {
    suspend(Suspend::Yield)
}

// ---- stack pool -----------------------------------------------------------

static STACK_SIZE: AtomicUsize = AtomicUsize::new(256 * 1024);
static POOL: Mutex<Vec<DefaultStack>> = Mutex::new(Vec::new());
const POOL_MAX: usize = 1024;

/// Set the size of coroutine stacks created from now on (default 256 KiB of
/// address space; only touched pages cost memory). A guard page is added.
pub fn set_stack_size(bytes: usize) {
    STACK_SIZE.store(bytes.max(16 * 1024), Ordering::Relaxed);
    POOL.lock().unwrap_or_else(|p| p.into_inner()).clear();
}

fn take_stack() -> DefaultStack {
    let pooled = POOL.lock().unwrap_or_else(|p| p.into_inner()).pop();
    pooled.unwrap_or_else(|| {
        DefaultStack::new(STACK_SIZE.load(Ordering::Relaxed)).expect("mmap coroutine stack")
    })
}

fn give_stack(s: DefaultStack) {
    let mut pool = POOL.lock().unwrap_or_else(|p| p.into_inner());
    if pool.len() < POOL_MAX {
        pool.push(s);
    }
}

// ---- Coroutine -------------------------------------------------------------

/// What [`Coroutine::resume`] returned.
#[derive(Debug)]
pub enum CoStep<R> {
    /// The closure called `yield_now`: resume it again soon.
    Yielded,
    /// The closure blocked: resume it after its wake-up arrives (the wake-up
    /// goes to the task running the coroutine, see [`crate::current_wakeup`]).
    Parked,
    /// The closure returned, or panicked (`Err` holds the payload).
    Done(std::thread::Result<R>),
}

/// A closure running on its own pooled stack, resumable from any thread.
pub struct Coroutine<R> {
    co: Option<Co<(), Suspend, std::thread::Result<R>, DefaultStack>>,
}

// SAFETY: the closure and its result are `Send`; everything else left on the
// stack at a suspension point is this crate's own code, which keeps no
// thread-affine state across a suspension (thread-locals are re-read through
// non-inlined accessors). User code must likewise not hold `!Send` values
// (e.g. an `Rc` or a thread-local borrow) across a blocking call.
unsafe impl<R: Send> Send for Coroutine<R> {}

impl<R: Send + 'static> Coroutine<R> {
    /// Prepare `f` on a pooled stack; it starts on the first `resume`.
    pub fn new(f: impl FnOnce() -> R + Send + 'static) -> Self {
        let co = Co::with_stack(take_stack(), move |y: &Y, ()| {
            set_current(y);
            catch_unwind(AssertUnwindSafe(f))
        });
        Coroutine { co: Some(co) }
    }

    /// Run the closure until it blocks, yields or returns. Panics if called
    /// again after `Done`.
    pub fn resume(&mut self) -> CoStep<R> {
        let co = self
            .co
            .as_mut()
            .expect("coroutine resumed after completion");
        let saved = current();
        let r = co.resume(());
        set_current(saved);
        match r {
            CoroutineResult::Yield(Suspend::Yield) => CoStep::Yielded,
            CoroutineResult::Yield(Suspend::Park) => CoStep::Parked,
            CoroutineResult::Return(out) => {
                if let Some(co) = self.co.take() {
                    give_stack(co.into_stack());
                }
                CoStep::Done(out)
            }
        }
    }

    /// True once the closure returned.
    pub fn is_done(&self) -> bool {
        self.co.is_none()
    }
}

impl<R> Drop for Coroutine<R> {
    fn drop(&mut self) {
        if let Some(mut co) = self.co.take() {
            // Unwind the suspended stack so its values are dropped, with
            // CURRENT restored around it as in `resume`.
            let saved = current();
            let was = DROPPING.with(|d| d.replace(true));
            co.force_unwind();
            DROPPING.with(|d| d.set(was));
            set_current(saved);
            give_stack(co.into_stack());
        }
    }
}
