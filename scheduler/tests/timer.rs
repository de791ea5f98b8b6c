#![cfg(not(loom))]
//! Timers: sleep accuracy, wake_at for resumable tasks, cancellation.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use weft_scheduler::{Builder, Context, Step, Timer};

#[test]
fn sleep_wakes_in_deadline_order_and_on_time() {
    let rt = Builder::new().workers(2).build();
    let order = Arc::new(Mutex::new(Vec::new()));
    let t0 = Instant::now();
    let hs: Vec<_> = [30u64, 10, 20]
        .into_iter()
        .map(|ms| {
            let o = order.clone();
            rt.spawn(move || {
                weft_scheduler::sleep(Duration::from_millis(ms));
                o.lock().unwrap().push(ms);
                t0.elapsed()
            })
        })
        .collect();
    let late: Vec<Duration> = hs.into_iter().map(|h| h.join().unwrap()).collect();
    assert_eq!(*order.lock().unwrap(), [10, 20, 30]);
    for (el, ms) in late.iter().zip([30u64, 10, 20]) {
        assert!(
            *el >= Duration::from_millis(ms),
            "woke early: {el:?} < {ms} ms"
        );
    }
}

#[test]
fn resumable_wake_at_and_cancel() {
    let rt = Builder::new().workers(1).build();
    let resumes = Arc::new(AtomicUsize::new(0));
    let r = resumes.clone();
    let mut timer: Option<Timer> = None;
    let t0 = Instant::now();
    rt.spawn_resumable(move |cx: &mut Context<'_>| {
        r.fetch_add(1, Ordering::SeqCst);
        match &timer {
            None => {
                // A cancelled timer never wakes us...
                let dud =
                    weft_scheduler::wake_at(Instant::now() + Duration::from_millis(5), cx.handle());
                dud.cancel();
                // ...the live one does.
                timer = Some(weft_scheduler::wake_at(
                    Instant::now() + Duration::from_millis(20),
                    cx.handle(),
                ));
                Step::Parked
            }
            Some(t) if t.fired() => Step::Done,
            Some(_) => Step::Parked,
        }
    });
    rt.wait_all();
    assert!(t0.elapsed() >= Duration::from_millis(20));
    assert_eq!(
        resumes.load(Ordering::SeqCst),
        2,
        "exactly one wake-up: the live timer"
    );
}
