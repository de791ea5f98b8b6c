//! Code generation core: the compiler state (a stack of code units, one per
//! nested scope being compiled), name resolution to opcodes, and building
//! functions, lambdas and classes (defaults, closures, decorators, the
//! class-body protocol with `__module__`, `__qualname__`, `__classcell__`).

use super::control::FBlock;
use super::symtable::{NameScope, Scope, ScopeKind, SymbolTable, DEF_FREE_CLASS};
use super::unit::{Const, Label, Unit};
use super::{mangle, CompileError, SourceInfo};
use crate::bytecode::opcodes::make_fn;
use crate::bytecode::{flags, CodeObject, Op};
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};
use std::sync::Arc;

pub(crate) type CResult<T = ()> = Result<T, CompileError>;

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ctx {
    Load,
    Store,
    Del,
}

pub(crate) struct Compiler<'a> {
    pub src: &'a SourceInfo,
    pub st: &'a SymbolTable,
    pub filename: Arc<str>,
    pub units: Vec<Unit>,
    /// Frame blocks of the unit being compiled (saved per nested unit).
    pub fblocks: Vec<FBlock<'a>>,
    saved_fblocks: Vec<Vec<FBlock<'a>>>,
    /// `from __future__ import annotations`: annotations are kept as their
    /// source text instead of being evaluated.
    pub future_annotations: bool,
}

/// `from __future__ import annotations` among the module's statements.
fn has_future_annotations(body: &[Stmt]) -> bool {
    body.iter().any(|s| match s {
        Stmt::ImportFrom(i) => {
            i.module.as_ref().is_some_and(|m| m.as_str() == "__future__") && i.names.iter().any(|n| n.name.as_str() == "annotations")
        }
        _ => false,
    })
}

/// A function's annotated parameters and return, in CPython's order.
pub(crate) fn function_annotations<'b>(p: &'b ast::Parameters, returns: Option<&'b Expr>) -> Vec<(&'b str, &'b Expr)> {
    let mut out = Vec::new();
    for a in p.posonlyargs.iter().chain(p.args.iter()) {
        if let Some(e) = &a.parameter.annotation {
            out.push((a.parameter.name.as_str(), &**e));
        }
    }
    if let Some(v) = &p.vararg {
        if let Some(e) = &v.annotation {
            out.push((v.name.as_str(), &**e));
        }
    }
    for a in &p.kwonlyargs {
        if let Some(e) = &a.parameter.annotation {
            out.push((a.parameter.name.as_str(), &**e));
        }
    }
    if let Some(k) = &p.kwarg {
        if let Some(e) = &k.annotation {
            out.push((k.name.as_str(), &**e));
        }
    }
    if let Some(r) = returns {
        out.push(("return", r));
    }
    out
}

pub(crate) fn compile(src: &SourceInfo, st: &SymbolTable, body: &[Stmt]) -> CResult<Arc<CodeObject>> {
    let mut c = Compiler {
        src,
        st,
        filename: Arc::from(src.filename.as_str()),
        units: Vec::new(),
        fblocks: Vec::new(),
        saved_fblocks: Vec::new(),
        future_annotations: has_future_annotations(body),
    };
    c.enter_unit(0, "<module>", "<module>", 1);
    c.u().flags = flags::NAMESPACE;
    let body = c.docstring_prologue(body)?;
    c.body(body)?;
    c.load_const(Const::None);
    c.emit(Op::ReturnValue, 0);
    Ok(c.exit_unit())
}

/// The docstring of a body, if its first statement is a string literal.
pub(crate) fn docstring(body: &[Stmt]) -> Option<&str> {
    match body.first() {
        Some(Stmt::Expr(e)) => match &*e.value {
            Expr::StringLiteral(s) => Some(s.value.to_str()),
            _ => None,
        },
        _ => None,
    }
}

impl<'a> Compiler<'a> {
    pub fn u(&mut self) -> &mut Unit {
        self.units.last_mut().expect("no unit")
    }
    pub fn scope(&self) -> &'a Scope {
        let st: &'a SymbolTable = self.st;
        &st.scopes[self.units.last().expect("no unit").scope]
    }
    pub fn emit(&mut self, op: Op, arg: u32) {
        self.u().emit(op, arg)
    }
    pub fn emit_jump(&mut self, op: Op, l: Label) {
        self.u().emit_jump(op, l)
    }
    pub fn new_label(&mut self) -> Label {
        self.u().new_label()
    }
    pub fn bind(&mut self, l: Label) {
        self.u().bind(l)
    }
    pub fn load_const(&mut self, c: Const) {
        let i = self.u().add_const(c);
        self.emit(Op::LoadConst, i);
    }
    /// `await` of the value on top of the stack: `yield from
    /// value.__await__()` (a coroutine's `__await__` is itself), through
    /// the builtin `__weft_await__` for CPython's TypeError on others.
    pub fn emit_await(&mut self) {
        self.emit_name(Op::LoadGlobal, "__weft_await__");
        self.emit(Op::Swap, 2);
        self.emit(Op::Call, 1);
        self.emit(Op::GetYieldFromIter, 0);
        self.load_const(Const::None);
        self.emit(Op::YieldFrom, 0);
    }

    pub fn emit_name(&mut self, op: Op, name: &str) {
        let i = self.u().name_index(name);
        self.emit(op, i);
    }
    pub fn err(&self, range: TextRange, msg: impl Into<String>) -> CompileError {
        self.src.error_at(range.start().into(), msg)
    }
    /// Sets the current line from `range`; returns the previous line.
    pub fn set_line(&mut self, range: TextRange) -> u32 {
        let line = self.src.line_of(range.start().into());
        std::mem::replace(&mut self.u().cur_line, line)
    }
    pub fn mangled(&self, name: &str) -> String {
        mangle(self.units.last().and_then(|u| u.private.as_deref()), name)
    }

    pub fn enter_unit(&mut self, scope_id: usize, name: &str, qualname: &str, first_line: u32) {
        let scope = &self.st.scopes[scope_id];
        let mut u = Unit::new(scope_id, name, qualname, first_line);
        u.private = scope.private.clone();
        if scope.kind.is_function_like() {
            for p in &scope.params {
                u.var_index(p);
            }
        }
        u.cellvars = scope.names_with(|s, _| s == NameScope::Cell);
        if scope.needs_class_closure {
            u.cellvars.push("__class__".to_string());
        }
        u.freevars = scope.names_with(|s, f| s == NameScope::Free || f & DEF_FREE_CLASS != 0);
        if scope.generator {
            u.flags |= flags::GENERATOR;
        }
        if scope.coroutine {
            u.flags |= flags::COROUTINE;
        }
        if scope.async_generator {
            u.flags |= flags::ASYNC_GENERATOR;
        }
        self.units.push(u);
        self.saved_fblocks.push(std::mem::take(&mut self.fblocks));
    }

    pub fn exit_unit(&mut self) -> Arc<CodeObject> {
        let u = self.units.pop().expect("no unit");
        self.fblocks = self.saved_fblocks.pop().unwrap_or_default();
        u.finish(&self.filename)
    }

    /// The qualified name of a new scope named `name` defined here.
    pub fn qualname(&self, name: &str) -> String {
        let Some(parent) = self.units.last() else { return name.to_string() };
        let pscope = &self.st.scopes[parent.scope];
        if pscope.kind == ScopeKind::Module {
            return name.to_string();
        }
        if pscope.scope_of(&self.mangled(name)) == Some(NameScope::GlobalExplicit) {
            return name.to_string();
        }
        if pscope.kind.is_function_like() {
            format!("{}.<locals>.{}", parent.qualname, name)
        } else {
            format!("{}.{}", parent.qualname, name)
        }
    }

    /// Emits the load/store/delete of a variable according to its scope.
    pub fn name_op(&mut self, name: &str, ctx: Ctx) {
        let name = self.mangled(name);
        let scope = self.scope();
        let sc = scope.scope_of(&name).unwrap_or(NameScope::GlobalImplicit);
        let func = scope.kind.is_function_like();
        let class = scope.kind == ScopeKind::Class;
        match sc {
            NameScope::Free | NameScope::Cell => {
                let idx = self.units.last().unwrap().cell_index(&name).unwrap_or(0);
                let op = match ctx {
                    Ctx::Load if class => Op::LoadClassDeref,
                    Ctx::Load => Op::LoadDeref,
                    Ctx::Store => Op::StoreDeref,
                    Ctx::Del => Op::DeleteDeref,
                };
                self.emit(op, idx);
            }
            NameScope::Local if func => {
                let idx = self.u().var_index(&name);
                let op = [Op::LoadFast, Op::StoreFast, Op::DeleteFast][ctx as usize];
                self.emit(op, idx);
            }
            NameScope::GlobalExplicit => {
                self.emit_name([Op::LoadGlobal, Op::StoreGlobal, Op::DeleteGlobal][ctx as usize], &name)
            }
            NameScope::GlobalImplicit if func => {
                self.emit_name([Op::LoadGlobal, Op::StoreGlobal, Op::DeleteGlobal][ctx as usize], &name)
            }
            _ => self.emit_name([Op::LoadName, Op::StoreName, Op::DeleteName][ctx as usize], &name),
        }
    }

    /// With the code object of a nested scope, emits the closure tuple (if
    /// it has free variables), the code constant and `MakeFunction`.
    /// `fn_flags` says which of defaults/kwdefaults are already pushed.
    pub fn make_function(&mut self, code: Arc<CodeObject>, mut fn_flags: u32) {
        if !code.freevars.is_empty() {
            for fv in code.freevars.iter() {
                let idx = self.units.last().unwrap().cell_index(fv).unwrap_or(0);
                self.emit(Op::LoadClosure, idx);
            }
            self.emit(Op::BuildTuple, code.freevars.len() as u32);
            fn_flags |= make_fn::CLOSURE;
        }
        self.load_const(Const::Code(code));
        self.emit(Op::MakeFunction, fn_flags);
    }

    /// Pushes the defaults tuple / kwdefaults dict; returns MakeFunction flags.
    pub fn push_defaults(&mut self, p: &'a ast::Parameters) -> CResult<u32> {
        let mut fl = 0;
        let pos: Vec<&Expr> =
            p.posonlyargs.iter().chain(p.args.iter()).filter_map(|a| a.default.as_deref()).collect();
        if !pos.is_empty() {
            for d in &pos {
                self.expr(d)?;
            }
            self.emit(Op::BuildTuple, pos.len() as u32);
            fl |= make_fn::DEFAULTS;
        }
        let kw: Vec<(&str, &Expr)> =
            p.kwonlyargs.iter().filter_map(|a| a.default.as_deref().map(|d| (a.parameter.name.as_str(), d))).collect();
        if !kw.is_empty() {
            for (name, d) in &kw {
                let name = self.mangled(name);
                self.load_const(Const::Str(name));
                self.expr(d)?;
            }
            self.emit(Op::BuildMap, kw.len() as u32);
            fl |= make_fn::KWDEFAULTS;
        }
        Ok(fl)
    }

    /// Pushes an annotation's value: the evaluated expression, or its source
    /// text under `from __future__ import annotations`.
    pub fn annotation_value(&mut self, e: &'a Expr) -> CResult {
        if self.future_annotations {
            let r = e.range();
            let text = self.src.source.get(usize::from(r.start())..usize::from(r.end())).unwrap_or("").to_string();
            self.load_const(Const::Str(text));
            return Ok(());
        }
        self.expr(e)
    }

    /// Pushes the `__annotations__` dict of a def; returns its MakeFunction flag.
    pub fn push_annotations(&mut self, f: &'a ast::StmtFunctionDef) -> CResult<u32> {
        let anns = function_annotations(&f.parameters, f.returns.as_deref());
        if anns.is_empty() {
            return Ok(0);
        }
        for (name, e) in &anns {
            let name = if *name == "return" { name.to_string() } else { self.mangled(name) };
            self.load_const(Const::Str(name));
            self.annotation_value(e)?;
        }
        self.emit(Op::BuildMap, anns.len() as u32);
        Ok(make_fn::ANNOTATIONS)
    }

    pub fn set_arg_counts(&mut self, p: &ast::Parameters) {
        let u = self.u();
        u.posonlyargcount = p.posonlyargs.len() as u32;
        u.argcount = (p.posonlyargs.len() + p.args.len()) as u32;
        u.kwonlyargcount = p.kwonlyargs.len() as u32;
        if p.vararg.is_some() {
            u.flags |= flags::VARARGS;
        }
        if p.kwarg.is_some() {
            u.flags |= flags::VARKEYWORDS;
        }
    }

    fn scope_id(&self, range: TextRange) -> CResult<usize> {
        self.st.scope_for(range).ok_or_else(|| self.err(range, "internal compiler error: scope not found"))
    }

    pub fn function_def(&mut self, f: &'a ast::StmtFunctionDef) -> CResult {
        for d in &f.decorator_list {
            self.expr(&d.expression)?;
        }
        let fl = self.push_defaults(&f.parameters)? | self.push_annotations(f)?;
        let sid = self.scope_id(f.range)?;
        let qualname = self.qualname(f.name.as_str());
        let first_line = self.src.line_of(f.range.start().into());
        self.enter_unit(sid, f.name.as_str(), &qualname, first_line);
        self.set_arg_counts(&f.parameters);
        // consts[0] is the docstring (or None), like CPython.
        let doc = docstring(&f.body);
        self.u().add_const(doc.map(|d| Const::Str(d.to_string())).unwrap_or(Const::None));
        let body = if doc.is_some() { &f.body[1..] } else { &f.body[..] };
        self.body(body)?;
        // Always end with `return None`: a label may be bound at the end.
        self.load_const(Const::None);
        self.emit(Op::ReturnValue, 0);
        let code = self.exit_unit();
        let async_gen = code.has_flag(flags::ASYNC_GENERATOR);
        self.make_function(code, fl);
        if async_gen {
            // calls make async generator objects (see flags::ASYNC_GENERATOR)
            self.emit_name(Op::LoadGlobal, "__weft_agen_fn__");
            self.emit(Op::Swap, 2);
            self.emit(Op::Call, 1);
        }
        for _ in &f.decorator_list {
            self.emit(Op::Call, 1);
        }
        self.name_op(f.name.as_str(), Ctx::Store);
        Ok(())
    }

    pub fn lambda(&mut self, l: &'a ast::ExprLambda) -> CResult {
        let fl = match &l.parameters {
            Some(p) => self.push_defaults(p)?,
            None => 0,
        };
        let sid = self.scope_id(l.range)?;
        let qualname = self.qualname("<lambda>");
        let first_line = self.src.line_of(l.range.start().into());
        self.enter_unit(sid, "<lambda>", &qualname, first_line);
        if let Some(p) = &l.parameters {
            self.set_arg_counts(p);
        }
        self.expr(&l.body)?;
        if self.u().flags & flags::GENERATOR != 0 {
            self.emit(Op::PopTop, 0);
            self.load_const(Const::None);
        }
        self.emit(Op::ReturnValue, 0);
        let code = self.exit_unit();
        self.make_function(code, fl);
        Ok(())
    }

    pub fn class_def(&mut self, c: &'a ast::StmtClassDef) -> CResult {
        for d in &c.decorator_list {
            self.expr(&d.expression)?;
        }
        self.emit(Op::LoadBuildClass, 0);
        let sid = self.scope_id(c.range)?;
        let qualname = self.qualname(c.name.as_str());
        let first_line = self.src.line_of(c.range.start().into());
        self.enter_unit(sid, c.name.as_str(), &qualname, first_line);
        self.u().flags = flags::NAMESPACE | flags::CLASS_BODY;
        self.emit_name(Op::LoadName, "__name__");
        self.emit_name(Op::StoreName, "__module__");
        self.load_const(Const::Str(qualname.clone()));
        self.emit_name(Op::StoreName, "__qualname__");
        let body = self.docstring_prologue(&c.body)?;
        self.body(body)?;
        if self.scope().needs_class_closure {
            let idx = self.units.last().unwrap().cell_index("__class__").unwrap_or(0);
            self.emit(Op::LoadClosure, idx);
            self.emit_name(Op::StoreName, "__classcell__");
        }
        self.load_const(Const::None);
        self.emit(Op::ReturnValue, 0);
        let code = self.exit_unit();
        self.make_function(code, 0);
        self.load_const(Const::Str(c.name.to_string()));
        let (args, kws): (&[Expr], &[ast::Keyword]) = match &c.arguments {
            Some(a) => (&a.args, &a.keywords),
            None => (&[], &[]),
        };
        self.call_with_args(2, args, kws)?;
        for _ in &c.decorator_list {
            self.emit(Op::Call, 1);
        }
        self.name_op(c.name.as_str(), Ctx::Store);
        Ok(())
    }

    /// Stores a module/class docstring in `__doc__`; returns the rest.
    pub fn docstring_prologue(&mut self, body: &'a [Stmt]) -> CResult<&'a [Stmt]> {
        match docstring(body) {
            Some(doc) => {
                let old = self.set_line(body[0].range());
                self.load_const(Const::Str(doc.to_string()));
                self.emit_name(Op::StoreName, "__doc__");
                self.u().cur_line = old;
                Ok(&body[1..])
            }
            None => Ok(body),
        }
    }

    pub fn body(&mut self, body: &'a [Stmt]) -> CResult {
        body.iter().try_for_each(|s| self.stmt(s))
    }
}
