//! Blocking channel operations for green threads (park the green thread) and
//! plain OS threads (park the thread), built on the register/poll API.

use std::time::{Duration, Instant};

use super::slot::{Item, RecvError};
use super::waits::{RecvStart, SendStart};
use super::Channel;
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
        match self.start_send(item, &mut current_wakeup) {
            SendStart::Sent { yield_now: y } => {
                if y {
                    yield_now();
                }
                Ok(())
            }
            SendStart::Closed(v) => Err(SendError(v)),
            SendStart::Wait(w) => {
                while !w.poll() {
                    park_current();
                }
                Ok(())
            }
        }
    }

    /// Receive, blocking until a value arrives; `Err(Closed)` once closed and
    /// drained, `Err(Thrown(v))` for a value sent with `send_throw`.
    pub fn recv(&self) -> Result<T, RecvError<T>> {
        match self.start_recv(&mut current_wakeup) {
            RecvStart::Received {
                value,
                yield_now: y,
            } => {
                if y {
                    yield_now();
                }
                value
            }
            RecvStart::Wait(w) => loop {
                if let Some(v) = w.poll() {
                    return v;
                }
                park_current();
            },
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
