//! `_mt`: the Mersenne Twister (MT19937) core of `random.py`, as CPython's
//! `_randommodule.c` implements it, so seeded sequences match CPython's.
//!
//! `new()` returns a generator object (its state behind a lock: a `Random`
//! may be shared by tasklets on several workers; each call is one atomic
//! step of the sequence). `init_by_array(g, key)` seeds it from 32-bit
//! words; `uint32(g)`, `random(g)` (53-bit float in [0, 1)) and
//! `getrandbits(g, k)` draw from it; `getstate(g)` / `setstate(g, words,
//! index)` expose the 624 state words and the position.

use crate::builtins::args::*;
use crate::object::types::{new_type, types};
use crate::object::{Args, Layout, NativeFn, NativeObject, ObjRef, Payload};
use crate::pvm::exc::{type_error, value_error};
use crate::pvm::{PyResult, Vm};
use crate::value::Value;
use num_bigint::{BigInt, BigUint, Sign};
use parking_lot::Mutex;
use std::any::Any;
use std::sync::OnceLock;

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// MT19937's state: `N` words and the index of the next one to temper
/// (`N` means "regenerate first"; `N + 1` means "never seeded").
struct Mt {
    words: [u32; N],
    index: usize,
}

impl Mt {
    fn init_genrand(&mut self, seed: u32) {
        self.words[0] = seed;
        for i in 1..N {
            let prev = self.words[i - 1];
            self.words[i] = 1_812_433_253u32.wrapping_mul(prev ^ (prev >> 30)).wrapping_add(i as u32);
        }
        self.index = N;
    }

    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let mt = &mut self.words;
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(key.len()) {
            let prev = mt[i - 1];
            mt[i] = (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525)).wrapping_add(key[j]).wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = mt[i - 1];
            mt[i] = (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x8000_0000;
        self.index = N;
    }

    fn generate(&mut self) {
        let mt = &mut self.words;
        let twist = |a: u32, b: u32, far: u32| {
            let y = (a & UPPER_MASK) | (b & LOWER_MASK);
            far ^ (y >> 1) ^ if y & 1 != 0 { MATRIX_A } else { 0 }
        };
        for k in 0..N - M {
            mt[k] = twist(mt[k], mt[k + 1], mt[k + M]);
        }
        for k in N - M..N - 1 {
            mt[k] = twist(mt[k], mt[k + 1], mt[k + M - N]);
        }
        mt[N - 1] = twist(mt[N - 1], mt[0], mt[M - 1]);
        self.index = 0;
    }

    fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            self.generate();
        }
        let mut y = self.words[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// `random()`: 53 random bits as a float in [0, 1).
    fn next_f64(&mut self) -> f64 {
        let a = self.next_u32() >> 5;
        let b = self.next_u32() >> 6;
        (a as f64 * 67_108_864.0 + b as f64) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `getrandbits(k)`, k > 0: 32-bit words from the least significant,
    /// the last one shifted down to the bits still wanted (as CPython).
    fn bits(&mut self, mut k: u64) -> Value {
        if k <= 32 {
            return Value::Int(i64::from(self.next_u32() >> (32 - k)));
        }
        let mut words = Vec::with_capacity(k.div_ceil(32) as usize);
        while k > 0 {
            let r = self.next_u32();
            words.push(if k < 32 { r >> (32 - k) } else { r });
            k = k.saturating_sub(32);
        }
        Value::bigint(BigInt::from_biguint(Sign::Plus, BigUint::from_slice(&words)))
    }
}

struct Generator {
    mt: Mutex<Mt>,
}

fn generator_type() -> &'static ObjRef {
    static T: OnceLock<ObjRef> = OnceLock::new();
    T.get_or_init(|| new_type("_mt.Generator", Some(types().object.clone()), Layout::Other, false))
}

impl NativeObject for Generator {
    fn type_obj(&self) -> &ObjRef {
        generator_type()
    }
    fn trace(&self, _f: &mut dyn FnMut(&Value)) {}
    fn as_any(&self) -> &dyn Any {
        self
    }
}

pub fn make(_vm: &mut Vm) -> PyResult<Value> {
    let fns: &[(&'static str, &'static str, NativeFn)] = &[
        ("new", "_mt.new", new),
        ("init_by_array", "_mt.init_by_array", init_by_array),
        ("uint32", "_mt.uint32", uint32),
        ("random", "_mt.random", random),
        ("getrandbits", "_mt.getrandbits", getrandbits),
        ("getstate", "_mt.getstate", getstate),
        ("setstate", "_mt.setstate", setstate),
    ];
    Ok(super::module_with("_mt", fns))
}

fn generator(v: &Value) -> PyResult<&Generator> {
    match v.payload() {
        Some(Payload::Native(n)) => n.as_any().downcast_ref::<Generator>().ok_or_else(|| type_error("expected an _mt generator")),
        _ => Err(type_error("expected an _mt generator")),
    }
}

/// A 32-bit word argument (any int, reduced mod 2**32 as the seeding does).
fn word(v: &Value) -> PyResult<u32> {
    let n = int_value(v).ok_or_else(|| type_error("expected an int"))?;
    let (_, digits) = (n & BigInt::from(u32::MAX)).to_u32_digits();
    Ok(digits.first().copied().unwrap_or(0))
}

fn new(_vm: &mut Vm, a: Args) -> PyResult {
    check_args("new", &a, 0, 0)?;
    let mt = Mt { words: [0; N], index: N + 1 };
    Ok(Value::obj(Payload::Native(Box::new(Generator { mt: Mutex::new(mt) }))))
}

fn init_by_array(vm: &mut Vm, a: Args) -> PyResult {
    check_args("init_by_array", &a, 2, 2)?;
    let g = generator(&a.pos[0])?;
    let key = vm.collect(&a.pos[1])?.iter().map(word).collect::<PyResult<Vec<u32>>>()?;
    let key = if key.is_empty() { vec![0] } else { key };
    g.mt.lock().init_by_array(&key);
    Ok(Value::None)
}

fn uint32(_vm: &mut Vm, a: Args) -> PyResult {
    check_args("uint32", &a, 1, 1)?;
    Ok(Value::Int(i64::from(generator(&a.pos[0])?.mt.lock().next_u32())))
}

fn random(_vm: &mut Vm, a: Args) -> PyResult {
    check_args("random", &a, 1, 1)?;
    Ok(Value::float(generator(&a.pos[0])?.mt.lock().next_f64()))
}

/// `getrandbits(g, k)` for an int `k >= 0` (the caller checked its type).
fn getrandbits(_vm: &mut Vm, a: Args) -> PyResult {
    check_args("getrandbits", &a, 2, 2)?;
    let g = generator(&a.pos[0])?;
    let k = small_int(&a.pos[1]).ok_or_else(|| value_error("number of bits too large"))?;
    if k < 0 {
        return Err(value_error("number of bits must be non-negative"));
    }
    if k == 0 {
        return Ok(Value::Int(0));
    }
    Ok(g.mt.lock().bits(k as u64))
}

/// `(word0, ..., word623, index)`.
fn getstate(_vm: &mut Vm, a: Args) -> PyResult {
    check_args("getstate", &a, 1, 1)?;
    let mt = generator(&a.pos[0])?.mt.lock();
    let mut out: Vec<Value> = mt.words.iter().map(|w| Value::Int(i64::from(*w))).collect();
    out.push(Value::Int(mt.index as i64));
    Ok(Value::tuple(out))
}

/// `setstate(g, words, index)`: 624 words (reduced mod 2**32) and 0 <= index <= 624.
fn setstate(vm: &mut Vm, a: Args) -> PyResult {
    check_args("setstate", &a, 3, 3)?;
    let g = generator(&a.pos[0])?;
    let words = vm.collect(&a.pos[1])?;
    if words.len() != N {
        return Err(value_error("state vector is the wrong size"));
    }
    let index = small_int(&a.pos[2]).filter(|i| (0..=N as i64).contains(i)).ok_or_else(|| value_error("invalid state"))?;
    let mut mt = g.mt.lock();
    for (slot, w) in mt.words.iter_mut().zip(words.iter()) {
        *slot = word(w)?;
    }
    mt.index = index as usize;
    Ok(Value::None)
}
