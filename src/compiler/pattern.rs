//! `match` statements. Each case matches a copy of the subject; a pattern
//! consumes the value on top of the stack and either falls through
//! (success) or jumps to `fail_pop[n]`, a chain of `PopTop`s that removes
//! the `n` items it left above the case's base before trying the next
//! case. Captures are stored as soon as they match (PEP 634 allows names
//! bound by a failed case to stay bound).

use super::codegen::{CResult, Compiler, Ctx};
use super::unit::{Const, Label};
use crate::bytecode::{CmpOp, Op};
use ruff_python_ast::{self as ast, Pattern, Singleton};
use ruff_text_size::Ranged;
use std::collections::HashSet;

/// Failure targets of the pattern being compiled.
struct PatternCtx {
    fail_pop: Vec<Label>,
    /// Items above the base that a failure here must pop.
    on_top: usize,
}

impl<'a> Compiler<'a> {
    pub fn match_stmt(&mut self, m: &'a ast::StmtMatch) -> CResult {
        let end = self.new_label();
        self.expr(&m.subject)?;
        for (i, case) in m.cases.iter().enumerate() {
            let old = self.set_line(case.range);
            let irrefutable = case.guard.is_none() && is_irrefutable(&case.pattern);
            if irrefutable && i + 1 < m.cases.len() {
                let msg = "wildcard makes remaining patterns unreachable";
                return Err(self.err(case.pattern.range(), msg));
            }
            let mut pc = PatternCtx { fail_pop: Vec::new(), on_top: 1 };
            self.emit(Op::Copy, 1);
            self.check_bindings(&case.pattern)?;
            self.pattern(&case.pattern, &mut pc)?;
            if let Some(g) = &case.guard {
                self.expr(g)?;
                pc.on_top = 0;
                self.jump_to_fail(&mut pc, Op::PopJumpIfFalse);
            }
            self.emit(Op::PopTop, 0);
            self.body(&case.body)?;
            self.emit_jump(Op::Jump, end);
            self.emit_fail_pops(&pc);
            self.u().cur_line = old;
        }
        self.emit(Op::PopTop, 0);
        self.bind(end);
        Ok(())
    }

    fn fail_label(&mut self, pc: &mut PatternCtx, n: usize) -> Label {
        while pc.fail_pop.len() <= n {
            let l = self.new_label();
            pc.fail_pop.push(l);
        }
        pc.fail_pop[n]
    }

    /// Emits `op` (a popping conditional jump) to the failure path; the
    /// jump happens with `pc.on_top` items left above the base.
    fn jump_to_fail(&mut self, pc: &mut PatternCtx, op: Op) {
        let l = self.fail_label(pc, pc.on_top);
        self.emit_jump(op, l);
    }

    fn emit_fail_pops(&mut self, pc: &PatternCtx) {
        for (i, l) in pc.fail_pop.iter().enumerate().rev() {
            self.bind(*l);
            if i > 0 {
                self.emit(Op::PopTop, 0);
            }
        }
    }

    fn pattern(&mut self, p: &'a Pattern, pc: &mut PatternCtx) -> CResult {
        match p {
            Pattern::MatchValue(v) => {
                self.expr(&v.value)?;
                self.emit(Op::CompareOp, CmpOp::Eq as u32);
                pc.on_top -= 1;
                self.jump_to_fail(pc, Op::PopJumpIfFalse);
            }
            Pattern::MatchSingleton(s) => {
                self.load_const(match s.value {
                    Singleton::None => Const::None,
                    Singleton::True => Const::Bool(true),
                    Singleton::False => Const::Bool(false),
                });
                self.emit(Op::IsOp, 0);
                pc.on_top -= 1;
                self.jump_to_fail(pc, Op::PopJumpIfFalse);
            }
            Pattern::MatchAs(a) => {
                if let Some(sub) = &a.pattern {
                    self.emit(Op::Copy, 1);
                    pc.on_top += 1;
                    self.pattern(sub, pc)?;
                }
                match &a.name {
                    Some(n) => self.name_op(n.as_str(), Ctx::Store),
                    None => self.emit(Op::PopTop, 0),
                }
                pc.on_top -= 1;
            }
            Pattern::MatchOr(o) => self.or_pattern(o, pc)?,
            Pattern::MatchSequence(s) => self.sequence_pattern(s, pc)?,
            Pattern::MatchMapping(m) => self.mapping_pattern(m, pc)?,
            Pattern::MatchClass(c) => self.class_pattern(c, pc)?,
            Pattern::MatchStar(s) => return Err(self.err(s.range, "can't use starred pattern here")),
        }
        Ok(())
    }

    fn or_pattern(&mut self, o: &'a ast::PatternMatchOr, pc: &mut PatternCtx) -> CResult {
        let end = self.new_label();
        for alt in &o.patterns {
            let mut inner = PatternCtx { fail_pop: Vec::new(), on_top: 1 };
            self.emit(Op::Copy, 1);
            self.pattern(alt, &mut inner)?;
            self.emit(Op::PopTop, 0);
            self.emit_jump(Op::Jump, end);
            self.emit_fail_pops(&inner);
        }
        // Every alternative failed; the subject is still on top.
        self.emit(Op::PopTop, 0);
        pc.on_top -= 1;
        let l = self.fail_label(pc, pc.on_top);
        self.emit_jump(Op::Jump, l);
        self.bind(end);
        Ok(())
    }

    fn check_len(&mut self, n: usize, op: CmpOp, pc: &mut PatternCtx) {
        self.emit(Op::GetLen, 0);
        self.load_const(Const::Int(n as i64));
        self.emit(Op::CompareOp, op as u32);
        self.jump_to_fail(pc, Op::PopJumpIfFalse);
    }

    fn sequence_pattern(&mut self, s: &'a ast::PatternMatchSequence, pc: &mut PatternCtx) -> CResult {
        let stars: Vec<usize> =
            s.patterns.iter().enumerate().filter(|(_, p)| matches!(p, Pattern::MatchStar(_))).map(|(i, _)| i).collect();
        if stars.len() > 1 {
            return Err(self.err(s.range, "multiple starred names in sequence pattern"));
        }
        let n = s.patterns.len();
        self.emit(Op::MatchSequence, 0);
        self.jump_to_fail(pc, Op::PopJumpIfFalse);
        match stars.first() {
            None => {
                self.check_len(n, CmpOp::Eq, pc);
                self.emit(Op::UnpackSequence, n as u32);
            }
            Some(&i) => {
                self.check_len(n - 1, CmpOp::Ge, pc);
                self.emit(Op::UnpackEx, (i | ((n - i - 1) << 8)) as u32);
            }
        }
        pc.on_top = pc.on_top - 1 + n;
        for p in &s.patterns {
            match p {
                Pattern::MatchStar(st) => {
                    match &st.name {
                        Some(name) => self.name_op(name.as_str(), Ctx::Store),
                        None => self.emit(Op::PopTop, 0),
                    }
                    pc.on_top -= 1;
                }
                _ => self.pattern(p, pc)?,
            }
        }
        Ok(())
    }

    fn mapping_pattern(&mut self, m: &'a ast::PatternMatchMapping, pc: &mut PatternCtx) -> CResult {
        let n = m.keys.len();
        self.emit(Op::MatchMapping, 0);
        self.jump_to_fail(pc, Op::PopJumpIfFalse);
        if n > 0 {
            self.check_len(n, CmpOp::Ge, pc);
        }
        let mut seen = HashSet::new();
        for k in &m.keys {
            let Some(c) = self.const_of(k) else {
                if matches!(k, ruff_python_ast::Expr::Attribute(_)) {
                    self.expr(k)?;
                    continue;
                }
                return Err(self.err(k.range(), "mapping pattern keys may only match literals and attribute lookups"));
            };
            let text = format!("{:?}", crate::bytecode::dis::const_repr(&c.to_value()));
            if !seen.insert(text) {
                return Err(self.err(k.range(), "mapping pattern checks duplicate key"));
            }
            self.load_const(c);
        }
        self.emit(Op::BuildTuple, n as u32);
        self.emit(Op::MatchKeys, 0); // subject, keys, values|None
        pc.on_top += 2;
        self.emit(Op::Copy, 1);
        self.load_const(Const::None);
        self.emit(Op::IsOp, 1);
        self.jump_to_fail(pc, Op::PopJumpIfFalse);
        self.emit(Op::UnpackSequence, n as u32);
        pc.on_top = pc.on_top - 1 + n;
        for p in &m.patterns {
            self.pattern(p, pc)?;
        }
        // subject, keys
        match &m.rest {
            Some(rest) => {
                self.emit(Op::CopyDictWithoutKeys, 0); // subject, rest
                self.name_op(rest.as_str(), Ctx::Store);
            }
            None => self.emit(Op::PopTop, 0),
        }
        self.emit(Op::PopTop, 0);
        pc.on_top -= 2;
        Ok(())
    }

    fn class_pattern(&mut self, c: &'a ast::PatternMatchClass, pc: &mut PatternCtx) -> CResult {
        let args = &c.arguments;
        let mut seen = HashSet::new();
        for k in &args.keywords {
            if !seen.insert(k.attr.as_str()) {
                let msg = format!("attribute name repeated in class pattern: {}", k.attr.as_str());
                return Err(self.err(k.range, msg));
            }
        }
        self.expr(&c.cls)?;
        let names: Vec<Const> = args.keywords.iter().map(|k| Const::Str(k.attr.to_string())).collect();
        self.load_const(Const::Tuple(names));
        self.emit(Op::MatchClass, args.patterns.len() as u32); // attrs | None
        self.emit(Op::Copy, 1);
        self.load_const(Const::None);
        self.emit(Op::IsOp, 1);
        self.jump_to_fail(pc, Op::PopJumpIfFalse);
        let total = args.patterns.len() + args.keywords.len();
        self.emit(Op::UnpackSequence, total as u32);
        pc.on_top = pc.on_top - 1 + total;
        for p in args.patterns.iter() {
            self.pattern(p, pc)?;
        }
        for k in &args.keywords {
            self.pattern(&k.pattern, pc)?;
        }
        Ok(())
    }

    /// CPython's compile-time checks on capture names.
    fn check_bindings(&self, p: &Pattern) -> CResult {
        let mut names = Vec::new();
        self.collect_bindings(p, &mut names)?;
        let mut seen = HashSet::new();
        for (n, r) in &names {
            if !seen.insert(n.clone()) {
                return Err(self.err(*r, format!("multiple assignments to name '{n}' in pattern")));
            }
        }
        Ok(())
    }

    fn collect_bindings(&self, p: &Pattern, out: &mut Vec<(String, ruff_text_size::TextRange)>) -> CResult {
        match p {
            Pattern::MatchAs(a) => {
                if let Some(s) = &a.pattern {
                    self.collect_bindings(s, out)?;
                }
                if let Some(n) = &a.name {
                    out.push((n.to_string(), n.range));
                }
            }
            Pattern::MatchStar(s) => {
                if let Some(n) = &s.name {
                    out.push((n.to_string(), n.range));
                }
            }
            Pattern::MatchSequence(s) => s.patterns.iter().try_for_each(|p| self.collect_bindings(p, out))?,
            Pattern::MatchMapping(m) => {
                m.patterns.iter().try_for_each(|p| self.collect_bindings(p, out))?;
                if let Some(r) = &m.rest {
                    out.push((r.to_string(), r.range));
                }
            }
            Pattern::MatchClass(c) => {
                c.arguments.patterns.iter().try_for_each(|p| self.collect_bindings(p, out))?;
                c.arguments.keywords.iter().try_for_each(|k| self.collect_bindings(&k.pattern, out))?;
            }
            Pattern::MatchOr(o) => {
                let mut first: Option<HashSet<String>> = None;
                for alt in &o.patterns {
                    let mut v = Vec::new();
                    self.collect_bindings(alt, &mut v)?;
                    let set: HashSet<String> = v.iter().map(|(n, _)| n.clone()).collect();
                    match &first {
                        None => {
                            out.extend(v);
                            first = Some(set);
                        }
                        Some(f) if *f != set => {
                            return Err(self.err(alt.range(), "alternative patterns bind different names"));
                        }
                        Some(_) => {}
                    }
                }
            }
            Pattern::MatchValue(_) | Pattern::MatchSingleton(_) => {}
        }
        Ok(())
    }
}

fn is_irrefutable(p: &Pattern) -> bool {
    match p {
        Pattern::MatchAs(a) => a.pattern.is_none(),
        Pattern::MatchOr(o) => o.patterns.iter().any(is_irrefutable),
        _ => false,
    }
}
