//! The views the first-view build does not carry. Each asks the loader for the full app
//! and says so while it loads; the full app then renders the same address.

use yew::prelude::*;

use crate::ui::browser;

#[derive(Properties, PartialEq)]
struct LoadingProps {
    view: &'static str,
}

/// Stands in for a view until the full app has taken over.
#[function_component(LoadingFullApp)]
fn loading_full_app(props: &LoadingProps) -> Html {
    use_effect_with((), |_| browser::load_full_app(None));
    html! {
        <div class="loading-view">
            <h1>{ props.view }</h1>
            <p class="loading" role="status" data-testid="loading-full">{ "Loading this view…" }</p>
        </div>
    }
}

/// Compare, once the full app has loaded.
#[function_component(ComparePage)]
pub fn compare_page() -> Html {
    html! { <LoadingFullApp view="Compare meetings" /> }
}

/// Charts, once the full app has loaded.
#[function_component(ChartsPage)]
pub fn charts_page() -> Html {
    html! { <LoadingFullApp view="Charts" /> }
}

/// About the data, once the full app has loaded.
#[function_component(AboutPage)]
pub fn about_page() -> Html {
    html! { <LoadingFullApp view="About the data" /> }
}

/// Present, once the full app has loaded.
#[function_component(PresentPage)]
pub fn present_page() -> Html {
    html! { <LoadingFullApp view="Present" /> }
}
