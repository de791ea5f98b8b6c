//! Bad input never panics weft: every test script is run truncated at many
//! points and with bytes mutated (deterministic pseudo-random edits); each
//! run must end with exit 0, 1 or 2 — a Python exception or a clean error
//! message — never a panic, an abort or a signal.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn weft() -> &'static str {
    env!("CARGO_BIN_EXE_weft")
}

/// xorshift64*: reproducible mutations without a dependency.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545F4914F6CDD1D)
    }
}

fn variants(src: &[u8], rng: &mut Rng) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for k in 1..8 {
        out.push(src[..src.len() * k / 8].to_vec());
    }
    let tokens: &[&[u8]] = &[b"(", b")", b":", b"[", b"]", b"{", b"}", b"yield ", b"-", b"0", b"\"", b"\n", b"    ", b"lambda", b"*", b"."];
    for _ in 0..10 {
        let mut v = src.to_vec();
        for _ in 0..3 {
            if v.is_empty() {
                break;
            }
            let at = (rng.next() as usize) % v.len();
            match rng.next() % 3 {
                0 => {
                    v.remove(at);
                }
                1 => {
                    let t = tokens[(rng.next() as usize) % tokens.len()];
                    v.splice(at..at, t.iter().copied());
                }
                _ => v[at] = tokens[(rng.next() as usize) % tokens.len()][0],
            }
        }
        out.push(v);
    }
    out
}

fn run_one(dir: &Path, source: &[u8]) -> Result<(), String> {
    let file = dir.join("mutant.py");
    std::fs::write(&file, source).unwrap();
    let mut child = Command::new(weft())
        .arg(&file)
        .current_dir(dir)
        .env("WEFT_WORKERS", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let mut err = String::new();
            use std::io::Read;
            child.stderr.take().unwrap().read_to_string(&mut err).ok();
            let code = status.code();
            // 130: an uncaught KeyboardInterrupt, as CPython exits; any
            // other status a mutant's sys.exit(n) asked for (n & 255) is
            // fine too. A crash is a signal (no code) or Rust's panic 101.
            let asked = matches!(code, Some(c) if c != 101);
            if err.contains("panicked") || err.contains("internal error") || !asked {
                return Err(format!("exit {:?}: {}", code, err.lines().rev().take(3).collect::<Vec<_>>().join(" | ")));
            }
            return Ok(());
        }
        if start.elapsed() > Duration::from_secs(10) {
            // A mutated loop may legitimately run forever (e.g. `while 1`).
            let _ = child.kill();
            let _ = child.wait();
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[test]
fn truncated_and_mutated_scripts_never_panic() {
    let src_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/py");
    let work = std::env::temp_dir().join(format!("weft-fuzz-{}", std::process::id()));
    std::fs::create_dir_all(&work).unwrap();
    let mut rng = Rng(0x9E3779B97F4A7C15);
    let mut failures = Vec::new();
    let mut runs = 0;
    let mut scripts: Vec<_> = std::fs::read_dir(&src_dir).unwrap().filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "py")).collect();
    scripts.sort();
    for script in scripts {
        let src = std::fs::read(&script).unwrap();
        for v in variants(&src, &mut rng) {
            runs += 1;
            if let Err(e) = run_one(&work, &v) {
                let keep = work.join(format!("failure-{}.py", failures.len()));
                std::fs::write(&keep, &v).unwrap();
                failures.push(format!("{} (saved as {}): {}", script.display(), keep.display(), e));
            }
        }
    }
    println!("{} variants run, {} failures", runs, failures.len());
    assert!(failures.is_empty(), "weft panicked or crashed:\n{}", failures.join("\n"));
}
