//! File-descriptor level calls of `posix`: `open`, `close`, `read`,
//! `write`, and `file_from_fd` for `open(fd)` / `os.fdopen` — what
//! `tempfile.mkstemp` and programs handling raw descriptors need.

use crate::builtins::args::*;
use crate::builtins::types::bytes::bytes_of;
use crate::builtins::types::exceptions::{io_error, os_error};
use crate::object::Args;
use crate::pvm::exc::{type_error, value_error};
use crate::pvm::{PyResult, Vm};
use crate::value::Value;
use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::mem::ManuallyDrop;
use std::os::unix::fs::OpenOptionsExt;
use std::os::unix::io::{FromRawFd, IntoRawFd, RawFd};

const O_ACCMODE: i32 = 3;

/// `posix.open(path, flags, mode=0o777)` -> a new descriptor.
pub fn open(vm: &mut Vm, mut a: Args) -> PyResult {
    let path = arg_or_kw(&mut a, 0, "path");
    let flags = arg_or_kw(&mut a, 1, "flags");
    let mode = arg_or_kw(&mut a, 2, "mode");
    let p = super::os::path_arg(vm, "open", path.as_ref())?;
    let flags = flags
        .as_ref()
        .and_then(small_int)
        .ok_or_else(|| type_error("open() missing required argument 'flags' (pos 2)"))? as i32;
    let mode = mode.as_ref().and_then(small_int).unwrap_or(0o777) as u32;
    let acc = flags & O_ACCMODE;
    let mut o = OpenOptions::new();
    o.read(acc == 0 || acc == 2).write(acc == 1 || acc == 2).mode(mode).custom_flags(flags & !O_ACCMODE);
    let f = o.open(&p).map_err(|e| io_error(&e, Some(&p)))?;
    Ok(Value::Int(f.into_raw_fd() as i64))
}

/// A descriptor argument: a non-negative int.
fn fd_arg(v: Option<&Value>) -> PyResult<RawFd> {
    let v = v.ok_or_else(|| type_error("function missing required argument 'fd' (pos 1)"))?;
    let n = small_int(v).ok_or_else(|| type_error(format!("'{}' object cannot be interpreted as an integer", vtname(v))))?;
    if n < 0 || n > i32::MAX as i64 {
        return Err(os_error(9, "Bad file descriptor", None));
    }
    Ok(n as RawFd)
}

/// Runs `f` on the descriptor without taking ownership of it.
fn with_fd<T>(fd: RawFd, f: impl FnOnce(&mut File) -> std::io::Result<T>) -> PyResult<T> {
    // SAFETY: fd is non-negative (fd_arg); the File is never dropped, so the
    // descriptor stays open and owned by whoever opened it. A descriptor
    // that is not open makes the system call fail with EBADF.
    let mut file = ManuallyDrop::new(unsafe { File::from_raw_fd(fd) });
    f(&mut file).map_err(|e| io_error(&e, None))
}

/// `posix.close(fd)`.
pub fn close(_vm: &mut Vm, a: Args) -> PyResult {
    check_args("close", &a, 1, 1)?;
    let fd = fd_arg(a.pos.first())?;
    // fcntl-free validity check: a zero-length write/read is not reliable,
    // so ask for the descriptor's metadata first (EBADF when not open).
    with_fd(fd, |f| f.metadata().map(|_| ()))?;
    // SAFETY: fd is a non-negative open descriptor (checked just above);
    // dropping the File closes it, which is what close() asks for.
    drop(unsafe { File::from_raw_fd(fd) });
    Ok(Value::None)
}

/// `posix.write(fd, data)` -> bytes written.
pub fn write(_vm: &mut Vm, a: Args) -> PyResult {
    check_args("write", &a, 2, 2)?;
    let fd = fd_arg(a.pos.first())?;
    let data = bytes_of(&a.pos[1])
        .ok_or_else(|| type_error(format!("a bytes-like object is required, not '{}'", vtname(&a.pos[1]))))?;
    let n = with_fd(fd, |f| f.write(&data))?;
    Ok(Value::Int(n as i64))
}

/// `posix.read(fd, n)` -> up to n bytes.
pub fn read(_vm: &mut Vm, a: Args) -> PyResult {
    check_args("read", &a, 2, 2)?;
    let fd = fd_arg(a.pos.first())?;
    let n = small_int(&a.pos[1]).ok_or_else(|| type_error("read() argument 2 must be int"))?;
    if n < 0 {
        return Err(value_error("negative count"));
    }
    let mut buf = vec![0u8; n.min(1 << 30) as usize];
    let got = with_fd(fd, |f| f.read(&mut buf))?;
    buf.truncate(got);
    Ok(Value::bytes(buf))
}

/// The File behind `open(fd)`: takes ownership of the descriptor (closing
/// the file object closes it, as with CPython's default closefd=True).
pub fn file_from_fd(fd_value: &Value) -> PyResult<File> {
    let fd = fd_arg(Some(fd_value))?;
    with_fd(fd, |f| f.metadata().map(|_| ()))?;
    // SAFETY: fd is a non-negative open descriptor (checked just above);
    // the returned File becomes its owner.
    Ok(unsafe { File::from_raw_fd(fd) })
}

/// `posix.fsync(fd)`: the file's data and metadata reach the disk.
pub fn fsync(_vm: &mut Vm, a: Args) -> PyResult {
    check_args("fsync", &a, 1, 1)?;
    with_fd(fd_arg(a.pos.first())?, |f| f.sync_all())?;
    Ok(Value::None)
}

/// `posix.isatty(fd)`: whether the descriptor is a terminal (False for a
/// descriptor that is not open, as CPython).
pub fn isatty(_vm: &mut Vm, a: Args) -> PyResult {
    check_args("isatty", &a, 1, 1)?;
    let fd = fd_arg(a.pos.first())?;
    Ok(Value::bool(with_fd(fd, |f| Ok(std::io::IsTerminal::is_terminal(&*f))).unwrap_or(false)))
}

/// `posix._exit(n)`: ends the process at once, without flushing buffers
/// or running exit handlers.
pub fn exit_now(_vm: &mut Vm, a: Args) -> PyResult {
    check_args("_exit", &a, 1, 1)?;
    let code = small_int(&a.pos[0]).ok_or_else(|| type_error("an integer is required"))?;
    std::process::exit(code as i32)
}

/// `posix.getppid()`.
pub fn getppid(_vm: &mut Vm, a: Args) -> PyResult {
    check_args("getppid", &a, 0, 0)?;
    Ok(Value::Int(i64::from(std::os::unix::process::parent_id())))
}
