//! The native JSON decoder: parses a whole document into dicts, lists,
//! strs, ints, floats, bools and None exactly as json.py's default
//! `JSONDecoder` (default hooks) would. Every error — and every input whose
//! handling json.py does in a quirky way, such as a `\u` escape that is not
//! four hex digits — yields `None` ("bail"), and json.py re-parses with its
//! Python scanner to raise the exact `JSONDecodeError`.
//!
//! The parser is iterative (an explicit stack of open containers), so its
//! native stack use does not grow with nesting; nesting beyond `limit`
//! bails, letting the Python scanner raise RecursionError where it would.
//! The values it builds are fresh and unshared until returned.

use crate::object::pystr::{str_hash, Name};
use crate::object::{DictData, Payload};
use crate::value::Value;
use hashbrown::HashTable;
use parking_lot::Mutex;

/// Deepest nesting parsed natively.
pub const MAX_DEPTH: usize = 100_000;

pub struct Decoder<'a> {
    src: &'a str,
    s: &'a [u8],
    pub pos: usize,
    strict: bool,
    limit: usize,
    /// Object keys seen so far, with their `str` hashes: equal keys share
    /// one `str` object, like CPython's scanner memo.
    memo: HashTable<Key>,
}

/// An object key: a `str` value and its hash (`str_hash`).
#[derive(Clone)]
struct Key {
    hash: u64,
    value: Value,
}

impl Default for Key {
    fn default() -> Key {
        Key { hash: 0, value: Value::Null }
    }
}

enum Open {
    List(Vec<Value>),
    Dict(DictData, Key),
}

impl<'a> Decoder<'a> {
    pub fn new(src: &'a str, strict: bool, limit: usize) -> Decoder<'a> {
        Decoder { src, s: src.as_bytes(), pos: 0, strict, limit, memo: HashTable::new() }
    }

    #[inline]
    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.s.get(self.pos) {
            self.pos += 1;
        }
    }

    #[inline]
    fn peek(&self) -> Option<u8> {
        self.s.get(self.pos).copied()
    }

    /// The whole document: one value with optional surrounding whitespace.
    pub fn document(&mut self) -> Option<Value> {
        let v = self.value()?;
        self.skip_ws();
        if self.pos != self.s.len() {
            return None;
        }
        Some(v)
    }

    /// One value (leading whitespace allowed), containers included.
    pub fn value(&mut self) -> Option<Value> {
        let mut stack: Vec<Open> = Vec::new();
        'next_value: loop {
            self.skip_ws();
            let mut v = match self.peek()? {
                b'[' => {
                    self.pos += 1;
                    self.skip_ws();
                    if self.peek() == Some(b']') {
                        self.pos += 1;
                        Value::list(Vec::new())
                    } else {
                        if stack.len() >= self.limit {
                            return None;
                        }
                        stack.push(Open::List(Vec::new()));
                        continue 'next_value;
                    }
                }
                b'{' => {
                    self.pos += 1;
                    self.skip_ws();
                    if self.peek() == Some(b'}') {
                        self.pos += 1;
                        Value::obj(Payload::Dict(Mutex::new(DictData::default())))
                    } else {
                        if stack.len() >= self.limit {
                            return None;
                        }
                        let key = self.key()?;
                        stack.push(Open::Dict(DictData::default(), key));
                        continue 'next_value;
                    }
                }
                _ => self.scalar()?,
            };
            // `v` is complete: add it to the innermost open container, and
            // close every container that ends after it.
            loop {
                match stack.last_mut() {
                    None => return Some(v),
                    Some(Open::List(items)) => {
                        items.push(v);
                        self.skip_ws();
                        match self.peek()? {
                            b',' => {
                                self.pos += 1;
                                continue 'next_value;
                            }
                            b']' => {
                                self.pos += 1;
                                let Some(Open::List(items)) = stack.pop() else { return None };
                                v = Value::list(items);
                            }
                            _ => return None,
                        }
                    }
                    Some(Open::Dict(d, key)) => {
                        let key = std::mem::take(key);
                        let name = Name { text: key.value.as_str().unwrap_or(""), hash: key.hash, value: Some(&key.value) };
                        d.set_name(&name, v);
                        self.skip_ws();
                        match self.peek()? {
                            b',' => {
                                self.pos += 1;
                                self.skip_ws();
                                let k = self.key()?;
                                if let Some(Open::Dict(_, key)) = stack.last_mut() {
                                    *key = k;
                                }
                                continue 'next_value;
                            }
                            b'}' => {
                                self.pos += 1;
                                let Some(Open::Dict(d, _)) = stack.pop() else { return None };
                                v = Value::obj(Payload::Dict(Mutex::new(d)));
                            }
                            _ => return None,
                        }
                    }
                }
            }
        }
    }

    /// `"key" :` (at the opening quote), leaving `pos` after the colon.
    fn key(&mut self) -> Option<Key> {
        if self.peek()? != b'"' {
            return None;
        }
        self.pos += 1;
        let k = self.key_string()?;
        self.skip_ws();
        if self.peek()? != b':' {
            return None;
        }
        self.pos += 1;
        Some(k)
    }

    fn scalar(&mut self) -> Option<Value> {
        let rest = &self.s[self.pos..];
        let lit = |word: &[u8]| rest.starts_with(word);
        let (v, n) = match rest.first()? {
            b'"' => {
                self.pos += 1;
                return self.string_value();
            }
            b'n' if lit(b"null") => (Value::None, 4),
            b't' if lit(b"true") => (Value::bool(true), 4),
            b'f' if lit(b"false") => (Value::bool(false), 5),
            b'N' if lit(b"NaN") => (Value::float(f64::NAN), 3),
            b'I' if lit(b"Infinity") => (Value::float(f64::INFINITY), 8),
            b'-' if lit(b"-Infinity") => (Value::float(f64::NEG_INFINITY), 9),
            b'-' | b'0'..=b'9' => return self.number(),
            _ => return None,
        };
        self.pos += n;
        Some(v)
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?`, as json.py's
    /// `match_number` takes it (a `.` or `e` not followed by digits is left
    /// for the caller, which then fails on it).
    fn number(&mut self) -> Option<Value> {
        let s = self.s;
        let start = self.pos;
        let mut i = start;
        if s.get(i) == Some(&b'-') {
            i += 1;
        }
        let digits = |mut j: usize| {
            while s.get(j).is_some_and(u8::is_ascii_digit) {
                j += 1;
            }
            j
        };
        match s.get(i) {
            Some(b'0') => i += 1,
            Some(b'1'..=b'9') => i = digits(i),
            _ => return None,
        }
        let int_end = i;
        let mut is_float = false;
        if s.get(i) == Some(&b'.') && s.get(i + 1).is_some_and(u8::is_ascii_digit) {
            i = digits(i + 1);
            is_float = true;
        }
        if let Some(b'e' | b'E') = s.get(i) {
            let mut j = i + 1;
            if let Some(b'+' | b'-') = s.get(j) {
                j += 1;
            }
            if s.get(j).is_some_and(u8::is_ascii_digit) {
                i = digits(j);
                is_float = true;
            }
        }
        self.pos = i;
        let text = &self.src[start..i];
        if is_float {
            return text.parse::<f64>().ok().map(Value::float);
        }
        if int_end - start <= 18 {
            return text.parse::<i64>().ok().map(Value::Int);
        }
        num_bigint::BigInt::parse_bytes(text.as_bytes(), 10).map(Value::bigint)
    }

    /// A key string (after its opening quote), through the memo.
    fn key_string(&mut self) -> Option<Key> {
        let start = self.pos;
        let end = self.plain_end(start);
        if *self.s.get(end)? == b'"' {
            self.pos = end + 1;
            let src = self.src;
            return Some(self.memo_key(&src[start..end], None));
        }
        let mut buf = String::with_capacity(end - start + 16);
        buf.push_str(&self.src[start..end]);
        self.pos = end;
        self.string_rest(&mut buf)?;
        let text = buf.clone();
        Some(self.memo_key(&text, Some(buf)))
    }

    /// The end of the run of plain string bytes from `i`.
    #[inline]
    fn plain_end(&self, mut i: usize) -> usize {
        while let Some(&c) = self.s.get(i) {
            if c == b'"' || c == b'\\' || c < 0x20 {
                break;
            }
            i += 1;
        }
        i
    }

    /// The string whose opening quote is just before `pos`; leaves `pos`
    /// after the closing quote.
    pub fn string_value(&mut self) -> Option<Value> {
        let start = self.pos;
        let end = self.plain_end(start);
        if *self.s.get(end)? == b'"' {
            self.pos = end + 1;
            let src = self.src;
            return Some(Value::str(&src[start..end]));
        }
        let mut buf = String::with_capacity(end - start + 16);
        buf.push_str(&self.src[start..end]);
        self.pos = end;
        self.string_rest(&mut buf)?;
        Some(Value::string(buf))
    }

    /// The memo's key for `text` (`owned` is `text` as a String, if at hand).
    fn memo_key(&mut self, text: &str, owned: Option<String>) -> Key {
        let hash = str_hash(text);
        if let Some(k) = self.memo.find(hash, |k| k.value.as_str() == Some(text)) {
            return k.clone();
        }
        let value = match owned {
            Some(o) => Value::string(o),
            None => Value::str(text),
        };
        let key = Key { hash, value };
        self.memo.insert_unique(hash, key.clone(), |k| k.hash);
        key
    }

    /// Continues a string at `pos` (an escape or control character) into
    /// `buf`, through the closing quote.
    fn string_rest(&mut self, buf: &mut String) -> Option<()> {
        let s = self.s;
        loop {
            let start = self.pos;
            let mut i = start;
            while let Some(&c) = s.get(i) {
                if c == b'"' || c == b'\\' || c < 0x20 {
                    break;
                }
                i += 1;
            }
            buf.push_str(&self.src[start..i]);
            let c = *s.get(i)?;
            self.pos = i + 1;
            match c {
                b'"' => return Some(()),
                b'\\' => {}
                _ if self.strict => return None,
                _ => {
                    buf.push(c as char);
                    continue;
                }
            }
            let esc = *s.get(self.pos)?;
            self.pos += 1;
            let ch = match esc {
                b'"' => '"',
                b'\\' => '\\',
                b'/' => '/',
                b'b' => '\u{8}',
                b'f' => '\u{c}',
                b'n' => '\n',
                b'r' => '\r',
                b't' => '\t',
                b'u' => self.unicode_escape()?,
                _ => return None,
            };
            buf.push(ch);
        }
    }

    /// The code point of `\uXXXX` (after the `u`), joining a surrogate
    /// pair; a lone surrogate becomes U+FFFD (weft strings cannot hold one).
    fn unicode_escape(&mut self) -> Option<char> {
        let mut u = hex4(self.s.get(self.pos..self.pos + 4)?)?;
        self.pos += 4;
        if (0xd800..=0xdbff).contains(&u) && self.s.get(self.pos..self.pos + 2) == Some(b"\\u") {
            let u2 = hex4(self.s.get(self.pos + 2..self.pos + 6)?)?;
            if (0xdc00..=0xdfff).contains(&u2) {
                u = 0x10000 + (((u - 0xd800) << 10) | (u2 - 0xdc00));
                self.pos += 6;
            }
        }
        Some(char::from_u32(u).unwrap_or('\u{fffd}'))
    }
}

/// Four hex digits, strictly (anything else bails to json.py).
fn hex4(b: &[u8]) -> Option<u32> {
    let mut n = 0;
    for &c in b {
        let d = (c as char).to_digit(16)?;
        n = n * 16 + d;
    }
    Some(n)
}
