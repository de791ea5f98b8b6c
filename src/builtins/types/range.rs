//! `range` (in progress).
pub fn install() {}
