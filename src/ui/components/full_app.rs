use yew::prelude::*;

use crate::ui::browser;

/// Props of [`LoadingFullApp`].
#[derive(Properties, PartialEq)]
pub struct LoadingFullAppProps {
    /// The view's name, as its heading.
    pub view: &'static str,
}

/// Stands in, in the first-view build, for a view that only the full app carries: it asks
/// the loader for the full app, which then renders the same address.
#[function_component(LoadingFullApp)]
pub fn loading_full_app(props: &LoadingFullAppProps) -> Html {
    use_effect_with((), |_| browser::load_full_app(None));
    html! {
        <div class="loading-view">
            <h1>{ props.view }</h1>
            <p class="loading" role="status" data-testid="loading-full">{ "Loading this view…" }</p>
        </div>
    }
}

/// Stands in, in the first-view build, for a message's related messages: the message is
/// readable at once, and its related messages come with the full app when asked for (a
/// phone on a slow network downloads nothing more unless the reader wants them).
#[function_component(RelatedOnRequest)]
pub fn related_on_request() -> Html {
    let onclick = Callback::from(|_: MouseEvent| browser::load_full_app(None));
    html! {
        <section class="related" aria-labelledby="related-title" data-testid="related-section">
            <h2 id="related-title">{ "Related messages from other meetings" }</h2>
            <button {onclick} data-testid="show-related">{ "Show related messages" }</button>
        </section>
    }
}
