//! Build script: fingerprints the compiler and bytecode sources so that the
//! `.pyc` cache magic changes whenever the compiler's output may change
//! (not only on version bumps), and stale caches are never reused.

use std::path::Path;

fn hash_dir(dir: &Path, h: &mut u64) {
    let mut entries: Vec<_> = match std::fs::read_dir(dir) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(_) => return,
    };
    entries.sort();
    for p in entries {
        if p.is_dir() {
            hash_dir(&p, h);
        } else if p.extension().is_some_and(|e| e == "rs") {
            for b in std::fs::read(&p).unwrap_or_default() {
                *h ^= b as u64;
                *h = h.wrapping_mul(0x100000001b3);
            }
        }
    }
}

fn main() {
    let mut h: u64 = 0xcbf29ce484222325;
    for d in ["src/compiler", "src/bytecode"] {
        println!("cargo:rerun-if-changed={d}");
        hash_dir(Path::new(d), &mut h);
    }
    println!("cargo:rustc-env=WEFT_COMPILER_HASH={:08x}", (h ^ (h >> 32)) as u32);
}
