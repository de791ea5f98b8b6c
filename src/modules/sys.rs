//! The `sys` module: argv, path, modules, exit, the standard streams
//! (native objects writing through the runtime's buffered stdout/stderr),
//! version information, recursion limit, exc_info and small utilities.

use crate::builtins::args::*;
use crate::builtins::{add_getset, add_method};
use crate::object::types::{new_type, type_of, types};
use crate::object::{Args, Layout, NativeObject, ObjRef, Payload};
use crate::pvm::exc::{type_error, value_error, PyErr};
use crate::pvm::runtime::{stderr_write, stdout_flush, stdout_write};
use crate::pvm::{PyResult, Vm};
use crate::value::Value;
use std::any::Any;
use std::sync::OnceLock;

pub fn make(vm: &mut Vm) -> PyResult<Value> {
    let m = super::module_with(
        "sys",
        &[
            ("exit", "sys.exit", exit),
            ("getrecursionlimit", "sys.getrecursionlimit", getrecursionlimit),
            ("get_int_max_str_digits", "sys.get_int_max_str_digits", get_int_max_str_digits),
            ("set_int_max_str_digits", "sys.set_int_max_str_digits", set_int_max_str_digits),
            ("setrecursionlimit", "sys.setrecursionlimit", setrecursionlimit),
            ("exc_info", "sys.exc_info", exc_info),
            ("audit", "sys.audit", audit),
            ("getsizeof", "sys.getsizeof", getsizeof),
            ("intern", "sys.intern", intern),
            ("getdefaultencoding", "sys.getdefaultencoding", utf8),
            ("getfilesystemencoding", "sys.getfilesystemencoding", utf8),
        ],
    );
    let set = |k: &str, v: Value| super::set(&m, k, v);
    set("argv", Value::list(vm.rt.argv.iter().map(|s| Value::str(s)).collect()));
    set("path", vm.rt.path.clone());
    set("modules", Value::Obj(vm.rt.modules.clone()));
    set("stdout", stream(Stream::Stdout));
    set("stderr", stream(Stream::Stderr));
    set("stdin", stream(Stream::Stdin));
    set("__stdout__", stream(Stream::Stdout));
    set("__stderr__", stream(Stream::Stderr));
    set("__stdin__", stream(Stream::Stdin));
    set("version", Value::str("3.11.0 (weft 0.1.0)"));
    let vi = vec![Value::Int(3), Value::Int(11), Value::Int(0), Value::str("final"), Value::Int(0)];
    let vi_tuple = Value::tuple(vi);
    let vi_named = named_version_info(vm, &vi_tuple).unwrap_or(vi_tuple);
    set("version_info", vi_named);
    set("hexversion", Value::Int(0x030b00f0));
    set("implementation", namespace("implementation", &[("name", Value::str("weft")), ("cache_tag", Value::str("weft-0.1.0"))]));
    set("platform", Value::str(std::env::consts::OS));
    set("byteorder", Value::str(if cfg!(target_endian = "little") { "little" } else { "big" }));
    set("maxsize", Value::Int(i64::MAX));
    set("maxunicode", Value::Int(0x10ffff));
    let exe = std::env::current_exe().map(|p| p.to_string_lossy().into_owned()).unwrap_or_default();
    set("executable", Value::string(exe));
    set("builtin_module_names", Value::tuple(["builtins", "sys", "math", "_time", "posix"].iter().map(|s| Value::str(s)).collect()));
    set("hash_info", namespace("hash_info", &[
        ("width", Value::Int(64)),
        ("modulus", Value::Int((1i64 << 61) - 1)),
        ("inf", Value::Int(314159)),
        ("nan", Value::Int(0)),
        ("imag", Value::Int(1000003)),
        ("algorithm", Value::str("siphash13")),
        ("hash_bits", Value::Int(64)),
        ("seed_bits", Value::Int(128)),
        ("cutoff", Value::Int(0)),
    ]));
    set("float_info", namespace("float_info", &[
        ("max", Value::float(f64::MAX)),
        ("min", Value::float(f64::MIN_POSITIVE)),
        ("epsilon", Value::float(f64::EPSILON)),
        ("dig", Value::Int(15)),
        ("mant_dig", Value::Int(53)),
        ("max_exp", Value::Int(1024)),
        ("min_exp", Value::Int(-1021)),
        ("radix", Value::Int(2)),
    ]));
    Ok(m)
}

/// `sys.version_info` as CPython has it: a tuple with named fields.
fn named_version_info(vm: &mut Vm, vi: &Value) -> PyResult<Value> {
    const SRC: &str = r#"
class version_info(tuple):
    __slots__ = ()
    major = property(lambda self: self[0])
    minor = property(lambda self: self[1])
    micro = property(lambda self: self[2])
    releaselevel = property(lambda self: self[3])
    serial = property(lambda self: self[4])
    def __repr__(self):
        return 'sys.version_info(major=%r, minor=%r, micro=%r, releaselevel=%r, serial=%r)' % tuple(self)
"#;
    let ns = Value::obj(Payload::Dict(Default::default()));
    let builtins = vm.rt.builtins_module.clone();
    let exec = vm.getattr(&builtins, "exec")?;
    vm.call(&exec, Args::new(vec![Value::str(SRC), ns.clone()]))?;
    let cls = vm.getitem(&ns, &Value::str("version_info"))?;
    vm.call(&cls, Args::new(vec![vi.clone()]))
}

/// A simple attribute bag (a module object used as a namespace).
fn namespace(name: &str, attrs: &[(&str, Value)]) -> Value {
    let m = crate::pvm::import::new_module(name, None);
    for (k, v) in attrs {
        super::set(&m, k, v.clone());
    }
    m
}

fn exit(_vm: &mut Vm, a: Args) -> PyResult {
    check_args("exit", &a, 0, 1)?;
    Err(PyErr::with_args("SystemExit", a.pos.clone()))
}

fn getrecursionlimit(vm: &mut Vm, a: Args) -> PyResult {
    check_args("getrecursionlimit", &a, 0, 0)?;
    Ok(Value::Int(vm.rt.recursion_limit() as i64))
}

fn setrecursionlimit(vm: &mut Vm, a: Args) -> PyResult {
    check_args("setrecursionlimit", &a, 1, 1)?;
    let v = &a.pos[0];
    if !is_int(v) {
        return Err(type_error(format!("'{}' object cannot be interpreted as an integer", vtname(v))));
    }
    let n = index_clamped(vm, v)?;
    if n < 1 {
        return Err(value_error("recursion limit must be greater or equal than 1"));
    }
    vm.rt.set_recursion_limit(n as usize);
    Ok(Value::None)
}

fn get_int_max_str_digits(_vm: &mut Vm, a: Args) -> PyResult {
    check_args("get_int_max_str_digits", &a, 0, 0)?;
    Ok(Value::Int(crate::builtins::intlimit::limit() as i64))
}

/// `sys.set_int_max_str_digits(maxdigits)` (positional or keyword).
fn set_int_max_str_digits(vm: &mut Vm, mut a: Args) -> PyResult {
    let v = match (a.pos.first().cloned(), a.take_kw("maxdigits")) {
        (Some(v), None) | (None, Some(v)) => v,
        _ => return Err(type_error("set_int_max_str_digits() takes exactly one argument (maxdigits)")),
    };
    if a.pos.len() > 1 || !a.kw.is_empty() {
        return Err(type_error("set_int_max_str_digits() takes exactly one argument (maxdigits)"));
    }
    if !is_int(&v) {
        return Err(type_error(format!("'{}' object cannot be interpreted as an integer", vtname(&v))));
    }
    let n = index_clamped(vm, &v)?;
    crate::builtins::intlimit::set_limit(n)?;
    Ok(Value::None)
}

/// `sys.audit(event, *args)`: weft has no audit hooks, so nothing runs.
fn audit(_vm: &mut Vm, a: Args) -> PyResult {
    match a.pos.first() {
        Some(e) if e.as_str().is_some() => Ok(Value::None),
        Some(e) => Err(type_error(format!("expected str for argument 'event', not {}", vtname(e)))),
        None => Err(type_error("audit() missing 1 required positional argument: 'event'")),
    }
}

fn exc_info(vm: &mut Vm, a: Args) -> PyResult {
    check_args("exc_info", &a, 0, 0)?;
    Ok(match vm.handled_exception() {
        Some(e) => Value::tuple(vec![Value::Obj(type_of(&e).clone()), e, Value::None]),
        None => Value::tuple(vec![Value::None, Value::None, Value::None]),
    })
}

fn getsizeof(vm: &mut Vm, a: Args) -> PyResult {
    check_args("getsizeof", &a, 1, 2)?;
    let v = &a.pos[0];
    let n = match v {
        Value::None | Value::Null => 16,
        Value::Bool(_) | Value::Int(_) => 28,
        Value::Float(_) => 24,
        Value::Obj(o) => match &o.payload {
            Payload::Str(s) => 49 + s.as_str().len(),
            Payload::BigInt(b) => 24 + 4 * ((b.bits() as usize + 29) / 30).max(1),
            Payload::Bytes(b) => 33 + b.len(),
            Payload::List(l) => 56 + 8 * l.lock().capacity(),
            Payload::Tuple(t) => 40 + 8 * t.len(),
            Payload::Dict(d) | Payload::Set(d) => 64 + 48 * d.lock().len(),
            _ => 48,
        },
    };
    let _ = vm;
    Ok(Value::Int(n as i64))
}

fn intern(_vm: &mut Vm, a: Args) -> PyResult {
    check_args("intern", &a, 1, 1)?;
    if a.pos[0].as_str().is_none() {
        return Err(type_error(format!("intern() argument must be str, not {}", vtname(&a.pos[0]))));
    }
    Ok(a.pos[0].clone())
}

fn utf8(_vm: &mut Vm, _a: Args) -> PyResult {
    Ok(Value::str("utf-8"))
}

// ---- standard streams ----

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Stream {
    Stdin,
    Stdout,
    Stderr,
}

pub struct StdStream {
    which: Stream,
}

fn stream_type() -> &'static ObjRef {
    static T: OnceLock<ObjRef> = OnceLock::new();
    T.get_or_init(|| {
        let t = new_type("TextIOWrapper", Some(types().object.clone()), Layout::Other, false);
        add_method(&t, "write", "TextIOWrapper.write", s_write);
        add_method(&t, "flush", "TextIOWrapper.flush", s_flush);
        add_method(&t, "readline", "TextIOWrapper.readline", s_readline);
        add_method(&t, "read", "TextIOWrapper.read", s_read);
        add_method(&t, "readlines", "TextIOWrapper.readlines", s_readlines);
        add_method(&t, "writelines", "TextIOWrapper.writelines", s_writelines);
        add_method(&t, "__iter__", "TextIOWrapper.__iter__", s_iter);
        add_method(&t, "__next__", "TextIOWrapper.__next__", s_next);
        add_method(&t, "fileno", "TextIOWrapper.fileno", s_fileno);
        add_method(&t, "isatty", "TextIOWrapper.isatty", s_isatty);
        add_method(&t, "writable", "TextIOWrapper.writable", s_writable);
        add_method(&t, "readable", "TextIOWrapper.readable", s_readable);
        add_method(&t, "__repr__", "TextIOWrapper.__repr__", s_repr);
        add_getset(&t, "encoding", s_encoding, None);
        add_getset(&t, "name", s_name, None);
        t
    })
}

impl NativeObject for StdStream {
    fn type_obj(&self) -> &ObjRef {
        stream_type()
    }
    fn trace(&self, _f: &mut dyn FnMut(&Value)) {}
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// A standard stream object.
pub fn stream(which: Stream) -> Value {
    Value::obj(Payload::Native(Box::new(StdStream { which })))
}

/// Is `v` one of weft's own standard stream objects (not a replacement)?
pub fn is_std_stream(v: &Value) -> bool {
    matches!(v.payload(), Some(Payload::Native(n)) if n.as_any().downcast_ref::<StdStream>().map(|s| s.which == Stream::Stdout).unwrap_or(false))
}

fn which(a: &Args) -> PyResult<Stream> {
    match a.pos.first().and_then(|v| v.payload()) {
        Some(Payload::Native(n)) => n.as_any().downcast_ref::<StdStream>().map(|s| s.which).ok_or_else(|| type_error("expected a stream")),
        _ => Err(type_error("expected a stream")),
    }
}

fn s_write(vm: &mut Vm, a: Args) -> PyResult {
    check_method("write", &a, 1, 1)?;
    let w = which(&a)?;
    let s = a.pos[1].as_str().ok_or_else(|| type_error(format!("write() argument must be str, not {}", vtname(&a.pos[1]))))?;
    match w {
        Stream::Stdout => stdout_write(s),
        Stream::Stderr => {
            stdout_flush();
            stderr_write(s)
        }
        Stream::Stdin => return Err(PyErr::new("OSError", "not writable")),
    }
    let _ = vm;
    Ok(Value::Int(s.chars().count() as i64))
}

fn s_flush(_vm: &mut Vm, a: Args) -> PyResult {
    if which(&a)? == Stream::Stdout {
        stdout_flush();
    }
    Ok(Value::None)
}

fn s_readline(_vm: &mut Vm, a: Args) -> PyResult {
    if which(&a)? != Stream::Stdin {
        return Err(PyErr::new("OSError", "not readable"));
    }
    stdout_flush();
    let mut line = String::new();
    std::io::stdin().read_line(&mut line).map_err(|e| crate::builtins::types::exceptions::io_error(&e, None))?;
    Ok(Value::string(line))
}

fn s_iter(_vm: &mut Vm, a: Args) -> PyResult {
    which(&a)?;
    Ok(a.pos[0].clone())
}

/// `for line in sys.stdin`: one line per step until end of input.
fn s_next(vm: &mut Vm, a: Args) -> PyResult {
    let line = s_readline(vm, a)?;
    if line.as_str().map(|s| s.is_empty()).unwrap_or(true) {
        return Err(crate::pvm::exc::stop_iteration(Value::None));
    }
    Ok(line)
}

fn s_readlines(vm: &mut Vm, a: Args) -> PyResult {
    let mut out = Vec::new();
    loop {
        let line = s_readline(vm, Args::new(vec![a.pos[0].clone()]))?;
        if line.as_str().map(|s| s.is_empty()).unwrap_or(true) {
            break;
        }
        out.push(line);
    }
    Ok(Value::list(out))
}

fn s_writelines(vm: &mut Vm, a: Args) -> PyResult {
    let me = a.pos.first().cloned().unwrap_or(Value::None);
    let lines = a.pos.get(1).cloned().unwrap_or(Value::None);
    for line in vm.collect(&lines)? {
        s_write(vm, Args::new(vec![me.clone(), line]))?;
    }
    Ok(Value::None)
}

fn s_read(_vm: &mut Vm, a: Args) -> PyResult {
    if which(&a)? != Stream::Stdin {
        return Err(PyErr::new("OSError", "not readable"));
    }
    stdout_flush();
    let mut s = String::new();
    std::io::Read::read_to_string(&mut std::io::stdin(), &mut s).map_err(|e| crate::builtins::types::exceptions::io_error(&e, None))?;
    Ok(Value::string(s))
}

fn s_fileno(_vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::Int(match which(&a)? {
        Stream::Stdin => 0,
        Stream::Stdout => 1,
        Stream::Stderr => 2,
    }))
}

fn s_isatty(_vm: &mut Vm, a: Args) -> PyResult {
    use std::io::IsTerminal;
    Ok(Value::bool(match which(&a)? {
        Stream::Stdin => std::io::stdin().is_terminal(),
        Stream::Stdout => std::io::stdout().is_terminal(),
        Stream::Stderr => std::io::stderr().is_terminal(),
    }))
}

fn s_writable(_vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::bool(which(&a)? != Stream::Stdin))
}
fn s_readable(_vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::bool(which(&a)? == Stream::Stdin))
}
fn s_encoding(_vm: &mut Vm, _a: Args) -> PyResult {
    Ok(Value::str("utf-8"))
}

fn stream_name(w: Stream) -> &'static str {
    match w {
        Stream::Stdin => "<stdin>",
        Stream::Stdout => "<stdout>",
        Stream::Stderr => "<stderr>",
    }
}

fn s_name(_vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::str(stream_name(which(&a)?)))
}

fn s_repr(_vm: &mut Vm, a: Args) -> PyResult {
    let w = which(&a)?;
    let mode = if w == Stream::Stdin { "r" } else { "w" };
    Ok(Value::string(format!("<_io.TextIOWrapper name='{}' mode='{mode}' encoding='utf-8'>", stream_name(w))))
}
