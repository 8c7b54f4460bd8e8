//! The views the first-view build does not carry. Each asks the loader for the full app
//! and says so while it loads; the full app then renders the same address.

use yew::prelude::*;

use crate::ui::components::LoadingFullApp;

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

/// Your messages, once the full app has loaded.
#[function_component(LoadPage)]
pub fn load_page() -> Html {
    html! { <LoadingFullApp view="Your messages" /> }
}

/// Present, once the full app has loaded.
#[function_component(PresentPage)]
pub fn present_page() -> Html {
    html! { <LoadingFullApp view="Present" /> }
}
