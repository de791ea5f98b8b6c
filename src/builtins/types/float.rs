//! `float` (in progress).
pub fn install() {}
