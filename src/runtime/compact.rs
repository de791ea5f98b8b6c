//! One worker: the scheduler task of a non-main tasklet is a `CompactBody`,
//! which keeps only the tasklet's frames while it is parked by the
//! Stackless model (`strict.rs`), not a whole `Vm`. On one worker only the
//! tasklet the model made current runs, so a parked tasklet's VM state
//! besides its frames is always the same (no pending wait but the model's
//! switch, no nested native call, no coroutine): a resume borrows this
//! thread's spare `Vm` box, loads the frames into it, runs the ordinary
//! `TaskletBody::resume`, and unloads them again. A million parked
//! tasklets then cost a 64-byte task each instead of a 112-byte one.
//! While few tasklets exist (`COMPACT_FROM`), a parked tasklet keeps its
//! boxed `Vm` instead, so a small ring of tasklets switches without the
//! loading and unloading.
//!
//! Invariants:
//! - `Frames(f)`: the tasklet is not started (`f` empty, no pending wait)
//!   or was parked by a switch of the model (`f` not empty, the pending
//!   wait is `Pending::Switched`); `core` holds its core.
//!   Or it is not started with its call bound into `f`'s only frame (the
//!   pending wait is `Pending::Fresh`), told from a switch by that frame's
//!   `ip` of 0: a frame that ran suspends after an instruction, so its `ip`
//!   is past it.
//! - `Vm(b)`: any other state; the `Vm` stays in its box, at one address,
//!   until it is compact again (a pending coroutine points into it), and
//!   `core` is `None` (the Vm's `tasklet` holds it).

use super::tasklet::{Pending, TaskletBody, TaskletCore};
use crate::pvm::{Frame, Runtime, Vm, PREEMPT_BUDGET};
use std::cell::Cell;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use weft_scheduler::{Context, Resumable, Step};

/// `Vm::frames`' own type: moved into and out of the Vm whole (no copy).
#[allow(clippy::vec_box)]
type Frames = Vec<Box<Frame>>;

pub struct CompactBody {
    state: Parked,
    core: Option<Arc<TaskletCore>>,
}

enum Parked {
    Frames(Frames),
    Vm(Box<TaskletBody>),
}

/// From this many live `CompactBody`s on, a parked tasklet keeps only its
/// frames.
const COMPACT_FROM: usize = 1024;

/// Live `CompactBody`s (a heuristic: Relaxed is enough).
static LIVE: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    /// This worker's spare `Vm` box (see the module header).
    static SPARE: Cell<Option<Box<TaskletBody>>> = const { Cell::new(None) };
}

impl CompactBody {
    /// The task body of a tasklet that has not started yet.
    pub fn new(core: Arc<TaskletCore>) -> CompactBody {
        LIVE.fetch_add(1, Ordering::Relaxed);
        // Room for the one frame most tasklets ever have.
        CompactBody { state: Parked::Frames(Vec::with_capacity(1)), core: Some(core) }
    }

    /// The task body of a tasklet whose call is bound into `frame`.
    pub fn fresh(core: Arc<TaskletCore>, frame: Box<Frame>) -> CompactBody {
        LIVE.fetch_add(1, Ordering::Relaxed);
        CompactBody { state: Parked::Frames(vec![frame]), core: Some(core) }
    }

    /// The Vm to run the tasklet in: its own box, or the spare one loaded
    /// with its frames.
    fn take_vm(&mut self, rt: &Arc<Runtime>) -> Box<TaskletBody> {
        match std::mem::replace(&mut self.state, Parked::Frames(Vec::new())) {
            Parked::Vm(b) => b,
            Parked::Frames(frames) => self.load_spare(rt, frames),
        }
    }

    fn load_spare(&mut self, rt: &Arc<Runtime>, frames: Frames) -> Box<TaskletBody> {
        let core = self.core.take().expect("a compact tasklet holds its core");
        let mut body = SPARE.with(|s| s.take()).unwrap_or_else(|| Box::new(TaskletBody { vm: Vm::new(rt.clone()) }));
        load(&mut body.vm, frames, core);
        body
    }

    /// Keeps the Vm after a resume that did not end the tasklet: just its
    /// frames when it is compact (the box goes back to the spare slot).
    fn keep_vm(&mut self, mut body: Box<TaskletBody>) {
        if LIVE.load(Ordering::Relaxed) < COMPACT_FROM || !compact(&body.vm) {
            self.state = Parked::Vm(body);
            return;
        }
        let (frames, core) = unload(&mut body.vm);
        self.state = Parked::Frames(frames);
        self.core = Some(core);
        SPARE.with(|s| s.set(Some(body)));
    }
}

/// Can the Vm be reduced to its frames (see the invariants)?
fn compact(vm: &Vm) -> bool {
    let plain = !vm.on_coroutine && vm.native_depth == 0 && !vm.reraising && vm.tasklet.is_some();
    let switched = match &vm.pending {
        None => vm.frames.is_empty(),
        Some(Pending::Switched) => vm.frames.first().is_some_and(|f| f.ip > 0 || vm.frames.len() > 1),
        Some(Pending::Fresh) => vm.frames.len() == 1 && vm.frames[0].ip == 0,
        Some(_) => false,
    };
    plain && switched
}

/// Makes a spare Vm the tasklet's. Every field is named (no `..`), so a
/// field added to `Vm` fails to compile here until it is reset too.
fn load(vm: &mut Vm, frames: Frames, core: Arc<TaskletCore>) {
    let Vm { rt: _, frames: f, native_depth, reraising, pending, tasklet, budget, preemptive, on_coroutine, coroutine_base } = vm;
    *pending = match frames.as_slice() {
        [] => None,
        [only] if only.ip == 0 => Some(Pending::Fresh),
        _ => Some(Pending::Switched),
    };
    *f = frames;
    *tasklet = Some(core);
    *native_depth = 0;
    *reraising = false;
    *budget = PREEMPT_BUDGET;
    *preemptive = false;
    *on_coroutine = false;
    *coroutine_base = 0;
}

/// Takes the tasklet's frames and core out of a compact Vm, leaving it
/// spare (no frames, no tasklet, nothing pending).
fn unload(vm: &mut Vm) -> (Frames, Arc<TaskletCore>) {
    vm.pending = None;
    let frames = std::mem::take(&mut vm.frames);
    let core = vm.tasklet.take().expect("compact() checked the tasklet");
    (frames, core)
}

impl Resumable for CompactBody {
    fn resume(&mut self, cx: &mut Context<'_>) -> Step {
        let Some(rt) = super::strict::runtime() else { return Step::Parked };
        let mut body = self.take_vm(rt);
        let step = body.resume(cx);
        if step == Step::Done {
            // The tasklet ended: `TaskletBody`'s drop breaks the cycle with
            // its Python object.
            drop(body);
            return Step::Done;
        }
        self.keep_vm(body);
        step
    }
}

impl Drop for CompactBody {
    /// Dropped unfinished (the program ends): break the cycle with the
    /// tasklet's Python object, as `TaskletBody`'s drop does.
    fn drop(&mut self) {
        LIVE.fetch_sub(1, Ordering::Relaxed);
        if let Some(core) = self.core.take() {
            let obj = core.state.lock().take_object();
            drop(obj);
        }
    }
}

// A million parked tasklets: header (32) + body fits mimalloc's 64-byte class.
#[cfg(target_pointer_width = "64")]
const _: () = assert!(std::mem::size_of::<CompactBody>() <= 32);
