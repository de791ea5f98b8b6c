//! Calls (`Call`/`CallKw`/`CallEx`, and `LoadMethod` + `CallMethod[Kw]`
//! for `obj.meth(...)`) and collection displays with `*`/`**` unpacking.

use super::codegen::{CResult, Compiler};
use super::unit::Const;
use crate::bytecode::Op;
use ruff_python_ast::{self as ast, Expr};
use ruff_text_size::Ranged;
use std::collections::HashSet;

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Display {
    List,
    Tuple,
    Set,
}

impl<'a> Compiler<'a> {
    pub fn call(&mut self, c: &'a ast::ExprCall) -> CResult {
        let args = &c.arguments.args;
        let kws = &c.arguments.keywords;
        self.check_keywords(kws)?;
        let simple = !args.iter().any(|a| matches!(a, Expr::Starred(_))) && kws.iter().all(|k| k.arg.is_some());
        if let (Expr::Attribute(attr), true) = (&*c.func, simple) {
            self.expr(&attr.value)?;
            let old = self.set_line(attr.attr.range);
            let name = self.mangled(attr.attr.as_str());
            self.emit_name(Op::LoadMethod, &name);
            self.u().cur_line = old;
            for a in args.iter() {
                self.expr(a)?;
            }
            let n = (args.len() + kws.len()) as u32;
            if kws.is_empty() {
                self.emit(Op::CallMethod, n);
            } else {
                self.push_kw_values_and_names(kws)?;
                self.emit(Op::CallMethodKw, n);
            }
            return Ok(());
        }
        self.expr(&c.func)?;
        self.call_with_args(0, args, kws)
    }

    fn check_keywords(&self, kws: &[ast::Keyword]) -> CResult {
        let mut seen = HashSet::new();
        for k in kws {
            if let Some(name) = &k.arg {
                if !seen.insert(name.as_str()) {
                    return Err(self.err(k.range, format!("keyword argument repeated: {}", name.as_str())));
                }
            }
        }
        Ok(())
    }

    fn push_kw_values_and_names(&mut self, kws: &'a [ast::Keyword]) -> CResult {
        let mut names = Vec::new();
        for k in kws {
            self.expr(&k.value)?;
            names.push(Const::Str(k.arg.as_ref().map(|a| a.to_string()).unwrap_or_default()));
        }
        self.load_const(Const::Tuple(names));
        Ok(())
    }

    /// The callable and `npushed` leading positional arguments are on the
    /// stack; compiles the rest of the arguments and the call.
    pub fn call_with_args(&mut self, npushed: u32, args: &'a [Expr], kws: &'a [ast::Keyword]) -> CResult {
        self.check_keywords(kws)?;
        let star = args.iter().any(|a| matches!(a, Expr::Starred(_))) || kws.iter().any(|k| k.arg.is_none());
        if !star {
            for a in args {
                self.expr(a)?;
            }
            let n = npushed + (args.len() + kws.len()) as u32;
            if kws.is_empty() {
                self.emit(Op::Call, n);
            } else {
                self.push_kw_values_and_names(kws)?;
                self.emit(Op::CallKw, n);
            }
            return Ok(());
        }
        self.emit(Op::BuildList, npushed);
        for a in args {
            match a {
                Expr::Starred(s) => {
                    self.expr(&s.value)?;
                    self.emit(Op::ListExtend, 1);
                }
                _ => {
                    self.expr(a)?;
                    self.emit(Op::ListAppend, 1);
                }
            }
        }
        self.emit(Op::ListToTuple, 0);
        if kws.is_empty() {
            self.emit(Op::CallEx, 0);
            return Ok(());
        }
        self.kwargs_dict(kws)?;
        self.emit(Op::CallEx, 1);
        Ok(())
    }

    /// Builds the `**kwargs` dict of a call: runs of `k=v` become a map,
    /// `**m` is merged with duplicate-key checking.
    fn kwargs_dict(&mut self, kws: &'a [ast::Keyword]) -> CResult {
        let mut have = false;
        let mut run = 0u32;
        for k in kws {
            match &k.arg {
                Some(name) => {
                    self.load_const(Const::Str(name.to_string()));
                    self.expr(&k.value)?;
                    run += 1;
                }
                None => {
                    if run > 0 || !have {
                        self.emit(Op::BuildMap, run);
                        if have {
                            self.emit(Op::DictMerge, 1);
                        }
                        have = true;
                        run = 0;
                    }
                    self.expr(&k.value)?;
                    self.emit(Op::DictMerge, 1);
                }
            }
        }
        if run > 0 {
            self.emit(Op::BuildMap, run);
            if have {
                self.emit(Op::DictMerge, 1);
            }
        }
        Ok(())
    }

    /// A list/tuple/set display, with `*x` unpacking if present.
    pub fn display(&mut self, elts: &'a [Expr], kind: Display) -> CResult {
        let starred = elts.iter().any(|e| matches!(e, Expr::Starred(_)));
        if !starred {
            for e in elts {
                self.expr(e)?;
            }
            let op = match kind {
                Display::List => Op::BuildList,
                Display::Tuple => Op::BuildTuple,
                Display::Set => Op::BuildSet,
            };
            self.emit(op, elts.len() as u32);
            return Ok(());
        }
        let lead = elts.iter().take_while(|e| !matches!(e, Expr::Starred(_))).count();
        for e in &elts[..lead] {
            self.expr(e)?;
        }
        let set = kind == Display::Set;
        self.emit(if set { Op::BuildSet } else { Op::BuildList }, lead as u32);
        for e in &elts[lead..] {
            match e {
                Expr::Starred(s) => {
                    self.expr(&s.value)?;
                    self.emit(if set { Op::SetUpdate } else { Op::ListExtend }, 1);
                }
                _ => {
                    self.expr(e)?;
                    self.emit(if set { Op::SetAdd } else { Op::ListAppend }, 1);
                }
            }
        }
        if kind == Display::Tuple {
            self.emit(Op::ListToTuple, 0);
        }
        Ok(())
    }

    pub fn dict_display(&mut self, d: &'a ast::ExprDict) -> CResult {
        let mut have = false;
        let mut run = 0u32;
        for item in &d.items {
            match &item.key {
                Some(k) => {
                    self.expr(k)?;
                    self.expr(&item.value)?;
                    if have {
                        self.emit(Op::MapAdd, 1);
                    } else {
                        run += 1;
                    }
                }
                None => {
                    if !have {
                        self.emit(Op::BuildMap, run);
                        have = true;
                    }
                    self.expr(&item.value)?;
                    self.emit(Op::DictUpdate, 1);
                }
            }
        }
        if !have {
            self.emit(Op::BuildMap, run);
        }
        Ok(())
    }

    /// Compiles a subscript's index (a slice becomes `BuildSlice`).
    pub fn subscript_index(&mut self, e: &'a Expr) -> CResult {
        match e {
            Expr::Slice(s) => self.slice(s),
            _ => self.expr(e),
        }
    }

    pub fn slice(&mut self, s: &'a ast::ExprSlice) -> CResult {
        for part in [&s.lower, &s.upper] {
            match part {
                Some(x) => self.expr(x)?,
                None => self.load_const(Const::None),
            }
        }
        match &s.step {
            Some(x) => {
                self.expr(x)?;
                self.emit(Op::BuildSlice, 3);
            }
            None => self.emit(Op::BuildSlice, 2),
        }
        let _ = s.range();
        Ok(())
    }
}
