//! The dispatch loop: fetch an instruction of the innermost frame, run its
//! handler, and unwind on exceptions. Calls push frames and returns pop
//! them inside this one loop; `run_until(base)` stops when the frame stack
//! drops back to `base` frames (the nested entry used by native code).

use super::call::Callee;
use super::exc::{internal_error, runtime_error, PyErr};
use super::frame::{Frame, ReturnMode};
use super::{PyResult, Vm};
use crate::bytecode::{BinOp, CmpOp, Op};
use crate::object::{Args, ObjRef, Payload, TbEntry};
use crate::value::Value;

/// How a nested run ended.
pub enum RunOutcome {
    Return(Value),
    Yield(Value),
}

/// What a handler asks the loop to do next.
pub enum Flow {
    Continue,
    /// The innermost frame returned this value (already popped).
    Return(Value, ReturnMode, bool),
    /// The innermost (generator) frame yielded this value (already popped
    /// and stored back in its generator).
    Yield(Value),
}

macro_rules! frame {
    ($vm:expr) => {
        match $vm.frames.last_mut() {
            Some(f) => f,
            None => return Err(internal_error("no frame")),
        }
    };
}

/// The most arguments (receiver included) a `FastFn` call takes.
const MAX_FAST_ARGS: usize = 4;

impl Vm {
    /// Pushes `frame` and runs it to completion, returning its value.
    pub fn run_frame(&mut self, frame: Box<Frame>) -> PyResult {
        let base = self.frames.len();
        self.push_frame(frame)?;
        match self.run_until(base, None)? {
            RunOutcome::Return(v) => Ok(v),
            RunOutcome::Yield(_) => Err(internal_error("yield reached a non-generator boundary")),
        }
    }

    pub fn push_frame(&mut self, frame: Box<Frame>) -> PyResult<()> {
        if self.frames.len() >= self.rt.recursion_limit() {
            return Err(PyErr::new("RecursionError", "maximum recursion depth exceeded"));
        }
        self.frames.push(frame);
        Ok(())
    }

    /// Runs the frame stack until it drops back to `base` frames. With
    /// `pending`, first raises that exception in the innermost frame.
    pub fn run_until(&mut self, base: usize, pending: Option<PyErr>) -> PyResult<RunOutcome> {
        if self.native_depth >= super::MAX_NATIVE_DEPTH {
            self.truncate_frames(base);
            return Err(PyErr::new("RecursionError", "maximum recursion depth exceeded (nested native calls)"));
        }
        self.native_depth += 1;
        let r = self.run_loop(base, pending);
        self.native_depth -= 1;
        r
    }

    fn truncate_frames(&mut self, base: usize) {
        while self.frames.len() > base {
            let f = self.frames.pop().unwrap();
            self.abandon_frame(f);
        }
    }

    fn run_loop(&mut self, base: usize, mut pending: Option<PyErr>) -> PyResult<RunOutcome> {
        loop {
            let result = match pending.take() {
                Some(e) => Err(e),
                None => self.step(base),
            };
            let flow = match result {
                Ok(Flow::Continue) => continue,
                Ok(flow) => flow,
                Err(err) if err.is_suspend() => return Err(err),
                Err(err) => match self.unwind(err, base) {
                    Ok(()) => continue,
                    Err(err) => return Err(err),
                },
            };
            match flow {
                Flow::Return(v, ret, is_gen) => {
                    if self.frames.len() == base {
                        return Ok(RunOutcome::Return(self.finish_return(v, ret)?));
                    }
                    if let Err(e) = self.deliver_return(v, ret, is_gen) {
                        pending = Some(e);
                    }
                }
                Flow::Yield(v) => {
                    if self.frames.len() == base {
                        return Ok(RunOutcome::Yield(v));
                    }
                    frame!(self).push(v);
                }
                Flow::Continue => {}
            }
        }
    }

    /// Applies the frame's return mode (e.g. `__init__` must return None).
    fn finish_return(&mut self, v: Value, ret: ReturnMode) -> PyResult {
        match ret {
            ReturnMode::BinaryFallback(ops) => {
                let (a, b, arg) = *ops;
                self.binary_fallback(v, a, b, arg)
            }
            ReturnMode::Init(instance) => {
                if !v.is_none() {
                    return Err(super::exc::type_error(format!(
                        "__init__() should return None, not '{}'",
                        crate::object::types::type_data(crate::object::types::type_of(&v)).name.lock()
                    )));
                }
                Ok(instance)
            }
            _ => Ok(v),
        }
    }

    /// Hands a returned value to the calling frame.
    fn deliver_return(&mut self, v: Value, ret: ReturnMode, is_gen: bool) -> PyResult<()> {
        if is_gen {
            // A generator resumed by FOR_ITER finished: end the loop.
            let caller = frame!(self);
            caller.pop(); // the iterator
            let target = caller.code.instrs[caller.ip - 1].arg as usize;
            caller.ip = target;
            return Ok(());
        }
        let v = self.finish_return(v, ret)?;
        frame!(self).push(v);
        Ok(())
    }

    /// Finds a handler for `err`, unwinding frames down to `base`. Each
    /// frame passed gets a traceback entry, except the re-raising one.
    fn unwind(&mut self, err: PyErr, base: usize) -> PyResult<()> {
        let mut skip_tb = std::mem::take(&mut self.reraising);
        self.set_implicit_context(&err);
        let mut err = err;
        loop {
            let Some(frame) = self.frames.last_mut() else {
                return Err(err);
            };
            if !skip_tb {
                err.add_traceback(TbEntry { code: frame.code.clone(), line: frame.line() });
            }
            skip_tb = false;
            if let Some(block) = frame.pop_block() {
                frame.slots.truncate(block.depth as usize);
                frame.slots.push(err.exc.clone());
                frame.ip = block.handler as usize;
                self.run_generator_finalizers();
                return Ok(());
            }
            let frame = self.frames.pop().unwrap();
            let ends_loop = matches!(frame.ret(), ReturnMode::IterNext(_)) && err.matches("StopIteration");
            let target = if let ReturnMode::IterNext(t) = frame.ret() { *t } else { 0 };
            err = self.leave_frame_with_error(frame, err);
            if self.frames.len() <= base {
                return Err(err);
            }
            if ends_loop {
                // `for` over a Python iterator: StopIteration ends the loop.
                let caller = self.frames.last_mut().unwrap();
                caller.pop();
                caller.ip = target as usize;
                return Ok(());
            }
        }
    }

    /// A frame is left by an exception: finish its generator, converting a
    /// leaked StopIteration into RuntimeError as PEP 479 says.
    fn leave_frame_with_error(&mut self, frame: Box<Frame>, err: PyErr) -> PyErr {
        let is_gen = frame.generator.is_some();
        self.abandon_frame(frame);
        if is_gen && err.matches("StopIteration") {
            let new = runtime_error("generator raised StopIteration");
            if let Some(d) = new.data() {
                *d.cause.lock() = err.exc.clone();
                *d.context.lock() = err.exc.clone();
            }
            return new;
        }
        err
    }

    /// Drops a frame; a generator's frame marks its generator finished.
    pub fn abandon_frame(&mut self, frame: Box<Frame>) {
        if let Some(g) = &frame.generator {
            super::gen::mark_finished(g);
            return;
        }
        Frame::recycle(frame);
    }

    /// Sets `__context__` of a newly raised exception to the exception
    /// being handled, as CPython does at raise time.
    fn set_implicit_context(&mut self, err: &PyErr) {
        let Some(handled) = self.handled_exception() else { return };
        if handled.is(&err.exc) {
            return;
        }
        if let Some(d) = err.data() {
            let mut ctx = d.context.lock();
            if ctx.is_none() {
                // Avoid creating a cycle through the handled chain.
                let mut cur = handled.clone();
                for _ in 0..100 {
                    if cur.is(&err.exc) {
                        return;
                    }
                    let next = match super::exc::exc_data(&cur) {
                        Some(cd) => cd.context.lock().clone(),
                        None => break,
                    };
                    if next.is_none() {
                        break;
                    }
                    cur = next;
                }
                *ctx = handled;
            }
        }
    }

    /// Executes instructions of the innermost frame (which changes as calls
    /// push frames) until one ends a frame (`Return`/`Yield`) or raises.
    /// Returning to `run_loop` only for those keeps the common instruction
    /// free of building, matching and dropping a `Flow`.
    fn step(&mut self, base: usize) -> PyResult<Flow> {
        loop {
            let preemptive = self.preemptive;
            let Some(instr) = super::fast::run_frame_fast(frame!(self), preemptive) else {
                return Err(internal_error("instruction pointer out of range"));
            };
            // `fast.rs` ran every instruction it could; this one needs the
            // VM (or its fast path did not apply), with `ip` already past it.
            let arg = instr.arg;
            match instr.op {
                Op::LoadFast | Op::DeleteFast => return Err(self.unbound_local(arg)),
                Op::LoadFastAttr | Op::LoadFastStoreAttr | Op::LoadFastIndex => self.load_fast(arg)?,
                Op::BinaryOp => {
                    let frame = frame!(self);
                    let b = frame.pop();
                    let a = frame.pop();
                    if self.push_binary_dunder(&a, &b, arg)? {
                        continue;
                    }
                    let (op, inplace) = BinOp::from_arg(arg).ok_or_else(|| internal_error("bad binop"))?;
                    let r = self.binary_op(&a, &b, op, inplace)?;
                    frame!(self).push(r);
                }
                Op::CompareOp => {
                    let frame = frame!(self);
                    let b = frame.pop();
                    let a = frame.pop();
                    let op = CmpOp::from_arg(arg).ok_or_else(|| internal_error("bad compare op"))?;
                    let r = self.compare(&a, &b, op)?;
                    frame!(self).push(r);
                }
                Op::ForIter => self.op_for_iter(arg)?,
                Op::LoadGlobal => self.op_load_global(arg)?,
                Op::LoadMethod => self.op_load_method(arg)?,
                Op::Jump => {
                    let frame = frame!(self);
                    let backward = (arg as usize) < frame.ip;
                    frame.ip = arg as usize;
                    if backward && self.preemptive {
                        self.spend_budget()?;
                    }
                }
                Op::PopJumpIfFalse | Op::PopJumpIfTrue => {
                    let v = frame!(self).pop();
                    if self.truthy(&v)? == (instr.op == Op::PopJumpIfTrue) {
                        frame!(self).ip = arg as usize;
                    }
                }
                Op::JumpIfFalseOrPop | Op::JumpIfTrueOrPop => {
                    let v = frame!(self).top().clone();
                    let t = self.truthy_fast(&v)?;
                    let frame = frame!(self);
                    if t == (instr.op == Op::JumpIfTrueOrPop) {
                        frame.ip = arg as usize;
                    } else {
                        frame.pop();
                    }
                }
                Op::ReturnValue => {
                    let v = frame!(self).pop();
                    let mut frame = self.frames.pop().unwrap();
                    if frame.generator.is_some() {
                        return Ok(self.generator_returned(v, frame));
                    }
                    let ret = frame.take_ret();
                    Frame::recycle(frame);
                    if self.frames.len() > base {
                        // The common returns, inline: what `run_loop` would
                        // do (`deliver_return`) for a plain frame and for an
                        // `__init__` that returned None.
                        match ret {
                            ReturnMode::Normal => {
                                frame!(self).push(v);
                                continue;
                            }
                            ReturnMode::Init(instance) if v.is_none() => {
                                frame!(self).push(instance);
                                continue;
                            }
                            ret => return Ok(Flow::Return(v, ret, false)),
                        }
                    }
                    return Ok(Flow::Return(v, ret, false));
                }
                Op::YieldFrom => return self.op_yield_from(),
                Op::YieldValue => {
                    let v = frame!(self).pop();
                    return self.generator_yield(v);
                }
                Op::Call | Op::CallMethod if self.fast_call(instr.op, arg as usize)? => {
                    if self.preemptive {
                        self.spend_budget()?;
                    }
                }
                Op::Call | Op::CallKw | Op::CallEx | Op::CallMethod | Op::CallMethodKw => {
                    let (f, args) = self.pop_call_args(instr.op, arg)?;
                    self.call_from_frame(&f, args)?;
                    if self.preemptive {
                        self.spend_budget()?;
                    }
                }
                op => self.step_other(op, arg)?,
            }
        }
    }

    /// Preemption: when the budget runs out, a tasklet on several workers
    /// yields so a spinning tasklet cannot starve the others.
    fn spend_budget(&mut self) -> PyResult<Flow> {
        self.budget -= 1;
        if self.budget <= 0 && self.can_suspend() && self.pending.is_none() {
            self.budget = super::PREEMPT_BUDGET;
            self.pending = Some(crate::runtime::Pending::Preempted);
            return Err(PyErr::suspend());
        }
        Ok(Flow::Continue)
    }

    /// Calls `f` from the running frame: a Python callee's frame is pushed,
    /// a native result is pushed on the caller's stack.
    pub fn call_from_frame(&mut self, f: &Value, args: Args) -> PyResult<()> {
        if self.tasklet.is_some() && crate::runtime::hard::needs_own_stack(self, f, &args) {
            return crate::runtime::hard::call_on_coroutine(self, f.clone(), args);
        }
        match self.invoke(f, args)? {
            Callee::Frame(fr) => self.push_frame(fr),
            Callee::Done(v) => {
                frame!(self).push(v);
                Ok(())
            }
        }
    }

    /// The common call: a plain Python function (no `*args`, `**kwargs`,
    /// keyword-only arguments or cells) called with exactly its positional
    /// arguments, or a plain class (`object.__new__`, Python `__init__` of
    /// that shape) instantiated with them. The arguments move straight from
    /// the caller's stack into the new frame. Returns false when the slow
    /// path must handle it.
    #[inline]
    /// A native function's `FastFn` with the `nargs` values on the stack
    /// top as its arguments (moved to a local array for the call, and back
    /// if it declines); on success the call's stack entries, from the
    /// callable at `callable_at` up, are replaced by the result.
    fn call_fast_native(&mut self, fast: crate::object::FastFn, callable_at: usize, nargs: usize) -> PyResult<bool> {
        let mut args: [Value; MAX_FAST_ARGS] = [const { Value::Null }; MAX_FAST_ARGS];
        let frame = frame!(self);
        for slot in args[..nargs].iter_mut().rev() {
            *slot = frame.slots.pop().unwrap_or_default();
        }
        match fast(self, &args[..nargs]) {
            Some(result) => {
                // The call's entries leave the stack whatever the outcome,
                // as on the general path.
                let frame = frame!(self);
                frame.slots.truncate(callable_at);
                frame.slots.push(result?);
                Ok(true)
            }
            None => {
                let frame = frame!(self);
                frame.slots.extend(args.into_iter().take(nargs));
                Ok(false)
            }
        }
    }

    fn fast_call(&mut self, op: Op, argc: usize) -> PyResult<bool> {
        let frame = frame!(self);
        let len = frame.slots.len();
        let (callable_at, first_arg, nargs) = if op == Op::Call {
            (len - argc - 1, len - argc, argc)
        } else if frame.slots[len - argc - 1].is_null() {
            (len - argc - 2, len - argc, argc)
        } else {
            (len - argc - 2, len - argc - 1, argc + 1)
        };
        let Value::Obj(o) = &frame.slots[callable_at] else { return Ok(false) };
        if let Payload::NativeFunc(nf) = &o.payload {
            return match nf.fast {
                Some(fast) if nf.bound.is_null() && nargs <= MAX_FAST_ARGS => self.call_fast_native(fast, callable_at, nargs),
                _ => Ok(false),
            };
        }
        // `init`: the `__init__` of a class being instantiated; `None` for a
        // function, which then moves from the stack into the frame.
        let (init, instance) = match &o.payload {
            Payload::Function(func) if is_plain(func, nargs) => (None, None),
            Payload::Type(_) if op == Op::Call && std::sync::Arc::ptr_eq(o, &crate::object::types::types().range) => {
                return Ok(Self::call_range_fast(frame, callable_at, argc));
            }
            Payload::Type(_) => match plain_init(o, nargs) {
                Some(init) => {
                    let instance = super::class::new_instance_of(o, Payload::Instance);
                    (Some(init), Some(instance))
                }
                None => return Ok(false),
            },
            _ => return Ok(false),
        };
        let fobj = init.as_ref().unwrap_or(o);
        let Payload::Function(func) = &fobj.payload else { return Ok(false) };
        let code = &func.code;
        let mut new = Frame::boxed(code, &func.globals, None);
        if let Some(closure) = &func.closure {
            let base = code.nlocals();
            for (i, c) in closure.iter().enumerate().take(code.freevars.len()) {
                new.slots[base + i] = c.clone();
            }
        }
        let skip = match instance {
            Some(inst) => {
                new.slots[0] = inst.clone();
                new.set_ret(ReturnMode::Init(inst));
                1
            }
            None => 0,
        };
        // Arguments move from the caller's stack top into the new locals.
        let mut i = len - first_arg;
        while i > 0 {
            i -= 1;
            new.slots[skip + i] = frame.slots.pop().unwrap_or(Value::Null);
        }
        let fobj = match init {
            Some(init) => Some(init),
            None => match std::mem::take(&mut frame.slots[callable_at]) {
                Value::Obj(f) => Some(f),
                _ => None,
            },
        };
        frame.slots.truncate(callable_at);
        new.func = fobj;
        self.push_frame(new)?;
        Ok(true)
    }

    /// `range(...)` with 1 to 3 int arguments and a non-zero step: the range
/// object replaces the call on the stack. False (stack untouched) for
/// anything else, which the general call path handles and reports.
fn call_range_fast(frame: &mut Frame, callable_at: usize, argc: usize) -> bool {
    let args = &frame.slots[callable_at + 1..];
    let int = |i: usize| match args.get(i) {
        Some(Value::Int(n)) => Some(*n),
        _ => None,
    };
    let (start, stop, step) = match argc {
        1 => (Some(0), int(0), Some(1)),
        2 => (int(0), int(1), Some(1)),
        3 => (int(0), int(1), int(2)),
        _ => return false,
    };
    let (Some(start), Some(stop), Some(step)) = (start, stop, step) else { return false };
    if step == 0 {
        return false;
    }
    frame.slots.truncate(callable_at);
    frame.slots.push(Value::obj(Payload::Range { start, stop, step }));
    true
}

/// Pops a call's callable and arguments per the call opcode.
    fn pop_call_args(&mut self, op: Op, arg: u32) -> PyResult<(Value, Args)> {
        let frame = frame!(self);
        let argc = arg as usize;
        match op {
            Op::Call => {
                let pos = frame.pop_n(argc);
                let f = frame.pop();
                Ok((f, Args::new(pos)))
            }
            Op::CallKw => {
                let names = frame.pop();
                let vals = frame.pop_n(argc);
                let f = frame.pop();
                Ok((f, split_kw(vals, &names)))
            }
            Op::CallMethod | Op::CallMethodKw => {
                let names = if op == Op::CallMethodKw { Some(frame.pop()) } else { None };
                // Stack: [f, this or Null, args...]. With a receiver, the
                // arguments vector is taken with `this` already first.
                let with_this = !frame.peek(argc + 1).is_null();
                let vals = frame.pop_n(argc + with_this as usize);
                if !with_this {
                    frame.pop(); // the Null marker
                }
                let f = frame.pop();
                let args = match &names {
                    Some(n) => split_kw(vals, n),
                    None => Args::new(vals),
                };
                Ok((f, args))
            }
            Op::CallEx => {
                let kwargs = if arg & 1 != 0 { Some(frame.pop()) } else { None };
                let posargs = frame.pop();
                let f = frame.pop();
                let pos = self.collect(&posargs)?;
                let mut args = Args::new(pos);
                if let Some(kw) = kwargs {
                    args.kw = self.kwargs_from_mapping(&kw)?;
                }
                Ok((f, args))
            }
            _ => Err(internal_error("not a call op")),
        }
    }

    /// `LoadFast`, for the fused ops' fallback.
    #[inline(never)]
    pub(super) fn load_fast(&mut self, arg: u32) -> PyResult<()> {
        let frame = frame!(self);
        let v = frame.slots[arg as usize].clone();
        if v.is_null() {
            return Err(self.unbound_local(arg));
        }
        frame.push(v);
        Ok(())
    }

    pub fn unbound_local(&self, idx: u32) -> PyErr {
        let name = self.frames.last().map(|f| f.code.varnames.get(idx as usize).cloned()).flatten();
        let name = name.as_deref().unwrap_or("?").to_string();
        PyErr::new(
            "UnboundLocalError",
            format!("cannot access local variable '{name}' where it is not associated with a value"),
        )
    }
}

/// `LoadFast x; LoadConst k; BinarySubscr` when `x` is a built-in list or
/// tuple and `k` an in-range int: the item, read through a borrow of the
/// local (no reference-count traffic on the container). `None` runs the
/// instructions one by one (which also raises any error).
#[inline]
pub(super) fn index_local_const(code: &crate::bytecode::CodeObject, ip: usize, local: &Value) -> Option<Value> {
    if !matches!(local, Value::Obj(_)) {
        return None;
    }
    let (load, subscr) = (code.instrs.get(ip)?, code.instrs.get(ip + 1)?);
    if load.op != Op::LoadConst || subscr.op != Op::BinarySubscr {
        return None;
    }
    super::ops::index_fast(local, code.consts.get(load.arg as usize)?)
}

/// A Python function the fast call path can enter with `nargs` positional
/// arguments: no `*args`/`**kwargs`, keyword-only parameters or cells, not
/// a generator or class body.
#[inline]
fn is_plain(func: &crate::object::Function, nargs: usize) -> bool {
    func.code.plain_argcount as usize == nargs
}

/// For a class whose instances are made by `object.__new__` (metaclass
/// `type`, plain layout) and initialised by a plain Python `__init__`
/// taking `nargs` arguments after `self`: that `__init__`.
fn plain_init(cls: &ObjRef, nargs: usize) -> Option<ObjRef> {
    use crate::object::types::{tflags, type_flags};
    if cls.class.is_some() || type_flags(cls) & tflags::PLAIN_NEW == 0 {
        return None;
    }
    // The interned name: hashed once, and matched by pointer in the cache.
    static INIT: std::sync::OnceLock<Value> = std::sync::OnceLock::new();
    let name = INIT.get_or_init(|| crate::object::pystr::intern("__init__"));
    let init = crate::object::types::lookup_in_type_name(cls, &crate::object::Name::from_value(name)?)?;
    match init {
        Value::Obj(f) if matches!(&f.payload, Payload::Function(func) if is_plain(func, nargs + 1)) => Some(f),
        _ => None,
    }
}

/// Splits the trailing keyword values of a call by a kwnames tuple.
fn split_kw(mut vals: Vec<Value>, names: &Value) -> Args {
    let names: Vec<std::sync::Arc<str>> = match names.payload() {
        Some(crate::object::Payload::Tuple(t)) => t.iter().map(|n| std::sync::Arc::from(n.as_str().unwrap_or(""))).collect(),
        _ => vec![],
    };
    let kwvals = vals.split_off(vals.len().saturating_sub(names.len()));
    Args { pos: vals, kw: names.into_iter().zip(kwvals).collect() }
}
