import os
from pathlib import Path, PurePosixPath, PurePath
p = Path("/usr/local/lib/archive.tar.gz")
print(p, repr(p), p.name, p.stem, p.suffix, p.suffixes, p.parent, p.parent.parent.name, p.parts, p.anchor, p.is_absolute())
print(list(p.parents)[:3], p.with_suffix(".zip"), p.with_name("x.txt"), p.with_stem("y"), p.relative_to("/usr"), p.match("*.gz"), p.match("lib/*.gz"))
q = Path("a") / "b" / "c.txt"; print(q, "x" / Path("y"), q.joinpath("d", "e"), Path(), Path("a//b/./c"), Path("/"), Path("a", "/abs", "z"))
print(PurePosixPath("x/y") == PurePosixPath("x//y"), sorted([Path("b"), Path("a")]), hash(Path("a")) == hash(Path("a")), str(PurePath("q")), type(PurePath("q")).__name__, type(Path("q")).__name__)
try: p.relative_to("/etc")
except ValueError as e: print("ValueError")
here = Path("pkg_demo")
print(here.exists(), here.is_dir(), (here / "helper.py").is_file(), sorted(x.name for x in here.iterdir() if x.name != "__pycache__"), sorted(str(x) for x in here.glob("*.py")))
print(sorted(str(x) for x in here.rglob("__init__.py") if "__pycache__" not in str(x)), Path("nope").exists(), os.fspath(here))
base = Path("/tmp") / ("weft_pathlib_%d" % os.getpid())
base.mkdir(parents=True, exist_ok=True)
f = base / "sub" / "note.txt"
f.parent.mkdir(parents=True)
print(f.write_text("hello\nworld\n"), f.read_text().splitlines(), f.read_bytes()[:5], f.stat().st_size)
f.with_suffix(".md").write_bytes(b"x"); print(sorted(x.name for x in f.parent.iterdir()))
f.unlink(); f.with_suffix(".md").unlink(); f.parent.rmdir(); base.rmdir(); print(base.exists())
