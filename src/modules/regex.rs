//! `_regex`: a compiled-automaton matcher for `re`. `re.py` translates the
//! patterns whose meaning it can state exactly in this engine's syntax (no
//! backreferences or lookaround, explicit ASCII classes, ...) and uses it
//! for subject strings that are ASCII, where character and byte offsets
//! agree; every other pattern or subject keeps to re.py's own engine.
//!
//! `compile(pattern)` returns a matcher object; `search(m, s, pos, end,
//! anchored)` finds the leftmost-first match in `s[:end]` starting at or
//! (anchored) exactly at `pos`, with the text before `pos` still seen by
//! `\b` and `^`, and returns the flat spans `(start0, end0, start1, ...)`
//! with -1 for groups that did not take part, or None.

use crate::builtins::args::*;
use crate::object::types::{new_type, types};
use crate::object::{Args, Layout, NativeFn, NativeObject, ObjRef, Payload};
use crate::pvm::exc::{type_error, value_error};
use crate::pvm::{PyResult, Vm};
use crate::value::Value;
use regex_automata::meta::Regex;
use regex_automata::{Anchored, Input};
use std::any::Any;
use std::sync::OnceLock;

struct Matcher {
    regex: Regex,
}

fn matcher_type() -> &'static ObjRef {
    static T: OnceLock<ObjRef> = OnceLock::new();
    T.get_or_init(|| new_type("_regex.Matcher", Some(types().object.clone()), Layout::Other, false))
}

impl NativeObject for Matcher {
    fn type_obj(&self) -> &ObjRef {
        matcher_type()
    }
    fn trace(&self, _f: &mut dyn FnMut(&Value)) {}
    fn as_any(&self) -> &dyn Any {
        self
    }
}

pub fn make(_vm: &mut Vm) -> PyResult<Value> {
    let fns: &[(&'static str, &'static str, NativeFn)] = &[
        ("compile", "_regex.compile", compile),
        ("search", "_regex.search", search),
        ("search_all", "_regex.search_all", search_all),
        ("groups", "_regex.groups", groups),
    ];
    Ok(super::module_with("_regex", fns))
}

fn compile(_vm: &mut Vm, a: Args) -> PyResult {
    check_args("compile", &a, 1, 1)?;
    let pattern = str_arg(&a.pos[0], || "compile() argument must be str".into())?;
    let regex = Regex::new(pattern).map_err(|e| value_error(format!("_regex: {e}")))?;
    Ok(Value::obj(Payload::Native(Box::new(Matcher { regex }))))
}

fn matcher(v: &Value) -> PyResult<&Matcher> {
    match v.payload() {
        Some(Payload::Native(n)) => n.as_any().downcast_ref::<Matcher>().ok_or_else(|| type_error("expected a _regex matcher")),
        _ => Err(type_error("expected a _regex matcher")),
    }
}

fn index(v: &Value) -> PyResult<usize> {
    match v {
        Value::Int(i) if *i >= 0 => Ok(*i as usize),
        _ => Err(type_error("expected a non-negative int")),
    }
}

fn groups(_vm: &mut Vm, a: Args) -> PyResult {
    check_args("groups", &a, 1, 1)?;
    let m = matcher(&a.pos[0])?;
    Ok(Value::Int(m.regex.captures_len() as i64 - 1))
}

fn search(_vm: &mut Vm, a: Args) -> PyResult {
    check_args("search", &a, 5, 5)?;
    let m = matcher(&a.pos[0])?;
    let (s, pos, end) = subject(&a, "search")?;
    let anchored = a.pos[4].as_bool().unwrap_or(false);
    let input = Input::new(&s[..end]).range(pos..end).anchored(if anchored { Anchored::Yes } else { Anchored::No });
    let mut caps = m.regex.create_captures();
    m.regex.search_captures(&input, &mut caps);
    if !caps.is_match() {
        return Ok(Value::None);
    }
    Ok(spans_of(&caps))
}

/// `search_all(matcher, s, pos, end)`: every match from `pos` on, left to
/// right (each search starting where the last match ended), as a list of
/// `search` results; `None` as soon as a match is empty (Python's rules
/// for empty matches next to other matches are left to the caller).
fn search_all(_vm: &mut Vm, a: Args) -> PyResult {
    check_args("search_all", &a, 4, 4)?;
    let m = matcher(&a.pos[0])?;
    let (s, mut at, end) = subject(&a, "search_all")?;
    let mut caps = m.regex.create_captures();
    let mut found = Vec::new();
    while at <= end {
        m.regex.search_captures(&Input::new(&s[..end]).range(at..end), &mut caps);
        let Some(whole) = caps.get_group(0) else { break };
        if whole.start == whole.end {
            return Ok(Value::None);
        }
        found.push(spans_of(&caps));
        at = whole.end;
    }
    Ok(Value::list(found))
}

/// The subject and bounds of a search: `(s, pos, end)` from arguments
/// 1..=3, checked (ASCII, `pos <= end <= len`).
fn subject<'a>(a: &'a Args, what: &str) -> PyResult<(&'a str, usize, usize)> {
    let s = str_arg(&a.pos[1], || format!("{what}() subject must be str"))?;
    let (pos, end) = (index(&a.pos[2])?, index(&a.pos[3])?);
    // O(1) for a str object (it knows its length in code points).
    let ascii = match a.pos[1].payload() {
        Some(Payload::Str(p)) => p.is_ascii(),
        _ => s.is_ascii(),
    };
    if !ascii || end > s.len() || pos > end {
        return Err(value_error(format!("_regex.{what}: subject must be ASCII with pos <= end <= len")));
    }
    Ok((s, pos, end))
}

/// A match's group spans as a flat tuple (`-1, -1` for a group that did
/// not take part).
fn spans_of(caps: &regex_automata::util::captures::Captures) -> Value {
    let mut spans = Vec::with_capacity(caps.group_len() * 2);
    for g in 0..caps.group_len() {
        match caps.get_group(g) {
            Some(sp) => {
                spans.push(Value::Int(sp.start as i64));
                spans.push(Value::Int(sp.end as i64));
            }
            None => {
                spans.push(Value::Int(-1));
                spans.push(Value::Int(-1));
            }
        }
    }
    Value::tuple(spans)
}
