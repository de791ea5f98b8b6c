//! Turning ruff's parse errors into CPython-style `SyntaxError`s: the
//! message wording CPython uses where the two agree in meaning, and
//! CPython's bracket diagnostics ("'(' was never closed", "unmatched ')'")
//! found by a small bracket scanner that skips strings and comments.

use super::{CompileError, SourceInfo};
use ruff_python_parser::{LexicalErrorType, ParseError, ParseErrorType};

pub(crate) fn from_parse_error(info: &SourceInfo, e: &ParseError) -> CompileError {
    let offset: u32 = e.location.start().into();
    if let Some(err) = bracket_error(info) {
        return err;
    }
    let (kind, msg) = match &e.error {
        ParseErrorType::Lexical(LexicalErrorType::IndentationError) => {
            ("IndentationError", "unindent does not match any outer indentation level".to_string())
        }
        ParseErrorType::UnexpectedIndentation => ("IndentationError", "unexpected indent".to_string()),
        ParseErrorType::Lexical(LexicalErrorType::UnclosedStringError) => {
            let line = info.line_of(offset);
            ("SyntaxError", format!("unterminated string literal (detected at line {line})"))
        }
        ParseErrorType::Lexical(LexicalErrorType::Eof) => ("SyntaxError", "unexpected EOF while parsing".to_string()),
        ParseErrorType::ExpectedToken { expected, .. } if format!("{expected}").contains("indent") => {
            ("IndentationError", "expected an indented block".to_string())
        }
        ParseErrorType::OtherError(m) if m.contains("indented block") => ("IndentationError", lower_first(m)),
        ParseErrorType::ExpectedToken { .. }
        | ParseErrorType::ExpectedExpression
        | ParseErrorType::UnexpectedExpressionToken
        | ParseErrorType::SimpleStatementsOnSameLine
        | ParseErrorType::SimpleAndCompoundStatementOnSameLine => ("SyntaxError", "invalid syntax".to_string()),
        ParseErrorType::InvalidAssignmentTarget => ("SyntaxError", "cannot assign to expression".to_string()),
        ParseErrorType::InvalidDeleteTarget => ("SyntaxError", "cannot delete expression".to_string()),
        ParseErrorType::UnexpectedTokenAfterAsync(_) => ("SyntaxError", "weft does not support async yet".to_string()),
        other => ("SyntaxError", lower_first(&other.to_string())),
    };
    let mut err = info.error_kind_at(kind, offset, msg);
    if kind == "IndentationError" && err.message == "expected an indented block" {
        // CPython points at the line after the block opener.
        err.message = "expected an indented block".into();
    }
    err
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) if !s.starts_with("f-string") => f.to_lowercase().collect::<String>() + c.as_str(),
        Some(f) => f.to_string() + c.as_str(),
        None => String::new(),
    }
}

/// CPython's bracket diagnostics, if the source has a bracket problem.
fn bracket_error(info: &SourceInfo) -> Option<CompileError> {
    let src = info.source.as_bytes();
    let mut stack: Vec<(u8, usize)> = Vec::new();
    let mut i = 0;
    while i < src.len() {
        let c = src[i];
        match c {
            b'#' => {
                while i < src.len() && src[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'\'' | b'"' => {
                i = skip_string(src, i)?;
                continue;
            }
            b'(' | b'[' | b'{' => stack.push((c, i)),
            b')' | b']' | b'}' => {
                let open = match c {
                    b')' => b'(',
                    b']' => b'[',
                    _ => b'{',
                };
                match stack.pop() {
                    None => return Some(info.error_at(i as u32, format!("unmatched '{}'", c as char))),
                    Some((o, _)) if o != open => {
                        let msg = format!(
                            "closing parenthesis '{}' does not match opening parenthesis '{}'",
                            c as char, o as char
                        );
                        return Some(info.error_at(i as u32, msg));
                    }
                    Some(_) => {}
                }
            }
            _ => {}
        }
        i += 1;
    }
    let (o, pos) = stack.first()?;
    Some(info.error_at(*pos as u32, format!("'{}' was never closed", *o as char)))
}

/// Skips a string literal starting at the quote `i`; None if unterminated
/// (the parser's own error is better then). f-string replacement fields
/// are skipped as text, which is enough for bracket balance in practice.
fn skip_string(src: &[u8], i: usize) -> Option<usize> {
    let q = src[i];
    let triple = src.len() >= i + 3 && src[i + 1] == q && src[i + 2] == q;
    let mut j = if triple { i + 3 } else { i + 1 };
    while j < src.len() {
        let c = src[j];
        if c == b'\\' {
            j += 2;
            continue;
        }
        if !triple && c == b'\n' {
            return None;
        }
        if c == q && (!triple || (src.len() >= j + 3 && src[j + 1] == q && src[j + 2] == q)) {
            return Some(j + if triple { 3 } else { 1 });
        }
        j += 1;
    }
    None
}
