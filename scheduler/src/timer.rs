//! Timers: one thread per runtime sleeping on a condvar until the earliest
//! deadline of a binary heap; no thread per timer. Firing sets the timer's
//! `fired` flag, then wakes its [`Wakeup`] (flag before wake, so a woken
//! waiter always sees it).
//!
//! Invariants: the heap is only touched under `state`; a cancelled timer
//! stays in the heap until its deadline (then dropped without a wake) or
//! until cancelled entries outnumber live ones, when `add` purges them (so
//! timeouts that are mostly cancelled do not pile up); wakes are issued with
//! the lock released.

use std::cmp::Ordering as CmpOrdering;
use std::collections::BinaryHeap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::wakeup::{block_until, Wakeup};

struct TimerInner {
    fired: AtomicBool,
    cancelled: AtomicBool,
    wake: Wakeup,
    /// The owning runtime's timers (runtimes' shared state is `'static`).
    owner: &'static Timers,
}

/// A pending "wake me at time T". Dropping it does not cancel it.
#[derive(Clone)]
pub struct Timer(Arc<TimerInner>);

impl Timer {
    /// True once the deadline passed and the wake-up was sent.
    pub fn fired(&self) -> bool {
        // Acquire pairs with the Release store in `fire`.
        self.0.fired.load(Ordering::Acquire)
    }
    /// Suppress the wake-up if it has not fired yet.
    pub fn cancel(&self) {
        if !self.0.cancelled.swap(true, Ordering::Relaxed) && !self.fired() {
            self.0.owner.cancelled.fetch_add(1, Ordering::Relaxed);
        }
    }
}

struct Entry {
    at: Instant,
    seq: u64,
    timer: Arc<TimerInner>,
}

impl PartialEq for Entry {
    fn eq(&self, o: &Self) -> bool {
        self.at == o.at && self.seq == o.seq
    }
}
impl Eq for Entry {}
impl PartialOrd for Entry {
    fn partial_cmp(&self, o: &Self) -> Option<CmpOrdering> {
        Some(self.cmp(o))
    }
}
impl Ord for Entry {
    // Reversed: BinaryHeap is a max-heap and we want the earliest first.
    fn cmp(&self, o: &Self) -> CmpOrdering {
        (o.at, o.seq).cmp(&(self.at, self.seq))
    }
}

struct State {
    heap: BinaryHeap<Entry>,
    seq: u64,
    shutdown: bool,
}

pub(crate) struct Timers {
    /// Approximate number of cancelled entries still in the heap.
    cancelled: AtomicUsize,
    state: Mutex<State>,
    cv: Condvar,
    thread: Mutex<Option<JoinHandle<()>>>,
}

impl Timers {
    pub(crate) fn start() -> Arc<Timers> {
        let t = Arc::new(Timers {
            cancelled: AtomicUsize::new(0),
            state: Mutex::new(State {
                heap: BinaryHeap::new(),
                seq: 0,
                shutdown: false,
            }),
            cv: Condvar::new(),
            thread: Mutex::new(None),
        });
        let me = t.clone();
        let h = std::thread::Builder::new()
            .name("weft-timer".into())
            .spawn(move || me.run())
            .expect("spawn timer thread");
        *t.thread.lock().unwrap() = Some(h);
        t
    }

    /// Register a wake-up at `at`.
    pub(crate) fn add(&'static self, at: Instant, wake: Wakeup) -> Timer {
        let inner = Arc::new(TimerInner {
            owner: self,
            fired: AtomicBool::new(false),
            cancelled: AtomicBool::new(false),
            wake,
        });
        let mut st = self.state.lock().unwrap_or_else(|p| p.into_inner());
        st.seq += 1;
        let seq = st.seq;
        self.purge_cancelled(&mut st);
        let earliest = st.heap.peek().is_none_or(|e| at < e.at);
        st.heap.push(Entry {
            at,
            seq,
            timer: inner.clone(),
        });
        drop(st);
        if earliest {
            self.cv.notify_one();
        }
        Timer(inner)
    }

    fn purge_cancelled(&self, st: &mut State) {
        let n = self.cancelled.load(Ordering::Relaxed);
        if n > 1024 && n > st.heap.len() / 2 {
            st.heap
                .retain(|e| !e.timer.cancelled.load(Ordering::Relaxed));
            self.cancelled.store(0, Ordering::Relaxed);
        }
    }

    /// Entries in the heap (tests).
    #[cfg(test)]
    fn len(&self) -> usize {
        self.state.lock().unwrap().heap.len()
    }

    fn run(&self) {
        let mut due = Vec::new();
        let mut st = self.state.lock().unwrap_or_else(|p| p.into_inner());
        loop {
            if st.shutdown {
                return;
            }
            let now = Instant::now();
            while st.heap.peek().is_some_and(|e| e.at <= now) {
                due.push(st.heap.pop().unwrap().timer);
            }
            if !due.is_empty() {
                drop(st);
                due.drain(..).for_each(fire);
                st = self.state.lock().unwrap_or_else(|p| p.into_inner());
                continue;
            }
            st = match st.heap.peek().map(|e| e.at - now) {
                Some(d) => {
                    self.cv
                        .wait_timeout(st, d)
                        .unwrap_or_else(|p| p.into_inner())
                        .0
                }
                None => self.cv.wait(st).unwrap_or_else(|p| p.into_inner()),
            };
        }
    }

    pub(crate) fn shutdown(&self) {
        self.state
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .shutdown = true;
        self.cv.notify_all();
        if let Some(h) = self.thread.lock().unwrap_or_else(|p| p.into_inner()).take() {
            let _ = h.join();
        }
    }
}

fn fire(t: Arc<TimerInner>) {
    if t.cancelled.load(Ordering::Relaxed) {
        return;
    }
    // Release pairs with the Acquire in `Timer::fired`.
    t.fired.store(true, Ordering::Release);
    t.wake.wake();
}

/// Wake `wake` at `at` on the current runtime's timer thread. Resumable
/// tasks pass their own handle and check [`Timer::fired`] when resumed.
/// Panics off-runtime.
pub fn wake_at(at: Instant, wake: impl Into<Wakeup>) -> Timer {
    crate::Handle::current().wake_at(at, wake)
}

impl crate::Handle {
    /// Wake `wake` at `at` (see [`wake_at`]).
    pub fn wake_at(&self, at: Instant, wake: impl Into<Wakeup>) -> Timer {
        self.0.timers.add(at, wake.into())
    }
}

/// Sleep for `d`: parks the green thread on the runtime's timers; on a plain
/// OS thread it is `std::thread::sleep`.
pub fn sleep(d: Duration) {
    sleep_until(Instant::now() + d)
}

/// Sleep until `at` (see [`sleep`]).
pub fn sleep_until(at: Instant) {
    let h = match crate::Handle::try_current() {
        Some(h) if crate::coroutine::in_coroutine() => h,
        _ => {
            let now = Instant::now();
            if at > now {
                std::thread::sleep(at - now);
            }
            return;
        }
    };
    let mut timer = None;
    block_until(|me| {
        let t = timer.get_or_insert_with(|| h.wake_at(at, me.clone()));
        t.fired().then_some(())
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cancelled_timers_are_purged() {
        let owner: &'static Arc<Timers> = Box::leak(Box::new(Timers::start()));
        let timers: &'static Timers = owner;
        let far = Instant::now() + Duration::from_secs(3600);
        let me = Wakeup::Thread(std::thread::current());
        for _ in 0..5000 {
            timers.add(far, me.clone()).cancel();
        }
        assert!(
            timers.len() < 2100,
            "heap kept {} cancelled timers",
            timers.len()
        );
        timers.shutdown();
    }
}
