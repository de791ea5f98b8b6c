//! placeholder
pub(crate) struct Reactor;
impl Reactor {
    pub(crate) fn start() -> std::io::Result<Reactor> { Ok(Reactor) }
    pub(crate) fn shutdown(&self) {}
}
