//! File objects returned by `open()`: text (utf-8) and binary modes
//! r/w/a/x with `+`, read/readline/readlines/write/writelines/seek/tell/
//! flush/close, line iteration and the context-manager protocol. A file is
//! a native object whose state sits behind one mutex (held only for one
//! operation, never while Python code runs).

use super::exceptions::io_error;
use crate::builtins::args::*;
use crate::builtins::{add_getset, add_method};
use crate::object::types::{new_type, types};
use crate::object::{Args, Layout, NativeObject, ObjRef, Payload};
use crate::pvm::exc::{type_error, value_error, PyErr};
use crate::pvm::{PyResult, Vm};
use crate::value::Value;
use parking_lot::Mutex;
use std::any::Any;
use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::sync::OnceLock;

struct State {
    file: Option<File>,
    rbuf: Vec<u8>,
    rpos: usize,
    eof: bool,
    /// Written data not yet passed to the OS (see `flush_writes`): every
    /// other operation on the file writes it out first, and so do `close`,
    /// `flush`, the object's drop and the end of the program.
    wbuf: Vec<u8>,
}

/// Written bytes are passed to the OS in chunks of about this size.
const WRITE_CHUNK: usize = 64 * 1024;

impl Drop for State {
    fn drop(&mut self) {
        let _ = self.flush_writes();
    }
}

/// Every file object opened, so the end of the program can write out
/// their buffers (dead entries are pruned as the list grows).
static OPEN_FILES: Mutex<Vec<std::sync::Weak<crate::object::Object>>> = Mutex::new(Vec::new());

fn register_open(v: &Value) {
    let Some(o) = v.as_obj() else { return };
    let mut open = OPEN_FILES.lock();
    if open.len() >= 64 && open.len().is_power_of_two() {
        open.retain(|w| w.strong_count() > 0);
    }
    open.push(std::sync::Arc::downgrade(o));
}

/// Writes out every open file's buffered data (at the end of the program).
pub fn flush_all() {
    let open: Vec<_> = OPEN_FILES.lock().iter().filter_map(|w| w.upgrade()).collect();
    for o in open {
        if let Payload::Native(n) = &o.payload {
            if let Some(f) = n.as_any().downcast_ref::<FileObj>() {
                let _ = f.state.lock().flush_writes();
            }
        }
    }
}

pub struct FileObj {
    state: Mutex<State>,
    name: String,
    mode: String,
    binary: bool,
    readable: bool,
    writable: bool,
}

fn file_type(binary: bool) -> &'static ObjRef {
    static TEXT: OnceLock<ObjRef> = OnceLock::new();
    static BIN: OnceLock<ObjRef> = OnceLock::new();
    let cell = if binary { &BIN } else { &TEXT };
    cell.get_or_init(|| {
        let name = if binary { "BufferedReader" } else { "TextIOWrapper" };
        let t = new_type(name, Some(types().object.clone()), Layout::Other, false);
        install_methods(&t);
        t
    })
}

impl NativeObject for FileObj {
    fn type_obj(&self) -> &ObjRef {
        file_type(self.binary)
    }
    fn trace(&self, _f: &mut dyn FnMut(&Value)) {}
    fn as_any(&self) -> &dyn Any {
        self
    }
}

pub fn install() {
    file_type(false);
    file_type(true);
}

fn install_methods(t: &ObjRef) {
    add_method(t, "read", "file.read", read);
    add_method(t, "readline", "file.readline", readline);
    add_method(t, "readlines", "file.readlines", readlines);
    add_method(t, "write", "file.write", write);
    add_method(t, "writelines", "file.writelines", writelines);
    add_method(t, "close", "file.close", close);
    add_method(t, "flush", "file.flush", flush);
    add_method(t, "seek", "file.seek", seek);
    add_method(t, "tell", "file.tell", tell);
    add_method(t, "readable", "file.readable", readable);
    add_method(t, "writable", "file.writable", writable);
    add_method(t, "seekable", "file.seekable", seekable);
    add_method(t, "fileno", "file.fileno", fileno);
    add_method(t, "__iter__", "file.__iter__", iter_self);
    add_method(t, "__next__", "file.__next__", next_line);
    add_method(t, "__enter__", "file.__enter__", iter_self);
    add_method(t, "__exit__", "file.__exit__", exit);
    add_method(t, "__repr__", "file.__repr__", repr);
    add_getset(t, "closed", closed, None);
    add_getset(t, "name", name, None);
    add_getset(t, "mode", mode, None);
}

fn fobj(a: &Args) -> PyResult<&FileObj> {
    match a.pos.first().and_then(|v| v.payload()) {
        Some(Payload::Native(n)) => n.as_any().downcast_ref::<FileObj>().ok_or_else(|| type_error("expected a file object")),
        _ => Err(type_error("expected a file object")),
    }
}

fn closed_err() -> PyErr {
    value_error("I/O operation on closed file.")
}

fn unsupported(what: &str) -> PyErr {
    PyErr::new("OSError", what.to_string())
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None)`.
pub fn open(vm: &mut Vm, mut a: Args) -> PyResult {
    let file = arg_or_kw(&mut a, 0, "file");
    let mode = arg_or_kw(&mut a, 1, "mode");
    let _buffering = arg_or_kw(&mut a, 2, "buffering");
    let encoding = arg_or_kw(&mut a, 3, "encoding");
    let _errors = arg_or_kw(&mut a, 4, "errors");
    let _newline = arg_or_kw(&mut a, 5, "newline");
    let _closefd = a.take_kw("closefd");
    no_kw("open", &a)?;
    let file = file.ok_or_else(|| type_error("open() missing required argument 'file' (pos 1)"))?;
    let path = match file.as_str() {
        Some(p) => p.to_string(),
        None if is_int(&file) => vm.str(&file)?,
        None => match vm.getattr_opt(&file, "__fspath__")? {
            Some(f) => {
                let r = vm.call(&f, Args::new(vec![]))?;
                r.as_str().map(str::to_string).ok_or_else(|| {
                    type_error(format!("expected {}.__fspath__() to return str or bytes, not {}", vtname(&file), vtname(&r)))
                })?
            }
            None => {
                return Err(type_error(format!("expected str, bytes or os.PathLike object, not {}", vtname(&file))))
            }
        },
    };
    let mode_s = match &mode {
        Some(m) => str_arg(m, || format!("open() argument 'mode' must be str, not {}", vtname(m)))?.to_string(),
        None => "r".to_string(),
    };
    if let Some(e) = encoding.as_ref().and_then(|e| e.as_str()) {
        let n = e.to_ascii_lowercase().replace(['-', '_'], "");
        if !matches!(n.as_str(), "utf8" | "ascii" | "latin1") {
            return Err(PyErr::new("LookupError", format!("unknown encoding: {e}")));
        }
    }
    let (opts, binary, readable, writable) = parse_mode(&mode_s)?;
    let f = if is_int(&file) {
        crate::modules::osfd::file_from_fd(&file)?
    } else {
        opts.open(&path).map_err(|e| io_error(&e, Some(&path)))?
    };
    if f.metadata().map(|m| m.is_dir()).unwrap_or(false) {
        return Err(super::exceptions::os_error(21, "Is a directory", Some(&path)));
    }
    let obj = FileObj {
        state: Mutex::new(State { file: Some(f), rbuf: Vec::new(), rpos: 0, eof: false, wbuf: Vec::new() }),
        name: path,
        mode: mode_s,
        binary,
        readable,
        writable,
    };
    let v = Value::obj(Payload::Native(Box::new(obj)));
    if writable {
        register_open(&v);
    }
    Ok(v)
}

fn parse_mode(mode: &str) -> PyResult<(OpenOptions, bool, bool, bool)> {
    let mut o = OpenOptions::new();
    let (mut r, mut w, mut ap, mut x, mut plus, mut b, mut t) = (0, 0, 0, 0, 0, 0, 0);
    for c in mode.chars() {
        match c {
            'r' => r += 1,
            'w' => w += 1,
            'a' => ap += 1,
            'x' => x += 1,
            '+' => plus += 1,
            'b' => b += 1,
            't' => t += 1,
            _ => return Err(value_error(format!("invalid mode: '{mode}'"))),
        }
    }
    if r + w + ap + x != 1 || plus > 1 || b > 1 || t > 1 || (b == 1 && t == 1) {
        if b == 1 && t == 1 {
            return Err(value_error("can't have text and binary mode at once"));
        }
        if r + w + ap + x == 0 {
            return Err(value_error("Must have exactly one of create/read/write/append mode and at most one plus"));
        }
        return Err(value_error("must have exactly one of create/read/write/append mode"));
    }
    let plus = plus == 1;
    if r == 1 {
        o.read(true).write(plus);
    } else if w == 1 {
        o.write(true).create(true).truncate(true).read(plus);
    } else if ap == 1 {
        o.append(true).create(true).read(plus);
    } else {
        o.write(true).create_new(true).read(plus);
    }
    Ok((o, b == 1, r == 1 || plus, r == 0 || plus))
}

impl State {
    /// Passes the buffered written data to the OS.
    fn flush_writes(&mut self) -> std::io::Result<()> {
        if !self.wbuf.is_empty() {
            let data = std::mem::take(&mut self.wbuf);
            if let Some(f) = self.file.as_mut() {
                f.write_all(&data)?;
            }
        }
        Ok(())
    }
    fn fill(&mut self) -> std::io::Result<bool> {
        self.flush_writes()?;
        if self.eof {
            return Ok(false);
        }
        if self.rpos > 0 {
            self.rbuf.drain(..self.rpos);
            self.rpos = 0;
        }
        let Some(f) = self.file.as_mut() else { return Ok(false) };
        let mut chunk = vec![0u8; 64 * 1024];
        let n = f.read(&mut chunk)?;
        if n == 0 {
            self.eof = true;
            return Ok(false);
        }
        self.rbuf.extend_from_slice(&chunk[..n]);
        Ok(true)
    }
    /// Drops buffered read-ahead, moving the OS position back to the
    /// logical one (before writes and seeks).
    fn sync(&mut self) -> std::io::Result<()> {
        self.flush_writes()?;
        let unread = (self.rbuf.len() - self.rpos) as i64;
        if unread > 0 {
            if let Some(f) = self.file.as_mut() {
                f.seek(SeekFrom::Current(-unread))?;
            }
        }
        self.rbuf.clear();
        self.rpos = 0;
        self.eof = false;
        Ok(())
    }
    fn read_all(&mut self) -> std::io::Result<Vec<u8>> {
        while self.fill()? {}
        let out = self.rbuf[self.rpos..].to_vec();
        self.rpos = self.rbuf.len();
        Ok(out)
    }
    fn read_n(&mut self, n: usize) -> std::io::Result<Vec<u8>> {
        while self.rbuf.len() - self.rpos < n && self.fill()? {}
        let end = (self.rpos + n).min(self.rbuf.len());
        let out = self.rbuf[self.rpos..end].to_vec();
        self.rpos = end;
        Ok(out)
    }
    fn read_line(&mut self, limit: Option<usize>) -> std::io::Result<Vec<u8>> {
        loop {
            let avail = &self.rbuf[self.rpos..];
            if let Some(i) = avail.iter().position(|c| *c == b'\n') {
                let take = limit.map(|l| l.min(i + 1)).unwrap_or(i + 1);
                let out = avail[..take].to_vec();
                self.rpos += take;
                return Ok(out);
            }
            if let Some(l) = limit {
                if avail.len() >= l {
                    let out = avail[..l].to_vec();
                    self.rpos += l;
                    return Ok(out);
                }
            }
            if !self.fill()? {
                let out = self.rbuf[self.rpos..].to_vec();
                self.rpos = self.rbuf.len();
                return Ok(out);
            }
        }
    }
}

fn check_read(f: &FileObj, st: &State) -> PyResult<()> {
    if st.file.is_none() {
        return Err(closed_err());
    }
    if !f.readable {
        return Err(unsupported("not readable"));
    }
    Ok(())
}

fn result(f: &FileObj, bytes: Vec<u8>) -> PyResult {
    if f.binary {
        return Ok(Value::bytes(bytes));
    }
    let s = super::bytes::decode(&bytes, "utf-8", "strict")?;
    Ok(Value::string(if s.contains('\r') { s.replace("\r\n", "\n").replace('\r', "\n") } else { s }))
}

fn size_arg(vm: &mut Vm, a: &Args) -> PyResult<Option<usize>> {
    match a.pos.get(1) {
        None | Some(Value::None) => Ok(None),
        Some(v) => {
            let n = index_clamped(vm, v)?;
            Ok(if n < 0 { None } else { Some(n as usize) })
        }
    }
}

fn read(vm: &mut Vm, a: Args) -> PyResult {
    let f = fobj(&a)?;
    let n = size_arg(vm, &a)?;
    let mut st = f.state.lock();
    check_read(f, &st)?;
    let r = match n {
        None => st.read_all(),
        Some(n) if f.binary => st.read_n(n),
        Some(n) => read_chars(&mut st, n),
    };
    let bytes = r.map_err(|e| io_error(&e, None))?;
    drop(st);
    result(f, bytes)
}

/// Reads `n` characters of UTF-8 text.
fn read_chars(st: &mut State, n: usize) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    let mut chars = 0;
    while chars < n {
        let b = st.read_n(1)?;
        let Some(&first) = b.first() else { break };
        out.push(first);
        let extra = match first {
            0xc0..=0xdf => 1,
            0xe0..=0xef => 2,
            0xf0..=0xf7 => 3,
            _ => 0,
        };
        out.extend(st.read_n(extra)?);
        chars += 1;
    }
    Ok(out)
}

fn readline(vm: &mut Vm, a: Args) -> PyResult {
    let f = fobj(&a)?;
    let n = size_arg(vm, &a)?;
    let mut st = f.state.lock();
    check_read(f, &st)?;
    let bytes = st.read_line(n).map_err(|e| io_error(&e, None))?;
    drop(st);
    result(f, bytes)
}

fn readlines(_vm: &mut Vm, a: Args) -> PyResult {
    let f = fobj(&a)?;
    let mut st = f.state.lock();
    check_read(f, &st)?;
    let mut lines = Vec::new();
    loop {
        let l = st.read_line(None).map_err(|e| io_error(&e, None))?;
        if l.is_empty() {
            break;
        }
        lines.push(l);
    }
    drop(st);
    let mut out = Vec::new();
    for l in lines {
        out.push(result(f, l)?);
    }
    Ok(Value::list(out))
}

fn write_bytes(f: &FileObj, data: &[u8]) -> PyResult<()> {
    let mut st = f.state.lock();
    if st.file.is_none() {
        return Err(closed_err());
    }
    if !f.writable {
        return Err(unsupported("not writable"));
    }
    // After reading, the OS position is past the read-ahead: give it back.
    if st.rpos < st.rbuf.len() || st.eof {
        st.sync().map_err(|e| io_error(&e, None))?;
    }
    st.wbuf.extend_from_slice(data);
    if st.wbuf.len() >= WRITE_CHUNK {
        st.flush_writes().map_err(|e| io_error(&e, None))?;
    }
    Ok(())
}

fn data_of(f: &FileObj, v: &Value) -> PyResult<(Vec<u8>, usize)> {
    if f.binary {
        let b = super::bytes::bytes_of(v).ok_or_else(|| type_error(format!("a bytes-like object is required, not '{}'", vtname(v))))?;
        let n = b.len();
        return Ok((b, n));
    }
    let s = v.as_str().ok_or_else(|| type_error(format!("write() argument must be str, not {}", vtname(v))))?;
    Ok((s.as_bytes().to_vec(), s.chars().count()))
}

fn write(_vm: &mut Vm, a: Args) -> PyResult {
    check_method("write", &a, 1, 1)?;
    let f = fobj(&a)?;
    let (data, n) = data_of(f, &a.pos[1])?;
    write_bytes(f, &data)?;
    Ok(Value::Int(n as i64))
}

fn writelines(vm: &mut Vm, a: Args) -> PyResult {
    check_method("writelines", &a, 1, 1)?;
    let f = fobj(&a)?;
    let items = vm.collect(&a.pos[1])?;
    for it in &items {
        let (data, _) = data_of(f, it)?;
        write_bytes(f, &data)?;
    }
    Ok(Value::None)
}

fn close(_vm: &mut Vm, a: Args) -> PyResult {
    let f = fobj(&a)?;
    let mut st = f.state.lock();
    let written = st.flush_writes();
    if let Some(mut file) = st.file.take() {
        let _ = file.flush();
    }
    written.map_err(|e| io_error(&e, None))?;
    Ok(Value::None)
}

fn flush(_vm: &mut Vm, a: Args) -> PyResult {
    let f = fobj(&a)?;
    let mut st = f.state.lock();
    if st.file.is_none() {
        return Err(closed_err());
    }
    st.flush_writes().map_err(|e| io_error(&e, None))?;
    if let Some(file) = st.file.as_mut() {
        file.flush().map_err(|e| io_error(&e, None))?;
    }
    Ok(Value::None)
}

fn seek(vm: &mut Vm, a: Args) -> PyResult {
    check_method("seek", &a, 1, 2)?;
    let f = fobj(&a)?;
    let off = index_clamped(vm, &a.pos[1])?;
    let whence = match a.pos.get(2) {
        Some(w) => index_clamped(vm, w)?,
        None => 0,
    };
    if !f.binary && whence != 0 && off != 0 {
        return Err(unsupported(if whence == 1 { "can't do nonzero cur-relative seeks" } else { "can't do nonzero end-relative seeks" }));
    }
    let pos = match whence {
        0 if off < 0 => return Err(value_error(format!("negative seek position {off}"))),
        0 => SeekFrom::Start(off as u64),
        1 => SeekFrom::Current(off),
        2 => SeekFrom::End(off),
        _ => return Err(value_error(format!("invalid whence ({whence}, should be 0, 1 or 2)"))),
    };
    let mut st = f.state.lock();
    if st.file.is_none() {
        return Err(closed_err());
    }
    st.sync().map_err(|e| io_error(&e, None))?;
    let p = match st.file.as_mut() {
        Some(file) => file.seek(pos).map_err(|e| io_error(&e, None))?,
        None => 0,
    };
    Ok(Value::Int(p as i64))
}

fn tell(_vm: &mut Vm, a: Args) -> PyResult {
    let f = fobj(&a)?;
    let mut st = f.state.lock();
    st.flush_writes().map_err(|e| io_error(&e, None))?;
    let unread = (st.rbuf.len() - st.rpos) as u64;
    let p = match st.file.as_mut() {
        Some(file) => file.stream_position().map_err(|e| io_error(&e, None))?,
        None => return Err(closed_err()),
    };
    Ok(Value::Int(p.saturating_sub(unread) as i64))
}

fn readable(_vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::bool(fobj(&a)?.readable))
}
fn writable(_vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::bool(fobj(&a)?.writable))
}
fn seekable(_vm: &mut Vm, a: Args) -> PyResult {
    fobj(&a)?;
    Ok(Value::Bool(crate::value::Flag::TRUE))
}
fn fileno(_vm: &mut Vm, a: Args) -> PyResult {
    let f = fobj(&a)?;
    // As in CPython, buffered data is not written out by `fileno()`.
    let st = f.state.lock();
    match &st.file {
        #[cfg(unix)]
        Some(file) => Ok(Value::Int(std::os::unix::io::AsRawFd::as_raw_fd(file) as i64)),
        #[cfg(not(unix))]
        Some(_) => Ok(Value::Int(3)),
        None => Err(closed_err()),
    }
}

fn iter_self(_vm: &mut Vm, a: Args) -> PyResult {
    let f = fobj(&a)?;
    if f.state.lock().file.is_none() {
        return Err(closed_err());
    }
    Ok(a.pos[0].clone())
}

fn next_line(vm: &mut Vm, a: Args) -> PyResult {
    let line = readline(vm, Args::new(vec![a.pos[0].clone()]))?;
    let empty = match line.payload() {
        Some(Payload::Str(s)) => s.as_str().is_empty(),
        Some(Payload::Bytes(b)) => b.is_empty(),
        _ => true,
    };
    if empty {
        return Err(PyErr::with_args("StopIteration", vec![]));
    }
    Ok(line)
}

fn exit(vm: &mut Vm, a: Args) -> PyResult {
    close(vm, Args::new(vec![a.pos[0].clone()]))?;
    Ok(Value::Bool(crate::value::Flag::FALSE))
}

fn repr(_vm: &mut Vm, a: Args) -> PyResult {
    let f = fobj(&a)?;
    let name = crate::builtins::repr::quote_str(&f.name, false);
    Ok(Value::string(if f.binary {
        format!("<_io.BufferedReader name={name}>")
    } else {
        format!("<_io.TextIOWrapper name={name} mode='{}' encoding='UTF-8'>", f.mode)
    }))
}

fn closed(_vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::bool(fobj(&a)?.state.lock().file.is_none()))
}
fn name(_vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::str(&fobj(&a)?.name))
}
fn mode(_vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::str(&fobj(&a)?.mode))
}
