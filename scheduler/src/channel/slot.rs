//! A waiter's slot: what a parked sender offers or a parked receiver gets,
//! plus whom to wake. Shared by the channel queue and the waiter's ticket.
//!
//! Invariants: a slot leaves `Waiting` exactly once, under the channel lock
//! (completed by a partner or `close`, or cancelled by its owner), so a value
//! is never both delivered and returned; the owner may read `Done` without the
//! channel lock.

use crate::sync::{lock, Mutex};
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

pub(crate) enum SlotState<T> {
    /// Parked sender: `Some(item)` until a receiver takes it. Parked
    /// receiver: `None`.
    Waiting(Option<Item<T>>),
    /// Sender: `Ok(None)` taken. Receiver: `Ok(Some(item))` or `Err(Closed)`.
    Done(Result<Option<Item<T>>, RecvError<T>>),
    /// Outcome already collected or the wait was cancelled.
    Taken,
}

pub(crate) struct Slot<T> {
    pub(crate) state: Mutex<SlotState<T>>,
    pub(crate) wake: Wakeup,
}

impl<T> Slot<T> {
    pub(crate) fn new(item: Option<Item<T>>, wake: Wakeup) -> Self {
        Slot { state: Mutex::new(SlotState::Waiting(item)), wake }
    }

    /// Complete a waiting slot (channel lock held). Returns the item a parked
    /// sender offered.
    pub(crate) fn complete(&self, out: Result<Option<Item<T>>, RecvError<T>>) -> Option<Item<T>> {
        let mut st = lock(&self.state);
        match std::mem::replace(&mut *st, SlotState::Done(out)) {
            SlotState::Waiting(offered) => offered,
            _ => unreachable!("channel slot completed twice"),
        }
    }

    /// The outcome, once done (taken at most once).
    pub(crate) fn poll(&self) -> Option<Result<Option<Item<T>>, RecvError<T>>> {
        let mut st = lock(&self.state);
        match &*st {
            SlotState::Done(_) => match std::mem::replace(&mut *st, SlotState::Taken) {
                SlotState::Done(o) => Some(o),
                _ => unreachable!(),
            },
            _ => None,
        }
    }
}
