//! Imports: `sys.modules` caching, native modules, finding `NAME.py` or
//! `NAME/__init__.py` on `sys.path` (or a package's `__path__`), relative
//! imports, executing a module (registered in `sys.modules` before its body
//! runs, so circular imports see the partly initialised module, as in
//! CPython), and the `Import*` opcodes.

use super::exc::{internal_error, type_error, PyErr};
use super::frame::Frame;
use super::{PyResult, Vm};
use crate::bytecode::CodeObject;
use crate::object::{DictData, ModuleData, Object, Payload};
use crate::value::Value;
use parking_lot::Mutex;
use std::path::{Path, PathBuf};
use std::sync::Arc;

fn import_error(msg: String, name: &str) -> PyErr {
    let e = PyErr::new("ModuleNotFoundError", msg);
    if let Some(Value::Obj(o)) = Some(&e.exc) {
        if let Some(d) = o.inst_dict() {
            d.lock().set_str(Value::str("__weft_name"), Value::str(name));
        }
    }
    e
}

/// A new module object with the standard attributes.
pub fn new_module(name: &str, file: Option<&Path>) -> Value {
    let mut d = DictData::default();
    d.set_str(Value::str("__name__"), Value::str(name));
    d.set_str(Value::str("__doc__"), Value::None);
    if let Some(f) = file {
        d.set_str(Value::str("__file__"), Value::string(f.to_string_lossy().into_owned()));
    }
    let dict = Object::new(Payload::Dict(Mutex::new(d)));
    Value::obj(Payload::Module(ModuleData { name: Arc::from(name), dict }))
}

pub fn module_dict(m: &Value) -> Option<crate::object::ObjRef> {
    match m.payload() {
        Some(Payload::Module(md)) => Some(md.dict.clone()),
        _ => None,
    }
}

fn dict_get_str(d: &crate::object::ObjRef, name: &str) -> Option<Value> {
    match &d.payload {
        Payload::Dict(dd) => dd.lock().get_str(name).cloned(),
        _ => None,
    }
}

fn dict_set_str(d: &crate::object::ObjRef, name: &str, v: Value) {
    if let Payload::Dict(dd) = &d.payload {
        dd.lock().set_str(Value::str(name), v);
    }
}

impl Vm {
    /// Runs `code` as the body of module `module`.
    pub fn exec_module_code(&mut self, code: Arc<CodeObject>, module: &Value) -> PyResult<()> {
        let globals = module_dict(module).ok_or_else(|| internal_error("exec of a non-module"))?;
        if dict_get_str(&globals, "__builtins__").is_none() {
            dict_set_str(&globals, "__builtins__", self.rt.builtins_module.clone());
        }
        let frame = Box::new(Frame::new(code, globals.clone(), Some(Value::Obj(globals))));
        self.run_frame(frame)?;
        Ok(())
    }

    /// Compiles (through the bytecode cache) and runs a source file as
    /// module `name`.
    pub fn load_source_module(&mut self, name: &str, path: &Path, package_dir: Option<&Path>) -> PyResult<Value> {
        let source = std::fs::read_to_string(path)
            .map_err(|e| PyErr::new("ImportError", format!("cannot read {}: {}", path.display(), e)))?;
        let filename = path.to_string_lossy().into_owned();
        super::runtime::register_source(&filename, &source);
        let code = crate::compiler::cache::load_or_compile(path, &source).map_err(syntax_error_from)?;
        let module = new_module(name, Some(path));
        let globals = module_dict(&module).unwrap();
        let package = match package_dir {
            Some(dir) => {
                dict_set_str(&globals, "__path__", Value::list(vec![Value::string(dir.to_string_lossy().into_owned())]));
                name.to_string()
            }
            None => name.rsplit_once('.').map(|(p, _)| p.to_string()).unwrap_or_default(),
        };
        dict_set_str(&globals, "__package__", Value::string(package));
        self.rt.set_module(name, module.clone());
        if let Err(e) = self.exec_module_code(code, &module) {
            self.rt.remove_module(name);
            return Err(e);
        }
        Ok(self.rt.module(name).unwrap_or(module))
    }

    /// Imports the absolute dotted `name`, returning the leaf module.
    pub fn import_absolute(&mut self, name: &str) -> PyResult<Value> {
        if let Some(m) = self.rt.module(name) {
            if !m.is_none() {
                return Ok(m);
            }
        }
        let (parent, leaf) = match name.rsplit_once('.') {
            Some((p, l)) => (Some(p), l),
            None => (None, name),
        };
        let search: Vec<PathBuf> = match parent {
            Some(p) => {
                let pm = self.import_absolute(p)?;
                if let Some(m) = self.rt.module(name) {
                    return Ok(m);
                }
                let path = module_dict(&pm).and_then(|d| dict_get_str(&d, "__path__"));
                match path {
                    Some(p) => self.collect(&p)?.iter().filter_map(|v| v.as_str().map(PathBuf::from)).collect(),
                    // An embedded submodule of an embedded module (`collections.abc`).
                    None if crate::stdlib::source(name).is_some() => Vec::new(),
                    None => {
                        return Err(import_error(
                            format!("No module named '{name}'; '{p}' is not a package"),
                            name,
                        ))
                    }
                }
            }
            None => {
                let native = match name {
                    "_weft" => Some(super::introspect::make as fn(&mut Vm) -> PyResult<Value>),
                    "stackless" => Some(crate::runtime::stackless::make as fn(&mut Vm) -> PyResult<Value>),
                    "threading" => Some(crate::runtime::threading::make_threading as fn(&mut Vm) -> PyResult<Value>),
                    "queue" => Some(crate::runtime::threading::make_queue as fn(&mut Vm) -> PyResult<Value>),
                    _ => crate::modules::native_module(name),
                };
                if let Some(make) = native {
                    let m = make(self)?;
                    self.rt.set_module(name, m.clone());
                    return Ok(m);
                }
                let path = self.rt.path.clone();
                self.collect(&path)?.iter().filter_map(|v| v.as_str().map(PathBuf::from)).collect()
            }
        };
        let module = self.find_and_load(name, leaf, &search)?;
        if let Some(p) = parent {
            if let Some(pm) = self.rt.module(p) {
                if let Some(d) = module_dict(&pm) {
                    dict_set_str(&d, leaf, module.clone());
                }
            }
        }
        Ok(module)
    }

    /// Runs an embedded pure-Python standard-library module.
    fn load_embedded_module(&mut self, name: &str, source: &'static str) -> PyResult<Value> {
        let filename = format!("<weft stdlib {name}>");
        super::runtime::register_source(&filename, source);
        let code = crate::compiler::compile_module(source, &filename).map_err(syntax_error_from)?;
        let module = new_module(name, None);
        let globals = module_dict(&module).unwrap();
        let package = name.rsplit_once('.').map(|(p, _)| p).unwrap_or("");
        dict_set_str(&globals, "__package__", Value::str(package));
        self.rt.set_module(name, module.clone());
        if let Err(e) = self.exec_module_code(code, &module) {
            self.rt.remove_module(name);
            return Err(e);
        }
        Ok(self.rt.module(name).unwrap_or(module))
    }

    fn find_and_load(&mut self, name: &str, leaf: &str, search: &[PathBuf]) -> PyResult<Value> {
        for dir in search {
            let dir = if dir.as_os_str().is_empty() { PathBuf::from(".") } else { dir.clone() };
            let pkg = dir.join(leaf);
            let init = pkg.join("__init__.py");
            if init.is_file() {
                return self.load_source_module(name, &init, Some(&pkg));
            }
            let file = dir.join(format!("{leaf}.py"));
            if file.is_file() {
                return self.load_source_module(name, &file, None);
            }
        }
        if let Some(src) = crate::stdlib::source(name) {
            return self.load_embedded_module(name, src);
        }
        Err(import_error(format!("No module named '{name}'"), name))
    }

    /// Resolves a relative import against the importing module's package.
    fn resolve_name(&mut self, name: &str, level: usize) -> PyResult<String> {
        if level == 0 {
            return Ok(name.to_string());
        }
        let globals = self.frames.last().map(|f| f.globals.clone()).ok_or_else(|| internal_error("no frame"))?;
        let package = match dict_get_str(&globals, "__package__") {
            Some(p) if p.as_str().is_some_and(|s| !s.is_empty()) => p.as_str().unwrap().to_string(),
            _ => {
                let is_pkg = dict_get_str(&globals, "__path__").is_some();
                let modname = dict_get_str(&globals, "__name__").and_then(|n| n.as_str().map(|s| s.to_string())).unwrap_or_default();
                if is_pkg {
                    modname
                } else {
                    modname.rsplit_once('.').map(|(p, _)| p.to_string()).unwrap_or_default()
                }
            }
        };
        if package.is_empty() {
            return Err(PyErr::new("ImportError", "attempted relative import with no known parent package"));
        }
        let parts: Vec<&str> = package.split('.').collect();
        if level - 1 >= parts.len() {
            return Err(PyErr::new("ImportError", "attempted relative import beyond top-level package"));
        }
        let base = parts[..parts.len() - (level - 1)].join(".");
        Ok(if name.is_empty() { base } else { format!("{base}.{name}") })
    }

    /// `ImportName`: level, fromlist -> module.
    pub(super) fn op_import_name(&mut self, arg: u32) -> PyResult<()> {
        let frame = self.frames.last_mut().ok_or_else(|| internal_error("no frame"))?;
        let name = frame.code.names[arg as usize].clone();
        let fromlist = frame.pop();
        let level = frame.pop();
        let level = match level {
            Value::Int(l) if l >= 0 => l as usize,
            _ => 0,
        };
        let abs = self.resolve_name(&name, level)?;
        let module = self.import_absolute(&abs)?;
        let has_fromlist = !fromlist.is_none() && self.truthy(&fromlist)?;
        let result = if has_fromlist || level > 0 && name.is_empty() {
            module
        } else if level == 0 {
            let top = abs.split('.').next().unwrap_or(&abs).to_string();
            self.rt.module(&top).unwrap_or(module)
        } else {
            module
        };
        self.frames.last_mut().unwrap().push(result);
        Ok(())
    }

    /// `ImportFrom`: module -> module, module.name (importing a submodule
    /// when the attribute is missing).
    pub(super) fn op_import_from(&mut self, arg: u32) -> PyResult<()> {
        let frame = self.frames.last_mut().ok_or_else(|| internal_error("no frame"))?;
        let name = frame.code.names[arg as usize].clone();
        let module = frame.top().clone();
        if let Some(v) = self.getattr_opt(&module, &name)? {
            self.frames.last_mut().unwrap().push(v);
            return Ok(());
        }
        let modname = match module.payload() {
            Some(Payload::Module(m)) => m.name.to_string(),
            _ => String::new(),
        };
        let sub = format!("{modname}.{name}");
        match self.import_absolute(&sub) {
            Ok(m) => {
                self.frames.last_mut().unwrap().push(m);
                Ok(())
            }
            Err(e) if e.matches("ModuleNotFoundError") => {
                let file = module_dict(&module).and_then(|d| dict_get_str(&d, "__file__"));
                let loc = match file.as_ref().and_then(|f| f.as_str()) {
                    Some(f) => format!(" ({f})"),
                    None => " (unknown location)".to_string(),
                };
                let msg = if self.module_initializing(&module) {
                    format!("cannot import name '{name}' from partially initialized module '{modname}' (most likely due to a circular import){loc}")
                } else {
                    format!("cannot import name '{name}' from '{modname}'{loc}")
                };
                Err(PyErr::new("ImportError", msg))
            }
            Err(e) => Err(e),
        }
    }

    fn module_initializing(&self, module: &Value) -> bool {
        let Some(d) = module_dict(module) else { return false };
        self.frames.iter().any(|f| Arc::ptr_eq(&f.globals, &d))
    }

    /// `ImportStar`: copy `__all__` (or public names) into the namespace.
    pub(super) fn op_import_star(&mut self) -> PyResult<()> {
        let frame = self.frames.last_mut().ok_or_else(|| internal_error("no frame"))?;
        let module = frame.pop();
        let ns = frame.locals().cloned().unwrap_or(Value::Obj(frame.globals.clone()));
        let Some(d) = module_dict(&module) else {
            return Err(type_error("import * from a non-module"));
        };
        let names: Vec<Value> = match dict_get_str(&d, "__all__") {
            Some(all) => self.collect(&all)?,
            None => match &d.payload {
                Payload::Dict(dd) => dd.lock().keys().into_iter().filter(|k| !k.as_str().unwrap_or("_").starts_with('_')).collect(),
                _ => vec![],
            },
        };
        for n in names {
            let name = n.as_str().unwrap_or("").to_string();
            let v = self.getattr(&module, &name)?;
            self.setitem(&ns, n, v)?;
        }
        Ok(())
    }
}

/// A compile error raised as a Python `SyntaxError` (import of a bad file).
pub fn syntax_error_from(e: crate::compiler::CompileError) -> PyErr {
    let details = Value::tuple(vec![
        Value::string(e.filename.clone()),
        Value::Int(e.line as i64),
        Value::Int(e.column as i64),
        Value::string(e.source_line.clone()),
    ]);
    let kind = if e.kind == "IndentationError" || e.kind == "TabError" { e.kind.as_str() } else { "SyntaxError" };
    PyErr::with_args(kind, vec![Value::string(e.message.clone()), details])
}
