//! Control flow: `if`, loops, `try`/`except`/`finally`, `with`, and the
//! frame-block stack that `return`/`break`/`continue` unwind through.
//!
//! Handler layout (the VM's block-stack protocol; see the opcode docs):
//! a `SetupFinally L` records the current stack depth; on an exception the
//! VM truncates to it, pushes the exception and jumps to `L`. A handler
//! region is therefore always entered with its block set up at the depth
//! its cleanup expects:
//!
//! ```text
//! except:   L_h: PushExcInfo            (prev, exc)
//!                SetupFinally L_clean2  (type tests run under it)
//!                <E>; CheckExcMatch; PopJumpIfFalse L_next
//!                PopBlock; StoreFast e | PopTop           (prev)
//!                SetupFinally L_clean_e (body runs under it)
//!                body; PopBlock; PopExcept; [e=None; del e]; Jump L_end
//!      L_clean_e: [e=None; del e]; Swap 2; PopExcept; Reraise
//!      no match:  PopBlock; Swap 2; PopExcept; Reraise
//!      L_clean2:  Swap 2; PopTop; Swap 2; PopExcept; Reraise
//! finally:  SetupFinally L_f; body; PopBlock; <final>; Jump L_end
//!      L_f: PushExcInfo; SetupFinally L_clean2; <final>; PopBlock;
//!           Swap 2; PopExcept; Reraise; L_clean2 as above
//! with:     <mgr>; BeforeWith; <store target | PopTop>; SetupFinally L_h;
//!           body; PopBlock; None; None; None; Call 3; PopTop
//!      L_h: PushExcInfo; SetupFinally L_clean2; WithExceptStart;
//!           PopJumpIfTrue L_sup; PopBlock; Swap 2; PopExcept; Reraise
//!      L_sup: PopBlock; PopTop; PopExcept; PopTop
//! ```
//! The `with` handler block is set up after the target is stored, so that
//! only `exit_bound` lies below it.

use super::codegen::{CResult, Compiler, Ctx};
use super::unit::{Const, Label};
use crate::bytecode::Op;
use ruff_python_ast::{self as ast, Stmt};
use ruff_text_size::TextRange;

#[derive(Clone)]
pub(crate) enum FBlock<'a> {
    WhileLoop { brk: Label, cont: Label },
    ForLoop { brk: Label, cont: Label },
    TryExcept,
    FinallyTry { body: &'a [Stmt] },
    FinallyEnd,
    With { is_async: bool },
    HandlerCleanup { name: Option<&'a str> },
    PopValue,
}

impl<'a> FBlock<'a> {
    fn is_loop(&self) -> bool {
        matches!(self, FBlock::WhileLoop { .. } | FBlock::ForLoop { .. })
    }
}

impl<'a> Compiler<'a> {
    pub fn if_stmt(&mut self, i: &'a ast::StmtIf) -> CResult {
        let end = self.new_label();
        let mut next = self.new_label();
        self.expr(&i.test)?;
        self.emit_jump(Op::PopJumpIfFalse, next);
        self.body(&i.body)?;
        for clause in &i.elif_else_clauses {
            self.emit_jump(Op::Jump, end);
            self.bind(next);
            next = self.new_label();
            let old = self.set_line(clause.range);
            if let Some(t) = &clause.test {
                self.expr(t)?;
                self.emit_jump(Op::PopJumpIfFalse, next);
            }
            self.u().cur_line = old;
            self.body(&clause.body)?;
        }
        self.bind(next);
        self.bind(end);
        Ok(())
    }

    pub fn while_stmt(&mut self, w: &'a ast::StmtWhile) -> CResult {
        let (top, orelse, end) = (self.new_label(), self.new_label(), self.new_label());
        self.bind(top);
        self.expr(&w.test)?;
        self.emit_jump(Op::PopJumpIfFalse, orelse);
        self.fblocks.push(FBlock::WhileLoop { brk: end, cont: top });
        self.body(&w.body)?;
        self.fblocks.pop();
        self.emit_jump(Op::Jump, top);
        self.bind(orelse);
        self.body(&w.orelse)?;
        self.bind(end);
        Ok(())
    }

    pub fn for_stmt(&mut self, f: &'a ast::StmtFor) -> CResult {
        if f.is_async {
            return self.async_for_stmt(f);
        }
        let (top, orelse, end) = (self.new_label(), self.new_label(), self.new_label());
        self.expr(&f.iter)?;
        self.emit(Op::GetIter, 0);
        self.bind(top);
        self.emit_jump(Op::ForIter, orelse);
        self.fblocks.push(FBlock::ForLoop { brk: end, cont: top });
        self.store_target(&f.target)?;
        self.body(&f.body)?;
        self.fblocks.pop();
        self.emit_jump(Op::Jump, top);
        self.bind(orelse);
        self.body(&f.orelse)?;
        self.bind(end);
        Ok(())
    }

    /// `async for`: it = x.__aiter__(); each turn `await it.__anext__()`
    /// under a handler that ends the loop on StopAsyncIteration.
    fn async_for_stmt(&mut self, f: &'a ast::StmtFor) -> CResult {
        if !self.in_coroutine() {
            return Err(self.err(f.range, "'async for' outside async function"));
        }
        let (top, handler, orelse, end) = (self.new_label(), self.new_label(), self.new_label(), self.new_label());
        self.expr(&f.iter)?;
        self.emit_name(Op::LoadMethod, "__aiter__");
        self.emit(Op::CallMethod, 0);
        self.bind(top);
        self.emit_async_next(handler);
        self.fblocks.push(FBlock::ForLoop { brk: end, cont: top });
        self.store_target(&f.target)?;
        self.body(&f.body)?;
        self.fblocks.pop();
        self.emit_jump(Op::Jump, top);
        self.emit_stop_async_handler(handler, orelse);
        self.bind(orelse);
        self.body(&f.orelse)?;
        self.bind(end);
        Ok(())
    }

    /// The next item of the async iterator on TOS under a handler at
    /// `handler` (see `emit_stop_async_handler`): aiter -> aiter, item.
    pub(crate) fn emit_async_next(&mut self, handler: Label) {
        self.emit_jump(Op::SetupFinally, handler);
        self.emit(Op::Copy, 1);
        self.emit_name(Op::LoadMethod, "__anext__");
        self.emit(Op::CallMethod, 0);
        self.emit_await();
        self.emit(Op::PopBlock, 0);
    }

    /// The handler of `emit_async_next`, entered with (aiter, exc):
    /// StopAsyncIteration drops both and jumps to `done`; others re-raise.
    pub(crate) fn emit_stop_async_handler(&mut self, handler: Label, done: Label) {
        self.bind(handler);
        let (clean2, stop) = (self.new_label(), self.new_label());
        self.emit(Op::PushExcInfo, 0);
        self.emit_jump(Op::SetupFinally, clean2);
        self.emit_name(Op::LoadGlobal, "StopAsyncIteration");
        self.emit(Op::CheckExcMatch, 0);
        self.emit_jump(Op::PopJumpIfTrue, stop);
        self.emit(Op::PopBlock, 0);
        self.emit(Op::Swap, 2);
        self.emit(Op::PopExcept, 0);
        self.emit(Op::Reraise, 0);
        self.bind(stop);
        self.emit(Op::PopBlock, 0);
        self.emit(Op::PopTop, 0);
        self.emit(Op::PopExcept, 0);
        self.emit(Op::PopTop, 0);
        self.emit_jump(Op::Jump, done);
        self.emit_cleanup2(clean2);
    }

    pub fn return_stmt(&mut self, r: &'a ast::StmtReturn) -> CResult {
        if !self.scope().kind.is_function_like() {
            return Err(self.err(r.range, "'return' outside function"));
        }
        match &r.value {
            Some(v) => self.expr(v)?,
            None => self.load_const(Const::None),
        }
        self.unwind_all(true)?;
        self.emit(Op::ReturnValue, 0);
        Ok(())
    }

    pub fn break_stmt(&mut self, range: TextRange) -> CResult {
        let Some(idx) = self.fblocks.iter().rposition(FBlock::is_loop) else {
            return Err(self.err(range, "'break' outside loop"));
        };
        let saved = self.unwind_to(idx)?;
        let brk = match self.fblocks[idx] {
            FBlock::ForLoop { brk, .. } => {
                self.emit(Op::PopIter, 0);
                brk
            }
            FBlock::WhileLoop { brk, .. } => brk,
            _ => unreachable!(),
        };
        self.emit_jump(Op::Jump, brk);
        self.fblocks.extend(saved);
        Ok(())
    }

    pub fn continue_stmt(&mut self, range: TextRange) -> CResult {
        let Some(idx) = self.fblocks.iter().rposition(FBlock::is_loop) else {
            return Err(self.err(range, "'continue' not properly in loop"));
        };
        let saved = self.unwind_to(idx)?;
        let cont = match self.fblocks[idx] {
            FBlock::ForLoop { cont, .. } | FBlock::WhileLoop { cont, .. } => cont,
            _ => unreachable!(),
        };
        self.emit_jump(Op::Jump, cont);
        self.fblocks.extend(saved);
        Ok(())
    }

    /// Unwinds (emits the exit code of) every block above index `idx`;
    /// returns the popped blocks so the caller can restore them.
    fn unwind_to(&mut self, idx: usize) -> CResult<Vec<FBlock<'a>>> {
        let mut popped = Vec::new();
        while self.fblocks.len() > idx + 1 {
            let b = self.fblocks.pop().unwrap();
            self.unwind_block(&b, false)?;
            popped.push(b);
        }
        popped.reverse();
        Ok(popped)
    }

    /// Unwinds every block (for `return`), keeping TOS if `preserve_tos`.
    fn unwind_all(&mut self, preserve_tos: bool) -> CResult {
        let mut popped = Vec::new();
        while let Some(b) = self.fblocks.pop() {
            self.unwind_block(&b, preserve_tos)?;
            popped.push(b);
        }
        popped.reverse();
        self.fblocks = popped;
        Ok(())
    }

    /// Emits the code that leaves block `b` early. Blocks above it have
    /// already been popped from `self.fblocks`.
    fn unwind_block(&mut self, b: &FBlock<'a>, preserve_tos: bool) -> CResult {
        match b {
            FBlock::WhileLoop { .. } | FBlock::TryExcept => {
                if matches!(b, FBlock::TryExcept) {
                    self.emit(Op::PopBlock, 0);
                }
            }
            FBlock::ForLoop { .. } | FBlock::PopValue => {
                if preserve_tos {
                    self.emit(Op::Swap, 2);
                }
                let pop = if matches!(b, FBlock::ForLoop { .. }) { Op::PopIter } else { Op::PopTop };
                self.emit(pop, 0);
            }
            FBlock::FinallyTry { body } => {
                self.emit(Op::PopBlock, 0);
                if preserve_tos {
                    self.fblocks.push(FBlock::PopValue);
                }
                self.body(body)?;
                if preserve_tos {
                    self.fblocks.pop();
                }
            }
            FBlock::FinallyEnd => {
                // stack: prev, exc, [tos]
                self.emit(Op::PopBlock, 0);
                if preserve_tos {
                    self.emit(Op::Swap, 2);
                }
                self.emit(Op::PopTop, 0);
                if preserve_tos {
                    self.emit(Op::Swap, 2);
                }
                self.emit(Op::PopExcept, 0);
            }
            FBlock::With { is_async } => {
                // stack: exit_bound, [tos]
                self.emit(Op::PopBlock, 0);
                if preserve_tos {
                    self.emit(Op::Swap, 2);
                }
                self.call_exit_none(*is_async);
            }
            FBlock::HandlerCleanup { name } => {
                // stack: prev, [tos]
                self.emit(Op::PopBlock, 0);
                if preserve_tos {
                    self.emit(Op::Swap, 2);
                }
                self.emit(Op::PopExcept, 0);
                if let Some(n) = name {
                    self.clear_name(n);
                }
            }
        }
        Ok(())
    }

    /// `exit_bound` on TOS: calls `exit_bound(None, None, None)`, pops all.
    fn call_exit_none(&mut self, is_async: bool) {
        for _ in 0..3 {
            self.load_const(Const::None);
        }
        self.emit(Op::Call, 3);
        if is_async {
            self.emit_await();
        }
        self.emit(Op::PopTop, 0);
    }

    /// `name = None; del name` (the end of `except E as name`).
    fn clear_name(&mut self, name: &str) {
        self.load_const(Const::None);
        self.name_op(name, Ctx::Store);
        self.name_op(name, Ctx::Del);
    }

    /// The cleanup handler for a region entered with (prev, exc) under a
    /// block: stack (prev, exc, new) -> restore prev, re-raise new.
    fn emit_cleanup2(&mut self, l: Label) {
        self.bind(l);
        self.emit(Op::Swap, 2);
        self.emit(Op::PopTop, 0);
        self.emit(Op::Swap, 2);
        self.emit(Op::PopExcept, 0);
        self.emit(Op::Reraise, 0);
    }

    pub fn try_stmt(&mut self, t: &'a ast::StmtTry) -> CResult {
        if t.is_star {
            return Err(self.err(t.range, "weft does not support 'except*' yet"));
        }
        if t.finalbody.is_empty() {
            return self.try_except(t);
        }
        let (fin, end) = (self.new_label(), self.new_label());
        self.emit_jump(Op::SetupFinally, fin);
        self.fblocks.push(FBlock::FinallyTry { body: &t.finalbody });
        if t.handlers.is_empty() {
            self.body(&t.body)?;
        } else {
            self.try_except(t)?;
        }
        self.fblocks.pop();
        self.emit(Op::PopBlock, 0);
        self.body(&t.finalbody)?;
        self.emit_jump(Op::Jump, end);
        // Exceptional path.
        self.bind(fin);
        let clean = self.new_label();
        self.emit(Op::PushExcInfo, 0);
        self.emit_jump(Op::SetupFinally, clean);
        self.fblocks.push(FBlock::FinallyEnd);
        self.body(&t.finalbody)?;
        self.fblocks.pop();
        self.emit(Op::PopBlock, 0);
        self.emit(Op::Swap, 2);
        self.emit(Op::PopExcept, 0);
        self.emit(Op::Reraise, 0);
        self.emit_cleanup2(clean);
        self.bind(end);
        Ok(())
    }

    fn try_except(&mut self, t: &'a ast::StmtTry) -> CResult {
        let (handler, end) = (self.new_label(), self.new_label());
        self.emit_jump(Op::SetupFinally, handler);
        self.fblocks.push(FBlock::TryExcept);
        self.body(&t.body)?;
        self.fblocks.pop();
        self.emit(Op::PopBlock, 0);
        self.body(&t.orelse)?;
        self.emit_jump(Op::Jump, end);
        self.bind(handler);
        let clean2 = self.new_label();
        self.emit(Op::PushExcInfo, 0);
        self.emit_jump(Op::SetupFinally, clean2);
        for (i, h) in t.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            let old = self.set_line(h.range);
            let next = self.new_label();
            match &h.type_ {
                Some(ty) => {
                    self.expr(ty)?;
                    self.emit(Op::CheckExcMatch, 0);
                    self.emit_jump(Op::PopJumpIfFalse, next);
                }
                None if i + 1 < t.handlers.len() => {
                    return Err(self.err(h.range, "default 'except:' must be last"));
                }
                None => {}
            }
            self.emit(Op::PopBlock, 0);
            let name = h.name.as_ref().map(|n| n.as_str());
            match name {
                Some(n) => self.name_op(n, Ctx::Store),
                None => self.emit(Op::PopTop, 0),
            }
            let clean = self.new_label();
            self.emit_jump(Op::SetupFinally, clean);
            self.fblocks.push(FBlock::HandlerCleanup { name });
            self.body(&h.body)?;
            self.fblocks.pop();
            self.emit(Op::PopBlock, 0);
            self.emit(Op::PopExcept, 0);
            if let Some(n) = name {
                self.clear_name(n);
            }
            self.emit_jump(Op::Jump, end);
            // Exception inside the handler body: stack (prev, new).
            self.bind(clean);
            if let Some(n) = name {
                self.clear_name(n);
            }
            self.emit(Op::Swap, 2);
            self.emit(Op::PopExcept, 0);
            self.emit(Op::Reraise, 0);
            self.bind(next);
            self.u().cur_line = old;
        }
        // No clause matched: stack (prev, exc).
        self.emit(Op::PopBlock, 0);
        self.emit(Op::Swap, 2);
        self.emit(Op::PopExcept, 0);
        self.emit(Op::Reraise, 0);
        self.emit_cleanup2(clean2);
        self.bind(end);
        Ok(())
    }

    pub fn with_stmt(&mut self, w: &'a ast::StmtWith) -> CResult {
        if w.is_async && !self.in_coroutine() {
            return Err(self.err(w.range, "'async with' outside async function"));
        }
        self.with_items(&w.items, &w.body, w.is_async)
    }

    /// Whether the code being compiled is an `async def` body.
    fn in_coroutine(&mut self) -> bool {
        self.u().flags & crate::bytecode::flags::COROUTINE != 0
    }

    /// `async with`'s entry: mgr -> (mgr.__aexit__, await mgr.__aenter__()).
    fn before_async_with(&mut self) {
        self.emit(Op::Copy, 1);
        self.emit_name(Op::LoadAttr, "__aexit__");
        self.emit(Op::Swap, 2);
        self.emit_name(Op::LoadMethod, "__aenter__");
        self.emit(Op::CallMethod, 0);
        self.emit_await();
    }

    fn with_items(&mut self, items: &'a [ast::WithItem], body: &'a [Stmt], is_async: bool) -> CResult {
        let Some((item, rest)) = items.split_first() else {
            return self.body(body);
        };
        let (handler, end) = (self.new_label(), self.new_label());
        self.expr(&item.context_expr)?;
        if is_async {
            self.before_async_with();
        } else {
            self.emit(Op::BeforeWith, 0);
        }
        match &item.optional_vars {
            Some(t) => self.store_target(t)?,
            None => self.emit(Op::PopTop, 0),
        }
        self.emit_jump(Op::SetupFinally, handler);
        self.fblocks.push(FBlock::With { is_async });
        self.with_items(rest, body, is_async)?;
        self.fblocks.pop();
        self.emit(Op::PopBlock, 0);
        self.call_exit_none(is_async);
        self.emit_jump(Op::Jump, end);
        // Exceptional exit: stack (exit_bound, exc).
        self.bind(handler);
        let (clean2, suppress) = (self.new_label(), self.new_label());
        self.emit(Op::PushExcInfo, 0);
        self.emit_jump(Op::SetupFinally, clean2);
        self.emit(Op::WithExceptStart, 0);
        if is_async {
            self.emit_await();
        }
        self.emit_jump(Op::PopJumpIfTrue, suppress);
        self.emit(Op::PopBlock, 0);
        self.emit(Op::Swap, 2);
        self.emit(Op::PopExcept, 0);
        self.emit(Op::Reraise, 0);
        self.bind(suppress);
        self.emit(Op::PopBlock, 0);
        self.emit(Op::PopTop, 0);
        self.emit(Op::PopExcept, 0);
        self.emit(Op::PopTop, 0);
        self.emit_jump(Op::Jump, end);
        self.emit_cleanup2(clean2);
        self.bind(end);
        Ok(())
    }
}
