use yew::prelude::*;

use super::{use_app_state, use_document_keydown, KeyPress};
use crate::core::state::{step_for, Action, Step};
use crate::ui::browser;

/// How a presentation steps: to a slide (`Action::SetSlide`, the number in the address) or
/// out to `leave`, from the buttons, the keys (clickers send the same ones) and swipes.
#[hook]
pub fn use_slide_steps(slide: usize, total: usize, leave: String) -> Callback<Step> {
    let context = use_app_state();
    let go = {
        let store = context.store.clone();
        Callback::from(move |step: Step| match step.target(slide, total) {
            Some(target) => store.dispatch(Action::SetSlide(target).into()),
            None => browser::set_hash(&leave),
        })
    };
    use_keys(go.clone(), (slide, total));
    go
}

/// The presentation keys (clickers send the same ones). Buttons and links keep Enter and
/// space for themselves.
#[hook]
fn use_keys(go: Callback<Step>, deps: (usize, usize)) {
    use_document_keydown(deps, move |press: &KeyPress| {
        let on_control = matches!(press.target.as_str(), "BUTTON" | "A" | "INPUT" | "SELECT");
        if press.modified || (on_control && matches!(press.key.as_str(), "Enter" | " ")) {
            return false;
        }
        match step_for(&press.key, press.shift) {
            Some(step) => {
                go.emit(step);
                true
            }
            None => false,
        }
    });
}
