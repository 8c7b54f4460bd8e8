use yew::prelude::*;

use super::CopyLink;
use crate::core::url::{self, Route};
use crate::ui::browser;
use crate::ui::hooks::{use_app_state, use_sets_context};

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
    // The set in use, once it holds messages (the full app's; the first view has none).
    let sets = use_sets_context();
    let in_set = sets.as_ref().map_or(0, |s| s.shelf.count());
    let set_link = (in_set > 0).then(|| {
        let href = url::render(&url::View {
            route: Route::Set,
            corpus: state.view.corpus.clone(),
            ..url::View::default()
        });
        let current = state.view.route == Route::Set && state.view.set.is_none();
        html! {
            <a href={href} data-testid="nav-set" aria-current={current.then_some("page")}>{ format!("Set ({in_set})") }</a>
        }
    });
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
                { for set_link }
            </nav>
            if let Some(sets) = &sets {
                // Adding and removing are said here without moving the page.
                <p class="visually-hidden" role="status" aria-live="polite" data-testid="set-status">
                    <span key={sets.said.1.to_string()}>{ sets.said.0.clone() }</span>
                </p>
            }
            <CopyLink view={state.view.clone()} />
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
