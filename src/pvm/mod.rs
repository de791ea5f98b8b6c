//! The Python virtual machine.
//!
//! A `Vm` executes one tasklet's chain of heap frames (`frames`). A
//! Python-to-Python call pushes a `Frame` and continues the same dispatch
//! loop (`interp.rs`); a return pops it, so native stack depth does not grow
//! with Python call depth. Native code that must call back into Python
//! (`vm.call`) runs a nested dispatch loop that stops when the frame it
//! pushed returns; `native_depth` bounds that nesting.
//!
//! The rest of this module is the "abstract object protocol" (attribute
//! access, operators, iteration, calls) used by opcodes and by native code.

pub mod attr;
pub mod call;
pub mod delfinal;
pub mod dunder;
pub mod class;
pub mod exc;
pub mod fast;
pub mod frame;
pub mod gen;
pub mod globalcache;
pub mod handlers;
pub mod import;
pub mod interp;
pub mod introspect;
pub mod iter;
pub mod numeric;
pub mod ops;
pub mod runtime;

pub use exc::PyErr;
pub use frame::Frame;
pub use gen::GenState;
pub use runtime::Runtime;

use crate::value::Value;
use std::sync::Arc;

pub type PyResult<T = Value> = Result<T, PyErr>;

/// Default `sys.getrecursionlimit()`: Python frames live on the heap, so
/// the limit only guards against runaway recursion eating memory.
pub const DEFAULT_RECURSION_LIMIT: usize = 4_000_000;
/// Nested dispatch loops (native code calling Python calling native...).
pub const MAX_NATIVE_DEPTH: u32 = 400;

pub struct Vm {
    pub rt: Arc<Runtime>,
    /// The heap frames of the running tasklet, innermost last.
    pub frames: Vec<Box<Frame>>,
    /// Number of nested `run_until` loops on the native stack.
    pub native_depth: u32,
    /// Set by `Reraise`: the next unwind adds no traceback entry for the
    /// current frame.
    pub reraising: bool,
    /// A switch requested by a native function (channel wait, schedule,
    /// sleep); set together with returning `PyErr::suspend()`.
    pub pending: Option<crate::runtime::Pending>,
    /// The tasklet this VM runs, if it runs on the scheduler.
    pub tasklet: Option<std::sync::Arc<crate::runtime::TaskletCore>>,
    /// Instructions left before a preemptive yield (several workers only);
    /// counted on calls and backward jumps.
    pub budget: i32,
    pub preemptive: bool,
    /// Running on a coroutine stack of the tasklet (a native call that may
    /// re-enter Python): waits block the coroutine instead of suspending.
    pub on_coroutine: bool,
    /// Frame depth when the pending coroutine call started.
    pub coroutine_base: u32,
}

/// Calls and backward jumps a tasklet runs before it is preempted.
pub const PREEMPT_BUDGET: i32 = 20_000;

// A million parked tasklets each own a `Vm` (inside their scheduler task):
// 80 bytes keeps the task in mimalloc's 112-byte class.
#[cfg(target_pointer_width = "64")]
const _: () = assert!(std::mem::size_of::<Vm>() <= 80);

impl Vm {
    /// True when a native function may suspend the tasklet (it was called
    /// directly from the tasklet's own dispatch loop, not from a nested one).
    pub fn can_suspend(&self) -> bool {
        self.tasklet.is_some() && self.native_depth == 1
    }

    pub fn new(rt: Arc<Runtime>) -> Vm {
        Vm { rt, frames: Vec::with_capacity(1), native_depth: 0, reraising: false, pending: None, tasklet: None, budget: PREEMPT_BUDGET, preemptive: false, on_coroutine: false, coroutine_base: 0 }
    }
}
