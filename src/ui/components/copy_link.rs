use yew::prelude::*;

use crate::core::url::{self, View};
use crate::ui::browser;

/// Props of [`CopyLink`].
#[derive(Properties, PartialEq)]
pub struct CopyLinkProps {
    /// The view whose canonical link is copied.
    pub view: View,
}

#[derive(Clone, PartialEq)]
enum Copied {
    Not,
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
        Callback::from(move |_: MouseEvent| copy(browser::address_with_hash(&hash), copied.clone()))
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

fn copy(link: String, copied: UseStateHandle<Copied>) {
    browser::spawn(async move {
        if browser::copy_to_clipboard(&link).await {
            copied.set(Copied::Done);
        } else {
            copied.set(Copied::Fallback(link));
        }
    });
}
