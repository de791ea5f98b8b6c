//! The compiler: Python source (parsed by ruff) to weft bytecode.
//!
//! `compile_module` parses, builds the symbol table (`symtable`), then
//! generates one `CodeObject` per scope (`codegen` and the topic files
//! `stmt`, `control`, `expr`, `call`, `comprehension`, `fstring`, `pattern`),
//! assembled by `unit` (label resolution, stack depth, line table).
//! Every syntax error CPython reports at compile time comes back as a
//! `CompileError`; nothing here panics on bad input.

pub mod cache;
mod call;
mod codegen;
mod comprehension;
mod control;
mod expr;
mod fstring;
mod pattern;
mod stmt;
mod symtable;
mod syntax_error;
mod unit;

#[cfg(test)]
mod tests;

use crate::bytecode::CodeObject;
use std::sync::Arc;

/// A compile-time error (`SyntaxError` or `IndentationError`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError {
    /// "SyntaxError" or "IndentationError".
    pub kind: String,
    pub message: String,
    pub filename: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column (in characters).
    pub column: u32,
    /// The offending source line (without its newline).
    pub source_line: String,
}

impl CompileError {
    /// The error as CPython 3.11 prints it (no traceback header).
    pub fn render(&self) -> String {
        let mut out = format!("  File \"{}\", line {}\n", self.filename, self.line);
        let trimmed = self.source_line.trim_start();
        if !trimmed.trim_end().is_empty() {
            let removed = self.source_line.chars().count() - trimmed.chars().count();
            out.push_str("    ");
            out.push_str(trimmed.trim_end());
            out.push('\n');
            let col = (self.column as usize).saturating_sub(1).saturating_sub(removed);
            let col = col.min(trimmed.trim_end().chars().count());
            out.push_str("    ");
            out.push_str(&" ".repeat(col));
            out.push_str("^\n");
        }
        out.push_str(&format!("{}: {}\n", self.kind, self.message));
        out
    }
}

impl std::fmt::Display for CompileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.render())
    }
}

impl std::error::Error for CompileError {}

/// Source text plus line starts, for mapping byte offsets to positions.
pub(crate) struct SourceInfo {
    pub source: String,
    pub filename: String,
    line_starts: Vec<usize>,
}

impl SourceInfo {
    pub fn new(source: &str, filename: &str) -> SourceInfo {
        let mut line_starts = vec![0];
        for (i, b) in source.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i + 1);
            }
        }
        SourceInfo { source: source.to_string(), filename: filename.to_string(), line_starts }
    }

    /// 1-based line of byte `offset`.
    pub fn line_of(&self, offset: u32) -> u32 {
        let off = offset as usize;
        match self.line_starts.binary_search(&off) {
            Ok(i) => i as u32 + 1,
            Err(i) => i as u32,
        }
    }

    /// (1-based line, 1-based character column, line text).
    pub fn position(&self, offset: u32) -> (u32, u32, String) {
        let off = (offset as usize).min(self.source.len());
        let line = self.line_of(off as u32);
        let start = self.line_starts[(line - 1) as usize];
        let end = self.source[start..].find('\n').map(|e| start + e).unwrap_or(self.source.len());
        let text = self.source.get(start..end).unwrap_or("").trim_end_matches('\r').to_string();
        let col = self.source.get(start..off).map(|s| s.chars().count()).unwrap_or(0) as u32 + 1;
        (line, col, text)
    }

    pub fn error_at(&self, offset: u32, msg: impl Into<String>) -> CompileError {
        self.error_kind_at("SyntaxError", offset, msg)
    }

    pub fn error_kind_at(&self, kind: &str, offset: u32, msg: impl Into<String>) -> CompileError {
        let (line, column, source_line) = self.position(offset);
        CompileError {
            kind: kind.to_string(),
            message: msg.into(),
            filename: self.filename.clone(),
            line,
            column,
            source_line,
        }
    }
}

/// CPython's private-name mangling: `__x` inside class `C` is `_C__x`.
pub(crate) fn mangle(private: Option<&str>, name: &str) -> String {
    let Some(class) = private else { return name.to_string() };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let stripped = class.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}

/// Compiles a module's source to its code object (`<module>`, NAMESPACE).
/// Checks that `source` is a single expression (`eval` mode), reporting
/// syntax errors as CPython's `eval` does.
pub fn check_expression(source: &str, filename: &str) -> Result<(), CompileError> {
    let info = SourceInfo::new(source, filename);
    match ruff_python_parser::parse_expression(source) {
        Ok(_) => Ok(()),
        Err(e) => {
            let mut err = syntax_error::from_parse_error(&info, &e);
            if err.message.starts_with("expected an identifier") || err.message.starts_with("Expected an expression") {
                err.message = "invalid syntax".to_string();
            }
            Err(err)
        }
    }
}

pub fn compile_module(source: &str, filename: &str) -> Result<Arc<CodeObject>, CompileError> {
    let info = SourceInfo::new(source, filename);
    let parsed = match ruff_python_parser::parse_module(source) {
        Ok(p) => p,
        Err(e) => return Err(syntax_error::from_parse_error(&info, &e)),
    };
    let module = parsed.into_syntax();
    let table = symtable::build(&module.body, &info)?;
    codegen::compile(&info, &table, &module.body)
}
