use yew::prelude::*;

use crate::core::query::Explorer;
use crate::core::set::{Set, SetAction, SetFormat};
use crate::core::url::{self, Route, View};
use crate::ui::browser;
use crate::ui::components::CopyLink;
use crate::ui::hooks::{use_app_state, use_sets_context};

/// A set: the one in use on this device, to arrange and annotate (with every set kept
/// here, to open, rename and delete: the full app's, `set_edit`), or one from a link,
/// read-only with "Save a copy" (the set view's build too). Either can be presented, printed
/// as a handout and exported.
#[function_component(SetPage)]
pub fn set_page() -> Html {
    let context = use_app_state();
    let view = context.state().view.clone();
    match view.linked_set() {
        Some(shared) => html! { <SharedSet set={shared} /> },
        None => your_sets(),
    }
}

/// The set in use and the sets kept on this device.
#[cfg(feature = "full")]
fn your_sets() -> Html {
    html! { <YourSets /> }
}

/// The set view's build shows sets from links; the full app takes over for the reader's own.
#[cfg(not(feature = "full"))]
fn your_sets() -> Html {
    html! { <crate::ui::components::LoadingFullApp view={Route::Set.name()} /> }
}

/// The set in use (to arrange and annotate), the sets kept here, and the handout.
#[cfg(feature = "full")]
#[function_component(YourSets)]
fn your_sets_page() -> Html {
    use super::set_edit::{Shelf, YourSet};
    let context = use_app_state();
    let view = context.state().view.clone();
    let Some(sets) = use_sets_context() else {
        return html! {};
    };
    let set = sets.shelf.in_use().cloned();
    html! {
        <section class="set-view" data-testid="set-view">
            <YourSet {set} />
            <Shelf />
            { handout(&context.store.explorer, sets.shelf.in_use(), &view) }
        </section>
    }
}

/// The address of a set's link (`None` for the set in use, which is not in the address),
/// on the corpus of the view.
fn set_view(view: &View, route: Route, set: Option<&Set>) -> View {
    View {
        route,
        corpus: view.corpus.clone(),
        set: set.map(url::set_form),
        ..View::default()
    }
}

/// Props of [`SharedSet`].
#[derive(Properties, PartialEq)]
struct SharedProps {
    set: Set,
}

/// A set from a link: shown as it was shared, read-only, with "Save a copy".
#[function_component(SharedSet)]
fn shared_set(props: &SharedProps) -> Html {
    let context = use_app_state();
    let sets = use_sets_context();
    let view = context.state().view.clone();
    let explorer = &context.store.explorer;
    let set = &props.set;
    let onsave = {
        let (set, corpus, sets) = (set.clone(), view.corpus.clone(), sets.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(sets) = &sets {
                sets.dispatch(SetAction::SaveCopy(Set {
                    corpus: corpus.clone(),
                    ..set.clone()
                }));
                // Open the copy, editable, as a new page of the history.
                browser::set_hash(&url::render(&View {
                    route: Route::Set,
                    corpus: corpus.clone(),
                    ..View::default()
                }));
            }
        })
    };
    let title = if set.title.trim().is_empty() {
        "A shared set".to_string()
    } else {
        set.title.clone()
    };
    html! {
        <section class="set-view" data-testid="set-view">
            <h1 data-testid="set-title">{ title }</h1>
            <p class="set-shared" data-testid="set-read-only">
                { "A set shared with you, shown as it was made: read-only. " }
                { "“Save a copy” keeps it on this device, where you can change it." }
            </p>
            <p class="set-actions">
                <button class="primary" onclick={onsave} data-testid="set-save-copy">{ "Save a copy" }</button>
            </p>
            if !set.intro.trim().is_empty() {
                <p class="set-intro" data-testid="set-intro">{ set.intro.clone() }</p>
            }
            <SetTools set={set.clone()} shared={true} />
            { read_only_items(explorer, set, &view, "set-item") }
        </section>
    }
}

/// The set's messages as read (shared links, the handout): meeting, heading, text, source
/// and the note under each.
fn read_only_items(explorer: &Explorer, set: &Set, view: &View, testid: &'static str) -> Html {
    if set.items.is_empty() {
        return html! { <p data-testid="set-empty">{ "This set has no messages." }</p> };
    }
    html! {
        <ol class="set-items">
            { for set.items.iter().map(|item| {
                let Some(m) = explorer.position(&item.id) else {
                    return html! { <li class="set-item" key={item.id.clone()}>{ format!("Message '{}' is not in the messages in use.", item.id) }</li> };
                };
                let message = &explorer.corpus().messages[m];
                let d = explorer.details(m);
                let href = url::render(&view.at(Route::Message(item.id.clone())));
                html! {
                    <li class="set-item" key={item.id.clone()} data-testid={testid} data-id={item.id.clone()}>
                        <p class="message-meta"><strong>{ d.meeting.clone() }</strong>{ format!(" · {}", d.heading_or_note()) }</p>
                        <blockquote class="message-text" elementtiming="message-text">{ message.text.clone() }</blockquote>
                        <p class="message-source">
                            { format!("Source: {}, {}", d.source_title, d.locator) }
                            <span class="screen-only">{ " · " }<a {href}>{ "Read with source" }<span class="visually-hidden">{ format!(": {}", item.id) }</span></a></span>
                        </p>
                        if !item.note.trim().is_empty() {
                            <p class="set-note" data-testid="set-note"><strong>{ "Note: " }</strong>{ item.note.clone() }</p>
                        }
                    </li>
                }
            }) }
        </ol>
    }
}

/// Props of [`SetTools`].
#[derive(Properties, PartialEq)]
pub(super) struct SetToolsProps {
    /// The set.
    pub set: Set,
    /// A set from a link (presented from its link; the set in use is presented from this
    /// device).
    pub shared: bool,
}

/// Present, print, export and share a set. An export asked for in the set view's build is
/// made by the full app, which takes over with it (and makes it here, once, as it starts).
#[function_component(SetTools)]
pub(super) fn set_tools(props: &SetToolsProps) -> Html {
    let context = use_app_state();
    let view = &context.state().view;
    let (set, shared) = (&props.set, props.shared);
    let present = url::render(&set_view(view, Route::SetSlides, shared.then_some(set)));
    let link = set
        .to_query()
        .map(|_| set_view(view, Route::Set, Some(set)));
    let onprint = Callback::from(|_: MouseEvent| browser::print_soon());
    let onexport = {
        let (explorer, set) = (context.store.explorer.clone(), set.clone());
        let address = link
            .as_ref()
            .map(|v| browser::address_with_hash(&url::render(v)))
            .unwrap_or_default();
        Callback::from(move |format: SetFormat| export(&explorer, &set, &address, format))
    };
    {
        let onexport = onexport.clone();
        use_effect_with((), move |_| {
            let format = browser::take_pending_action("set-export:")
                .and_then(|slug| SetFormat::ALL.into_iter().find(|f| f.slug() == slug));
            if let Some(format) = format {
                onexport.emit(format);
            }
        });
    }
    let empty = set.items.is_empty();
    html! {
        <div class="set-tools screen-only" role="group" aria-label="Use this set">
            <a class="button" href={present} data-testid="set-present">{ "Present" }</a>
            <button onclick={onprint} disabled={empty} data-testid="set-print">{ "Print handout" }</button>
            <span class="export-label">{ "Export:" }</span>
            { for SetFormat::ALL.into_iter().map(|format| html! {
                <button onclick={onexport.reform(move |_: MouseEvent| format)} disabled={empty} data-testid={format!("set-export-{}", format.slug())}>{ format.label() }</button>
            }) }
            { match link {
                Ok(link) => html! { <CopyLink view={link} /> },
                Err(problem) => html! { <p class="set-too-long" data-testid="set-link-refused">{ problem.sentence() }</p> },
            } }
        </div>
    }
}

/// Downloads the set in `format`, with its link (`address`).
#[cfg(feature = "full")]
fn export(explorer: &Explorer, set: &Set, address: &str, format: SetFormat) {
    let content = crate::core::export::write_set(format, explorer, set, address, &browser::today());
    browser::download(&set.file_name(format), format.mime(), &content);
}

/// The set view's build carries no exporter: the full app takes over and exports.
#[cfg(not(feature = "full"))]
fn export(_: &Explorer, _: &Set, _: &str, format: SetFormat) {
    browser::load_full_app(Some(&format!("set-export:{}", format.slug())));
}

/// The handout of the set in use, for print only (the page itself is a form).
#[cfg(feature = "full")]
pub(super) fn handout(explorer: &Explorer, set: Option<&Set>, view: &View) -> Html {
    let Some(set) = set else { return html! {} };
    html! {
        <div class="print-only set-handout" data-testid="set-handout">
            <h2>{ if set.title.trim().is_empty() { "A set of IGF Messages".to_string() } else { set.title.clone() } }</h2>
            if !set.intro.trim().is_empty() {
                <p class="set-intro">{ set.intro.clone() }</p>
            }
            { read_only_items(explorer, set, view, "handout-item") }
        </div>
    }
}
