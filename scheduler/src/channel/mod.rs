//! Channels with Stackless semantics, usable from green threads, OS threads
//! and (via the `*_or_register` calls) resumable tasks.
//!
//! Invariants (as in Go's chan.go):
//! 1. At most one of `senders`/`receivers` is non-empty; receivers wait only
//!    while the buffer is empty, senders only while it is full.
//! 2. A waiter's slot is pushed before the channel lock is released, so a
//!    partner arriving later always finds it: no lost rendezvous.
//! 3. A slot is completed (value moved into or out of it) under the channel
//!    lock, and its task is woken only after the lock is released: no task is
//!    ever woken while a channel lock is held.
//! 4. `closing` refuses new sends; once closing and drained (no senders, empty
//!    buffer) the channel is `closed` and every receiver gets `Closed`.
//! 5. Preference (the side that arrived second completes the rendezvous):
//!    -1 the receiver runs on at once, the sender is requeued; 1 the sender
//!    runs on; 0 the arriving side keeps running and the partner goes to the
//!    back of the run queue. `schedule_all` makes the arriving side yield too.
//!    This is exact on one worker (Stackless order). With several workers
//!    the woken partner always takes the "run next" slot and the arriving
//!    side runs on (unless `schedule_all`): order across cores is not defined
//!    anyway, and this keeps a communicating pair on one core.

#[cfg(not(loom))]
mod blocking;
mod select;
mod slot;
#[cfg(not(loom))]
pub use blocking::SendError;
pub use select::select_recv;
mod waits;

use std::collections::VecDeque;

use crate::sync::{lock, Arc, AtomicBool, Mutex, Ordering};
use crate::wakeup::Wakeup;
pub use slot::RecvError;
use slot::{Item, Slot};
pub use waits::{RecvStart, RecvWait, SendStart, SendWait};

/// Why a non-blocking send failed; the value comes back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TrySendError<T> {
    /// No receiver waiting and no buffer room.
    Full(T),
    /// The channel is closing.
    Closed(T),
}

/// Why a non-blocking receive failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TryRecvError<T> {
    /// Nothing to receive right now.
    Empty,
    /// Closed and drained.
    Closed,
    /// The sender threw this value.
    Thrown(T),
}

pub(crate) struct Queue<T> {
    senders: VecDeque<Arc<Slot<T>>>,
    receivers: VecDeque<Arc<Slot<T>>>,
    buf: VecDeque<Item<T>>,
    cap: usize,
    closing: bool,
    preference: i8,
    schedule_all: bool,
}

/// An MPMC channel; clones share it.
pub struct Channel<T> {
    inner: Arc<Mutex<Queue<T>>>,
}

impl<T> Clone for Channel<T> {
    fn clone(&self) -> Self {
        Channel {
            inner: self.inner.clone(),
        }
    }
}

impl<T> Default for Channel<T> {
    fn default() -> Self {
        Self::new()
    }
}

/// A partner to wake after the lock is released.
pub(crate) struct Partner {
    wake: Wakeup,
    run_next: bool,
}

impl Partner {
    /// `run_next` comes from `placement` (always true with several workers).
    pub(crate) fn wake(self) {
        self.wake.wake_by_value(self.run_next)
    }
}

/// Result of the locked part of a send.
pub(crate) enum SendCore<T> {
    /// Delivered or buffered: whether the caller should yield, whom to wake.
    Done(bool, Option<Partner>),
    /// Parked as a sender (a wake-up was given).
    Registered(Arc<Slot<T>>),
    /// Would block and no wake-up was given: the item comes back.
    Full(Item<T>),
    /// The channel is closing: the item comes back.
    Closed(Item<T>),
}

/// Result of the locked part of a receive.
pub(crate) enum RecvCore<T> {
    /// Got an outcome: whether the caller should yield, whom to wake.
    Done(Result<Item<T>, RecvError<T>>, bool, Option<Partner>),
    /// Parked as a receiver (a wake-up was given).
    Registered(Arc<Slot<T>>),
    /// Would block and no wake-up was given.
    Empty,
    /// A select arm found an outcome but another arm already won.
    Lost,
}

impl<T> Channel<T> {
    /// A synchronous (rendezvous) channel, preference -1.
    pub fn new() -> Self {
        Self::with_capacity(0)
    }

    /// A buffered channel: sends complete without a receiver while fewer than
    /// `cap` values are queued.
    pub fn with_capacity(cap: usize) -> Self {
        let q = Queue {
            senders: VecDeque::new(),
            receivers: VecDeque::new(),
            buf: VecDeque::new(),
            cap,
            closing: false,
            preference: -1,
            schedule_all: false,
        };
        Channel {
            inner: Arc::new(Mutex::new(q)),
        }
    }

    /// Waiting receivers as a negative count, waiting senders as positive.
    pub fn balance(&self) -> isize {
        let q = lock(&self.inner);
        q.senders.len() as isize - q.receivers.len() as isize
    }

    /// Values sitting in the buffer (always 0 for a rendezvous channel).
    pub fn queued(&self) -> usize {
        lock(&self.inner).buf.len()
    }

    /// -1 (default) prefer the receiver, 1 the sender, 0 neither.
    pub fn preference(&self) -> i8 {
        lock(&self.inner).preference
    }

    /// Set the preference (clamped to -1..=1).
    pub fn set_preference(&self, p: i8) {
        lock(&self.inner).preference = p.clamp(-1, 1);
    }

    /// Whether every completed operation also yields the arriving side.
    pub fn schedule_all(&self) -> bool {
        lock(&self.inner).schedule_all
    }

    /// See [`schedule_all`](Self::schedule_all).
    pub fn set_schedule_all(&self, on: bool) {
        lock(&self.inner).schedule_all = on;
    }

    /// True once `close` was called (and `open` was not called since).
    pub fn closing(&self) -> bool {
        lock(&self.inner).closing
    }

    /// True when closing and drained: receivers get `Closed`.
    pub fn closed(&self) -> bool {
        let q = lock(&self.inner);
        q.closing && q.senders.is_empty() && q.buf.is_empty()
    }

    /// Refuse new sends; when drained, wake every waiting receiver with
    /// `Closed`.
    pub fn close(&self) {
        let woken: Vec<Wakeup> = {
            let mut q = lock(&self.inner);
            q.closing = true;
            if q.senders.is_empty() && q.buf.is_empty() {
                let drained: Vec<_> = q.receivers.drain(..).collect();
                drained
                    .iter()
                    .filter(|s| s.try_claim())
                    .map(|s| s.complete(Err(RecvError::Closed)).1)
                    .collect()
            } else {
                Vec::new()
            }
        };
        for w in woken {
            w.wake();
        }
    }

    /// Accept sends again after `close`.
    pub fn open(&self) {
        lock(&self.inner).closing = false;
    }

    /// Send without blocking: succeeds only if a receiver waits or the
    /// buffer has room. A waiting receiver is woken per the preference (the
    /// caller is not requeued: it cannot yield here).
    pub fn try_send(&self, v: T) -> Result<(), TrySendError<T>> {
        self.try_send_item(Ok(v))
    }

    /// Like [`try_send`](Self::try_send), delivering `Err(Thrown(v))`.
    pub fn try_send_throw(&self, v: T) -> Result<(), TrySendError<T>> {
        self.try_send_item(Err(v))
    }

    fn try_send_item(&self, item: Item<T>) -> Result<(), TrySendError<T>> {
        match self.send_core(item, None) {
            SendCore::Done(_, p) => {
                if let Some(p) = p {
                    p.wake();
                }
                Ok(())
            }
            SendCore::Full(item) => Err(TrySendError::Full(unwrap_item(item))),
            SendCore::Closed(item) => Err(TrySendError::Closed(unwrap_item(item))),
            SendCore::Registered(_) => unreachable!("registered without a wake-up"),
        }
    }

    /// Receive without blocking.
    pub fn try_recv(&self) -> Result<T, TryRecvError<T>> {
        match self.recv_core(None, None) {
            RecvCore::Done(out, _, p) => {
                if let Some(p) = p {
                    p.wake();
                }
                match out {
                    Ok(Ok(v)) => Ok(v),
                    Ok(Err(t)) => Err(TryRecvError::Thrown(t)),
                    Err(_) => Err(TryRecvError::Closed),
                }
            }
            RecvCore::Empty => Err(TryRecvError::Empty),
            RecvCore::Registered(_) | RecvCore::Lost => unreachable!("not a select arm"),
        }
    }

    /// The locked part of a send.
    pub(crate) fn send_core(
        &self,
        item: Item<T>,
        me: Option<&mut dyn FnMut() -> Wakeup>,
    ) -> SendCore<T> {
        let mut q = lock(&self.inner);
        if q.closing {
            return SendCore::Closed(item);
        }
        while let Some(r) = q.receivers.pop_front() {
            if !r.try_claim() {
                continue; // a select arm whose select already completed
            }
            let (_, wake) = r.complete(Ok(Some(item)));
            let (run_next, me_yield) = placement(&q, true, &wake);
            return SendCore::Done(me_yield, Some(Partner { wake, run_next }));
        }
        if q.buf.len() < q.cap {
            q.buf.push_back(item);
            return SendCore::Done(q.schedule_all, None);
        }
        match me {
            Some(w) => {
                let s = Arc::new(Slot::new(Some(item), w()));
                q.senders.push_back(s.clone());
                SendCore::Registered(s)
            }
            None => SendCore::Full(item),
        }
    }

    /// The locked part of a receive. With a `claim` (a select arm), an
    /// available outcome is taken only if the claim is won.
    pub(crate) fn recv_core(
        &self,
        me: Option<&mut dyn FnMut() -> Wakeup>,
        claim: Option<&Arc<AtomicBool>>,
    ) -> RecvCore<T> {
        let mut q = lock(&self.inner);
        let ready = !q.buf.is_empty() || !q.senders.is_empty() || q.closing;
        if ready && claim.is_some_and(|c| c.swap(true, Ordering::AcqRel)) {
            return RecvCore::Lost;
        }
        if let Some(item) = q.buf.pop_front() {
            // Refill from the first parked sender; it just runs on later.
            let partner = q.senders.pop_front().map(|s| {
                let (offered, wake) = s.complete(Ok(None));
                q.buf
                    .push_back(offered.expect("parked sender without a value"));
                Partner {
                    wake,
                    run_next: false,
                }
            });
            return RecvCore::Done(Ok(item), q.schedule_all, partner);
        }
        if let Some(s) = q.senders.pop_front() {
            let (offered, wake) = s.complete(Ok(None));
            let item = offered.expect("parked sender without a value");
            let (run_next, me_yield) = placement(&q, false, &wake);
            return RecvCore::Done(Ok(item), me_yield, Some(Partner { wake, run_next }));
        }
        if q.closing {
            return RecvCore::Done(Err(RecvError::Closed), false, None);
        }
        match me {
            Some(w) => {
                let s = Arc::new(match claim {
                    Some(c) => Slot::with_claim(w(), c.clone()),
                    None => Slot::new(None, w()),
                });
                q.receivers.push_back(s.clone());
                RecvCore::Registered(s)
            }
            None => RecvCore::Empty,
        }
    }

    /// Remove a still-waiting slot (cancellation). Returns false if it was
    /// already completed.
    pub(crate) fn unregister(&self, s: &Arc<Slot<T>>) -> bool {
        let mut q = lock(&self.inner);
        let before = q.senders.len() + q.receivers.len();
        q.senders.retain(|x| !Arc::ptr_eq(x, s));
        q.receivers.retain(|x| !Arc::ptr_eq(x, s));
        before != q.senders.len() + q.receivers.len()
    }
}

/// (partner goes to run-next, arriving side yields) for a rendezvous that
/// the arriving side completes.
///
/// With several workers there is no global order to honour: the partner
/// takes the run-next slot and the arriving side runs on (as in Go), so a
/// communicating pair stays on one core instead of bouncing a requeued task
/// to the other worker.
fn placement<T>(q: &Queue<T>, arriving_is_sender: bool, partner: &Wakeup) -> (bool, bool) {
    if partner.multi_worker() {
        return (true, q.schedule_all);
    }
    let partner_runs_now =
        (q.preference < 0 && arriving_is_sender) || (q.preference > 0 && !arriving_is_sender);
    if partner_runs_now {
        (true, true)
    } else {
        (false, q.schedule_all)
    }
}

fn unwrap_item<T>(item: Item<T>) -> T {
    match item {
        Ok(v) | Err(v) => v,
    }
}
