//! placeholder
pub(crate) struct BlockingPool;
impl BlockingPool {
    pub(crate) fn new(_n: usize) -> Self { BlockingPool }
    pub(crate) fn shutdown(&self) {}
}
