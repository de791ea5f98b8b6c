import glob, os
def clean(names): return sorted(n for n in names if "__pycache__" not in n)
print(sorted(glob.glob("pkg_demo/*.py")), sorted(glob.glob("pkg_*")), glob.glob("nonexistent/*"))
print(clean(glob.glob("pkg_demo/**/*.py", recursive=True)), glob.escape("a[b]*"), glob.has_magic("a*"), glob.has_magic("ab"))
print(clean(e.name for e in os.scandir("pkg_demo")), clean(e.path for e in os.scandir("pkg_demo")))
with os.scandir("pkg_demo") as it:
    print(sorted((e.name, e.is_file(), e.is_dir()) for e in it if e.name != "__pycache__"))
print(os.fsencode("a"), os.fsdecode(b"b"))
