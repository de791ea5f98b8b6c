//! Process-wide interpreter state shared by every tasklet: the builtins
//! namespace, `sys.modules`, `sys.argv`/`sys.path`, the recursion limit,
//! buffered standard output, and the source-line cache for tracebacks.

use crate::object::{DictData, ModuleData, ObjRef, Object, Payload};
use crate::value::Value;
use parking_lot::Mutex;
use std::collections::HashMap;
use std::io::Write;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Once, OnceLock};

pub struct Runtime {
    pub builtins: ObjRef,
    pub builtins_module: Value,
    pub modules: ObjRef,
    pub argv: Vec<String>,
    pub path: Value,
    recursion_limit: AtomicUsize,
}

static TYPES_READY: Once = Once::new();

impl Runtime {
    pub fn new(argv: Vec<String>, path: Vec<String>) -> Arc<Runtime> {
        TYPES_READY.call_once(|| {
            crate::builtins::init_types();
            super::gen::install();
        });
        let mut b = DictData::default();
        crate::builtins::install(&mut b);
        super::class::install(&mut b);
        b.set_str(Value::str("__name__"), Value::str("builtins"));
        let builtins = Object::new(Payload::Dict(Mutex::new(b)));
        let builtins_module = Value::obj(Payload::Module(ModuleData { name: Arc::from("builtins"), dict: builtins.clone() }));
        let modules = Object::new(Payload::Dict(Mutex::new(DictData::default())));
        if let Payload::Dict(d) = &modules.payload {
            d.lock().set_str(Value::str("builtins"), builtins_module.clone());
        }
        let path = Value::list(path.into_iter().map(Value::string).collect());
        Arc::new(Runtime {
            builtins,
            builtins_module,
            modules,
            argv,
            path,
            recursion_limit: AtomicUsize::new(super::DEFAULT_RECURSION_LIMIT),
        })
    }

    pub fn builtin(&self, name: &str) -> Option<Value> {
        match &self.builtins.payload {
            Payload::Dict(d) => d.lock().get_str(name).cloned(),
            _ => None,
        }
    }

    pub fn recursion_limit(&self) -> usize {
        // Relaxed: an advisory limit; no data depends on its ordering.
        self.recursion_limit.load(Ordering::Relaxed)
    }
    pub fn set_recursion_limit(&self, n: usize) {
        self.recursion_limit.store(n, Ordering::Relaxed)
    }

    /// `sys.modules[name]`, if present.
    pub fn module(&self, name: &str) -> Option<Value> {
        match &self.modules.payload {
            Payload::Dict(d) => d.lock().get_str(name).cloned(),
            _ => None,
        }
    }
    pub fn set_module(&self, name: &str, m: Value) {
        if let Payload::Dict(d) = &self.modules.payload {
            d.lock().set_str(Value::str(name), m);
        }
    }
    pub fn remove_module(&self, name: &str) {
        if let Payload::Dict(d) = &self.modules.payload {
            d.lock().del_str(name);
        }
    }
}

fn stdout_buf() -> &'static Mutex<std::io::BufWriter<std::io::Stdout>> {
    static OUT: OnceLock<Mutex<std::io::BufWriter<std::io::Stdout>>> = OnceLock::new();
    OUT.get_or_init(|| Mutex::new(std::io::BufWriter::with_capacity(1 << 16, std::io::stdout())))
}

/// Writes to standard output (buffered; flushed at exit, on `flush=True`,
/// before reading input and before writing to stderr).
pub fn stdout_write(s: &str) {
    let _ = stdout_buf().lock().write_all(s.as_bytes());
}
pub fn stdout_flush() {
    let _ = stdout_buf().lock().flush();
}
pub fn stderr_write(s: &str) {
    stdout_flush();
    let _ = std::io::stderr().write_all(s.as_bytes());
}

fn sources() -> &'static Mutex<HashMap<String, Arc<Vec<String>>>> {
    static SRC: OnceLock<Mutex<HashMap<String, Arc<Vec<String>>>>> = OnceLock::new();
    SRC.get_or_init(|| Mutex::new(HashMap::new()))
}

/// Remembers a module's source for traceback lines.
pub fn register_source(filename: &str, source: &str) {
    let lines = Arc::new(source.lines().map(|l| l.to_string()).collect());
    sources().lock().insert(filename.to_string(), lines);
}

/// Line `line` (1-based) of `filename`, from the cache or the file.
pub fn source_line(filename: &str, line: u32) -> Option<String> {
    let cached = sources().lock().get(filename).cloned();
    let lines = match cached {
        Some(l) => l,
        None => {
            let text = std::fs::read_to_string(filename).ok()?;
            register_source(filename, &text);
            sources().lock().get(filename).cloned()?
        }
    };
    lines.get((line as usize).checked_sub(1)?).cloned()
}
