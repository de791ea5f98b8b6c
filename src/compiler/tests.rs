//! Compiler unit tests: every construct compiles, stack depths are
//! consistent on all paths (and exactly 1 at every `ReturnValue`, which
//! checks the unwinding of loops/handlers/with blocks), serialization
//! round-trips, truncated sources never panic, errors match CPython, and
//! the cache follows its rules.

use super::*;
use crate::builtins::repr::{float_repr, quote_str};
use crate::bytecode::dis::disassemble;
use crate::bytecode::serialize::{deserialize, serialize};
use crate::bytecode::{flags, Op};
use crate::object::Payload;

const SNIPPETS: &[&str] = &[
    "x = 1\ny = x + 2 * 3 - 4 / 5 // 6 % 7 ** 8\nprint(x, y)\n",
    "big = 123456789012345678901234567890\nneg = -9223372036854775808\nh = 0xFFFF_FFFF_FFFF_FFFF_FF\nf = 1.5e-7\nb = b'ab\\x00'\ns = 'a' 'b'\ne = ...\nt = (1, 2.0, 'x', None, True, (3,))\n",
    "def f(a, b=2, /, c=3, *args, d, e=5, **kw):\n    '''doc'''\n    return a + b + c + d + e\nf(1, d=4)\n",
    "def outer():\n    x = 1\n    def inner():\n        nonlocal x\n        x += 1\n        return x\n    return inner\n",
    "g = 0\ndef f():\n    global g\n    g = 1\n    del g\n",
    "f = lambda x, *a, y=1, **k: (x, a, y, k)\n",
    "@dec\n@dec2(1)\ndef f(): pass\n@cdec\nclass C(Base, metaclass=M):\n    'doc'\n    x = 1\n    def m(self):\n        return super().m() + __class__.x\n",
    "if a:\n    pass\nelif b:\n    x = 1\nelif c:\n    y = 2\nelse:\n    z = 3\n",
    "while x:\n    if y: break\n    if z: continue\n    x -= 1\nelse:\n    w = 1\n",
    "for i, (j, *k) in items:\n    if i: continue\n    if j: break\nelse:\n    pass\n",
    "def f():\n    for i in x:\n        try:\n            if i: return i\n            if j: break\n            continue\n        finally:\n            cleanup()\n    return 0\n",
    "def f():\n    for i in x:\n        with a as b, c:\n            if i: return i\n            if b: break\n            continue\n",
    "try:\n    x()\nexcept ValueError as e:\n    print(e)\nexcept (TypeError, KeyError):\n    pass\nexcept:\n    raise\nelse:\n    y()\nfinally:\n    z()\n",
    "def f():\n    try:\n        return 1\n    except E as e:\n        return e\n    finally:\n        return 2\n",
    "def f():\n    while True:\n        try:\n            x()\n        except E:\n            break\n        finally:\n            y()\n",
    "raise X from Y\n",
    "assert x, 'msg'\nassert y\n",
    "with open(f) as (a, b):\n    pass\n",
    "class A:\n    def __init__(self):\n        self.__x = 1\n    def get(self):\n        return self.__x\n",
    "def g():\n    x = yield 1\n    yield from range(x)\n    return 5\n",
    "a = [x * y for x in range(3) if x for y in range(x)]\nb = {x for x in s}\nc = {k: v for k, v in d.items()}\nd = (x for x in range(10))\n",
    "def f(n):\n    return [lambda: n + i for i in range(n)]\n",
    "class C:\n    y = 1\n    z = [y for _ in range(3)]\n",
    "if (n := len(a)) > 10:\n    print(n)\ndef f():\n    [(last := x) for x in range(3)]\n    return last\n",
    "match cmd:\n    case 1 | 2:\n        pass\n    case 'x' as s:\n        pass\n    case None:\n        pass\n    case [a, *rest]:\n        pass\n    case (x, y, z):\n        pass\n    case {'k': v, **others}:\n        pass\n    case Point(x=0, y=yy) if yy > 1:\n        pass\n    case Point(1, 2):\n        pass\n    case Color.RED:\n        pass\n    case -1:\n        pass\n    case [*_]:\n        pass\n    case _:\n        pass\n",
    "s = f'{x!r:>{width}} {y=} {z!s} {w!a} {{}} {v:.2f}'\nt = f'a' 'b' f'{c}'\n",
    "a, *b, c = seq\n[d, e] = f\nx = y = z = 0\nl[1:2] = m\ndel l[::2], a.b, c\nl[1:2:3]\nx[1, 2:3]\n",
    "a.b += 1\nc[d] *= 2\ne //= 3\ne **= 2\ne @= m\n",
    "import os\nimport a.b.c\nimport a.b.c as d\nfrom m import x as y, z\nfrom . import q\nfrom ..pkg.mod import r\nfrom m import *\n",
    "x: int = 5\ny: list\nclass C:\n    a: int\n    b: str = 'x'\n",
    "f(*a, *b, k=1, **c, **d)\nf(1, *a)\ng(**k)\no.m(1, 2, k=3)\no.m(*a)\nclass D(*bases, **kw): pass\n",
    "x = [1, *a, 2]\ny = (*a, *b)\nz = {*a, 1}\nw = {'a': 1, **d, 'b': 2}\n",
    "x = a if b else c\ny = a < b <= c != d\nz = not a and b or c\nw = a is not b\nv = a not in b\nu = -a + +b - ~c\n",
    "def f():\n    x = 1\n    class C:\n        x = 2\n        def m(self):\n            return x\n    return C\n",
    "def f():\n    def g():\n        return h()\n    def h():\n        return 1\n    return g\n",
    "def gen():\n    try:\n        yield 1\n    finally:\n        print('done')\n",
    "async_ = 1\nprint(async_)\n",
    "def f(a):\n    def g():\n        return a\n    return g\n",
    "for x in y:\n    for z in w:\n        if z: break\n    else:\n        continue\n    break\n",
    "def f():\n    with a:\n        with b:\n            return 1\n",
    "def f():\n    try:\n        pass\n    except E as e:\n        for x in y:\n            if x: break\n            if e: continue\n            return x\n",
    "try:\n    pass\nfinally:\n    for x in y:\n        break\n",
    "def f():\n    try:\n        pass\n    finally:\n        for x in y:\n            return x\n",
    "x = 1 if a else (2 if b else 3)\n(lambda: (yield))\n",
];

fn compile(src: &str) -> Arc<CodeObject> {
    match compile_module(src, "test.py") {
        Ok(c) => c,
        Err(e) => panic!("compile failed for:\n{src}\n{}", e.render()),
    }
}

fn nested(code: &CodeObject) -> Vec<Arc<CodeObject>> {
    code.consts
        .iter()
        .filter_map(|c| match c.payload() {
            Some(Payload::Code(c)) => Some(c.clone()),
            _ => None,
        })
        .collect()
}

fn find(code: &Arc<CodeObject>, name: &str) -> Option<Arc<CodeObject>> {
    if &*code.name == name {
        return Some(code.clone());
    }
    nested(code).iter().find_map(|c| find(c, name))
}

/// Verifies stack depths: consistent on every path, never negative, never
/// above max_stack, exactly 1 at each ReturnValue.
fn check_depths(code: &CodeObject) {
    let n = code.instrs.len();
    let mut at: Vec<Option<i32>> = vec![None; n];
    let mut work = vec![(0usize, 0i32)];
    while let Some((pc, d)) = work.pop() {
        assert!(pc < n, "{}: fell off the end", code.name);
        if let Some(old) = at[pc] {
            assert_eq!(old, d, "{}: inconsistent depth at {pc}\n{}", code.name, disassemble(code));
            continue;
        }
        at[pc] = Some(d);
        let ins = code.instrs[pc];
        let t = ins.arg as usize;
        let after = d + ins.op.stack_effect(ins.arg);
        assert!(after >= 0, "{}: negative depth at {pc}\n{}", code.name, disassemble(code));
        assert!(after as u32 <= code.max_stack, "{}: above max_stack", code.name);
        match ins.op {
            Op::ReturnValue => {
                assert_eq!(d, 1, "{}: depth {d} at ReturnValue {pc}\n{}", code.name, disassemble(code));
                continue;
            }
            Op::Reraise | Op::RaiseVarargs => continue,
            Op::Jump => {
                work.push((t, d));
                continue;
            }
            Op::PopJumpIfFalse | Op::PopJumpIfTrue => work.push((t, d - 1)),
            Op::JumpIfFalseOrPop | Op::JumpIfTrueOrPop => work.push((t, d)),
            Op::ForIter => work.push((t, d - 1)),
            Op::SetupFinally => work.push((t, d + 1)),
            _ => {}
        }
        work.push((pc + 1, after));
    }
    for c in nested(code) {
        check_depths(&c);
    }
}

#[test]
fn snippets_compile_with_consistent_stacks() {
    for src in SNIPPETS {
        let code = compile(src);
        check_depths(&code);
    }
}

#[test]
fn serialize_roundtrip() {
    for src in SNIPPETS {
        let code = compile(src);
        let bytes = serialize(&code);
        let back = deserialize(&bytes).expect("roundtrip");
        assert_eq!(disassemble(&code), disassemble(&back));
        assert_eq!(serialize(&back), bytes);
    }
}

#[test]
fn corrupt_bytecode_is_an_error() {
    let code = compile(SNIPPETS[2]);
    let bytes = serialize(&code);
    for cut in 0..bytes.len() {
        assert!(deserialize(&bytes[..cut]).is_err());
    }
    let mut state = 12345u64;
    for _ in 0..2000 {
        let mut b = bytes.clone();
        for _ in 0..3 {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let i = (state >> 33) as usize % b.len();
            b[i] = (state >> 17) as u8;
        }
        let _ = deserialize(&b);
    }
    assert!(deserialize(&[0xff, 0xff, 0xff, 0xff]).is_err());
}

#[test]
fn truncated_sources_never_panic() {
    for src in SNIPPETS {
        let cuts: Vec<usize> = (0..=src.len()).filter(|i| src.is_char_boundary(*i)).collect();
        for &i in &cuts {
            let _ = compile_module(&src[..i], "t.py");
        }
    }
}

fn err(src: &str) -> CompileError {
    match compile_module(src, "x.py") {
        Ok(_) => panic!("expected an error for {src:?}"),
        Err(e) => e,
    }
}

#[test]
fn compile_errors() {
    let cases: &[(&str, &str, u32)] = &[
        ("return 1\n", "'return' outside function", 1),
        ("x = 1\nbreak\n", "'break' outside loop", 2),
        ("continue\n", "'continue' not properly in loop", 1),
        ("nonlocal x\n", "nonlocal declaration not allowed at module level", 1),
        ("def f():\n    nonlocal x\n", "no binding for nonlocal 'x' found", 2),
        ("yield 1\n", "'yield' outside function", 1),
        ("class C:\n    yield\n", "'yield' outside function", 2),
        ("async def f():\n    yield from x\n", "'yield from' inside async function", 2),
        ("def f():\n    await x\n", "'await' outside async function", 2),
        ("await x\n", "'await' outside function", 1),
        ("def f():\n    async with x:\n        pass\n", "'async with' outside async function", 2),
        ("def f():\n    async for x in y:\n        pass\n", "'async for' outside async function", 2),
        ("def f(a, a): pass\n", "duplicate argument 'a' in function definition", 1),
        ("def f(a):\n    global a\n", "name 'a' is parameter and global", 2),
        ("def f():\n    x = 1\n    global x\n", "name 'x' is assigned to before global declaration", 3),
        ("a, *b, *c = d\n", "multiple starred expressions in assignment", 1),
        ("def f():\n    from m import *\n", "import * only allowed at module level", 2),
        ("f(a=1, a=2)\n", "keyword argument repeated: a", 1),
        ("[(yield) for x in y]\n", "'yield' inside list comprehension", 1),
        ("class C:\n    [(y := 1) for x in z]\n", "assignment expression within a comprehension cannot be used in a class body", 2),
        ("[(x := 1) for x in z]\n", "assignment expression cannot rebind comprehension iteration variable 'x'", 1),
        ("match x:\n    case a:\n        pass\n    case 1:\n        pass\n", "wildcard makes remaining patterns unreachable", 2),
        ("try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass\n", "default 'except:' must be last", 3),
    ];
    for (src, msg, line) in cases {
        let e = err(src);
        assert_eq!(&e.message, msg, "for {src:?}");
        assert_eq!(e.line, *line, "line for {src:?}");
        assert_eq!(e.kind, "SyntaxError");
    }
    let e = err("x = 1\ny = (1,\n");
    assert_eq!(e.render(), "  File \"x.py\", line 2\n    y = (1,\n        ^\nSyntaxError: '(' was never closed\n");
    let e = err("x = 1)\n");
    assert_eq!(e.message, "unmatched ')'");
    let e = err("if x:\n  a\n    b\n");
    assert_eq!(e.kind, "IndentationError");
    let e = err("async def f():\n    return list(await x for x in y)\n");
    assert!(e.message.contains("async"));
    err("x = (1 +\n");
    err("1 = x\n");
    err("def f(:\n");
}

#[test]
fn scoping() {
    let code = compile(SNIPPETS[3]);
    let outer = find(&code, "outer").unwrap();
    let inner = find(&code, "inner").unwrap();
    assert_eq!(outer.cellvars.iter().map(|s| &**s).collect::<Vec<_>>(), ["x"]);
    assert_eq!(inner.freevars.iter().map(|s| &**s).collect::<Vec<_>>(), ["x"]);
    assert_eq!(&*inner.qualname, "outer.<locals>.inner");

    let code = compile(SNIPPETS[6]);
    let c = find(&code, "C").unwrap();
    assert_eq!(c.flags, flags::NAMESPACE | flags::CLASS_BODY);
    assert_eq!(c.cellvars.iter().map(|s| &**s).collect::<Vec<_>>(), ["__class__"]);
    let m = find(&code, "m").unwrap();
    assert_eq!(m.freevars.iter().map(|s| &**s).collect::<Vec<_>>(), ["__class__"]);
    assert_eq!(&*m.qualname, "C.m");
    let dis = disassemble(&c);
    assert!(dis.contains("STORE_NAME") && dis.contains("(__classcell__)"), "{dis}");

    // Class-level names are not visible in methods; a same-named function
    // local is (through the class's freevars).
    let code = compile(SNIPPETS[33]);
    let c = find(&code, "C").unwrap();
    assert!(c.freevars.iter().any(|f| &**f == "x"));
    let m = find(&code, "m").unwrap();
    assert!(m.freevars.iter().any(|f| &**f == "x"));

    let code = compile(SNIPPETS[22]);
    let lc = find(&code, "<listcomp>").unwrap();
    assert!(disassemble(&lc).contains("LOAD_GLOBAL"), "class var y is global inside the comprehension");

    let code = compile(SNIPPETS[23]);
    let f = find(&code, "f").unwrap();
    assert!(f.cellvars.iter().any(|c| &**c == "last"));
    let g = find(&code, "g");
    assert!(g.is_none());
    let gen = find(&compile(SNIPPETS[19]), "g").unwrap();
    assert!(gen.has_flag(flags::GENERATOR));

    let code = compile(SNIPPETS[37]);
    let f = find(&code, "f").unwrap();
    assert_eq!(f.cellvars.iter().map(|s| &**s).collect::<Vec<_>>(), ["a"]);
    assert_eq!(f.cell2arg, vec![Some(0)]);

    let code = compile(SNIPPETS[18]);
    assert!(disassemble(&code).contains("_A__x"));
}

#[test]
fn disassembly_shape() {
    let code = compile("x = 42\nif x:\n    y = x + 1\n");
    let d = disassemble(&code);
    assert!(d.contains("LOAD_CONST"), "{d}");
    assert!(d.contains("(42)"), "{d}");
    assert!(d.contains("BINARY_OP") && d.contains("(+)"), "{d}");
    assert!(d.contains("POP_JUMP_IF_FALSE") && d.contains("(to "), "{d}");
    assert!(d.lines().any(|l| l.starts_with("   3")), "{d}");
}

#[test]
fn reprs() {
    for (f, s) in [
        (1.0, "1.0"),
        (1e16, "1e+16"),
        (1e15, "1000000000000000.0"),
        (1.5e-7, "1.5e-07"),
        (0.0001, "0.0001"),
        (0.1, "0.1"),
        (-0.0, "-0.0"),
        (123.456, "123.456"),
        (f64::INFINITY, "inf"),
        (f64::NAN, "nan"),
        (1.7976931348623157e308, "1.7976931348623157e+308"),
        (5e-324, "5e-324"),
    ] {
        assert_eq!(float_repr(f), s);
    }
    assert_eq!(quote_str("it's", false), "\"it's\"");
    assert_eq!(quote_str("a\nb'\"", false), "'a\\nb\\'\"'");
}

#[test]
fn cache_rules() {
    use std::fs;
    let dir = std::env::temp_dir().join(format!("weft-cache-test-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    let src_path = dir.join("mod1.py");
    fs::write(&src_path, "x = 1\n").unwrap();
    let cpath = cache::cache_path(&src_path).unwrap();
    assert!(cpath.to_string_lossy().contains("__pycache__/mod1.weft-"));

    let c1 = cache::load_or_compile(&src_path, "x = 1\n").unwrap();
    let bytes1 = fs::read(&cpath).expect("cache written");
    assert_eq!(&bytes1[..8], &cache::MAGIC);
    // Reuse: a different `source` argument is ignored when the cache matches.
    let c2 = cache::load_or_compile(&src_path, "x = 1\n").unwrap();
    assert_eq!(disassemble(&c1), disassemble(&c2));

    // Source change (size differs) recompiles and rewrites.
    fs::write(&src_path, "x = 22\n").unwrap();
    let c3 = cache::load_or_compile(&src_path, "x = 22\n").unwrap();
    assert!(disassemble(&c3).contains("(22)"));
    assert!(fs::read(&cpath).unwrap() != bytes1);

    // Wrong magic: replaced.
    let mut b = fs::read(&cpath).unwrap();
    b[0] = b'X';
    fs::write(&cpath, &b).unwrap();
    let c4 = cache::load_or_compile(&src_path, "x = 22\n").unwrap();
    assert!(disassemble(&c4).contains("(22)"));
    assert_eq!(&fs::read(&cpath).unwrap()[..8], &cache::MAGIC);

    // Corrupt/truncated payload: ignored and rewritten.
    let good = fs::read(&cpath).unwrap();
    fs::write(&cpath, &good[..good.len() - 3]).unwrap();
    let c5 = cache::load_or_compile(&src_path, "x = 22\n").unwrap();
    assert!(disassemble(&c5).contains("(22)"));
    assert_eq!(fs::read(&cpath).unwrap(), good);

    // Syntax errors are reported, nothing cached for them.
    let bad = dir.join("bad.py");
    fs::write(&bad, "x = (\n").unwrap();
    assert!(cache::load_or_compile(&bad, "x = (\n").is_err());

    // compile_path over a directory.
    let sub = dir.join("pkg");
    fs::create_dir_all(&sub).unwrap();
    fs::write(sub.join("a.py"), "def f(): return 1\n").unwrap();
    fs::write(sub.join("notes.txt"), "not python").unwrap();
    assert_eq!(cache::compile_path(&sub).unwrap(), 1);
    let errs = cache::compile_path(&dir).unwrap_err();
    assert_eq!(errs.len(), 1);

    // Unwritable directory: still compiles, silently no cache.
    let ro = dir.join("ro");
    fs::create_dir_all(&ro).unwrap();
    let p = ro.join("m.py");
    fs::write(&p, "y = 2\n").unwrap();
    let mut perm = fs::metadata(&ro).unwrap().permissions();
    perm.set_readonly(true);
    fs::set_permissions(&ro, perm.clone()).unwrap();
    assert!(cache::load_or_compile(&p, "y = 2\n").is_ok());
    #[allow(clippy::permissions_set_readonly_false)]
    perm.set_readonly(false);
    fs::set_permissions(&ro, perm).unwrap();
    let _ = fs::remove_dir_all(&dir);
}

#[test]
#[ignore]
fn print_dis() {
    let src = std::env::var("WEFT_DIS_SRC").unwrap_or_default();
    let src = std::fs::read_to_string(&src).unwrap_or(src);
    match compile_module(&src, "dis.py") {
        Ok(c) => println!("{}", disassemble(&c)),
        Err(e) => println!("{}", e.render()),
    }
}

/// `WEFT_CORPUS=/usr/lib/python3.X cargo test corpus -- --ignored`:
/// compiles every .py file, checks stack invariants, reports errors.
#[test]
#[ignore]
fn corpus() {
    fn walk(p: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        if p.is_dir() {
            if let Ok(rd) = std::fs::read_dir(p) {
                for e in rd.flatten() {
                    walk(&e.path(), out);
                }
            }
        } else if p.extension().and_then(|e| e.to_str()) == Some("py") {
            out.push(p.to_path_buf());
        }
    }
    let root = std::env::var("WEFT_CORPUS").unwrap_or_default();
    let mut files = Vec::new();
    walk(std::path::Path::new(&root), &mut files);
    let (mut ok, mut failed) = (0, 0);
    for f in &files {
        let Ok(src) = std::fs::read_to_string(f) else { continue };
        match compile_module(&src, &f.to_string_lossy()) {
            Ok(c) => {
                check_depths(&c);
                let back = deserialize(&serialize(&c)).unwrap();
                assert_eq!(back.instrs.len(), c.instrs.len());
                ok += 1;
            }
            Err(e) => {
                failed += 1;
                println!("{}: {} {}: {}", f.display(), e.line, e.kind, e.message);
            }
        }
    }
    println!("compiled {ok}, errors {failed}");
}
