//! BaseException and the special behaviour of the built-in exception
//! classes: `args`, `__str__`/`__repr__`, the chaining attributes,
//! `with_traceback`, `add_note`, StopIteration.value, SystemExit.code,
//! KeyError's repr-style str, OSError's errno/strerror/filename (and its
//! errno-to-subclass mapping), ImportError.name/path.

use crate::builtins::args::*;
use crate::builtins::{add_getset, add_method, add_staticmethod};
use crate::object::types::{exc_type, is_subtype, type_of, types};
use crate::object::{Args, ObjRef};
use crate::pvm::exc::{exc_args, exc_data, new_exception, type_error};
use crate::pvm::{PyResult, Vm};
use crate::value::Value;

pub fn install() {
    let b = &types().base_exception;
    add_staticmethod(b, "__new__", "BaseException.__new__", exc_new);
    add_method(b, "__init__", "BaseException.__init__", exc_init);
    add_method(b, "__str__", "BaseException.__str__", exc_str_method);
    add_method(b, "__repr__", "BaseException.__repr__", exc_repr_method);
    add_method(b, "with_traceback", "BaseException.with_traceback", with_traceback);
    add_method(b, "add_note", "BaseException.add_note", add_note);
    add_method(b, "__reduce__", "BaseException.__reduce__", reduce);
    add_getset(b, "args", get_args, Some(set_args));
    add_getset(b, "__cause__", get_cause, Some(set_cause));
    add_getset(b, "__context__", get_context, Some(set_context));
    add_getset(b, "__suppress_context__", get_suppress, Some(set_suppress));
    add_getset(b, "__traceback__", get_traceback, Some(set_traceback));
    add_getset(exc_type("StopIteration"), "value", stop_value, None);
    add_getset(exc_type("SystemExit"), "code", exit_code, None);
    let os = exc_type("OSError");
    add_staticmethod(os, "__new__", "OSError.__new__", oserror_new);
    add_getset(os, "errno", os_errno, Some(os_set_errno));
    add_getset(os, "strerror", os_strerror, Some(os_set_strerror));
    add_getset(os, "filename", os_filename, Some(os_set_filename));
    let ie = exc_type("ImportError");
    add_method(ie, "__init__", "ImportError.__init__", import_init);
    add_getset(ie, "name", ie_name, Some(ie_set_name));
    add_getset(ie, "path", ie_path, Some(ie_set_path));
    add_getset(ie, "msg", ie_msg, None);
}

fn exc_self<'a>(a: &'a Args, what: &str) -> PyResult<&'a Value> {
    match a.pos.first() {
        Some(v) if exc_data(v).is_some() => Ok(v),
        Some(v) => Err(descr_error(what, "BaseException", v)),
        None => Err(type_error(format!("descriptor '{what}' of 'BaseException' object needs an argument"))),
    }
}

fn exc_new(_vm: &mut Vm, a: Args) -> PyResult {
    let cls = new_cls(&a, &types().base_exception, "BaseException")?;
    let cls = cls.as_obj().cloned().ok_or_else(|| type_error("BaseException.__new__: bad class"))?;
    Ok(new_exception(&cls, a.pos[1..].to_vec()))
}

fn exc_init(_vm: &mut Vm, a: Args) -> PyResult {
    let e = exc_self(&a, "__init__")?;
    let heap = crate::object::types::type_data(type_of(e)).heap_type;
    if !a.kw.is_empty() && !heap {
        return Err(type_error(format!("{}() takes no keyword arguments", vtname(e))));
    }
    if let Some(d) = exc_data(e) {
        *d.args.lock() = Value::tuple(a.pos[1..].to_vec());
    }
    Ok(Value::None)
}

fn is_a(v: &Value, name: &str) -> bool {
    is_subtype(type_of(v), exc_type(name))
}

/// `str(exc)` following the type's built-in `__str__`.
pub fn exc_str(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let args = exc_args(v);
    if is_a(v, "KeyError") && args.len() == 1 {
        return vm.repr(&args[0]);
    }
    if is_a(v, "OSError") {
        let errno = attr_or(v, "errno", || os_arg(v, 0));
        let strerror = attr_or(v, "strerror", || os_arg(v, 1));
        let filename = attr_or(v, "filename", || os_arg(v, 2));
        if !errno.is_none() && !strerror.is_none() {
            let mut s = format!("[Errno {}] {}", vm.str(&errno)?, vm.str(&strerror)?);
            if !filename.is_none() {
                s.push_str(&format!(": {}", vm.repr(&filename)?));
            }
            return Ok(s);
        }
    }
    if is_a(v, "SyntaxError") && args.len() == 2 {
        if let Some(s) = syntax_error_str(vm, &args)? {
            return Ok(s);
        }
    }
    match args.len() {
        0 => Ok(String::new()),
        1 => vm.str(&args[0]),
        _ => vm.repr(&Value::tuple(args)),
    }
}

/// `msg (file, line N)` for SyntaxError(msg, (file, line, col, text)).
fn syntax_error_str(vm: &mut Vm, args: &[Value]) -> PyResult<Option<String>> {
    let details = vm.collect(&args[1])?;
    let (Some(file), Some(line)) = (details.first(), details.get(1)) else { return Ok(None) };
    let msg = vm.str(&args[0])?;
    let file = vm.str(file)?;
    let short = std::path::Path::new(&file).file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or(file);
    Ok(Some(format!("{msg} ({short}, line {})", vm.str(line)?)))
}

fn exc_str_method(vm: &mut Vm, a: Args) -> PyResult {
    let e = exc_self(&a, "__str__")?.clone();
    Ok(Value::string(exc_str(vm, &e)?))
}

fn exc_repr_method(vm: &mut Vm, a: Args) -> PyResult {
    let e = exc_self(&a, "__repr__")?.clone();
    Ok(Value::string(crate::builtins::repr::exc_repr(vm, &e)?))
}

fn with_traceback(_vm: &mut Vm, a: Args) -> PyResult {
    check_method("with_traceback", &a, 1, 1)?;
    Ok(exc_self(&a, "with_traceback")?.clone())
}

fn add_note(vm: &mut Vm, a: Args) -> PyResult {
    check_method("add_note", &a, 1, 1)?;
    let e = exc_self(&a, "add_note")?.clone();
    if a.pos[1].as_str().is_none() {
        return Err(type_error(format!("note must be a str, not '{}'", vtname(&a.pos[1]))));
    }
    let notes = match vm.getattr_opt(&e, "__notes__")? {
        Some(n) => n,
        None => {
            let n = Value::list(vec![]);
            vm.setattr(&e, &Value::str("__notes__"), n.clone())?;
            n
        }
    };
    vm.call_method(&notes, "append", vec![a.pos[1].clone()])?;
    Ok(Value::None)
}

fn reduce(_vm: &mut Vm, a: Args) -> PyResult {
    let e = exc_self(&a, "__reduce__")?;
    Ok(Value::tuple(vec![Value::Obj(type_of(e).clone()), Value::tuple(exc_args(e))]))
}

fn get_args(_vm: &mut Vm, a: Args) -> PyResult {
    let e = exc_self(&a, "args")?;
    Ok(exc_data(e).map(|d| d.args.lock().clone()).unwrap_or(Value::None))
}

fn set_args(vm: &mut Vm, a: Args) -> PyResult {
    let e = exc_self(&a, "args")?;
    let v = a.pos.get(1).cloned().unwrap_or(Value::None);
    let t = Value::tuple(vm.collect(&v)?);
    if let Some(d) = exc_data(e) {
        *d.args.lock() = t;
    }
    Ok(Value::None)
}

fn get_cause(_vm: &mut Vm, a: Args) -> PyResult {
    let e = exc_self(&a, "__cause__")?;
    Ok(exc_data(e).map(|d| d.cause.lock().clone()).unwrap_or(Value::None))
}

fn check_exc_or_none(v: &Value, what: &str) -> PyResult<()> {
    if v.is_none() || exc_data(v).is_some() {
        Ok(())
    } else {
        Err(type_error(format!("exception {what} must be None or derive from BaseException")))
    }
}

fn set_cause(_vm: &mut Vm, a: Args) -> PyResult {
    let e = exc_self(&a, "__cause__")?;
    let v = a.pos.get(1).cloned().unwrap_or(Value::None);
    check_exc_or_none(&v, "cause")?;
    if let Some(d) = exc_data(e) {
        *d.cause.lock() = v;
        *d.suppress_context.lock() = true;
    }
    Ok(Value::None)
}

fn get_context(_vm: &mut Vm, a: Args) -> PyResult {
    let e = exc_self(&a, "__context__")?;
    Ok(exc_data(e).map(|d| d.context.lock().clone()).unwrap_or(Value::None))
}

fn set_context(_vm: &mut Vm, a: Args) -> PyResult {
    let e = exc_self(&a, "__context__")?;
    let v = a.pos.get(1).cloned().unwrap_or(Value::None);
    check_exc_or_none(&v, "context")?;
    if let Some(d) = exc_data(e) {
        *d.context.lock() = v;
    }
    Ok(Value::None)
}

fn get_suppress(_vm: &mut Vm, a: Args) -> PyResult {
    let e = exc_self(&a, "__suppress_context__")?;
    Ok(Value::bool(exc_data(e).map(|d| *d.suppress_context.lock()).unwrap_or(false)))
}

fn set_suppress(vm: &mut Vm, a: Args) -> PyResult {
    let e = exc_self(&a, "__suppress_context__")?.clone();
    let v = a.pos.get(1).cloned().unwrap_or(Value::None);
    let b = vm.truthy(&v)?;
    if let Some(d) = exc_data(&e) {
        *d.suppress_context.lock() = b;
    }
    Ok(Value::None)
}

fn get_traceback(_vm: &mut Vm, a: Args) -> PyResult {
    let e = exc_self(&a, "__traceback__")?;
    Ok(dict_attr(e, "__weft_tb__").unwrap_or(Value::None))
}

fn set_traceback(_vm: &mut Vm, a: Args) -> PyResult {
    let e = exc_self(&a, "__traceback__")?;
    let v = a.pos.get(1).cloned().unwrap_or(Value::None);
    set_dict_attr(e, "__weft_tb__", v);
    Ok(Value::None)
}

fn stop_value(_vm: &mut Vm, a: Args) -> PyResult {
    let e = exc_self(&a, "value")?;
    Ok(exc_args(e).into_iter().next().unwrap_or(Value::None))
}

fn exit_code(_vm: &mut Vm, a: Args) -> PyResult {
    let e = exc_self(&a, "code")?;
    let args = exc_args(e);
    Ok(match args.len() {
        0 => Value::None,
        1 => args[0].clone(),
        _ => Value::tuple(args),
    })
}

// ---- instance-dict backed attributes ----

fn dict_attr(v: &Value, name: &str) -> Option<Value> {
    let o = v.as_obj()?;
    o.inst_dict()?.lock().get_str(name).cloned()
}

fn set_dict_attr(v: &Value, name: &str, val: Value) {
    if let Some(d) = v.as_obj().and_then(|o| o.inst_dict()) {
        d.lock().set_str(Value::str(name), val);
    }
}

fn attr_or(v: &Value, name: &str, f: impl FnOnce() -> Value) -> Value {
    dict_attr(v, &format!("__weft_{name}")).unwrap_or_else(f)
}

/// OSError positional fields: (errno, strerror[, filename[, winerror[, filename2]]]).
fn os_arg(v: &Value, i: usize) -> Value {
    let args = exc_args(v);
    if (2..=5).contains(&args.len()) {
        args.get(i).cloned().unwrap_or(Value::None)
    } else {
        Value::None
    }
}

fn os_errno(_vm: &mut Vm, a: Args) -> PyResult {
    let e = exc_self(&a, "errno")?;
    Ok(attr_or(e, "errno", || os_arg(e, 0)))
}
fn os_strerror(_vm: &mut Vm, a: Args) -> PyResult {
    let e = exc_self(&a, "strerror")?;
    Ok(attr_or(e, "strerror", || os_arg(e, 1)))
}
fn os_filename(_vm: &mut Vm, a: Args) -> PyResult {
    let e = exc_self(&a, "filename")?;
    Ok(attr_or(e, "filename", || os_arg(e, 2)))
}
fn os_set(a: Args, name: &str) -> PyResult {
    let e = exc_self(&a, name)?;
    set_dict_attr(e, &format!("__weft_{name}"), a.pos.get(1).cloned().unwrap_or(Value::None));
    Ok(Value::None)
}
fn os_set_errno(_vm: &mut Vm, a: Args) -> PyResult {
    os_set(a, "errno")
}
fn os_set_strerror(_vm: &mut Vm, a: Args) -> PyResult {
    os_set(a, "strerror")
}
fn os_set_filename(_vm: &mut Vm, a: Args) -> PyResult {
    os_set(a, "filename")
}

/// The OSError subclass CPython picks for an errno.
pub fn errno_class(errno: i64) -> Option<&'static ObjRef> {
    let name = match errno {
        2 => "FileNotFoundError",
        17 => "FileExistsError",
        1 | 13 => "PermissionError",
        21 => "IsADirectoryError",
        20 => "NotADirectoryError",
        11 | 114 | 115 => "BlockingIOError",
        10 => "ChildProcessError",
        32 => "BrokenPipeError",
        103 => "ConnectionAbortedError",
        111 => "ConnectionRefusedError",
        104 => "ConnectionResetError",
        4 => "InterruptedError",
        3 => "ProcessLookupError",
        110 => "TimeoutError",
        _ => return None,
    };
    Some(exc_type(name))
}

fn oserror_new(_vm: &mut Vm, a: Args) -> PyResult {
    let cls = new_cls(&a, &types().base_exception, "OSError")?;
    let mut cls = cls.as_obj().cloned().ok_or_else(|| type_error("OSError.__new__: bad class"))?;
    let args = a.pos[1..].to_vec();
    if std::sync::Arc::ptr_eq(&cls, exc_type("OSError")) && (2..=5).contains(&args.len()) {
        if let Some(c) = small_int(&args[0]).and_then(errno_class) {
            cls = c.clone();
        }
    }
    Ok(new_exception(&cls, args))
}

/// A fresh OSError (subclass chosen by errno) like CPython raises for a
/// failed system call: `[Errno n] strerror: 'filename'`.
pub fn os_error(errno: i64, strerror: &str, filename: Option<&str>) -> crate::pvm::PyErr {
    let cls = errno_class(errno).unwrap_or_else(|| exc_type("OSError"));
    let mut args = vec![Value::Int(errno), Value::str(strerror)];
    if let Some(f) = filename {
        args.push(Value::str(f));
    }
    crate::pvm::PyErr::from_value(new_exception(cls, args))
}

/// Maps a Rust I/O error to the matching OSError.
pub fn io_error(e: &std::io::Error, filename: Option<&str>) -> crate::pvm::PyErr {
    let errno = e.raw_os_error().unwrap_or(match e.kind() {
        std::io::ErrorKind::NotFound => 2,
        std::io::ErrorKind::PermissionDenied => 13,
        std::io::ErrorKind::AlreadyExists => 17,
        _ => 5,
    }) as i64;
    let msg = strerror(errno).map(str::to_string).unwrap_or_else(|| {
        let s = e.to_string();
        s.split(" (os error").next().unwrap_or(&s).to_string()
    });
    os_error(errno, &msg, filename)
}

fn strerror(errno: i64) -> Option<&'static str> {
    Some(match errno {
        1 => "Operation not permitted",
        2 => "No such file or directory",
        5 => "Input/output error",
        9 => "Bad file descriptor",
        13 => "Permission denied",
        17 => "File exists",
        20 => "Not a directory",
        21 => "Is a directory",
        22 => "Invalid argument",
        28 => "No space left on device",
        32 => "Broken pipe",
        36 => "File name too long",
        39 => "Directory not empty",
        _ => return None,
    })
}

fn import_init(vm: &mut Vm, mut a: Args) -> PyResult {
    let name = a.take_kw("name");
    let path = a.take_kw("path");
    if let Some((k, _)) = a.kw.first() {
        return Err(type_error(format!("'{k}' is an invalid keyword argument for ImportError()")));
    }
    let e = exc_self(&a, "__init__")?.clone();
    exc_init(vm, Args::new(a.pos.clone()))?;
    set_dict_attr(&e, "__weft_name", name.unwrap_or(Value::None));
    set_dict_attr(&e, "__weft_path", path.unwrap_or(Value::None));
    Ok(Value::None)
}

fn ie_name(_vm: &mut Vm, a: Args) -> PyResult {
    let e = exc_self(&a, "name")?;
    Ok(attr_or(e, "name", || Value::None))
}
fn ie_path(_vm: &mut Vm, a: Args) -> PyResult {
    let e = exc_self(&a, "path")?;
    Ok(attr_or(e, "path", || Value::None))
}
fn ie_set_name(_vm: &mut Vm, a: Args) -> PyResult {
    os_set(a, "name")
}
fn ie_set_path(_vm: &mut Vm, a: Args) -> PyResult {
    os_set(a, "path")
}
fn ie_msg(_vm: &mut Vm, a: Args) -> PyResult {
    let e = exc_self(&a, "msg")?;
    let args = exc_args(e);
    Ok(if args.len() == 1 { args[0].clone() } else { Value::None })
}
