//! `Frame`: one Python activation record, owned data only (no pointers into
//! the native stack), so a tasklet's frames can be walked, moved into a
//! generator, or (later) serialized.
//!
//! `slots` holds the locals (`code.nlocals()`), then the cells
//! (`code.ncells()`), then the value stack. The rarely used state (the
//! `SetupFinally` handler stack, a locals mapping, the exception being
//! handled, a return mode other than `Normal`) lives in one optional box,
//! `FrameExt`, so a plain function frame is 80 bytes: a million tasklets
//! each parked in a call pay for that, not for the rare parts.

use crate::bytecode::CodeObject;
use crate::object::ObjRef;
use crate::value::Value;
use std::sync::Arc;

#[derive(Clone, Copy, Debug)]
pub struct Block {
    pub handler: u32,
    /// Absolute `slots` length to truncate to before jumping to `handler`.
    pub depth: u32,
}

/// What happens to a frame's return value when it is popped.
pub enum ReturnMode {
    /// Push it on the caller's stack.
    Normal,
    /// `__init__` frame: the result must be None; push the instance.
    Init(Value),
    /// A `__next__` frame run by `ForIter` (whose jump target this is):
    /// StopIteration leaving it ends the loop.
    IterNext(u32),
    /// `a.__op__(b)` run by `BinaryOp` (a, b, operand): NotImplemented
    /// falls back to the reflected method.
    BinaryFallback(Box<(Value, Value, u32)>),
}

// Per-thread free list of frames (see `Frame::boxed` / `Frame::recycle`).
// Frames are plain owned data, so any thread may reuse any frame.
thread_local! {
    // `ManuallyDrop`: no destructor, so access needs no lazy registration
    // (frames still pooled at thread exit are leaked; workers live on).
    static FREE: std::cell::UnsafeCell<std::mem::ManuallyDrop<Vec<Box<Frame>>>> = const { std::cell::UnsafeCell::new(std::mem::ManuallyDrop::new(Vec::new())) };
}

/// Runs `f` on this thread's frame pool.
#[inline(always)]
fn with_pool<R>(f: impl FnOnce(&mut Vec<Box<Frame>>) -> R) -> R {
    // Only the cell's address is taken inside `with` (a small closure
    // that inlines to a direct thread-local access); the thread-local
    // lives as long as this thread and has no destructor.
    let cell = FREE.with(|p| p.get());
    // SAFETY: the pool is only reached through this function, and `f` (a
    // push or pop in `boxed*`/`recycle`) never re-enters it and drops
    // nothing. So this is the only reference to the cell's contents.
    f(unsafe { &mut *cell })
}
const MAX_POOLED_FRAMES: usize = 64;
const MAX_POOLED_SLOTS: usize = 256;

pub struct Frame {
    pub code: Arc<CodeObject>,
    pub ip: usize,
    pub slots: Vec<Value>,
    /// Index in `slots` where the value stack starts.
    pub stack_base: usize,
    pub globals: ObjRef,
    /// The generator object running this frame, if any.
    pub generator: Option<ObjRef>,
    /// The function being executed (for `super()` and tracebacks).
    pub func: Option<ObjRef>,
    /// The rare parts; `None` means all of them are empty/`Normal`. A
    /// recycled frame keeps its box (emptied) for its next use.
    ext: Option<Box<FrameExt>>,
}

/// The parts of a frame most frames never use (see the module header).
pub struct FrameExt {
    pub blocks: Vec<Block>,
    /// The locals mapping of module/class bodies (`*_NAME` ops).
    pub locals: Option<Value>,
    /// The exception being handled in this frame (`PushExcInfo`), if any.
    pub handled: Option<Value>,
    pub ret: ReturnMode,
}

/// What `Frame::ext` shows for a frame without a box.
static EMPTY_EXT: FrameExt = FrameExt { blocks: Vec::new(), locals: None, handled: None, ret: ReturnMode::Normal };

#[cfg(target_pointer_width = "64")]
const _: () = assert!(std::mem::size_of::<Frame>() <= 80);

impl Frame {
    pub fn new(code: Arc<CodeObject>, globals: ObjRef, locals: Option<Value>) -> Frame {
        let stack_base = code.nlocals() + code.ncells();
        let mut slots = Vec::with_capacity(stack_base + code.max_stack as usize);
        slots.resize(stack_base, Value::Null);
        let ext = locals.map(|l| Box::new(FrameExt { blocks: Vec::new(), locals: Some(l), handled: None, ret: ReturnMode::Normal }));
        Frame { code, ip: 0, slots, stack_base, globals, generator: None, func: None, ext }
    }

    /// The rare parts (an empty `FrameExt` when the frame has none).
    #[inline]
    pub fn ext(&self) -> &FrameExt {
        self.ext.as_deref().unwrap_or(&EMPTY_EXT)
    }
    /// The rare parts for writing, boxed on first use.
    #[inline]
    pub fn ext_mut(&mut self) -> &mut FrameExt {
        self.ext.get_or_insert_with(|| Box::new(FrameExt { blocks: Vec::new(), locals: None, handled: None, ret: ReturnMode::Normal }))
    }
    /// The locals mapping of a module/class body, if any.
    #[inline]
    pub fn locals(&self) -> Option<&Value> {
        self.ext.as_ref().and_then(|e| e.locals.as_ref())
    }
    #[inline]
    pub fn set_locals(&mut self, l: Option<Value>) {
        if l.is_some() || self.ext.is_some() {
            self.ext_mut().locals = l;
        }
    }
    /// The exception being handled in this frame, if any.
    #[inline]
    pub fn handled(&self) -> Option<&Value> {
        self.ext.as_ref().and_then(|e| e.handled.as_ref())
    }
    /// Sets the exception being handled, returning the previous one.
    pub fn replace_handled(&mut self, h: Option<Value>) -> Option<Value> {
        if h.is_none() && self.ext.is_none() {
            return None;
        }
        std::mem::replace(&mut self.ext_mut().handled, h)
    }
    #[inline]
    pub fn push_block(&mut self, b: Block) {
        self.ext_mut().blocks.push(b)
    }
    #[inline]
    pub fn pop_block(&mut self) -> Option<Block> {
        self.ext.as_mut().and_then(|e| e.blocks.pop())
    }
    #[inline]
    pub fn ret(&self) -> &ReturnMode {
        &self.ext().ret
    }
    pub fn set_ret(&mut self, r: ReturnMode) {
        if !matches!(r, ReturnMode::Normal) || self.ext.is_some() {
            self.ext_mut().ret = r;
        }
    }
    /// Takes the return mode, leaving `Normal`.
    #[inline]
    pub fn take_ret(&mut self) -> ReturnMode {
        match &mut self.ext {
            None => ReturnMode::Normal,
            Some(e) => std::mem::replace(&mut e.ret, ReturnMode::Normal),
        }
    }

    /// `Box::new(Frame::new(..))`, reusing a frame (and its slot vector)
    /// from this thread's free list when one is there. Recycled frames have
    /// empty slots and blocks and no references besides `code` and
    /// `globals` (see `recycle`); a reused frame that already points to the
    /// given ones (a function called repeatedly) keeps its references.
    #[inline]
    pub fn boxed(code: &Arc<CodeObject>, globals: &ObjRef, locals: Option<Value>) -> Box<Frame> {
        let Some(mut f) = with_pool(|p| p.pop()) else {
            return Box::new(Frame::new(code.clone(), globals.clone(), locals));
        };
        let stack_base = code.nlocals() + code.ncells();
        f.slots.reserve(stack_base + code.max_stack as usize);
        // (A pooled frame's slots are empty: see `recycle`.)
        f.slots.extend((0..stack_base).map(|_| Value::Null));
        f.stack_base = stack_base;
        if !Arc::ptr_eq(&f.code, code) {
            f.code = code.clone();
        }
        if !Arc::ptr_eq(&f.globals, globals) {
            f.globals = globals.clone();
        }
        // A pooled frame has no locals mapping (`recycle` cleared it).
        if locals.is_some() {
            f.set_locals(locals);
        }
        f.ip = 0;
        f
    }

    /// Returns a finished frame to this thread's free list. Its values are
    /// dropped here (dropping values never runs Python code); the code and
    /// globals it still points to are replaced on reuse.
    #[inline]
    pub fn recycle(mut f: Box<Frame>) {
        if f.slots.capacity() > MAX_POOLED_SLOTS || f.generator.is_some() {
            return;
        }
        f.slots.clear();
        if let Some(e) = &mut f.ext {
            e.blocks.clear();
            e.locals = None;
            e.handled = None;
            e.ret = ReturnMode::Normal;
        }
        f.func = None;
        // A frame the full pool does not take is dropped after `with_pool`.
        let _unpooled = with_pool(|p| {
            if p.len() < MAX_POOLED_FRAMES {
                p.push(f);
                return None;
            }
            Some(f)
        });
    }

    #[inline(always)]
    pub fn push(&mut self, v: Value) {
        self.slots.push(v)
    }
    #[inline]
    pub fn pop(&mut self) -> Value {
        // The compiler's stack-depth analysis guarantees a value is there;
        // an underflow is a weft bug, reported instead of UB.
        let len = self.slots.len();
        if len <= self.stack_base {
            return Value::None;
        }
        // SAFETY: `len - 1 < len`, so the element is initialised; shrinking
        // the length first moves its ownership out to the returned value.
        unsafe {
            self.slots.set_len(len - 1);
            std::ptr::read(self.slots.as_ptr().add(len - 1))
        }
    }
    #[inline]
    pub fn top(&self) -> &Value {
        self.slots.last().unwrap_or(&Value::Null)
    }
    #[inline]
    pub fn peek(&self, i: usize) -> &Value {
        // i = 1 is the top.
        let len = self.slots.len();
        if i > len - self.stack_base {
            return &Value::Null;
        }
        &self.slots[len - i]
    }
    pub fn stack_len(&self) -> usize {
        self.slots.len() - self.stack_base
    }
    /// Pops `n` values, returning them in push order.
    pub fn pop_n(&mut self, n: usize) -> Vec<Value> {
        let at = self.slots.len().saturating_sub(n).max(self.stack_base);
        self.slots.split_off(at)
    }
    pub fn line(&self) -> u32 {
        self.code.line_of(self.ip.saturating_sub(1))
    }
    pub fn trace(&self, f: &mut dyn FnMut(&Value)) {
        self.slots.iter().for_each(&mut *f);
        if let Some(l) = self.locals() {
            f(l)
        }
        if let Some(h) = self.handled() {
            f(h)
        }
        f(&Value::Obj(self.globals.clone()));
    }
}
