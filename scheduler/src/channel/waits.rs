//! The non-blocking "try, or register and get woken" API for resumable tasks
//! (which cannot block inside a call): start an operation; if it cannot
//! complete, a waiter slot is registered under the channel lock and the task
//! returns `Step::Parked`; when resumed it polls its ticket, and it can cancel
//! the ticket (kill, timeout) without losing a value.

use super::slot::{Item, RecvError, Slot, SlotState};
use super::{Channel, RecvCore, SendCore};
use std::cell::Cell;
use std::marker::PhantomData;

use crate::sync::Arc;
use crate::wakeup::Wakeup;

/// Outcome of [`Channel::send_or_register`].
pub enum SendStart<T> {
    /// Delivered (or buffered). If `yield_now`, the caller should return
    /// `Step::Yielded` (the preference says the partner runs first).
    Sent { yield_now: bool },
    /// Registered as a waiting sender: return `Step::Parked`, and when
    /// resumed call [`SendWait::poll`].
    Wait(SendWait<T>),
    /// The channel is closing: the value comes back.
    Closed(T),
}

/// Outcome of [`Channel::recv_or_register`].
pub enum RecvStart<T> {
    /// Got an outcome; `yield_now` as in [`SendStart::Sent`].
    Received {
        value: Result<T, RecvError<T>>,
        yield_now: bool,
    },
    /// Registered as a waiting receiver: return `Step::Parked`, and when
    /// resumed call [`RecvWait::poll`].
    Wait(RecvWait<T>),
}

/// A registered sender's ticket.
pub struct SendWait<T> {
    chan: Channel<T>,
    slot: Arc<Slot<T>>,
    _not_sync: PhantomData<Cell<()>>,
}

/// A registered receiver's ticket.
pub struct RecvWait<T> {
    chan: Channel<T>,
    slot: Arc<Slot<T>>,
    _not_sync: PhantomData<Cell<()>>,
}

impl<T> Channel<T> {
    /// Send, or register `me` to be woken once a receiver took the value.
    pub fn send_or_register(&self, v: T, me: impl Into<Wakeup>) -> SendStart<T> {
        let mut me = Some(me.into());
        self.start_send(Ok(v), &mut || me.take().expect("wake-up used once"))
    }

    /// Like [`send_or_register`](Self::send_or_register), but the receiver
    /// gets `Err(RecvError::Thrown(v))`.
    pub fn send_throw_or_register(&self, v: T, me: impl Into<Wakeup>) -> SendStart<T> {
        let mut me = Some(me.into());
        self.start_send(Err(v), &mut || me.take().expect("wake-up used once"))
    }

    /// Receive, or register `me` to be woken once a value (or close) came.
    pub fn recv_or_register(&self, me: impl Into<Wakeup>) -> RecvStart<T> {
        let mut me = Some(me.into());
        self.start_recv(&mut || me.take().expect("wake-up used once"))
    }

    /// `me` is called (once) only if the operation has to wait.
    pub(crate) fn start_send(&self, item: Item<T>, me: &mut dyn FnMut() -> Wakeup) -> SendStart<T> {
        match self.send_core(item, Some(me)) {
            SendCore::Done(yield_now, p) => {
                if let Some(p) = p {
                    p.wake();
                }
                SendStart::Sent { yield_now }
            }
            SendCore::Registered(slot) => SendStart::Wait(SendWait {
                chan: self.clone(),
                slot,
                _not_sync: PhantomData,
            }),
            SendCore::Closed(Ok(v) | Err(v)) => SendStart::Closed(v),
            SendCore::Full(_) => unreachable!("send with a wake-up never reports Full"),
        }
    }

    /// `me` is called (once) only if the operation has to wait.
    pub(crate) fn start_recv(&self, me: &mut dyn FnMut() -> Wakeup) -> RecvStart<T> {
        match self.recv_core(Some(me), None) {
            RecvCore::Done(out, yield_now, p) => {
                if let Some(p) = p {
                    p.wake();
                }
                RecvStart::Received {
                    value: flatten(out),
                    yield_now,
                }
            }
            RecvCore::Registered(slot) => RecvStart::Wait(RecvWait {
                chan: self.clone(),
                slot,
                _not_sync: PhantomData,
            }),
            RecvCore::Empty | RecvCore::Lost => unreachable!("plain recv with a wake-up"),
        }
    }
}

pub(crate) fn flatten<T>(out: Result<Item<T>, RecvError<T>>) -> Result<T, RecvError<T>> {
    match out {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(t)) => Err(RecvError::Thrown(t)),
        Err(e) => Err(e),
    }
}

impl<T> SendWait<T> {
    /// True once a receiver took the value (then drop the ticket). False on
    /// a spurious resume: return `Step::Parked` again.
    pub fn poll(&self) -> bool {
        self.slot.poll().is_some()
    }

    /// True once a receiver took the value (`poll` will say so).
    pub fn is_done(&self) -> bool {
        self.slot.is_done()
    }

    /// Withdraw the send. `Some(value)` if no receiver took it yet; `None`
    /// if it was already delivered.
    pub fn cancel(self) -> Option<T> {
        if !self.chan.unregister(&self.slot) {
            return None;
        }
        match self.slot.take_unregistered() {
            SlotState::Waiting(Some(Ok(v) | Err(v)), _) => Some(v),
            _ => unreachable!("unregistered sender slot without its value"),
        }
    }
}

impl<T> RecvWait<T> {
    pub(crate) fn new(chan: Channel<T>, slot: Arc<Slot<T>>) -> Self {
        RecvWait {
            chan,
            slot,
            _not_sync: PhantomData,
        }
    }

    /// The outcome once a sender (or `close`) completed the wait; `None` on
    /// a spurious resume: return `Step::Parked` again.
    pub fn poll(&self) -> Option<Result<T, RecvError<T>>> {
        self.slot
            .poll()
            .map(|o| flatten(o.map(|i| i.expect("receiver slot completed without a value"))))
    }

    /// True once an outcome is waiting for `poll`.
    pub fn is_done(&self) -> bool {
        self.slot.is_done()
    }

    /// Withdraw the receive. `None` if cancelled before anything arrived;
    /// `Some(outcome)` if it had already completed (the value is not lost).
    pub fn cancel(self) -> Option<Result<T, RecvError<T>>> {
        if self.chan.unregister(&self.slot) {
            self.slot.take_unregistered();
            return None;
        }
        self.poll()
    }
}
