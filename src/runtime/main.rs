//! Running a program's main module as the main tasklet on the scheduler,
//! and the main tasklet's special duties: it receives the uncaught
//! exceptions of other tasklets, and its end ends the program.

use super::tasklet::{sched, Life, TaskletBody, TaskletCore};
use crate::bytecode::CodeObject;
use crate::pvm::exc::{runtime_error, PyErr};
use crate::pvm::frame::Frame;
use crate::pvm::{Runtime, Vm};
use crate::value::Value;
use std::sync::atomic::Ordering;
use std::sync::{mpsc, Arc, Mutex, OnceLock};

static MAIN_DONE: OnceLock<Mutex<mpsc::Sender<Result<(), PyErr>>>> = OnceLock::new();

/// Number of workers: `--workers` / `WEFT_WORKERS`, default all cores.
pub fn worker_count() -> usize {
    std::env::var("WEFT_WORKERS").ok().and_then(|v| v.parse().ok()).filter(|n| *n > 0).unwrap_or_else(num_cpus_get)
}

fn num_cpus_get() -> usize {
    std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)
}

/// Runs `code` as module `module` in the main tasklet; returns how it ended.
pub fn run_main_tasklet(rt: Arc<Runtime>, code: Arc<CodeObject>, module: Value) -> Result<(), PyErr> {
    let workers = worker_count();
    sched().preemptive.store(workers > 1, Ordering::Relaxed);
    let runtime = weft_scheduler::Builder::new().workers(workers).stack_size(256 << 20).build();
    let (tx, rx) = mpsc::channel();
    let _ = MAIN_DONE.set(Mutex::new(tx));
    let globals = crate::pvm::import::module_dict(&module).expect("module dict");
    if let crate::object::Payload::Dict(d) = &globals.payload {
        if d.lock().get_str("__builtins__").is_none() {
            d.lock().set_str(Value::str("__builtins__"), rt.builtins_module.clone());
        }
    }
    let core = TaskletCore::new(Value::None, true);
    *sched().main.lock() = Some(core.clone());
    if super::strict::enabled() {
        super::strict::init_main(&core);
    }
    let mut vm = Vm::new(rt);
    vm.tasklet = Some(core.clone());
    vm.preemptive = workers > 1;
    vm.frames.push(Box::new(Frame::new(code, globals.clone(), Some(Value::Obj(globals)))));
    let body = TaskletBody { vm };
    let h = runtime.spawn_resumable(body);
    core.state.lock().handle = Some(h);
    let result = rx.recv().unwrap_or(Ok(()));
    // Other tasklets may still be parked: the program ends with main, as in
    // Stackless; the runtime's threads die with the process.
    std::mem::forget(runtime);
    result
}

/// Ends the program with `result` (main's end, or `SystemExit` raised in
/// any tasklet).
pub fn end_program(result: Result<(), PyErr>) {
    ENDING.store(true, Ordering::Relaxed);
    if let Some(tx) = MAIN_DONE.get() {
        let _ = tx.lock().map(|t| t.send(result));
    }
}

pub fn main_core() -> Option<Arc<TaskletCore>> {
    sched().main.lock().clone()
}

/// A tasklet ended with an uncaught exception: main's ends the program;
/// another's is raised in main (Stackless) at main's next switch point.
pub fn tasklet_failed(core: &Arc<TaskletCore>, err: PyErr) {
    if core.is_main() {
        if let Some(tx) = MAIN_DONE.get() {
            let _ = tx.lock().map(|t| t.send(Err(err)));
        }
        return;
    }
    if let Some(handler) = super::stackless::error_handler() {
        let _ = handler;
        super::stackless::call_error_handler_later(err);
        return;
    }
    match main_core() {
        Some(main) => main.throw_in(err),
        None => crate::pvm::runtime::stderr_write("weft: uncaught exception in a tasklet with no main tasklet\n"),
    }
}

/// A tasklet ended: main's end ends the program; when the last runnable
/// tasklet ends while main is blocked on a channel, main gets Stackless's
/// deadlock error.
/// Set when main has ended: the program is over, and no other tasklet may
/// run on (Stackless ends the process with main).
static ENDING: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

pub fn program_ending() -> bool {
    // Relaxed: a tasklet that misses the flag once runs one more step
    // before the process exits, which is harmless.
    ENDING.load(Ordering::Relaxed)
}

pub fn tasklet_finished(core: &Arc<TaskletCore>) {
    if core.is_main() {
        ENDING.store(true, Ordering::Relaxed);
        if let Some(tx) = MAIN_DONE.get() {
            let _ = tx.lock().map(|t| t.send(Ok(())));
        }
        return;
    }
    if sched().runnable() > 0 {
        return;
    }
    let Some(main) = main_core() else { return };
    let kind = {
        let s = main.state.lock();
        if !s.blocked || s.life == Life::Dead {
            return;
        }
        s.rare().tempval.clone()
    };
    let _ = kind;
    let msg = match main_wait_kind() {
        WaitKind::Send => "the main tasklet is sending without a receiver available.",
        _ => "the main tasklet is receiving without a sender available.",
    };
    main.throw_in(runtime_error(msg));
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum WaitKind {
    None,
    Recv,
    Send,
}

static MAIN_WAIT: Mutex<WaitKind> = Mutex::new(WaitKind::None);

pub fn set_main_wait_kind(k: WaitKind) {
    if let Ok(mut w) = MAIN_WAIT.lock() {
        *w = k;
    }
}
fn main_wait_kind() -> WaitKind {
    MAIN_WAIT.lock().map(|w| *w).unwrap_or(WaitKind::None)
}

/// Raised in main by the next switch when another tasklet failed.
pub fn take_main_error() -> Option<PyErr> {
    sched().main_error.lock().take()
}
