//! The `weft` command.
fn main() {
    let code = weft::cli::main(std::env::args().collect());
    std::process::exit(code);
}
