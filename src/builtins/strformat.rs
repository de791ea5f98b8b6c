//! `str.format` / `format_map`: replacement fields with positional,
//! keyword, indexed (`[key]`) and attribute (`.name`) lookups, `!r/!s/!a`
//! conversions, nested `{}` in specs, and `{{`/`}}` escapes, with CPython's
//! error messages.

use crate::pvm::exc::{index_error, key_error, value_error};
use crate::pvm::{PyResult, Vm};
use crate::value::Value;

struct State {
    auto: Option<usize>,
    manual: bool,
}

/// Formats `fmt` with positional `args` and the mapping `kw`.
pub fn str_format(vm: &mut Vm, fmt: &str, args: &[Value], kw: &Value) -> PyResult<String> {
    let mut st = State { auto: Some(0), manual: false };
    render(vm, fmt, args, kw, &mut st, 2)
}

fn render(vm: &mut Vm, fmt: &str, args: &[Value], kw: &Value, st: &mut State, depth: u32) -> PyResult<String> {
    let cs: Vec<char> = fmt.chars().collect();
    let mut out = String::with_capacity(fmt.len());
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i];
        if c == '}' {
            if cs.get(i + 1) == Some(&'}') {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(value_error("Single '}' encountered in format string"));
        }
        if c != '{' {
            out.push(c);
            i += 1;
            continue;
        }
        if cs.get(i + 1) == Some(&'{') {
            out.push('{');
            i += 2;
            continue;
        }
        // Find the matching close brace (nested braces allowed in spec).
        let mut j = i + 1;
        let mut level = 1;
        while j < cs.len() {
            match cs[j] {
                '{' => level += 1,
                '}' => {
                    level -= 1;
                    if level == 0 {
                        break;
                    }
                }
                _ => {}
            }
            j += 1;
        }
        if j >= cs.len() {
            return Err(value_error(if level > 1 { "unmatched '{' in format spec" } else { "Single '{' encountered in format string" }));
        }
        let field: String = cs[i + 1..j].iter().collect();
        out.push_str(&field_value(vm, &field, args, kw, st, depth)?);
        i = j + 1;
    }
    Ok(out)
}

/// Splits `name!conv:spec` (the `!`/`:` outside brackets).
fn split_field(field: &str) -> (String, Option<char>, String) {
    let mut name = String::new();
    let mut in_bracket = false;
    let mut it = field.char_indices();
    while let Some((k, c)) = it.next() {
        match c {
            '[' => in_bracket = true,
            ']' => in_bracket = false,
            '!' | ':' if !in_bracket => {
                let rest = &field[k..];
                if c == '!' {
                    let mut rc = rest[1..].chars();
                    let conv = rc.next();
                    let after: String = rc.collect();
                    let spec = after.strip_prefix(':').map(str::to_string);
                    let spec = match spec {
                        Some(s) => s,
                        None if after.is_empty() => String::new(),
                        None => return (name, Some('\u{0}'), after),
                    };
                    return (name, Some(conv.unwrap_or('\u{0}')), spec);
                }
                return (name, None, rest[1..].to_string());
            }
            _ => {}
        }
        name.push(c);
    }
    (name, None, String::new())
}

fn field_value(vm: &mut Vm, field: &str, args: &[Value], kw: &Value, st: &mut State, depth: u32) -> PyResult<String> {
    let (name, conv, spec) = split_field(field);
    let v = lookup(vm, &name, args, kw, st)?;
    let v = match conv {
        None => v,
        Some('r') => Value::string(vm.repr(&v)?),
        Some('s') => Value::string(vm.str(&v)?),
        Some('a') => Value::string(super::repr::ascii_escape(&vm.repr(&v)?)),
        Some('\u{0}') => return Err(value_error("expected ':' after conversion specifier")),
        Some(c) => return Err(value_error(format!("Unknown conversion specifier {c}"))),
    };
    let spec = if spec.contains('{') {
        if depth == 0 {
            return Err(value_error("Max string recursion exceeded"));
        }
        render(vm, &spec, args, kw, st, depth - 1)?
    } else {
        spec
    };
    vm.format(&v, &spec)
}

fn lookup(vm: &mut Vm, name: &str, args: &[Value], kw: &Value, st: &mut State) -> PyResult<Value> {
    let end = name.find(['.', '[']).unwrap_or(name.len());
    let first = &name[..end];
    let mut v = if first.is_empty() {
        if st.manual {
            return Err(value_error("cannot switch from manual field specification to automatic field numbering"));
        }
        let n = st.auto.unwrap_or(0);
        st.auto = Some(n + 1);
        args.get(n).cloned().ok_or_else(|| index_error(format!("Replacement index {n} out of range for positional args tuple")))?
    } else if let Ok(n) = first.parse::<usize>() {
        if st.auto.map(|a| a > 0).unwrap_or(false) {
            return Err(value_error("cannot switch from automatic field numbering to manual field specification"));
        }
        st.manual = true;
        args.get(n).cloned().ok_or_else(|| index_error(format!("Replacement index {n} out of range for positional args tuple")))?
    } else {
        let key = Value::str(first);
        match vm.mapping_get(kw, &key)? {
            Some(v) => v,
            None => return Err(key_error(key)),
        }
    };
    let rest: Vec<char> = name[end..].chars().collect();
    let mut i = 0;
    while i < rest.len() {
        if rest[i] == '.' {
            let mut j = i + 1;
            while j < rest.len() && rest[j] != '.' && rest[j] != '[' {
                j += 1;
            }
            let attr: String = rest[i + 1..j].iter().collect();
            if attr.is_empty() {
                return Err(value_error("Empty attribute in format string"));
            }
            v = vm.getattr(&v, &attr)?;
            i = j;
        } else if rest[i] == '[' {
            let mut j = i + 1;
            while j < rest.len() && rest[j] != ']' {
                j += 1;
            }
            if j >= rest.len() {
                return Err(value_error("Missing ']' in format string"));
            }
            let key: String = rest[i + 1..j].iter().collect();
            if key.is_empty() {
                return Err(value_error("Empty attribute in format string"));
            }
            let k = match key.parse::<i64>() {
                Ok(n) if !key.starts_with(['-', '+']) => Value::Int(n),
                _ => Value::string(key),
            };
            v = vm.getitem(&v, &k)?;
            i = j + 1;
            if i < rest.len() && rest[i] != '.' && rest[i] != '[' {
                return Err(value_error("Only '.' or '[' may follow ']' in format field specifier"));
            }
        } else {
            return Err(value_error("Only '.' or '[' may follow ']' in format field specifier"));
        }
    }
    Ok(v)
}
