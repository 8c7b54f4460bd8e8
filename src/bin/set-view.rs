//! Wasm entry point of the set view's build: the same app compiled with only its `sets`
//! feature (a set's pages and a message's page), which `assets/loader.js` starts for a set's
//! link so that it opens as fast as a search link; it hands over to the full app for
//! anything else (ARCHITECTURE.md, "Builds").

#[cfg(target_arch = "wasm32")]
fn main() {
    messages_explorer::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("set-view is the web app's set-view build: `make build` compiles it to Wasm.");
    std::process::exit(2);
}
