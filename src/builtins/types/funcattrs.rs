//! `funcattrs` (in progress).
pub fn install() {}
