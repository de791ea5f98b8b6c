//! `_subprocess`: runs a child process to completion for `subprocess.py`.
//!
//! `run(argv, cwd, env, stdin, stdout, stderr, input, timeout)`:
//! - `argv` is a list of str (the program first; `shell=True` is turned
//!   into `['/bin/sh', '-c', cmd]` by subprocess.py);
//! - `cwd` / `env` are None or a str / a list of (name, value) pairs;
//! - each stream mode is 0 inherit, 1 pipe, 2 /dev/null (stderr 3 =
//!   wherever stdout goes, one pipe for both when it is piped);
//! - `input` is bytes or None; `timeout` is seconds or None.
//!
//! It returns `(returncode, stdout bytes or None, stderr bytes or None)`,
//! with `-signal` for a child killed by a signal as CPython reports it, or
//! `None` in place of the tuple when the timeout expired (the child is
//! killed first). weft's own stdout is flushed before the child starts, so
//! their output interleaves in order. The call waits on the worker thread,
//! as weft's file I/O does.

use crate::builtins::args::*;
use crate::object::{Args, NativeFn, Payload};
use crate::pvm::exc::{type_error, PyErr};
use crate::pvm::{PyResult, Vm};
use crate::value::Value;
use std::io::{Read, Write};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub fn make(_vm: &mut Vm) -> PyResult<Value> {
    let fns: &[(&'static str, &'static str, NativeFn)] = &[("run", "_subprocess.run", run)];
    Ok(super::module_with("_subprocess", fns))
}

/// A stream mode from subprocess.py.
fn stdio(mode: &Value, what: &str) -> PyResult<Stdio> {
    Ok(match small_int(mode) {
        Some(0) => Stdio::inherit(),
        Some(1) | Some(3) => Stdio::piped(),
        Some(2) => Stdio::null(),
        _ => return Err(type_error(format!("_subprocess.run: bad {what} mode"))),
    })
}

fn strings(vm: &mut Vm, v: &Value, what: &str) -> PyResult<Vec<String>> {
    vm.collect(v)?
        .iter()
        .map(|s| s.as_str().map(str::to_string).ok_or_else(|| type_error(format!("{what} must be str"))))
        .collect()
}

fn os_error(e: std::io::Error, program: &str) -> PyErr {
    let (name, errno) = match e.kind() {
        std::io::ErrorKind::NotFound => ("FileNotFoundError", 2),
        std::io::ErrorKind::PermissionDenied => ("PermissionError", 13),
        _ => ("OSError", e.raw_os_error().unwrap_or(0)),
    };
    let msg = e.to_string();
    let msg = msg.split(" (os error").next().unwrap_or(&msg).to_string();
    PyErr::with_args(name, vec![Value::Int(i64::from(errno)), Value::string(msg), Value::str(program)])
}

/// The command to spawn, its program name, and (for stderr=STDOUT with a
/// piped stdout) the read end of the one pipe both streams write to.
fn command(vm: &mut Vm, a: &Args) -> PyResult<(Command, String, Option<std::io::PipeReader>)> {
    let argv = strings(vm, &a.pos[0], "args")?;
    let Some(program) = argv.first().cloned() else { return Err(PyErr::new("IndexError", "list index out of range")) };
    let mut cmd = Command::new(&program);
    cmd.args(&argv[1..]);
    if let Some(cwd) = a.pos[1].as_str() {
        cmd.current_dir(cwd);
    }
    if !a.pos[2].is_none() {
        cmd.env_clear();
        for pair in vm.collect(&a.pos[2])? {
            let kv = strings(vm, &pair, "environment")?;
            if let [k, v] = kv.as_slice() {
                cmd.env(k, v);
            }
        }
    }
    cmd.stdin(if a.pos[6].is_none() { stdio(&a.pos[3], "stdin")? } else { Stdio::piped() });
    let mut merged = None;
    if small_int(&a.pos[5]) == Some(3) {
        // stderr=STDOUT: the child's stderr goes where its stdout goes.
        match small_int(&a.pos[4]) {
            Some(1) | Some(3) => {
                let (r, w) = std::io::pipe().map_err(|e| os_error(e, &program))?;
                let w2 = w.try_clone().map_err(|e| os_error(e, &program))?;
                cmd.stdout(w2);
                cmd.stderr(w);
                merged = Some(r);
            }
            Some(2) => {
                cmd.stdout(Stdio::null());
                cmd.stderr(Stdio::null());
            }
            _ => {
                cmd.stdout(Stdio::inherit());
                cmd.stderr(Stdio::from(std::io::stdout()));
            }
        }
    } else {
        cmd.stdout(stdio(&a.pos[4], "stdout")?);
        cmd.stderr(stdio(&a.pos[5], "stderr")?);
    }
    Ok((cmd, program, merged))
}

fn run(vm: &mut Vm, a: Args) -> PyResult {
    check_args("run", &a, 8, 8)?;
    let input: Option<Vec<u8>> = match a.pos[6].payload() {
        Some(Payload::Bytes(b)) => Some(b.to_vec()),
        _ if a.pos[6].is_none() => None,
        _ => return Err(type_error("input must be bytes")),
    };
    let timeout = match &a.pos[7] {
        Value::None => None,
        v => Some(Duration::from_secs_f64(vm.to_f64(v)?.max(0.0))),
    };
    let (mut cmd, program, merged) = command(vm, &a)?;
    crate::pvm::runtime::stdout_flush();
    let mut child = cmd.spawn().map_err(|e| os_error(e, &program))?;
    // The command holds the pipes' write ends: drop it so the reads end.
    drop(cmd);
    // Input is written and output read on helper threads, so a child that
    // fills one pipe while waiting on another cannot deadlock.
    let writer = input.and_then(|data| {
        let mut pipe = child.stdin.take()?;
        Some(std::thread::spawn(move || {
            let _ = pipe.write_all(&data);
        }))
    });
    let out = match merged {
        Some(r) => Some(reader(r)),
        None => child.stdout.take().map(reader),
    };
    let err = child.stderr.take().map(reader);
    let Some(status) = wait(&mut child, timeout) else {
        let _ = child.kill();
        let _ = child.wait();
        return Ok(Value::None);
    };
    if let Some(w) = writer {
        let _ = w.join();
    }
    let collect = |h: Option<std::thread::JoinHandle<Vec<u8>>>| h.map(|h| h.join().unwrap_or_default());
    let (stdout, stderr) = (collect(out), collect(err));
    let code = match status.code() {
        Some(c) => c as i64,
        None => {
            use std::os::unix::process::ExitStatusExt;
            -(status.signal().unwrap_or(0) as i64)
        }
    };
    let as_value = |b: Option<Vec<u8>>| b.map(Value::bytes).unwrap_or(Value::None);
    Ok(Value::tuple(vec![Value::Int(code), as_value(stdout), as_value(stderr)]))
}

fn reader(mut pipe: impl Read + Send + 'static) -> std::thread::JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = pipe.read_to_end(&mut buf);
        buf
    })
}

/// The child's exit status, or `None` if `timeout` passed first.
fn wait(child: &mut Child, timeout: Option<Duration>) -> Option<std::process::ExitStatus> {
    let Some(limit) = timeout else { return child.wait().ok() };
    let deadline = Instant::now() + limit;
    loop {
        if let Ok(Some(status)) = child.try_wait() {
            return Some(status);
        }
        if Instant::now() >= deadline {
            return None;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
}
