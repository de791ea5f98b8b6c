//! Thread ring: 503 green threads in a ring of rendezvous channels pass a
//! token N times; the thread holding it at zero prints its id (1-based).
//! Channels use preference 1 (the sender runs on, as in Go); pass -1 for
//! Stackless's default (the receiver runs at once, the sender is requeued).
//! Usage: ring [N=1000000] [workers=1] [preference=1]

use weft_scheduler::{Builder, Channel};

fn main() {
    let mut args = std::env::args().skip(1);
    let n: u64 = args
        .next()
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let workers: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(1);
    let pref: i8 = args.next().and_then(|a| a.parse().ok()).unwrap_or(1);
    let rt = Builder::new().workers(workers).build();
    let t0 = std::time::Instant::now();
    let winner = rt.block_on(move || ring(503, n, pref));
    println!("{winner}");
    eprintln!("ring: {n} hops in {:?}", t0.elapsed());
}

/// Returns the id of the thread holding the token when it reaches zero.
pub fn ring(threads: usize, n: u64, preference: i8) -> usize {
    let chans: Vec<Channel<u64>> = (0..threads).map(|_| Channel::new()).collect();
    chans.iter().for_each(|c| c.set_preference(preference));
    let result = Channel::<usize>::with_capacity(1);
    for id in 0..threads {
        let input = chans[id].clone();
        let output = chans[(id + 1) % threads].clone();
        let (all, result) = (chans.clone(), result.clone());
        weft_scheduler::spawn(move || {
            while let Ok(token) = input.recv() {
                if token == 0 {
                    let _ = result.try_send(id + 1);
                    all.iter().for_each(Channel::close);
                    return;
                }
                if output.send(token - 1).is_err() {
                    return;
                }
            }
        });
    }
    chans[0].send(n).unwrap();
    result.recv().unwrap()
}
