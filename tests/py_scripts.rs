//! Runs every `tests/py/*.py` script with weft and compares stdout and the
//! exit status with the expectations in `NAME.out` / `NAME.exit`, which
//! `tests/regen.sh` generates with CPython. All mismatches are reported
//! together.

use std::path::Path;
use std::process::Command;

fn weft() -> &'static str {
    env!("CARGO_BIN_EXE_weft")
}

#[test]
fn python_scripts_match_cpython() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/py");
    let mut scripts: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    scripts.sort();
    assert!(!scripts.is_empty(), "no test scripts found");
    let mut failures = Vec::new();
    for script in &scripts {
        let expected = std::fs::read_to_string(script.with_extension("out")).unwrap_or_default();
        let expected_exit: i32 = std::fs::read_to_string(script.with_extension("exit"))
            .ok()
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or(0);
        let out = Command::new(weft()).arg(script).current_dir(&dir).env("WEFT_WORKERS", workers_for(script)).output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        let code = out.status.code().unwrap_or(-1);
        if stdout != expected || code != expected_exit {
            failures.push(format!(
                "{}: exit {} (expected {})\n{}\n--- stderr ---\n{}",
                script.file_name().unwrap().to_string_lossy(),
                code,
                expected_exit,
                first_difference(&expected, &stdout),
                stderr.lines().take(12).collect::<Vec<_>>().join("\n")
            ));
        }
    }
    println!("{} passed, {} failed", scripts.len() - failures.len(), failures.len());
    assert!(failures.is_empty(), "{} of {} scripts differ from CPython:\n\n{}", failures.len(), scripts.len(), failures.join("\n\n"));
}

/// Scripts run on one worker (Stackless ordering) unless their first lines
/// say `# weft-workers: N`.
fn workers_for(script: &Path) -> String {
    let text = std::fs::read_to_string(script).unwrap_or_default();
    text.lines()
        .take(3)
        .find_map(|l| l.strip_prefix("# weft-workers:").map(|n| n.trim().to_string()))
        .unwrap_or_else(|| "1".to_string())
}

fn first_difference(expected: &str, actual: &str) -> String {
    let (e, a): (Vec<_>, Vec<_>) = (expected.lines().collect(), actual.lines().collect());
    for i in 0..e.len().max(a.len()) {
        if e.get(i) != a.get(i) {
            return format!(
                "first difference at line {}:\n  expected: {:?}\n  actual:   {:?}",
                i + 1,
                e.get(i).copied().unwrap_or("<end>"),
                a.get(i).copied().unwrap_or("<end>")
            );
        }
    }
    "outputs differ only in trailing newline".to_string()
}
