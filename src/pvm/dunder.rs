//! Special methods called by opcodes run as heap frames: when the type of
//! an operand defines the method in Python, the opcode pushes the method's
//! frame and the dispatch loop continues (no native recursion, and the
//! tasklet can suspend inside, e.g. a `__next__` that receives from a
//! channel). The frame's `ReturnMode` finishes the instruction when it
//! returns: `IterNext` ends a `for` loop on StopIteration, `BinaryFallback`
//! tries the reflected operator when the method returns NotImplemented.

use super::frame::ReturnMode;
use super::{PyResult, Vm};
use crate::bytecode::BinOp;
use crate::object::types::{lookup_in_type, type_of};
use crate::object::{Args, Payload};
use crate::value::Value;

impl Vm {
    /// Pushes a frame running `type(obj).name(obj, *args)` if that is a
    /// plain Python function; returns false (nothing done) otherwise.
    pub fn push_dunder(&mut self, obj: &Value, name: &str, args: Vec<Value>, ret: ReturnMode) -> PyResult<bool> {
        let Value::Obj(o) = obj else { return Ok(false) };
        if o.class.is_none() {
            return Ok(false);
        }
        let Some(m) = lookup_in_type(type_of(obj), name) else { return Ok(false) };
        let Some(Payload::Function(func)) = m.payload() else { return Ok(false) };
        if func.code.has_flag(crate::bytecode::flags::GENERATOR) {
            return Ok(false);
        }
        let mut pos = Vec::with_capacity(args.len() + 1);
        pos.push(obj.clone());
        pos.extend(args);
        let mut frame = self.function_frame(m.as_obj().unwrap(), func, Args::new(pos))?;
        frame.set_ret(ret);
        self.push_frame(frame)?;
        Ok(true)
    }

    /// `a <op> b` where `a`'s type defines the operator in Python and `b`
    /// does not take priority (it is not a subclass overriding the reflected
    /// method): run `a.__op__(b)` as a frame.
    pub fn push_binary_dunder(&mut self, a: &Value, b: &Value, arg: u32) -> PyResult<bool> {
        let Some((op, inplace)) = BinOp::from_arg(arg) else { return Ok(false) };
        if inplace || !matches!(a, Value::Obj(o) if o.class.is_some()) {
            return Ok(false);
        }
        let (ta, tb) = (type_of(a), type_of(b));
        if !std::sync::Arc::ptr_eq(ta, tb) && crate::object::types::is_subtype(tb, ta) {
            return Ok(false);
        }
        let (name, _, _) = op.dunders();
        self.push_dunder(a, name, vec![b.clone()], ReturnMode::BinaryFallback(Box::new((a.clone(), b.clone(), arg))))
    }

    /// Finishes a `BinaryFallback` frame: NotImplemented means "try the
    /// reflected operator" (done natively; rare).
    pub fn binary_fallback(&mut self, v: Value, a: Value, b: Value, arg: u32) -> PyResult {
        if !matches!(v.payload(), Some(Payload::NotImplemented)) {
            return Ok(v);
        }
        let Some((op, _)) = BinOp::from_arg(arg) else { return Ok(v) };
        let (_, rname, _) = op.dunders();
        if let Some(r) = self.call_special(&b, rname, vec![a.clone()])? {
            if !matches!(r.payload(), Some(Payload::NotImplemented)) {
                return Ok(r);
            }
        }
        Err(super::numeric::unsupported(op.symbol(), &super::ops::type_name(&a), &super::ops::type_name(&b)))
    }
}
