#![cfg(not(loom))]
//! Sockets park green threads; the blocking pool hands results back.

use std::io::Read;
use std::net::Shutdown;

use weft_scheduler::net::{TcpListener, TcpStream, UdpSocket};
use weft_scheduler::{run_blocking, Builder};

#[test]
fn tcp_echo_many_clients_on_one_worker() {
    let rt = Builder::new().workers(1).build();
    let total = rt.block_on(|| {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = l.local_addr().unwrap();
        const CLIENTS: usize = 20;
        let server = weft_scheduler::spawn(move || {
            for _ in 0..CLIENTS {
                let (s, _) = l.accept().unwrap();
                weft_scheduler::spawn(move || {
                    let mut buf = [0u8; 1024];
                    loop {
                        let n = s.read(&mut buf).unwrap();
                        if n == 0 {
                            break;
                        }
                        s.write_all(&buf[..n]).unwrap();
                    }
                });
            }
        });
        let clients: Vec<_> = (0..CLIENTS)
            .map(|i| {
                weft_scheduler::spawn(move || {
                    let s = TcpStream::connect(addr).unwrap();
                    let msg = vec![i as u8; 10_000];
                    s.write_all(&msg).unwrap();
                    s.shutdown(Shutdown::Write).unwrap();
                    let mut back = Vec::new();
                    (&s).read_to_end(&mut back).unwrap();
                    assert_eq!(back, msg);
                    back.len()
                })
            })
            .collect();
        let n: usize = clients.into_iter().map(|c| c.join().unwrap()).sum();
        server.join().unwrap();
        n
    });
    assert_eq!(total, 20 * 10_000);
}

#[test]
fn udp_round_trip() {
    let rt = Builder::new().workers(2).build();
    rt.block_on(|| {
        let a = UdpSocket::bind("127.0.0.1:0").unwrap();
        let b = UdpSocket::bind("127.0.0.1:0").unwrap();
        let (aa, ba) = (a.local_addr().unwrap(), b.local_addr().unwrap());
        let echo = weft_scheduler::spawn(move || {
            let mut buf = [0u8; 64];
            for _ in 0..10 {
                let (n, from) = b.recv_from(&mut buf).unwrap();
                b.send_to(&buf[..n], from).unwrap();
            }
        });
        let mut buf = [0u8; 64];
        for i in 0..10u8 {
            a.send_to(&[i, i + 1], ba).unwrap();
            let (n, from) = a.recv_from(&mut buf).unwrap();
            assert_eq!((&buf[..n], from), (&[i, i + 1][..], ba));
        }
        let _ = aa;
        echo.join().unwrap();
    });
}

#[test]
fn connect_refused_is_an_error() {
    let rt = Builder::new().workers(1).build();
    rt.block_on(|| {
        let port = {
            let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
            l.local_addr().unwrap()
        };
        assert!(TcpStream::connect(port).is_err());
    });
}

#[test]
fn blocking_pool_parks_only_the_green_thread() {
    let rt = Builder::new().workers(1).build();
    let (a, b) = rt.block_on(|| {
        let slow = weft_scheduler::spawn(|| {
            run_blocking(|| {
                std::thread::sleep(std::time::Duration::from_millis(50));
                std::fs::read_to_string("/proc/self/stat")
                    .map(|s| !s.is_empty())
                    .unwrap_or(false)
            })
        });
        // Runs meanwhile on the single worker.
        let fast = weft_scheduler::spawn(|| 1 + 1);
        let b = fast.join().unwrap();
        assert!(!slow.is_finished(), "the worker was blocked");
        (slow.join().unwrap(), b)
    });
    assert!(a);
    assert_eq!(b, 2);
}

/// The resumable-task path: try the operation, on WouldBlock register with
/// `poll_ready` and return Parked.
#[test]
fn resumable_task_reads_a_socket() {
    use std::io::ErrorKind::WouldBlock;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;
    use weft_scheduler::net::Direction;
    use weft_scheduler::{Context, Step, Wakeup};

    let rt = Builder::new().workers(2).build();
    let got = Arc::new(AtomicUsize::new(0));
    let g = got.clone();
    let addr = rt.block_on(move || {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = l.local_addr().unwrap();
        let mut conn: Option<TcpStream> = None;
        weft_scheduler::spawn_resumable(move |cx: &mut Context<'_>| loop {
            let me = Wakeup::from(cx.handle());
            let Some(s) = &conn else {
                match l.try_accept() {
                    Ok((s, _)) => conn = Some(s),
                    Err(e) if e.kind() == WouldBlock => {
                        if !l.poll_ready(Direction::Read, &me) {
                            return Step::Parked;
                        }
                    }
                    Err(e) => panic!("{e}"),
                }
                continue;
            };
            let mut buf = [0u8; 256];
            match s.try_read(&mut buf) {
                Ok(0) => return Step::Done,
                Ok(n) => {
                    g.fetch_add(n, Ordering::SeqCst);
                }
                Err(e) if e.kind() == WouldBlock => {
                    if !s.poll_ready(Direction::Read, &me) {
                        return Step::Parked;
                    }
                }
                Err(e) => panic!("{e}"),
            }
        });
        addr
    });
    rt.block_on(move || {
        let s = TcpStream::connect(addr).unwrap();
        for _ in 0..10 {
            s.write_all(&[7u8; 1000]).unwrap();
            weft_scheduler::sleep(std::time::Duration::from_millis(1));
        }
    });
    rt.wait_all();
    assert_eq!(got.load(Ordering::SeqCst), 10_000);
}
