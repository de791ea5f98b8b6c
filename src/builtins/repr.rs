//! `repr()` and `str()` of every built-in payload, CPython's float repr,
//! and string/bytes quoting. Containers guard against self-reference
//! (`[...]`) and runaway nesting (RecursionError).

use super::args::{user_overrides, vtname};
use crate::object::types::{type_data, type_of};
use crate::object::{DictViewKind, ObjRef, Payload};
use crate::pvm::exc::{exc_args, PyErr};
use crate::pvm::{PyResult, Vm};
use crate::value::Value;
use parking_lot::Mutex;
use std::collections::HashSet;

/// Objects whose repr is in progress, keyed by (vm address, object id).
static IN_REPR: Mutex<Option<HashSet<(usize, usize)>>> = Mutex::new(None);
const MAX_REPR_DEPTH: usize = 300;

/// Runs `f` with `obj` marked as being repr'd; returns `None` when it
/// already is (a reference cycle).
pub fn with_guard<T>(vm: &mut Vm, obj: &ObjRef, f: impl FnOnce(&mut Vm) -> PyResult<T>) -> PyResult<Option<T>> {
    let key = (vm as *const Vm as usize, std::sync::Arc::as_ptr(obj) as usize);
    {
        let mut g = IN_REPR.lock();
        let set = g.get_or_insert_with(HashSet::new);
        if set.contains(&key) {
            return Ok(None);
        }
        let depth = set.iter().filter(|(v, _)| *v == key.0).count();
        if depth > MAX_REPR_DEPTH {
            return Err(PyErr::new("RecursionError", "maximum recursion depth exceeded while getting the repr of an object"));
        }
        set.insert(key);
    }
    let r = f(vm);
    if let Some(set) = IN_REPR.lock().as_mut() {
        set.remove(&key);
    }
    r.map(Some)
}

/// `repr(v)` for built-in payloads; `Ok(None)` when a user class overrides
/// `__repr__` (the VM then calls it).
pub fn repr_builtin(vm: &mut Vm, v: &Value) -> PyResult<Option<String>> {
    if user_overrides(v, "__repr__") || native_defines(v, "__repr__") {
        return Ok(None);
    }
    payload_repr(vm, v).map(Some)
}

/// `str(v)` where it differs from repr; `Ok(None)` when a user class
/// overrides `__str__` or `__repr__`.
pub fn str_builtin(vm: &mut Vm, v: &Value) -> PyResult<Option<String>> {
    if user_overrides(v, "__str__") || native_defines(v, "__str__") {
        return Ok(None);
    }
    match v.payload() {
        Some(Payload::Str(s)) => Ok(Some(s.as_str().to_string())),
        Some(Payload::Exception(_)) => exc_str(vm, v).map(Some),
        _ => repr_builtin(vm, v),
    }
}

/// Native-module objects (`Payload::Native`) whose type defines `name`.
fn native_defines(v: &Value, name: &str) -> bool {
    matches!(v.payload(), Some(Payload::Native(_)))
        && crate::object::types::lookup_in_type(type_of(v), name).map_or(false, |m| !crate::pvm::ops::is_object_slot(&m))
}

/// The address part of default reprs.
pub fn addr(v: &Value) -> String {
    format!("0x{:x}", v.id())
}

/// `module.Qualname` of a class (module omitted for builtins); a built-in
/// type's own name (`int`, `collections.deque`).
pub fn type_full_name(t: &ObjRef) -> String {
    let td = type_data(t);
    if !td.heap_type {
        // CPython's tp_name: "int", or "collections.deque" for a native
        // type of a module.
        return td.name.lock().to_string();
    }
    let name = td.qualname.lock().to_string();
    if let Some(m) = td.dict.lock().get_str("__module__").and_then(|m| m.as_str().map(str::to_string)) {
        if m != "builtins" {
            return format!("{m}.{name}");
        }
    }
    name
}

/// `<mod.C object at 0x...>`.
pub fn object_repr(v: &Value) -> String {
    format!("<{} object at {}>", type_full_name(type_of(v)), addr(v))
}

/// The repr of the payload, ignoring any user `__repr__`.
pub fn payload_repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let o = match v {
        Value::Null => return Ok("<NULL>".into()),
        Value::None => return Ok("None".into()),
        Value::Bool(b) => return Ok(if b.get() { "True" } else { "False" }.into()),
        Value::Int(i) => return Ok(i.to_string()),
        Value::Float(f) => return Ok(float_repr(f.get())),
        Value::Obj(o) => o,
    };
    Ok(match &o.payload {
        Payload::Instance => object_repr(v),
        Payload::Str(s) => quote_str(s.as_str(), false),
        Payload::BigInt(b) => b.to_string(),
        Payload::Bytes(b) => bytes_repr(b),
        Payload::ByteArray(b) => {
            let b = b.lock().clone();
            format!("{}({})", vtname(v), bytes_repr(&b))
        }
        Payload::Tuple(items) => {
            let items = items.to_vec();
            match with_guard(vm, o, |vm| seq_repr(vm, &items, "(", ")", items.len() == 1))? {
                Some(s) => s,
                None => "(...)".into(),
            }
        }
        Payload::List(items) => {
            let items = items.lock().clone();
            match with_guard(vm, o, |vm| seq_repr(vm, &items, "[", "]", false))? {
                Some(s) => s,
                None => "[...]".into(),
            }
        }
        Payload::Dict(d) => {
            let items = d.lock().items();
            match with_guard(vm, o, |vm| dict_repr(vm, &items))? {
                Some(s) => s,
                None => "{...}".into(),
            }
        }
        Payload::Set(d) => {
            let keys = super::setorder::cpython_order(&d.lock());
            set_repr(vm, v, o, &keys, "set")?
        }
        Payload::FrozenSet(d) => {
            let keys = super::setorder::cpython_order(d);
            set_repr(vm, v, o, &keys, "frozenset")?
        }
        Payload::Range { start, stop, step } => {
            if *step == 1 {
                format!("range({start}, {stop})")
            } else {
                format!("range({start}, {stop}, {step})")
            }
        }
        Payload::Slice { start, stop, step } => {
            let (a, b, c) = (start.clone(), stop.clone(), step.clone());
            format!("slice({}, {}, {})", vm.repr(&a)?, vm.repr(&b)?, vm.repr(&c)?)
        }
        Payload::Exception(_) => exc_repr(vm, v)?,
        Payload::DictView { dict, kind } => view_repr(vm, dict, *kind, o)?,
        _ => misc_repr(vm, v, o)?,
    })
}

fn misc_repr(vm: &mut Vm, v: &Value, o: &ObjRef) -> PyResult<String> {
    Ok(match &o.payload {
        Payload::Type(_) => format!("<class '{}'>", type_full_name(o)),
        Payload::Function(f) => format!("<function {} at {}>", f.qualname.lock(), addr(v)),
        Payload::NativeFunc(n) => {
            if n.bound.is_null() || matches!(n.bound.payload(), Some(Payload::Module(_))) {
                format!("<built-in function {}>", short_name(n.name))
            } else {
                format!("<built-in method {} of {} object at {}>", short_name(n.name), vtname(&n.bound), addr(&n.bound))
            }
        }
        Payload::BoundMethod { func, this } => {
            let (func, this) = (func.clone(), this.clone());
            match func.payload() {
                Some(Payload::NativeFunc(n)) => {
                    format!("<built-in method {} of {} object at {}>", short_name(n.name), vtname(&this), addr(&this))
                }
                _ => {
                    let name = match vm.getattr_opt(&func, "__qualname__")? {
                        Some(q) => vm.str(&q)?,
                        None => "?".into(),
                    };
                    format!("<bound method {} of {}>", name, vm.repr(&this)?)
                }
            }
        }
        Payload::StaticMethod(f) => format!("<staticmethod({})>", vm.repr(&f.clone())?),
        Payload::ClassMethod(f) => format!("<classmethod({})>", vm.repr(&f.clone())?),
        Payload::Property { .. } => format!("<property object at {}>", addr(v)),
        Payload::GetSet { name, .. } => format!("<attribute '{name}' of objects>"),
        Payload::Super { ty, obj } => {
            let t = type_data(ty).name.lock().to_string();
            if obj.is_none() {
                format!("<super: <class '{t}'>, NULL>")
            } else {
                format!("<super: <class '{t}'>, <{} object>>", vtname(obj))
            }
        }
        Payload::Code(c) => format!("<code object {} at {}, file \"{}\", line {}>", c.name, addr(v), c.filename, c.first_line),
        Payload::Cell(c) => {
            let inner = c.lock().clone();
            if inner.is_null() {
                format!("<cell at {}: empty>", addr(v))
            } else {
                format!("<cell at {}: {} object at {}>", addr(v), vtname(&inner), addr(&inner))
            }
        }
        Payload::Module(m) => module_repr(&m.name, &m.dict),
        Payload::Generator(g) => {
            let kind = if g.lock().coroutine { "coroutine" } else { "generator" };
            let name = match vm.getattr_opt(v, "__qualname__") {
                Ok(Some(q)) => q.as_str().unwrap_or("?").to_string(),
                _ => "?".into(),
            };
            format!("<{kind} object {} at {}>", name, addr(v))
        }
        Payload::Iter(_) => format!("<{} object at {}>", vtname(v), addr(v)),
        Payload::NotImplemented => "NotImplemented".into(),
        Payload::Ellipsis => "Ellipsis".into(),
        _ => object_repr(v),
    })
}

fn module_repr(name: &str, dict: &ObjRef) -> String {
    let file = match &dict.payload {
        Payload::Dict(d) => d.lock().get_str("__file__").and_then(|f| f.as_str().map(str::to_string)),
        _ => None,
    };
    match file {
        Some(f) => format!("<module '{name}' from '{f}'>"),
        None => format!("<module '{name}' (built-in)>"),
    }
}

/// `split` -> `split` of "str.split".
pub fn short_name(q: &str) -> &str {
    q.rsplit('.').next().unwrap_or(q)
}

fn seq_repr(vm: &mut Vm, items: &[Value], open: &str, close: &str, trailing_comma: bool) -> PyResult<String> {
    let mut out = String::from(open);
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&vm.repr(it)?);
    }
    if trailing_comma {
        out.push(',');
    }
    out.push_str(close);
    Ok(out)
}

fn dict_repr(vm: &mut Vm, items: &[(Value, Value)]) -> PyResult<String> {
    let mut out = String::from("{");
    for (i, (k, v)) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&vm.repr(k)?);
        out.push_str(": ");
        out.push_str(&vm.repr(v)?);
    }
    out.push('}');
    Ok(out)
}

fn set_repr(vm: &mut Vm, v: &Value, o: &ObjRef, keys: &[Value], base: &str) -> PyResult<String> {
    let name = vtname(v);
    if keys.is_empty() {
        return Ok(format!("{name}()"));
    }
    let inner = match with_guard(vm, o, |vm| seq_repr(vm, keys, "{", "}", false))? {
        Some(s) => s,
        None => return Ok(format!("{name}(...)")),
    };
    if name == "set" && base == "set" {
        Ok(inner)
    } else {
        Ok(format!("{name}({inner})"))
    }
}

fn view_repr(vm: &mut Vm, dict: &ObjRef, kind: DictViewKind, o: &ObjRef) -> PyResult<String> {
    let Payload::Dict(d) = &dict.payload else { return Ok("dict_view()".into()) };
    let items = d.lock().items();
    let (name, vals): (&str, Vec<Value>) = match kind {
        DictViewKind::Keys => ("dict_keys", items.into_iter().map(|(k, _)| k).collect()),
        DictViewKind::Values => ("dict_values", items.into_iter().map(|(_, v)| v).collect()),
        DictViewKind::Items => ("dict_items", items.into_iter().map(|(k, v)| Value::tuple(vec![k, v])).collect()),
    };
    match with_guard(vm, o, |vm| seq_repr(vm, &vals, "[", "]", false))? {
        Some(s) => Ok(format!("{name}({s})")),
        None => Ok("...".into()),
    }
}

/// `ValueError('x')` / `KeyError()` / `E('a', 1)`.
pub fn exc_repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let name = type_data(type_of(v)).name.lock().to_string();
    let args = exc_args(v);
    if args.len() == 1 {
        Ok(format!("{name}({})", vm.repr(&args[0])?))
    } else {
        let t = Value::tuple(args);
        Ok(format!("{name}{}", vm.repr(&t)?))
    }
}

/// `str(exc)` following each exception type's `__str__`.
pub fn exc_str(vm: &mut Vm, v: &Value) -> PyResult<String> {
    super::types::exceptions::exc_str(vm, v)
}

/// CPython's `repr(float)`: shortest round-tripping digits, laid out with
/// the `r` format rules (scientific below 1e-4 and from 1e16).
pub fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if f == 0.0 {
        return if f.is_sign_negative() { "-0.0".into() } else { "0.0".into() };
    }
    let (neg, digits, exp) = shortest_digits(f);
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    // exp: the decimal exponent of the first digit (d.ddd x 10^exp).
    if (-4..16).contains(&exp) {
        out.push_str(&fixed_layout(&digits, exp));
    } else {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push_str(&exp_suffix(exp));
    }
    out
}

/// `e+16`, `e-07`: the exponent with a sign and at least two digits.
pub fn exp_suffix(exp: i32) -> String {
    format!("e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.unsigned_abs())
}

/// Digits `ddd` with first-digit exponent `exp` in plain notation,
/// always with a fractional part (`1.0`, `0.001`, `123.5`).
fn fixed_layout(digits: &str, exp: i32) -> String {
    let n = digits.len() as i32;
    if exp < 0 {
        format!("0.{}{}", "0".repeat((-exp - 1) as usize), digits)
    } else if exp + 1 >= n {
        format!("{}{}.0", digits, "0".repeat((exp + 1 - n) as usize))
    } else {
        let split = (exp + 1) as usize;
        format!("{}.{}", &digits[..split], &digits[split..])
    }
}

/// (negative, significant digits without leading/trailing zeros, exponent
/// of the first digit) of the shortest round-trip representation.
pub fn shortest_digits(f: f64) -> (bool, String, i32) {
    let mut buf = ryu::Buffer::new();
    let s = buf.format_finite(f.abs());
    let (mant, e) = match s.find(['e', 'E']) {
        Some(i) => (&s[..i], s[i + 1..].parse::<i32>().unwrap_or(0)),
        None => (s, 0),
    };
    let (int_part, frac_part) = match mant.find('.') {
        Some(i) => (&mant[..i], &mant[i + 1..]),
        None => (mant, ""),
    };
    let all: String = format!("{int_part}{frac_part}");
    let lead = all.len() - all.trim_start_matches('0').len();
    let digits = all.trim_start_matches('0').trim_end_matches('0').to_string();
    let digits = if digits.is_empty() { "0".to_string() } else { digits };
    let exp = int_part.len() as i32 - 1 - lead as i32 + e;
    (f < 0.0, digits, exp)
}

/// Python's quoting of a str (`repr`); `ascii` also escapes non-ASCII.
pub fn quote_str(s: &str, ascii: bool) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c)
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) < 0x7f => out.push(c),
            c if ascii || !is_printable(c) => out.push_str(&escape_nonascii(c)),
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

fn escape_nonascii(c: char) -> String {
    let n = c as u32;
    if n <= 0xff {
        format!("\\x{n:02x}")
    } else if n <= 0xffff {
        format!("\\u{n:04x}")
    } else {
        format!("\\U{n:08x}")
    }
}

/// Approximates `str.isprintable` for one character (Unicode categories
/// Cc, Cf, Cs, Co, Zl, Zp and Zs other than space are not printable).
pub fn is_printable(c: char) -> bool {
    let n = c as u32;
    if c == ' ' {
        return true;
    }
    if c.is_control() {
        return false;
    }
    !matches!(n,
        0xa0 | 0xad | 0x1680 | 0x2000..=0x200f | 0x2028..=0x202f | 0x205f..=0x2064 | 0x2066..=0x206f
        | 0x3000 | 0xfeff | 0xfff9..=0xfffb | 0xe000..=0xf8ff | 0xd800..=0xdfff | 0x600..=0x605
        | 0x61c | 0x6dd | 0x70f | 0x180e | 0xf0000..=0x10ffff | 0xe0001 | 0xe0020..=0xe007f
        | 0x110bd | 0x1bca0..=0x1bca3 | 0x1d173..=0x1d17a | 0xfffe | 0xffff)
}

/// `b'...'` with CPython's quote choice and escapes.
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') { b'"' } else { b'\'' };
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote as char);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c as char)
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote as char);
    out
}

/// `ascii(v)`: the repr with non-ASCII characters escaped.
pub fn ascii_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c)
        } else {
            out.push_str(&escape_nonascii(c))
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn floats() {
        let cases = [
            (1.0, "1.0"),
            (0.1, "0.1"),
            (1e16, "1e+16"),
            (1.5e-7, "1.5e-07"),
            (123456789012345.0, "123456789012345.0"),
            (1e22, "1e+22"),
            (-0.0, "-0.0"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (1234.5, "1234.5"),
            (9999999999999998.0, "9999999999999998.0"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (5e-324, "5e-324"),
            (100.0, "100.0"),
            (0.3, "0.3"),
            (2.5e15, "2500000000000000.0"),
        ];
        for (f, s) in cases {
            assert_eq!(float_repr(f), s, "{f}");
        }
    }
    #[test]
    fn strs() {
        assert_eq!(quote_str("it's", false), "\"it's\"");
        assert_eq!(quote_str("a\"b'c", false), "'a\"b\\'c'");
        assert_eq!(quote_str("é\u{0}", false), "'é\\x00'");
        assert_eq!(bytes_repr(b"a\x00'"), "b\"a\\x00'\"");
    }
}
