//! Argument checking helpers shared by the native functions, with CPython's
//! error messages, and small value accessors (ints, strings, self checks).

use crate::object::types::{is_subtype, lookup_in_type, type_data, type_of};
use crate::object::{Args, ObjRef, Payload};
use crate::pvm::exc::{type_error, PyErr};
use crate::pvm::{PyResult, Vm};
use crate::value::Value;
use num_bigint::BigInt;
use num_traits::ToPrimitive;

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Checks the positional count of a builtin function `name`.
pub fn check_args(name: &str, a: &Args, min: usize, max: usize) -> PyResult<()> {
    count_error(name, a.pos.len(), min, max)
}

/// Like `check_args` for a method: `a.pos[0]` is self and not counted.
pub fn check_method(name: &str, a: &Args, min: usize, max: usize) -> PyResult<()> {
    if a.pos.is_empty() {
        return Err(type_error(format!("descriptor '{name}' needs an argument")));
    }
    let n = a.pos.len() - 1;
    if (min..=max).contains(&n) {
        return Ok(());
    }
    if name.starts_with("__") {
        return count_error(name, n, min, max);
    }
    // CPython names the built-in type for no-argument and one-argument
    // methods ("str.upper() takes no arguments (1 given)"), and str, bytes
    // and int methods with optional arguments count them "at least"/"at most".
    let owner = builtin_base_name(&a.pos[0]);
    if min == max && max <= 1 {
        return count_error(&format!("{owner}.{name}"), n, min, max);
    }
    let takes_style = matches!(
        name,
        "find" | "rfind" | "index" | "rindex" | "count" | "startswith" | "endswith" | "split" | "rsplit" | "encode" | "decode"
            | "expandtabs" | "splitlines" | "to_bytes" | "from_bytes"
    );
    if min < max && matches!(owner.as_str(), "str" | "bytes" | "bytearray" | "int") && takes_style {
        let (word, k) = if n < min { ("least", min) } else { ("most", max) };
        return Err(type_error(format!("{name}() takes at {word} {k} argument{} ({n} given)", plural(k))));
    }
    count_error(name, n, min, max)
}

/// The name of the first built-in type in the MRO of `v`'s type.
fn builtin_base_name(v: &Value) -> String {
    let t = type_of(v);
    let td = type_data(t);
    if !td.heap_type {
        return td.name.lock().to_string();
    }
    for b in td.mro.iter() {
        let bd = type_data(b);
        if !bd.heap_type {
            return bd.name.lock().to_string();
        }
    }
    let name = td.name.lock().to_string();
    name
}

fn count_error(name: &str, n: usize, min: usize, max: usize) -> PyResult<()> {
    if n >= min && n <= max {
        return Ok(());
    }
    let msg = if min == max && max == 0 {
        format!("{name}() takes no arguments ({n} given)")
    } else if min == max && max == 1 {
        format!("{name}() takes exactly one argument ({n} given)")
    } else if min == max {
        format!("{name} expected {min} argument{}, got {n}", plural(min))
    } else if n < min {
        format!("{name} expected at least {min} argument{}, got {n}", plural(min))
    } else {
        format!("{name} expected at most {max} argument{}, got {n}", plural(max))
    };
    Err(type_error(msg))
}

/// Fails when keyword arguments remain (after the accepted ones were taken).
pub fn no_kw(name: &str, a: &Args) -> PyResult<()> {
    match a.kw.first() {
        None => Ok(()),
        Some((k, _)) => Err(type_error(format!("{name}() got an unexpected keyword argument '{k}'"))),
    }
}

/// Fails when any keyword argument was passed.
pub fn no_kwargs(name: &str, a: &Args) -> PyResult<()> {
    if a.kw.is_empty() {
        Ok(())
    } else {
        Err(type_error(format!("{name}() takes no keyword arguments")))
    }
}

/// Positional argument `i` or keyword `name`, removing the keyword.
pub fn arg_or_kw(a: &mut Args, i: usize, name: &str) -> Option<Value> {
    let kw = a.take_kw(name);
    a.pos.get(i).cloned().or(kw)
}

/// The display name of a type object.
pub fn tname(t: &ObjRef) -> String {
    type_data(t).name.lock().to_string()
}

/// The type name of a value (`int`, `MyClass`).
pub fn vtname(v: &Value) -> String {
    tname(type_of(v))
}

/// The error of calling `T.method(x)` with an `x` of the wrong type.
pub fn descr_error(method: &str, owner: &str, got: &Value) -> PyErr {
    type_error(format!("descriptor '{method}' for '{owner}' objects doesn't apply to a '{}' object", vtname(got)))
}

/// The `str` of a value that must be a str (any subclass).
pub fn str_arg<'a>(v: &'a Value, what: impl FnOnce() -> String) -> PyResult<&'a str> {
    v.as_str().ok_or_else(|| type_error(what()))
}

/// The exact integer value of an int (or bool), if it is one.
pub fn int_value(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::Bool(b) => Some(BigInt::from(b.get() as i64)),
        Value::Obj(o) => match &o.payload {
            Payload::BigInt(b) => Some(b.clone()),
            _ => None,
        },
        _ => None,
    }
}

/// An int (or bool) that fits in i64.
pub fn small_int(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(b.get() as i64),
        Value::Obj(o) => match &o.payload {
            Payload::BigInt(b) => b.to_i64(),
            _ => None,
        },
        _ => None,
    }
}

/// Is `v` an int (including bool and int subclasses)?
pub fn is_int(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Bool(_)) || matches!(v.payload(), Some(Payload::BigInt(_)))
}

/// An index argument clamped to i64 (big ints saturate), via `__index__`.
pub fn index_clamped(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if let Some(b) = int_value(v) {
        return Ok(b.to_i64().unwrap_or(if b.sign() == num_bigint::Sign::Minus { i64::MIN } else { i64::MAX }));
    }
    match vm.to_bigint(v) {
        Ok(b) => Ok(b.to_i64().unwrap_or(if b.sign() == num_bigint::Sign::Minus { i64::MIN } else { i64::MAX })),
        Err(e) => Err(e),
    }
}

/// An optional slice-style bound (None = absent), clamped.
pub fn opt_index(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<i64>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => {
            if !is_int(v) && vm.call_special(v, "__index__", vec![]).ok().flatten().is_none() {
                return Err(type_error("slice indices must be integers or None or have an __index__ method"));
            }
            Ok(Some(index_clamped(vm, v)?))
        }
    }
}

/// Resolves CPython-style `start`/`end` arguments against `len`.
pub fn adjust_range(start: Option<i64>, end: Option<i64>, len: usize) -> (usize, usize) {
    let len_i = len as i64;
    let fix = |x: i64| -> usize {
        if x < 0 {
            (x.saturating_add(len_i)).max(0) as usize
        } else {
            x.min(len_i) as usize
        }
    };
    let s = start.map(fix).unwrap_or(0);
    let e = end.map(fix).unwrap_or(len);
    (s, e)
}

/// Normalizes a (possibly negative) sequence index; `None` when out of range.
pub fn norm_index(i: i64, len: usize) -> Option<usize> {
    let len = len as i64;
    let j = if i < 0 { i.checked_add(len)? } else { i };
    if j >= 0 && j < len {
        Some(j as usize)
    } else {
        None
    }
}

/// The slice triple of a slice object resolved against `len`
/// (CPython's `PySlice_GetIndicesEx`): (start, stop, step, slicelength).
pub fn slice_indices(vm: &mut Vm, slice: &Value, len: usize) -> PyResult<(i64, i64, i64, usize)> {
    let (start, stop, step) = match slice.payload() {
        Some(Payload::Slice { start, stop, step }) => (start.clone(), stop.clone(), step.clone()),
        _ => return Err(type_error("expected a slice")),
    };
    let step = match opt_index(vm, Some(&step))? {
        None => 1,
        Some(0) => return Err(crate::pvm::exc::value_error("slice step cannot be zero")),
        Some(s) => s.max(-i64::MAX),
    };
    let len = len as i64;
    let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let clamp = |v: Option<i64>, default: i64| -> i64 {
        match v {
            None => default,
            Some(x) if x < 0 => (x.saturating_add(len)).max(lower),
            Some(x) => x.min(upper),
        }
    };
    let start = clamp(opt_index(vm, Some(&start))?, if step < 0 { upper } else { lower });
    let stop = clamp(opt_index(vm, Some(&stop))?, if step < 0 { lower } else { upper });
    let n = if step < 0 {
        if stop < start {
            ((start - stop - 1) / (-step) + 1) as usize
        } else {
            0
        }
    } else if start < stop {
        ((stop - start - 1) / step + 1) as usize
    } else {
        0
    };
    Ok((start, stop, step, n))
}

/// The positions selected by a resolved slice.
pub fn slice_positions(start: i64, step: i64, n: usize) -> impl Iterator<Item = usize> {
    (0..n).map(move |k| (start + k as i64 * step) as usize)
}

/// Is `v` a slice object?
pub fn is_slice(v: &Value) -> bool {
    matches!(v.payload(), Some(Payload::Slice { .. }))
}

/// True when the type of `v` is a user class that overrides `name` with
/// something other than a native method (so the builtin fast path must
/// not be used).
pub fn user_overrides(v: &Value, name: &str) -> bool {
    let Value::Obj(o) = v else { return false };
    let Some(cls) = &o.class else { return false };
    if !type_data(cls).heap_type {
        return false;
    }
    match lookup_in_type(cls, name) {
        Some(Value::Obj(f)) => !matches!(f.payload, Payload::NativeFunc(_)),
        Some(_) => true,
        None => false,
    }
}

/// Is `v` an instance of the built-in type `t` (or a subclass)?
pub fn isinst(v: &Value, t: &ObjRef) -> bool {
    is_subtype(type_of(v), t)
}

/// A "self" that is exactly `cls` when `cls` is the builtin type, or a user
/// subclass instance otherwise.
pub fn make_instance(cls: &Value, builtin: &ObjRef, payload: Payload) -> Value {
    match cls.as_obj() {
        Some(c) if !std::sync::Arc::ptr_eq(c, builtin) => crate::pvm::class::new_instance_of(c, payload),
        _ => Value::obj(payload),
    }
}

/// The class argument of a `__new__` (must be a subtype of `builtin`).
pub fn new_cls<'a>(a: &'a Args, builtin: &ObjRef, name: &str) -> PyResult<&'a Value> {
    let cls = a.pos.first().ok_or_else(|| type_error(format!("{name}.__new__(): not enough arguments")))?;
    match cls.as_obj() {
        Some(c) if matches!(c.payload, Payload::Type(_)) => {
            if !is_subtype(c, builtin) {
                return Err(type_error(format!(
                    "{name}.__new__({}): {} is not a subtype of {name}",
                    tname(c),
                    tname(c)
                )));
            }
            Ok(cls)
        }
        _ => Err(type_error(format!("{name}.__new__(X): X is not a type object ({})", vtname(cls)))),
    }
}

/// A fresh str value.
pub fn s(v: impl Into<String>) -> Value {
    Value::string(v.into())
}
