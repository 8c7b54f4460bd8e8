//! Wasm entry point of the charts view's build: the same app compiled with only its
//! `charts` feature (Compare, Charts and a message's page), which `assets/loader.js` starts
//! for a link to Compare or Charts so that it does not wait for the whole app; it hands over
//! to the full app for anything else (ARCHITECTURE.md, "Builds").

#[cfg(target_arch = "wasm32")]
fn main() {
    messages_explorer::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("charts-view is the web app's charts-view build: `make build` compiles it to Wasm.");
    std::process::exit(2);
}
