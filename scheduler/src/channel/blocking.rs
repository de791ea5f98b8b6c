//! Blocking channel operations for green threads (park the green thread) and
//! plain OS threads (park the thread), built on the register/poll API.

use std::time::{Duration, Instant};

use super::slot::{Item, RecvError};
use super::waits::{flatten, RecvStart};
use super::Channel;
use super::{RecvCore, SendCore};
use crate::wakeup::{current_wakeup, park_current, yield_now};

/// A send failed because the channel is closing; the value comes back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SendError<T>(pub T);

impl<T> Channel<T> {
    /// Send `v`, blocking until a receiver takes it (or it is buffered).
    pub fn send(&self, v: T) -> Result<(), SendError<T>> {
        self.send_item(Ok(v))
    }

    /// Send `v` as an error: the receiver's `recv` returns
    /// `Err(RecvError::Thrown(v))`.
    pub fn send_throw(&self, v: T) -> Result<(), SendError<T>> {
        self.send_item(Err(v))
    }

    fn send_item(&self, item: Item<T>) -> Result<(), SendError<T>> {
        match self.send_core(item, Some(&mut current_wakeup)) {
            SendCore::Done(y, partner) => {
                if let Some(p) = partner {
                    p.wake();
                }
                if y {
                    yield_now();
                }
                Ok(())
            }
            SendCore::Closed(Ok(v) | Err(v)) => Err(SendError(v)),
            SendCore::Registered(slot) => {
                while slot.poll().is_none() {
                    park_current();
                }
                Ok(())
            }
            SendCore::Full(_) => unreachable!("send with a wake-up never reports Full"),
        }
    }

    /// Receive, blocking until a value arrives; `Err(Closed)` once closed and
    /// drained, `Err(Thrown(v))` for a value sent with `send_throw`.
    pub fn recv(&self) -> Result<T, RecvError<T>> {
        // Uses the core directly: no ticket, so no channel refcount traffic.
        match self.recv_core(Some(&mut current_wakeup), None) {
            RecvCore::Done(out, y, partner) => {
                if let Some(p) = partner {
                    p.wake();
                }
                if y {
                    yield_now();
                }
                flatten(out)
            }
            RecvCore::Registered(slot) => loop {
                if let Some(out) = slot.poll() {
                    return flatten(
                        out.map(|i| i.expect("receiver slot completed without a value")),
                    );
                }
                park_current();
            },
            RecvCore::Empty | RecvCore::Lost => unreachable!("plain recv with a wake-up"),
        }
    }

    /// Like [`recv`](Self::recv), giving up after `d`: `None` on timeout.
    /// Off a coroutine stack it polls with short thread sleeps.
    pub fn recv_timeout(&self, d: Duration) -> Option<Result<T, RecvError<T>>> {
        let deadline = Instant::now() + d;
        let me = current_wakeup();
        let w = match self.start_recv(&mut || me.clone()) {
            RecvStart::Received { value, .. } => return Some(value),
            RecvStart::Wait(w) => w,
        };
        let timer = crate::Handle::try_current()
            .filter(|_| crate::coroutine::in_coroutine())
            .map(|h| h.wake_at(deadline, me.clone()));
        loop {
            if let Some(v) = w.poll() {
                if let Some(t) = &timer {
                    t.cancel();
                }
                return Some(v);
            }
            let now = Instant::now();
            if now >= deadline {
                return w.cancel();
            }
            match &timer {
                Some(_) => park_current(),
                None => std::thread::park_timeout(deadline - now),
            }
        }
    }
}

impl<T> Iterator for &Channel<T> {
    type Item = T;
    /// Receive until the channel is closed (a thrown value also ends it).
    fn next(&mut self) -> Option<T> {
        self.recv().ok()
    }
}
