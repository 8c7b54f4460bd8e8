use yew::prelude::*;

use crate::core::state::Action;
use crate::ui::hooks::use_app_state;

/// Dismissible notices, such as the parts of a link that were ignored.
#[function_component(Notices)]
pub fn notices() -> Html {
    let context = use_app_state();
    let notices = &context.state().notices;
    if notices.is_empty() {
        return Html::default();
    }
    html! {
        <div class="notices" role="status" data-testid="notices">
            { for notices.iter().enumerate().map(|(i, text)| {
                let dismiss = context.dispatcher(move |_: MouseEvent| Action::DismissNotice(i));
                html! {
                    <p class="notice">
                        <span>{ text.clone() }</span>
                        <button class="link-button" onclick={dismiss} aria-label={format!("Dismiss: {text}")}>{ "Dismiss" }</button>
                    </p>
                }
            }) }
        </div>
    }
}
