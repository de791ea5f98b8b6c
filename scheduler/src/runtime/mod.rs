//! The runtime: N worker threads sharing a global injector, stealing from
//! each other, parking when idle; plus the timer thread and (lazily) the I/O
//! reactor and blocking pool. Owns spawning, `block_on`, `wait_all` and a
//! clean shutdown that joins every thread it started.
//!
//! Invariants: `live` counts spawned tasks not yet completed; a task is
//! enqueued only by whoever won its SCHEDULED transition (see task/state.rs).

pub(crate) mod idle;
pub(crate) mod worker;

use std::any::Any;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, OnceLock};
use std::thread::JoinHandle as ThreadHandle;

use crossbeam_deque::{Injector, Stealer, Worker as Deque};

use crate::blocking::BlockingPool;
use crate::green::{self, JoinHandle};
use crate::io::Reactor;
use crate::task::{new_idle_task, new_task, Resumable, Task, TaskHandle};
use crate::timer::Timers;
use idle::Idle;

/// State shared by all workers of one runtime and every task of it.
pub(crate) struct Shared {
    pub(crate) injector: Injector<Task>,
    pub(crate) stealers: Vec<Stealer<Task>>,
    pub(crate) idle: Idle,
    shutdown: AtomicBool,
    live: AtomicUsize,
    quiet: (Mutex<()>, Condvar),
    pub(crate) panics: AtomicUsize,
    pub(crate) timers: Arc<Timers>,
    reactor: OnceLock<Arc<Reactor>>,
    blocking: OnceLock<BlockingPool>,
    blocking_threads: usize,
}

impl Shared {
    pub(crate) fn is_shutdown(&self) -> bool {
        self.shutdown.load(Ordering::Relaxed)
    }

    pub(crate) fn has_shared_work(&self) -> bool {
        !self.injector.is_empty() || self.stealers.iter().any(|s| !s.is_empty())
    }

    fn inject(&self, task: Task) {
        self.injector.push(task);
        self.idle.notify();
    }

    pub(crate) fn tasks_done(&self, n: usize) {
        // AcqRel: the last completion happens-before `wait_all` returning.
        if self.live.fetch_sub(n, Ordering::AcqRel) == n {
            let _g = self.quiet.0.lock();
            self.quiet.1.notify_all();
        }
    }

    pub(crate) fn reactor(&self) -> &Arc<Reactor> {
        self.reactor
            .get_or_init(|| Arc::new(Reactor::start().expect("start I/O reactor")))
    }

    pub(crate) fn blocking(&self) -> &BlockingPool {
        self.blocking
            .get_or_init(|| BlockingPool::new(self.blocking_threads))
    }
}

/// Enqueue a task that just became SCHEDULED: on this worker when called on a
/// worker of the task's runtime, else through the injector.
pub(crate) fn schedule(task: Task, next: bool) {
    let task = worker::with_worker(|w| match w {
        Some(w) if std::ptr::eq(w.shared, task.shared) => {
            w.push(task, next);
            None
        }
        _ => Some(task),
    });
    if let Some(task) = task {
        let shared = task.shared;
        shared.inject(task);
    }
}

/// The task running on this thread, if this is a worker running one.
pub fn current_task() -> Option<TaskHandle> {
    worker::with_worker(|w| {
        let p = w?.current.get();
        // SAFETY: `current` points at the `Task` owned by `run_task`'s frame
        // for as long as it is non-null.
        unsafe { p.as_ref() }.map(|t| TaskHandle(t.clone()))
    })
}

pub(crate) fn report_panic(payload: &(dyn Any + Send)) {
    let msg = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "<non-string panic payload>".into());
    eprintln!("weft-scheduler: task panicked: {msg}");
}

/// Configures a [`Runtime`].
#[derive(Debug, Clone)]
pub struct Builder {
    workers: usize,
    stack_size: Option<usize>,
    blocking_threads: usize,
}

impl Default for Builder {
    fn default() -> Self {
        Builder {
            workers: num_cpus::get().max(1),
            stack_size: None,
            blocking_threads: 4,
        }
    }
}

impl Builder {
    /// Defaults: one worker per CPU.
    pub fn new() -> Self {
        Self::default()
    }
    /// Number of worker threads (1 => strictly FIFO, deterministic order).
    pub fn workers(mut self, n: usize) -> Self {
        self.workers = n.max(1);
        self
    }
    /// Native stack size of each worker thread (resumable tasks that run
    /// deep native recursion, e.g. an interpreter, need more than the
    /// default 2 MiB).
    pub fn stack_size(mut self, bytes: usize) -> Self {
        self.stack_size = Some(bytes);
        self
    }
    /// Threads of the blocking pool (file I/O, DNS), started on first use.
    /// Default 4.
    pub fn blocking_threads(mut self, n: usize) -> Self {
        self.blocking_threads = n.max(1);
        self
    }
    /// Start the worker and timer threads.
    pub fn build(self) -> Runtime {
        Runtime::start(self)
    }
}

/// A cheap, clonable handle to a runtime, for spawning from anywhere.
#[derive(Clone)]
pub struct Handle(pub(crate) &'static Shared);

impl Handle {
    /// The runtime of the task running on this thread, if any.
    pub fn try_current() -> Option<Handle> {
        worker::with_worker(|w| w.map(|w| Handle(w.shared)))
    }

    /// The runtime of the task running on this thread. Panics off-runtime.
    pub fn current() -> Handle {
        Self::try_current().expect("not on a weft-scheduler worker thread")
    }

    /// Spawn a resumable task; it is runnable at once.
    pub fn spawn_resumable<R: Resumable>(&self, body: R) -> TaskHandle {
        self.0.live.fetch_add(1, Ordering::Relaxed);
        let task = new_task(self.0, body);
        let handle = TaskHandle(task.clone());
        schedule(task, false);
        handle
    }

    /// Spawn a resumable task that starts parked: it first runs when its
    /// handle is unparked (nothing resumes it just to find it must wait).
    pub fn spawn_resumable_parked<R: Resumable>(&self, body: R) -> TaskHandle {
        self.0.live.fetch_add(1, Ordering::Relaxed);
        TaskHandle(new_idle_task(self.0, body))
    }

    /// Spawn a green thread: `f` runs on a pooled coroutine stack and may
    /// block on channels, timers and sockets without blocking a worker.
    pub fn spawn<T, F>(&self, f: F) -> JoinHandle<T>
    where
        F: FnOnce() -> T + Send + 'static,
        T: Send + 'static,
    {
        let (body, join) = green::GreenThread::new(f);
        self.spawn_resumable(body);
        join
    }

    /// Number of spawned tasks not known to have completed (completions are
    /// counted in batches, so this may lag briefly).
    pub fn live_tasks(&self) -> usize {
        self.0.live.load(Ordering::Acquire)
    }

    /// Number of tasks that panicked so far.
    pub fn panic_count(&self) -> usize {
        self.0.panics.load(Ordering::Relaxed)
    }
}

/// An M:N runtime. Dropping it stops the workers (tasks still queued or
/// parked are dropped or leaked) and joins every thread it started.
pub struct Runtime {
    handle: Handle,
    threads: Vec<ThreadHandle<()>>,
}

impl Runtime {
    /// A runtime with one worker per CPU.
    pub fn new() -> Runtime {
        Builder::new().build()
    }

    fn start(cfg: Builder) -> Runtime {
        let (n, stack_size) = (cfg.workers, cfg.stack_size);
        let locals: Vec<Deque<Task>> = (0..n).map(|_| Deque::new_fifo()).collect();
        // Leaked on purpose (a few KiB per runtime): tasks and handles that
        // outlive the runtime may still try to wake into it, and a `'static`
        // reference keeps that memory-safe with no refcount traffic per task.
        let shared: &'static Shared = Box::leak(Box::new(Shared {
            injector: Injector::new(),
            stealers: locals.iter().map(|l| l.stealer()).collect(),
            idle: Idle::new(),
            shutdown: AtomicBool::new(false),
            live: AtomicUsize::new(0),
            quiet: (Mutex::new(()), Condvar::new()),
            panics: AtomicUsize::new(0),
            timers: Timers::start(),
            reactor: OnceLock::new(),
            blocking: OnceLock::new(),
            blocking_threads: cfg.blocking_threads,
        }));
        let threads = locals
            .into_iter()
            .enumerate()
            .map(|(i, local)| {
                let s = shared;
                let mut b = std::thread::Builder::new().name(format!("weft-worker-{i}"));
                if let Some(bytes) = stack_size {
                    b = b.stack_size(bytes);
                }
                b.spawn(move || worker::worker_main(s, i, local))
                    .expect("spawn worker thread")
            })
            .collect();
        Runtime {
            handle: Handle(shared),
            threads,
        }
    }

    /// A handle for spawning from other threads or tasks.
    pub fn handle(&self) -> &Handle {
        &self.handle
    }

    /// Number of worker threads.
    pub fn workers(&self) -> usize {
        self.threads.len()
    }

    /// See [`Handle::spawn_resumable`].
    pub fn spawn_resumable<R: Resumable>(&self, body: R) -> TaskHandle {
        self.handle.spawn_resumable(body)
    }

    /// See [`Handle::spawn`].
    pub fn spawn<T: Send + 'static>(
        &self,
        f: impl FnOnce() -> T + Send + 'static,
    ) -> JoinHandle<T> {
        self.handle.spawn(f)
    }

    /// Run `f` as a green thread and block this OS thread until it returns.
    /// A panic in `f` is re-raised here.
    pub fn block_on<T: Send + 'static>(&self, f: impl FnOnce() -> T + Send + 'static) -> T {
        match self.spawn(f).join() {
            Ok(v) => v,
            Err(p) => std::panic::resume_unwind(p),
        }
    }

    /// Block this OS thread until every spawned task has completed. Call it
    /// from outside the runtime (it blocks the calling thread, even a worker).
    pub fn wait_all(&self) {
        let s = &self.handle.0;
        let mut g = s.quiet.0.lock().unwrap_or_else(|p| p.into_inner());
        while s.live.load(Ordering::Acquire) != 0 {
            g = s.quiet.1.wait(g).unwrap_or_else(|p| p.into_inner());
        }
    }

    /// See [`Handle::live_tasks`].
    pub fn live_tasks(&self) -> usize {
        self.handle.live_tasks()
    }

    /// See [`Handle::panic_count`].
    pub fn panic_count(&self) -> usize {
        self.handle.panic_count()
    }
}

impl Default for Runtime {
    fn default() -> Self {
        Runtime::new()
    }
}

impl Drop for Runtime {
    fn drop(&mut self) {
        let s = &self.handle.0;
        s.shutdown.store(true, Ordering::Relaxed);
        s.idle.shutdown();
        let me = std::thread::current().id();
        for t in self.threads.drain(..) {
            // Dropped from inside one of its own tasks: that worker exits
            // when the task returns; joining it here would deadlock.
            if t.thread().id() != me {
                let _ = t.join();
            }
        }
        s.timers.shutdown();
        if let Some(r) = s.reactor.get() {
            r.shutdown();
        }
        if let Some(b) = s.blocking.get() {
            b.shutdown();
        }
        while !s.injector.is_empty() {
            let _ = s.injector.steal();
        }
    }
}
