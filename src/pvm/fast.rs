//! The inner dispatch loop: runs the current frame's instructions that need
//! nothing but that frame — locals, the value stack, constants, numeric and
//! built-in-container fast paths, plain-instance attributes, jumps — with the
//! instruction pointer and the instruction array held in locals.
//!
//! Invariant: any other instruction, or one whose fast path does not apply,
//! is returned to `Vm::step` with the frame's `ip` already past it and the
//! value stack exactly as that instruction expects it. A fast path commits
//! (pops, pushes, jumps) only once it is sure to succeed, so the general
//! handler in `step` sees an untouched instruction.

use super::frame::Frame;
use crate::bytecode::{CodeObject, Instr, Op};
use crate::object::Payload;
use crate::value::Value;

/// Runs instructions until one needs the VM. Returns it (`None`: the
/// instruction pointer left the code, which `step` reports).
#[inline(always)]
pub fn run_frame_fast(frame: &mut Frame, preemptive: bool) -> Option<Instr> {
    let Frame { code, slots, stack_base, ip: saved_ip, .. } = frame;
    let code: &CodeObject = code;
    let base = *stack_base;
    let mut ip = *saved_ip;
    // Hands the current instruction to `step`.
    macro_rules! slow {
        ($instr:expr) => {{
            *saved_ip = ip;
            return Some($instr);
        }};
    }
    loop {
        let Some(&instr) = code.instrs.get(ip) else {
            *saved_ip = ip;
            return None;
        };
        ip += 1;
        let arg = instr.arg as usize;
        let len = slots.len();
        let depth = len - base;
        match instr.op {
            Op::Nop => {}
            Op::PopTop if depth >= 1 => {
                slots.pop();
            }
            Op::Copy if arg >= 1 && arg <= depth => {
                let v = slots[len - arg].clone();
                slots.push(v);
            }
            Op::Swap if arg >= 1 && arg <= depth => slots.swap(len - 1, len - arg),
            Op::LoadConst => match code.consts.get(arg) {
                Some(v) => slots.push(v.clone()),
                None => slow!(instr),
            },
            Op::LoadFast => {
                let v = &slots[arg];
                if v.is_null() {
                    slow!(instr)
                }
                let v = v.clone();
                slots.push(v);
            }
            Op::DeleteFast if !slots[arg].is_null() => slots[arg] = Value::Null,
            Op::StoreFast if depth >= 1 => {
                let v = slots.pop().unwrap_or_default();
                put(&mut slots[arg], v);
            }
            // The fused pairs (`compiler::unit::fuse_pairs`): the local is
            // borrowed instead of cloned onto the stack.
            Op::LoadFastAttr => {
                let hit = match (&slots[arg], code.instrs.get(ip)) {
                    (Value::Obj(o), Some(next)) => super::attr::plain_instance_get(o, &code.name_values[next.arg as usize], &code.name_hints[next.arg as usize]),
                    _ => None,
                };
                match hit {
                    Some(v) => {
                        ip += 1;
                        slots.push(v);
                    }
                    None => slow!(instr),
                }
            }
            Op::LoadFastStoreAttr if depth >= 1 => {
                let Some(next) = code.instrs.get(ip) else { slow!(instr) };
                let value = std::mem::take(&mut slots[len - 1]);
                let stored = match &slots[arg] {
                    Value::Obj(o) => super::attr::plain_instance_set(o, &code.name_values[next.arg as usize], value, &code.name_hints[next.arg as usize]),
                    _ => Err(value),
                };
                match stored {
                    Ok(()) => {
                        slots.pop();
                        ip += 1;
                    }
                    Err(value) => {
                        slots[len - 1] = value;
                        slow!(instr)
                    }
                }
            }
            Op::LoadFastIndex => match super::interp::index_local_const(code, ip, &slots[arg]) {
                Some(item) => {
                    ip += 2;
                    slots.push(item);
                }
                None => slow!(instr),
            },
            Op::BinaryOp if depth >= 2 => match super::numeric::binop_fast(&slots[len - 2], &slots[len - 1], instr.arg) {
                Some(r) => {
                    slots.pop();
                    put(&mut slots[len - 2], r);
                }
                None => slow!(instr),
            },
            Op::CompareOp if depth >= 2 => {
                // Numbers, compared borrowed; a following conditional jump
                // is taken at once (no bool pushed and popped).
                let Some(r) = super::numeric::compare_fast(&slots[len - 2], &slots[len - 1], instr.arg) else {
                    slow!(instr)
                };
                slots.truncate(len - 2);
                ip = push_or_branch(code, ip, slots, r);
            }
            Op::IsOp if depth >= 2 => {
                // Identity; a following conditional jump is taken at once.
                let r = slots[len - 2].is(&slots[len - 1]) != (arg == 1);
                slots.truncate(len - 2);
                ip = push_or_branch(code, ip, slots, r);
            }
            Op::BinarySubscr if depth >= 2 => match super::ops::index_fast(&slots[len - 2], &slots[len - 1]) {
                Some(v) => {
                    slots.pop();
                    put(&mut slots[len - 2], v);
                }
                None => slow!(instr),
            },
            Op::StoreSubscr if depth >= 3 => {
                // Stack: value, container, key.
                let v = std::mem::take(&mut slots[len - 3]);
                match super::ops::store_index_fast(&slots[len - 2], &slots[len - 1], v) {
                    Ok(()) => slots.truncate(len - 3),
                    Err(v) => {
                        slots[len - 3] = v;
                        slow!(instr)
                    }
                }
            }
            // A plain method on the receiver's type: (method, receiver).
            Op::LoadMethod if depth >= 1 => match super::attr::plain_method(&slots[len - 1], &code.name_values[arg]) {
                Some(m) => {
                    let this = std::mem::replace(&mut slots[len - 1], m);
                    slots.push(this);
                }
                None => slow!(instr),
            },
            Op::LoadAttr if depth >= 1 => {
                let hit = match &slots[len - 1] {
                    Value::Obj(o) => super::attr::plain_instance_get(o, &code.name_values[arg], &code.name_hints[arg]),
                    _ => None,
                };
                match hit {
                    Some(v) => put(&mut slots[len - 1], v),
                    None => slow!(instr),
                }
            }
            Op::StoreAttr if depth >= 2 => {
                // Stack: value, object.
                let v = std::mem::take(&mut slots[len - 2]);
                let stored = match &slots[len - 1] {
                    Value::Obj(o) => super::attr::plain_instance_set(o, &code.name_values[arg], v, &code.name_hints[arg]),
                    _ => Err(v),
                };
                match stored {
                    Ok(()) => slots.truncate(len - 2),
                    Err(v) => {
                        slots[len - 2] = v;
                        slow!(instr)
                    }
                }
            }
            Op::ForIter if depth >= 1 => {
                // Built-in range/sequence iterators: the item without
                // cloning the iterator or going through `Vm::next`.
                let next = match &slots[len - 1] {
                    Value::Obj(o) if o.class.is_none() => match &o.payload {
                        Payload::Iter(m) => m.lock().next_plain(),
                        _ => None,
                    },
                    _ => None,
                };
                match next {
                    Some(Some(v)) => slots.push(v),
                    Some(None) => {
                        slots.pop();
                        ip = arg;
                    }
                    None => slow!(instr),
                }
            }
            // A backward jump may have to spend the preemption budget.
            Op::Jump if !preemptive || arg >= ip => ip = arg,
            Op::PopJumpIfFalse | Op::PopJumpIfTrue if depth >= 1 => {
                let truth = match &slots[len - 1] {
                    Value::Bool(b) => b.get(),
                    Value::None => false,
                    Value::Int(i) => *i != 0,
                    _ => slow!(instr),
                };
                slots.pop();
                if truth == (instr.op == Op::PopJumpIfTrue) {
                    ip = arg;
                }
            }
            _ => slow!(instr),
        }
    }
}

/// `*slot = v`, but the new value is written before the old one is
/// dropped: `v` is then not kept alive (spilled to memory) across the drop's
/// possible call, which would cost a store-forwarding stall on reload.
#[inline(always)]
fn put(slot: &mut Value, v: Value) {
    let old = std::mem::replace(slot, v);
    drop(old);
}

/// A comparison's result `r`: a following `PopJumpIfFalse`/`PopJumpIfTrue`
/// is taken at once (no bool pushed and popped); otherwise `r` is pushed.
/// Returns the next instruction pointer.
#[inline(always)]
fn push_or_branch(code: &CodeObject, ip: usize, slots: &mut Vec<Value>, r: bool) -> usize {
    match code.instrs.get(ip) {
        Some(next) if next.op == Op::PopJumpIfFalse => {
            if r {
                ip + 1
            } else {
                next.arg as usize
            }
        }
        Some(next) if next.op == Op::PopJumpIfTrue => {
            if r {
                next.arg as usize
            } else {
                ip + 1
            }
        }
        _ => {
            slots.push(Value::bool(r));
            ip
        }
    }
}
