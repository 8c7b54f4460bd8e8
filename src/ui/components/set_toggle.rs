use yew::prelude::*;

#[cfg(feature = "sets")]
use crate::core::set::SetAction;
#[cfg(feature = "sets")]
use crate::core::url::{self, Route};
#[cfg(not(feature = "sets"))]
use crate::ui::browser;
#[cfg(feature = "sets")]
use crate::ui::hooks::{use_app_state, use_sets_context};

/// "Add to set" / "Remove from set" for one message (its accessible name ends with the
/// message's id). The builds with sets (the full app, the set view) edit the set in use
/// ([`SetToggle`]; the header says what was done to screen readers); the first view, which
/// carries no sets (a device whose set in use holds messages starts with the full app),
/// hands over to the full app with the message to add: a plain button, no component.
pub fn set_toggle(id: &AttrValue) -> Html {
    #[cfg(feature = "sets")]
    return html! { <SetToggle id={id.clone()} /> };
    #[cfg(not(feature = "sets"))]
    {
        let add = format!("set-add:{id}");
        let onclick = Callback::from(move |_: MouseEvent| browser::load_full_app(Some(&add)));
        toggle_button(id, false, onclick)
    }
}

/// The button itself (the loader keeps focus on it when the full app takes over: its test
/// id within its message's `data-id`).
fn toggle_button(id: &AttrValue, held: bool, onclick: Callback<MouseEvent>) -> Html {
    // Its name says which message (the visible words begin it, WCAG 2.5.3).
    let label = if held {
        "Remove from set"
    } else {
        "Add to set"
    };
    html! {
        <button class="link-button set-toggle" {onclick} data-testid="set-toggle"
            aria-label={format!("{label}: {id}")}>{ label }</button>
    }
}

/// Props of [`SetToggle`].
#[cfg(feature = "sets")]
#[derive(Properties, PartialEq)]
pub struct SetToggleProps {
    /// The message's id.
    pub id: AttrValue,
}

/// "Add to set" with sets: adds to the set in use (a new one, made on the corpus in
/// use, when there is none) or removes.
#[cfg(feature = "sets")]
#[function_component(SetToggle)]
pub fn set_toggle_component(props: &SetToggleProps) -> Html {
    let sets = use_sets_context();
    let corpus = use_app_state().state().view.corpus.clone();
    let held = sets.as_ref().is_some_and(|s| s.shelf.holds(&props.id));
    let id = props.id.to_string();
    let onclick = Callback::from(move |_: MouseEvent| {
        if let Some(sets) = &sets {
            sets.dispatch(SetAction::Toggle(id.clone(), corpus.clone()));
        }
    });
    toggle_button(&props.id, held, onclick)
}

/// The header's "Set (N)", once the set in use holds messages, and the live region that
/// says what "Add to set" did without moving the page (the builds with sets: the first view
/// has none).
#[cfg(feature = "sets")]
#[function_component(SetNav)]
pub fn set_nav() -> Html {
    let context = use_app_state();
    // The live region is drawn once the app runs (never into the page's build-time copy,
    // which the first view replaces without one), before anything is said into it.
    let running = use_state(|| false);
    {
        let running = running.clone();
        use_effect_with((), move |_| running.set(true));
    }
    let Some(sets) = use_sets_context() else {
        return Html::default();
    };
    let view = &context.state().view;
    let count = sets.shelf.count();
    let href = url::render(&url::View {
        route: Route::Set,
        corpus: view.corpus.clone(),
        ..url::View::default()
    });
    let current = view.route == Route::Set && view.set.is_none();
    html! {
        <>
            if count > 0 {
                <a href={href} data-testid="nav-set" aria-current={current.then_some("page")}>{ format!("Set ({count})") }</a>
            }
            if *running {
                <span class="visually-hidden" role="status" aria-live="polite" data-testid="set-status">
                    <span key={sets.said.1.to_string()}>{ sets.said.0.clone() }</span>
                </span>
            }
        </>
    }
}
