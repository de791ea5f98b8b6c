//! The native half of `os`: the `posix` module (CPython's name for it) with
//! the system calls — cwd, directories, files, stat, environment, pid,
//! cpu count, urandom. The embedded `os.py` builds the public `os` API
//! (stat_result, walk, makedirs, environ, getenv, `os.path`) on top.

use crate::builtins::args::*;
use crate::builtins::types::exceptions::io_error;
use crate::object::{Args, DictData, Payload};
use crate::pvm::exc::type_error;
use crate::pvm::{PyResult, Vm};
use crate::value::Value;
use parking_lot::Mutex;
use std::os::unix::fs::{MetadataExt, PermissionsExt};

pub fn make(_vm: &mut Vm) -> PyResult<Value> {
    let m = super::module_with(
        "posix",
        &[
            ("getcwd", "posix.getcwd", getcwd),
            ("chdir", "posix.chdir", chdir),
            ("listdir", "posix.listdir", listdir),
            ("mkdir", "posix.mkdir", mkdir),
            ("remove", "posix.remove", remove),
            ("unlink", "posix.unlink", remove),
            ("rmdir", "posix.rmdir", rmdir),
            ("rename", "posix.rename", rename),
            ("replace", "posix.replace", rename),
            ("stat", "posix.stat", stat),
            ("lstat", "posix.lstat", lstat),
            ("getpid", "posix.getpid", getpid),
            ("cpu_count", "posix.cpu_count", cpu_count),
            ("urandom", "posix.urandom", urandom),
            ("putenv", "posix.putenv", putenv),
            ("unsetenv", "posix.unsetenv", unsetenv),
            ("readlink", "posix.readlink", readlink),
            ("chmod", "posix.chmod", chmod),
            ("_realpath", "posix._realpath", realpath),
            ("_is_dir", "posix._is_dir", is_dir_entry),
            ("open", "posix.open", super::osfd::open),
            ("close", "posix.close", super::osfd::close),
            ("read", "posix.read", super::osfd::read),
            ("write", "posix.write", super::osfd::write),
            ("fsync", "posix.fsync", super::osfd::fsync),
            ("isatty", "posix.isatty", super::osfd::isatty),
            ("_exit", "posix._exit", super::osfd::exit_now),
            ("getppid", "posix.getppid", super::osfd::getppid),
        ],
    );
    let mut d = DictData::default();
    for (k, v) in std::env::vars_os() {
        d.set_str(Value::string(k.to_string_lossy().into_owned()), Value::string(v.to_string_lossy().into_owned()));
    }
    super::set(&m, "environ", Value::obj(Payload::Dict(Mutex::new(d))));
    Ok(m)
}

/// A path argument: str (bytes decoded lossily), or an object with
/// `__fspath__`.
pub fn path_arg(vm: &mut Vm, fname: &str, v: Option<&Value>) -> PyResult<String> {
    let Some(v) = v else {
        return Err(type_error(format!("{fname}() missing required argument 'path' (pos 1)")));
    };
    if let Some(s) = v.as_str() {
        return Ok(s.to_string());
    }
    if let Some(Payload::Bytes(b)) = v.payload() {
        return Ok(String::from_utf8_lossy(b).into_owned());
    }
    if let Some(f) = vm.getattr_opt(v, "__fspath__")? {
        let r = vm.call(&f, Args::new(vec![]))?;
        if let Some(s) = r.as_str() {
            return Ok(s.to_string());
        }
    }
    Err(type_error(format!(
        "{fname}: path should be string, bytes or os.PathLike, not {}",
        vtname(v)
    )))
}

fn getcwd(_vm: &mut Vm, a: Args) -> PyResult {
    check_args("getcwd", &a, 0, 0)?;
    let p = std::env::current_dir().map_err(|e| io_error(&e, None))?;
    Ok(Value::string(p.to_string_lossy().into_owned()))
}

fn chdir(vm: &mut Vm, a: Args) -> PyResult {
    let p = path_arg(vm, "chdir", a.pos.first())?;
    std::env::set_current_dir(&p).map_err(|e| io_error(&e, Some(&p)))?;
    Ok(Value::None)
}

fn listdir(vm: &mut Vm, a: Args) -> PyResult {
    let p = match a.pos.first() {
        None | Some(Value::None) => ".".to_string(),
        v => path_arg(vm, "listdir", v)?,
    };
    let rd = std::fs::read_dir(&p).map_err(|e| io_error(&e, Some(&p)))?;
    let mut out = Vec::new();
    for ent in rd {
        let ent = ent.map_err(|e| io_error(&e, Some(&p)))?;
        out.push(Value::string(ent.file_name().to_string_lossy().into_owned()));
    }
    Ok(Value::list(out))
}

fn mkdir(vm: &mut Vm, mut a: Args) -> PyResult {
    let path = arg_or_kw(&mut a, 0, "path");
    let mode = arg_or_kw(&mut a, 1, "mode");
    let p = path_arg(vm, "mkdir", path.as_ref())?;
    std::fs::create_dir(&p).map_err(|e| io_error(&e, Some(&p)))?;
    if let Some(m) = mode.as_ref().and_then(small_int) {
        if m != 0o777 {
            let _ = std::fs::set_permissions(&p, std::fs::Permissions::from_mode(m as u32));
        }
    }
    Ok(Value::None)
}

fn remove(vm: &mut Vm, a: Args) -> PyResult {
    let p = path_arg(vm, "remove", a.pos.first())?;
    if std::fs::symlink_metadata(&p).map(|m| m.is_dir()).unwrap_or(false) {
        return Err(crate::builtins::types::exceptions::os_error(21, "Is a directory", Some(&p)));
    }
    std::fs::remove_file(&p).map_err(|e| io_error(&e, Some(&p)))?;
    Ok(Value::None)
}

fn rmdir(vm: &mut Vm, a: Args) -> PyResult {
    let p = path_arg(vm, "rmdir", a.pos.first())?;
    std::fs::remove_dir(&p).map_err(|e| io_error(&e, Some(&p)))?;
    Ok(Value::None)
}

fn rename(vm: &mut Vm, a: Args) -> PyResult {
    let src = path_arg(vm, "rename", a.pos.first())?;
    let dst = path_arg(vm, "rename", a.pos.get(1))?;
    std::fs::rename(&src, &dst).map_err(|e| io_error(&e, Some(&src)))?;
    Ok(Value::None)
}

fn stat_tuple(md: &std::fs::Metadata) -> Value {
    let f = |s: i64, ns: i64| Value::float(s as f64 + ns as f64 * 1e-9);
    Value::tuple(vec![
        Value::Int(md.mode() as i64),
        Value::Int(md.ino() as i64),
        Value::Int(md.dev() as i64),
        Value::Int(md.nlink() as i64),
        Value::Int(md.uid() as i64),
        Value::Int(md.gid() as i64),
        Value::Int(md.size() as i64),
        f(md.atime(), md.atime_nsec()),
        f(md.mtime(), md.mtime_nsec()),
        f(md.ctime(), md.ctime_nsec()),
        Value::bigint(num_bigint::BigInt::from(md.mtime() as i128 * 1_000_000_000 + md.mtime_nsec() as i128)),
    ])
}

fn stat(vm: &mut Vm, a: Args) -> PyResult {
    let p = path_arg(vm, "stat", a.pos.first())?;
    let md = std::fs::metadata(&p).map_err(|e| io_error(&e, Some(&p)))?;
    Ok(stat_tuple(&md))
}

fn lstat(vm: &mut Vm, a: Args) -> PyResult {
    let p = path_arg(vm, "lstat", a.pos.first())?;
    let md = std::fs::symlink_metadata(&p).map_err(|e| io_error(&e, Some(&p)))?;
    Ok(stat_tuple(&md))
}

fn getpid(_vm: &mut Vm, a: Args) -> PyResult {
    check_args("getpid", &a, 0, 0)?;
    Ok(Value::Int(std::process::id() as i64))
}

fn cpu_count(_vm: &mut Vm, a: Args) -> PyResult {
    check_args("cpu_count", &a, 0, 0)?;
    Ok(std::thread::available_parallelism().map(|n| Value::Int(n.get() as i64)).unwrap_or(Value::None))
}

fn urandom(_vm: &mut Vm, a: Args) -> PyResult {
    check_args("urandom", &a, 1, 1)?;
    let n = small_int(&a.pos[0]).ok_or_else(|| type_error("'size' must be an integer"))?;
    if n < 0 {
        return Err(crate::pvm::exc::value_error("negative argument not allowed"));
    }
    let mut buf = vec![0u8; n as usize];
    use std::io::Read;
    std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut buf))
        .map_err(|e| io_error(&e, None))?;
    Ok(Value::bytes(buf))
}

fn putenv(vm: &mut Vm, a: Args) -> PyResult {
    let k = path_arg(vm, "putenv", a.pos.first())?;
    let v = path_arg(vm, "putenv", a.pos.get(1))?;
    if !k.is_empty() && !k.contains('=') && !k.contains('\0') && !v.contains('\0') {
        std::env::set_var(k, v);
    }
    Ok(Value::None)
}

fn unsetenv(vm: &mut Vm, a: Args) -> PyResult {
    let k = path_arg(vm, "unsetenv", a.pos.first())?;
    if !k.is_empty() && !k.contains('=') && !k.contains('\0') {
        std::env::remove_var(k);
    }
    Ok(Value::None)
}

fn readlink(vm: &mut Vm, a: Args) -> PyResult {
    let p = path_arg(vm, "readlink", a.pos.first())?;
    let t = std::fs::read_link(&p).map_err(|e| io_error(&e, Some(&p)))?;
    Ok(Value::string(t.to_string_lossy().into_owned()))
}

fn chmod(vm: &mut Vm, a: Args) -> PyResult {
    let p = path_arg(vm, "chmod", a.pos.first())?;
    let m = a.pos.get(1).and_then(small_int).ok_or_else(|| type_error("chmod() mode must be an integer"))?;
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(m as u32)).map_err(|e| io_error(&e, Some(&p)))?;
    Ok(Value::None)
}

/// Canonical path if it exists, else None (the Python side then resolves
/// the missing tail lexically, as CPython's non-strict realpath does).
fn realpath(vm: &mut Vm, a: Args) -> PyResult {
    let p = path_arg(vm, "realpath", a.pos.first())?;
    Ok(match std::fs::canonicalize(&p) {
        Ok(c) => Value::string(c.to_string_lossy().into_owned()),
        Err(_) => Value::None,
    })
}

/// `_is_dir(path, follow_symlinks)` for walk: False on any error.
fn is_dir_entry(vm: &mut Vm, a: Args) -> PyResult {
    let p = path_arg(vm, "_is_dir", a.pos.first())?;
    let follow = a.pos.get(1).map(|v| !matches!(v, Value::Bool(crate::value::Flag::FALSE))).unwrap_or(true);
    let md = if follow { std::fs::metadata(&p) } else { std::fs::symlink_metadata(&p) };
    Ok(Value::bool(md.map(|m| m.is_dir()).unwrap_or(false)))
}
