//! Wasm entry point of the first-view build: the same app compiled without the `full`
//! feature (Explore and a message's page), which `assets/loader.js` starts first for
//! those views; it hands over to the full app for anything else (ARCHITECTURE.md).

#[cfg(target_arch = "wasm32")]
fn main() {
    messages_explorer::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("first-view is the web app's first-view build: `make build` compiles it to Wasm.");
    std::process::exit(2);
}
