//! `exec`, `eval` and `compile`: source is compiled as a module body and
//! run in a frame whose globals/locals are the given (or the caller's)
//! namespaces. `eval` compiles `__weft_eval__ = (expr)` and takes the
//! result out of the locals mapping afterwards.

use super::args::*;
use crate::object::{Args, ObjRef, Payload};
use crate::pvm::exc::{internal_error, type_error};
use crate::pvm::{Frame, PyResult, Vm};
use crate::value::Value;

const RESULT: &str = "__weft_eval__";

fn compile_src(src: &str, filename: &str, eval: bool) -> PyResult<std::sync::Arc<crate::bytecode::CodeObject>> {
    if eval {
        crate::compiler::check_expression(src.trim(), filename).map_err(crate::pvm::import::syntax_error_from)?;
    }
    let text = if eval { format!("{RESULT} = ({}\n)", src.trim()) } else { src.to_string() };
    crate::compiler::compile_module(&text, filename).map_err(crate::pvm::import::syntax_error_from)
}

fn source_text(v: &Value, fname: &str) -> PyResult<Option<String>> {
    match v.payload() {
        Some(Payload::Str(s)) => Ok(Some(s.as_str().to_string())),
        Some(Payload::Bytes(b)) => Ok(Some(String::from_utf8_lossy(b).into_owned())),
        Some(Payload::Code(_)) => Ok(None),
        _ => Err(type_error(format!("{fname}() arg 1 must be a string, bytes or code object"))),
    }
}

/// (globals, locals) for exec/eval: explicit ones or the caller's.
fn namespaces(vm: &mut Vm, g: Option<&Value>, l: Option<&Value>, fname: &str) -> PyResult<(ObjRef, Value)> {
    let g = g.filter(|v| !v.is_none());
    let l = l.filter(|v| !v.is_none());
    let globals = match g {
        Some(v) => match v.payload() {
            Some(Payload::Dict(_)) => v.as_obj().cloned().ok_or_else(|| internal_error("globals"))?,
            _ => return Err(type_error(format!("{fname}() globals must be a dict, not {}", vtname(v)))),
        },
        None => vm.frames.last().map(|f| f.globals.clone()).ok_or_else(|| internal_error("no frame"))?,
    };
    if let Payload::Dict(d) = &globals.payload {
        let mut d = d.lock();
        if d.get_str("__builtins__").is_none() {
            d.set_str(Value::str("__builtins__"), vm.rt.builtins_module.clone());
        }
    }
    let locals = match (l, g) {
        (Some(l), _) => l.clone(),
        (None, Some(_)) => Value::Obj(globals.clone()),
        (None, None) => super::functions::caller_locals(vm)?,
    };
    Ok((globals, locals))
}

fn run(vm: &mut Vm, a: Args, eval: bool) -> PyResult {
    let fname = if eval { "eval" } else { "exec" };
    check_args(fname, &a, 1, 3)?;
    let code = match source_text(&a.pos[0], fname)? {
        Some(src) => compile_src(&src, "<string>", eval)?,
        None => match a.pos[0].payload() {
            Some(Payload::Code(c)) => c.clone(),
            _ => return Err(type_error(format!("{fname}() arg 1 must be a string, bytes or code object"))),
        },
    };
    let (globals, locals) = namespaces(vm, a.pos.get(1), a.pos.get(2), fname)?;
    let frame = Frame::new(code, globals, Some(locals.clone()));
    vm.run_frame(Box::new(frame))?;
    if !eval {
        return Ok(Value::None);
    }
    let key = Value::str(RESULT);
    let r = vm.getitem(&locals, &key)?;
    vm.delitem(&locals, &key)?;
    Ok(r)
}

pub fn exec(vm: &mut Vm, a: Args) -> PyResult {
    run(vm, a, false)
}

pub fn eval(vm: &mut Vm, a: Args) -> PyResult {
    run(vm, a, true)
}

pub fn compile(_vm: &mut Vm, mut a: Args) -> PyResult {
    let src = arg_or_kw(&mut a, 0, "source");
    let filename = arg_or_kw(&mut a, 1, "filename");
    let mode = arg_or_kw(&mut a, 2, "mode");
    let _ = (a.take_kw("flags"), a.take_kw("dont_inherit"), a.take_kw("optimize"));
    let (Some(src), Some(filename), Some(mode)) = (src, filename, mode) else {
        return Err(type_error("compile() missing required argument"));
    };
    let text = source_text(&src, "compile")?.unwrap_or_default();
    let filename = filename.as_str().unwrap_or("<string>").to_string();
    let eval = match mode.as_str() {
        Some("eval") => true,
        Some("exec") | Some("single") => false,
        _ => return Err(crate::pvm::exc::value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    };
    let code = compile_src(&text, &filename, eval)?;
    Ok(Value::obj(Payload::Code(code)))
}
