//! `file` (in progress).
pub fn install() {}
