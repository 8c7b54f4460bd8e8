use yew::prelude::*;

/// A key press as the app's key handlers see it.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyPress {
    /// The key (`"ArrowRight"`, `"/"`, `" "`).
    pub key: String,
    /// Whether Shift was held.
    pub shift: bool,
    /// Whether Alt, Control or Meta was held (such presses belong to the browser).
    pub modified: bool,
    /// The tag name of the focused element the key went to (`"INPUT"`, `"BUTTON"`, …).
    pub target: String,
}

/// Calls `handler` for every key pressed in the page while the component is mounted
/// (registered again when `deps` change, so the handler sees current values). When the
/// handler returns true the key is taken: its default action is prevented.
#[hook]
pub fn use_document_keydown<D, F>(deps: D, handler: F)
where
    D: PartialEq + 'static,
    F: Fn(&KeyPress) -> bool + 'static,
{
    use_effect_with(deps, move |_| {
        #[cfg(target_arch = "wasm32")]
        let listener = {
            use wasm_bindgen::JsCast;
            let options = gloo::events::EventListenerOptions::enable_prevent_default();
            gloo::events::EventListener::new_with_options(
                &gloo::utils::document(),
                "keydown",
                options,
                move |event| {
                    let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                        return;
                    };
                    let target = event
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                        .map(|e| e.tag_name())
                        .unwrap_or_default();
                    let press = KeyPress {
                        key: event.key(),
                        shift: event.shift_key(),
                        modified: event.alt_key() || event.ctrl_key() || event.meta_key(),
                        target,
                    };
                    if handler(&press) {
                        event.prevent_default();
                    }
                },
            )
        };
        #[cfg(not(target_arch = "wasm32"))]
        let listener = handler; // no keys outside a browser
        move || drop(listener)
    });
}
