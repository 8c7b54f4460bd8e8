use yew::prelude::*;

use super::AppContext;
use crate::core::state::HistoryMode;
use crate::core::url;

/// Keeps the address bar and the state in step: each state change writes the canonical URL
/// (a new history entry or a replacement, as the reducer decided), and Back/Forward or an
/// edited address dispatch the view they hold.
#[hook]
pub fn use_url_sync(context: &AppContext) {
    let rendered = url::render(&context.state().view);
    let mode = context.state().history;
    use_effect_with(rendered, move |rendered| {
        write_url(rendered, mode);
    });

    // Listeners parse URLs against the corpus in use: re-register when it changes.
    let corpus_key = context.corpus_key();
    let context = context.clone();
    use_effect_with(corpus_key, move |_| {
        let listeners = listen(context);
        move || drop(listeners)
    });
}

#[cfg(target_arch = "wasm32")]
fn write_url(rendered: &str, mode: HistoryMode) {
    let window = gloo::utils::window();
    if window.location().hash().unwrap_or_default() == rendered {
        return;
    }
    let Ok(history) = window.history() else {
        return;
    };
    let url = Some(rendered);
    let _ = match mode {
        HistoryMode::Push => history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", url),
        HistoryMode::Replace | HistoryMode::Keep => {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", url)
        }
    };
}

#[cfg(not(target_arch = "wasm32"))]
fn write_url(_rendered: &str, _mode: HistoryMode) {}

#[cfg(target_arch = "wasm32")]
fn listen(context: AppContext) -> Vec<gloo::events::EventListener> {
    let window = gloo::utils::window();
    ["popstate", "hashchange"]
        .into_iter()
        .map(|event| {
            let context = context.clone();
            gloo::events::EventListener::new(&window, event, move |_| {
                let hash = gloo::utils::window().location().hash().unwrap_or_default();
                let parsed = url::parse(&hash, context.explorer.borrow().corpus());
                context
                    .store
                    .dispatch(crate::core::state::Action::Navigated(
                        Box::new(parsed.view),
                        parsed.warnings,
                    ));
            })
        })
        .collect()
}

#[cfg(not(target_arch = "wasm32"))]
fn listen(_context: AppContext) -> Vec<()> {
    Vec::new()
}
