//! Simple statements: assignment (including unpacking and augmented
//! assignment), `del`, imports, `raise`, `assert`, expression statements,
//! and the statement dispatcher.

use super::codegen::{CResult, Compiler, Ctx};
use super::expr::binop;
use super::unit::Const;
use crate::bytecode::opcodes::BINOP_INPLACE;
use crate::bytecode::Op;
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::Ranged;

impl<'a> Compiler<'a> {
    pub fn stmt(&mut self, s: &'a Stmt) -> CResult {
        let old = self.set_line(s.range());
        let r = self.stmt_inner(s);
        self.u().cur_line = old;
        r
    }

    fn stmt_inner(&mut self, s: &'a Stmt) -> CResult {
        match s {
            Stmt::FunctionDef(f) => self.function_def(f),
            Stmt::ClassDef(c) => self.class_def(c),
            Stmt::Return(r) => self.return_stmt(r),
            Stmt::Delete(d) => d.targets.iter().try_for_each(|t| self.delete_target(t)),
            Stmt::Assign(a) => {
                self.expr(&a.value)?;
                let n = a.targets.len();
                for (i, t) in a.targets.iter().enumerate() {
                    if i + 1 < n {
                        self.emit(Op::Copy, 1);
                    }
                    self.store_target(t)?;
                }
                Ok(())
            }
            Stmt::AugAssign(a) => self.aug_assign(a),
            Stmt::AnnAssign(a) => {
                if let Some(v) = &a.value {
                    self.expr(v)?;
                    self.store_target(&a.target)?;
                }
                self.record_annotation(a)
            }
            Stmt::For(f) => self.for_stmt(f),
            Stmt::While(w) => self.while_stmt(w),
            Stmt::If(i) => self.if_stmt(i),
            Stmt::With(w) => self.with_stmt(w),
            Stmt::Match(m) => self.match_stmt(m),
            Stmt::Raise(r) => {
                let mut n = 0;
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                    n = 1;
                    if let Some(c) = &r.cause {
                        self.expr(c)?;
                        n = 2;
                    }
                }
                self.emit(Op::RaiseVarargs, n);
                Ok(())
            }
            Stmt::Try(t) => self.try_stmt(t),
            Stmt::Assert(a) => {
                let ok = self.new_label();
                self.expr(&a.test)?;
                self.emit_jump(Op::PopJumpIfTrue, ok);
                self.emit(Op::LoadAssertionError, 0);
                if let Some(m) = &a.msg {
                    self.expr(m)?;
                    self.emit(Op::Call, 1);
                }
                self.emit(Op::RaiseVarargs, 1);
                self.bind(ok);
                Ok(())
            }
            Stmt::Import(i) => self.import(i),
            Stmt::ImportFrom(i) => self.import_from(i),
            Stmt::Global(_) | Stmt::Nonlocal(_) | Stmt::Pass(_) => Ok(()),
            Stmt::Expr(e) => {
                if self.const_of(&e.value).is_some() {
                    return Ok(());
                }
                self.expr(&e.value)?;
                self.emit(Op::PopTop, 0);
                Ok(())
            }
            Stmt::Break(b) => self.break_stmt(b.range),
            Stmt::Continue(c) => self.continue_stmt(c.range),
            Stmt::TypeAlias(t) => Err(self.err(t.range, "weft does not support the 'type' statement yet")),
            Stmt::IpyEscapeCommand(c) => Err(self.err(c.range, "invalid syntax")),
        }
    }

    /// Stores TOS into an assignment target (popping it).
    pub fn store_target(&mut self, t: &'a Expr) -> CResult {
        match t {
            Expr::Name(n) => {
                if n.id.as_str() == "__debug__" {
                    return Err(self.err(n.range, "cannot assign to __debug__"));
                }
                self.name_op(n.id.as_str(), Ctx::Store);
                Ok(())
            }
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let name = self.mangled(a.attr.as_str());
                self.emit_name(Op::StoreAttr, &name);
                Ok(())
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.subscript_index(&s.slice)?;
                self.emit(Op::StoreSubscr, 0);
                Ok(())
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => self.unpack(t, elts),
            Expr::Starred(s) => Err(self.err(s.range, "starred assignment target must be in a list or tuple")),
            _ => Err(self.err(t.range(), "cannot assign to expression")),
        }
    }

    fn unpack(&mut self, t: &'a Expr, elts: &'a [Expr]) -> CResult {
        let stars: Vec<usize> =
            elts.iter().enumerate().filter(|(_, e)| matches!(e, Expr::Starred(_))).map(|(i, _)| i).collect();
        match stars.as_slice() {
            [] => self.emit(Op::UnpackSequence, elts.len() as u32),
            [i] => {
                let (before, after) = (*i, elts.len() - i - 1);
                if before > 255 || after >= (1 << 23) {
                    return Err(self.err(t.range(), "too many expressions in star-unpacking assignment"));
                }
                self.emit(Op::UnpackEx, (before | (after << 8)) as u32);
            }
            _ => return Err(self.err(t.range(), "multiple starred expressions in assignment")),
        }
        for e in elts {
            match e {
                Expr::Starred(s) => self.store_target(&s.value)?,
                _ => self.store_target(e)?,
            }
        }
        Ok(())
    }

    fn delete_target(&mut self, t: &'a Expr) -> CResult {
        match t {
            Expr::Name(n) => {
                self.name_op(n.id.as_str(), Ctx::Del);
                Ok(())
            }
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let name = self.mangled(a.attr.as_str());
                self.emit_name(Op::DeleteAttr, &name);
                Ok(())
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.subscript_index(&s.slice)?;
                self.emit(Op::DeleteSubscr, 0);
                Ok(())
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                elts.iter().try_for_each(|e| self.delete_target(e))
            }
            _ => Err(self.err(t.range(), "cannot delete expression")),
        }
    }

    fn aug_assign(&mut self, a: &'a ast::StmtAugAssign) -> CResult {
        let op = binop(a.op) as u32 | BINOP_INPLACE;
        match &*a.target {
            Expr::Name(n) => {
                self.name_op(n.id.as_str(), Ctx::Load);
                self.expr(&a.value)?;
                self.emit(Op::BinaryOp, op);
                self.name_op(n.id.as_str(), Ctx::Store);
            }
            Expr::Attribute(at) => {
                let name = self.mangled(at.attr.as_str());
                self.expr(&at.value)?;
                self.emit(Op::Copy, 1);
                self.emit_name(Op::LoadAttr, &name);
                self.expr(&a.value)?;
                self.emit(Op::BinaryOp, op);
                self.emit(Op::Swap, 2);
                self.emit_name(Op::StoreAttr, &name);
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.subscript_index(&s.slice)?;
                self.emit(Op::Copy, 2);
                self.emit(Op::Copy, 2);
                self.emit(Op::BinarySubscr, 0);
                self.expr(&a.value)?;
                self.emit(Op::BinaryOp, op);
                self.emit(Op::Swap, 3);
                self.emit(Op::Swap, 2);
                self.emit(Op::StoreSubscr, 0);
            }
            other => return Err(self.err(other.range(), "'expression' is an illegal expression for augmented assignment")),
        }
        Ok(())
    }

    fn import(&mut self, i: &'a ast::StmtImport) -> CResult {
        for alias in &i.names {
            let name = alias.name.as_str();
            self.load_const(Const::Int(0));
            self.load_const(Const::None);
            self.emit_name(Op::ImportName, name);
            match &alias.asname {
                Some(asname) => {
                    for part in name.split('.').skip(1) {
                        self.emit_name(Op::ImportFrom, part);
                        self.emit(Op::Swap, 2);
                        self.emit(Op::PopTop, 0);
                    }
                    self.name_op(asname.as_str(), Ctx::Store);
                }
                None => {
                    let top = name.split('.').next().unwrap_or(name);
                    self.name_op(top, Ctx::Store);
                }
            }
        }
        Ok(())
    }

    fn import_from(&mut self, i: &'a ast::StmtImportFrom) -> CResult {
        let module = i.module.as_ref().map(|m| m.as_str()).unwrap_or("");
        let names: Vec<Const> = i.names.iter().map(|a| Const::Str(a.name.to_string())).collect();
        self.load_const(Const::Int(i.level as i64));
        self.load_const(Const::Tuple(names));
        self.emit_name(Op::ImportName, module);
        if i.names.len() == 1 && i.names[0].name.as_str() == "*" {
            self.emit(Op::ImportStar, 0);
            return Ok(());
        }
        for alias in &i.names {
            self.emit_name(Op::ImportFrom, alias.name.as_str());
            let bound = alias.asname.as_ref().unwrap_or(&alias.name);
            self.name_op(bound.as_str(), Ctx::Store);
        }
        self.emit(Op::PopTop, 0);
        Ok(())
    }
}

impl<'a> Compiler<'a> {
    /// `x: T` in a module or class body stores `T` (evaluated, as in CPython
    /// 3.11 without `from __future__ import annotations`) in
    /// `__annotations__['x']`; annotations of other targets and of function
    /// locals are not evaluated.
    fn record_annotation(&mut self, a: &'a ast::StmtAnnAssign) -> CResult<()> {
        let Expr::Name(n) = &*a.target else { return Ok(()) };
        if !a.simple || self.u().flags & crate::bytecode::flags::NAMESPACE == 0 {
            return Ok(());
        }
        let name = self.mangled(n.id.as_str());
        self.emit(Op::SetupAnnotations, 0);
        self.annotation_value(&a.annotation)?;
        self.emit_name(Op::LoadName, "__annotations__");
        self.load_const(Const::Str(name));
        self.emit(Op::StoreSubscr, 0);
        Ok(())
    }
}
