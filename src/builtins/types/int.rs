//! `int` (in progress).
pub fn install() {}
