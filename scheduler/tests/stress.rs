#![cfg(not(loom))]
//! Stress: many tasks, many channels, random blocking, all workers stealing;
//! totals are checked exactly.

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use weft_scheduler::{Builder, Channel, Context, Step};

fn rng(seed: &mut u64) -> u64 {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
    *seed
}

#[test]
fn many_green_threads_many_channels() {
    let rt = Builder::new().workers(4).build();
    const CHANS: usize = 16;
    const PER: u64 = 200;
    const PRODUCERS: u64 = 64;
    let chans: Vec<Channel<u64>> = (0..CHANS)
        .map(|i| {
            if i % 2 == 0 {
                Channel::new()
            } else {
                Channel::with_capacity(3)
            }
        })
        .collect();
    let total = Arc::new(AtomicU64::new(0));
    let mut joins = Vec::new();
    for p in 0..PRODUCERS {
        let chans = chans.clone();
        joins.push(rt.spawn(move || {
            let mut seed = p * 7919 + 1;
            for i in 0..PER {
                let c = &chans[(rng(&mut seed) as usize) % CHANS];
                c.send(p * PER + i).unwrap();
                if rng(&mut seed).is_multiple_of(8) {
                    weft_scheduler::yield_now();
                }
            }
        }));
    }
    // Consumers: one per channel, until it is closed.
    let consumers: Vec<_> = chans
        .iter()
        .map(|c| {
            let (c, t) = (c.clone(), total.clone());
            rt.spawn(move || {
                let mut n = 0u64;
                while let Ok(v) = c.recv() {
                    t.fetch_add(v, Ordering::Relaxed);
                    n += 1;
                }
                n
            })
        })
        .collect();
    for j in joins {
        j.join().unwrap();
    }
    chans.iter().for_each(Channel::close);
    let received: u64 = consumers.into_iter().map(|c| c.join().unwrap()).sum();
    let n = PRODUCERS * PER;
    assert_eq!(received, n);
    assert_eq!(total.load(Ordering::Relaxed), n * (n - 1) / 2);
    rt.wait_all();
}

#[test]
fn cross_thread_wakes_never_lost_or_doubled() {
    // Resumable tasks park; outside threads wake them at random. Each task
    // counts resumes; a double run would trip the "running" flag.
    let rt = Builder::new().workers(2).build();
    const TASKS: usize = 200;
    const ROUNDS: usize = 50;
    let progress: Arc<Vec<AtomicUsize>> =
        Arc::new((0..TASKS).map(|_| AtomicUsize::new(0)).collect());
    let running: Arc<Vec<AtomicUsize>> =
        Arc::new((0..TASKS).map(|_| AtomicUsize::new(0)).collect());
    let handles: Vec<_> = (0..TASKS)
        .map(|i| {
            let (p, r) = (progress.clone(), running.clone());
            rt.spawn_resumable(move |_: &mut Context<'_>| {
                assert_eq!(
                    r[i].fetch_add(1, Ordering::SeqCst),
                    0,
                    "task ran twice at once"
                );
                let n = p[i].fetch_add(1, Ordering::SeqCst) + 1;
                r[i].fetch_sub(1, Ordering::SeqCst);
                if n >= ROUNDS {
                    Step::Done
                } else {
                    Step::Parked
                }
            })
        })
        .collect();
    let handles = Arc::new(handles);
    let wakers: Vec<_> = (0..2)
        .map(|t| {
            let h = handles.clone();
            std::thread::spawn(move || {
                let mut seed = t as u64 + 99;
                while h.iter().any(|h| !h.is_done()) {
                    let i = rng(&mut seed) as usize % TASKS;
                    h[i].unpark();
                }
            })
        })
        .collect();
    rt.wait_all();
    for w in wakers {
        w.join().unwrap();
    }
    assert!(progress.iter().all(|p| p.load(Ordering::SeqCst) == ROUNDS));
    assert_eq!(rt.panic_count(), 0);
}

#[test]
fn spawn_storm_from_inside_tasks() {
    let rt = Builder::new().workers(2).build();
    let count = Arc::new(AtomicUsize::new(0));
    let c = count.clone();
    rt.block_on(move || {
        let hs: Vec<_> = (0..100)
            .map(|_| {
                let c = c.clone();
                weft_scheduler::spawn(move || {
                    for _ in 0..100 {
                        let c = c.clone();
                        weft_scheduler::spawn_resumable(move |_: &mut Context<'_>| {
                            c.fetch_add(1, Ordering::Relaxed);
                            Step::Done
                        });
                    }
                })
            })
            .collect();
        hs.into_iter().for_each(|h| h.join().unwrap());
    });
    rt.wait_all();
    assert_eq!(count.load(Ordering::Relaxed), 10_000);
}

#[test]
fn idle_runtime_wakes_for_late_work() {
    let rt = Builder::new().workers(2).build();
    std::thread::sleep(Duration::from_millis(30)); // all workers asleep
    for _ in 0..3 {
        assert_eq!(rt.block_on(|| 5 + 5), 10);
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[test]
fn ping_pong_pairs_do_not_starve_the_local_queue() {
    // On each worker a pair ping-pongs through the run-next slot; a task one
    // of them spawns onto its local queue must still get to run.
    let rt = Builder::new().workers(2).build();
    let joins: Vec<_> = (0..2)
        .map(|_| {
            rt.spawn(move || {
                let (a, b) = (Channel::<u32>::new(), Channel::<u32>::new());
                let (a2, b2) = (a.clone(), b.clone());
                weft_scheduler::spawn(move || {
                    while let Ok(v) = a2.recv() {
                        if b2.send(v).is_err() {
                            break;
                        }
                    }
                });
                let ran = Arc::new(std::sync::atomic::AtomicBool::new(false));
                let r = ran.clone();
                weft_scheduler::spawn_resumable(move |_: &mut Context<'_>| {
                    r.store(true, Ordering::SeqCst);
                    Step::Done
                });
                let mut rounds = 0u32;
                while !ran.load(Ordering::SeqCst) && rounds < 1_000_000 {
                    a.send(1).unwrap();
                    b.recv().unwrap();
                    rounds += 1;
                }
                a.close();
                b.close();
                ran.load(Ordering::SeqCst)
            })
        })
        .collect();
    for j in joins {
        assert!(
            j.join().unwrap(),
            "a spawned task starved behind a ping-pong pair"
        );
    }
}
