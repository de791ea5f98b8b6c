//! Comprehensions and generator expressions, compiled like CPython 3.11: a
//! nested code object taking the outermost iterator as its only argument
//! `.0`; the caller evaluates that iterable in its own scope, applies
//! `GetIter` and calls the new function with it.

use super::codegen::{CResult, Compiler};
use super::unit::Const;
use crate::bytecode::Op;
use ruff_python_ast::{self as ast, Expr};
use ruff_text_size::Ranged;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    List,
    Set,
    Dict,
    Gen,
}

/// What each innermost iteration produces.
struct Element<'a> {
    kind: Kind,
    elt: &'a Expr,
    value: Option<&'a Expr>,
}

impl<'a> Compiler<'a> {
    pub fn comprehension(&mut self, e: &'a Expr) -> CResult {
        let (gens, name, el): (&'a [ast::Comprehension], &str, Element<'a>) = match e {
            Expr::ListComp(c) => (&c.generators, "<listcomp>", Element { kind: Kind::List, elt: &c.elt, value: None }),
            Expr::SetComp(c) => (&c.generators, "<setcomp>", Element { kind: Kind::Set, elt: &c.elt, value: None }),
            Expr::Generator(c) => (&c.generators, "<genexpr>", Element { kind: Kind::Gen, elt: &c.elt, value: None }),
            Expr::DictComp(c) => match &c.key {
                Some(k) => (&c.generators, "<dictcomp>", Element { kind: Kind::Dict, elt: k, value: Some(&c.value) }),
                None => return Err(self.err(c.range, "dict unpacking cannot be used in dict comprehension")),
            },
            _ => return Err(self.err(e.range(), "internal compiler error: not a comprehension")),
        };
        if gens.is_empty() {
            return Err(self.err(e.range(), "invalid syntax"));
        }
        let sid = self
            .st
            .scope_for(e.range())
            .ok_or_else(|| self.err(e.range(), "internal compiler error: comprehension scope not found"))?;
        let qualname = self.qualname(name);
        let line = self.src.line_of(e.range().start().into());
        self.enter_unit(sid, name, &qualname, line);
        self.u().argcount = 1;
        match el.kind {
            Kind::List => self.emit(Op::BuildList, 0),
            Kind::Set => self.emit(Op::BuildSet, 0),
            Kind::Dict => self.emit(Op::BuildMap, 0),
            Kind::Gen => {}
        }
        self.comp_loop(gens, 0, &el)?;
        if el.kind == Kind::Gen {
            self.load_const(Const::None);
        }
        self.emit(Op::ReturnValue, 0);
        let code = self.exit_unit();
        let is_async = code.has_flag(crate::bytecode::flags::COROUTINE);
        self.make_function(code, 0);
        self.expr(&gens[0].iter)?;
        self.get_iter(gens[0].is_async);
        self.emit(Op::Call, 1);
        if is_async {
            // a comprehension with `await` in an `async def` runs as a
            // coroutine of its own, awaited here
            self.emit_await();
        }
        Ok(())
    }

    fn comp_loop(&mut self, gens: &'a [ast::Comprehension], i: usize, el: &Element<'a>) -> CResult {
        let g = &gens[i];
        let (top, end) = (self.new_label(), self.new_label());
        if i == 0 {
            self.emit(Op::LoadFast, 0);
        } else {
            self.expr(&g.iter)?;
            self.get_iter(g.is_async);
        }
        self.bind(top);
        let handler = self.new_label();
        if g.is_async {
            self.emit_async_next(handler);
        } else {
            self.emit_jump(Op::ForIter, end);
        }
        self.store_target(&g.target)?;
        for cond in &g.ifs {
            self.expr(cond)?;
            self.emit_jump(Op::PopJumpIfFalse, top);
        }
        if i + 1 < gens.len() {
            self.comp_loop(gens, i + 1, el)?;
        } else {
            let depth = gens.len() as u32 + 1;
            match el.kind {
                Kind::List => {
                    self.expr(el.elt)?;
                    self.emit(Op::ListAppend, depth);
                }
                Kind::Set => {
                    self.expr(el.elt)?;
                    self.emit(Op::SetAdd, depth);
                }
                Kind::Dict => {
                    self.expr(el.elt)?;
                    if let Some(v) = el.value {
                        self.expr(v)?;
                    }
                    self.emit(Op::MapAdd, depth);
                }
                Kind::Gen => {
                    self.expr(el.elt)?;
                    self.emit(Op::YieldValue, 0);
                    self.emit(Op::PopTop, 0);
                }
            }
        }
        self.emit_jump(Op::Jump, top);
        if g.is_async {
            self.emit_stop_async_handler(handler, end);
        }
        self.bind(end);
        Ok(())
    }

    /// The iterator of a `for` clause: `iter(x)`, or `x.__aiter__()` for
    /// an `async for` clause.
    fn get_iter(&mut self, is_async: bool) {
        if is_async {
            self.emit_name(Op::LoadMethod, "__aiter__");
            self.emit(Op::CallMethod, 0);
        } else {
            self.emit(Op::GetIter, 0);
        }
    }
}
