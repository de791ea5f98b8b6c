//! Methods, constructors and attributes of the built-in types, one file a
//! type. `install_all` runs once at startup (see `builtins::init_types`).

pub mod bytes;
pub mod bytes_case;
pub mod bytes_text;
pub mod complex;
pub mod dict;
pub mod excgroup;
pub mod exceptions;
pub mod file;
pub mod float;
pub mod funcattrs;
pub mod int;
pub mod list;
pub mod misc;
pub mod numdunder;
pub mod range;
pub mod seq;
pub mod set;
pub mod str;
pub mod strmethods;
pub mod tuple;

/// Installs every type's methods.
pub fn install_all() {
    str::install();
    strmethods::install();
    bytes::install();
    bytes_text::install();
    bytes_case::install();
    list::install();
    tuple::install();
    dict::install();
    set::install();
    int::install();
    float::install();
    range::install();
    misc::install();
    exceptions::install();
    excgroup::install();
    funcattrs::install();
    file::install();
    numdunder::install();
}
