//! The abstract object protocol: truthiness, repr/str/format, hashing,
//! equality and rich comparison, binary/unary operators, containment,
//! subscripts, `len`, and dict/set access with Python key equality. Each
//! has a native fast path for built-in values and falls back to the
//! type's special method.

use super::exc::{index_error, key_error, type_error, PyErr};
use super::numeric;
use super::{PyResult, Vm};
use crate::bytecode::{BinOp, CmpOp, Op};
use crate::object::types::{lookup_in_type, native_hash, type_data, type_of};
use crate::object::{DictData, Lookup, Payload};
use crate::value::Value;
use parking_lot::Mutex;
use std::sync::Arc;

pub fn type_name(v: &Value) -> String {
    type_data(type_of(v)).name.lock().to_string()
}

pub fn ascii_of(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c)
        } else if (c as u32) < 0x100 {
            out.push_str(&format!("\\x{:02x}", c as u32))
        } else if (c as u32) < 0x10000 {
            out.push_str(&format!("\\u{:04x}", c as u32))
        } else {
            out.push_str(&format!("\\U{:08x}", c as u32))
        }
    }
    out
}

/// Is `v` a dict (or dict subclass instance) whose type gets method
/// `name` from `dict` itself (not overridden anywhere in its MRO)?
pub fn has_own_dict_method(v: &Value, name: &str) -> bool {
    if !matches!(v.payload(), Some(Payload::Dict(_))) {
        return false;
    }
    match (lookup_in_type(type_of(v), name), lookup_in_type(&crate::object::types::types().dict, name)) {
        (Some(a), Some(b)) => a.is(&b),
        _ => false,
    }
}

/// The length of an exact built-in container, str or range (a subclass
/// may define `__len__`, so it gets `None`).
pub fn builtin_len(v: &Value) -> Option<usize> {
    let o = v.as_obj().filter(|o| o.class.is_none())?;
    Some(match &o.payload {
        Payload::Str(s) => s.char_len(),
        Payload::List(l) => l.lock().len(),
        Payload::Tuple(t) => t.len(),
        Payload::Dict(d) | Payload::Set(d) => d.lock().len(),
        Payload::FrozenSet(d) => d.len(),
        Payload::Bytes(b) => b.len(),
        Payload::ByteArray(b) => b.lock().len(),
        Payload::Range { start, stop, step } => range_len(*start, *stop, *step),
        Payload::DictView { dict, .. } => match &dict.payload {
            Payload::Dict(d) => d.lock().len(),
            _ => return None,
        },
        _ => return None,
    })
}

fn is_user(v: &Value) -> bool {
    matches!(v, Value::Obj(o) if o.class.is_some())
}

impl Vm {
    #[inline]
    pub fn truthy_fast(&mut self, v: &Value) -> PyResult<bool> {
        match v {
            Value::Bool(b) => Ok(b.get()),
            Value::None | Value::Null => Ok(false),
            Value::Int(i) => Ok(*i != 0),
            Value::Float(f) => Ok(f.get() != 0.0),
            _ => self.truthy(v),
        }
    }

    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        let o = match v {
            Value::Obj(o) => o,
            _ => return self.truthy_fast(v),
        };
        if o.class.is_none() {
            match &o.payload {
                Payload::Str(s) => return Ok(s.char_len() > 0),
                Payload::List(l) => return Ok(!l.lock().is_empty()),
                Payload::Tuple(t) => return Ok(!t.is_empty()),
                Payload::Dict(d) | Payload::Set(d) => return Ok(!d.lock().is_empty()),
                Payload::FrozenSet(d) => return Ok(!d.is_empty()),
                Payload::BigInt(_) => return Ok(true),
                Payload::Bytes(b) => return Ok(!b.is_empty()),
                Payload::ByteArray(b) => return Ok(!b.lock().is_empty()),
                Payload::Range { .. } => return Ok(self.len(v)? > 0),
                _ => {}
            }
        }
        if let Some(r) = self.call_special(v, "__bool__", vec![])? {
            return match r {
                Value::Bool(b) => Ok(b.get()),
                _ => Err(type_error(format!("__bool__ should return bool, returned {}", type_name(&r)))),
            };
        }
        if lookup_in_type(type_of(v), "__len__").is_some() {
            return Ok(self.len(v)? > 0);
        }
        Ok(true)
    }

    pub fn repr(&mut self, v: &Value) -> PyResult<String> {
        if let Value::Int(i) = v {
            return Ok(i.to_string());
        }
        if !is_user(v) || lookup_in_type(type_of(v), "__repr__").map_or(true, |m| is_object_slot(&m)) {
            if let Some(s) = crate::builtins::repr::repr_builtin(self, v)? {
                return Ok(s);
            }
        }
        match self.call_special(v, "__repr__", vec![])? {
            Some(r) => match r.as_str() {
                Some(s) => Ok(s.to_string()),
                None => Err(type_error(format!("__repr__ returned non-string (type {})", type_name(&r)))),
            },
            None => Ok(format!("<{} object>", type_name(v))),
        }
    }

    pub fn str(&mut self, v: &Value) -> PyResult<String> {
        match v {
            Value::Int(i) => return Ok(i.to_string()),
            Value::Obj(o) if o.class.is_none() => {
                if let Payload::Str(s) = &o.payload {
                    return Ok(s.as_str().to_string());
                }
            }
            _ => {}
        }
        let user_str = is_user(v) && lookup_in_type(type_of(v), "__str__").map_or(false, |m| !is_object_slot(&m));
        if !user_str {
            if let Some(s) = crate::builtins::repr::str_builtin(self, v)? {
                return Ok(s);
            }
            return self.repr(v);
        }
        match self.call_special(v, "__str__", vec![])? {
            Some(r) => match r.as_str() {
                Some(s) => Ok(s.to_string()),
                None => Err(type_error(format!("__str__ returned non-string (type {})", type_name(&r)))),
            },
            None => self.repr(v),
        }
    }

    pub fn format(&mut self, v: &Value, spec: &str) -> PyResult<String> {
        if is_user(v) {
            if let Some(m) = lookup_in_type(type_of(v), "__format__") {
                if !is_object_slot(&m) && !matches!(m.payload(), Some(Payload::NativeFunc(_))) {
                    let r = self.call_special(v, "__format__", vec![Value::str(spec)])?.unwrap_or(Value::None);
                    return r.as_str().map(|s| s.to_string()).ok_or_else(|| type_error("__format__ must return a str"));
                }
            }
        }
        if let Some(s) = crate::builtins::format::format_builtin(self, v, spec)? {
            return Ok(s);
        }
        if spec.is_empty() {
            return self.str(v);
        }
        Err(type_error(format!("unsupported format string passed to {}.__format__", type_name(v))))
    }

    pub fn hash(&mut self, v: &Value) -> PyResult<i64> {
        match native_hash(v) {
            Ok(Some(h)) => return Ok(h),
            Err(()) => return Err(type_error(format!("unhashable type: '{}'", type_name(v)))),
            Ok(None) => {}
        }
        let t = type_of(v).clone();
        match lookup_in_type(&t, "__hash__") {
            Some(Value::None) => Err(type_error(format!("unhashable type: '{}'", type_name(v)))),
            Some(m) if !is_object_slot(&m) && !matches!(m.payload(), Some(Payload::NativeFunc(_))) => {
                let r = self.call_special(v, "__hash__", vec![])?.unwrap_or(Value::None);
                match r {
                    Value::Int(i) => Ok(if i == -1 { -2 } else { i }),
                    Value::Bool(b) => Ok(b.get() as i64),
                    Value::Obj(ref o) if matches!(o.payload, Payload::BigInt(_)) => {
                        if let Payload::BigInt(b) = &o.payload {
                            Ok(crate::object::types::hash_bigint(b))
                        } else {
                            unreachable!()
                        }
                    }
                    _ => Err(type_error("__hash__ method should return an integer")),
                }
            }
            Some(m) if matches!(m.payload(), Some(Payload::NativeFunc(_))) && !is_object_slot(&m) => {
                // A built-in base's hash (e.g. a str subclass).
                let r = self.call(&m, crate::object::Args::new(vec![v.clone()]))?;
                self.to_index(&r)
            }
            _ => Ok((v.id() >> 4) as i64),
        }
    }

    /// `a == b` as a bool (identity implies equality, as in containers).
    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if a.is(b) {
            return Ok(true);
        }
        if let Some(r) = crate::object::types::native_eq(a, b) {
            return Ok(r);
        }
        let r = self.compare(a, b, CmpOp::Eq)?;
        self.truthy(&r)
    }

    pub fn lt(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if let Some(r) = numeric::compare_fast(a, b, CmpOp::Lt as u32) {
            return Ok(r);
        }
        let r = self.compare(a, b, CmpOp::Lt)?;
        self.truthy(&r)
    }

    /// Rich comparison with reflection and the `==`/`!=` identity fallback.
    pub fn compare(&mut self, a: &Value, b: &Value, op: CmpOp) -> PyResult {
        // Machine ints and floats without the big-int conversion.
        if let Some(r) = numeric::compare_fast(a, b, op as u32) {
            return Ok(Value::bool(r));
        }
        if let Some(r) = numeric::compare_numeric(a, b, op) {
            return Ok(Value::bool(r));
        }
        if let (Some(x), Some(y)) = (a.as_str(), b.as_str()) {
            if !is_user(a) && !is_user(b) {
                let o = x.cmp(y);
                return Ok(Value::bool(match op {
                    CmpOp::Lt => o.is_lt(),
                    CmpOp::Le => o.is_le(),
                    CmpOp::Eq => o.is_eq(),
                    CmpOp::Ne => o.is_ne(),
                    CmpOp::Gt => o.is_gt(),
                    CmpOp::Ge => o.is_ge(),
                }));
            }
        }
        // `__eq__` of containers compares their items through here, so a
        // self-containing or very deep structure recurses on the native
        // stack: bounded like nested calls, as CPython's recursion limit does.
        if self.native_depth >= super::MAX_NATIVE_DEPTH {
            return Err(PyErr::new("RecursionError", "maximum recursion depth exceeded in comparison"));
        }
        self.native_depth += 1;
        let r = match (a.payload(), b.payload()) {
            // Exact tuples (immutable: their items are borrowed, not copied)
            // compare item by item without a `__lt__` method call.
            (Some(Payload::Tuple(x)), Some(Payload::Tuple(y))) if !is_user(a) && !is_user(b) => {
                crate::builtins::types::seq::seq_compare(self, x, y, op)
            }
            _ => self.compare_by_dunders(a, b, op),
        };
        self.native_depth -= 1;
        r
    }

    /// `compare`'s general case: `__op__`, the reflected `__rop__`, then the
    /// identity fallback of `==`/`!=`.
    fn compare_by_dunders(&mut self, a: &Value, b: &Value, op: CmpOp) -> PyResult {
        let (name, rname) = op.dunders();
        let ta = type_of(a).clone();
        let tb = type_of(b).clone();
        let reflected_first = !Arc::ptr_eq(&ta, &tb) && crate::object::types::is_subtype(&tb, &ta);
        if reflected_first {
            if let Some(r) = self.try_special(b, rname, a)? {
                return Ok(r);
            }
        }
        if let Some(r) = self.try_special(a, name, b)? {
            return Ok(r);
        }
        if !reflected_first {
            if let Some(r) = self.try_special(b, rname, a)? {
                return Ok(r);
            }
        }
        match op {
            CmpOp::Eq => Ok(Value::bool(a.is(b))),
            CmpOp::Ne => Ok(Value::bool(!a.is(b))),
            _ => Err(type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                type_name(a),
                type_name(b)
            ))),
        }
    }

    /// Calls `a.name(b)` via the type; `None` if absent or NotImplemented.
    fn try_special(&mut self, a: &Value, name: &str, b: &Value) -> PyResult<Option<Value>> {
        match self.call_special(a, name, vec![b.clone()])? {
            Some(r) if matches!(r.payload(), Some(Payload::NotImplemented)) => Ok(None),
            r => Ok(r),
        }
    }

    pub fn binary_op(&mut self, a: &Value, b: &Value, op: BinOp, inplace: bool) -> PyResult {
        if let Some(r) = numeric::binop_numeric(a, b, op) {
            return r;
        }
        if let Some(r) = self.binop_builtin_fast(a, b, op)? {
            return Ok(r);
        }
        let (name, rname, iname) = op.dunders();
        if inplace {
            if let Some(r) = self.try_special(a, iname, b)? {
                return Ok(r);
            }
        }
        let ta = type_of(a).clone();
        let tb = type_of(b).clone();
        let same = Arc::ptr_eq(&ta, &tb);
        let reflected_first = !same && crate::object::types::is_subtype(&tb, &ta);
        if reflected_first {
            if let Some(r) = self.try_special(b, rname, a)? {
                return Ok(r);
            }
        }
        if let Some(r) = self.try_special(a, name, b)? {
            return Ok(r);
        }
        if !same && !reflected_first {
            if let Some(r) = self.try_special(b, rname, a)? {
                return Ok(r);
            }
        }
        let sym = if inplace { format!("{}=", op.symbol()) } else { op.symbol().to_string() };
        if op == BinOp::Mul {
            let is_seq = |v: &Value| matches!(v.payload(), Some(Payload::Str(_) | Payload::List(_) | Payload::Tuple(_) | Payload::Bytes(_) | Payload::ByteArray(_)));
            if is_seq(a) || is_seq(b) {
                let other = if is_seq(a) { b } else { a };
                return Err(type_error(format!("can't multiply sequence by non-int of type '{}'", type_name(other))));
            }
        }
        if op == BinOp::Add && a.as_str().is_some() && !is_user(a) {
            return Err(type_error(format!("can only concatenate str (not \"{}\") to str", type_name(b))));
        }
        if op == BinOp::Add && matches!(a.payload(), Some(Payload::List(_))) && !is_user(a) {
            return Err(type_error(format!("can only concatenate list (not \"{}\") to list", type_name(b))));
        }
        Err(numeric::unsupported(&sym, &type_name(a), &type_name(b)))
    }

    /// str+str, list+list, tuple+tuple, seq*n and str%args without a
    /// method lookup.
    fn binop_builtin_fast(&mut self, a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
        if is_user(a) || is_user(b) {
            return Ok(None);
        }
        if op == BinOp::Mul {
            // `[x] * n` / `(x,) * n` with a small non-negative count (larger
            // or negative counts take the general path and its errors).
            let (seq, n) = match (a, b) {
                (_, Value::Int(n)) => (a, *n),
                (Value::Int(n), _) => (b, *n),
                _ => return Ok(None),
            };
            if !(0..=1 << 16).contains(&n) {
                return Ok(None);
            }
            let n = n as usize;
            return Ok(match seq.payload() {
                Some(Payload::List(x)) => {
                    let x = x.lock();
                    let mut v = Vec::with_capacity(x.len() * n);
                    for _ in 0..n {
                        v.extend(x.iter().cloned());
                    }
                    Some(Value::list(v))
                }
                Some(Payload::Tuple(x)) => {
                    let mut v = Vec::with_capacity(x.len() * n);
                    for _ in 0..n {
                        v.extend(x.iter().cloned());
                    }
                    Some(Value::tuple(v))
                }
                _ => None,
            });
        }
        if op == BinOp::Mod {
            // `"fmt" % args` on an exact str (args of a user class may
            // define `__rmod__`, and were sent to the general path above).
            return match a.payload() {
                Some(Payload::Str(fmt)) => Ok(Some(Value::string(crate::builtins::format::percent_format(self, fmt.as_str(), b)?))),
                _ => Ok(None),
            };
        }
        if op != BinOp::Add {
            return Ok(None);
        }
        Ok(match (a.payload(), b.payload()) {
            (Some(Payload::Str(x)), Some(Payload::Str(y))) => {
                let mut s = String::with_capacity(x.as_str().len() + y.as_str().len());
                s.push_str(x.as_str());
                s.push_str(y.as_str());
                Some(Value::string(s))
            }
            (Some(Payload::List(x)), Some(Payload::List(y))) => {
                let mut v = x.lock().clone();
                v.extend(y.lock().iter().cloned());
                Some(Value::list(v))
            }
            (Some(Payload::Tuple(x)), Some(Payload::Tuple(y))) => {
                let mut v = x.to_vec();
                v.extend(y.iter().cloned());
                Some(Value::tuple(v))
            }
            _ => None,
        })
    }

    pub fn unary_op(&mut self, a: &Value, op: Op) -> PyResult {
        let (name, sym) = match op {
            Op::UnaryNegative => ("__neg__", "-"),
            Op::UnaryPositive => ("__pos__", "+"),
            _ => ("__invert__", "~"),
        };
        // A subclass of int/float may override the operator.
        if is_user(a) {
            if let Some(r) = self.call_special(a, name, vec![])? {
                return Ok(r);
            }
        }
        if let Some(r) = numeric::unary_numeric(a, op) {
            return Ok(r);
        }
        match self.call_special(a, name, vec![])? {
            Some(r) => Ok(r),
            None => Err(type_error(format!("bad operand type for unary {sym}: '{}'", type_name(a)))),
        }
    }

    pub fn len(&mut self, v: &Value) -> PyResult<usize> {
        if let Some(n) = builtin_len(v) {
            return Ok(n);
        }
        match self.call_special(v, "__len__", vec![])? {
            Some(r) => {
                let n = self.to_index(&r)?;
                if n < 0 {
                    return Err(PyErr::new("ValueError", "__len__() should return >= 0"));
                }
                Ok(n as usize)
            }
            None => Err(type_error(format!("object of type '{}' has no len()", type_name(v)))),
        }
    }

    pub fn contains(&mut self, c: &Value, item: &Value) -> PyResult<bool> {
        if let Value::Obj(o) = c {
            if o.class.is_none() {
                match &o.payload {
                    Payload::Str(s) => {
                        return match item.as_str() {
                            Some(i) => Ok(s.as_str().contains(i)),
                            None => Err(type_error(format!(
                                "'in <string>' requires string as left operand, not {}",
                                type_name(item)
                            ))),
                        }
                    }
                    Payload::Dict(_) => return Ok(self.dict_get(c, item)?.is_some()),
                    Payload::Set(_) | Payload::FrozenSet(_) => return self.set_contains(c, item),
                    Payload::List(_) | Payload::Tuple(_) => return self.seq_contains(c, item),
                    _ => {}
                }
            }
        }
        if let Some(r) = self.call_special(c, "__contains__", vec![item.clone()])? {
            return self.truthy(&r);
        }
        let it = self.iter(c)?;
        while let Some(x) = self.next(&it)? {
            if self.eq(&x, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// Element-wise search that never holds the list lock during `__eq__`.
    fn seq_contains(&mut self, c: &Value, item: &Value) -> PyResult<bool> {
        let mut i = 0;
        loop {
            let x = match c.payload() {
                Some(Payload::List(l)) => l.lock().get(i).cloned(),
                Some(Payload::Tuple(t)) => t.get(i).cloned(),
                _ => None,
            };
            let Some(x) = x else { return Ok(false) };
            if self.eq(&x, item)? {
                return Ok(true);
            }
            i += 1;
        }
    }

    pub fn getitem(&mut self, c: &Value, k: &Value) -> PyResult {
        if let Value::Obj(o) = c {
            if o.class.is_none() {
                match (&o.payload, k) {
                    (Payload::List(l), Value::Int(i)) => {
                        let l = l.lock();
                        return seq_index(l.len(), *i).map(|i| l[i].clone()).ok_or_else(|| index_error("list index out of range"));
                    }
                    (Payload::Tuple(t), Value::Int(i)) => {
                        return seq_index(t.len(), *i).map(|i| t[i].clone()).ok_or_else(|| index_error("tuple index out of range"));
                    }
                    (Payload::Dict(_), _) => {
                        return match self.dict_get(c, k)? {
                            Some(v) => Ok(v),
                            None => Err(key_error(k.clone())),
                        }
                    }
                    _ => {}
                }
            } else if has_own_dict_method(c, "__getitem__") {
                // A dict subclass (defaultdict, Counter...) with dict's own
                // `__getitem__`: what `dict.__getitem__` does, without the call.
                if let Some(v) = self.dict_get(c, k)? {
                    return Ok(v);
                }
                if let Some(r) = self.call_special(c, "__missing__", vec![k.clone()])? {
                    return Ok(r);
                }
                return Err(key_error(k.clone()));
            }
        }
        if let Some(r) = self.call_special(c, "__getitem__", vec![k.clone()])? {
            return Ok(r);
        }
        if let Some(Payload::Type(_)) = c.payload() {
            if let Some(cg) = lookup_in_type(c.as_obj().unwrap(), "__class_getitem__") {
                let f = match cg.payload() {
                    Some(Payload::ClassMethod(f)) => f.clone(),
                    _ => cg,
                };
                return self.call2(&f, c.clone(), k.clone());
            }
            let t = crate::object::types::types();
            let co = c.as_obj().unwrap();
            let generic = [&t.list, &t.dict, &t.tuple, &t.set, &t.frozenset, &t.type_].iter().any(|g| std::sync::Arc::ptr_eq(g, co));
            if generic {
                // `list[int]` is a types.GenericAlias, as in CPython.
                let m = self.import_absolute("types")?;
                let ga = self.getattr(&m, "GenericAlias")?;
                return self.call(&ga, crate::object::Args::new(vec![c.clone(), k.clone()]));
            }
            return Ok(c.clone());
        }
        Err(type_error(format!("'{}' object is not subscriptable", type_name(c))))
    }

    pub fn setitem(&mut self, c: &Value, k: Value, v: Value) -> PyResult<()> {
        if let Value::Obj(o) = c {
            if o.class.is_none() {
                match (&o.payload, &k) {
                    (Payload::List(l), Value::Int(i)) => {
                        let mut l = l.lock();
                        let n = l.len();
                        return match seq_index(n, *i) {
                            Some(i) => {
                                l[i] = v;
                                Ok(())
                            }
                            None => Err(index_error("list assignment index out of range")),
                        };
                    }
                    (Payload::Dict(_), _) => return self.dict_set(c, k, v),
                    _ => {}
                }
            } else if has_own_dict_method(c, "__setitem__") {
                return self.dict_set(c, k, v);
            }
        }
        match self.call_special(c, "__setitem__", vec![k, v])? {
            Some(_) => Ok(()),
            None => Err(type_error(format!("'{}' object does not support item assignment", type_name(c)))),
        }
    }

    pub fn delitem(&mut self, c: &Value, k: &Value) -> PyResult<()> {
        if let Value::Obj(o) = c {
            if o.class.is_none() {
                if let Payload::Dict(_) = &o.payload {
                    return match self.dict_del(c, k)? {
                        Some(_) => Ok(()),
                        None => Err(key_error(k.clone())),
                    };
                }
            }
        }
        match self.call_special(c, "__delitem__", vec![k.clone()])? {
            Some(_) => Ok(()),
            None => Err(type_error(format!("'{}' object does not support item deletion", type_name(c)))),
        }
    }

    /// Hashes `key` and probes `table` for it, running Python `__eq__`
    /// outside the lock. Returns the entry index if found.
    fn probe(&mut self, table: &Mutex<DictData>, key: &Value, hash: u64) -> PyResult<Option<usize>> {
        let mut skip = Vec::new();
        loop {
            let (idx, stored, version) = {
                let d = table.lock();
                match d.lookup(hash, key, &skip) {
                    Lookup::Found(i) => return Ok(Some(i)),
                    Lookup::NotFound => return Ok(None),
                    Lookup::NeedsEq(i, k) => (i, k, d.version),
                }
            };
            let equal = self.eq(&stored, key)?;
            let d = table.lock();
            if d.version != version {
                skip.clear();
                continue;
            }
            if equal {
                return Ok(Some(idx));
            }
            skip.push(idx);
        }
    }

    pub fn dict_get(&mut self, dict: &Value, key: &Value) -> PyResult<Option<Value>> {
        let hash = self.hash(key)? as u64;
        if let Some(Payload::FrozenSet(d)) = dict.payload() {
            return Ok(match d.lookup(hash, key, &[]) {
                Lookup::Found(i) => Some(d.value_at(i).clone()),
                _ => None,
            });
        }
        let Some(table) = table_of(dict) else {
            return Err(super::exc::internal_error("dict_get on a non-dict"));
        };
        let found = self.probe(table, key, hash)?;
        Ok(found.and_then(|i| table.lock().entry(i).map(|e| e.value.clone())))
    }

    pub fn dict_set(&mut self, dict: &Value, key: Value, value: Value) -> PyResult<()> {
        let hash = self.hash(&key)? as u64;
        let Some(table) = table_of(dict) else {
            return Err(super::exc::internal_error("dict_set on a non-dict"));
        };
        loop {
            let found = self.probe(table, &key, hash)?;
            let mut d = table.lock();
            match found {
                Some(i) if d.entry(i).is_some() => {
                    d.set_value_at(i, value);
                    return Ok(());
                }
                Some(_) => continue,
                None => {
                    // Re-check natively under the lock to avoid a duplicate
                    // insert by a concurrent writer of the same key.
                    if let Lookup::Found(i) = d.lookup(hash, &key, &[]) {
                        d.set_value_at(i, value);
                    } else {
                        d.insert_new(hash, key, value);
                    }
                    return Ok(());
                }
            }
        }
    }

    pub fn dict_del(&mut self, dict: &Value, key: &Value) -> PyResult<Option<Value>> {
        let hash = self.hash(key)? as u64;
        let Some(table) = table_of(dict) else {
            return Err(super::exc::internal_error("dict_del on a non-dict"));
        };
        match self.probe(table, key, hash)? {
            Some(i) => {
                let mut d = table.lock();
                if d.entry(i).is_none() {
                    return Ok(None);
                }
                Ok(Some(d.remove_at(i).1))
            }
            None => Ok(None),
        }
    }

    pub fn set_add(&mut self, set: &Value, v: Value) -> PyResult<()> {
        let hash = self.hash(&v)? as u64;
        let Some(table) = table_of(set) else {
            return Err(super::exc::internal_error("set_add on a non-set"));
        };
        if self.probe(table, &v, hash)?.is_none() {
            // Re-check natively under the lock (a concurrent writer may have
            // added an identical key); an entry whose equality needs Python
            // code was already found unequal by `probe`.
            let mut d = table.lock();
            if !matches!(d.lookup(hash, &v, &[]), Lookup::Found(_)) {
                d.insert_new(hash, v, Value::None);
            }
        }
        Ok(())
    }

    pub fn set_contains(&mut self, set: &Value, v: &Value) -> PyResult<bool> {
        let hash = match self.hash(v) {
            Ok(h) => h as u64,
            Err(e) => return Err(e),
        };
        if let Some(Payload::FrozenSet(d)) = set.payload() {
            return Ok(matches!(d.lookup(hash, v, &[]), Lookup::Found(_)));
        }
        let Some(table) = table_of(set) else {
            return Err(super::exc::internal_error("set_contains on a non-set"));
        };
        Ok(self.probe(table, v, hash)?.is_some())
    }

    pub fn set_discard(&mut self, set: &Value, v: &Value) -> PyResult<bool> {
        Ok(self.dict_del(set, v)?.is_some())
    }

    /// `m[k]` for any mapping, `None` when the key is missing.
    pub fn mapping_get(&mut self, m: &Value, k: &Value) -> PyResult<Option<Value>> {
        if let Some(Payload::Dict(_)) = m.payload() {
            if !is_user(m) {
                return self.dict_get(m, k);
            }
        }
        match self.getitem(m, k) {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.matches("KeyError") => Ok(None),
            Err(e) => Err(e),
        }
    }

    pub fn mapping_items(&mut self, m: &Value) -> PyResult<Vec<(Value, Value)>> {
        if let Some(Payload::Dict(d)) = m.payload() {
            if !is_user(m) || lookup_in_type(type_of(m), "keys").map_or(true, |k| matches!(k.payload(), Some(Payload::NativeFunc(_)))) {
                return Ok(d.lock().items());
            }
        }
        let keys = self.call_method(m, "keys", vec![])?;
        let mut out = Vec::new();
        for k in self.collect(&keys)? {
            let v = self.getitem(m, &k)?;
            out.push((k, v));
        }
        Ok(out)
    }

    pub fn dict_update(&mut self, target: &Value, src: &Value) -> PyResult<()> {
        for (k, v) in self.mapping_items(src)? {
            self.setitem(target, k, v)?;
        }
        Ok(())
    }

    /// `f(**m)`: keyword arguments from a mapping (keys must be str).
    pub fn kwargs_from_mapping(&mut self, m: &Value) -> PyResult<Vec<(Arc<str>, Value)>> {
        if !self.is_mapping(m) {
            return Err(type_error(format!("argument after ** must be a mapping, not {}", type_name(m))));
        }
        let mut out = Vec::new();
        for (k, v) in self.mapping_items(m)? {
            match k.as_str() {
                Some(s) => out.push((Arc::from(s), v)),
                None => return Err(type_error("keywords must be strings")),
            }
        }
        Ok(out)
    }

    pub fn to_index(&mut self, v: &Value) -> PyResult<i64> {
        match v {
            Value::Int(i) => Ok(*i),
            Value::Bool(b) => Ok(b.get() as i64),
            Value::Obj(o) if matches!(o.payload, Payload::BigInt(_)) => {
                Err(PyErr::new("OverflowError", "Python int too large to convert to C ssize_t"))
            }
            _ => match self.call_special(v, "__index__", vec![])? {
                Some(r @ Value::Int(_)) | Some(r @ Value::Bool(_)) => self.to_index(&r),
                _ => Err(type_error(format!("'{}' object cannot be interpreted as an integer", type_name(v)))),
            },
        }
    }

    pub fn to_bigint(&mut self, v: &Value) -> PyResult<num_bigint::BigInt> {
        match v {
            Value::Int(i) => Ok((*i).into()),
            Value::Bool(b) => Ok((b.get() as i64).into()),
            Value::Obj(o) if matches!(o.payload, Payload::BigInt(_)) => match &o.payload {
                Payload::BigInt(b) => Ok(b.clone()),
                _ => unreachable!(),
            },
            _ => match self.call_special(v, "__index__", vec![])? {
                Some(r) if numeric::is_number(&r) && !matches!(r, Value::Float(_)) => self.to_bigint(&r),
                _ => Err(type_error(format!("'{}' object cannot be interpreted as an integer", type_name(v)))),
            },
        }
    }

    pub fn to_f64(&mut self, v: &Value) -> PyResult<f64> {
        match numeric::as_num(v) {
            Some(numeric::Num::Float(f)) => Ok(f),
            Some(numeric::Num::Int(i)) => numeric::big_to_f64(&i),
            None => match self.call_special(v, "__float__", vec![])? {
                Some(Value::Float(f)) => Ok(f.get()),
                Some(_) => Err(type_error("__float__ returned non-float")),
                None => match self.call_special(v, "__index__", vec![])? {
                    Some(r) => self.to_f64(&r),
                    None => Err(type_error(format!("must be real number, not {}", type_name(v)))),
                },
            },
        }
    }
}

fn table_of(v: &Value) -> Option<&Mutex<DictData>> {
    match v.payload() {
        Some(Payload::Dict(d)) | Some(Payload::Set(d)) => Some(d),
        _ => None,
    }
}

/// True for `object`'s own slot implementations (not overrides).
pub fn is_object_slot(m: &Value) -> bool {
    matches!(m.payload(), Some(Payload::NativeFunc(n)) if n.name.starts_with("object."))
}

/// `c[k]` for a built-in list or tuple and an in-range int, without any
/// error path (`None`: take the general path, which also raises).
#[inline]
pub fn index_fast(c: &Value, k: &Value) -> Option<Value> {
    let (Value::Obj(o), Value::Int(i)) = (c, k) else { return None };
    if o.class.is_some() {
        return None;
    }
    match &o.payload {
        Payload::List(l) => {
            let l = l.lock();
            seq_index(l.len(), *i).map(|i| l[i].clone())
        }
        Payload::Tuple(t) => seq_index(t.len(), *i).map(|i| t[i].clone()),
        _ => None,
    }
}

/// `c[k] = v` for a built-in list and an in-range int: `Err(v)` hands the
/// value back when the general path must run. The replaced item is dropped
/// after the list's lock is released.
#[inline]
pub fn store_index_fast(c: &Value, k: &Value, v: Value) -> Result<(), Value> {
    let (Value::Obj(o), Value::Int(i)) = (c, k) else { return Err(v) };
    if o.class.is_some() {
        return Err(v);
    }
    let Payload::List(l) = &o.payload else { return Err(v) };
    let old = {
        let mut l = l.lock();
        match seq_index(l.len(), *i) {
            Some(i) => std::mem::replace(&mut l[i], v),
            None => return Err(v),
        }
    };
    drop(old);
    Ok(())
}

/// Python index normalisation: negative counts from the end.
pub fn seq_index(len: usize, i: i64) -> Option<usize> {
    let i = if i < 0 { i + len as i64 } else { i };
    if i >= 0 && (i as usize) < len {
        Some(i as usize)
    } else {
        None
    }
}

pub fn range_len(start: i64, stop: i64, step: i64) -> usize {
    if step > 0 && start < stop {
        ((stop as i128 - start as i128 - 1) / step as i128 + 1) as usize
    } else if step < 0 && start > stop {
        ((start as i128 - stop as i128 - 1) / (-(step as i128)) + 1) as usize
    } else {
        0
    }
}

