//! A waiter's slot: what a parked sender offers or a parked receiver gets,
//! plus whom to wake. Shared by the channel queue and the waiter's ticket.
//!
//! Invariants (they make the unsynchronized `data` cell sound):
//! - while `done` is false and the slot is in a channel queue, `data` is only
//!   touched under that channel's lock;
//! - a slot leaves the queue exactly once, under the channel lock: either a
//!   partner (or `close`) completes it — writes `data`, then sets `done` with
//!   Release — or its owner's `cancel` unregisters it, after which only the
//!   owner touches it;
//! - after `done` (read with Acquire), only the owner's ticket touches `data`,
//!   and tickets are `!Sync`, so one thread at a time.
//!
//! So a value is never both delivered and returned.

use crate::sync::{Arc, AtomicBool, Ordering, UnsafeCell};
use crate::wakeup::Wakeup;

/// A message: `Ok` a value, `Err` a value thrown to the receiver.
pub(crate) type Item<T> = Result<T, T>;

/// The receiver-side failure of a channel operation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecvError<T> {
    /// The channel is closed and drained.
    Closed,
    /// The sender sent this value with `send_throw` (a Python exception).
    Thrown(T),
}

pub(crate) type Outcome<T> = Result<Option<Item<T>>, RecvError<T>>;

pub(crate) enum SlotState<T> {
    /// Parked sender: `Some(item)` until a receiver takes it. Parked
    /// receiver: `None`. The wake-up moves out to whoever completes it.
    Waiting(Option<Item<T>>, Wakeup),
    /// Sender: `Ok(None)` taken. Receiver: `Ok(Some(item))` or `Err(Closed)`.
    Done(Outcome<T>),
    /// Outcome already collected or the wait was cancelled.
    Taken,
}

pub(crate) struct Slot<T> {
    done: AtomicBool,
    data: UnsafeCell<SlotState<T>>,
    /// A `select` registers one slot per channel sharing one claim flag;
    /// only the completer that flips it false -> true may complete a slot,
    /// the others drop it from their queue as stale.
    claim: Option<Arc<AtomicBool>>,
}

// SAFETY: `data` is accessed by one thread at a time per the module
// invariants (channel lock while queued, the owner after); `T: Send` because
// values move between threads through it.
unsafe impl<T: Send> Sync for Slot<T> {}
// SAFETY: as above; all fields are sendable when `T` is.
unsafe impl<T: Send> Send for Slot<T> {}

impl<T> Slot<T> {
    pub(crate) fn new(item: Option<Item<T>>, wake: Wakeup) -> Self {
        Slot {
            done: AtomicBool::new(false),
            data: UnsafeCell::new(SlotState::Waiting(item, wake)),
            claim: None,
        }
    }

    /// A receiver slot that is one arm of a `select`.
    pub(crate) fn with_claim(wake: Wakeup, claim: Arc<AtomicBool>) -> Self {
        Slot {
            done: AtomicBool::new(false),
            data: UnsafeCell::new(SlotState::Waiting(None, wake)),
            claim: Some(claim),
        }
    }

    /// Win the right to complete this slot (always, outside a `select`).
    /// Called under the channel lock, right after popping it.
    pub(crate) fn try_claim(&self) -> bool {
        // AcqRel: exactly one completer across all of the select's channels
        // wins; the winner's later `done` store publishes the outcome.
        self.claim
            .as_ref()
            .is_none_or(|c| !c.swap(true, Ordering::AcqRel))
    }

    /// Complete a slot just removed from its queue, channel lock held.
    /// Returns the item a parked sender offered and whom to wake (moved out,
    /// not cloned: no refcount traffic).
    pub(crate) fn complete(&self, out: Outcome<T>) -> (Option<Item<T>>, Wakeup) {
        // SAFETY: not done and we hold the channel lock (first invariant).
        let prev = self
            .data
            .with_mut(|p| unsafe { std::mem::replace(&mut *p, SlotState::Done(out)) });
        // Release pairs with the Acquire in `poll`: the outcome is visible.
        self.done.store(true, Ordering::Release);
        match prev {
            SlotState::Waiting(offered, wake) => (offered, wake),
            _ => unreachable!("channel slot completed twice"),
        }
    }

    /// True once completed (the outcome may already have been taken).
    pub(crate) fn is_done(&self) -> bool {
        // Acquire pairs with the Release in `complete`.
        self.done.load(Ordering::Acquire)
    }

    /// The outcome, once done (taken at most once). Owner only.
    pub(crate) fn poll(&self) -> Option<Outcome<T>> {
        if !self.done.load(Ordering::Acquire) {
            return None;
        }
        // SAFETY: done, so only the owner touches `data` (third invariant).
        match self
            .data
            .with_mut(|p| unsafe { std::mem::replace(&mut *p, SlotState::Taken) })
        {
            SlotState::Done(o) => Some(o),
            _ => None,
        }
    }

    /// Take the state of a slot the owner just unregistered (cancel).
    pub(crate) fn take_unregistered(&self) -> SlotState<T> {
        // SAFETY: unregistered under the channel lock and never completed,
        // so the owner alone can reach `data` (second invariant).
        self.data
            .with_mut(|p| unsafe { std::mem::replace(&mut *p, SlotState::Taken) })
    }
}
