//! `select_recv`: receive from whichever of several channels is ready first.
//!
//! Each arm registers a receiver slot sharing one claim flag; a completer
//! must win the claim (under its channel's lock) before completing a slot, so
//! exactly one arm completes and no value is taken by a losing arm. Losing
//! slots are unregistered before returning (stale ones are skipped by
//! senders meanwhile).

use crate::sync::{Arc, AtomicBool};

use super::waits::{flatten, RecvWait};
use super::{Channel, RecvCore, RecvError};
use crate::wakeup::{current_wakeup, park_current, yield_now};

/// Block (green thread or OS thread) until one of `chans` delivers; returns
/// its index and the outcome (`Err(Closed)` counts as an outcome). Arms are
/// tried in order, so an earlier ready channel wins.
pub fn select_recv<T>(chans: &[&Channel<T>]) -> (usize, Result<T, RecvError<T>>) {
    assert!(!chans.is_empty(), "select over no channels");
    let claim = Arc::new(AtomicBool::new(false));
    let me = current_wakeup();
    let mut arms: Vec<(usize, RecvWait<T>)> = Vec::with_capacity(chans.len());
    for (i, ch) in chans.iter().enumerate() {
        match ch.recv_core(Some(&mut || me.clone()), Some(&claim)) {
            RecvCore::Done(out, y, partner) => {
                cancel(arms);
                if let Some(p) = partner {
                    p.wake();
                }
                if y {
                    yield_now();
                }
                return (i, flatten(out));
            }
            RecvCore::Registered(slot) => arms.push((i, RecvWait::new((*ch).clone(), slot))),
            RecvCore::Lost => break,
            RecvCore::Empty => unreachable!("recv with a wake-up never reports Empty"),
        }
    }
    loop {
        if let Some(k) = arms.iter().position(|(_, w)| w.is_done()) {
            let (i, w) = arms.swap_remove(k);
            let out = w.poll().expect("done slot has an outcome");
            cancel(arms);
            return (i, out);
        }
        park_current();
    }
}

fn cancel<T>(arms: Vec<(usize, RecvWait<T>)>) {
    for (_, w) in arms {
        // Completing a losing arm needs the claim, which the winner holds.
        let late = w.cancel();
        debug_assert!(late.is_none(), "a losing select arm completed");
    }
}
