//! Wasm entry point: installs the panic hook and mounts the root component.

#[cfg(target_arch = "wasm32")]
fn main() {
    messages_explorer::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("messages-explorer is a web app: build it with `make serve` (see README.md).");
    eprintln!("For the corpus checker, run `cargo run --bin corpus-check -- FILE`.");
    std::process::exit(2);
}
