//! I/O: one mio reactor thread per runtime (`reactor.rs`) and sockets whose
//! operations park the calling green thread until ready (`net.rs`).

pub(crate) mod net;
pub(crate) mod reactor;
pub(crate) use reactor::Reactor;
