//! The `weft` command.

/// mimalloc: the VM allocates many small short-lived objects (frames,
/// boxed values, argument vectors) from several worker threads; mimalloc's
/// thread-local free lists measure faster than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let code = weft::cli::main(std::env::args().collect());
    std::process::exit(code);
}
