//! TCP echo server, one green thread per connection, exercised by loopback
//! clients (also green threads) so the example checks itself and exits.
//! Usage: echo [clients=100] [messages=1000] [workers=all]

use std::net::Shutdown;

use weft_scheduler::net::{TcpListener, TcpStream};
use weft_scheduler::Builder;

fn main() {
    let mut args = std::env::args().skip(1);
    let clients: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(100);
    let msgs: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(1000);
    let mut b = Builder::new();
    if let Some(w) = args.next().and_then(|a| a.parse().ok()) {
        b = b.workers(w);
    }
    let rt = b.build();
    let t0 = std::time::Instant::now();
    let echoed = rt.block_on(move || {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let addr = listener.local_addr().unwrap();
        println!("echo server on {addr}");
        weft_scheduler::spawn(move || serve(listener));
        let hs: Vec<_> = (0..clients)
            .map(|i| weft_scheduler::spawn(move || client(addr, i, msgs)))
            .collect();
        hs.into_iter().map(|h| h.join().unwrap()).sum::<usize>()
    });
    let el = t0.elapsed();
    println!(
        "{clients} clients echoed {echoed} messages in {el:?} ({:.0} msg/s)",
        echoed as f64 / el.as_secs_f64()
    );
}

fn serve(listener: TcpListener) {
    while let Ok((s, _)) = listener.accept() {
        weft_scheduler::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = s.read(&mut buf) {
                if n == 0 || s.write_all(&buf[..n]).is_err() {
                    break;
                }
            }
        });
    }
}

fn client(addr: std::net::SocketAddr, id: usize, msgs: usize) -> usize {
    let s = TcpStream::connect(addr).expect("connect");
    s.set_nodelay(true).unwrap();
    let msg = format!("hello from client {id:>6}\n");
    let mut buf = vec![0u8; msg.len()];
    for _ in 0..msgs {
        s.write_all(msg.as_bytes()).unwrap();
        let mut got = 0;
        while got < buf.len() {
            let n = s.read(&mut buf[got..]).unwrap();
            assert!(n > 0, "server closed early");
            got += n;
        }
        assert_eq!(buf, msg.as_bytes());
    }
    s.shutdown(Shutdown::Both).unwrap();
    msgs
}
