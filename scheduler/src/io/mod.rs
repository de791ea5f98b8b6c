//! I/O: one mio reactor thread per runtime (see `reactor.rs`).

pub(crate) mod reactor;
pub(crate) use reactor::Reactor;
