use std::rc::Rc;

use yew::prelude::*;

#[cfg(feature = "full")]
use crate::core::export::ExportHeader;
use crate::core::export::{describe_selection, ExportFormat};
use crate::core::query::{
    included_line, partial_caveat, Explorer, Facet, Outcome, Selection, Sort, FEW_FOUND,
};
use crate::core::related;
use crate::core::site;
use crate::core::state::{corpus_label, printed_note, Action, AppState};
use crate::core::url::{self, Route, View};
use crate::ui::browser::{self, input_value, page_address, print_soon, select_value, today};
use crate::ui::components::{FacetList, LoadingFullApp, MessageCard, SelectionTools};
use crate::ui::hooks::{use_app_state, use_document_keydown, use_outcome, AppContext, KeyPress};

/// Explore: the search box, the facets with counts, and the matching messages.
#[function_component(ExplorePage)]
pub fn explore_page() -> Html {
    let context = use_app_state();
    let state = context.state().clone();
    let selection = state.view.selection.clone();
    let outcome = use_outcome(&context, &selection);
    let search_ref = use_node_ref();
    // On narrow screens the filters are a drawer behind a button (CSS shows them always on
    // wide screens), so the page, and its build-time copy, start with the messages.
    let filters_open = use_state(|| false);
    use_slash_focuses(search_ref.clone());
    let onexport = use_exporter(&context, &outcome, &selection);

    if !crate::ui::FULL_APP && selection.like.is_some() {
        return html! { <LoadingFullApp view="Messages like this one" /> };
    }
    let explorer = &*context.store.explorer;
    let total = explorer.corpus().messages.len();
    let found = outcome.messages.len();
    let ontoggle =
        context.dispatcher(|(facet, id): (Facet, String)| Action::ToggleFacet(facet, id));
    let onclear = context.dispatcher(|_: MouseEvent| Action::ClearAll);
    // Closing the drawer with its button lands on the messages it shows.
    let onclosefilters = {
        let filters_open = filters_open.clone();
        Callback::from(move |_: MouseEvent| {
            filters_open.set(false);
            browser::focus("results");
        })
    };
    // Escape in the open drawer closes it and returns to its button.
    let onfilterskey = {
        let filters_open = filters_open.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" && *filters_open {
                filters_open.set(false);
                browser::focus("filters-toggle");
            }
        })
    };
    let present = url::render(&View {
        slide: 1,
        ..state.view.at(Route::Present)
    });
    let cite = url::render(&state.view.at(Route::Cite));
    let onprint = {
        let store = context.store.clone();
        Callback::from(move |_: ()| {
            store.dispatch(Action::ShowAll(found).into());
            print_soon();
        })
    };
    let partial = explorer.partial_coverage(&outcome.messages);

    html! {
        <div class="explore">
            <h1 class="visually-hidden">{ "Explore the messages" }</h1>
            if selection.is_empty() {
                { home_intro(&context) }
            }
            { search_row(&context, &selection, search_ref, &filters_open) }
            <div class="explore-body">
                <div id="filters" class={classes!("facets", filters_open.then_some("open"))} data-testid="facets" onkeydown={onfilterskey}>
                    <h2 class="facets-title">{ "Filters" }</h2>
                    { for outcome.facets.iter().map(|(facet, values)| html! {
                        <FacetList facet={*facet} values={values.clone()} ontoggle={ontoggle.clone()} />
                    }) }
                    <button class="filters-done" onclick={onclosefilters} data-testid="filters-done">
                        { format!("Show the {found} messages") }
                    </button>
                </div>
                <section class="results" aria-labelledby="result-count">
                    { print_header(&context, &selection, found, total) }
                    <div class="result-head">
                        <p id="result-count" class="result-count" role="status" aria-live="polite" data-testid="result-count">
                            { included_line(found, total) }
                        </p>
                        if !selection.is_empty() {
                            <button class="link-button" onclick={onclear} data-testid="clear-all">{ "Clear all" }</button>
                        }
                        <SelectionTools present={present} cite={cite} count={found} {onprint} {onexport} />
                    </div>
                    { equivalents_line(&context, &outcome, &selection) }
                    { results(&context, &outcome, &state, &selection, &partial) }
                    if selection.is_empty() && context.store.builtin {
                        <p class="meeting-pages" data-testid="meeting-pages">
                            { "Each meeting's messages on a page of their own: " }
                            { for meeting_pages(&context.store.explorer) }
                            <a href={site::BROWSE_PATH}>{ "every meeting and topic" }</a>
                        </p>
                    }
                </section>
            </div>
        </div>
    }
}

/// The home view says what this is: what the IGF Messages are, what this corpus includes,
/// and (for the built-in corpus) three ways to start.
fn home_intro(context: &AppContext) -> Html {
    let intro = context.store.explorer.home_intro();
    html! {
        <section class="home-intro" aria-label="About these messages" data-testid="home-intro">
            <p>{ intro }</p>
            if context.store.builtin {
                <ul class="examples" aria-label="Ways to start">
                    { for url::HOME_EXAMPLES.iter().map(|(label, href)| html! {
                        <li><a href={*href}>{ *label }</a></li>
                    }) }
                </ul>
            }
        </section>
    }
}

/// A link to each meeting's static page (`core::site`), for the meetings with messages.
fn meeting_pages(explorer: &Explorer) -> impl Iterator<Item = Html> + '_ {
    let meetings = &explorer.corpus().meetings;
    explorer
        .included()
        .iter()
        .zip(meetings)
        .filter(|(included, _)| **included > 0)
        .map(|(_, meeting)| {
            html! {
                <><a href={site::meeting_path(&meeting.id)}>{ meeting.short_name() }</a>{ " · " }</>
            }
        })
}

/// Below the count: the message a "More like this" list is like, the partial-set
/// caveat, and the shown page of messages (or the ways out of an empty list).
fn results(
    context: &AppContext,
    outcome: &Outcome,
    state: &AppState,
    selection: &Selection,
    partial: &[String],
) -> Html {
    let found = outcome.messages.len();
    let onmore = context.dispatcher(|_: MouseEvent| Action::ShowMore);
    html! {
        <>
        if crate::ui::FULL_APP {
            if let Some(reference) = outcome.like {
                { like_banner(context, state, reference) }
            }
        }
        { coverage_caveat(partial) }
        if found == 0 {
            { empty_state(context, outcome, selection) }
        } else {
            if found <= FEW_FOUND && !selection.text.trim().is_empty() {
                { did_you_mean(context, &selection.text) }
            }
            <ol id="results" class="result-list" tabindex="-1" aria-label="Messages">{ message_cards(context, outcome, state) }</ol>
            if found > state.shown {
                <button class="show-more" onclick={onmore} data-testid="show-more">
                    { format!("Show more ({} of {found} shown)", state.shown.min(found)) }
                </button>
            }
        }
        </>
    }
}

/// The search box, the order, and (on phones) the button of the filters drawer.
fn search_row(
    context: &AppContext,
    selection: &Selection,
    search_ref: NodeRef,
    filters_open: &UseStateHandle<bool>,
) -> Html {
    let oninput = context.dispatcher(|e: InputEvent| Action::SetText(input_value(&e)));
    let onsort = context.dispatcher(|e: Event| {
        Action::SetSort(Sort::from_slug(&select_value(&e)).unwrap_or_default())
    });
    let ontogglefilters = {
        let filters_open = filters_open.clone();
        Callback::from(move |_: MouseEvent| filters_open.set(!*filters_open))
    };
    let filter_count = selection.filters.count();
    html! {
        <div class="search-row" role="search">
            <label for="search">{ "Search the messages" }</label>
            <input id="search" type="search" ref={search_ref} data-testid="search"
                value={selection.text.clone()} {oninput} autocomplete="off" spellcheck="false"
                placeholder="Words, \"a phrase\", -exclude" aria-describedby="search-help" />
            <p id="search-help" class="hint">{ "Press / to search. The last word matches as you type; quote a phrase; put - before a word to exclude it." }</p>
            <label for="sort">{ "Order" }</label>
            <select id="sort" onchange={onsort} data-testid="sort">
                { for Sort::ALL.into_iter().map(|sort| html! {
                    <option value={sort.slug()} selected={selection.sort == sort}>{ sort.label() }</option>
                }) }
            </select>
            <button id="filters-toggle" class="filters-toggle" aria-expanded={(**filters_open).to_string()} aria-controls="filters"
                onclick={ontogglefilters} data-testid="filters-toggle">
                { if filter_count == 0 { "Filters".to_string() } else { format!("Filters ({filter_count})") } }
            </button>
        </div>
    }
}

/// What a printed handout says above the messages: counts, the selection, date and link.
fn print_header(context: &AppContext, selection: &Selection, found: usize, total: usize) -> Html {
    let described = describe_selection(&context.store.explorer, selection);
    html! {
        <div class="print-only print-header" data-testid="print-header">
            <p><strong>{ format!("{}: {}", corpus_label(&context.store.explorer.corpus().title, context.store.builtin), included_line(found, total)) }</strong></p>
            <ul>{ for described.iter().map(|line| html! { <li>{ line.clone() }</li> }) }</ul>
            <p>{ format!("Printed {} from {}", today(), page_address()) }</p>
            if let Some(note) = printed_note(found) { <p><strong>{ note }</strong></p> }
        </div>
    }
}

/// One line that stays visible when the list includes partial sets; the sentence per
/// meeting one tap away.
fn coverage_caveat(partial: &[String]) -> Html {
    let Some(caveat) = partial_caveat(partial) else {
        return Html::default();
    };
    html! {
        <details class="coverage-notes" data-testid="coverage-notes">
            <summary>{ caveat }</summary>
            <ul>{ for partial.iter().map(|s| html! { <li>{ s.clone() }</li> }) }</ul>
            <p><a href="#/about">{ "Coverage of each meeting" }</a></p>
        </details>
    }
}

/// The shown page of results, each with its highlights, permalink and "More like this";
/// listed for being like a message, each says which words it shares with it.
fn message_cards(context: &AppContext, outcome: &Outcome, state: &AppState) -> Html {
    let shown: Vec<usize> = outcome.messages.iter().take(state.shown).copied().collect();
    // A constant condition, so that the first-view build carries no similarity code.
    let reasons = if crate::ui::FULL_APP {
        like_reasons(context, outcome, &shown)
    } else {
        Vec::new()
    };
    let explorer = &*context.store.explorer;
    let cards: Vec<Html> = shown
        .iter()
        .enumerate()
        .map(|(i, &m)| {
            let (reason, spans) = match reasons.get(i) {
                Some((reason, spans)) => (Some(AttrValue::from(reason.clone())), spans.clone()),
                None => (None, explorer.highlights(m, &outcome.highlight)),
            };
            let id = explorer.corpus().messages[m].id.clone();
            let href = url::render(&state.view.at(Route::Message(id.clone())));
            let more_like = url::render(&url::like_view(&id));
            html! {
                <MessageCard key={id.clone()} id={id.clone()} text={explorer.corpus().messages[m].text.clone()}
                    {spans} details={explorer.details(m)} {href} more_like={Some(AttrValue::from(more_like))}
                    {reason} />
            }
        })
        .collect();
    cards.into_iter().collect::<Html>()
}

/// In a "More like this" list, each shown message's reason and the words it shares
/// marked (the search words instead, when there is search text); empty otherwise.
fn like_reasons(
    context: &AppContext,
    outcome: &Outcome,
    shown: &[usize],
) -> Vec<(String, Vec<std::ops::Range<usize>>)> {
    let Some(like) = outcome.like else {
        return Vec::new();
    };
    let explorer = &*context.store.explorer;
    let reference = related::Reference::new(explorer, like);
    shown
        .iter()
        .map(|&m| {
            let shared = reference.why(explorer, m);
            let highlight = if outcome.query.is_empty() {
                &shared.highlight
            } else {
                &outcome.highlight
            };
            (shared.reason(), explorer.highlights(m, highlight))
        })
        .collect()
}

/// Above a "More like this" list: the message the list is like, in full, and the way back.
fn like_banner(context: &AppContext, state: &AppState, reference: usize) -> Html {
    let explorer = &*context.store.explorer;
    let message = &explorer.corpus().messages[reference];
    let d = explorer.details(reference);
    let mut without = state.view.clone();
    without.selection.like = None;
    html! {
        <section class="like-banner" data-testid="like-banner" aria-labelledby="like-title">
            <h2 id="like-title">{ "Messages like this one, most similar first" }</h2>
            <blockquote class="message-text"><p>{ message.text.clone() }</p></blockquote>
            <p class="message-meta">{ format!("{} · {}", d.meeting, d.heading_or_note()) }</p>
            <p class="hint">{ "Similar means sharing the rarer words of this message (common words such as \"the\" do not count); each message below says which words it shares." }</p>
            <p>
                <a href={url::render(&state.view.at(Route::Message(message.id.clone())))}>{ "Read it with its source" }</a>
                { " · " }
                <a href={url::render(&without)} data-testid="like-clear">{ "Show every message instead" }</a>
            </p>
        </section>
    }
}

/// No match: a way out for each active filter and for the search text.
fn empty_state(context: &AppContext, outcome: &Outcome, selection: &Selection) -> Html {
    let removals: Vec<Html> = outcome
        .facets
        .iter()
        .flat_map(|(facet, values)| values.iter().filter(|v| v.selected).map(move |v| (*facet, v)))
        .map(|(facet, value)| {
            let id = value.id.clone();
            let remove = context.dispatcher(move |_: MouseEvent| Action::ToggleFacet(facet, id.clone()));
            html! { <li><button class="link-button" onclick={remove}>{ format!("Remove the filter {}: {}", facet.label(), value.label) }</button></li> }
        })
        .collect();
    html! {
        <div class="empty-state" data-testid="empty-state">
            <p>{ "No messages match." }</p>
            { did_you_mean(context, &selection.text) }
            <ul>
                { for removals }
                if !selection.text.trim().is_empty() {
                    <li><button class="link-button" onclick={context.dispatcher(|_: MouseEvent| Action::SetText(String::new()))}>{ "Clear the search text" }</button></li>
                }
            </ul>
        </div>
    }
}

/// What the search found besides the words typed ("Also searched: AI") with the way to
/// search only those words, or, for a search exactly as typed, the way back to the
/// equivalents; nothing when the words have no equivalent.
fn equivalents_line(context: &AppContext, outcome: &Outcome, selection: &Selection) -> Html {
    if outcome.equivalents.is_empty() {
        return Html::default();
    }
    let mut to = context.state().view.clone();
    to.selection.exact = !selection.exact;
    let equivalents = outcome.equivalents.join(", ");
    let typed = selection.text.trim();
    let (said, offer, testid) = if selection.exact {
        (
            format!("Searched only for \u{201C}{typed}\u{201D}, as typed. "),
            format!("Search {equivalents} too"),
            "search-equivalents",
        )
    } else {
        (
            format!("Also searched: {equivalents}. "),
            format!("Search only for \u{201C}{typed}\u{201D}"),
            "search-exactly",
        )
    };
    html! {
        <p class="also-searched" data-testid="also-searched">
            { said }<a href={url::render(&to)} data-testid={testid}>{ offer }</a>
        </p>
    }
}

/// A slip of typing, when a search finds nothing or very few messages: the searches the
/// text may have meant, as links to the same view with the text corrected (Back returns
/// to what was typed); nothing when there is none.
fn did_you_mean(context: &AppContext, text: &str) -> Html {
    let meant = context.store.explorer.did_you_mean(text);
    let count = meant.len();
    if count == 0 {
        return Html::default();
    }
    let view = &context.state().view;
    let links = meant.into_iter().enumerate().map(|(i, text)| {
        let mut to = view.clone();
        to.selection.text = text.clone();
        let between = match i {
            0 => "",
            _ if i + 1 == count => " or ",
            _ => ", ",
        };
        html! { <>{ between }<a href={url::render(&to)} data-testid="did-you-mean-link">{ text }</a></> }
    });
    html! {
        <p data-testid="did-you-mean">{ "Did you mean " }{ for links }{ "?" }</p>
    }
}

/// The export callback; an export asked for in the first-view build runs once the full
/// app is here.
#[hook]
fn use_exporter(
    context: &AppContext,
    outcome: &Rc<Outcome>,
    selection: &Selection,
) -> Callback<ExportFormat> {
    let onexport = {
        let (explorer, outcome, selection) = (
            context.store.explorer.clone(),
            outcome.clone(),
            selection.clone(),
        );
        let builtin = context.store.builtin;
        Callback::from(move |format: ExportFormat| {
            export(&explorer, &outcome, &selection, format, builtin)
        })
    };
    {
        let onexport = onexport.clone();
        use_effect_with((), move |_| {
            let format = browser::take_pending_action("export:")
                .and_then(|slug| ExportFormat::from_slug(&slug));
            if let Some(format) = format {
                onexport.emit(format);
            }
        });
    }
    onexport
}

/// Downloads the selection in `format`.
#[cfg(feature = "full")]
fn export(
    explorer: &Explorer,
    outcome: &Outcome,
    selection: &Selection,
    format: ExportFormat,
    builtin: bool,
) {
    let header = ExportHeader {
        corpus: corpus_label(&explorer.corpus().title, builtin),
        selection: describe_selection(explorer, selection),
        link: page_address(),
        date: today(),
    };
    let content = format.write(explorer, &outcome.messages, &header);
    browser::download(
        &format.file_name(explorer.corpus().exported_identity().0),
        format.mime(),
        &content,
    );
}

/// The first-view build carries no exporter: the full app takes over and exports.
#[cfg(not(feature = "full"))]
fn export(_: &Explorer, _: &Outcome, _: &Selection, format: ExportFormat, _: bool) {
    browser::load_full_app(Some(&format!("export:{}", format.slug())));
}

/// Focuses the search box when `/` is pressed outside a text field.
#[hook]
fn use_slash_focuses(target: NodeRef) {
    use_document_keydown((), move |press: &KeyPress| {
        let typing = matches!(press.target.as_str(), "INPUT" | "TEXTAREA" | "SELECT");
        if press.key != "/" || typing || press.modified {
            return false;
        }
        browser::focus_node(&target)
    });
}
