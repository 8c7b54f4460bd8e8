//! The Yew components: a thin layer over [`crate::core`]. Every decision a test would
//! want to check is a core call; components only lay out what the core returns.

pub mod app;
pub mod browser;
pub mod components;
pub mod hooks;
pub mod pages;

pub use app::App;

/// Whether this is the full app (the `full` Cargo feature) rather than the first-view
/// build. Code reached only when this is true is left out of the first-view build (a
/// constant condition), so related messages, which need the similarity weights, cost it
/// nothing; see ARCHITECTURE.md, "Two builds".
pub const FULL_APP: bool = cfg!(feature = "full");

/// Starts the app in the page: installs the panic hook, mounts [`App`] on a new element
/// at the end of the body, then removes the page's stand-in (`#prerendered`: the home view
/// rendered at build time, or a loading line). Text typed into the stand-in's search box
/// before the app started is carried over.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    use wasm_bindgen::JsCast;
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_fatal_error(&info.to_string());
    }));
    let document = gloo::utils::document();
    let mut hash = gloo::utils::window().location().hash().unwrap_or_default();
    let stand_in = document.get_element_by_id("prerendered");
    let typed = document
        .query_selector("#prerendered #search")
        .ok()
        .flatten()
        .and_then(|input| input.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|input| input.value())
        .unwrap_or_default();
    if !typed.trim().is_empty() && hash.len() <= 1 {
        hash = crate::core::url::render(&crate::core::url::View {
            selection: crate::core::query::Selection {
                text: typed,
                ..Default::default()
            },
            ..Default::default()
        });
    }
    let Ok(root) = document.create_element("div") else {
        return;
    };
    root.set_id("app");
    if let Some(body) = document.body() {
        body.append_child(&root).ok();
    }
    let handle =
        yew::Renderer::<App>::with_root_and_props(root, app::AppProps { url: hash.into() })
            .render();
    if let Some(stand_in) = stand_in {
        stand_in.remove();
    }
    RUNNING.with(|running| *running.borrow_mut() = Some(handle));
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    static RUNNING: std::cell::RefCell<Option<yew::AppHandle<App>>> = const { std::cell::RefCell::new(None) };
}

/// Unmounts the app and removes its element: the loader calls this on the first-view build
/// just before the full app starts in its place.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn stop() {
    if let Some(handle) = RUNNING.with(|running| running.borrow_mut().take()) {
        handle.destroy();
    }
    if let Some(root) = gloo::utils::document().get_element_by_id("app") {
        root.remove();
    }
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
