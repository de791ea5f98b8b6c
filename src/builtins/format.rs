//! The format-spec mini-language (`format(v, spec)`, f-strings,
//! `str.format`) for int, float and str, and printf-style `%` formatting.

use super::args::vtname;
use super::repr::{exp_suffix, float_repr};
use crate::object::types::{is_subtype, type_of, types};
use crate::object::Payload;
use crate::pvm::exc::{type_error, value_error, PyErr};
use crate::pvm::{PyResult, Vm};
use crate::value::Value;
use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive, Zero};

/// A parsed format spec: `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
#[derive(Clone, Debug)]
pub struct Spec {
    pub fill: char,
    pub align: Option<char>,
    pub sign: char,
    pub no_neg_zero: bool,
    pub alt: bool,
    pub zero: bool,
    pub width: usize,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: Option<char>,
}

const MAX_WIDTH: usize = 1 << 28;

fn invalid(spec: &str, kind: &str) -> PyErr {
    value_error(format!("Invalid format specifier '{spec}' for object of type '{kind}'"))
}

fn parse_num(cs: &[char], i: &mut usize) -> PyResult<Option<usize>> {
    let start = *i;
    let mut n: usize = 0;
    while *i < cs.len() && cs[*i].is_ascii_digit() {
        n = n.saturating_mul(10).saturating_add(cs[*i] as usize - '0' as usize);
        *i += 1;
    }
    if *i == start {
        return Ok(None);
    }
    if n > MAX_WIDTH {
        return Err(value_error("Too many decimal digits in format string"));
    }
    Ok(Some(n))
}

/// Parses a spec for an object of type `kind` (used in error messages).
pub fn parse_spec(spec: &str, kind: &str) -> PyResult<Spec> {
    let cs: Vec<char> = spec.chars().collect();
    let mut s = Spec { fill: ' ', align: None, sign: '-', no_neg_zero: false, alt: false, zero: false, width: 0, grouping: None, precision: None, ty: None };
    let mut i = 0;
    let is_align = |c: char| matches!(c, '<' | '>' | '^' | '=');
    if cs.len() >= 2 && is_align(cs[1]) {
        s.fill = cs[0];
        s.align = Some(cs[1]);
        i = 2;
    } else if !cs.is_empty() && is_align(cs[0]) {
        s.align = Some(cs[0]);
        i = 1;
    }
    if i < cs.len() && matches!(cs[i], '+' | '-' | ' ') {
        s.sign = cs[i];
        i += 1;
    }
    if i < cs.len() && cs[i] == 'z' {
        s.no_neg_zero = true;
        i += 1;
    }
    if i < cs.len() && cs[i] == '#' {
        s.alt = true;
        i += 1;
    }
    if i < cs.len() && cs[i] == '0' {
        s.zero = true;
        if s.align.is_none() {
            s.fill = '0';
            s.align = Some('=');
        }
        i += 1;
    }
    s.width = parse_num(&cs, &mut i)?.unwrap_or(0);
    if i < cs.len() && matches!(cs[i], ',' | '_') {
        s.grouping = Some(cs[i]);
        i += 1;
        if i < cs.len() && matches!(cs[i], ',' | '_') {
            return Err(value_error("Cannot specify both ',' and '_'."));
        }
    }
    if i < cs.len() && cs[i] == '.' {
        i += 1;
        match parse_num(&cs, &mut i)? {
            Some(p) => s.precision = Some(p),
            None => return Err(value_error("Format specifier missing precision")),
        }
    }
    if i < cs.len() {
        s.ty = Some(cs[i]);
        i += 1;
    }
    if i < cs.len() {
        return Err(invalid(spec, kind));
    }
    if let (Some(g), Some(t)) = (s.grouping, s.ty) {
        let ok = match g {
            ',' => matches!(t, 'd' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%'),
            _ => matches!(t, 'd' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' | 'b' | 'o' | 'x' | 'X'),
        };
        if !ok {
            return Err(value_error(format!("Cannot specify '{g}' with '{t}'.")));
        }
    }
    Ok(s)
}

/// `format(v, spec)` for built-in int/float/str; `Ok(None)` for others.
pub fn format_builtin(_vm: &mut Vm, v: &Value, spec: &str) -> PyResult<Option<String>> {
    match v {
        Value::Bool(b) if spec.is_empty() => Ok(Some(if b.get() { "True" } else { "False" }.into())),
        Value::Bool(b) => format_int(&BigInt::from(b.get() as i64), spec).map(Some),
        Value::Int(i) => {
            if spec.is_empty() {
                return Ok(Some(i.to_string()));
            }
            format_int(&BigInt::from(*i), spec).map(Some)
        }
        Value::Float(f) => format_float(f.get(), spec).map(Some),
        Value::Obj(o) => match &o.payload {
            Payload::BigInt(b) => format_int(b, spec).map(Some),
            Payload::Str(s) => format_str(s.as_str(), spec).map(Some),
            _ => Ok(None),
        },
        _ => Ok(None),
    }
}

/// Pads `body` (already signed/prefixed parts) to the spec's width.
/// `prefix` is the sign+base prefix used by `=` alignment.
fn pad(spec: &Spec, prefix: &str, body: &str, default_align: char) -> String {
    let len = prefix.chars().count() + body.chars().count();
    if spec.width <= len {
        // No padding (the common case).
        let mut s = String::with_capacity(prefix.len() + body.len());
        s.push_str(prefix);
        s.push_str(body);
        return s;
    }
    let n = spec.width - len;
    let fill = |k: usize| std::iter::repeat(spec.fill).take(k).collect::<String>();
    match spec.align.unwrap_or(default_align) {
        '<' => format!("{prefix}{body}{}", fill(n)),
        '^' => format!("{}{prefix}{body}{}", fill(n / 2), fill(n - n / 2)),
        '=' => format!("{prefix}{}{body}", fill(n)),
        _ => format!("{}{prefix}{body}", fill(n)),
    }
}

/// Inserts `sep` every `every` digits from the right.
pub fn group_digits(digits: &str, sep: char, every: usize) -> String {
    let n = digits.len();
    let mut out = String::with_capacity(n + n / every);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (n - i) % every == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// Groups `digits`; with zero padding, zero-extends so the grouped text
/// reaches `min_len` (never starting with a separator), like CPython.
fn group_padded(digits: &str, sep: Option<char>, every: usize, zero_to: Option<usize>) -> String {
    let Some(sep) = sep else {
        return match zero_to {
            Some(m) if m > digits.len() => format!("{}{}", "0".repeat(m - digits.len()), digits),
            _ => digits.to_string(),
        };
    };
    let glen = |d: usize| d + (d.max(1) - 1) / every;
    let mut d = digits.len();
    if let Some(m) = zero_to {
        while glen(d) < m {
            d += 1;
        }
    }
    let padded = format!("{}{}", "0".repeat(d - digits.len()), digits);
    group_digits(&padded, sep, every)
}

fn sign_str(neg: bool, spec: &Spec) -> &'static str {
    match (neg, spec.sign) {
        (true, _) => "-",
        (false, '+') => "+",
        (false, ' ') => " ",
        _ => "",
    }
}

/// Formats an integer.
pub fn format_int(n: &BigInt, spec_s: &str) -> PyResult<String> {
    let spec = parse_spec(spec_s, "int")?;
    let ty = spec.ty.unwrap_or('d');
    match ty {
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let f = n.to_f64().unwrap_or(if n.is_negative() { f64::NEG_INFINITY } else { f64::INFINITY });
            return format_float_spec(f, &spec);
        }
        'd' | 'n' | 'b' | 'o' | 'x' | 'X' | 'c' => {}
        _ => return Err(value_error(format!("Unknown format code '{ty}' for object of type 'int'"))),
    }
    if spec.precision.is_some() {
        return Err(value_error("Precision not allowed in integer format specifier"));
    }
    if ty == 'c' {
        if spec.sign != '-' {
            return Err(value_error("Sign not allowed with integer format specifier 'c'"));
        }
        if spec.alt {
            return Err(value_error("Alternate form (#) not allowed with integer format specifier 'c'"));
        }
        let c = n.to_u32().and_then(char::from_u32).ok_or_else(|| PyErr::new("OverflowError", "%c arg not in range(0x110000)"))?;
        return Ok(pad(&spec, "", &c.to_string(), '<'));
    }
    let (radix, pfx, every) = match ty {
        'b' => (2, "0b", 4),
        'o' => (8, "0o", 4),
        'x' => (16, "0x", 4),
        'X' => (16, "0X", 4),
        _ => (10, "", 3),
    };
    let mut digits = if radix == 10 {
        super::intlimit::to_decimal(&n)?.trim_start_matches('-').to_string()
    } else {
        n.magnitude().to_str_radix(radix)
    };
    if ty == 'X' {
        digits = digits.to_uppercase();
    }
    let mut prefix = sign_str(n.sign() == Sign::Minus, &spec).to_string();
    if spec.alt {
        prefix.push_str(pfx);
    }
    let zero_to = if spec.align == Some('=') && spec.fill == '0' { Some(spec.width.saturating_sub(prefix.len())) } else { None };
    let body = group_padded(&digits, spec.grouping, every, zero_to);
    Ok(pad(&spec, &prefix, &body, '>'))
}

/// Formats a float.
pub fn format_float(f: f64, spec_s: &str) -> PyResult<String> {
    if spec_s.is_empty() {
        return Ok(float_repr(f));
    }
    let spec = parse_spec(spec_s, "float")?;
    format_float_spec(f, &spec)
}

fn format_float_spec(f: f64, spec: &Spec) -> PyResult<String> {
    let ty = spec.ty;
    if let Some(t) = ty {
        if !matches!(t, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' | 'n') {
            return Err(value_error(format!("Unknown format code '{t}' for object of type 'float'")));
        }
    }
    let mut x = f;
    if spec.no_neg_zero && x == 0.0 {
        x = 0.0;
    }
    let neg = x.is_sign_negative() && !x.is_nan();
    let a = x.abs();
    let upper = matches!(ty, Some('E' | 'F' | 'G'));
    let mut body = if !a.is_finite() {
        let s = if a.is_nan() { "nan" } else { "inf" };
        let s = if upper { s.to_uppercase() } else { s.to_string() };
        if ty == Some('%') {
            format!("{s}%")
        } else {
            s
        }
    } else {
        float_body(a, ty, spec.precision, spec.alt)
    };
    if spec.no_neg_zero && neg && body.chars().all(|c| matches!(c, '0' | '.' | '%' | 'e' | 'E' | '+' | '-')) {
        return format_float_spec(0.0, spec);
    }
    if let (Some(sep), true) = (spec.grouping, a.is_finite()) {
        let end = body.find(|c: char| !c.is_ascii_digit()).unwrap_or(body.len());
        let zero_to = if spec.align == Some('=') && spec.fill == '0' {
            Some(spec.width.saturating_sub(sign_str(neg, spec).len() + body.len() - end))
        } else {
            None
        };
        body = format!("{}{}", group_padded(&body[..end], Some(sep), 3, zero_to), &body[end..]);
    }
    Ok(pad(spec, sign_str(neg, spec), &body, '>'))
}

/// The unsigned text of a finite, non-negative float.
fn float_body(a: f64, ty: Option<char>, prec: Option<usize>, alt: bool) -> String {
    match ty {
        Some('f' | 'F') => fixed(a, prec.unwrap_or(6), alt),
        Some('%') => format!("{}%", fixed(a * 100.0, prec.unwrap_or(6), alt)),
        Some('e' | 'E') => {
            let s = sci(a, prec.unwrap_or(6), alt);
            if ty == Some('E') {
                s.to_uppercase()
            } else {
                s
            }
        }
        Some('g' | 'G' | 'n') => {
            let s = general(a, prec.unwrap_or(6), alt, false);
            if ty == Some('G') {
                s.to_uppercase()
            } else {
                s
            }
        }
        _ => match prec {
            None => float_repr(a),
            Some(p) => general(a, p, alt, true),
        },
    }
}

/// `%.{p}f`.
pub fn fixed(a: f64, p: usize, alt: bool) -> String {
    let mut s = format!("{:.*}", p.min(1000), a);
    if alt && p == 0 {
        s.push('.');
    }
    s
}

/// `%.{p}e` with Python's exponent layout.
pub fn sci(a: f64, p: usize, alt: bool) -> String {
    let s = format!("{:.*e}", p.min(1000), a);
    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
    let e: i32 = e.parse().unwrap_or(0);
    let mut m = m.to_string();
    if alt && p == 0 {
        m.push('.');
    }
    format!("{m}{}", exp_suffix(e))
}

/// `%.{p}g`; `repr_style` is the no-type variant (keeps one decimal).
pub fn general(a: f64, p: usize, alt: bool, repr_style: bool) -> String {
    let p = p.max(1);
    if a == 0.0 {
        let mut s = if alt { format!("{:.*}", p - 1, 0.0) } else { "0".to_string() };
        if repr_style && !s.contains('.') {
            s.push_str(".0");
        }
        return s;
    }
    let e_form = format!("{:.*e}", p - 1, a);
    let exp: i32 = e_form.split_once('e').and_then(|(_, e)| e.parse().ok()).unwrap_or(0);
    let mut s = if exp >= -4 && exp < p as i32 {
        let fp = (p as i32 - 1 - exp).max(0) as usize;
        let mut s = format!("{:.*}", fp, a);
        if !alt && s.contains('.') {
            s = s.trim_end_matches('0').trim_end_matches('.').to_string();
        }
        if repr_style && !s.contains('.') {
            s.push_str(".0");
        }
        s
    } else {
        let (m, _) = e_form.split_once('e').unwrap_or((&e_form, ""));
        let mut m = m.to_string();
        if !alt && m.contains('.') {
            m = m.trim_end_matches('0').trim_end_matches('.').to_string();
        }
        format!("{m}{}", exp_suffix(exp))
    };
    if alt && !s.contains('.') && !s.contains('e') {
        s.push('.');
    }
    s
}

/// Formats a str.
pub fn format_str(s: &str, spec_s: &str) -> PyResult<String> {
    if spec_s.is_empty() {
        return Ok(s.to_string());
    }
    let spec = parse_spec(spec_s, "str")?;
    if let Some(t) = spec.ty {
        if t != 's' {
            return Err(value_error(format!("Unknown format code '{t}' for object of type 'str'")));
        }
    }
    if spec.sign != '-' {
        return Err(value_error("Sign not allowed in string format specifier"));
    }
    if spec.alt {
        return Err(value_error("Alternate form (#) not allowed in string format specifier"));
    }
    if spec.align == Some('=') {
        return Err(value_error("'=' alignment not allowed in string format specifier"));
    }
    if spec.grouping.is_some() {
        return Err(value_error(format!("Cannot specify '{}' with 's'.", spec.grouping.unwrap_or(','))));
    }
    let body: String = match spec.precision {
        Some(p) => s.chars().take(p).collect(),
        None => s.to_string(),
    };
    Ok(pad(&spec, "", &body, '<'))
}

// ---------------------------------------------------------------------
// printf-style formatting

/// `fmt % args`.
pub fn percent_format(vm: &mut Vm, fmt: &str, args: &Value) -> PyResult<String> {
    let (items, mapping): (Vec<Value>, Option<Value>) = match args.payload() {
        Some(Payload::Tuple(t)) => (t.to_vec(), None),
        _ => {
            // Ints, floats, bools and None are never mappings.
            let is_map = matches!(args, Value::Obj(_))
                && !matches!(args.payload(), Some(Payload::Str(_)))
                && crate::object::types::lookup_in_type(type_of(args), "__getitem__").is_some()
                && !is_subtype(type_of(args), &types().list)
                && !matches!(args.payload(), Some(Payload::Bytes(_)) | Some(Payload::ByteArray(_)) | Some(Payload::Range { .. }));
            (vec![args.clone()], if is_map { Some(args.clone()) } else { None })
        }
    };
    let single = !matches!(args.payload(), Some(Payload::Tuple(_)));
    let cs: Vec<char> = fmt.chars().collect();
    let mut out = String::with_capacity(fmt.len() + 16);
    let mut next = 0usize;
    let mut used_mapping = false;
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i];
        i += 1;
        if c != '%' {
            out.push(c);
            continue;
        }
        let mut key: Option<String> = None;
        if i < cs.len() && cs[i] == '(' {
            let Some(m) = &mapping else { return Err(type_error("format requires a mapping")) };
            let _ = m;
            let mut depth = 1;
            let start = i + 1;
            let mut j = start;
            while j < cs.len() && depth > 0 {
                match cs[j] {
                    '(' => depth += 1,
                    ')' => depth -= 1,
                    _ => {}
                }
                j += 1;
            }
            if depth > 0 {
                return Err(value_error("incomplete format key"));
            }
            key = Some(cs[start..j - 1].iter().collect());
            i = j;
            used_mapping = true;
        }
        let mut spec = Spec { fill: ' ', align: None, sign: '-', no_neg_zero: false, alt: false, zero: false, width: 0, grouping: None, precision: None, ty: None };
        let mut left = false;
        while i < cs.len() && matches!(cs[i], '-' | '+' | ' ' | '#' | '0') {
            match cs[i] {
                '-' => left = true,
                '+' => spec.sign = '+',
                ' ' => {
                    if spec.sign != '+' {
                        spec.sign = ' '
                    }
                }
                '#' => spec.alt = true,
                _ => spec.zero = true,
            }
            i += 1;
        }
        let take_arg = |vm: &mut Vm, next: &mut usize| -> PyResult<Value> {
            let _ = vm;
            let v = items.get(*next).cloned().ok_or_else(|| type_error("not enough arguments for format string"))?;
            *next += 1;
            Ok(v)
        };
        if i < cs.len() && cs[i] == '*' {
            let w = take_arg(vm, &mut next)?;
            let w = super::args::small_int(&w).ok_or_else(|| type_error("* wants int"))?;
            if w < 0 {
                left = true;
            }
            spec.width = (w.unsigned_abs() as usize).min(MAX_WIDTH);
            i += 1;
        } else {
            spec.width = parse_num(&cs, &mut i)?.unwrap_or(0);
        }
        if i < cs.len() && cs[i] == '.' {
            i += 1;
            if i < cs.len() && cs[i] == '*' {
                let p = take_arg(vm, &mut next)?;
                let p = super::args::small_int(&p).ok_or_else(|| type_error("* wants int"))?;
                spec.precision = Some(p.max(0) as usize);
                i += 1;
            } else {
                spec.precision = Some(parse_num(&cs, &mut i)?.unwrap_or(0));
            }
        }
        while i < cs.len() && matches!(cs[i], 'h' | 'l' | 'L') {
            i += 1;
        }
        let Some(&conv) = cs.get(i) else { return Err(value_error("incomplete format")) };
        i += 1;
        if conv == '%' {
            out.push('%');
            continue;
        }
        let arg = match &key {
            Some(k) => {
                let m = mapping.clone().unwrap_or(Value::None);
                vm.getitem(&m, &Value::str(k))?
            }
            None => take_arg(vm, &mut next)?,
        };
        if left {
            spec.align = Some('<');
        } else if spec.zero && !matches!(conv, 's' | 'r' | 'a' | 'c') {
            spec.fill = '0';
            spec.align = Some('=');
        }
        out.push_str(&percent_one(vm, conv, &arg, spec, i - 1)?);
    }
    if next < items.len() && !(single && mapping.is_some()) && !used_mapping {
        return Err(type_error("not all arguments converted during string formatting"));
    }
    Ok(out)
}

fn percent_one(vm: &mut Vm, conv: char, arg: &Value, mut spec: Spec, at: usize) -> PyResult<String> {
    match conv {
        's' | 'r' | 'a' => {
            let s = match conv {
                's' => vm.str(arg)?,
                'r' => vm.repr(arg)?,
                _ => super::repr::ascii_escape(&vm.repr(arg)?),
            };
            let s: String = match spec.precision {
                Some(p) => s.chars().take(p).collect(),
                None => s,
            };
            Ok(pad(&spec, "", &s, '>'))
        }
        'd' | 'i' | 'u' => {
            let (neg, digits) = match arg {
                // A machine int needs no big-int conversion.
                Value::Int(i) => (*i < 0, i.unsigned_abs().to_string()),
                _ => {
                    let n = percent_int(vm, arg, conv, true)?;
                    (n.is_negative(), super::intlimit::to_decimal(&n)?.trim_start_matches('-').to_string())
                }
            };
            let digits = match spec.precision {
                Some(p) if p > digits.len() => format!("{}{}", "0".repeat(p - digits.len()), digits),
                _ => digits,
            };
            Ok(pad(&spec, sign_str(neg, &spec), &digits, '>'))
        }
        'x' | 'X' | 'o' => {
            let n = percent_int(vm, arg, conv, false)?;
            let radix = if conv == 'o' { 8 } else { 16 };
            let mut digits = n.magnitude().to_str_radix(radix);
            if conv == 'X' {
                digits = digits.to_uppercase();
            }
            if let Some(p) = spec.precision {
                if p > digits.len() {
                    digits = format!("{}{}", "0".repeat(p - digits.len()), digits);
                }
            }
            let mut prefix = sign_str(n.is_negative(), &spec).to_string();
            if spec.alt {
                prefix.push_str(match conv {
                    'x' => "0x",
                    'X' => "0X",
                    _ => "0o",
                });
            }
            Ok(pad(&spec, &prefix, &digits, '>'))
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            let f = match arg {
                Value::Float(f) => f.get(),
                _ if super::args::is_int(arg) => vm.to_f64(arg)?,
                _ => match vm.call_special(arg, "__float__", vec![])? {
                    Some(Value::Float(f)) => f.get(),
                    _ => return Err(type_error(format!("must be real number, not {}", vtname(arg)))),
                },
            };
            spec.ty = Some(conv);
            if spec.precision.is_none() {
                spec.precision = Some(6);
            }
            format_float_spec(f, &spec)
        }
        'c' => {
            let c = if let Some(s) = arg.as_str() {
                let mut it = s.chars();
                match (it.next(), it.next()) {
                    (Some(c), None) => c,
                    _ => return Err(type_error("%c requires int or char")),
                }
            } else if let Some(n) = super::args::small_int(arg) {
                u32::try_from(n).ok().and_then(char::from_u32).ok_or_else(|| PyErr::new("OverflowError", "%c arg not in range(0x110000)"))?
            } else {
                return Err(type_error("%c requires int or char"));
            };
            Ok(pad(&spec, "", &c.to_string(), '>'))
        }
        _ => Err(value_error(format!("unsupported format character '{conv}' (0x{:x}) at index {at}", conv as u32))),
    }
}

fn percent_int(vm: &mut Vm, arg: &Value, conv: char, allow_float: bool) -> PyResult<BigInt> {
    if let Some(b) = super::args::int_value(arg) {
        return Ok(b);
    }
    if let Value::Float(f) = arg {
        if allow_float {
            return super::numfuncs::float_to_bigint(f.get());
        }
        return Err(type_error(format!("%{conv} format: an integer is required, not float")));
    }
    if vm.call_special(arg, "__index__", vec![])?.is_some() || (allow_float && vm.call_special(arg, "__int__", vec![])?.is_some()) {
        return vm.to_bigint(arg);
    }
    if allow_float {
        Err(type_error(format!("%{conv} format: a real number is required, not {}", vtname(arg))))
    } else {
        Err(type_error(format!("%{conv} format: an integer is required, not {}", vtname(arg))))
    }
}

/// Exact integer value of a big-int-or-zero helper used by callers.
pub fn is_zero(b: &BigInt) -> bool {
    b.is_zero()
}
