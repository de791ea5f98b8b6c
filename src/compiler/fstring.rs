//! f-strings: literal pieces and replacement fields (`FormatValue` with
//! conversion and nested format specs, `{x=}` debugging text), joined by
//! `BuildString`. Implicit concatenation with plain literals is merged.

use super::codegen::{CResult, Compiler};
use super::unit::Const;
use crate::bytecode::Op;
use ruff_python_ast::{self as ast, ConversionFlag, FStringPart, InterpolatedStringElement};

impl<'a> Compiler<'a> {
    pub fn fstring(&mut self, f: &'a ast::ExprFString) -> CResult {
        let mut pieces = 0u32;
        let mut pending = String::new();
        for part in f.value.iter() {
            match part {
                FStringPart::Literal(s) => pending.push_str(&s.value),
                FStringPart::FString(fs) => self.fstring_elements(&fs.elements, &mut pending, &mut pieces)?,
            }
        }
        self.flush_literal(&mut pending, &mut pieces);
        match pieces {
            0 => self.load_const(Const::Str(String::new())),
            1 => {}
            n => self.emit(Op::BuildString, n),
        }
        Ok(())
    }

    fn flush_literal(&mut self, pending: &mut String, pieces: &mut u32) {
        if !pending.is_empty() {
            self.load_const(Const::Str(std::mem::take(pending)));
            *pieces += 1;
        }
    }

    fn fstring_elements(
        &mut self,
        elements: &'a ast::InterpolatedStringElements,
        pending: &mut String,
        pieces: &mut u32,
    ) -> CResult {
        for el in elements.iter() {
            match el {
                InterpolatedStringElement::Literal(l) => pending.push_str(&l.value),
                InterpolatedStringElement::Interpolation(i) => {
                    if let Some(dbg) = &i.debug_text {
                        pending.push_str(dbg.leading());
                        pending.push_str(dbg.expression());
                        pending.push_str(dbg.trailing());
                    }
                    self.flush_literal(pending, pieces);
                    self.interpolation(i)?;
                    *pieces += 1;
                }
            }
        }
        Ok(())
    }

    fn interpolation(&mut self, i: &'a ast::InterpolatedElement) -> CResult {
        self.expr(&i.expression)?;
        let mut conv = match i.conversion {
            ConversionFlag::None => 0,
            ConversionFlag::Str => 1,
            ConversionFlag::Repr => 2,
            ConversionFlag::Ascii => 3,
        };
        // `{x=}` without conversion or spec shows the repr, like CPython.
        if i.debug_text.is_some() && conv == 0 && i.format_spec.is_none() {
            conv = 2;
        }
        if let Some(spec) = &i.format_spec {
            let mut pending = String::new();
            let mut pieces = 0u32;
            self.fstring_elements(&spec.elements, &mut pending, &mut pieces)?;
            self.flush_literal(&mut pending, &mut pieces);
            match pieces {
                0 => self.load_const(Const::Str(String::new())),
                1 => {}
                n => self.emit(Op::BuildString, n),
            }
            conv |= 4;
        }
        self.emit(Op::FormatValue, conv);
        Ok(())
    }
}
