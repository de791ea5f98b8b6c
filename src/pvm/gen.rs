//! Generators. A generator owns its suspended `Frame`; resuming moves the
//! frame onto the tasklet's frame stack (`FOR_ITER` does this inside the
//! dispatch loop, with no native recursion), and `YieldValue` moves it back.
//! Invariant: while `running` is true the frame is on some frame stack and
//! `frame` is `None`; a finished generator has `frame == None` and
//! `running == false`.

use super::exc::{internal_error, runtime_error, stop_iteration, type_error, value_error, PyErr};
use super::frame::{Frame, ReturnMode};
use super::interp::{Flow, RunOutcome};
use super::{PyResult, Vm};
use crate::bytecode::Op;
use crate::object::{Args, ObjRef, Payload};
use crate::value::Value;
use parking_lot::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

pub struct GenState {
    pub frame: Option<Box<Frame>>,
    pub running: bool,
    pub name: Arc<str>,
    pub qualname: Arc<str>,
    /// Made by calling an `async def` (its repr says "coroutine").
    pub coroutine: bool,
}

impl GenState {
    pub fn trace(&self, f: &mut dyn FnMut(&Value)) {
        if let Some(fr) = &self.frame {
            fr.trace(f)
        }
    }
    pub fn finished(&self) -> bool {
        self.frame.is_none() && !self.running
    }
}

/// A generator dropped while suspended inside a `try`/`with` still has to
/// run its `finally`/`__exit__` code, as CPython does when it collects the
/// generator. Values are dropped at arbitrary points (inside container
/// locks, in the middle of an instruction), so the frame is parked here and
/// the VM closes it at its next safe point (`run_generator_finalizers`).
static FINALIZE: Mutex<Vec<Box<Frame>>> = Mutex::new(Vec::new());
static FINALIZE_PENDING: AtomicBool = AtomicBool::new(false);

impl Drop for GenState {
    fn drop(&mut self) {
        let Some(frame) = self.frame.take() else { return };
        if self.running || frame.ip == 0 || frame.ext().blocks.is_empty() {
            return;
        }
        FINALIZE.lock().push(frame);
        FINALIZE_PENDING.store(true, Ordering::Release);
    }
}

pub enum GenResult {
    Yielded(Value),
    Returned(Value),
}

pub fn make_generator(frame: Frame) -> Value {
    let name = frame.code.name.clone();
    let qualname = frame.code.qualname.clone();
    let coroutine = frame.code.has_flag(crate::bytecode::flags::COROUTINE);
    Value::obj(Payload::Generator(Mutex::new(GenState { frame: Some(Box::new(frame)), running: false, name, qualname, coroutine })))
}

fn state(g: &ObjRef) -> Option<&Mutex<GenState>> {
    match &g.payload {
        Payload::Generator(s) => Some(s),
        _ => None,
    }
}

pub fn mark_finished(g: &ObjRef) {
    if let Some(s) = state(g) {
        let mut s = s.lock();
        s.running = false;
        s.frame = None;
    }
}

impl Vm {
    /// Closes the generators that were dropped while suspended in a
    /// `try`/`with` block (see `FINALIZE`). Called at safe points: a `for`
    /// loop left early, an exception handler entered, the end of the program.
    pub fn run_generator_finalizers(&mut self) {
        if super::delfinal::pending() {
            self.run_del_finalizers();
        }
        if !FINALIZE_PENDING.load(Ordering::Acquire) {
            return;
        }
        loop {
            let frame = {
                let mut q = FINALIZE.lock();
                match q.pop() {
                    Some(f) => f,
                    None => {
                        FINALIZE_PENDING.store(false, Ordering::Release);
                        return;
                    }
                }
            };
            let (name, qualname) = (frame.code.name.clone(), frame.code.qualname.clone());
            let coroutine = frame.code.has_flag(crate::bytecode::flags::COROUTINE);
            let st = GenState { frame: Some(frame), running: false, name, qualname, coroutine };
            let g = Value::obj(Payload::Generator(Mutex::new(st)));
            let Some(gref) = g.as_obj() else { continue };
            let gref = gref.clone();
            if let Err(e) = self.gen_close_ref(&gref) {
                if e.is_suspend() {
                    continue;
                }
                let msg = self.format_exception(&e.exc);
                eprintln!("Exception ignored in: <generator object {} at {:#x}>", gref_qualname(&gref), Arc::as_ptr(&gref) as usize);
                eprint!("{}", msg);
            }
        }
    }

    /// `generator.close()`.
    fn gen_close_ref(&mut self, g: &ObjRef) -> PyResult<()> {
        let started = state(g).and_then(|s| s.lock().frame.as_ref().map(|f| f.ip > 0));
        match started {
            None => return Ok(()),
            Some(false) => {
                mark_finished(g);
                return Ok(());
            }
            Some(true) => {}
        }
        let err = PyErr::with_args("GeneratorExit", vec![]);
        match self.gen_resume(g, Value::None, Some(err)) {
            Ok(GenResult::Yielded(_)) => Err(runtime_error("generator ignored GeneratorExit")),
            Ok(GenResult::Returned(_)) => Ok(()),
            Err(e) if e.matches("GeneratorExit") || e.matches("StopIteration") => Ok(()),
            Err(e) => Err(e),
        }
    }

    /// Takes the generator's frame out to run it; `None` if finished.
    fn gen_start(&mut self, g: &ObjRef, sent: Value, throwing: bool) -> PyResult<Option<Box<Frame>>> {
        let st = state(g).ok_or_else(|| internal_error("not a generator"))?;
        let mut s = st.lock();
        if s.running {
            return Err(value_error("generator already executing"));
        }
        let Some(mut frame) = s.frame.take() else { return Ok(None) };
        if frame.ip == 0 && !sent.is_none() && !throwing {
            s.frame = Some(frame);
            return Err(type_error("can't send non-None value to a just-started generator"));
        }
        s.running = true;
        if frame.ip > 0 && !throwing {
            frame.push(sent);
        }
        frame.generator = Some(g.clone());
        Ok(Some(frame))
    }

    /// Runs the generator until it yields or returns (native path).
    pub fn gen_resume(&mut self, g: &ObjRef, sent: Value, throw: Option<PyErr>) -> PyResult<GenResult> {
        if let Some(err) = &throw {
            if let Some(r) = self.gen_forward_throw(g, err)? {
                return Ok(r);
            }
        }
        let throwing = throw.is_some();
        let Some(frame) = self.gen_start(g, sent, throwing)? else {
            return match throw {
                Some(e) => Err(e),
                None => Ok(GenResult::Returned(Value::None)),
            };
        };
        let base = self.frames.len();
        if let Err(e) = self.push_frame(frame) {
            mark_finished(g);
            return Err(e);
        }
        Ok(match self.run_until(base, throw)? {
            RunOutcome::Return(v) => GenResult::Returned(v),
            RunOutcome::Yield(v) => GenResult::Yielded(v),
        })
    }

    /// A generator suspended in `yield from` forwards a thrown exception to
    /// its sub-generator first, as CPython does.
    fn gen_forward_throw(&mut self, g: &ObjRef, err: &PyErr) -> PyResult<Option<GenResult>> {
        let sub = {
            let st = state(g).ok_or_else(|| internal_error("not a generator"))?;
            let s = st.lock();
            match &s.frame {
                Some(f) if f.ip > 0 && f.code.instrs.get(f.ip).map(|i| i.op) == Some(Op::YieldFrom) => f.top().clone(),
                _ => return Ok(None),
            }
        };
        let Some(Payload::Generator(_)) = sub.payload() else { return Ok(None) };
        let sub_ref = sub.as_obj().unwrap().clone();
        match self.gen_resume(&sub_ref, Value::None, Some(err.clone())) {
            Ok(GenResult::Yielded(v)) => Ok(Some(GenResult::Yielded(v))),
            Ok(GenResult::Returned(r)) => {
                // The delegation finished: continue the outer generator with r
                // as the value of the `yield from` expression.
                self.gen_skip_yield_from(g)?;
                self.gen_resume(g, r, None).map(Some)
            }
            Err(e) if e.exc.is(&err.exc) => Ok(None),
            Err(e) => {
                self.gen_skip_yield_from(g)?;
                self.gen_resume(g, Value::None, Some(e)).map(Some)
            }
        }
    }

    /// Pops the sub-iterator of a suspended `yield from` and moves past
    /// the instruction; the next resume's sent value becomes its result.
    fn gen_skip_yield_from(&mut self, g: &ObjRef) -> PyResult<()> {
        let st = state(g).ok_or_else(|| internal_error("not a generator"))?;
        if let Some(f) = st.lock().frame.as_mut() {
            f.pop();
            f.ip += 1;
        }
        Ok(())
    }

    /// `YieldValue`: suspend the innermost (generator) frame.
    pub(super) fn generator_yield(&mut self, v: Value) -> PyResult<Flow> {
        let frame = self.frames.pop().ok_or_else(|| internal_error("yield without a frame"))?;
        let Some(g) = frame.generator.clone() else {
            return Err(internal_error("yield outside a generator frame"));
        };
        let st = state(&g).ok_or_else(|| internal_error("not a generator"))?;
        let mut s = st.lock();
        s.running = false;
        let mut frame = frame;
        // The suspended frame must not own its generator (a reference
        // cycle would keep both alive forever); `gen_start` sets it again.
        frame.generator = None;
        s.frame = Some(frame);
        drop(s);
        drop(g);
        Ok(Flow::Yield(v))
    }

    /// `ReturnValue` in a generator frame: it is finished.
    pub(super) fn generator_returned(&mut self, v: Value, frame: Box<Frame>) -> Flow {
        if let Some(g) = &frame.generator {
            mark_finished(g);
        }
        Flow::Return(v, ReturnMode::Normal, true)
    }

    /// `ForIter` on a generator: resume it on this frame stack.
    pub(super) fn for_iter_generator(&mut self, g: &ObjRef, target: u32) -> PyResult<()> {
        match self.gen_start(g, Value::None, false)? {
            Some(frame) => self.push_frame(frame),
            None => {
                let f = self.frames.last_mut().ok_or_else(|| internal_error("no frame"))?;
                f.pop();
                f.ip = target as usize;
                Ok(())
            }
        }
    }

    /// `YieldFrom`: delegate one step to the sub-iterator.
    pub(super) fn op_yield_from(&mut self) -> PyResult<Flow> {
        let frame = self.frames.last_mut().ok_or_else(|| internal_error("no frame"))?;
        let sent = frame.pop();
        let sub = frame.top().clone();
        let step = match sub.payload() {
            Some(Payload::Generator(_)) => self.gen_resume(sub.as_obj().unwrap(), sent, None)?,
            _ => self.iter_send(&sub, sent)?,
        };
        match step {
            GenResult::Yielded(v) => {
                let frame = self.frames.last_mut().ok_or_else(|| internal_error("no frame"))?;
                frame.ip -= 1;
                self.generator_yield(v)
            }
            GenResult::Returned(r) => {
                let frame = self.frames.last_mut().ok_or_else(|| internal_error("no frame"))?;
                frame.pop();
                frame.push(r);
                Ok(Flow::Continue)
            }
        }
    }

    /// One step of a non-generator iterator under `yield from`.
    fn iter_send(&mut self, it: &Value, sent: Value) -> PyResult<GenResult> {
        let r = if sent.is_none() { self.call_special(it, "__next__", vec![]) } else { self.call_method(it, "send", vec![sent]).map(Some) };
        let r = match r {
            Ok(Some(v)) => return Ok(GenResult::Yielded(v)),
            Ok(None) => match self.next(it)? {
                Some(v) => return Ok(GenResult::Yielded(v)),
                None => return Ok(GenResult::Returned(Value::None)),
            },
            Err(e) => e,
        };
        if r.matches("StopIteration") {
            let args = super::exc::exc_args(&r.exc);
            return Ok(GenResult::Returned(args.into_iter().next().unwrap_or(Value::None)));
        }
        Err(r)
    }
}

fn gen_arg(args: &Args) -> PyResult<ObjRef> {
    match args.pos.first() {
        Some(Value::Obj(o)) if matches!(o.payload, Payload::Generator(_)) => Ok(o.clone()),
        _ => Err(type_error("descriptor requires a 'generator' object")),
    }
}

fn gen_next(vm: &mut Vm, args: Args) -> PyResult {
    let g = gen_arg(&args)?;
    match vm.gen_resume(&g, Value::None, None)? {
        GenResult::Yielded(v) => Ok(v),
        GenResult::Returned(v) => Err(stop_iteration(v)),
    }
}

fn gen_send(vm: &mut Vm, args: Args) -> PyResult {
    let g = gen_arg(&args)?;
    let v = args.pos.get(1).cloned().unwrap_or(Value::None);
    match vm.gen_resume(&g, v, None)? {
        GenResult::Yielded(v) => Ok(v),
        GenResult::Returned(v) => Err(stop_iteration(v)),
    }
}

fn gen_throw(vm: &mut Vm, args: Args) -> PyResult {
    let g = gen_arg(&args)?;
    let exc = args.pos.get(1).cloned().unwrap_or(Value::None);
    let mut err = vm.make_raisable(exc)?;
    if let Some(val) = args.pos.get(2) {
        if !val.is_none() && super::exc::exc_data(val).is_some() {
            err = PyErr::from_value(val.clone());
        } else if !val.is_none() {
            let t = args.pos[1].clone();
            err = PyErr::from_value(vm.call1(&t, val.clone())?);
        }
    }
    match vm.gen_resume(&g, Value::None, Some(err))? {
        GenResult::Yielded(v) => Ok(v),
        GenResult::Returned(v) => Err(stop_iteration(v)),
    }
}

fn gen_close(vm: &mut Vm, args: Args) -> PyResult {
    let g = gen_arg(&args)?;
    vm.gen_close_ref(&g)?;
    Ok(Value::None)
}

fn gref_qualname(g: &ObjRef) -> String {
    state(g).map(|s| s.lock().qualname.to_string()).unwrap_or_default()
}

fn gen_iter(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(args.pos.first().cloned().unwrap_or(Value::None))
}

/// Installs the generator type's methods.
pub fn install() {
    let t = &crate::object::types::types().generator;
    let add = crate::pvm::class::add_native;
    add(t, "__next__", "generator.__next__", gen_next);
    add(t, "send", "generator.send", gen_send);
    add(t, "throw", "generator.throw", gen_throw);
    add(t, "close", "generator.close", gen_close);
    add(t, "__iter__", "generator.__iter__", gen_iter);
    // an `async def` call is a generator; `await` drives it through this
    add(t, "__await__", "generator.__await__", gen_iter);
    crate::builtins::add_getset(t, "__name__", gen_name, None);
    crate::builtins::add_getset(t, "__qualname__", gen_qualname, None);
    crate::builtins::add_getset(t, "gi_running", gen_running, None);
}

fn gen_name(_vm: &mut Vm, args: Args) -> PyResult {
    let g = gen_arg(&args)?;
    Ok(state(&g).map(|s| Value::str(&s.lock().name)).unwrap_or(Value::None))
}

fn gen_qualname(_vm: &mut Vm, args: Args) -> PyResult {
    let g = gen_arg(&args)?;
    Ok(Value::str(&gref_qualname(&g)))
}

fn gen_running(_vm: &mut Vm, args: Args) -> PyResult {
    let g = gen_arg(&args)?;
    Ok(Value::bool(state(&g).map(|s| s.lock().running).unwrap_or(false)))
}
