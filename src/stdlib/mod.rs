//! Pure-Python standard-library modules shipped inside the weft binary
//! (`*.py` beside this file, embedded with `include_str!`). An import that
//! finds nothing on `sys.path` and is no native module looks here.

/// The source of the embedded module `name`, if weft ships one.
pub fn source(name: &str) -> Option<&'static str> {
    Some(match name {
        "__future__" => include_str!("__future__.py"),
        "abc" => include_str!("abc.py"),
        "bisect" => include_str!("bisect.py"),
        "collections" => include_str!("collections.py"),
        "copy" => include_str!("copy.py"),
        "dataclasses" => include_str!("dataclasses.py"),
        "enum" => include_str!("enum.py"),
        "functools" => include_str!("functools.py"),
        "heapq" => include_str!("heapq.py"),
        "json" => include_str!("json.py"),
        "itertools" => include_str!("itertools.py"),
        "operator" => include_str!("operator.py"),
        "os" => include_str!("os.py"),
        "posixpath" => include_str!("posixpath.py"),
        "typing" => include_str!("typing.py"),
        "collections.abc" => include_str!("collections_abc.py"),
        "_collections_abc" => include_str!("collections_abc.py"),
        "random" => include_str!("random.py"),
        "string" => include_str!("string.py"),
        "textwrap" => include_str!("textwrap.py"),
        "traceback" => include_str!("traceback.py"),
        "types" => include_str!("types.py"),
        "contextlib" => include_str!("contextlib.py"),
        "io" => include_str!("io.py"),
        "re" => include_str!("re.py"),
        "time" => include_str!("time.py"),
        "datetime" => include_str!("datetime.py"),
        "_strptime" => include_str!("_strptime.py"),
        "pprint" => include_str!("pprint.py"),
        "numbers" => include_str!("numbers.py"),
        "fractions" => include_str!("fractions.py"),
        "statistics" => include_str!("statistics.py"),
        "decimal" | "_pydecimal" => include_str!("_pydecimal.py"),
        "contextvars" => include_str!("contextvars.py"),
        "warnings" => include_str!("warnings.py"),
        "gettext" => include_str!("gettext.py"),
        "argparse" => include_str!("argparse.py"),
        "shutil" => include_str!("shutil.py"),
        _ => return None,
    })
}
