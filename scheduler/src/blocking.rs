//! The blocking pool: a few OS threads for blocking syscalls (file I/O, DNS).
//! Jobs go in over a crossbeam channel; each result comes back over a
//! one-slot [`Channel`], so the submitting green thread parks (never its
//! worker) and a resumable task can `recv_or_register` on it.
//!
//! Invariant: shutdown drops the job sender, so every pool thread drains and
//! exits, and is joined.

use std::sync::Mutex;
use std::thread::JoinHandle;

use crossbeam_channel::{unbounded, Sender};

use crate::channel::Channel;

type Job = Box<dyn FnOnce() + Send>;

pub(crate) struct BlockingPool {
    jobs: Mutex<Option<Sender<Job>>>,
    threads: Mutex<Vec<JoinHandle<()>>>,
}

impl BlockingPool {
    pub(crate) fn new(n: usize) -> Self {
        let (tx, rx) = unbounded::<Job>();
        let threads = (0..n)
            .map(|i| {
                let rx = rx.clone();
                std::thread::Builder::new()
                    .name(format!("weft-blocking-{i}"))
                    .spawn(move || {
                        for job in rx {
                            job();
                        }
                    })
                    .expect("spawn blocking thread")
            })
            .collect();
        BlockingPool {
            jobs: Mutex::new(Some(tx)),
            threads: Mutex::new(threads),
        }
    }

    fn submit(&self, job: Job) {
        let jobs = self.jobs.lock().unwrap_or_else(|p| p.into_inner());
        jobs.as_ref()
            .expect("blocking pool shut down")
            .send(job)
            .expect("blocking pool alive");
    }

    pub(crate) fn shutdown(&self) {
        self.jobs.lock().unwrap_or_else(|p| p.into_inner()).take();
        for t in self
            .threads
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .drain(..)
        {
            let _ = t.join();
        }
    }
}

impl crate::Handle {
    /// Run `f` on the blocking pool; its result (or panic payload) arrives
    /// on the returned one-slot channel.
    pub fn spawn_blocking<T, F>(&self, f: F) -> Channel<std::thread::Result<T>>
    where
        T: Send + 'static,
        F: FnOnce() -> T + Send + 'static,
    {
        let ch = Channel::with_capacity(1);
        let tx = ch.clone();
        self.0.blocking().submit(Box::new(move || {
            let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
            let _ = tx.try_send(r);
        }));
        ch
    }
}

/// Run blocking `f` on the current runtime's blocking pool and park until it
/// returns; a panic in `f` is re-raised here. Off-runtime, runs `f` inline.
pub fn run_blocking<T, F>(f: F) -> T
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    let Some(h) = crate::Handle::try_current() else {
        return f();
    };
    match h.spawn_blocking(f).recv() {
        Ok(Ok(v)) => v,
        Ok(Err(p)) => std::panic::resume_unwind(p),
        Err(_) => unreachable!("blocking result channel never closes"),
    }
}
