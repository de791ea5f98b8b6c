//! Non-blocking sockets that park the calling green thread (or OS thread)
//! until the reactor reports readiness. For resumable tasks, each socket has
//! `try_*` operations plus `poll_ready(dir, me)`: "ready now, or wake me".
//!
//! Invariant: an operation is retried only after a readiness bit was consumed
//! (see reactor.rs), so a parked socket costs no CPU.

use std::io::{self, Read, Write};
use std::net::{Shutdown, SocketAddr, ToSocketAddrs};
use std::sync::Arc;

use mio::event::Source;

use super::reactor::{IoState, Reactor, READ, WRITE};
use crate::wakeup::{block_until, Wakeup};

/// Which readiness to wait for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Readable (or accept-able, or closed).
    Read,
    /// Writable (or connected, or errored).
    Write,
}

impl Direction {
    fn bit(self) -> u8 {
        match self {
            Direction::Read => READ,
            Direction::Write => WRITE,
        }
    }
}

/// A mio source registered with the current runtime's reactor.
struct Registered<S: Source> {
    io: S,
    token: usize,
    state: Arc<IoState>,
    reactor: Arc<Reactor>,
}

impl<S: Source> Registered<S> {
    fn new(mut io: S) -> io::Result<Self> {
        let reactor = crate::Handle::try_current()
            .ok_or_else(|| {
                io::Error::other("weft-scheduler sockets need a runtime (use them from a task)")
            })?
            .0
            .reactor()
            .clone();
        let (token, state) = reactor.register(&mut io)?;
        Ok(Registered {
            io,
            token,
            state,
            reactor,
        })
    }

    /// Run `op` until it does not return `WouldBlock`, parking in between.
    fn io<R>(&self, dir: Direction, mut op: impl FnMut(&S) -> io::Result<R>) -> io::Result<R> {
        loop {
            match op(&self.io) {
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => {}
                r => return r,
            }
            block_until(|me| self.state.poll_ready(dir.bit(), me).then_some(()));
        }
    }

    fn poll_ready(&self, dir: Direction, me: &Wakeup) -> bool {
        self.state.poll_ready(dir.bit(), me)
    }
}

impl<S: Source> Drop for Registered<S> {
    fn drop(&mut self) {
        self.reactor.deregister(self.token, &mut self.io);
    }
}

fn first_addr(addr: impl ToSocketAddrs) -> io::Result<SocketAddr> {
    addr.to_socket_addrs()?
        .next()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "no address"))
}

/// A TCP listener whose `accept` parks the green thread.
pub struct TcpListener(Registered<mio::net::TcpListener>);

impl TcpListener {
    /// Bind (SO_REUSEADDR as std does) and listen.
    pub fn bind(addr: impl ToSocketAddrs) -> io::Result<TcpListener> {
        let l = mio::net::TcpListener::bind(first_addr(addr)?)?;
        Ok(TcpListener(Registered::new(l)?))
    }
    /// Wait for a connection.
    pub fn accept(&self) -> io::Result<(TcpStream, SocketAddr)> {
        let (s, a) = self.0.io(Direction::Read, |l| l.accept())?;
        Ok((TcpStream(Registered::new(s)?), a))
    }
    /// Accept without blocking (`WouldBlock` if none pending).
    pub fn try_accept(&self) -> io::Result<(TcpStream, SocketAddr)> {
        let (s, a) = self.0.io.accept()?;
        Ok((TcpStream(Registered::new(s)?), a))
    }
    /// Ready now (true), or `me` is woken when it may be.
    pub fn poll_ready(&self, dir: Direction, me: &Wakeup) -> bool {
        self.0.poll_ready(dir, me)
    }
    /// The bound address.
    pub fn local_addr(&self) -> io::Result<SocketAddr> {
        self.0.io.local_addr()
    }
}

/// A TCP stream whose reads and writes park the green thread.
pub struct TcpStream(Registered<mio::net::TcpStream>);

impl TcpStream {
    /// Connect, parking until the connection is established or fails.
    pub fn connect(addr: impl ToSocketAddrs) -> io::Result<TcpStream> {
        let s = TcpStream(Registered::new(mio::net::TcpStream::connect(first_addr(
            addr,
        )?)?)?);
        loop {
            block_until(|me| s.0.poll_ready(Direction::Write, me).then_some(()));
            if let Some(e) = s.0.io.take_error()? {
                return Err(e);
            }
            match s.0.io.peer_addr() {
                Ok(_) => return Ok(s),
                Err(e) if e.kind() == io::ErrorKind::NotConnected => continue,
                Err(e) => return Err(e),
            }
        }
    }
    /// Read some bytes (0 at end of stream).
    pub fn read(&self, buf: &mut [u8]) -> io::Result<usize> {
        self.0.io(Direction::Read, |mut s| s.read(buf))
    }
    /// Write some bytes.
    pub fn write(&self, buf: &[u8]) -> io::Result<usize> {
        self.0.io(Direction::Write, |mut s| s.write(buf))
    }
    /// Write all of `buf`.
    pub fn write_all(&self, mut buf: &[u8]) -> io::Result<()> {
        while !buf.is_empty() {
            match self.write(buf)? {
                0 => return Err(io::ErrorKind::WriteZero.into()),
                n => buf = &buf[n..],
            }
        }
        Ok(())
    }
    /// Read without blocking.
    pub fn try_read(&self, buf: &mut [u8]) -> io::Result<usize> {
        (&self.0.io).read(buf)
    }
    /// Write without blocking.
    pub fn try_write(&self, buf: &[u8]) -> io::Result<usize> {
        (&self.0.io).write(buf)
    }
    /// Ready now (true), or `me` is woken when it may be.
    pub fn poll_ready(&self, dir: Direction, me: &Wakeup) -> bool {
        self.0.poll_ready(dir, me)
    }
    /// Shut down reading, writing or both.
    pub fn shutdown(&self, how: Shutdown) -> io::Result<()> {
        self.0.io.shutdown(how)
    }
    /// The peer's address.
    pub fn peer_addr(&self) -> io::Result<SocketAddr> {
        self.0.io.peer_addr()
    }
    /// The local address.
    pub fn local_addr(&self) -> io::Result<SocketAddr> {
        self.0.io.local_addr()
    }
    /// Disable Nagle's algorithm.
    pub fn set_nodelay(&self, on: bool) -> io::Result<()> {
        self.0.io.set_nodelay(on)
    }
}

impl Read for &TcpStream {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        TcpStream::read(self, buf)
    }
}

impl Write for &TcpStream {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        TcpStream::write(self, buf)
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// A UDP socket whose sends and receives park the green thread.
pub struct UdpSocket(Registered<mio::net::UdpSocket>);

impl UdpSocket {
    /// Bind to `addr`.
    pub fn bind(addr: impl ToSocketAddrs) -> io::Result<UdpSocket> {
        Ok(UdpSocket(Registered::new(mio::net::UdpSocket::bind(
            first_addr(addr)?,
        )?)?))
    }
    /// Send a datagram to `addr`.
    pub fn send_to(&self, buf: &[u8], addr: SocketAddr) -> io::Result<usize> {
        self.0.io(Direction::Write, |s| s.send_to(buf, addr))
    }
    /// Receive a datagram.
    pub fn recv_from(&self, buf: &mut [u8]) -> io::Result<(usize, SocketAddr)> {
        self.0.io(Direction::Read, |s| s.recv_from(buf))
    }
    /// Set the default peer for `send`/`recv`.
    pub fn connect(&self, addr: SocketAddr) -> io::Result<()> {
        self.0.io.connect(addr)
    }
    /// Send to the connected peer.
    pub fn send(&self, buf: &[u8]) -> io::Result<usize> {
        self.0.io(Direction::Write, |s| s.send(buf))
    }
    /// Receive from the connected peer.
    pub fn recv(&self, buf: &mut [u8]) -> io::Result<usize> {
        self.0.io(Direction::Read, |s| s.recv(buf))
    }
    /// Ready now (true), or `me` is woken when it may be.
    pub fn poll_ready(&self, dir: Direction, me: &Wakeup) -> bool {
        self.0.poll_ready(dir, me)
    }
    /// The bound address.
    pub fn local_addr(&self) -> io::Result<SocketAddr> {
        self.0.io.local_addr()
    }
}
