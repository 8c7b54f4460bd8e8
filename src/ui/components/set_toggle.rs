use yew::prelude::*;

use crate::core::set::SetAction;
use crate::ui::browser;
use crate::ui::hooks::{use_app_state, use_sets_context};

/// Props of [`SetToggle`].
#[derive(Properties, PartialEq)]
pub struct SetToggleProps {
    /// The message's id.
    pub id: AttrValue,
}

/// "Add to set" / "Remove from set" for one message. The full app edits the set in use
/// (the header says what was done to screen readers); the first view, which carries no
/// sets, hands over to the full app with the message to add.
#[function_component(SetToggle)]
pub fn set_toggle(props: &SetToggleProps) -> Html {
    let sets = use_sets_context();
    // A new set records the corpus it is made on (none: the built-in one).
    let corpus = use_app_state().state().view.corpus.clone();
    let held = sets.as_ref().is_some_and(|s| s.shelf.holds(&props.id));
    let onclick = {
        let id = props.id.to_string();
        Callback::from(move |_: MouseEvent| match &sets {
            Some(sets) => sets.dispatch(SetAction::Toggle(id.clone(), corpus.clone())),
            None => browser::load_full_app(Some(&format!("set-add:{id}"))),
        })
    };
    html! {
        <button class="link-button set-toggle" id={format!("set-{}", props.id)} {onclick} data-testid="set-toggle">
            { if held { "Remove from set" } else { "Add to set" } }
            <span class="visually-hidden">{ format!(": {}", props.id) }</span>
        </button>
    }
}
