//! Python exceptions as Rust errors: `PyErr` carries an exception instance.
//! Constructors for the built-in exception types, and CPython-style
//! traceback rendering (with `__cause__`/`__context__` chains).

use super::Vm;
use crate::object::types::{exc_type, is_subtype, type_data, type_of, types};
use crate::object::{ExcData, ObjRef, Object, Payload, TbEntry};
use crate::value::Value;
use parking_lot::Mutex;

/// A raised Python exception (always an instance of BaseException).
#[derive(Clone)]
pub struct PyErr {
    pub exc: Value,
}

impl std::fmt::Debug for PyErr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PyErr({})", exc_type_name(&self.exc))
    }
}

/// A fresh exception instance of class `cls` with `args`.
pub fn new_exception(cls: &ObjRef, args: Vec<Value>) -> Value {
    let data = ExcData {
        args: Mutex::new(Value::tuple(args)),
        cause: Mutex::new(Value::None),
        context: Mutex::new(Value::None),
        suppress_context: Mutex::new(false),
        traceback: Mutex::new(Vec::new()),
    };
    Value::Obj(Object::with_class(Payload::Exception(Box::new(data)), cls.clone(), true))
}

impl PyErr {
    /// Not an exception: the tasklet suspends (see `Vm::pending`).
    pub fn suspend() -> PyErr {
        PyErr { exc: Value::Null }
    }
    pub fn is_suspend(&self) -> bool {
        self.exc.is_null()
    }
    /// `TypeName(msg)` for a built-in exception type name.
    pub fn new(type_name: &str, msg: impl Into<String>) -> PyErr {
        PyErr { exc: new_exception(exc_type(type_name), vec![Value::string(msg.into())]) }
    }
    pub fn with_args(type_name: &str, args: Vec<Value>) -> PyErr {
        PyErr { exc: new_exception(exc_type(type_name), args) }
    }
    pub fn from_value(exc: Value) -> PyErr {
        PyErr { exc }
    }
    /// Is this exception an instance of the built-in type `type_name`?
    pub fn matches(&self, type_name: &str) -> bool {
        is_subtype(type_of(&self.exc), exc_type(type_name))
    }
    pub fn data(&self) -> Option<&ExcData> {
        exc_data(&self.exc)
    }
    pub fn add_traceback(&self, entry: TbEntry) {
        if let Some(d) = self.data() {
            d.traceback.lock().push(entry);
        }
    }
}

pub fn exc_data(v: &Value) -> Option<&ExcData> {
    match v.payload() {
        Some(Payload::Exception(d)) => Some(d),
        _ => None,
    }
}

pub fn type_error(msg: impl Into<String>) -> PyErr {
    PyErr::new("TypeError", msg)
}
pub fn value_error(msg: impl Into<String>) -> PyErr {
    PyErr::new("ValueError", msg)
}
pub fn index_error(msg: impl Into<String>) -> PyErr {
    PyErr::new("IndexError", msg)
}
pub fn attribute_error(msg: impl Into<String>) -> PyErr {
    PyErr::new("AttributeError", msg)
}
pub fn name_error(msg: impl Into<String>) -> PyErr {
    PyErr::new("NameError", msg)
}
pub fn zero_division(msg: impl Into<String>) -> PyErr {
    PyErr::new("ZeroDivisionError", msg)
}
pub fn overflow_error(msg: impl Into<String>) -> PyErr {
    PyErr::new("OverflowError", msg)
}
pub fn runtime_error(msg: impl Into<String>) -> PyErr {
    PyErr::new("RuntimeError", msg)
}
pub fn key_error(key: Value) -> PyErr {
    PyErr::with_args("KeyError", vec![key])
}
pub fn stop_iteration(value: Value) -> PyErr {
    if value.is_none() {
        PyErr::with_args("StopIteration", vec![])
    } else {
        PyErr::with_args("StopIteration", vec![value])
    }
}
/// An internal weft error surfaced as SystemError (never UB, never a panic).
pub fn internal_error(msg: impl Into<String>) -> PyErr {
    PyErr::new("SystemError", format!("weft internal error: {}", msg.into()))
}

/// The display name of an exception's type (`module.Name` unless builtin
/// or `__main__`).
pub fn exc_type_name(exc: &Value) -> String {
    let t = type_of(exc);
    let td = type_data(t);
    let name = td.qualname.lock().to_string();
    if td.heap_type {
        if let Some(m) = td.dict.lock().get_str("__module__") {
            if let Some(m) = m.as_str() {
                if m != "__main__" && m != "builtins" {
                    return format!("{m}.{name}");
                }
            }
        }
    }
    name
}

/// `exc.args` as a vector.
pub fn exc_args(exc: &Value) -> Vec<Value> {
    match exc_data(exc) {
        Some(d) => match d.args.lock().payload() {
            Some(Payload::Tuple(t)) => t.to_vec(),
            _ => vec![],
        },
        None => vec![],
    }
}

impl Vm {
    /// Renders an uncaught exception like CPython's default excepthook.
    pub fn format_exception(&mut self, exc: &Value) -> String {
        let mut out = String::new();
        self.format_chain(exc, &mut out, 0);
        out
    }

    fn format_chain(&mut self, exc: &Value, out: &mut String, depth: usize) {
        if let Some(d) = exc_data(exc) {
            if depth < 32 {
                let cause = d.cause.lock().clone();
                let context = d.context.lock().clone();
                let suppress = *d.suppress_context.lock();
                if !cause.is_none() {
                    self.format_chain(&cause, out, depth + 1);
                    out.push_str("\nThe above exception was the direct cause of the following exception:\n\n");
                } else if !context.is_none() && !suppress {
                    self.format_chain(&context, out, depth + 1);
                    out.push_str("\nDuring handling of the above exception, another exception occurred:\n\n");
                }
            }
            let tb = d.traceback.lock().clone();
            if !tb.is_empty() {
                out.push_str("Traceback (most recent call last):\n");
                format_tb_entries(&tb, out);
            }
        }
        if self.exc_matches_name(exc, "SyntaxError") {
            if let Some(block) = crate::cli::syntax_error_block(self, exc) {
                out.push_str(&block);
                let msg = exc_args(exc).first().and_then(|m| m.as_str().map(|s| s.to_string())).unwrap_or_default();
                out.push_str(&format!("{}: {}\n", exc_type_name(exc), msg));
                return;
            }
        }
        out.push_str(&self.exc_only(exc));
        out.push('\n');
    }

    fn exc_matches_name(&self, exc: &Value, name: &str) -> bool {
        is_subtype(type_of(exc), exc_type(name))
    }

    /// The last line: `Type: message` (or just `Type`).
    pub fn exc_only(&mut self, exc: &Value) -> String {
        let name = exc_type_name(exc);
        let msg = match self.str(exc) {
            Ok(s) => s,
            Err(_) => "<exception str() failed>".to_string(),
        };
        if msg.is_empty() {
            name
        } else {
            format!("{name}: {msg}")
        }
    }

    /// The exception currently being handled (innermost frame that has one).
    pub fn handled_exception(&self) -> Option<Value> {
        self.frames.iter().rev().find_map(|f| f.handled().cloned())
    }
}

/// Prints entries outermost first, collapsing runs of identical entries
/// after three like CPython ("[Previous line repeated N more times]").
fn format_tb_entries(tb: &[TbEntry], out: &mut String) {
    let mut last: Option<(usize, u32)> = None;
    let mut repeat = 0usize;
    for e in tb.iter().rev() {
        let key = (std::sync::Arc::as_ptr(&e.code) as usize, e.line);
        if last == Some(key) {
            repeat += 1;
            if repeat >= 3 {
                continue;
            }
        } else {
            flush_repeats(repeat, out);
            repeat = 0;
            last = Some(key);
        }
        format_tb_entry(e, out);
    }
    flush_repeats(repeat, out);
}

fn flush_repeats(repeat: usize, out: &mut String) {
    if repeat >= 3 {
        let n = repeat - 2;
        out.push_str(&format!("  [Previous line repeated {} more time{}]\n", n, if n == 1 { "" } else { "s" }));
    }
}

fn format_tb_entry(e: &TbEntry, out: &mut String) {
    out.push_str(&format!("  File \"{}\", line {}, in {}\n", e.code.filename, e.line, e.code.name));
    if let Some(src) = crate::pvm::runtime::source_line(&e.code.filename, e.line) {
        let t = src.trim();
        if !t.is_empty() {
            out.push_str(&format!("    {t}\n"));
        }
    }
}

/// Is `v` an exception class (subclass of BaseException)?
pub fn is_exception_class(v: &Value) -> bool {
    match v.payload() {
        Some(Payload::Type(_)) => is_subtype(v.as_obj().unwrap(), &types().base_exception),
        _ => false,
    }
}
