//! The bytecode cache: `__pycache__/NAME.weft-VERSION.pyc` beside the
//! source. Header: `MAGIC` (8 bytes), source mtime (u64 seconds + u32
//! nanoseconds) and source size (u64), all little-endian; then the
//! serialized code object. A cache is used only when all three match;
//! otherwise the source is compiled and the cache rewritten atomically
//! (temporary file in the same directory + rename). Every I/O failure on
//! the cache side silently means "no cache".

use super::{compile_module, CompileError};
use crate::bytecode::opcodes::OP_COUNT;
use crate::bytecode::serialize::{deserialize, serialize};
use crate::bytecode::CodeObject;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::UNIX_EPOCH;

/// Bump on any change to the bytecode format or the compiler's output
/// conventions (opcode semantics, serialization layout).
pub const FORMAT_VERSION: u32 = 1;

/// b"WF" + (FORMAT_VERSION << 8 | OP_COUNT) as u16 + a fingerprint of the
/// compiler's sources (build.rs): adding an opcode, changing the format or
/// changing the compiler at all invalidates old caches.
pub const MAGIC: [u8; 8] = {
    let v = ((FORMAT_VERSION << 8) | (OP_COUNT as u32 & 0xff)) as u16;
    let b = v.to_le_bytes();
    let f = parse_hex(env!("WEFT_COMPILER_HASH")).to_le_bytes();
    [b'W', b'F', b[0], b[1], f[0], f[1], f[2], f[3]]
};

const fn parse_hex(s: &str) -> u32 {
    let b = s.as_bytes();
    let mut v = 0u32;
    let mut i = 0;
    while i < b.len() {
        let d = match b[i] {
            c @ b'0'..=b'9' => c - b'0',
            c @ b'a'..=b'f' => c - b'a' + 10,
            _ => 0,
        };
        v = (v << 4) | d as u32;
        i += 1;
    }
    v
}

const HEADER_LEN: usize = 8 + 8 + 4 + 8;

/// Where the cache for `source` lives.
pub fn cache_path(source: &Path) -> Option<PathBuf> {
    let dir = source.parent().unwrap_or(Path::new(""));
    let stem = source.file_stem()?.to_str()?;
    let name = format!("{stem}.weft-{}.pyc", env!("CARGO_PKG_VERSION"));
    Some(dir.join("__pycache__").join(name))
}

fn header(mtime: (u64, u32), size: u64) -> [u8; HEADER_LEN] {
    let mut h = [0u8; HEADER_LEN];
    h[..8].copy_from_slice(&MAGIC);
    h[8..16].copy_from_slice(&mtime.0.to_le_bytes());
    h[16..20].copy_from_slice(&mtime.1.to_le_bytes());
    h[20..28].copy_from_slice(&size.to_le_bytes());
    h
}

fn source_mtime(path: &Path) -> Option<(u64, u32)> {
    let t = fs::metadata(path).ok()?.modified().ok()?;
    let d = t.duration_since(UNIX_EPOCH).ok()?;
    Some((d.as_secs(), d.subsec_nanos()))
}

/// Loads the cached code for `path` if it is valid, else compiles `source`
/// (already read from `path`) and rewrites the cache.
pub fn load_or_compile(path: &Path, source: &str) -> Result<Arc<CodeObject>, CompileError> {
    let filename = path.to_string_lossy().to_string();
    let (Some(mtime), Some(cpath)) = (source_mtime(path), cache_path(path)) else {
        return compile_module(source, &filename);
    };
    let want = header(mtime, source.len() as u64);
    if let Some(code) = read_cache(&cpath, &want, &filename) {
        return Ok(code);
    }
    let code = compile_module(source, &filename)?;
    write_cache(&cpath, &want, &code);
    Ok(code)
}

fn read_cache(cpath: &Path, want: &[u8; HEADER_LEN], filename: &str) -> Option<Arc<CodeObject>> {
    let bytes = fs::read(cpath).ok()?;
    if bytes.len() < HEADER_LEN || bytes[..HEADER_LEN] != want[..] {
        return None;
    }
    let code = deserialize(&bytes[HEADER_LEN..]).ok()?;
    // A cache written under another path spelling would report the wrong
    // file in tracebacks; recompile instead.
    (&*code.filename == filename).then_some(code)
}

static TMP_COUNTER: AtomicU64 = AtomicU64::new(0);

fn write_cache(cpath: &Path, header: &[u8; HEADER_LEN], code: &CodeObject) {
    let Some(dir) = cpath.parent() else { return };
    if fs::create_dir_all(dir).is_err() {
        return;
    }
    let mut data = header.to_vec();
    data.extend_from_slice(&serialize(code));
    let n = TMP_COUNTER.fetch_add(1, Ordering::Relaxed);
    let tmp = cpath.with_extension(format!("pyc.tmp{}.{n}", std::process::id()));
    if fs::write(&tmp, &data).is_err() {
        let _ = fs::remove_file(&tmp);
        return;
    }
    if fs::rename(&tmp, cpath).is_err() {
        let _ = fs::remove_file(&tmp);
    }
}

/// `weft compile PATH`: compiles a file, or every `.py` file under a
/// directory (recursively, skipping `__pycache__` and hidden entries),
/// refreshing their caches. Returns the number of files compiled, or every
/// error found (I/O errors are reported with kind "OSError").
pub fn compile_path(path: &Path) -> Result<usize, Vec<CompileError>> {
    let mut errors = Vec::new();
    let mut count = 0;
    compile_rec(path, true, &mut count, &mut errors);
    if errors.is_empty() {
        Ok(count)
    } else {
        Err(errors)
    }
}

fn os_error(path: &Path, e: std::io::Error) -> CompileError {
    CompileError {
        kind: "OSError".into(),
        message: e.to_string(),
        filename: path.to_string_lossy().to_string(),
        line: 0,
        column: 0,
        source_line: String::new(),
    }
}

fn compile_rec(path: &Path, explicit: bool, count: &mut usize, errors: &mut Vec<CompileError>) {
    if path.is_dir() {
        let entries = match fs::read_dir(path) {
            Ok(e) => e,
            Err(e) => return errors.push(os_error(path, e)),
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for p in paths {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if name.starts_with('.') || name == "__pycache__" {
                continue;
            }
            if p.is_dir() || name.ends_with(".py") {
                compile_rec(&p, false, count, errors);
            }
        }
        return;
    }
    if !explicit && path.extension().and_then(|e| e.to_str()) != Some("py") {
        return;
    }
    match fs::read_to_string(path) {
        Ok(src) => match load_or_compile(path, &src) {
            Ok(_) => *count += 1,
            Err(e) => errors.push(e),
        },
        Err(e) => errors.push(os_error(path, e)),
    }
}
