use yew::prelude::*;

use crate::core::url::{self, View};

/// Props of [`CopyLink`].
#[derive(Properties, PartialEq)]
pub struct CopyLinkProps {
    /// The view whose canonical link is copied.
    pub view: View,
}

#[derive(Clone, PartialEq)]
enum Copied {
    Not,
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    Done,
    /// The clipboard was refused: the link is shown as selectable text instead.
    Fallback(String),
}

/// "Copy link": puts the canonical URL of the current view on the clipboard, announces it
/// to screen readers, and falls back to a selectable field where the clipboard is refused.
#[function_component(CopyLink)]
pub fn copy_link(props: &CopyLinkProps) -> Html {
    let copied = use_state(|| Copied::Not);
    let hash = url::render(&props.view);
    {
        // A new view: the previous confirmation no longer applies.
        let copied = copied.clone();
        use_effect_with(hash.clone(), move |_| copied.set(Copied::Not));
    }
    let onclick = {
        let copied = copied.clone();
        Callback::from(move |_: MouseEvent| copy(absolute(&hash), copied.clone()))
    };
    html! {
        <div class="copy-link">
            <button class="copy-button" {onclick} data-testid="copy-link">{ "Copy link" }</button>
            <span role="status" aria-live="polite" class="copy-status" data-testid="copy-status">
                { match &*copied {
                    Copied::Not => Html::default(),
                    Copied::Done => html! { "Link copied" },
                    Copied::Fallback(link) => html! {
                        <label>{ "Copy this link: " }
                            <input readonly=true value={link.clone()} data-testid="copy-fallback" size="40" />
                        </label>
                    },
                } }
            </span>
        </div>
    }
}

/// The page's address with `hash` as its fragment.
fn absolute(hash: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        let location = gloo::utils::window().location();
        let origin = location.origin().unwrap_or_default();
        let path = location.pathname().unwrap_or_default();
        let search = location.search().unwrap_or_default();
        format!("{origin}{path}{search}{hash}")
    }
    #[cfg(not(target_arch = "wasm32"))]
    hash.to_string()
}

fn copy(link: String, copied: UseStateHandle<Copied>) {
    #[cfg(target_arch = "wasm32")]
    wasm_bindgen_futures::spawn_local(async move {
        let clipboard = gloo::utils::window().navigator().clipboard();
        match wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&link)).await {
            Ok(_) => copied.set(Copied::Done),
            Err(_) => copied.set(Copied::Fallback(link)),
        }
    });
    #[cfg(not(target_arch = "wasm32"))]
    copied.set(Copied::Fallback(link));
}
