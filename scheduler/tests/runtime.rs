#![cfg(not(loom))]
//! Runtime, resumable tasks, green threads, panics, shutdown.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use weft_scheduler::{Builder, CoStep, Context, Coroutine, Resumable, Runtime, Step, TaskHandle};

struct CountDown {
    left: usize,
    hits: Arc<AtomicUsize>,
}

impl Resumable for CountDown {
    fn resume(&mut self, _cx: &mut Context<'_>) -> Step {
        self.hits.fetch_add(1, Ordering::Relaxed);
        if self.left == 0 {
            return Step::Done;
        }
        self.left -= 1;
        Step::Yielded
    }
}

#[test]
fn resumable_tasks_run_to_completion() {
    let rt = Builder::new().workers(2).build();
    let hits = Arc::new(AtomicUsize::new(0));
    for _ in 0..100 {
        rt.spawn_resumable(CountDown {
            left: 9,
            hits: hits.clone(),
        });
    }
    rt.wait_all();
    assert_eq!(hits.load(Ordering::Relaxed), 1000);
    assert_eq!(rt.live_tasks(), 0);
}

#[test]
fn one_worker_is_fifo() {
    let rt = Builder::new().workers(1).build();
    let log = Arc::new(Mutex::new(Vec::new()));
    let l = log.clone();
    rt.block_on(move || {
        for i in 0..3 {
            let l = l.clone();
            let mut n = 0;
            weft_scheduler::spawn_resumable(move |_: &mut Context<'_>| {
                l.lock().unwrap().push((i, n));
                n += 1;
                if n == 3 {
                    Step::Done
                } else {
                    Step::Yielded
                }
            });
        }
    });
    rt.wait_all();
    let got = log.lock().unwrap().clone();
    let want: Vec<_> = (0..3).flat_map(|n| (0..3).map(move |i| (i, n))).collect();
    assert_eq!(got, want);
}

/// Parks until woken `wakes` times; counts its resumes.
struct Sleeper {
    resumes: Arc<AtomicUsize>,
    handle_out: Arc<Mutex<Option<TaskHandle>>>,
}

impl Resumable for Sleeper {
    fn resume(&mut self, cx: &mut Context<'_>) -> Step {
        let n = self.resumes.fetch_add(1, Ordering::SeqCst);
        if n == 0 {
            *self.handle_out.lock().unwrap() = Some(cx.handle());
            return Step::Parked;
        }
        Step::Done
    }
}

#[test]
fn unpark_from_plain_thread() {
    let rt = Builder::new().workers(2).build();
    let resumes = Arc::new(AtomicUsize::new(0));
    let out = Arc::new(Mutex::new(None));
    let h = rt.spawn_resumable(Sleeper {
        resumes: resumes.clone(),
        handle_out: out.clone(),
    });
    while out.lock().unwrap().is_none() {
        std::thread::sleep(Duration::from_millis(1));
    }
    std::thread::sleep(Duration::from_millis(20));
    assert_eq!(
        resumes.load(Ordering::SeqCst),
        1,
        "parked task ran without a wake"
    );
    std::thread::spawn(move || h.unpark()).join().unwrap();
    rt.wait_all();
    assert_eq!(resumes.load(Ordering::SeqCst), 2);
}

#[test]
fn wake_before_park_is_not_lost() {
    // The task wakes itself, then returns Parked: it must run again.
    let rt = Builder::new().workers(2).build();
    let runs = Arc::new(AtomicUsize::new(0));
    let r = runs.clone();
    rt.spawn_resumable(move |cx: &mut Context<'_>| {
        if r.fetch_add(1, Ordering::SeqCst) < 1000 {
            cx.handle().unpark();
            Step::Parked
        } else {
            Step::Done
        }
    });
    rt.wait_all();
    assert_eq!(runs.load(Ordering::SeqCst), 1001);
}

#[test]
fn green_threads_join_and_block_on() {
    let rt = Runtime::new();
    let v = rt.block_on(|| {
        let hs: Vec<_> = (0..50u64)
            .map(|i| weft_scheduler::spawn(move || i * i))
            .collect();
        hs.into_iter().map(|h| h.join().unwrap()).sum::<u64>()
    });
    assert_eq!(v, (0..50u64).map(|i| i * i).sum::<u64>());
}

#[test]
fn panics_are_caught_and_reported() {
    let rt = Builder::new().workers(2).build();
    let j = rt.spawn(|| -> u32 { panic!("boom in green thread") });
    assert!(j.join().is_err());
    rt.spawn_resumable(|_: &mut Context<'_>| -> Step { panic!("boom in resumable") });
    rt.wait_all();
    assert_eq!(rt.panic_count(), 1);
    // The runtime still works.
    assert_eq!(rt.block_on(|| 7), 7);
}

#[test]
fn shutdown_with_parked_tasks_joins_threads() {
    let rt = Builder::new().workers(2).build();
    for _ in 0..10 {
        rt.spawn_resumable(|_: &mut Context<'_>| Step::Parked);
    }
    let ch = weft_scheduler::Channel::<u32>::new();
    let c = ch.clone();
    rt.spawn(move || c.recv());
    std::thread::sleep(Duration::from_millis(10));
    drop(rt); // must return
}

#[test]
fn coroutine_inside_resumable_can_park() {
    // A resumable that runs "native code" on a coroutine; the code blocks on
    // a channel and is resumed after a green thread sends.
    let rt = Builder::new().workers(2).build();
    let ch = weft_scheduler::Channel::<u32>::new();
    let got = Arc::new(AtomicUsize::new(0));
    let (c, g) = (ch.clone(), got.clone());
    let mut co = Some(Coroutine::new(move || c.recv().unwrap() + 1));
    rt.spawn_resumable(
        move |_: &mut Context<'_>| match co.as_mut().unwrap().resume() {
            CoStep::Yielded => Step::Yielded,
            CoStep::Parked => Step::Parked,
            CoStep::Done(r) => {
                g.store(r.unwrap() as usize, Ordering::SeqCst);
                Step::Done
            }
        },
    );
    rt.spawn(move || ch.send(41).unwrap());
    rt.wait_all();
    assert_eq!(got.load(Ordering::SeqCst), 42);
}

#[test]
fn sleep_parks_green_thread_not_worker() {
    let rt = Builder::new().workers(1).build();
    let t0 = std::time::Instant::now();
    let hs: Vec<_> = (0..20)
        .map(|_| rt.spawn(|| weft_scheduler::sleep(Duration::from_millis(50))))
        .collect();
    for h in hs {
        h.join().unwrap();
    }
    let el = t0.elapsed();
    assert!(el >= Duration::from_millis(50));
    // 20 sleeps on one worker overlap: far less than 20 * 50 ms.
    assert!(el < Duration::from_millis(500), "sleeps serialized: {el:?}");
}

#[test]
fn worker_stack_size_is_configurable() {
    // Deep native recursion in a resumable task needs a big worker stack.
    fn depth(n: u64) -> u64 {
        let pad = std::hint::black_box([n; 64]); // 512 B per frame
        if n == 0 {
            0
        } else {
            1 + depth(n - 1) + (pad[63] ^ n) // pad[63] == n: keeps the frame alive
        }
    }
    let rt = Builder::new().workers(1).stack_size(64 << 20).build();
    let got = Arc::new(AtomicUsize::new(0));
    let g = got.clone();
    rt.spawn_resumable(move |_: &mut Context<'_>| {
        g.store(depth(20_000) as usize, Ordering::SeqCst); // ~10 MB of stack
        Step::Done
    });
    rt.wait_all();
    assert_eq!(got.load(Ordering::SeqCst), 20_000);
}

#[test]
fn runtime_dropped_from_its_own_task_does_not_deadlock() {
    let rt = Builder::new().workers(2).blocking_threads(1).build();
    let h = rt.handle().clone();
    let (tx, rx) = std::sync::mpsc::channel();
    h.spawn(move || {
        drop(rt);
        tx.send(()).unwrap();
    });
    rx.recv_timeout(Duration::from_secs(10))
        .expect("drop from inside a task hung");
}

#[test]
fn spawn_parked_runs_only_after_unpark() {
    let rt = Builder::new().workers(2).build();
    let hits = Arc::new(AtomicUsize::new(0));
    let h = rt.handle().spawn_resumable_parked(CountDown { left: 2, hits: hits.clone() });
    std::thread::sleep(Duration::from_millis(50));
    assert_eq!(hits.load(Ordering::Relaxed), 0, "a parked spawn must not run before its unpark");
    assert!(!h.is_done());
    h.unpark();
    rt.wait_all();
    assert_eq!(hits.load(Ordering::Relaxed), 3);
    assert!(h.is_done());
}
