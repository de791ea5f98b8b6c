//! Command-line behaviour: exit codes, tracebacks, syntax errors, `-c`,
//! `-m`, `--version`, `dis`, `compile`, and every bytecode-cache rule.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn weft() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_weft"));
    c.env("WEFT_WORKERS", "1");
    c
}

fn run(args: &[&str], dir: &Path) -> Output {
    weft().args(args).current_dir(dir).output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}
fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn tempdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("weft-cli-{}-{}", name, std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn version_and_help() {
    let d = tempdir("version");
    let o = run(&["--version"], &d);
    assert!(o.status.success());
    assert!(stdout(&o).starts_with("weft "));
    let o = run(&["--help"], &d);
    assert!(o.status.success());
    assert!(stdout(&o).contains("usage: weft"));
}

#[test]
fn bad_option_and_missing_file_exit_2() {
    let d = tempdir("badopt");
    let o = run(&["--no-such-option"], &d);
    assert_eq!(o.status.code(), Some(2));
    let o = run(&["missing.py"], &d);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("can't open file"), "{}", stderr(&o));
    assert!(stderr(&o).contains("No such file or directory"));
    assert_eq!(stderr(&o).lines().count(), 1);
}

#[test]
fn dash_c_and_argv() {
    let d = tempdir("dashc");
    let o = run(&["-c", "import sys; print(sys.argv)", "a", "b"], &d);
    assert_eq!(stdout(&o), "['-c', 'a', 'b']\n");
    std::fs::write(d.join("prog.py"), "import sys\nprint(sys.argv[1:], __name__)\n").unwrap();
    let o = run(&["prog.py", "x", "--flag"], &d);
    assert_eq!(stdout(&o), "['x', '--flag'] __main__\n");
}

#[test]
fn dash_reads_the_program_from_stdin() {
    use std::io::Write;
    let d = tempdir("stdin");
    let mut child = weft()
        .args(["-", "x"])
        .current_dir(&d)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"import sys\nprint(sys.argv)\n").unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(stdout(&o), "['-', 'x']\n");
}

#[test]
fn stdin_is_iterable_like_cpython() {
    use std::io::Write;
    let d = tempdir("stdin_iter");
    std::fs::write(
        d.join("prog.py"),
        "import sys\nname = input('? ')\nprint('hi', name)\nfor line in sys.stdin:\n    print('line:', line.rstrip())\nprint(sys.stdin.readlines(), repr(sys.stdin.read()))\n",
    )
    .unwrap();
    let mut child = weft()
        .arg("prog.py")
        .current_dir(&d)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"Bob\na\nb\n").unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(stdout(&o), "? hi Bob\nline: a\nline: b\n[] ''\n");
}

#[test]
fn dash_m_runs_module_as_main() {
    let d = tempdir("dashm");
    std::fs::write(d.join("tool.py"), "print('tool', __name__)\n").unwrap();
    let o = run(&["-m", "tool"], &d);
    assert_eq!(stdout(&o), "tool __main__\n", "{}", stderr(&o));
}

#[test]
fn uncaught_exception_prints_traceback_exit_1() {
    let d = tempdir("tb");
    std::fs::write(d.join("t.py"), "def f():\n    return 1 / 0\n\ndef g():\n    f()\n\ng()\n").unwrap();
    let o = run(&["t.py"], &d);
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    let t = d.join("t.py");
    let t = t.display();
    let expected = format!("Traceback (most recent call last):\n  File \"{t}\", line 7, in <module>\n    g()\n  File \"{t}\", line 5, in g\n    f()\n  File \"{t}\", line 2, in f\n    return 1 / 0\nZeroDivisionError: division by zero\n");
    assert_eq!(e, expected);
}

#[test]
fn chained_exceptions_are_printed_like_cpython() {
    let d = tempdir("chain");
    std::fs::write(
        d.join("c.py"),
        "try:\n    raise KeyError('a')\nexcept KeyError as e:\n    raise ValueError('b') from e\n",
    )
    .unwrap();
    let o = run(&["c.py"], &d);
    let e = stderr(&o);
    assert!(e.contains("KeyError: 'a'"), "{e}");
    assert!(e.contains("The above exception was the direct cause of the following exception:"), "{e}");
    assert!(e.trim_end().ends_with("ValueError: b"), "{e}");
}

#[test]
fn system_exit_codes() {
    let d = tempdir("exit");
    for (src, code, err) in [
        ("import sys\nsys.exit(4)\n", 4, ""),
        ("raise SystemExit\n", 0, ""),
        ("import sys\nsys.exit('bye')\n", 1, "bye\n"),
        ("raise SystemExit(0)\n", 0, ""),
    ] {
        std::fs::write(d.join("e.py"), src).unwrap();
        let o = run(&["e.py"], &d);
        assert_eq!(o.status.code(), Some(code), "{src}");
        assert_eq!(stderr(&o), err, "{src}");
    }
}

#[test]
fn syntax_error_like_cpython() {
    let d = tempdir("syntax");
    std::fs::write(d.join("s.py"), "x = 1\nif x ==:\n    pass\n").unwrap();
    let o = run(&["s.py"], &d);
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert!(e.starts_with(&format!("  File \"{}\", line 2\n    if x ==:\n", d.join("s.py").display())), "{e}");
    assert!(e.contains("SyntaxError: "), "{e}");
}

#[test]
fn syntax_error_in_imported_module() {
    let d = tempdir("syntax-import");
    std::fs::write(d.join("bad.py"), "def f(:\n").unwrap();
    std::fs::write(d.join("main.py"), "import bad\n").unwrap();
    let o = run(&["main.py"], &d);
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert!(e.contains("bad.py\", line 1"), "{e}");
    assert!(e.contains("SyntaxError"), "{e}");
}

#[test]
fn dis_prints_bytecode() {
    let d = tempdir("dis");
    std::fs::write(d.join("f.py"), "def add(a, b):\n    return a + b\nprint(add(1, 2))\n").unwrap();
    let o = run(&["dis", "f.py"], &d);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("add"), "{out}");
    assert!(out.to_uppercase().contains("RETURN"), "{out}");
    assert!(out.contains("BinaryOp") || out.to_uppercase().contains("BINARY"), "{out}");
}

fn cache_file(dir: &Path, stem: &str) -> PathBuf {
    dir.join("__pycache__").join(format!("{stem}.weft-{}.pyc", env!("CARGO_PKG_VERSION")))
}

#[test]
fn compile_command_fills_pycache() {
    let d = tempdir("compile");
    std::fs::create_dir_all(d.join("pkg")).unwrap();
    std::fs::write(d.join("a.py"), "x = 1\n").unwrap();
    std::fs::write(d.join("pkg/b.py"), "y = 2\n").unwrap();
    let o = run(&["compile", "a.py", "pkg"], &d);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(cache_file(&d, "a").is_file());
    assert!(cache_file(&d.join("pkg"), "b").is_file());
}

#[test]
fn import_uses_and_refreshes_the_cache() {
    let d = tempdir("cache");
    std::fs::write(d.join("mod.py"), "VALUE = 'first'\n").unwrap();
    std::fs::write(d.join("main.py"), "import mod\nprint(mod.VALUE)\n").unwrap();
    let o = run(&["main.py"], &d);
    assert_eq!(stdout(&o), "first\n", "{}", stderr(&o));
    let pyc = cache_file(&d, "mod");
    assert!(pyc.is_file(), "cache not written");
    // Unchanged source: the cache is reused (same bytes, same mtime).
    let before = std::fs::metadata(&pyc).unwrap().modified().unwrap();
    let o = run(&["main.py"], &d);
    assert_eq!(stdout(&o), "first\n");
    assert_eq!(std::fs::metadata(&pyc).unwrap().modified().unwrap(), before);
    // Edited source (different size): new behaviour.
    std::fs::write(d.join("mod.py"), "VALUE = 'second!'\n").unwrap();
    let o = run(&["main.py"], &d);
    assert_eq!(stdout(&o), "second!\n");
    // A cache with another magic is replaced.
    let mut bytes = std::fs::read(&pyc).unwrap();
    bytes[0] ^= 0xff;
    std::fs::write(&pyc, &bytes).unwrap();
    let o = run(&["main.py"], &d);
    assert_eq!(stdout(&o), "second!\n");
    assert_ne!(std::fs::read(&pyc).unwrap()[0], bytes[0], "wrong-magic cache was not rewritten");
    // A truncated / corrupt cache is ignored and rewritten.
    std::fs::write(&pyc, &bytes[..bytes.len().min(30)]).unwrap();
    let o = run(&["main.py"], &d);
    assert_eq!(stdout(&o), "second!\n", "{}", stderr(&o));
    std::fs::write(&pyc, b"garbage").unwrap();
    let o = run(&["main.py"], &d);
    assert_eq!(stdout(&o), "second!\n");
    assert!(std::fs::read(&pyc).unwrap().len() > 30);
}

#[test]
fn unwritable_directory_means_no_cache_and_no_error() {
    let d = tempdir("readonly");
    std::fs::write(d.join("mod.py"), "V = 5\n").unwrap();
    std::fs::write(d.join("main.py"), "import mod\nprint(mod.V)\n").unwrap();
    // A file where __pycache__ should be makes the cache unwritable even as root.
    std::fs::write(d.join("__pycache__"), "not a directory").unwrap();
    let o = run(&["main.py"], &d);
    assert_eq!(stdout(&o), "5\n", "{}", stderr(&o));
    assert!(o.status.success());
}

#[test]
fn circular_imports_behave_like_cpython() {
    let d = tempdir("circular");
    std::fs::write(d.join("a.py"), "import b\nA = 'a'\ndef get(): return b.B\n").unwrap();
    std::fs::write(d.join("b.py"), "import a\nB = 'b'\ndef get(): return a.A\n").unwrap();
    std::fs::write(d.join("main.py"), "import a, b\nprint(a.get(), b.get())\n").unwrap();
    let o = run(&["main.py"], &d);
    assert_eq!(stdout(&o), "b a\n", "{}", stderr(&o));
    std::fs::write(d.join("c.py"), "from d import D\nC = 1\n").unwrap();
    std::fs::write(d.join("d.py"), "from c import C\nD = 1\n").unwrap();
    std::fs::write(d.join("main2.py"), "import c\n").unwrap();
    let o = run(&["main2.py"], &d);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("ImportError: cannot import name 'C' from partially initialized module 'c'") || stderr(&o).contains("cannot import name 'C' from 'c'"), "{}", stderr(&o));
}

#[test]
fn weftpath_extends_sys_path() {
    let d = tempdir("weftpath");
    let lib = d.join("lib");
    std::fs::create_dir_all(&lib).unwrap();
    std::fs::write(lib.join("extra.py"), "X = 'extra'\n").unwrap();
    std::fs::write(d.join("main.py"), "import extra\nprint(extra.X)\n").unwrap();
    let o = weft().arg("main.py").current_dir(&d).env("WEFTPATH", &lib).output().unwrap();
    assert_eq!(stdout(&o), "extra\n", "{}", stderr(&o));
}
