#![cfg(not(loom))]
//! select_recv: first ready arm wins, losers are unregistered, no value is
//! lost or duplicated under contention.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use weft_scheduler::{select_recv, Builder, Channel, RecvError};

#[test]
fn ready_arm_wins_and_losers_unregister() {
    let rt = Builder::new().workers(1).build();
    rt.block_on(|| {
        let (a, b, c) = (
            Channel::<u32>::new(),
            Channel::<u32>::with_capacity(1),
            Channel::<u32>::new(),
        );
        b.send(5).unwrap();
        assert_eq!(select_recv(&[&a, &b, &c]), (1, Ok(5)));
        assert_eq!((a.balance(), c.balance()), (0, 0));

        let c2 = c.clone();
        let s = weft_scheduler::spawn(move || c2.send(9).unwrap());
        assert_eq!(select_recv(&[&a, &b, &c]), (2, Ok(9)));
        s.join().unwrap();
        assert_eq!((a.balance(), b.balance(), c.balance()), (0, 0, 0));

        let a2 = a.clone();
        let closer = weft_scheduler::spawn(move || a2.close());
        assert_eq!(select_recv(&[&a, &c]), (0, Err(RecvError::Closed)));
        closer.join().unwrap();
    });
}

#[test]
fn contended_selects_conserve_values() {
    let rt = Builder::new().workers(4).build();
    const CH: usize = 4;
    const SENDERS: u64 = 16;
    const PER: u64 = 300;
    let chans: Vec<Channel<u64>> = (0..CH).map(|_| Channel::new()).collect();
    let sum = Arc::new(AtomicU64::new(0));
    let count = Arc::new(AtomicU64::new(0));
    let selectors: Vec<_> = (0..8)
        .map(|_| {
            let (chans, sum, count) = (chans.clone(), sum.clone(), count.clone());
            rt.spawn(move || {
                let refs: Vec<&Channel<u64>> = chans.iter().collect();
                while let (_, Ok(v)) = select_recv(&refs) {
                    sum.fetch_add(v, Ordering::Relaxed);
                    count.fetch_add(1, Ordering::Relaxed);
                }
            })
        })
        .collect();
    let senders: Vec<_> = (0..SENDERS)
        .map(|s| {
            let chans = chans.clone();
            rt.spawn(move || {
                for i in 0..PER {
                    chans[((s + i) as usize) % CH].send(s * PER + i).unwrap();
                }
            })
        })
        .collect();
    senders.into_iter().for_each(|s| s.join().unwrap());
    chans.iter().for_each(Channel::close);
    selectors.into_iter().for_each(|s| s.join().unwrap());
    let n = SENDERS * PER;
    assert_eq!(count.load(Ordering::Relaxed), n);
    assert_eq!(sum.load(Ordering::Relaxed), n * (n - 1) / 2);
}
