#![cfg(not(loom))]
//! An idle runtime parks its threads: it burns (almost) no CPU.

fn cpu_ticks() -> u64 {
    let s = std::fs::read_to_string("/proc/self/stat").unwrap();
    // Fields after the parenthesized command: utime is the 12th, stime 13th.
    let rest = &s[s.rfind(')').unwrap() + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    f[11].parse::<u64>().unwrap() + f[12].parse::<u64>().unwrap()
}

#[test]
fn idle_runtime_uses_no_cpu() {
    let rt = weft_scheduler::Builder::new().workers(2).build();
    assert_eq!(rt.block_on(|| 1), 1); // start everything, incl. timers
    std::thread::sleep(std::time::Duration::from_millis(50));
    let before = cpu_ticks();
    std::thread::sleep(std::time::Duration::from_millis(500));
    let used = cpu_ticks() - before; // clock ticks, usually 10 ms each
    assert!(used <= 5, "idle runtime used {used} ticks of CPU in 500 ms");
}
