//! The Yew components: a thin layer over [`crate::core`]. Every decision a test would
//! want to check is a core call; components only lay out what the core returns.

pub mod app;
pub mod components;
pub mod hooks;
pub mod pages;

pub use app::App;

/// Starts the app in the page: installs the panic hook, then mounts [`App`] on `<main>`'s
/// parent (the body).
#[cfg(target_arch = "wasm32")]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_fatal_error(&info.to_string());
    }));
    let hash = gloo::utils::window().location().hash().unwrap_or_default();
    yew::Renderer::<App>::with_props(app::AppProps { url: hash.into() }).render();
}

/// Replaces the page with a visible error message (never a blank page), written as text.
#[cfg(target_arch = "wasm32")]
fn show_fatal_error(detail: &str) {
    let document = gloo::utils::document();
    let Ok(panel) = document.create_element("div") else {
        return;
    };
    panel.set_class_name("fatal-error");
    panel.set_attribute("role", "alert").ok();
    panel.set_text_content(Some(&format!(
        "Messages Explorer stopped because of an internal error. Reload the page to start again. Details: {detail}"
    )));
    if let Some(body) = document.body() {
        body.prepend_with_node_1(&panel).ok();
    }
}
