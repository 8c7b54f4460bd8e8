use std::rc::Rc;

use yew::prelude::*;

use crate::core::export::describe_selection;
use crate::core::query::Explorer;
use crate::core::site::{self, Citation, CitationFile, Citations, CITATIONS_PATH};
use crate::core::url::{self, Route};
use crate::ui::browser;
use crate::ui::hooks::{use_app_state, use_outcome};

/// The citations, as fetched or written: none yet, or what came.
type Fetched = Option<Result<Rc<Citations>, String>>;

/// How many messages of a reader's corpus the citation writer is given at a time (the page
/// answers between two parts, and says how far it is): it writes a message's three styles
/// and BibTeX in about 2 ms natively (BENCHMARKS.md), so a part is a few tens of
/// milliseconds in Wasm, and the page answers input between parts.
const CITE_PART: usize = 10;

/// The selection's citations: each message's reference in APA 7, Chicago and MLA to copy,
/// and BibTeX, RIS and CSL-JSON files. For the built-in corpus the references were written
/// at build time by a citation library (`citations.json`, fetched when this view first
/// opens); for a reader's corpus the same library writes them here, in a module of its own
/// that the loader fetches the first time (`browser::cite`, `crates/cite`), a part of the
/// selection at a time.
#[function_component(CitePage)]
pub fn cite_page() -> Html {
    let context = use_app_state();
    let view = context.state().view.clone();
    let outcome = use_outcome(&context, &view.selection);
    let explorer = context.store.explorer.clone();
    let builtin = context.store.builtin;
    let fetched = use_state(|| Fetched::None);
    let status = use_state(String::new);
    // How many of a reader's messages are written so far.
    let written = use_state(|| 0usize);
    // The latest writing: an older one (the selection or corpus changed) stops.
    let generation = use_mut_ref(|| 0u32);
    let messages = outcome.slides();
    {
        let (fetched, written, explorer) = (fetched.clone(), written.clone(), explorer.clone());
        let corpus = explorer.corpus().id.clone();
        use_effect_with(
            (builtin, corpus, messages.clone()),
            move |(builtin, _, messages)| {
                fetched.set(None);
                written.set(0);
                *generation.borrow_mut() += 1;
                let this = *generation.borrow();
                let (builtin, messages) = (*builtin, messages.clone());
                browser::spawn(async move {
                    let answer = if builtin {
                        browser::fetch_text(CITATIONS_PATH)
                            .await
                            .and_then(|text| Citations::parse(&text))
                    } else {
                        let mut all = Citations::default();
                        for (done, part) in messages.chunks(CITE_PART).enumerate() {
                            let items: Vec<_> = part
                                .iter()
                                .map(|&m| site::csl_item(&explorer, m, None))
                                .collect();
                            let json = serde_json::to_string(&items).unwrap_or_default();
                            let answer = browser::cite(&json)
                                .await
                                .and_then(|text| Citations::parse(&text));
                            if *generation.borrow() != this {
                                return;
                            }
                            match answer {
                                Ok(some) => {
                                    all.styles = some.styles;
                                    all.messages.extend(some.messages);
                                    written.set(done * CITE_PART + part.len());
                                }
                                Err(problem) => {
                                    fetched.set(Some(Err(problem)));
                                    return;
                                }
                            }
                        }
                        Ok(all)
                    };
                    if *generation.borrow() == this {
                        fetched.set(Some(answer.map(Rc::new)));
                    }
                });
            },
        );
    }
    let back = url::render(&view.at(Route::Explore));
    let described = describe_selection(&explorer, &view.selection).join("; ");
    let heading = match messages.len() {
        1 => "Cite this message".to_string(),
        n => format!("Cite these {n} messages"),
    };
    let intro = html! {
        <p data-testid="cite-selection">
            { if described.is_empty() { "Every message".to_string() } else { described } }
            { " · " }<a href={back.clone()}>{ "Back to the selection" }</a>
        </p>
    };
    if messages.is_empty() {
        return html! {
            <section class="cite-view" data-testid="cite-view">
                <h1>{ heading }</h1>
                { intro }
                <p>{ "No messages to cite: the selection is empty." }</p>
            </section>
        };
    }
    // The citations, once fetched (the built-in corpus) or written (a reader's).
    let all = match &*fetched {
        Some(Ok(all)) => Some(all.clone()),
        _ => None,
    };
    let note = match (&*fetched, builtin) {
        (None, true) => Some(html! { <p role="status">{ "Fetching the references…" }</p> }),
        (None, false) => Some(html! {
            <p role="status" data-testid="cite-writing">
                { format!("Writing the references of your messages: {} of {}…", *written, messages.len()) }
            </p>
        }),
        (Some(Err(problem)), true) => Some(html! {
            <p role="alert" data-testid="cite-problem">
                { format!("The references could not be fetched ({problem}). RIS and CSL-JSON are written from the messages; each message's own page has its references.") }
            </p>
        }),
        (Some(Err(problem)), false) => Some(html! {
            <p role="alert" data-testid="cite-problem">
                { format!("The references could not be written ({problem}). RIS and CSL-JSON are written from the messages, and hold what a reference manager needs to write any style.") }
            </p>
        }),
        (Some(Ok(_)), false) => Some(html! {
            <p data-testid="cite-own-corpus">
                { "Written here from your messages' data, by the same citation library as the built-in messages' references." }
            </p>
        }),
        _ => None,
    };
    let stem = format!("{}-citations", explorer.corpus().id);
    let files = CitationFile::ALL
        .into_iter()
        .filter(|&format| format != CitationFile::Bibtex || all.is_some())
        .map(|format| {
            let (all, explorer, outcome) = (all.clone(), explorer.clone(), outcome.clone());
            let name = format.file_name(&stem);
            // Written when asked for: a reader's corpus may have thousands of messages.
            let onclick = Callback::from(move |_: MouseEvent| {
                let messages = outcome.slides();
                let written: Vec<Citation>;
                let citations: Vec<&Citation> = match &all {
                    Some(all) => built(all, &explorer, &messages),
                    None => {
                        written = messages
                            .iter()
                            .map(|&m| Citation::without_styles(&site::csl_item(&explorer, m, None)))
                            .collect();
                        written.iter().collect()
                    }
                };
                browser::download(&name, format.mime(), &site::join_citations(&citations, format));
            });
            html! {
                <button {onclick} data-testid={format!("cite-{}", format.slug())}>{ format.label() }</button>
            }
        });
    // Each message's references, from the build's citations.
    let cited = all
        .as_ref()
        .map_or(Vec::new(), |all| built(all, &explorer, &messages));
    let styles: &[String] = all.as_ref().map_or(&[], |all| &all.styles);
    let style_sections = styles.iter().enumerate().map(|(i, style)| {
        let references: Vec<&String> = cited.iter().filter_map(|c| c.references.get(i)).collect();
        let onclick = {
            let status = status.clone();
            let text = references.iter().map(|r| r.as_str()).collect::<Vec<_>>().join("\n\n");
            let style = style.clone();
            let count = references.len();
            Callback::from(move |_: MouseEvent| {
                let status = status.clone();
                let text = text.clone();
                let style = style.clone();
                browser::spawn(async move {
                    status.set(if browser::copy_to_clipboard(&text).await {
                        match count {
                            1 => format!("{style} reference copied."),
                            n => format!("{n} {style} references copied."),
                        }
                    } else {
                        format!("Could not copy: select the {style} references and copy them.")
                    });
                });
            })
        };
        let label = match references.len() {
            1 => format!("Copy the {style} reference"),
            n => format!("Copy the {n} {style} references"),
        };
        html! {
            <section class="cite-style" aria-labelledby={format!("cite-style-{i}")}>
                <h2 id={format!("cite-style-{i}")}>{ style.clone() }</h2>
                <button {onclick} data-testid="cite-copy" data-style={style.clone()}>{ label }</button>
                <ol class="cite-references" data-testid="cite-references" data-style={style.clone()}>
                    { for references.into_iter().map(|r| html! { <li>{ r.clone() }</li> }) }
                </ol>
            </section>
        }
    });
    html! {
        <section class="cite-view" data-testid="cite-view">
            <h1>{ heading }</h1>
            { intro }
            // One node each, whatever they hold: Yew matches unkeyed children from the
            // end, so a count that changed would rebuild the heading (and lose its focus).
            { note.unwrap_or_default() }
            <p class="cite-files">
                <span>{ "For a reference manager: " }</span>
                { for files }
            </p>
            <p class="cite-status" role="status" aria-live="polite" data-testid="cite-status">{ (*status).clone() }</p>
            <div>{ for style_sections }</div>
        </section>
    }
}

/// The build's citations of these messages, in their order.
fn built<'a>(all: &'a Citations, explorer: &Explorer, messages: &[usize]) -> Vec<&'a Citation> {
    messages
        .iter()
        .filter_map(|&m| all.messages.get(&explorer.corpus().messages[m].id))
        .collect()
}
