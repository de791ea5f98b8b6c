#![cfg(not(loom))]
//! Every channel rule: rendezvous, balance, preference orderings (1 worker),
//! schedule_all, close, thrown values, buffered, OS threads, register/poll.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use weft_scheduler::{
    Builder, Channel, Context, RecvError, RecvStart, Runtime, SendStart, Step, TryRecvError,
    TrySendError,
};

type Log = Arc<Mutex<Vec<String>>>;

fn log(l: &Log, s: impl Into<String>) {
    l.lock().unwrap().push(s.into());
}

fn one() -> Runtime {
    Builder::new().workers(1).build()
}

/// Receiver first, then sender, on one worker; returns the event order.
fn order(pref: i8, receiver_first: bool) -> Vec<String> {
    let rt = one();
    let l: Log = Default::default();
    let l2 = l.clone();
    rt.block_on(move || {
        let ch = Channel::<u32>::new();
        ch.set_preference(pref);
        let (c1, l1) = (ch.clone(), l2.clone());
        let recv = move || {
            log(&l1, "r:start");
            let v = c1.recv().unwrap();
            log(&l1, format!("r:got{v}"));
        };
        let (c2, l3) = (ch.clone(), l2.clone());
        let send = move || {
            log(&l3, "s:start");
            c2.send(7).unwrap();
            log(&l3, "s:after");
        };
        let (a, b) = if receiver_first {
            (weft_scheduler::spawn(recv), weft_scheduler::spawn(send))
        } else {
            (weft_scheduler::spawn(send), weft_scheduler::spawn(recv))
        };
        a.join().unwrap();
        b.join().unwrap();
    });
    let v = l.lock().unwrap().clone();
    v
}

#[test]
fn preference_receiver_default() {
    // Sender arrives second: the receiver runs at once, sender requeued.
    assert_eq!(order(-1, true), ["r:start", "s:start", "r:got7", "s:after"]);
    // Receiver arrives second: it keeps running.
    assert_eq!(
        order(-1, false),
        ["s:start", "r:start", "r:got7", "s:after"]
    );
}

#[test]
fn preference_sender() {
    assert_eq!(order(1, true), ["r:start", "s:start", "s:after", "r:got7"]);
    assert_eq!(order(1, false), ["s:start", "r:start", "s:after", "r:got7"]);
}

#[test]
fn preference_neither() {
    assert_eq!(order(0, true), ["r:start", "s:start", "s:after", "r:got7"]);
    assert_eq!(order(0, false), ["s:start", "r:start", "r:got7", "s:after"]);
}

#[test]
fn schedule_all_yields_the_arriving_side() {
    let rt = one();
    let l: Log = Default::default();
    let l2 = l.clone();
    rt.block_on(move || {
        let ch = Channel::<u32>::with_capacity(4);
        ch.set_schedule_all(true);
        let (c, la) = (ch.clone(), l2.clone());
        let a = weft_scheduler::spawn(move || {
            c.send(1).unwrap();
            log(&la, "a:after-send");
        });
        let lb = l2.clone();
        let b = weft_scheduler::spawn(move || log(&lb, "b:ran"));
        a.join().unwrap();
        b.join().unwrap();
    });
    assert_eq!(*l.lock().unwrap(), ["b:ran", "a:after-send"]);
}

#[test]
fn balance_counts_waiters() {
    let rt = one();
    rt.block_on(|| {
        let ch = Channel::<u32>::new();
        let rs: Vec<_> = (0..3)
            .map(|_| {
                let c = ch.clone();
                weft_scheduler::spawn(move || c.recv().unwrap())
            })
            .collect();
        weft_scheduler::yield_now();
        assert_eq!(ch.balance(), -3);
        for i in 0..3 {
            ch.send(i).unwrap();
        }
        assert_eq!(ch.balance(), 0);
        let got: Vec<_> = rs.into_iter().map(|h| h.join().unwrap()).collect();
        assert_eq!(got, [0, 1, 2], "receivers are served FIFO");
        let ss: Vec<_> = (0..2)
            .map(|i| {
                let c = ch.clone();
                weft_scheduler::spawn(move || c.send(i).unwrap())
            })
            .collect();
        weft_scheduler::yield_now();
        assert_eq!(ch.balance(), 2);
        assert_eq!(ch.recv().unwrap(), 0);
        assert_eq!(ch.recv().unwrap(), 1);
        ss.into_iter().for_each(|h| h.join().unwrap());
    });
}

#[test]
fn close_refuses_senders_and_drains() {
    let rt = Builder::new().workers(2).build();
    rt.block_on(|| {
        let ch = Channel::<u32>::new();
        let c = ch.clone();
        let s = weft_scheduler::spawn(move || c.send(5));
        while ch.balance() != 1 {
            weft_scheduler::yield_now();
        }
        ch.close();
        assert!(ch.closing());
        assert!(!ch.closed(), "a sender is still queued");
        assert!(matches!(ch.send(6), Err(weft_scheduler::SendError(6))));
        assert_eq!(ch.recv(), Ok(5));
        assert!(ch.closed());
        assert_eq!(ch.recv(), Err(RecvError::Closed));
        s.join().unwrap().unwrap();
    });
}

#[test]
fn close_wakes_waiting_receivers() {
    let rt = Builder::new().workers(2).build();
    rt.block_on(|| {
        let ch = Channel::<u32>::new();
        let rs: Vec<_> = (0..4)
            .map(|_| {
                let c = ch.clone();
                weft_scheduler::spawn(move || c.recv())
            })
            .collect();
        while ch.balance() != -4 {
            weft_scheduler::yield_now();
        }
        ch.close();
        for r in rs {
            assert_eq!(r.join().unwrap(), Err(RecvError::Closed));
        }
        ch.open();
        assert!(!ch.closing());
    });
}

#[test]
fn thrown_values_reach_the_receiver_as_errors() {
    let rt = one();
    rt.block_on(|| {
        let ch = Channel::<String>::new();
        let c = ch.clone();
        let s = weft_scheduler::spawn(move || {
            c.send("ok".into()).unwrap();
            c.send_throw("ValueError".into()).unwrap();
        });
        assert_eq!(ch.recv(), Ok("ok".to_string()));
        assert_eq!(ch.recv(), Err(RecvError::Thrown("ValueError".into())));
        s.join().unwrap();
    });
}

#[test]
fn buffered_channel_fills_then_blocks() {
    let rt = one();
    rt.block_on(|| {
        let ch = Channel::<u32>::with_capacity(2);
        ch.send(1).unwrap();
        ch.send(2).unwrap();
        assert_eq!(ch.try_send(3), Err(TrySendError::Full(3)));
        let c = ch.clone();
        let s = weft_scheduler::spawn(move || c.send(3).unwrap());
        weft_scheduler::yield_now();
        assert_eq!(ch.balance(), 1);
        assert_eq!((ch.recv(), ch.recv(), ch.recv()), (Ok(1), Ok(2), Ok(3)));
        s.join().unwrap();
        assert_eq!(ch.try_recv(), Err(TryRecvError::Empty));
    });
}

#[test]
fn plain_os_threads_block_on_channels() {
    let _rt = Builder::new().workers(1).build();
    let ch = Channel::<u64>::new();
    let c = ch.clone();
    let t = std::thread::spawn(move || (0..1000).map(|_| c.recv().unwrap()).sum::<u64>());
    for i in 0..1000 {
        ch.send(i).unwrap();
    }
    assert_eq!(t.join().unwrap(), 999 * 1000 / 2);
}

#[test]
fn green_and_os_threads_mix() {
    let rt = Builder::new().workers(2).build();
    let ch = Channel::<u64>::new();
    let c = ch.clone();
    let g = rt.spawn(move || (0..500).map(|_| c.recv().unwrap()).sum::<u64>());
    for i in 0..500 {
        ch.send(i).unwrap();
    }
    assert_eq!(g.join().unwrap(), 499 * 500 / 2);
}

#[test]
fn recv_timeout_expires_and_cancels() {
    let rt = Builder::new().workers(1).build();
    rt.block_on(|| {
        let ch = Channel::<u32>::new();
        assert_eq!(ch.recv_timeout(Duration::from_millis(20)), None);
        assert_eq!(ch.balance(), 0, "timed-out receiver unregistered");
    });
    let ch = Channel::<u32>::new();
    assert_eq!(ch.recv_timeout(Duration::from_millis(5)), None);
}

/// A resumable receiver built on the register/poll API.
#[test]
fn resumable_register_and_poll() {
    let rt = Builder::new().workers(2).build();
    let ch = Channel::<u64>::new();
    let total = Arc::new(AtomicUsize::new(0));
    let (c, t) = (ch.clone(), total.clone());
    let mut wait = None;
    let mut n = 0;
    rt.spawn_resumable(move |cx: &mut Context<'_>| loop {
        let got = match wait.take() {
            Some(w) => match weft_scheduler::RecvWait::poll(&w) {
                Some(v) => v,
                None => {
                    wait = Some(w);
                    return Step::Parked;
                }
            },
            None => match c.recv_or_register(cx.handle()) {
                RecvStart::Received { value, .. } => value,
                RecvStart::Wait(w) => {
                    wait = Some(w);
                    return Step::Parked;
                }
            },
        };
        t.fetch_add(got.unwrap() as usize, Ordering::SeqCst);
        n += 1;
        if n == 100 {
            return Step::Done;
        }
    });
    // A resumable sender too.
    let c = ch.clone();
    let mut i = 0u64;
    let mut pending = None;
    rt.spawn_resumable(move |cx: &mut Context<'_>| loop {
        if let Some(w) = pending.take() {
            if !weft_scheduler::SendWait::poll(&w) {
                pending = Some(w);
                return Step::Parked;
            }
        }
        if i == 100 {
            return Step::Done;
        }
        i += 1;
        match c.send_or_register(i, cx.handle()) {
            SendStart::Sent { yield_now: true } => return Step::Yielded,
            SendStart::Sent { .. } => {}
            SendStart::Wait(w) => {
                pending = Some(w);
                return Step::Parked;
            }
            SendStart::Closed(_) => unreachable!(),
        }
    });
    rt.wait_all();
    assert_eq!(total.load(Ordering::SeqCst), 5050);
}

#[test]
fn cancel_returns_value_or_outcome() {
    let _rt = one();
    let ch = Channel::<u32>::new();
    let me = weft_scheduler::current_wakeup();
    let SendStart::Wait(w) = ch.send_or_register(9, me.clone()) else {
        panic!()
    };
    assert_eq!(ch.balance(), 1);
    assert_eq!(w.cancel(), Some(9));
    assert_eq!(ch.balance(), 0);
    let RecvStart::Wait(r) = ch.recv_or_register(me) else {
        panic!()
    };
    ch.try_send(3).unwrap();
    assert_eq!(
        r.cancel(),
        Some(Ok(3)),
        "a delivered value is not lost by cancel"
    );
}
