//! The text methods of `str` (split/join/strip/find/case/predicates/
//! padding/...), indexing by code point like CPython.

use super::str::this;
use crate::builtins::args::*;
use crate::builtins::{add_method, add_staticmethod};
use crate::object::types::types;
use crate::object::{Args, Payload};
use crate::pvm::exc::{type_error, value_error, PyErr};
use crate::pvm::{PyResult, Vm};
use crate::value::Value;

pub fn install() {
    let t = &types().str_;
    let m: &[(&'static str, &'static str, crate::object::NativeFn)] = &[
        ("split", "str.split", split),
        ("rsplit", "str.rsplit", rsplit),
        ("join", "str.join", join),
        ("strip", "str.strip", strip),
        ("lstrip", "str.lstrip", lstrip),
        ("rstrip", "str.rstrip", rstrip),
        ("replace", "str.replace", replace),
        ("find", "str.find", find),
        ("rfind", "str.rfind", rfind),
        ("index", "str.index", index),
        ("rindex", "str.rindex", rindex),
        ("count", "str.count", count),
        ("startswith", "str.startswith", startswith),
        ("endswith", "str.endswith", endswith),
        ("upper", "str.upper", upper),
        ("lower", "str.lower", lower),
        ("casefold", "str.casefold", casefold),
        ("title", "str.title", title),
        ("capitalize", "str.capitalize", capitalize),
        ("swapcase", "str.swapcase", swapcase),
        ("isdigit", "str.isdigit", isdigit),
        ("isdecimal", "str.isdecimal", isdecimal),
        ("isnumeric", "str.isnumeric", isnumeric),
        ("isalpha", "str.isalpha", isalpha),
        ("isalnum", "str.isalnum", isalnum),
        ("isspace", "str.isspace", isspace),
        ("isupper", "str.isupper", isupper),
        ("islower", "str.islower", islower),
        ("istitle", "str.istitle", istitle),
        ("isidentifier", "str.isidentifier", isidentifier),
        ("isascii", "str.isascii", isascii),
        ("isprintable", "str.isprintable", isprintable),
        ("center", "str.center", center),
        ("ljust", "str.ljust", ljust),
        ("rjust", "str.rjust", rjust),
        ("zfill", "str.zfill", zfill),
        ("partition", "str.partition", partition),
        ("rpartition", "str.rpartition", rpartition),
        ("splitlines", "str.splitlines", splitlines),
        ("encode", "str.encode", encode),
        ("expandtabs", "str.expandtabs", expandtabs),
        ("removeprefix", "str.removeprefix", removeprefix),
        ("removesuffix", "str.removesuffix", removesuffix),
        ("translate", "str.translate", translate),
        ("format", "str.format", format),
        ("format_map", "str.format_map", format_map),
    ];
    for (name, q, f) in m {
        add_method(t, name, q, *f);
    }
    add_staticmethod(t, "maketrans", "str.maketrans", maketrans);
}

/// Python's `str.isspace` for one character.
pub fn py_isspace(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

fn sep_arg<'a>(v: Option<&'a Value>) -> PyResult<Option<&'a str>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => match v.as_str() {
            Some("") => Err(value_error("empty separator")),
            Some(s) => Ok(Some(s)),
            None => Err(type_error(format!("must be str or None, not {}", vtname(v)))),
        },
    }
}

fn maxsplit_arg(vm: &mut Vm, v: Option<Value>) -> PyResult<i64> {
    match v {
        None => Ok(-1),
        Some(v) => index_clamped(vm, &v),
    }
}

fn split_args(vm: &mut Vm, a: &mut Args, name: &str) -> PyResult<(Option<String>, i64)> {
    let sep = arg_or_kw(a, 1, "sep");
    let maxsplit = arg_or_kw(a, 2, "maxsplit");
    no_kw(name, a)?;
    check_method(name, a, 0, 2)?;
    let sep = sep_arg(sep.as_ref())?.map(str::to_string);
    Ok((sep, maxsplit_arg(vm, maxsplit)?))
}

/// Whitespace split with at most `max` splits (negative = unlimited).
pub fn split_whitespace(s: &str, max: i64) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = s.trim_start_matches(py_isspace);
    let mut n = 0;
    while !rest.is_empty() {
        if max >= 0 && n >= max {
            out.push(rest.to_string());
            return out;
        }
        let end = rest.find(py_isspace).unwrap_or(rest.len());
        out.push(rest[..end].to_string());
        rest = rest[end..].trim_start_matches(py_isspace);
        n += 1;
    }
    out
}

fn rsplit_whitespace(s: &str, max: i64) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = s.trim_end_matches(py_isspace);
    let mut n = 0;
    while !rest.is_empty() {
        if max >= 0 && n >= max {
            out.push(rest.to_string());
            break;
        }
        let start = rest.rfind(py_isspace).map(|i| i + rest[i..].chars().next().map(char::len_utf8).unwrap_or(1)).unwrap_or(0);
        out.push(rest[start..].to_string());
        rest = rest[..start].trim_end_matches(py_isspace);
        n += 1;
    }
    out.reverse();
    out
}

fn strs(v: Vec<String>) -> Value {
    Value::list(v.into_iter().map(Value::string).collect())
}

fn split(vm: &mut Vm, mut a: Args) -> PyResult {
    let (sep, max) = split_args(vm, &mut a, "split")?;
    let s = this(&a, "split")?;
    Ok(strs(match sep {
        None => split_whitespace(s, max),
        Some(sep) if max < 0 => s.split(sep.as_str()).map(str::to_string).collect(),
        Some(sep) => s.splitn(max.saturating_add(1).max(1) as usize, sep.as_str()).map(str::to_string).collect(),
    }))
}

fn rsplit(vm: &mut Vm, mut a: Args) -> PyResult {
    let (sep, max) = split_args(vm, &mut a, "rsplit")?;
    let s = this(&a, "rsplit")?;
    Ok(strs(match sep {
        None => rsplit_whitespace(s, max),
        Some(sep) => {
            let mut v: Vec<String> = if max < 0 {
                s.rsplit(sep.as_str()).map(str::to_string).collect()
            } else {
                s.rsplitn(max.saturating_add(1).max(1) as usize, sep.as_str()).map(str::to_string).collect()
            };
            v.reverse();
            v
        }
    }))
}

fn join(vm: &mut Vm, a: Args) -> PyResult {
    check_method("join", &a, 1, 1)?;
    let sep = this(&a, "join")?.to_string();
    let items = vm.collect(&a.pos[1])?;
    let mut out = String::new();
    for (i, it) in items.iter().enumerate() {
        let Some(t) = it.as_str() else {
            return Err(type_error(format!("sequence item {i}: expected str instance, {} found", vtname(it))));
        };
        if i > 0 {
            out.push_str(&sep);
        }
        out.push_str(t);
    }
    Ok(Value::string(out))
}

fn strip_chars(a: &Args, name: &str) -> PyResult<Option<Vec<char>>> {
    check_method(name, a, 0, 1)?;
    match a.pos.get(1) {
        None | Some(Value::None) => Ok(None),
        Some(v) => match v.as_str() {
            Some(c) => Ok(Some(c.chars().collect())),
            None => Err(type_error(format!("{name} arg must be None or str"))),
        },
    }
}

fn do_strip(a: Args, name: &str, left: bool, right: bool) -> PyResult {
    let chars = strip_chars(&a, name)?;
    let s = this(&a, name)?;
    let pred = |c: char| match &chars {
        None => py_isspace(c),
        Some(cs) => cs.contains(&c),
    };
    let mut r = s;
    if left {
        r = r.trim_start_matches(pred);
    }
    if right {
        r = r.trim_end_matches(pred);
    }
    Ok(Value::str(r))
}

fn strip(_vm: &mut Vm, a: Args) -> PyResult {
    do_strip(a, "strip", true, true)
}
fn lstrip(_vm: &mut Vm, a: Args) -> PyResult {
    do_strip(a, "lstrip", true, false)
}
fn rstrip(_vm: &mut Vm, a: Args) -> PyResult {
    do_strip(a, "rstrip", false, true)
}

fn str_param<'a>(v: &'a Value, name: &str, n: usize) -> PyResult<&'a str> {
    v.as_str().ok_or_else(|| type_error(format!("{name}() argument {n} must be str, not {}", vtname(v))))
}

fn replace(vm: &mut Vm, a: Args) -> PyResult {
    check_method("replace", &a, 2, 3)?;
    let s = this(&a, "replace")?;
    let old = str_param(&a.pos[1], "replace", 1)?;
    let new = str_param(&a.pos[2], "replace", 2)?;
    let count = match a.pos.get(3) {
        Some(c) => index_clamped(vm, c)?,
        None => -1,
    };
    if count < 0 {
        Ok(Value::string(s.replace(old, new)))
    } else {
        Ok(Value::string(s.replacen(old, new, count as usize)))
    }
}

/// Byte offset of char index `i` in `s`.
pub fn byte_at(s: &str, i: usize) -> usize {
    if s.is_ascii() {
        return i.min(s.len());
    }
    s.char_indices().nth(i).map(|(b, _)| b).unwrap_or(s.len())
}

/// Char index of byte offset `b`.
pub fn char_index(s: &str, b: usize) -> usize {
    if s.is_ascii() {
        b
    } else {
        s[..b].chars().count()
    }
}

fn char_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// (haystack window, its char offset) for find/count-style methods;
/// `None` when start > len (nothing can match, not even "").
fn window<'a>(vm: &mut Vm, a: &'a Args, name: &str) -> PyResult<Option<(&'a str, &'a str, usize)>> {
    check_method(name, a, 1, 3)?;
    let s = this(a, name)?;
    let sub = a.pos[1].as_str().ok_or_else(|| type_error(format!("must be str, not {}", vtname(&a.pos[1]))))?;
    let st = opt_index(vm, a.pos.get(2))?;
    let en = opt_index(vm, a.pos.get(3))?;
    let len = char_len(s);
    let (cs, ce) = adjust_range(st, en, len);
    if st.map(|x| x > len as i64).unwrap_or(false) || cs > ce {
        return Ok(None);
    }
    let (bs, be) = (byte_at(s, cs), byte_at(s, ce));
    Ok(Some((&s[bs..be], sub, cs)))
}

fn find_impl(vm: &mut Vm, a: &Args, name: &str, rev: bool) -> PyResult<i64> {
    let Some((hay, sub, off)) = window(vm, a, name)? else { return Ok(-1) };
    let r = if rev { hay.rfind(sub) } else { hay.find(sub) };
    Ok(match r {
        Some(b) => (off + char_index(hay, b)) as i64,
        None => -1,
    })
}

fn find(vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::Int(find_impl(vm, &a, "find", false)?))
}
fn rfind(vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::Int(find_impl(vm, &a, "rfind", true)?))
}
fn index(vm: &mut Vm, a: Args) -> PyResult {
    match find_impl(vm, &a, "index", false)? {
        -1 => Err(value_error("substring not found")),
        i => Ok(Value::Int(i)),
    }
}
fn rindex(vm: &mut Vm, a: Args) -> PyResult {
    match find_impl(vm, &a, "rindex", true)? {
        -1 => Err(value_error("substring not found")),
        i => Ok(Value::Int(i)),
    }
}

fn count(vm: &mut Vm, a: Args) -> PyResult {
    let Some((hay, sub, _)) = window(vm, &a, "count")? else { return Ok(Value::Int(0)) };
    let n = if sub.is_empty() { char_len(hay) + 1 } else { hay.matches(sub).count() };
    Ok(Value::Int(n as i64))
}

fn affix(vm: &mut Vm, a: Args, name: &str, end: bool) -> PyResult {
    check_method(name, &a, 1, 3)?;
    let s = this(&a, name)?;
    let st = opt_index(vm, a.pos.get(2))?;
    let en = opt_index(vm, a.pos.get(3))?;
    let len = char_len(s);
    let (cs, ce) = adjust_range(st, en, len);
    if st.map(|x| x > len as i64).unwrap_or(false) {
        return Ok(Value::Bool(crate::value::Flag::FALSE));
    }
    let win = if cs <= ce { &s[byte_at(s, cs)..byte_at(s, ce)] } else { "" };
    let test = |p: &str| -> bool {
        if cs > ce {
            return false;
        }
        if end {
            win.ends_with(p)
        } else {
            win.starts_with(p)
        }
    };
    let arg = &a.pos[1];
    if let Some(p) = arg.as_str() {
        return Ok(Value::bool(test(p)));
    }
    if let Some(Payload::Tuple(items)) = arg.payload() {
        for it in items.iter() {
            match it.as_str() {
                Some(p) => {
                    if test(p) {
                        return Ok(Value::Bool(crate::value::Flag::TRUE));
                    }
                }
                None => {
                    return Err(type_error(format!("tuple for {name} must only contain str, not {}", vtname(it))))
                }
            }
        }
        return Ok(Value::Bool(crate::value::Flag::FALSE));
    }
    Err(type_error(format!("{name} first arg must be str or a tuple of str, not {}", vtname(arg))))
}

fn startswith(vm: &mut Vm, a: Args) -> PyResult {
    affix(vm, a, "startswith", false)
}
fn endswith(vm: &mut Vm, a: Args) -> PyResult {
    affix(vm, a, "endswith", true)
}

fn map_str(a: Args, name: &str, f: fn(&str) -> String) -> PyResult {
    check_method(name, &a, 0, 0)?;
    Ok(Value::string(f(this(&a, name)?)))
}

fn upper(_vm: &mut Vm, a: Args) -> PyResult {
    map_str(a, "upper", |s| s.to_uppercase())
}
fn lower(_vm: &mut Vm, a: Args) -> PyResult {
    map_str(a, "lower", |s| s.to_lowercase())
}
/// Unicode full case folding: lowercase, with the folds that differ from
/// it (ß → ss, ligatures, final sigma, Greek symbol variants, micro sign).
fn casefold(_vm: &mut Vm, a: Args) -> PyResult {
    map_str(a, "casefold", |s| {
        let mut out = String::with_capacity(s.len());
        for c in s.chars() {
            match c {
                'ß' | 'ẞ' => out.push_str("ss"),
                'ς' => out.push('σ'),
                'ſ' => out.push('s'),
                'µ' => out.push('μ'),
                'ϐ' => out.push('β'),
                'ϑ' => out.push('θ'),
                'ϕ' => out.push('φ'),
                'ϖ' => out.push('π'),
                'ϰ' => out.push('κ'),
                'ϱ' => out.push('ρ'),
                'ϵ' => out.push('ε'),
                'ẛ' => out.push('ṡ'),
                _ => {
                    let mut up = c.to_uppercase();
                    if up.len() > 1 {
                        for u in &mut up {
                            out.extend(u.to_lowercase());
                        }
                    } else {
                        out.extend(c.to_lowercase());
                    }
                }
            }
        }
        out
    })
}
fn swapcase(_vm: &mut Vm, a: Args) -> PyResult {
    map_str(a, "swapcase", |s| {
        s.chars()
            .map(|c| if c.is_uppercase() { c.to_lowercase().collect::<String>() } else { c.to_uppercase().collect() })
            .collect()
    })
}

/// Python's `str.title`.
pub fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev_cased = false;
    for c in s.chars() {
        if prev_cased {
            out.extend(c.to_lowercase());
        } else {
            out.extend(c.to_uppercase());
        }
        prev_cased = c.is_lowercase() || c.is_uppercase();
    }
    out
}

fn title(_vm: &mut Vm, a: Args) -> PyResult {
    map_str(a, "title", title_case)
}
fn capitalize(_vm: &mut Vm, a: Args) -> PyResult {
    map_str(a, "capitalize", |s| {
        let mut cs = s.chars();
        match cs.next() {
            Some(c) => c.to_uppercase().chain(cs.flat_map(char::to_lowercase)).collect(),
            None => String::new(),
        }
    })
}

fn pred(a: Args, name: &str, f: fn(char) -> bool) -> PyResult {
    check_method(name, &a, 0, 0)?;
    let s = this(&a, name)?;
    Ok(Value::bool(!s.is_empty() && s.chars().all(f)))
}

fn is_fraction_like(c: char) -> bool {
    matches!(c as u32, 0xbc..=0xbe | 0x2150..=0x218b | 0x3007 | 0x4e00..=0x9fff | 0xf900..=0xfaff)
}
fn is_super_digit(c: char) -> bool {
    matches!(c as u32, 0xb2 | 0xb3 | 0xb9 | 0x2070..=0x2079 | 0x2080..=0x2089 | 0x2460..=0x249b | 0x24ea..=0x24ff | 0x2776..=0x2793 | 0x1369..=0x1371)
}
/// `str.isdigit` for one character (approximation of the Unicode data).
pub fn char_isdigit(c: char) -> bool {
    c.is_ascii_digit() || (c.is_numeric() && !is_fraction_like(c))
}
/// `str.isdecimal` for one character.
pub fn char_isdecimal(c: char) -> bool {
    c.is_ascii_digit() || (char_isdigit(c) && !is_super_digit(c))
}

fn isdigit(_vm: &mut Vm, a: Args) -> PyResult {
    pred(a, "isdigit", char_isdigit)
}
fn isdecimal(_vm: &mut Vm, a: Args) -> PyResult {
    pred(a, "isdecimal", char_isdecimal)
}
fn isnumeric(_vm: &mut Vm, a: Args) -> PyResult {
    pred(a, "isnumeric", char::is_numeric)
}
fn isalpha(_vm: &mut Vm, a: Args) -> PyResult {
    pred(a, "isalpha", char::is_alphabetic)
}
fn isalnum(_vm: &mut Vm, a: Args) -> PyResult {
    pred(a, "isalnum", |c| c.is_alphabetic() || c.is_numeric())
}
fn isspace(_vm: &mut Vm, a: Args) -> PyResult {
    pred(a, "isspace", py_isspace)
}
fn isprintable(_vm: &mut Vm, a: Args) -> PyResult {
    check_method("isprintable", &a, 0, 0)?;
    Ok(Value::bool(this(&a, "isprintable")?.chars().all(crate::builtins::repr::is_printable)))
}
fn isascii(_vm: &mut Vm, a: Args) -> PyResult {
    check_method("isascii", &a, 0, 0)?;
    // O(1): a str knows its length in code points.
    if let Some(Payload::Str(p)) = a.pos[0].payload() {
        return Ok(Value::bool(p.is_ascii()));
    }
    Ok(Value::bool(this(&a, "isascii")?.is_ascii()))
}

fn isupper(_vm: &mut Vm, a: Args) -> PyResult {
    check_method("isupper", &a, 0, 0)?;
    let s = this(&a, "isupper")?;
    Ok(Value::bool(s.chars().any(char::is_uppercase) && !s.chars().any(char::is_lowercase)))
}
fn islower(_vm: &mut Vm, a: Args) -> PyResult {
    check_method("islower", &a, 0, 0)?;
    let s = this(&a, "islower")?;
    Ok(Value::bool(s.chars().any(char::is_lowercase) && !s.chars().any(char::is_uppercase)))
}
fn istitle(_vm: &mut Vm, a: Args) -> PyResult {
    check_method("istitle", &a, 0, 0)?;
    let s = this(&a, "istitle")?;
    let (mut cased, mut prev_cased) = (false, false);
    for c in s.chars() {
        if c.is_uppercase() {
            if prev_cased {
                return Ok(Value::Bool(crate::value::Flag::FALSE));
            }
            prev_cased = true;
            cased = true;
        } else if c.is_lowercase() {
            if !prev_cased {
                return Ok(Value::Bool(crate::value::Flag::FALSE));
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    Ok(Value::bool(cased))
}

/// `str.isidentifier`.
pub fn is_identifier(s: &str) -> bool {
    let mut cs = s.chars();
    match cs.next() {
        Some(c) if c == '_' || c.is_alphabetic() => cs.all(|c| c == '_' || c.is_alphanumeric()),
        _ => false,
    }
}

fn isidentifier(_vm: &mut Vm, a: Args) -> PyResult {
    check_method("isidentifier", &a, 0, 0)?;
    Ok(Value::bool(is_identifier(this(&a, "isidentifier")?)))
}

fn pad_args(vm: &mut Vm, a: &Args, name: &str) -> PyResult<(usize, char)> {
    check_method(name, a, 1, 2)?;
    let w = index_clamped(vm, &a.pos[1])?.max(0) as usize;
    let fill = match a.pos.get(2) {
        None => ' ',
        Some(f) => {
            let fs = f.as_str().ok_or_else(|| {
                type_error(format!("{name}() argument 2 must be a unicode character, not {}", vtname(f)))
            })?;
            let mut it = fs.chars();
            match (it.next(), it.next()) {
                (Some(c), None) => c,
                _ => return Err(type_error("The fill character must be exactly one character long")),
            }
        }
    };
    Ok((w, fill))
}

fn pad(s: &str, left: usize, right: usize, fill: char) -> String {
    let mut out = String::with_capacity(s.len() + left + right);
    out.extend(std::iter::repeat(fill).take(left));
    out.push_str(s);
    out.extend(std::iter::repeat(fill).take(right));
    out
}

fn center(vm: &mut Vm, a: Args) -> PyResult {
    let (w, fill) = pad_args(vm, &a, "center")?;
    let s = this(&a, "center")?;
    let n = char_len(s);
    if w <= n {
        return Ok(a.pos[0].clone());
    }
    let marg = w - n;
    let left = marg / 2 + (marg & w & 1);
    Ok(Value::string(pad(s, left, marg - left, fill)))
}
fn ljust(vm: &mut Vm, a: Args) -> PyResult {
    let (w, fill) = pad_args(vm, &a, "ljust")?;
    let s = this(&a, "ljust")?;
    let n = char_len(s);
    Ok(Value::string(pad(s, 0, w.saturating_sub(n), fill)))
}
fn rjust(vm: &mut Vm, a: Args) -> PyResult {
    let (w, fill) = pad_args(vm, &a, "rjust")?;
    let s = this(&a, "rjust")?;
    let n = char_len(s);
    Ok(Value::string(pad(s, w.saturating_sub(n), 0, fill)))
}
fn zfill(vm: &mut Vm, a: Args) -> PyResult {
    check_method("zfill", &a, 1, 1)?;
    let w = index_clamped(vm, &a.pos[1])?.max(0) as usize;
    let s = this(&a, "zfill")?;
    Ok(Value::string(zfill_str(s, w)))
}

/// `str.zfill`.
pub fn zfill_str(s: &str, w: usize) -> String {
    let n = char_len(s);
    if w <= n {
        return s.to_string();
    }
    let zeros = "0".repeat(w - n);
    match s.chars().next() {
        Some(c @ ('+' | '-')) => format!("{c}{zeros}{}", &s[1..]),
        _ => format!("{zeros}{s}"),
    }
}

fn partition_impl(a: Args, name: &str, rev: bool) -> PyResult {
    check_method(name, &a, 1, 1)?;
    let s = this(&a, name)?;
    let sep = a.pos[1].as_str().ok_or_else(|| type_error(format!("must be str, not {}", vtname(&a.pos[1]))))?;
    if sep.is_empty() {
        return Err(value_error("empty separator"));
    }
    let found = if rev { s.rfind(sep) } else { s.find(sep) };
    let parts = match found {
        Some(i) => [&s[..i], sep, &s[i + sep.len()..]],
        None if rev => ["", "", s],
        None => [s, "", ""],
    };
    Ok(Value::tuple(parts.iter().map(|p| Value::str(p)).collect()))
}

fn partition(_vm: &mut Vm, a: Args) -> PyResult {
    partition_impl(a, "partition", false)
}
fn rpartition(_vm: &mut Vm, a: Args) -> PyResult {
    partition_impl(a, "rpartition", true)
}

fn is_linebreak(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

fn splitlines(vm: &mut Vm, mut a: Args) -> PyResult {
    let keep = arg_or_kw(&mut a, 1, "keepends");
    no_kw("splitlines", &a)?;
    check_method("splitlines", &a, 0, 1)?;
    let keep = match keep {
        Some(k) => vm.truthy(&k)?,
        None => false,
    };
    let s = this(&a, "splitlines")?;
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if is_linebreak(c) {
            let mut end = i + c.len_utf8();
            if c == '\r' {
                if let Some((_, '\n')) = it.peek() {
                    it.next();
                    end += 1;
                }
            }
            out.push(Value::str(if keep { &s[start..end] } else { &s[start..i] }));
            start = end;
        }
    }
    if start < s.len() {
        out.push(Value::str(&s[start..]));
    }
    Ok(Value::list(out))
}

fn encode(_vm: &mut Vm, mut a: Args) -> PyResult {
    let enc = arg_or_kw(&mut a, 1, "encoding");
    let errors = arg_or_kw(&mut a, 2, "errors");
    no_kw("encode", &a)?;
    let s = this(&a, "encode")?;
    let enc = match &enc {
        Some(e) => str_param(e, "encode", 1)?.to_string(),
        None => "utf-8".into(),
    };
    let errors = match &errors {
        Some(e) => str_param(e, "encode", 2)?.to_string(),
        None => "strict".into(),
    };
    Ok(Value::bytes(encode_str(s, &enc, &errors)?))
}

/// Encodes text (utf-8, ascii, latin-1) with `strict`/`ignore`/`replace`.
pub fn encode_str(s: &str, enc: &str, errors: &str) -> PyResult<Vec<u8>> {
    let norm = enc.to_ascii_lowercase().replace(['-', '_'], "");
    let limit = match norm.as_str() {
        "utf8" | "u8" | "utf" | "cp65001" => return Ok(s.as_bytes().to_vec()),
        "utf16" | "utf16le" | "utf16be" | "u16" => {
            let be = norm.ends_with("be");
            let mut out = Vec::with_capacity(s.len() * 2 + 2);
            let mut put = |u: u16| out.extend_from_slice(&if be { u.to_be_bytes() } else { u.to_le_bytes() });
            if norm == "utf16" || norm == "u16" {
                put(0xfeff);
            }
            for u in s.encode_utf16() {
                put(u);
            }
            return Ok(out);
        }
        "utf32" | "utf32le" | "utf32be" | "u32" => {
            let be = norm.ends_with("be");
            let mut out = Vec::with_capacity(s.len() * 4 + 4);
            let mut put = |u: u32| out.extend_from_slice(&if be { u.to_be_bytes() } else { u.to_le_bytes() });
            if norm == "utf32" || norm == "u32" {
                put(0xfeff);
            }
            for c in s.chars() {
                put(c as u32);
            }
            return Ok(out);
        }
        "ascii" | "usascii" => 0x80u32,
        "latin1" | "iso88591" | "l1" => 0x100,
        _ => return Err(PyErr::new("LookupError", format!("unknown encoding: {enc}"))),
    };
    let mut out = Vec::with_capacity(s.len());
    for (i, c) in s.chars().enumerate() {
        if (c as u32) < limit {
            out.push(c as u32 as u8);
            continue;
        }
        match errors {
            "ignore" => {}
            "replace" => out.push(b'?'),
            _ => {
                let name = if limit == 0x80 { "ascii" } else { "latin-1" };
                let range = if limit == 0x80 { "range(128)" } else { "range(256)" };
                return Err(PyErr::new(
                    "UnicodeEncodeError",
                    format!("'{name}' codec can't encode character '{}' in position {i}: ordinal not in {range}", char_escape(c)),
                ));
            }
        }
    }
    Ok(out)
}

fn expandtabs(vm: &mut Vm, mut a: Args) -> PyResult {
    let ts = arg_or_kw(&mut a, 1, "tabsize");
    no_kw("expandtabs", &a)?;
    let ts = match ts {
        Some(t) => index_clamped(vm, &t)?,
        None => 8,
    };
    let s = this(&a, "expandtabs")?;
    let mut out = String::new();
    let mut col: i64 = 0;
    for c in s.chars() {
        match c {
            '\t' => {
                if ts > 0 {
                    let n = ts - col % ts;
                    out.extend(std::iter::repeat(' ').take(n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            c => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(Value::string(out))
}

fn removeprefix(_vm: &mut Vm, a: Args) -> PyResult {
    check_method("removeprefix", &a, 1, 1)?;
    let s = this(&a, "removeprefix")?;
    let p = str_param(&a.pos[1], "removeprefix", 1)?;
    Ok(Value::str(s.strip_prefix(p).unwrap_or(s)))
}
fn removesuffix(_vm: &mut Vm, a: Args) -> PyResult {
    check_method("removesuffix", &a, 1, 1)?;
    let s = this(&a, "removesuffix")?;
    let p = str_param(&a.pos[1], "removesuffix", 1)?;
    Ok(Value::str(s.strip_suffix(p).unwrap_or(s)))
}

fn translate(vm: &mut Vm, a: Args) -> PyResult {
    check_method("translate", &a, 1, 1)?;
    let s = this(&a, "translate")?.to_string();
    let table = a.pos[1].clone();
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match vm.getitem(&table, &Value::Int(c as i64)) {
            Ok(Value::None) => {}
            Ok(v) => {
                if let Some(t) = v.as_str() {
                    out.push_str(t);
                } else if let Some(n) = small_int(&v) {
                    match u32::try_from(n).ok().and_then(char::from_u32) {
                        Some(ch) => out.push(ch),
                        None => return Err(value_error("character mapping must be in range(0x110000)")),
                    }
                } else {
                    return Err(type_error("character mapping must return integer, None or str"));
                }
            }
            Err(e) if e.matches("LookupError") => out.push(c),
            Err(e) => return Err(e),
        }
    }
    Ok(Value::string(out))
}

fn maketrans(vm: &mut Vm, a: Args) -> PyResult {
    check_args("maketrans", &a, 1, 3)?;
    let d = Value::obj(Payload::Dict(Default::default()));
    if a.pos.len() == 1 {
        let items = vm.mapping_items(&a.pos[0]).map_err(|_| {
            type_error("if you give only one argument to maketrans it must be a dict")
        })?;
        for (k, v) in items {
            let key = match k.as_str() {
                Some(ks) => {
                    let mut it = ks.chars();
                    match (it.next(), it.next()) {
                        (Some(c), None) => Value::Int(c as i64),
                        _ => return Err(value_error("string keys in translate table must be of length 1")),
                    }
                }
                None if is_int(&k) => k,
                None => return Err(type_error("keys in translate table must be strings or integers")),
            };
            vm.dict_set(&d, key, v)?;
        }
        return Ok(d);
    }
    let x = str_param(&a.pos[0], "maketrans", 1)?;
    let y = str_param(&a.pos[1], "maketrans", 2)?;
    if x.chars().count() != y.chars().count() {
        return Err(value_error("the first two maketrans arguments must have equal length"));
    }
    for (c, r) in x.chars().zip(y.chars()) {
        vm.dict_set(&d, Value::Int(c as i64), Value::Int(r as i64))?;
    }
    if let Some(z) = a.pos.get(2) {
        for c in str_param(z, "maketrans", 3)?.chars() {
            vm.dict_set(&d, Value::Int(c as i64), Value::None)?;
        }
    }
    Ok(d)
}

fn format(vm: &mut Vm, a: Args) -> PyResult {
    let s = this(&a, "format")?.to_string();
    let pos = a.pos[1..].to_vec();
    let kw = Value::obj(Payload::Dict(Default::default()));
    for (k, v) in a.kw {
        vm.dict_set(&kw, Value::str(&k), v)?;
    }
    Ok(Value::string(crate::builtins::strformat::str_format(vm, &s, &pos, &kw)?))
}

fn format_map(vm: &mut Vm, a: Args) -> PyResult {
    check_method("format_map", &a, 1, 1)?;
    let s = this(&a, "format_map")?.to_string();
    Ok(Value::string(crate::builtins::strformat::str_format(vm, &s, &[], &a.pos[1])?))
}

/// How CPython's codec errors show a character: \xNN, \uNNNN or \UNNNNNNNN.
fn char_escape(c: char) -> String {
    let n = c as u32;
    if n < 0x100 {
        format!("\\x{n:02x}")
    } else if n < 0x10000 {
        format!("\\u{n:04x}")
    } else {
        format!("\\U{n:08x}")
    }
}
