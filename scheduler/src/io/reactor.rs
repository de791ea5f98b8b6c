//! The reactor: one thread blocked in `mio::Poll`, turning readiness events
//! into wake-ups of the tasks waiting on each source.
//!
//! Invariants: a source's readiness bits and waiters change only under its
//! lock; the reactor sets bits and takes waiters under the lock and wakes them
//! after releasing it; a waiter checks-and-clears the bit or registers itself
//! under the same lock, so an event is never lost between a `WouldBlock` and
//! the wait (at worst the operation is retried once spuriously).

use std::collections::HashMap;
use std::io;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use mio::{event::Source, Events, Interest, Poll, Registry, Token, Waker};

use crate::wakeup::Wakeup;

const WAKER: Token = Token(0);
pub(crate) const READ: u8 = 1;
pub(crate) const WRITE: u8 = 2;

#[derive(Default)]
struct IoWaiters {
    ready: u8,
    reader: Vec<Wakeup>,
    writer: Vec<Wakeup>,
}

/// Per-source readiness shared between the reactor and the socket owner.
#[derive(Default)]
pub(crate) struct IoState {
    inner: Mutex<IoWaiters>,
}

impl IoState {
    /// Consume readiness `dir` if present, else register `me` for it.
    /// Returns true when ready (retry the operation now).
    pub(crate) fn poll_ready(&self, dir: u8, me: &Wakeup) -> bool {
        let mut st = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        if st.ready & dir != 0 {
            st.ready &= !dir;
            return true;
        }
        let list = if dir == READ {
            &mut st.reader
        } else {
            &mut st.writer
        };
        if !list.iter().any(|w| same(w, me)) {
            list.push(me.clone());
        }
        false
    }

    fn set_ready(&self, bits: u8) -> Vec<Wakeup> {
        let mut st = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        st.ready |= bits;
        let mut out = Vec::new();
        if bits & READ != 0 {
            out.append(&mut st.reader);
        }
        if bits & WRITE != 0 {
            out.append(&mut st.writer);
        }
        out
    }
}

fn same(a: &Wakeup, b: &Wakeup) -> bool {
    match (a, b) {
        (Wakeup::Task(x), Wakeup::Task(y)) => x.ptr_eq(y),
        (Wakeup::Thread(x), Wakeup::Thread(y)) => x.id() == y.id(),
        _ => false,
    }
}

pub(crate) struct Reactor {
    registry: Registry,
    waker: Waker,
    sources: Arc<Mutex<HashMap<usize, Arc<IoState>>>>,
    next: AtomicUsize,
    stop: Arc<AtomicBool>,
    thread: Mutex<Option<JoinHandle<()>>>,
}

impl Reactor {
    pub(crate) fn start() -> io::Result<Reactor> {
        let poll = Poll::new()?;
        let registry = poll.registry().try_clone()?;
        let waker = Waker::new(poll.registry(), WAKER)?;
        let sources: Arc<Mutex<HashMap<usize, Arc<IoState>>>> = Default::default();
        let stop = Arc::new(AtomicBool::new(false));
        let (s2, stop2) = (sources.clone(), stop.clone());
        let thread = std::thread::Builder::new()
            .name("weft-reactor".into())
            .spawn(move || run(poll, s2, stop2))?;
        Ok(Reactor {
            registry,
            waker,
            sources,
            next: AtomicUsize::new(1),
            stop,
            thread: Mutex::new(Some(thread)),
        })
    }

    /// Register a source for read and write readiness.
    pub(crate) fn register(&self, src: &mut impl Source) -> io::Result<(usize, Arc<IoState>)> {
        let token = self.next.fetch_add(1, Ordering::Relaxed);
        let state = Arc::new(IoState::default());
        self.sources
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(token, state.clone());
        self.registry
            .register(src, Token(token), Interest::READABLE | Interest::WRITABLE)?;
        Ok((token, state))
    }

    pub(crate) fn deregister(&self, token: usize, src: &mut impl Source) {
        let _ = self.registry.deregister(src);
        self.sources
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(&token);
    }

    pub(crate) fn shutdown(&self) {
        self.stop.store(true, Ordering::Release);
        let _ = self.waker.wake();
        if let Some(t) = self.thread.lock().unwrap_or_else(|p| p.into_inner()).take() {
            let _ = t.join();
        }
    }
}

fn run(mut poll: Poll, sources: Arc<Mutex<HashMap<usize, Arc<IoState>>>>, stop: Arc<AtomicBool>) {
    let mut events = Events::with_capacity(1024);
    let mut woken = Vec::new();
    // Acquire pairs with the Release store in `shutdown`.
    while !stop.load(Ordering::Acquire) {
        if let Err(e) = poll.poll(&mut events, None) {
            if e.kind() == io::ErrorKind::Interrupted {
                continue;
            }
            eprintln!("weft-scheduler: reactor poll failed: {e}");
            return;
        }
        {
            let map = sources.lock().unwrap_or_else(|p| p.into_inner());
            for ev in events.iter() {
                let Some(st) = map.get(&ev.token().0) else {
                    continue;
                };
                let mut bits = 0;
                if ev.is_readable() || ev.is_read_closed() || ev.is_error() {
                    bits |= READ;
                }
                if ev.is_writable() || ev.is_write_closed() || ev.is_error() {
                    bits |= WRITE;
                }
                woken.extend(st.set_ready(bits));
            }
        }
        woken.drain(..).for_each(|w| w.wake());
    }
}
