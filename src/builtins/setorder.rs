//! CPython-compatible set iteration order.
//!
//! weft's tables keep insertion order, but CPython iterates a set in hash
//! table slot order, which programs printing sets of ints observe. This
//! replays the insertion sequence through CPython 3.11's set table
//! (`setobject.c`: linear probing of 9 slots, perturbation shift 5, growth
//! to `used*4` once `fill*5 >= mask*3`) and returns the keys in slot
//! order. It is exact for sets built by insertions only; after removals or
//! bulk copies CPython's table history may differ.

use crate::object::DictData;
use crate::value::Value;

const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;
const MINSIZE: usize = 8;

fn insert_clean(table: &mut [Option<u32>], mask: usize, hash: u64, idx: u32) {
    let mut perturb = hash;
    let mut i = (hash as usize) & mask;
    loop {
        if table[i].is_none() {
            table[i] = Some(idx);
            return;
        }
        if i + LINEAR_PROBES <= mask {
            for j in 1..=LINEAR_PROBES {
                if table[i + j].is_none() {
                    table[i + j] = Some(idx);
                    return;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize) & mask;
    }
}

/// The keys of a set table in CPython's iteration order.
pub fn cpython_order(d: &DictData) -> Vec<Value> {
    let entries: Vec<(u64, &Value)> = d.iter().map(|e| (e.hash, &e.key)).collect();
    if entries.len() <= 1 || entries.len() > u32::MAX as usize {
        return entries.into_iter().map(|(_, k)| k.clone()).collect();
    }
    let mut table: Vec<Option<u32>> = vec![None; MINSIZE];
    let mut mask = MINSIZE - 1;
    for (used, (h, _)) in entries.iter().enumerate() {
        insert_clean(&mut table, mask, *h, used as u32);
        let used = used + 1;
        if used * 5 >= mask * 3 {
            let minused = if used > 50000 { used * 2 } else { used * 4 };
            let mut size = MINSIZE;
            while size <= minused {
                size <<= 1;
            }
            let old = std::mem::replace(&mut table, vec![None; size]);
            mask = size - 1;
            for idx in old.into_iter().flatten() {
                insert_clean(&mut table, mask, entries[idx as usize].0, idx);
            }
        }
    }
    table.into_iter().flatten().map(|i| entries[i as usize].1.clone()).collect()
}
