//! The native JSON encoder: the text json.py's `_encode` produces for plain
//! data (exact dict/list/tuple, str and int of any class, float, bool,
//! None), byte for byte. `None` from `encode` means "bail": the value holds
//! something else, or encoding it would raise; json.py then runs the Python
//! encoder, which produces the exact result or exception.
//!
//! Containers are read one element per lock acquisition, so no lock is held
//! while a nested container is locked (no lock-order deadlocks, and a list
//! containing itself is not locked twice).

use crate::object::{ObjRef, Payload};
use crate::value::Value;
use std::fmt::Write;

/// Nesting deeper than this bails to the Python encoder (whose frames live
/// on the heap), so the native stack use stays small.
const MAX_DEPTH: usize = 200;

pub struct Options<'a> {
    pub ascii: bool,
    pub allow_nan: bool,
    pub check_circular: bool,
    pub sort_keys: bool,
    pub skipkeys: bool,
    pub indent: Option<&'a str>,
    pub key_sep: &'a str,
    pub item_sep: &'a str,
}

/// Bail marker: fall back to the Python encoder.
type R = Option<()>;

struct Encoder<'a> {
    o: &'a Options<'a>,
    out: String,
    /// Identities of the containers being encoded (check_circular).
    markers: Vec<usize>,
    depth: usize,
}

pub fn encode(v: &Value, o: &Options) -> Option<String> {
    let mut e = Encoder { o, out: String::with_capacity(256), markers: Vec::new(), depth: 0 };
    e.value(v, 0)?;
    Some(e.out)
}

impl Encoder<'_> {
    fn value(&mut self, v: &Value, level: usize) -> R {
        match v {
            Value::None => self.out.push_str("null"),
            Value::Bool(b) => self.out.push_str(if b.get() { "true" } else { "false" }),
            Value::Int(i) => push_int(&mut self.out, *i),
            Value::Float(f) => self.float(f.get())?,
            Value::Obj(o) => self.object(o, level)?,
            Value::Null => return None,
        }
        Some(())
    }

    fn object(&mut self, o: &ObjRef, level: usize) -> R {
        match &o.payload {
            // Any class: json.py encodes str and int subclasses by value.
            Payload::Str(s) => push_quoted(&mut self.out, s.as_str(), self.o.ascii),
            Payload::BigInt(b) => push_bigint(&mut self.out, b, false),
            _ if o.class.is_some() => return None,
            Payload::List(items) => {
                self.enter(o)?;
                let mut i = 0;
                let r = self.array(level, || {
                    let item = items.lock().get(i).cloned();
                    i += 1;
                    item
                });
                self.leave();
                r?
            }
            Payload::Tuple(items) => {
                self.enter(o)?;
                let mut it = items.iter();
                let r = self.array(level, || it.next().cloned());
                self.leave();
                r?
            }
            Payload::Dict(d) => {
                self.enter(o)?;
                let r = self.dict(d, level);
                self.leave();
                r?
            }
            _ => return None,
        }
        Some(())
    }

    /// Starts encoding container `o`: depth and circularity checks.
    fn enter(&mut self, o: &ObjRef) -> R {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return None;
        }
        if self.o.check_circular {
            let id = std::sync::Arc::as_ptr(o) as usize;
            if self.markers.contains(&id) {
                return None;
            }
            self.markers.push(id);
        }
        Some(())
    }

    fn leave(&mut self) {
        self.depth -= 1;
        if self.o.check_circular {
            self.markers.pop();
        }
    }

    fn newline(&mut self, level: usize) {
        if let Some(ind) = self.o.indent {
            self.out.push('\n');
            for _ in 0..level {
                self.out.push_str(ind);
            }
        }
    }

    /// `[...]` of the items `next` yields (`None` ends them).
    fn array(&mut self, level: usize, mut next: impl FnMut() -> Option<Value>) -> R {
        let Some(first) = next() else {
            self.out.push_str("[]");
            return Some(());
        };
        self.out.push('[');
        let inner = level + 1;
        self.newline(inner);
        self.value(&first, inner)?;
        while let Some(v) = next() {
            self.out.push_str(self.o.item_sep);
            self.newline(inner);
            self.value(&v, inner)?;
        }
        self.newline(level);
        self.out.push(']');
        Some(())
    }

    fn dict(&mut self, d: &parking_lot::Mutex<crate::object::DictData>, level: usize) -> R {
        if d.lock().is_empty() {
            self.out.push_str("{}");
            return Some(());
        }
        self.out.push('{');
        let inner = level + 1;
        self.newline(inner);
        let mut first = true;
        if self.o.sort_keys {
            let items = sorted_items(d.lock().items())?;
            for (k, v) in &items {
                self.item(k, v, inner, &mut first)?;
            }
        } else {
            let mut pos = 0;
            loop {
                let (k, v) = {
                    let g = d.lock();
                    match g.next_from(pos) {
                        Some((e, next)) => {
                            pos = next;
                            (e.key.clone(), e.value.clone())
                        }
                        None => break,
                    }
                };
                self.item(&k, &v, inner, &mut first)?;
            }
        }
        self.newline(level);
        self.out.push('}');
        Some(())
    }

    /// One `key: value` member, with the separator before all but the first.
    fn item(&mut self, k: &Value, v: &Value, level: usize, first: &mut bool) -> R {
        let mark = self.out.len();
        if !*first {
            self.out.push_str(self.o.item_sep);
            self.newline(level);
        }
        match k {
            Value::Obj(o) => match &o.payload {
                Payload::Str(s) => push_quoted(&mut self.out, s.as_str(), self.o.ascii),
                Payload::BigInt(b) => push_bigint(&mut self.out, b, true),
                _ if self.o.skipkeys && o.class.is_none() => {
                    self.out.truncate(mark);
                    return Some(());
                }
                _ => return None,
            },
            Value::Int(i) => {
                self.out.push('"');
                push_int(&mut self.out, *i);
                self.out.push('"');
            }
            Value::Float(f) => {
                self.out.push('"');
                self.float(f.get())?;
                self.out.push('"');
            }
            Value::Bool(b) => self.out.push_str(if b.get() { "\"true\"" } else { "\"false\"" }),
            Value::None => self.out.push_str("\"null\""),
            Value::Null => return None,
        }
        *first = false;
        self.out.push_str(self.o.key_sep);
        self.value(v, level)
    }

    fn float(&mut self, f: f64) -> R {
        if f.is_finite() {
            push_float_repr(&mut self.out, f);
        } else if !self.o.allow_nan {
            return None;
        } else if f.is_nan() {
            self.out.push_str("NaN");
        } else if f > 0.0 {
            self.out.push_str("Infinity");
        } else {
            self.out.push_str("-Infinity");
        }
        Some(())
    }
}

/// `sorted(d.items())` when it needs no Python code and cannot fail: all
/// keys str, or all ints/bools, or all non-NaN floats (distinct dict keys
/// never compare equal, so values are never compared).
#[inline(never)]
fn sorted_items(mut items: Vec<(Value, Value)>) -> Option<Vec<(Value, Value)>> {
    if items.len() < 2 {
        return Some(items);
    }
    // A str subclass may define its own `__lt__`.
    if items.iter().all(|(k, _)| k.as_str().is_some() && k.as_obj().is_some_and(|o| o.class.is_none())) {
        items.sort_by(|a, b| a.0.as_str().cmp(&b.0.as_str()));
    } else if items.iter().all(|(k, _)| matches!(k, Value::Int(_) | Value::Bool(_))) {
        let key = |v: &Value| match v {
            Value::Int(i) => *i,
            Value::Bool(b) => b.get() as i64,
            _ => 0,
        };
        items.sort_by_key(|a| key(&a.0));
    } else if items.iter().all(|(k, _)| k.as_float().is_some_and(|f| !f.is_nan())) {
        let key = |v: &Value| v.as_float().unwrap_or(0.0);
        items.sort_by(|a, b| key(&a.0).total_cmp(&key(&b.0)));
    } else {
        return None;
    }
    Some(items)
}

/// Kept out of line (as the other leaf formatters) so the recursive
/// encoder frames stay small.
#[inline(never)]
fn push_bigint(out: &mut String, b: &num_bigint::BigInt, quoted: bool) {
    if quoted {
        let _ = write!(out, "\"{b}\"");
    } else {
        let _ = write!(out, "{b}");
    }
}

#[inline(never)]
pub fn push_int(out: &mut String, i: i64) {
    let mut buf = [0u8; 20];
    let mut n = i.unsigned_abs();
    let mut p = buf.len();
    loop {
        p -= 1;
        buf[p] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if i < 0 {
        out.push('-');
    }
    for &b in &buf[p..] {
        out.push(b as char);
    }
}

/// Appends `repr(f)` of a finite float (CPython's `r` format: shortest
/// round-tripping digits, scientific below 1e-4 and from 1e16).
#[inline(never)]
pub fn push_float_repr(out: &mut String, f: f64) {
    if f == 0.0 {
        out.push_str(if f.is_sign_negative() { "-0.0" } else { "0.0" });
        return;
    }
    let mut buf = ryu::Buffer::new();
    let s = buf.format_finite(f.abs()).as_bytes();
    // Digits without leading/trailing zeros, and the decimal exponent of the
    // first one.
    let mut digits = [0u8; 32];
    let mut nd = 0;
    let mut int_len: i32 = -1;
    let mut lead: i32 = 0;
    let mut e: i32 = 0;
    let mut i = 0;
    let mut seen = 0i32;
    while i < s.len() {
        match s[i] {
            b'.' => int_len = seen,
            b'e' | b'E' => {
                e = std::str::from_utf8(&s[i + 1..]).ok().and_then(|t| t.parse().ok()).unwrap_or(0);
                break;
            }
            d => {
                if nd == 0 && d == b'0' {
                    lead += 1;
                } else if nd < digits.len() {
                    digits[nd] = d;
                    nd += 1;
                }
                seen += 1;
            }
        }
        i += 1;
    }
    if int_len < 0 {
        int_len = seen;
    }
    while nd > 1 && digits[nd - 1] == b'0' {
        nd -= 1;
    }
    let exp = int_len - 1 - lead + e;
    let digits = &digits[..nd];
    fn text(d: &[u8]) -> &str {
        std::str::from_utf8(d).unwrap_or("")
    }
    if f < 0.0 {
        out.push('-');
    }
    if (-4..16).contains(&exp) {
        if exp < 0 {
            out.push_str("0.");
            for _ in 0..(-exp - 1) {
                out.push('0');
            }
            out.push_str(text(digits));
        } else if exp + 1 >= nd as i32 {
            out.push_str(text(digits));
            for _ in 0..(exp + 1 - nd as i32) {
                out.push('0');
            }
            out.push_str(".0");
        } else {
            let split = (exp + 1) as usize;
            out.push_str(text(&digits[..split]));
            out.push('.');
            out.push_str(text(&digits[split..]));
        }
    } else {
        out.push_str(text(&digits[..1]));
        if nd > 1 {
            out.push('.');
            out.push_str(text(&digits[1..]));
        }
        let _ = write!(out, "e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.unsigned_abs());
    }
}

const HEX: &[u8; 16] = b"0123456789abcdef";

fn push_u4(out: &mut String, n: u32) {
    out.push_str("\\u");
    for shift in [12, 8, 4, 0] {
        out.push(HEX[((n >> shift) & 0xf) as usize] as char);
    }
}

/// Appends `s` as a JSON string literal (json.py's `encode_basestring` /
/// `encode_basestring_ascii`).
#[inline(never)]
pub fn push_quoted(out: &mut String, s: &str, ascii: bool) {
    out.reserve(s.len() + 2);
    out.push('"');
    let b = s.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let plain = if ascii { (0x20..0x7f).contains(&c) && c != b'"' && c != b'\\' } else { c >= 0x20 && c != b'"' && c != b'\\' };
        if plain {
            i += 1;
            continue;
        }
        out.push_str(&s[start..i]);
        if c < 0x80 {
            match c {
                b'"' => out.push_str("\\\""),
                b'\\' => out.push_str("\\\\"),
                b'\n' => out.push_str("\\n"),
                b'\r' => out.push_str("\\r"),
                b'\t' => out.push_str("\\t"),
                0x08 => out.push_str("\\b"),
                0x0c => out.push_str("\\f"),
                _ => push_u4(out, c as u32),
            }
            i += 1;
        } else {
            // Only reached in ASCII mode: escape the whole code point.
            let ch = s[i..].chars().next().unwrap_or('\u{fffd}');
            let n = ch as u32;
            if n < 0x10000 {
                push_u4(out, n);
            } else {
                let n = n - 0x10000;
                push_u4(out, 0xd800 | ((n >> 10) & 0x3ff));
                push_u4(out, 0xdc00 | (n & 0x3ff));
            }
            i += ch.len_utf8();
        }
        start = i;
    }
    out.push_str(&s[start..]);
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_repr_matches_builtin() {
        let mut x: u64 = 0x9e3779b97f4a7c15;
        let mut samples = vec![1.5, 0.1, 1e16, 1e15, 123456789012345680.0, 1e-4, 1e-5, 5e-324, f64::MAX, 0.30000000000000004, 100.0, 2.5e-7, 1e22];
        for _ in 0..20000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let f = f64::from_bits(x);
            if f.is_finite() {
                samples.push(f);
            }
            samples.push((x % 100000) as f64 * 1.5 / 7.0);
        }
        for f in samples {
            for g in [f, -f] {
                let mut s = String::new();
                push_float_repr(&mut s, g);
                assert_eq!(s, crate::builtins::repr::float_repr(g), "{g:e}");
            }
        }
    }

    /// The deepest natively encoded value fits in a small stack (native
    /// calls may run on a tasklet's coroutine stack).
    #[test]
    fn max_depth_stack_use() {
        let run = || {
            let mut v = Value::list(vec![Value::Int(1)]);
            for _ in 0..(MAX_DEPTH - 1) / 2 {
                let d = crate::object::DictData::default();
                let d = Value::obj(Payload::Dict(parking_lot::Mutex::new(d)));
                if let Some(Payload::Dict(m)) = d.payload() {
                    m.lock().set_str(Value::str("k"), Value::list(vec![v]));
                }
                v = d;
            }
            let o = Options { ascii: true, allow_nan: true, check_circular: true, sort_keys: true, skipkeys: false, indent: Some("  "), key_sep: ": ", item_sep: "," };
            encode(&v, &o).map(|s| s.len())
        };
        let r = std::thread::Builder::new().stack_size(48 * 1024).spawn(run).unwrap().join().unwrap();
        assert!(r.is_some());
    }

    #[test]
    fn ints() {
        for i in [0, 1, -1, 10, i64::MIN, i64::MAX, 1234567890] {
            let mut s = String::new();
            push_int(&mut s, i);
            assert_eq!(s, i.to_string());
        }
    }
}
