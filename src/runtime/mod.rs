//! The glue between the PVM and `weft-scheduler`: a Python tasklet is a
//! resumable scheduler task whose state is a `Vm` (its heap frames), so a
//! parked tasklet costs only its heap state.
//!
//! A native function that must wait (channel operation, `schedule()`,
//! `sleep`) stores a `Pending` in the VM and returns `PyErr::suspend()`; the
//! dispatch loop returns without unwinding, the tasklet's `resume` returns
//! `Parked` or `Yielded`, and on the next resume the outcome is delivered
//! as the value of the call (or raised in the frame). Only calls made
//! directly by the tasklet's dispatch loop can suspend (`Vm::can_suspend`);
//! a wait inside a nested native callback raises RuntimeError for now.

pub mod channel;
pub mod compact;
pub mod hard;
pub mod lock;
pub mod threading;
pub mod main;
pub mod stackless;
pub mod strict;
pub mod tasklet;

pub use tasklet::{Pending, TaskletCore};
