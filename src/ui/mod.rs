//! The Yew components: a thin layer over [`crate::core`]. Every decision a test would
//! want to check is a core call; components only lay out what the core returns.

pub mod app;
pub mod browser;
pub mod components;
pub mod hooks;
pub mod pages;
pub mod site;

pub use app::App;

/// Whether this is the full app (the `full` Cargo feature) rather than the first-view
/// build. Code reached only when this is true is left out of the first-view build (a
/// constant condition), so related messages, which need the similarity weights, cost it
/// nothing; see ARCHITECTURE.md, "Builds".
pub const FULL_APP: bool = cfg!(feature = "full");

#[cfg(target_arch = "wasm32")]
pub use browser::start;
