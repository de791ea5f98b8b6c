#![cfg(not(loom))]
//! Dropping a runtime joins every thread it started (workers, timer,
//! reactor, blocking pool), even with tasks still parked.

fn threads() -> usize {
    let s = std::fs::read_to_string("/proc/self/status").unwrap();
    s.lines()
        .find_map(|l| l.strip_prefix("Threads:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

#[test]
fn no_thread_left_behind() {
    let before = threads();
    for _ in 0..3 {
        let rt = weft_scheduler::Builder::new().workers(3).build();
        rt.block_on(|| {
            let l = weft_scheduler::net::TcpListener::bind("127.0.0.1:0").unwrap();
            weft_scheduler::run_blocking(|| 1);
            // A green thread parked forever in accept, one in a channel.
            weft_scheduler::spawn(move || l.accept().map(|_| ()));
            let ch = weft_scheduler::Channel::<u8>::new();
            weft_scheduler::spawn(move || ch.recv());
            weft_scheduler::sleep(std::time::Duration::from_millis(5));
        });
        assert!(threads() >= before + 3 + 1 + 1 + 4);
        drop(rt);
        assert_eq!(threads(), before);
    }
}
