//! The builtin functions: I/O (print, input, open), introspection
//! (isinstance, getattr, dir, vars, globals, locals, id, hash, ...),
//! and the simple conversions (repr, ascii, chr, ord, format, len).
//! Iteration builtins live in `iterfuncs.rs`, numeric ones in `numfuncs.rs`.

use super::args::*;
use super::{iterfuncs, native, numfuncs};
use crate::object::types::{is_subtype, lookup_in_type, type_data, type_of, types};
use crate::object::{Args, DictData, NativeFn, ObjRef, Payload};
use crate::pvm::exc::{attribute_error, type_error, value_error, PyErr};
use crate::pvm::runtime::{stdout_flush, stdout_write};
use crate::pvm::{PyResult, Vm};
use crate::value::Value;

pub fn install(dict: &mut DictData) {
    let fns: &[(&'static str, NativeFn)] = &[
        ("print", print),
        ("input", input),
        ("len", len),
        ("repr", repr),
        ("ascii", ascii),
        ("id", id),
        ("hash", hash),
        ("callable", callable),
        ("chr", chr),
        ("ord", ord),
        ("format", format),
        ("isinstance", isinstance),
        ("issubclass", issubclass),
        ("hasattr", hasattr),
        ("getattr", getattr),
        ("setattr", setattr),
        ("delattr", delattr),
        ("vars", vars),
        ("dir", dir),
        ("globals", globals),
        ("locals", locals),
        ("open", super::types::file::open),
        ("aiter", super::asyncfuncs::aiter),
        ("__weft_await__", super::asyncfuncs::weft_await),
        ("__weft_agen_fn__", super::asyncfuncs::agen_fn),
        ("__weft_agen_wrap__", super::asyncfuncs::agen_wrap),
        ("anext", super::asyncfuncs::anext),
        ("abs", numfuncs::builtin_abs),
        ("round", numfuncs::builtin_round),
        ("divmod", numfuncs::builtin_divmod),
        ("pow", numfuncs::builtin_pow),
        ("hex", numfuncs::builtin_hex),
        ("oct", numfuncs::builtin_oct),
        ("bin", numfuncs::builtin_bin),
        ("iter", iterfuncs::iter),
        ("next", iterfuncs::next),
        ("enumerate", iterfuncs::enumerate),
        ("zip", iterfuncs::zip),
        ("map", iterfuncs::map),
        ("filter", iterfuncs::filter),
        ("sorted", iterfuncs::sorted),
        ("reversed", iterfuncs::reversed),
        ("min", iterfuncs::min),
        ("max", iterfuncs::max),
        ("sum", iterfuncs::sum),
        ("any", iterfuncs::any),
        ("all", iterfuncs::all),
        ("exec", super::exec::exec),
        ("eval", super::exec::eval),
        ("compile", super::exec::compile),
        ("exit", exit),
        ("quit", exit),
        ("__import__", dunder_import),
    ];
    for (name, f) in fns {
        dict.set_str(Value::str(name), native(name, *f));
    }
    dict.set_str(Value::str("len"), super::native_fast("len", len, len_fast));
    dict.set_str(Value::str("isinstance"), super::native_fast("isinstance", isinstance, isinstance_fast));
}

/// `len(x)` of an exact built-in container or str (see `FastFn`).
fn len_fast(_vm: &mut Vm, a: &[Value]) -> Option<PyResult> {
    let [x] = a else { return None };
    crate::pvm::ops::builtin_len(x).map(|n| Ok(Value::Int(n as i64)))
}

/// `isinstance(x, C)` for a class (or tuple of classes) whose metaclass is
/// `type`: the subtype test alone answers (see `FastFn`).
fn isinstance_fast(_vm: &mut Vm, a: &[Value]) -> Option<PyResult> {
    let [x, spec] = a else { return None };
    fn plain_class(c: &Value) -> Option<&ObjRef> {
        match c.payload() {
            Some(Payload::Type(_)) if std::sync::Arc::ptr_eq(type_of(c), &types().type_) => c.as_obj(),
            _ => None,
        }
    }
    let t = type_of(x);
    let found = match spec.payload() {
        Some(Payload::Tuple(items)) => {
            let mut found = false;
            for c in items.iter() {
                found |= is_subtype(t, plain_class(c)?);
            }
            found
        }
        _ => is_subtype(t, plain_class(spec)?),
    };
    // A class instance may name another class in `__class__`.
    if !found && matches!(x, Value::Obj(o) if o.class.is_some()) {
        return None;
    }
    Some(Ok(Value::bool(found)))
}

/// `exit(code=None)` / `quit(code=None)`: raise SystemExit, as the `site`
/// helpers do in CPython.
fn exit(_vm: &mut Vm, a: Args) -> PyResult {
    if a.pos.len() > 1 {
        return Err(type_error(format!("Quitter.__call__() takes from 1 to 2 positional arguments but {} were given", a.pos.len() + 1)));
    }
    Err(crate::pvm::exc::PyErr::with_args("SystemExit", a.pos.clone()))
}

/// `__import__(name, globals=None, locals=None, fromlist=(), level=0)`:
/// the top-level package, or the module itself when `fromlist` is given.
fn dunder_import(vm: &mut Vm, mut a: Args) -> PyResult {
    let fromlist = a.take_kw("fromlist").or_else(|| a.pos.get(3).cloned()).unwrap_or(Value::None);
    let level = a.take_kw("level").or_else(|| a.pos.get(4).cloned()).unwrap_or(Value::Int(0));
    a.take_kw("globals");
    a.take_kw("locals");
    let Some(name) = a.pos.first().and_then(|v| v.as_str().map(|s| s.to_string())) else {
        return Err(type_error("__import__() argument 1 must be str"));
    };
    if !matches!(level, Value::Int(0)) {
        return Err(crate::pvm::exc::PyErr::new("ImportError", "weft's __import__ supports only absolute imports (level=0)"));
    }
    if name.is_empty() {
        return Err(crate::pvm::exc::value_error("Empty module name"));
    }
    let leaf = vm.import_absolute(&name)?;
    if !fromlist.is_none() && vm.truthy(&fromlist)? {
        return Ok(leaf);
    }
    match name.split_once('.') {
        Some((top, _)) => vm.import_absolute(top),
        None => Ok(leaf),
    }
}

/// Writes `s` to `file` (None = the process stdout).
pub fn write_to(vm: &mut Vm, file: &Value, s: &str) -> PyResult<()> {
    if file.is_none() {
        stdout_write(s);
        return Ok(());
    }
    vm.call_method(file, "write", vec![Value::str(s)])?;
    Ok(())
}

fn sep_kw(v: Option<Value>, name: &str, default: &str) -> PyResult<String> {
    match v {
        None | Some(Value::None) => Ok(default.to_string()),
        Some(v) => match v.as_str() {
            Some(s) => Ok(s.to_string()),
            None => Err(type_error(format!("{name} must be None or a string, not {}", vtname(&v)))),
        },
    }
}

fn print(vm: &mut Vm, mut a: Args) -> PyResult {
    let sep = sep_kw(a.take_kw("sep"), "sep", " ")?;
    let end = sep_kw(a.take_kw("end"), "end", "\n")?;
    let file = a.take_kw("file").unwrap_or(Value::None);
    let flush = a.take_kw("flush");
    if let Some((k, _)) = a.kw.first() {
        return Err(type_error(format!("'{k}' is an invalid keyword argument for print()")));
    }
    let file = if file.is_none() { sys_stdout(vm) } else { file };
    // Output shows whether a dropped generator's `finally` ran first.
    vm.run_generator_finalizers();
    let mut out = String::new();
    for (i, v) in a.pos.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        out.push_str(&vm.str(v)?);
    }
    out.push_str(&end);
    write_to(vm, &file, &out)?;
    if let Some(f) = flush {
        if vm.truthy(&f)? {
            if file.is_none() {
                stdout_flush();
            } else {
                vm.call_method(&file, "flush", vec![])?;
            }
        }
    }
    Ok(Value::None)
}

/// `sys.stdout` when a script replaced it, else None (the native stdout).
fn sys_stdout(vm: &mut Vm) -> Value {
    let Some(sys) = vm.rt.module("sys") else { return Value::None };
    let Some(Payload::Module(m)) = sys.payload() else { return Value::None };
    let v = match &m.dict.payload {
        Payload::Dict(d) => d.lock().get_str("stdout").cloned(),
        _ => None,
    };
    match v {
        Some(v) if !crate::modules::sys::is_std_stream(&v) => v,
        _ => Value::None,
    }
}

fn input(vm: &mut Vm, a: Args) -> PyResult {
    check_args("input", &a, 0, 1)?;
    if let Some(p) = a.pos.first() {
        let s = vm.str(p)?;
        stdout_write(&s);
    }
    stdout_flush();
    let mut line = String::new();
    match std::io::stdin().read_line(&mut line) {
        Ok(0) => Err(PyErr::new("EOFError", "EOF when reading a line")),
        Ok(_) => {
            if line.ends_with('\n') {
                line.pop();
                if line.ends_with('\r') {
                    line.pop();
                }
            }
            Ok(Value::string(line))
        }
        Err(e) => Err(super::types::exceptions::io_error(&e, None)),
    }
}

fn len(vm: &mut Vm, a: Args) -> PyResult {
    check_args("len", &a, 1, 1)?;
    Ok(Value::Int(vm.len(&a.pos[0])? as i64))
}

fn repr(vm: &mut Vm, a: Args) -> PyResult {
    check_args("repr", &a, 1, 1)?;
    Ok(Value::string(vm.repr(&a.pos[0])?))
}

fn ascii(vm: &mut Vm, a: Args) -> PyResult {
    check_args("ascii", &a, 1, 1)?;
    Ok(Value::string(super::repr::ascii_escape(&vm.repr(&a.pos[0])?)))
}

fn id(_vm: &mut Vm, a: Args) -> PyResult {
    check_args("id", &a, 1, 1)?;
    Ok(Value::Int(a.pos[0].id()))
}

fn hash(vm: &mut Vm, a: Args) -> PyResult {
    check_args("hash", &a, 1, 1)?;
    Ok(Value::Int(vm.hash(&a.pos[0])?))
}

/// Is `v` callable?
pub fn is_callable(v: &Value) -> bool {
    match v.payload() {
        Some(Payload::Function(_) | Payload::NativeFunc(_) | Payload::BoundMethod { .. } | Payload::Type(_)) => true,
        _ => lookup_in_type(type_of(v), "__call__").is_some(),
    }
}

fn callable(_vm: &mut Vm, a: Args) -> PyResult {
    check_args("callable", &a, 1, 1)?;
    Ok(Value::bool(is_callable(&a.pos[0])))
}

fn chr(vm: &mut Vm, a: Args) -> PyResult {
    check_args("chr", &a, 1, 1)?;
    let x = &a.pos[0];
    if !is_int(x) && vm.call_special(x, "__index__", vec![])?.is_none() {
        return Err(type_error(format!("'{}' object cannot be interpreted as an integer", vtname(x))));
    }
    let n = index_clamped(vm, x)?;
    match u32::try_from(n).ok().and_then(char::from_u32) {
        Some(c) => Ok(Value::string(c.to_string())),
        None if (0xd800..0xe000).contains(&n) => Err(value_error("surrogate characters are not supported")),
        None if (0..=0x10ffff).contains(&n) => Err(value_error("chr() arg not in range(0x110000)")),
        None if n.unsigned_abs() > i32::MAX as u64 => Err(PyErr::new("OverflowError", "Python int too large to convert to C int")),
        None => Err(value_error("chr() arg not in range(0x110000)")),
    }
}

fn ord(_vm: &mut Vm, a: Args) -> PyResult {
    check_args("ord", &a, 1, 1)?;
    let x = &a.pos[0];
    let (n, first) = match x.payload() {
        Some(Payload::Str(s)) => (s.char_len(), s.as_str().chars().next().map(|c| c as i64)),
        Some(Payload::Bytes(b)) => (b.len(), b.first().map(|c| *c as i64)),
        Some(Payload::ByteArray(b)) => {
            let b = b.lock();
            (b.len(), b.first().map(|c| *c as i64))
        }
        _ => return Err(type_error(format!("ord() expected string of length 1, but {} found", vtname(x)))),
    };
    match (n, first) {
        (1, Some(c)) => Ok(Value::Int(c)),
        _ => {
            let kind = if matches!(x.payload(), Some(Payload::Str(_))) { "a character" } else { "a character" };
            let _ = kind;
            Err(type_error(format!("ord() expected a character, but string of length {n} found")))
        }
    }
}

fn format(vm: &mut Vm, a: Args) -> PyResult {
    check_args("format", &a, 1, 2)?;
    let spec = match a.pos.get(1) {
        Some(s) => str_arg(s, || format!("format() argument 2 must be str, not {}", vtname(s)))?.to_string(),
        None => String::new(),
    };
    Ok(Value::string(vm.format(&a.pos[0], &spec)?))
}

/// `isinstance`-style check of `t` (the type of `obj` for isinstance, the
/// class `obj` itself for issubclass) against a class or (nested) tuple. A
/// metaclass's `__instancecheck__`/`__subclasscheck__` is honoured (after
/// the exact subtype test, which answers for plain classes).
fn class_check(vm: &mut Vm, obj: &Value, t: &ObjRef, spec: &Value, fname: &str, depth: usize) -> PyResult<bool> {
    if depth > 500 {
        return Err(PyErr::new("RecursionError", format!("maximum recursion depth exceeded in {fname}")));
    }
    let hook = if fname == "isinstance" { "__instancecheck__" } else { "__subclasscheck__" };
    match spec.payload() {
        Some(Payload::Type(_)) => {
            let c = spec.as_obj().unwrap();
            if is_subtype(t, c) {
                return Ok(true);
            }
            let meta = type_of(spec);
            if !std::sync::Arc::ptr_eq(meta, &types().type_) {
                if let Some(h) = lookup_in_type(meta, hook) {
                    if !matches!(h.payload(), Some(Payload::NativeFunc(_))) {
                        let r = vm.call(&h, Args::new(vec![spec.clone(), obj.clone()]))?;
                        return vm.truthy(&r);
                    }
                }
            }
            if fname == "isinstance" {
                return class_attr_check(vm, obj, t, c);
            }
            Ok(false)
        }
        Some(Payload::Tuple(items)) => {
            for it in items.iter() {
                if class_check(vm, obj, t, it, fname, depth + 1)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => {
            if lookup_in_type(type_of(spec), hook).is_some() {
                let r = vm.call_special(spec, hook, vec![obj.clone()])?.unwrap_or(Value::Bool(crate::value::Flag::FALSE));
                return vm.truthy(&r);
            }
            let what = if fname == "isinstance" { "isinstance() arg 2" } else { "issubclass() arg 2" };
            Err(type_error(format!("{what} must be a type, a tuple of types, or a union")))
        }
    }
}

/// `isinstance`'s second look, as CPython's: an instance whose
/// `__class__` is not its type (a property, a proxy) is an instance of the
/// class `__class__` names.
fn class_attr_check(vm: &mut Vm, obj: &Value, t: &ObjRef, c: &ObjRef) -> PyResult<bool> {
    if !matches!(obj, Value::Obj(o) if o.class.is_some()) {
        return Ok(false);
    }
    let icls = match vm.getattr(obj, "__class__") {
        Ok(v) => v,
        Err(e) if e.matches("AttributeError") => return Ok(false),
        Err(e) => return Err(e),
    };
    Ok(match icls.as_obj() {
        Some(ic) if matches!(ic.payload, Payload::Type(_)) && !std::sync::Arc::ptr_eq(ic, t) => is_subtype(ic, c),
        _ => false,
    })
}

fn isinstance(vm: &mut Vm, a: Args) -> PyResult {
    check_args("isinstance", &a, 2, 2)?;
    let t = type_of(&a.pos[0]).clone();
    Ok(Value::bool(class_check(vm, &a.pos[0], &t, &a.pos[1], "isinstance", 0)?))
}

fn issubclass(vm: &mut Vm, a: Args) -> PyResult {
    check_args("issubclass", &a, 2, 2)?;
    let Some(c) = a.pos[0].as_obj().filter(|o| matches!(o.payload, Payload::Type(_))).cloned() else {
        return Err(type_error("issubclass() arg 1 must be a class"));
    };
    Ok(Value::bool(class_check(vm, &a.pos[0], &c, &a.pos[1], "issubclass", 0)?))
}

fn attr_name<'a>(v: &'a Value, fname: &str) -> PyResult<&'a str> {
    v.as_str().ok_or_else(|| type_error(format!("{fname}(): attribute name must be string, not '{}'", vtname(v))))
}

fn hasattr(vm: &mut Vm, a: Args) -> PyResult {
    check_args("hasattr", &a, 2, 2)?;
    let name = attr_name(&a.pos[1], "hasattr")?;
    match vm.getattr(&a.pos[0], name) {
        Ok(_) => Ok(Value::Bool(crate::value::Flag::TRUE)),
        Err(e) if e.matches("AttributeError") => Ok(Value::Bool(crate::value::Flag::FALSE)),
        Err(e) => Err(e),
    }
}

fn getattr(vm: &mut Vm, a: Args) -> PyResult {
    check_args("getattr", &a, 2, 3)?;
    let name = attr_name(&a.pos[1], "getattr")?;
    match vm.getattr(&a.pos[0], name) {
        Ok(v) => Ok(v),
        Err(e) if e.matches("AttributeError") && a.pos.len() == 3 => Ok(a.pos[2].clone()),
        Err(e) => Err(e),
    }
}

fn setattr(vm: &mut Vm, a: Args) -> PyResult {
    check_args("setattr", &a, 3, 3)?;
    attr_name(&a.pos[1], "setattr")?;
    vm.setattr(&a.pos[0], &a.pos[1], a.pos[2].clone())?;
    Ok(Value::None)
}

fn delattr(vm: &mut Vm, a: Args) -> PyResult {
    check_args("delattr", &a, 2, 2)?;
    attr_name(&a.pos[1], "delattr")?;
    vm.delattr(&a.pos[0], &a.pos[1])?;
    Ok(Value::None)
}

fn vars(vm: &mut Vm, a: Args) -> PyResult {
    check_args("vars", &a, 0, 1)?;
    match a.pos.first() {
        None => locals(vm, Args::default()),
        Some(v) => match vm.getattr(v, "__dict__") {
            Ok(d) => Ok(d),
            Err(e) if e.matches("AttributeError") => Err(type_error("vars() argument must have __dict__ attribute")),
            Err(e) => Err(e),
        },
    }
}

fn dict_keys_of(d: &Value) -> Vec<Value> {
    match d.payload() {
        Some(Payload::Dict(d)) => d.lock().keys(),
        _ => Vec::new(),
    }
}

fn type_names(t: &ObjRef, out: &mut Vec<Value>) {
    out.extend(type_data(t).dict.lock().keys());
    for b in &type_data(t).mro {
        out.extend(type_data(b).dict.lock().keys());
    }
}

fn dir(vm: &mut Vm, a: Args) -> PyResult {
    check_args("dir", &a, 0, 1)?;
    let mut names: Vec<Value> = Vec::new();
    match a.pos.first() {
        None => {
            let l = locals(vm, Args::default())?;
            names = dict_keys_of(&l);
        }
        Some(v) => {
            if user_overrides(v, "__dir__") {
                let r = vm.call_special(v, "__dir__", vec![])?.unwrap_or(Value::None);
                names = vm.collect(&r)?;
            } else {
                match v.payload() {
                    Some(Payload::Module(m)) => names = dict_keys_of(&Value::Obj(m.dict.clone())),
                    Some(Payload::Type(_)) => {
                        if let Some(o) = v.as_obj() {
                            type_names(o, &mut names)
                        }
                    }
                    _ => {
                        if let Some(d) = v.as_obj().and_then(|o| o.inst_dict()) {
                            names.extend(d.lock().keys());
                        }
                        if let Some(Payload::Function(f)) = v.payload() {
                            names.extend(f.dict.lock().keys());
                        }
                        type_names(type_of(v), &mut names);
                    }
                }
            }
        }
    }
    let mut strs: Vec<String> = names.iter().filter_map(|n| n.as_str().map(str::to_string)).filter(|n| !n.starts_with("__weft_")).collect();
    strs.sort();
    strs.dedup();
    Ok(Value::list(strs.into_iter().map(Value::string).collect()))
}

fn globals(vm: &mut Vm, a: Args) -> PyResult {
    check_args("globals", &a, 0, 0)?;
    match vm.frames.last() {
        Some(f) => Ok(Value::Obj(f.globals.clone())),
        None => Err(crate::pvm::exc::internal_error("globals() without a frame")),
    }
}

fn locals(vm: &mut Vm, a: Args) -> PyResult {
    check_args("locals", &a, 0, 0)?;
    caller_locals(vm)
}

/// The locals mapping of the innermost Python frame (a snapshot dict for
/// function frames).
pub fn caller_locals(vm: &mut Vm) -> PyResult {
    let Some(f) = vm.frames.last() else { return Err(crate::pvm::exc::internal_error("locals() without a frame")) };
    if let Some(l) = f.locals() {
        return Ok(l.clone());
    }
    let code = f.code.clone();
    let mut d = DictData::default();
    for (i, name) in code.varnames.iter().enumerate() {
        if let Some(v) = f.slots.get(i).filter(|v| !v.is_null()) {
            d.set_str(Value::str(name), v.clone());
        }
    }
    let nl = code.nlocals();
    for (j, name) in code.cellvars.iter().chain(code.freevars.iter()).enumerate() {
        if let Some(Payload::Cell(c)) = f.slots.get(nl + j).and_then(|v| v.payload()) {
            let v = c.lock().clone();
            if !v.is_null() {
                d.set_str(Value::str(name), v);
            }
        }
    }
    Ok(Value::obj(Payload::Dict(parking_lot::Mutex::new(d))))
}

/// `AttributeError` helper for natives of other modules.
pub fn no_attr(v: &Value, name: &str) -> PyErr {
    attribute_error(format!("'{}' object has no attribute '{name}'", vtname(v)))
}
