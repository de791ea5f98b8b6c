//! The command line, shaped like `python`: `weft FILE [ARGS]`, `-c CODE`,
//! `-m MODULE`, `dis FILE`, `compile PATH...`, `--version`, `--help`.
//! Exit status: 0 on success, 1 on an uncaught exception or a syntax error,
//! `n` for `SystemExit(n)`, 2 for a usage error or a missing file.

use crate::pvm::exc::exc_args;
use crate::pvm::{PyErr, Runtime, Vm};
use crate::value::Value;
use std::path::{Path, PathBuf};

const USAGE: &str = "usage: weft [option] ... [-c cmd | -m mod | file | -] [arg] ...
       weft dis FILE.py          print the bytecode of every code object
       weft compile PATH...      precompile files/directories into __pycache__
Options:
  -c cmd         program passed in as string
  -m mod         run library module as a script
  --workers N    number of worker threads for tasklets (also WEFT_WORKERS)
  -h, --help     print this help message and exit
  -V, --version  print the weft version and exit
Environment:
  WEFTPATH       ':'-separated directories prefixed to the module search path
";

enum Mode {
    File(PathBuf),
    Code(String),
    Module(String),
}

/// Runs the command line; returns the process exit status.
pub fn main(argv: Vec<String>) -> i32 {
    let args: Vec<String> = argv.into_iter().skip(1).collect();
    match args.first().map(|s| s.as_str()) {
        Some("dis") => return dis(&args[1..]),
        Some("compile") => return compile(&args[1..]),
        _ => {}
    }
    let mut i = 0;
    let mut mode = None;
    while i < args.len() {
        let a = args[i].as_str();
        match a {
            "-h" | "--help" => {
                print!("{USAGE}");
                return 0;
            }
            "-V" | "--version" => {
                println!("weft {}", env!("CARGO_PKG_VERSION"));
                return 0;
            }
            "-c" | "-m" => {
                let Some(v) = args.get(i + 1) else {
                    eprintln!("Argument expected for the {a} option");
                    return 2;
                };
                mode = Some(if a == "-c" { Mode::Code(v.clone()) } else { Mode::Module(v.clone()) });
                i += 2;
                break;
            }
            "--workers" => {
                match args.get(i + 1).and_then(|n| n.parse::<usize>().ok()) {
                    Some(n) if n > 0 => std::env::set_var("WEFT_WORKERS", n.to_string()),
                    _ => {
                        eprintln!("weft: --workers needs a positive integer");
                        return 2;
                    }
                }
                i += 2;
            }
            _ if a.starts_with('-') && a.len() > 1 => {
                eprintln!("unknown option {a}\n{USAGE}");
                return 2;
            }
            _ => {
                mode = Some(Mode::File(PathBuf::from(a)));
                i += 1;
                break;
            }
        }
    }
    let rest = args[i..].to_vec();
    let Some(mode) = mode else {
        eprintln!("weft: no program given (interactive mode is not supported)\n{USAGE}");
        return 2;
    };
    run_in_big_thread(move || run(mode, rest))
}

/// The interpreter thread gets a large stack: Python calls do not use it,
/// but deep native recursion (repr of nested containers) does.
fn run_in_big_thread(f: impl FnOnce() -> i32 + Send + 'static) -> i32 {
    let h = std::thread::Builder::new().name("weft-main".into()).stack_size(256 << 20).spawn(f);
    let code = match h.map(|h| h.join()) {
        Ok(Ok(code)) => code,
        _ => {
            eprintln!("weft: internal error: the interpreter thread panicked");
            70
        }
    };
    crate::pvm::runtime::stdout_flush();
    crate::builtins::types::file::flush_all();
    code
}

fn search_path(first: &str) -> Vec<String> {
    let mut path = vec![first.to_string()];
    if let Ok(extra) = std::env::var("WEFTPATH") {
        path.extend(extra.split(':').filter(|s| !s.is_empty()).map(|s| s.to_string()));
    }
    path
}

fn run(mode: Mode, rest: Vec<String>) -> i32 {
    match mode {
        Mode::File(path) if path.as_os_str() == "-" => {
            let mut source = String::new();
            use std::io::Read;
            if let Err(e) = std::io::stdin().read_to_string(&mut source) {
                eprintln!("weft: can't read standard input: {e}");
                return 2;
            }
            let mut argv = vec!["-".to_string()];
            argv.extend(rest);
            let rt = Runtime::new(argv, search_path(""));
            let mut vm = Vm::new(rt);
            run_main_source(&mut vm, &source, Path::new("<stdin>"))
        }
        Mode::File(path) => {
            let source = match std::fs::read(&path) {
                Ok(b) => String::from_utf8_lossy(&b).into_owned(),
                Err(e) => {
                    let abs = std::path::absolute(&path).unwrap_or(path.clone());
                    eprintln!("weft: can't open file '{}': [Errno {}] {}", abs.display(), e.raw_os_error().unwrap_or(0), errno_text(&e));
                    return 2;
                }
            };
            // Like CPython 3.9+: the main module's file and sys.path[0] are
            // absolute (tracebacks show absolute paths); sys.argv[0] is not.
            let abs = std::path::absolute(&path).unwrap_or_else(|_| path.clone());
            let dir = abs.parent().map(|p| p.to_string_lossy().into_owned()).unwrap_or_else(|| ".".to_string());
            let mut argv = vec![path.to_string_lossy().into_owned()];
            argv.extend(rest);
            let rt = Runtime::new(argv, search_path(&dir));
            let mut vm = Vm::new(rt);
            run_main_source(&mut vm, &source, &abs)
        }
        Mode::Code(code) => {
            let mut argv = vec!["-c".to_string()];
            argv.extend(rest);
            let rt = Runtime::new(argv, search_path(""));
            let mut vm = Vm::new(rt);
            run_main_source(&mut vm, &code, Path::new("<string>"))
        }
        Mode::Module(name) => {
            let mut argv = vec![name.clone()];
            argv.extend(rest);
            let rt = Runtime::new(argv, search_path("."));
            let mut vm = Vm::new(rt);
            run_module(&mut vm, &name)
        }
    }
}

fn errno_text(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

fn run_main_source(vm: &mut Vm, source: &str, path: &Path) -> i32 {
    let filename = path.to_string_lossy().into_owned();
    crate::pvm::runtime::register_source(&filename, source);
    let code = if path == Path::new("<string>") || path == Path::new("<stdin>") {
        crate::compiler::compile_module(source, &filename)
    } else {
        crate::compiler::cache::load_or_compile(path, source)
    };
    let code = match code {
        Ok(c) => c,
        Err(e) => {
            crate::pvm::runtime::stderr_write(&e.render());
            return 1;
        }
    };
    let module = crate::pvm::import::new_module("__main__", if filename.starts_with('<') { None } else { Some(path) });
    vm.rt.set_module("__main__", module.clone());
    let result = crate::runtime::main::run_main_tasklet(vm.rt.clone(), code, module);
    let status = finish(vm, result);
    let status = run_atexit(vm).unwrap_or(status);
    vm.teardown_main_module();
    status
}

/// Runs the `atexit` handlers when the program imported `atexit` (after
/// the traceback of an uncaught exception, as CPython's finalization
/// does), on the command's own VM once the main tasklet has ended. A
/// `SystemExit` raised by a handler changes the exit status.
fn run_atexit(vm: &mut Vm) -> Option<i32> {
    let m = vm.rt.module("atexit")?;
    let f = vm.getattr_opt(&m, "_run_exitfuncs").ok()??;
    match vm.call(&f, crate::object::Args::new(vec![])) {
        Ok(_) => None,
        Err(e) => Some(finish(vm, Err(e))),
    }
}

fn run_module(vm: &mut Vm, name: &str) -> i32 {
    // Find the module's file, then run it as __main__.
    let path = vm.rt.path.clone();
    let dirs: Vec<String> = match path.payload() {
        Some(crate::object::Payload::List(l)) => l.lock().iter().filter_map(|v| v.as_str().map(|s| s.to_string())).collect(),
        _ => vec![],
    };
    let rel: PathBuf = name.split('.').collect();
    for d in dirs {
        let file = Path::new(&d).join(&rel).with_extension("py");
        let pkg_main = Path::new(&d).join(&rel).join("__main__.py");
        for candidate in [file, pkg_main] {
            if candidate.is_file() {
                let source = std::fs::read_to_string(&candidate).unwrap_or_default();
                return run_main_source(vm, &source, &candidate);
            }
        }
    }
    eprintln!("weft: No module named {name}");
    1
}

/// Maps the main module's outcome to an exit status, printing an uncaught
/// exception's traceback.
fn finish(vm: &mut Vm, result: Result<(), PyErr>) -> i32 {
    let Err(err) = result else { return 0 };
    if err.matches("SystemExit") {
        return system_exit_code(vm, &err.exc);
    }
    let text = vm.format_exception(&err.exc);
    crate::pvm::runtime::stderr_write(&text);
    // CPython ends by the SIGINT it deferred: the shell sees 128 + 2
    if err.matches("KeyboardInterrupt") {
        return 130;
    }
    1
}

fn system_exit_code(vm: &mut Vm, exc: &Value) -> i32 {
    let args = exc_args(exc);
    match args.first() {
        None | Some(Value::None) => 0,
        Some(Value::Int(i)) => *i as i32,
        Some(Value::Bool(b)) => b.get() as i32,
        Some(other) => {
            let s = vm.str(other).unwrap_or_default();
            crate::pvm::runtime::stderr_write(&format!("{s}\n"));
            1
        }
    }
}

fn dis(args: &[String]) -> i32 {
    let Some(file) = args.first() else {
        eprintln!("usage: weft dis FILE.py");
        return 2;
    };
    let source = match std::fs::read_to_string(file) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("weft: can't open file '{file}': {}", errno_text(&e));
            return 2;
        }
    };
    match crate::compiler::compile_module(&source, file) {
        Ok(code) => {
            print!("{}", crate::bytecode::dis::disassemble(&code));
            0
        }
        Err(e) => {
            eprint!("{}", e.render());
            1
        }
    }
}

fn compile(args: &[String]) -> i32 {
    if args.is_empty() {
        eprintln!("usage: weft compile PATH...");
        return 2;
    }
    let mut status = 0;
    for a in args {
        let p = Path::new(a);
        if !p.exists() {
            eprintln!("weft: can't open '{a}': No such file or directory");
            status = 2;
            continue;
        }
        if let Err(errors) = crate::compiler::cache::compile_path(p) {
            for e in errors {
                eprint!("{}", e.render());
            }
            status = status.max(1);
        }
    }
    status
}

/// Formats `value` as the `SyntaxError` block CPython prints.
pub fn syntax_error_block(vm: &mut Vm, exc: &Value) -> Option<String> {
    let args = exc_args(exc);
    let details = args.get(1)?;
    let d = vm.collect(details).ok()?;
    let file = d.first()?.as_str()?.to_string();
    let line = match d.get(1)? {
        Value::Int(i) => *i,
        _ => return None,
    };
    let col = match d.get(2)? {
        Value::Int(i) => *i,
        _ => 1,
    };
    let text = d.get(3).and_then(|t| t.as_str()).unwrap_or("").to_string();
    let trimmed = text.trim_start();
    let indent = text.len() - trimmed.len();
    let caret = (col as usize).saturating_sub(1).saturating_sub(indent);
    Some(format!("  File \"{file}\", line {line}\n    {}\n    {}^\n", trimmed.trim_end(), " ".repeat(caret)))
}
