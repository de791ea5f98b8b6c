//! The symbol table: one `Scope` per module, class, function, lambda and
//! comprehension, and the analysis that decides for every name whether it is
//! local, global (explicit or implicit), free or a cell — CPython's
//! `symtable.c` algorithm. Class scopes do not enclose their methods' name
//! resolution; a method using `super` or `__class__` makes the class own an
//! implicit `__class__` cell. Scopes are keyed by the source range of the
//! node that creates them, so code generation can visit in any order.

use super::{mangle, CompileError, SourceInfo};
use ruff_python_ast::{self as ast, Expr, Pattern, Stmt};
use ruff_text_size::{Ranged, TextRange};
use std::collections::{HashMap, HashSet};

pub const DEF_LOCAL: u32 = 1;
pub const DEF_GLOBAL: u32 = 2;
pub const DEF_NONLOCAL: u32 = 4;
pub const DEF_PARAM: u32 = 8;
pub const USE: u32 = 16;
pub const DEF_FREE_CLASS: u32 = 32;
pub const DEF_IMPORT: u32 = 64;
pub const DEF_COMP_ITER: u32 = 128;
const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension,
}

impl ScopeKind {
    pub fn is_function_like(self) -> bool {
        matches!(self, ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension)
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum NameScope {
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

pub struct Scope {
    pub kind: ScopeKind,
    /// The scope's name (for debugging dumps).
    #[allow(dead_code)]
    pub name: String,
    /// Names in order of first appearance, with their `DEF_*`/`USE` flags.
    pub order: Vec<String>,
    pub flags: HashMap<String, u32>,
    pub scopes: HashMap<String, NameScope>,
    pub params: Vec<String>,
    pub children: Vec<usize>,
    pub generator: bool,
    /// An `async def` body (compiled as a generator driven by `await`).
    pub coroutine: bool,
    /// An `async def` body with `yield`.
    pub async_generator: bool,
    pub needs_class_closure: bool,
    /// Comprehension kind for error messages ("list comprehension", ...).
    pub comp_kind: &'static str,
    /// Class name used to mangle private names in this scope.
    pub private: Option<String>,
    /// Source offset of each `global`/`nonlocal` declaration (for errors).
    pub decl_pos: HashMap<String, u32>,
}

impl Scope {
    fn new(kind: ScopeKind, name: &str, private: Option<String>) -> Scope {
        Scope {
            kind,
            name: name.to_string(),
            order: Vec::new(),
            flags: HashMap::new(),
            scopes: HashMap::new(),
            params: Vec::new(),
            children: Vec::new(),
            generator: false,
            coroutine: false,
            async_generator: false,
            needs_class_closure: false,
            comp_kind: "",
            private,
            decl_pos: HashMap::new(),
        }
    }
    pub fn scope_of(&self, name: &str) -> Option<NameScope> {
        self.scopes.get(name).copied()
    }
    pub fn flags_of(&self, name: &str) -> u32 {
        self.flags.get(name).copied().unwrap_or(0)
    }
    /// Names of the given final scope, in order of first appearance.
    pub fn names_with(&self, pred: impl Fn(NameScope, u32) -> bool) -> Vec<String> {
        self.order
            .iter()
            .filter(|n| self.scopes.get(*n).map(|s| pred(*s, self.flags_of(n))).unwrap_or(false))
            .cloned()
            .collect()
    }
}

pub struct SymbolTable {
    pub scopes: Vec<Scope>,
    by_range: HashMap<(u32, u32), usize>,
}

impl SymbolTable {
    pub fn scope_for(&self, range: TextRange) -> Option<usize> {
        self.by_range.get(&(range.start().into(), range.end().into())).copied()
    }
}

pub fn build(body: &[Stmt], src: &SourceInfo) -> Result<SymbolTable, CompileError> {
    let mut b = Builder { src, scopes: vec![Scope::new(ScopeKind::Module, "top", None)], stack: vec![0], by_range: HashMap::new(), comp_target_depth: 0 };
    for s in body {
        b.stmt(s)?;
    }
    let mut st = SymbolTable { scopes: b.scopes, by_range: b.by_range };
    let mut an = Analyzer { st: &mut st, src };
    an.block(0, None, &HashSet::new())?;
    Ok(st)
}

struct Builder<'a> {
    src: &'a SourceInfo,
    scopes: Vec<Scope>,
    stack: Vec<usize>,
    by_range: HashMap<(u32, u32), usize>,
    /// > 0 while visiting a comprehension's `for` target.
    comp_target_depth: usize,
}

type R = Result<(), CompileError>;

impl<'a> Builder<'a> {
    fn cur(&mut self) -> &mut Scope {
        let i = *self.stack.last().unwrap();
        &mut self.scopes[i]
    }
    fn err(&self, range: TextRange, msg: impl Into<String>) -> CompileError {
        self.src.error_at(range.start().into(), msg)
    }

    fn add_def(&mut self, name: &str, flag: u32, range: TextRange) -> R {
        let private = self.cur().private.clone();
        let name = mangle(private.as_deref(), name);
        let scope = self.cur();
        let old = scope.flags.get(&name).copied();
        if flag & DEF_PARAM != 0 && old.map(|o| o & DEF_PARAM != 0).unwrap_or(false) {
            return Err(self.err(range, format!("duplicate argument '{name}' in function definition")));
        }
        let scope = self.cur();
        match old {
            Some(o) => {
                scope.flags.insert(name.clone(), o | flag);
            }
            None => {
                scope.order.push(name.clone());
                scope.flags.insert(name.clone(), flag);
            }
        }
        if flag & DEF_PARAM != 0 {
            scope.params.push(name);
        }
        Ok(())
    }

    fn enter(&mut self, kind: ScopeKind, name: &str, range: TextRange) -> usize {
        let parent_private = self.cur().private.clone();
        let private = if kind == ScopeKind::Class { Some(name.to_string()) } else { parent_private };
        let id = self.scopes.len();
        self.scopes.push(Scope::new(kind, name, private));
        let parent = *self.stack.last().unwrap();
        self.scopes[parent].children.push(id);
        self.by_range.insert((range.start().into(), range.end().into()), id);
        self.stack.push(id);
        id
    }
    fn leave(&mut self) {
        self.stack.pop();
    }

    fn body(&mut self, body: &[Stmt]) -> R {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn stmt(&mut self, s: &Stmt) -> R {
        match s {
            Stmt::FunctionDef(f) => self.function_def(f),
            Stmt::ClassDef(c) => self.class_def(c),
            Stmt::Return(r) => self.opt_expr(r.value.as_deref()),
            Stmt::Delete(d) => d.targets.iter().try_for_each(|t| self.expr(t)),
            Stmt::Assign(a) => {
                self.expr(&a.value)?;
                a.targets.iter().try_for_each(|t| self.expr(t))
            }
            Stmt::AugAssign(a) => {
                self.expr(&a.target)?;
                self.expr(&a.value)
            }
            Stmt::AnnAssign(a) => {
                if let Some(v) = &a.value {
                    self.expr(v)?;
                }
                if a.value.is_some() || !matches!(&*a.target, Expr::Name(_)) {
                    self.expr(&a.target)?;
                } else if let Expr::Name(n) = &*a.target {
                    // `x: int` alone makes x local without binding it.
                    self.add_def(&n.id, DEF_LOCAL, n.range)?;
                }
                Ok(())
            }
            Stmt::For(f) => {
                self.expr(&f.target)?;
                self.expr(&f.iter)?;
                self.body(&f.body)?;
                self.body(&f.orelse)
            }
            Stmt::While(w) => {
                self.expr(&w.test)?;
                self.body(&w.body)?;
                self.body(&w.orelse)
            }
            Stmt::If(i) => {
                self.expr(&i.test)?;
                self.body(&i.body)?;
                for c in &i.elif_else_clauses {
                    self.opt_expr(c.test.as_ref())?;
                    self.body(&c.body)?;
                }
                Ok(())
            }
            Stmt::With(w) => {
                for item in &w.items {
                    self.expr(&item.context_expr)?;
                    self.opt_expr(item.optional_vars.as_deref())?;
                }
                self.body(&w.body)
            }
            Stmt::Match(m) => {
                self.expr(&m.subject)?;
                for c in &m.cases {
                    self.pattern(&c.pattern)?;
                    self.opt_expr(c.guard.as_deref())?;
                    self.body(&c.body)?;
                }
                Ok(())
            }
            Stmt::Raise(r) => {
                self.opt_expr(r.exc.as_deref())?;
                self.opt_expr(r.cause.as_deref())
            }
            Stmt::Try(t) => {
                self.body(&t.body)?;
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    self.opt_expr(h.type_.as_deref())?;
                    if let Some(n) = &h.name {
                        self.add_def(n, DEF_LOCAL, n.range)?;
                    }
                    self.body(&h.body)?;
                }
                self.body(&t.orelse)?;
                self.body(&t.finalbody)
            }
            Stmt::Assert(a) => {
                self.expr(&a.test)?;
                self.opt_expr(a.msg.as_deref())
            }
            Stmt::Import(i) => {
                for a in &i.names {
                    let bound = match &a.asname {
                        Some(n) => n.as_str(),
                        None => a.name.as_str().split('.').next().unwrap_or(""),
                    };
                    self.add_def(bound, DEF_IMPORT, a.range)?;
                }
                Ok(())
            }
            Stmt::ImportFrom(i) => {
                for a in &i.names {
                    if a.name.as_str() == "*" {
                        if self.cur().kind != ScopeKind::Module {
                            return Err(self.err(i.range, "import * only allowed at module level"));
                        }
                        continue;
                    }
                    let bound = a.asname.as_ref().unwrap_or(&a.name);
                    self.add_def(bound, DEF_IMPORT, a.range)?;
                }
                Ok(())
            }
            Stmt::Global(g) => self.global_decl(&g.names, true, g.range),
            Stmt::Nonlocal(n) => self.global_decl(&n.names, false, n.range),
            Stmt::Expr(e) => self.expr(&e.value),
            Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) => Ok(()),
            Stmt::TypeAlias(t) => Err(self.err(t.range, "weft does not support the 'type' statement yet")),
            Stmt::IpyEscapeCommand(c) => Err(self.err(c.range, "invalid syntax")),
        }
    }

    fn global_decl(&mut self, names: &[ast::Identifier], global: bool, range: TextRange) -> R {
        let kind = self.cur().kind;
        if !global && kind == ScopeKind::Module {
            return Err(self.err(range, "nonlocal declaration not allowed at module level"));
        }
        for n in names {
            let private = self.cur().private.clone();
            let name = mangle(private.as_deref(), n.as_str());
            let old = self.cur().flags_of(&name);
            let what = if global { "global" } else { "nonlocal" };
            if old & DEF_PARAM != 0 {
                return Err(self.err(n.range, format!("name '{name}' is parameter and {what}")));
            }
            if old & USE != 0 {
                return Err(self.err(n.range, format!("name '{name}' is used prior to {what} declaration")));
            }
            if old & (DEF_LOCAL | DEF_IMPORT) != 0 {
                return Err(self.err(n.range, format!("name '{name}' is assigned to before {what} declaration")));
            }
            if global && old & DEF_NONLOCAL != 0 || !global && old & DEF_GLOBAL != 0 {
                return Err(self.err(n.range, format!("name '{name}' is nonlocal and global")));
            }
            self.cur().decl_pos.insert(name.clone(), n.range.start().into());
            self.add_def(&name, if global { DEF_GLOBAL } else { DEF_NONLOCAL }, n.range)?;
        }
        Ok(())
    }

    fn parameters_defaults(&mut self, p: &ast::Parameters) -> R {
        for a in p.posonlyargs.iter().chain(p.args.iter()).chain(p.kwonlyargs.iter()) {
            self.opt_expr(a.default.as_deref())?;
        }
        Ok(())
    }

    fn parameters(&mut self, p: &ast::Parameters) -> R {
        for a in p.posonlyargs.iter().chain(p.args.iter()).chain(p.kwonlyargs.iter()) {
            self.add_def(&a.parameter.name, DEF_PARAM, a.parameter.range)?;
        }
        if let Some(v) = &p.vararg {
            self.add_def(&v.name, DEF_PARAM, v.range)?;
        }
        if let Some(k) = &p.kwarg {
            self.add_def(&k.name, DEF_PARAM, k.range)?;
        }
        Ok(())
    }

    fn function_def(&mut self, f: &ast::StmtFunctionDef) -> R {
        if f.type_params.is_some() {
            return Err(self.err(f.range, "weft does not support type parameters yet"));
        }
        for d in &f.decorator_list {
            self.expr(&d.expression)?;
        }
        self.parameters_defaults(&f.parameters)?;
        for (_, ann) in super::codegen::function_annotations(&f.parameters, f.returns.as_deref()) {
            self.expr(ann)?;
        }
        self.add_def(&f.name, DEF_LOCAL, f.name.range)?;
        let id = self.enter(ScopeKind::Function, f.name.as_str(), f.range);
        if f.is_async {
            self.scopes[id].coroutine = true;
            self.scopes[id].generator = true;
        }
        self.parameters(&f.parameters)?;
        self.body(&f.body)?;
        self.leave();
        Ok(())
    }

    fn class_def(&mut self, c: &ast::StmtClassDef) -> R {
        if c.type_params.is_some() {
            return Err(self.err(c.range, "weft does not support type parameters yet"));
        }
        for d in &c.decorator_list {
            self.expr(&d.expression)?;
        }
        if let Some(args) = &c.arguments {
            args.args.iter().try_for_each(|a| self.expr(a))?;
            args.keywords.iter().try_for_each(|k| self.expr(&k.value))?;
        }
        self.add_def(&c.name, DEF_LOCAL, c.name.range)?;
        self.enter(ScopeKind::Class, c.name.as_str(), c.range);
        self.body(&c.body)?;
        self.leave();
        Ok(())
    }

    fn opt_expr(&mut self, e: Option<&Expr>) -> R {
        match e {
            Some(e) => self.expr(e),
            None => Ok(()),
        }
    }

    fn name(&mut self, n: &ast::ExprName) -> R {
        match n.ctx {
            ast::ExprContext::Load => {
                let kind = self.cur().kind;
                if kind.is_function_like() && n.id.as_str() == "super" {
                    self.add_def("__class__", USE, n.range)?;
                }
                self.add_def(&n.id, USE, n.range)
            }
            ast::ExprContext::Store => {
                let comp_iter = self.comp_target_depth > 0;
                let flag = if comp_iter { DEF_LOCAL | DEF_COMP_ITER } else { DEF_LOCAL };
                self.add_def(&n.id, flag, n.range)
            }
            ast::ExprContext::Del => self.add_def(&n.id, DEF_LOCAL, n.range),
            ast::ExprContext::Invalid => Err(self.err(n.range, "invalid syntax")),
        }
    }

    fn expr(&mut self, e: &Expr) -> R {
        match e {
            Expr::Name(n) => self.name(n),
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.parameters_defaults(p)?;
                }
                self.enter(ScopeKind::Lambda, "lambda", l.range);
                if let Some(p) = &l.parameters {
                    self.parameters(p)?;
                }
                self.expr(&l.body)?;
                self.leave();
                Ok(())
            }
            Expr::ListComp(c) => self.comprehension(e, &c.generators, &[&c.elt], "list comprehension"),
            Expr::SetComp(c) => self.comprehension(e, &c.generators, &[&c.elt], "set comprehension"),
            Expr::Generator(c) => self.comprehension(e, &c.generators, &[&c.elt], "generator expression"),
            Expr::DictComp(c) => match &c.key {
                Some(k) => self.comprehension(e, &c.generators, &[k, &c.value], "dict comprehension"),
                None => Err(self.err(c.range, "dict unpacking cannot be used in dict comprehension")),
            },
            Expr::Yield(y) => {
                self.mark_yield(y.range)?;
                self.opt_expr(y.value.as_deref())
            }
            Expr::YieldFrom(y) => {
                if self.cur().coroutine {
                    return Err(self.err(y.range, "'yield from' inside async function"));
                }
                self.mark_yield(y.range)?;
                self.expr(&y.value)
            }
            Expr::Await(a) => {
                self.mark_await(a.range)?;
                self.expr(&a.value)
            }
            Expr::Named(n) => self.named_expr(n),
            _ => self.expr_children(e),
        }
    }

    /// `await` is allowed only directly in an `async def` body.
    fn mark_await(&mut self, range: TextRange) -> R {
        let (kind, coroutine) = (self.cur().kind, self.cur().coroutine);
        match kind {
            ScopeKind::Module | ScopeKind::Class => Err(self.err(range, "'await' outside function")),
            ScopeKind::Function if coroutine => Ok(()),
            ScopeKind::Comprehension if self.enclosing_coroutine() => self.mark_async_comprehensions(range),
            _ => Err(self.err(range, "'await' outside async function")),
        }
    }

    /// `await` in (nested) list/set/dict comprehensions of an `async def`:
    /// each comprehension up to the function becomes a coroutine.
    fn mark_async_comprehensions(&mut self, range: TextRange) -> R {
        for k in (0..self.stack.len()).rev() {
            let s = &mut self.scopes[self.stack[k]];
            if s.kind != ScopeKind::Comprehension {
                break;
            }
            if s.comp_kind == "generator expression" {
                return Err(self.err(range, "weft does not support asynchronous generator expressions yet"));
            }
            s.coroutine = true;
            s.generator = true;
        }
        Ok(())
    }

    /// Whether the current scope (or the function around the current
    /// comprehensions) is an `async def` body.
    fn enclosing_coroutine_or_self(&self) -> bool {
        self.stack.iter().rev().map(|&i| &self.scopes[i]).find(|s| s.kind != ScopeKind::Comprehension).map_or(false, |s| s.coroutine)
    }

    fn enclosing_coroutine(&self) -> bool {
        self.stack.iter().rev().map(|&i| &self.scopes[i]).find(|s| s.kind != ScopeKind::Comprehension).map_or(false, |s| s.coroutine)
    }

    fn mark_yield(&mut self, range: TextRange) -> R {
        if self.cur().coroutine {
            self.cur().async_generator = true;
            return Ok(());
        }
        let s = self.cur();
        match s.kind {
            ScopeKind::Module | ScopeKind::Class => Err(self.err(range, "'yield' outside function")),
            ScopeKind::Comprehension => {
                let k = s.comp_kind;
                Err(self.err(range, format!("'yield' inside {k}")))
            }
            _ => {
                s.generator = true;
                Ok(())
            }
        }
    }

    fn named_expr(&mut self, n: &ast::ExprNamed) -> R {
        self.expr(&n.value)?;
        let Expr::Name(target) = &*n.target else {
            return Err(self.err(n.range, "assignment expression target must be an identifier"));
        };
        if self.cur().kind != ScopeKind::Comprehension {
            return self.add_def(&target.id, DEF_LOCAL, target.range);
        }
        // Bind in the nearest enclosing non-comprehension scope.
        let name = target.id.as_str();
        for idx in (0..self.stack.len()).rev() {
            let sid = self.stack[idx];
            let s = &self.scopes[sid];
            if s.kind == ScopeKind::Comprehension {
                if s.flags_of(name) & DEF_COMP_ITER != 0 {
                    let msg = format!("assignment expression cannot rebind comprehension iteration variable '{name}'");
                    return Err(self.err(target.range, msg));
                }
                continue;
            }
            let (kind, cur) = (s.kind, *self.stack.last().unwrap());
            if kind == ScopeKind::Class {
                return Err(self.err(n.range, "assignment expression within a comprehension cannot be used in a class body"));
            }
            let prefix = self.stack[..=idx].to_vec();
            let saved = std::mem::replace(&mut self.stack, prefix);
            self.add_def(name, DEF_LOCAL, target.range)?;
            self.stack = saved;
            let flag = if kind == ScopeKind::Module { DEF_GLOBAL } else { DEF_NONLOCAL };
            debug_assert_eq!(cur, *self.stack.last().unwrap());
            return self.add_def(name, flag | USE, target.range);
        }
        Ok(())
    }

    fn comprehension(&mut self, e: &Expr, gens: &[ast::Comprehension], elts: &[&Expr], kind: &'static str) -> R {
        let has_async = gens.iter().any(|g| g.is_async);
        if has_async && !self.enclosing_coroutine_or_self() {
            return Err(self.err(e.range(), "asynchronous comprehension outside of an asynchronous function"));
        }
        let Some(first) = gens.first() else { return Ok(()) };
        self.expr(&first.iter)?;
        let name = match e {
            Expr::ListComp(_) => "listcomp",
            Expr::SetComp(_) => "setcomp",
            Expr::DictComp(_) => "dictcomp",
            _ => "genexpr",
        };
        let id = self.enter(ScopeKind::Comprehension, name, e.range());
        self.scopes[id].comp_kind = kind;
        if has_async {
            self.mark_async_comprehensions(e.range())?;
        }
        if name == "genexpr" {
            self.scopes[id].generator = true;
        }
        self.add_def(".0", DEF_PARAM, e.range())?;
        for (i, g) in gens.iter().enumerate() {
            if i > 0 {
                self.expr(&g.iter)?;
            }
            self.comp_target_depth += 1;
            let r = self.expr(&g.target);
            self.comp_target_depth -= 1;
            r?;
            g.ifs.iter().try_for_each(|c| self.expr(c))?;
        }
        elts.iter().try_for_each(|x| self.expr(x))?;
        self.leave();
        Ok(())
    }

    fn expr_children(&mut self, e: &Expr) -> R {
        let mut res = Ok(());
        walk_expr_children(e, &mut |c| {
            if res.is_ok() {
                res = self.expr(c);
            }
        });
        res
    }

    fn pattern(&mut self, p: &Pattern) -> R {
        match p {
            Pattern::MatchValue(v) => self.expr(&v.value),
            Pattern::MatchSingleton(_) => Ok(()),
            Pattern::MatchSequence(s) => s.patterns.iter().try_for_each(|p| self.pattern(p)),
            Pattern::MatchMapping(m) => {
                m.keys.iter().try_for_each(|k| self.expr(k))?;
                m.patterns.iter().try_for_each(|p| self.pattern(p))?;
                if let Some(r) = &m.rest {
                    self.add_def(r, DEF_LOCAL, r.range)?;
                }
                Ok(())
            }
            Pattern::MatchClass(c) => {
                self.expr(&c.cls)?;
                c.arguments.patterns.iter().try_for_each(|p| self.pattern(p))?;
                c.arguments.keywords.iter().try_for_each(|k| self.pattern(&k.pattern))
            }
            Pattern::MatchStar(s) => match &s.name {
                Some(n) => self.add_def(n, DEF_LOCAL, n.range),
                None => Ok(()),
            },
            Pattern::MatchAs(a) => {
                if let Some(p) = &a.pattern {
                    self.pattern(p)?;
                }
                match &a.name {
                    Some(n) => self.add_def(n, DEF_LOCAL, n.range),
                    None => Ok(()),
                }
            }
            Pattern::MatchOr(o) => o.patterns.iter().try_for_each(|p| self.pattern(p)),
        }
    }
}

/// Calls `f` on every direct sub-expression of `e` that is evaluated in the
/// same scope (not lambdas' bodies or comprehensions, handled by callers).
pub fn walk_expr_children<'e>(e: &'e Expr, f: &mut dyn FnMut(&'e Expr)) {
    match e {
        Expr::BoolOp(b) => b.values.iter().for_each(f),
        Expr::Named(n) => {
            f(&n.target);
            f(&n.value)
        }
        Expr::BinOp(b) => {
            f(&b.left);
            f(&b.right)
        }
        Expr::UnaryOp(u) => f(&u.operand),
        Expr::If(i) => {
            f(&i.test);
            f(&i.body);
            f(&i.orelse)
        }
        Expr::Dict(d) => {
            for item in &d.items {
                if let Some(k) = &item.key {
                    f(k);
                }
                f(&item.value);
            }
        }
        Expr::Set(s) => s.elts.iter().for_each(f),
        Expr::Compare(c) => {
            f(&c.left);
            c.comparators.iter().for_each(f)
        }
        Expr::Call(c) => {
            f(&c.func);
            c.arguments.args.iter().for_each(&mut *f);
            c.arguments.keywords.iter().for_each(|k| f(&k.value))
        }
        Expr::FString(fs) => {
            for el in fs.value.elements() {
                walk_interpolation(el, f);
            }
        }
        Expr::Attribute(a) => f(&a.value),
        Expr::Subscript(s) => {
            f(&s.value);
            f(&s.slice)
        }
        Expr::Starred(s) => f(&s.value),
        Expr::List(l) => l.elts.iter().for_each(f),
        Expr::Tuple(t) => t.elts.iter().for_each(f),
        Expr::Slice(s) => {
            for x in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                f(x);
            }
        }
        Expr::Yield(y) => {
            if let Some(v) = &y.value {
                f(v)
            }
        }
        Expr::YieldFrom(y) => f(&y.value),
        Expr::Await(a) => f(&a.value),
        _ => {}
    }
}

fn walk_interpolation<'e>(el: &'e ast::InterpolatedStringElement, f: &mut dyn FnMut(&'e Expr)) {
    if let ast::InterpolatedStringElement::Interpolation(i) = el {
        f(&i.expression);
        if let Some(spec) = &i.format_spec {
            for el in spec.elements.iter() {
                walk_interpolation(el, f);
            }
        }
    }
}

struct Analyzer<'a> {
    st: &'a mut SymbolTable,
    src: &'a SourceInfo,
}

impl<'a> Analyzer<'a> {
    fn err(&self, id: usize, name: &str, msg: String) -> CompileError {
        let pos = self.st.scopes[id].decl_pos.get(name).copied().unwrap_or(0);
        self.src.error_at(pos, msg)
    }

    /// Analyzes scope `id`; returns its free variables (to the parent).
    fn block(&mut self, id: usize, bound: Option<&HashSet<String>>, global: &HashSet<String>) -> Result<HashSet<String>, CompileError> {
        let mut bound = bound.cloned();
        let mut global = global.clone();
        let mut local = HashSet::new();
        let mut free = HashSet::new();
        let mut newglobal = HashSet::new();
        let mut newbound = HashSet::new();
        let kind = self.st.scopes[id].kind;
        if kind == ScopeKind::Class {
            newglobal.extend(global.iter().cloned());
            if let Some(b) = &bound {
                newbound.extend(b.iter().cloned());
            }
        }
        let names: Vec<(String, u32)> =
            self.st.scopes[id].order.iter().map(|n| (n.clone(), self.st.scopes[id].flags_of(n))).collect();
        for (name, flags) in &names {
            let sc = self.analyze_name(id, name, *flags, &mut bound, &mut local, &mut free, &mut global)?;
            self.st.scopes[id].scopes.insert(name.clone(), sc);
        }
        if kind != ScopeKind::Class {
            if kind.is_function_like() {
                newbound.extend(local.iter().cloned());
            }
            if let Some(b) = &bound {
                newbound.extend(b.iter().cloned());
            }
            newglobal.extend(global.iter().cloned());
        } else {
            newbound.insert("__class__".to_string());
        }
        let mut newfree = HashSet::new();
        for child in self.st.scopes[id].children.clone() {
            let f = self.block(child, Some(&newbound), &newglobal)?;
            newfree.extend(f);
        }
        let scope = &mut self.st.scopes[id];
        if kind.is_function_like() {
            for name in &scope.order {
                if scope.scopes.get(name) == Some(&NameScope::Local) && newfree.remove(name) {
                    scope.scopes.insert(name.clone(), NameScope::Cell);
                }
            }
        } else if kind == ScopeKind::Class && newfree.remove("__class__") {
            scope.needs_class_closure = true;
        }
        // Free variables of children not resolved here pass through.
        let mut pass: Vec<&String> = newfree.iter().collect();
        pass.sort();
        for name in pass {
            if let Some(fl) = scope.flags.get_mut(name) {
                if kind == ScopeKind::Class && *fl & (DEF_BOUND | DEF_GLOBAL) != 0 {
                    *fl |= DEF_FREE_CLASS;
                }
                continue;
            }
            if let Some(b) = &bound {
                if !b.contains(name) {
                    continue;
                }
            } else {
                continue;
            }
            scope.order.push(name.clone());
            scope.flags.insert(name.clone(), 0);
            scope.scopes.insert(name.clone(), NameScope::Free);
        }
        free.extend(newfree);
        Ok(free)
    }

    #[allow(clippy::too_many_arguments)]
    fn analyze_name(
        &self,
        id: usize,
        name: &str,
        flags: u32,
        bound: &mut Option<HashSet<String>>,
        local: &mut HashSet<String>,
        free: &mut HashSet<String>,
        global: &mut HashSet<String>,
    ) -> Result<NameScope, CompileError> {
        if flags & DEF_GLOBAL != 0 {
            global.insert(name.to_string());
            if let Some(b) = bound {
                b.remove(name);
            }
            return Ok(NameScope::GlobalExplicit);
        }
        if flags & DEF_NONLOCAL != 0 {
            let Some(b) = bound else {
                return Err(self.err(id, name, "nonlocal declaration not allowed at module level".into()));
            };
            if !b.contains(name) {
                return Err(self.err(id, name, format!("no binding for nonlocal '{name}' found")));
            }
            free.insert(name.to_string());
            return Ok(NameScope::Free);
        }
        if flags & DEF_BOUND != 0 {
            local.insert(name.to_string());
            global.remove(name);
            return Ok(NameScope::Local);
        }
        if bound.as_ref().map(|b| b.contains(name)).unwrap_or(false) {
            free.insert(name.to_string());
            return Ok(NameScope::Free);
        }
        Ok(NameScope::GlobalImplicit)
    }
}
