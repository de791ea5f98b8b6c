//! Benchmarks (plain binary, `cargo bench --bench sched`): prints a table,
//! with ratios against Go when `go` is installed (sources in benches/go/).
//! Each figure is the median of a few runs. Not a test: nothing is asserted.

use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use weft_scheduler::{Builder, Channel, Context, Runtime, Step, TaskHandle};

#[path = "../examples/ring.rs"]
#[allow(dead_code)]
mod ring;
#[path = "../examples/skynet.rs"]
#[allow(dead_code)]
mod skynet;

const RUNS: usize = 5;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

fn time_it(f: impl Fn() -> Duration) -> f64 {
    median((0..RUNS).map(|_| f().as_secs_f64() * 1e9).collect())
}

/// ns per spawned-and-completed resumable task (spawned from inside a task).
fn spawn_complete(rt: &Runtime, n: usize) -> f64 {
    time_it(|| {
        // A leaked counter, like Go's WaitGroup: one shared atomic per task,
        // no refcount traffic.
        let done: &'static AtomicUsize = Box::leak(Box::new(AtomicUsize::new(0)));
        let d = done;
        let t0 = Instant::now();
        rt.block_on(move || {
            for _ in 0..n {
                weft_scheduler::spawn_resumable(move |_: &mut Context<'_>| {
                    d.fetch_add(1, Ordering::Relaxed);
                    Step::Done
                });
            }
        });
        rt.wait_all();
        assert_eq!(done.load(Ordering::Relaxed), n);
        t0.elapsed()
    }) / n as f64
}

/// ns per round trip between two green threads.
fn ping_pong(rt: &Runtime, n: u64) -> f64 {
    time_it(|| {
        rt.block_on(move || {
            let (ping, pong) = (Channel::<u64>::new(), Channel::<u64>::new());
            let (pi, po) = (ping.clone(), pong.clone());
            weft_scheduler::spawn(move || {
                while let Ok(v) = pi.recv() {
                    po.send(v + 1).unwrap();
                }
            });
            let t0 = Instant::now();
            for i in 0..n {
                ping.send(i).unwrap();
                assert_eq!(pong.recv().unwrap(), i + 1);
            }
            let el = t0.elapsed();
            ping.close();
            el
        })
    }) / n as f64
}

fn ring_ns(rt: &Runtime, n: u64, pref: i8) -> f64 {
    time_it(|| {
        let t0 = Instant::now();
        let w = rt.block_on(move || ring::ring(503, n, pref));
        assert_eq!(w as u64, n % 503 + 1);
        t0.elapsed()
    })
}

fn skynet_ns(rt: &Runtime) -> f64 {
    time_it(|| {
        let t0 = Instant::now();
        assert_eq!(skynet::skynet(rt, 1_000_000), 499_999_500_000);
        t0.elapsed()
    })
}

fn rss_bytes() -> usize {
    let s = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: usize = s
        .split_whitespace()
        .nth(1)
        .and_then(|x| x.parse().ok())
        .unwrap_or(0);
    pages * 4096
}

/// Bytes of RSS per parked resumable task (body: 8 bytes of user state),
/// including the 16-byte TaskHandle each is kept alive by.
fn parked_resumable(n: usize) -> f64 {
    let rt = Builder::new().workers(1).build();
    let mut handles: Vec<TaskHandle> = Vec::with_capacity(n);
    let before = rss_bytes();
    for i in 0..n {
        let state = i as u64;
        handles.push(rt.spawn_resumable(move |_: &mut Context<'_>| {
            std::hint::black_box(state);
            Step::Parked
        }));
    }
    while rt.handle().live_tasks() != n || handles.iter().take(1).any(|_| false) {
        std::thread::sleep(Duration::from_millis(1));
    }
    std::thread::sleep(Duration::from_millis(50));
    let per = (rss_bytes() - before) as f64 / n as f64;
    drop(rt);
    drop(handles);
    per
}

/// Bytes of RSS per green thread parked in `recv`.
fn parked_stackful(n: usize) -> f64 {
    let rt = Builder::new().workers(1).build();
    let ch = Channel::<u32>::new();
    // Warm the stack pool's allocator paths first.
    let before = rss_bytes();
    for _ in 0..n {
        let c = ch.clone();
        rt.spawn(move || c.recv());
    }
    while ch.balance() != -(n as isize) {
        std::thread::sleep(Duration::from_millis(5));
    }
    let per = (rss_bytes() - before) as f64 / n as f64;
    ch.close();
    rt.wait_all();
    per
}

/// Run a Go program from benches/go and return its `ns=` figure (median).
fn go(prog: &str, args: &[&str]) -> Option<f64> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/benches/go");
    let bin = std::env::temp_dir().join(format!("weft-bench-go-{prog}"));
    let ok = Command::new("go")
        .args(["build", "-o"])
        .arg(&bin)
        .arg(format!("{dir}/{prog}.go"))
        .status()
        .ok()?
        .success();
    if !ok {
        return None;
    }
    let runs: Vec<f64> = (0..RUNS)
        .filter_map(|_| {
            let out = Command::new(&bin).args(args).output().ok()?;
            let s = String::from_utf8_lossy(&out.stdout).to_string();
            s.lines()
                .find_map(|l| l.strip_prefix("ns="))
                .and_then(|x| x.trim().parse().ok())
        })
        .collect();
    (!runs.is_empty()).then(|| median(runs))
}

fn row(name: &str, ours: f64, unit: &str, go: Option<f64>, target: &str) {
    let ratio = go
        .map(|g| format!("{:.2}x", ours / g))
        .unwrap_or_else(|| "-".into());
    let g = go.map(|g| format!("{g:.1}")).unwrap_or_else(|| "-".into());
    println!("{name:<34} {ours:>14.1} {unit:<8} {g:>14} {ratio:>9}   {target}");
}

fn main() {
    let filter = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let want = |n: &str| filter.as_deref().is_none_or(|f| n.contains(f));
    let cpus = num_cpus::get();
    println!("weft-scheduler benchmarks ({cpus} CPUs, median of {RUNS}); ratio = weft / go (lower is better)");
    println!(
        "{:<34} {:>14} {:<8} {:>14} {:>9}   target",
        "benchmark", "weft", "unit", "go", "ratio"
    );
    let one = Builder::new().workers(1).build();
    let all = Builder::new().build();
    if want("spawn") {
        row(
            "spawn+complete (1 worker)",
            spawn_complete(&one, 1_000_000),
            "ns/task",
            None,
            "< 150 ns",
        );
        let g = go("spawn", &[]);
        row(
            "spawn+complete (all workers)",
            spawn_complete(&all, 1_000_000),
            "ns/task",
            g,
            "< 150 ns",
        );
    }
    if want("pingpong") {
        let g = go("pingpong", &["1000000"]);
        row(
            "channel ping-pong (1 worker)",
            ping_pong(&one, 1_000_000),
            "ns/rt",
            g,
            "",
        );
        row(
            "channel ping-pong (all workers)",
            ping_pong(&all, 1_000_000),
            "ns/rt",
            g,
            "",
        );
    }
    if want("ring") {
        let n = 10_000_000u64;
        let g = go("ring", &[&n.to_string()]);
        let r1 = ring_ns(&one, n, 1);
        row("ring 503x10M pref 1 (1 worker)", r1, "ns", g, "<= go");
        println!("{:<34} {:>14.0} hops/s", "  = ", n as f64 / (r1 / 1e9));
        row(
            "ring 503x10M pref 1 (all workers)",
            ring_ns(&all, n, 1),
            "ns",
            g,
            "<= go",
        );
        row(
            "ring 503x10M pref -1 (1 worker)",
            ring_ns(&one, n, -1),
            "ns",
            g,
            "",
        );
        row(
            "ring 503x10M pref -1 (all workers)",
            ring_ns(&all, n, -1),
            "ns",
            g,
            "",
        );
    }
    if want("skynet") {
        let g = go("skynet", &[]);
        row(
            "skynet 1M (resumable, 1 worker)",
            skynet_ns(&one),
            "ns",
            g,
            "<= go",
        );
        row(
            "skynet 1M (resumable, all workers)",
            skynet_ns(&all),
            "ns",
            g,
            "<= go",
        );
    }
    drop((one, all));
    if want("memory") {
        row(
            "parked resumable, 1M",
            parked_resumable(1_000_000),
            "B/task",
            None,
            "<= 256 B",
        );
        row(
            "parked green thread, 20k",
            parked_stackful(20_000),
            "B/task",
            None,
            "<= 8 KiB",
        );
    }
}
