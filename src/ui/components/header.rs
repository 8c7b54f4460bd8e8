use yew::prelude::*;

use super::CopyLink;
use crate::core::url::{self, Route};
use crate::ui::browser;
use crate::ui::hooks::use_app_state;

/// The top bar: the app's name, the corpus in use and its partial sets, and the navigation.
#[function_component(Header)]
pub fn header() -> Html {
    let context = use_app_state();
    let explorer = &*context.store.explorer;
    let state = context.state();
    let link = |route: Route, label: &'static str, testid: &'static str| {
        let href = url::render(&state.view.at(route.clone()));
        let current = std::mem::discriminant(&route) == std::mem::discriminant(&state.view.route);
        html! {
            <a href={href} data-testid={testid} aria-current={current.then_some("page")}>{ label }</a>
        }
    };
    let skip = Callback::from(|_: MouseEvent| browser::focus("main"));
    let to_results = Callback::from(|_: MouseEvent| browser::focus("results"));
    let exploring = matches!(state.view.route, Route::Explore);
    #[cfg(feature = "sets")]
    let set_nav = html! { <super::SetNav /> };
    // A set's page has its own "Copy link" (the set's link, never `#/set`, which is each
    // device's own set); the first view shows no set.
    #[cfg(feature = "sets")]
    let own_copy_link = matches!(state.view.route, Route::Set | Route::SetSlides);
    #[cfg(not(feature = "sets"))]
    let own_copy_link = false;
    #[cfg(not(feature = "sets"))]
    let set_nav = Html::default();
    html! {
        <header class="site-header">
            if exploring {
                <button class="skip-link" onclick={to_results} data-testid="skip-to-results">{ "Skip to the messages" }</button>
            }
            <button class="skip-link" onclick={skip}>{ "Skip to content" }</button>
            <p class="app-name">{ "Messages Explorer" }</p>
            <nav aria-label="Views" class="views">
                { link(Route::Explore, "Explore", "nav-explore") }
                { link(Route::Compare, "Compare", "nav-compare") }
                { link(Route::Charts, "Charts", "nav-charts") }
                { link(Route::About, "About the data", "nav-about") }
                { link(Route::Load, "Your messages", "nav-load") }
                { set_nav }
            </nav>
            if !own_copy_link {
                <CopyLink view={state.view.clone()} />
            }
            <div class="corpus-line" data-testid="corpus-name">
                // The corpus and its coverage in one line; the partial sets one tap away.
                <details class="corpus-details">
                    <summary>{ explorer.corpus_line() }</summary>
                    if let Some(sentence) = explorer.partial_sets_sentence() {
                        <p class="corpus-partial" data-testid="corpus-partial">
                            { sentence }
                            <a href="#/about">{ "Coverage of each meeting" }</a>
                        </p>
                    }
                </details>
                if !context.store.builtin {
                    <span class="own-corpus">
                        { if context.kept_in_use() { "(your file, kept on this device) " } else { "(your file) " } }
                        <button class="link-button" onclick={context.onreset.reform(|_: MouseEvent| ())} data-testid="use-builtin">{ "Use the built-in corpus" }</button>
                        { " · " }
                        if context.kept_in_use() {
                            <button class="link-button" onclick={context.onforget.reform(|_: MouseEvent| ())} data-testid="forget-corpus">{ "Forget it on this device" }</button>
                        } else {
                            <button class="link-button" onclick={context.onkeep.reform(|_: MouseEvent| ())} data-testid="keep-corpus">{ "Keep this corpus on this device" }</button>
                        }
                    </span>
                } else if let Some(kept) = &context.kept {
                    <span class="own-corpus">
                        { format!("Kept on this device: \"{}\". ", kept.title) }
                        <button class="link-button" onclick={context.onusekept.reform(|_: MouseEvent| ())} data-testid="use-kept">{ "Use it" }</button>
                        { " · " }
                        <button class="link-button" onclick={context.onforget.reform(|_: MouseEvent| ())} data-testid="forget-corpus">{ "Forget it" }</button>
                    </span>
                }
            </div>
        </header>
    }
}
