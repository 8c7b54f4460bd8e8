use std::rc::Rc;

use yew::prelude::*;

use crate::core::export::write_set;
use crate::core::query::Explorer;
use crate::core::set::{
    Set, SetAction, SetFormat, MAX_INTRO_CHARS, MAX_NOTE_CHARS, MAX_SET_MESSAGES, MAX_TITLE_CHARS,
};
use crate::core::url::{self, Route, View};
use crate::ui::browser::{self, FileReading};
use crate::ui::components::CopyLink;
use crate::ui::hooks::{use_app_state, use_sets_context, InUse};

/// A set: the one in use on this device, to arrange and annotate (with every set kept
/// here, to open, rename and delete), or one from a link, read-only with "Save a copy".
/// Either can be presented, printed as a handout and exported.
#[function_component(SetPage)]
pub fn set_page() -> Html {
    let context = use_app_state();
    let sets = use_sets_context();
    let view = context.state().view.clone();
    let explorer = context.store.explorer.clone();
    let Some(sets) = sets else {
        return html! {};
    };
    match view.linked_set() {
        Some(shared) => html! { <SharedSet set={shared} /> },
        None => {
            let set = sets.shelf.in_use().cloned();
            html! {
                <section class="set-view" data-testid="set-view">
                    <YourSet {set} />
                    <Shelf />
                    { handout(&explorer, sets.shelf.in_use(), &view) }
                </section>
            }
        }
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
            { set_tools(explorer, set, &view, true) }
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

/// Present, print, export and share a set; `shared`: a set from a link (presented from
/// its link; the set in use is presented from this device).
fn set_tools(explorer: &InUse, set: &Set, view: &View, shared: bool) -> Html {
    let present = url::render(&set_view(view, Route::SetSlides, shared.then_some(set)));
    let link = set
        .to_query()
        .map(|_| set_view(view, Route::Set, Some(set)));
    let onprint = Callback::from(|_: MouseEvent| browser::print_soon());
    let address = link
        .as_ref()
        .map(|v| browser::address_with_hash(&url::render(v)))
        .unwrap_or_default();
    let export = |format: SetFormat| {
        let (explorer, set, address) = (explorer.clone(), set.clone(), address.clone());
        Callback::from(move |_: MouseEvent| {
            let content = write_set(format, &explorer, &set, &address, &browser::today());
            browser::download(&set.file_name(format), format.mime(), &content);
        })
    };
    let empty = set.items.is_empty();
    html! {
        <div class="set-tools screen-only" role="group" aria-label="Use this set">
            <a class="button" href={present} data-testid="set-present">{ "Present" }</a>
            <button onclick={onprint} disabled={empty} data-testid="set-print">{ "Print handout" }</button>
            <span class="export-label">{ "Export:" }</span>
            { for SetFormat::ALL.into_iter().map(|format| html! {
                <button onclick={export(format)} disabled={empty} data-testid={format!("set-export-{}", format.slug())}>{ format.label() }</button>
            }) }
            { match link {
                Ok(link) => html! { <CopyLink view={link} /> },
                Err(problem) => html! { <p class="set-too-long" data-testid="set-link-refused">{ problem.sentence() }</p> },
            } }
        </div>
    }
}

/// The handout of the set in use, for print only (the page itself is a form).
fn handout(explorer: &Explorer, set: Option<&Set>, view: &View) -> Html {
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

/// Props of [`YourSet`].
#[derive(Properties, PartialEq)]
struct YourSetProps {
    /// The set in use, if any.
    set: Option<Set>,
}

/// The set in use on this device: title, introduction, and its messages, each to move,
/// remove and annotate.
#[function_component(YourSet)]
fn your_set(props: &YourSetProps) -> Html {
    let context = use_app_state();
    let sets = use_sets_context();
    let view = context.state().view.clone();
    let explorer = context.store.explorer.clone();
    // The control to focus once the list has moved (a moved item's button).
    let refocus = use_mut_ref(|| None::<String>);
    {
        let refocus = refocus.clone();
        use_effect(move || {
            if let Some(id) = refocus.borrow_mut().take() {
                browser::focus(&id);
            }
        });
    }
    let Some(sets) = sets else { return html! {} };
    let back = url::render(&view.at(Route::Explore));
    let Some(set) = props
        .set
        .clone()
        .filter(|s| !s.items.is_empty() || !s.title.is_empty() || !s.intro.is_empty())
    else {
        return html! {
            <>
                <h1>{ "Your set" }</h1>
                <p data-testid="set-empty">
                    { "Your set is empty. Pick messages with “Add to set” on any message, in Explore or on its page; they come here in the order you add them, and you can move them and write a note under each. " }
                    <a href={back}>{ "Find messages in Explore" }</a>
                </p>
            </>
        };
    };
    let dispatch = |f: Rc<dyn Fn(String) -> SetAction>| {
        let sets = sets.clone();
        Callback::from(move |e: InputEvent| {
            let value = browser::input_value(&e);
            sets.dispatch(f(value))
        })
    };
    let ontitle = dispatch(Rc::new(SetAction::Title));
    let onintro = dispatch(Rc::new(SetAction::Intro));
    let other_corpus = set.corpus != view.corpus;
    let count = set.items.len();
    let items = set.items.iter().enumerate().map(|(i, item)| {
        let n = i + 1;
        let found = explorer.position(&item.id);
        let mover = |to: usize, button: &'static str| {
            let (sets, refocus, id) = (sets.clone(), refocus.clone(), item.id.clone());
            Callback::from(move |_: MouseEvent| {
                // At the end of the list the button pressed is disabled: focus its pair.
                let button = match (button, to) {
                    ("up", 0) => "down",
                    ("down", t) if t + 1 == count => "up",
                    (b, _) => b,
                };
                *refocus.borrow_mut() = Some(format!("set-{button}-{id}"));
                sets.dispatch(SetAction::Move(i, to))
            })
        };
        let onremove = {
            let sets = sets.clone();
            Callback::from(move |_: MouseEvent| {
                sets.dispatch(SetAction::Remove(i));
                browser::focus("set-heading");
            })
        };
        let onnote = {
            let sets = sets.clone();
            Callback::from(move |e: InputEvent| sets.dispatch(SetAction::Note(i, browser::textarea_value(&e))))
        };
        let body = match found {
            Some(m) => {
                let d = explorer.details(m);
                let message = &explorer.corpus().messages[m];
                let href = url::render(&view.at(Route::Message(item.id.clone())));
                html! {
                    <>
                        <p class="message-meta"><strong>{ d.meeting.clone() }</strong>{ format!(" · {}", d.heading_or_note()) }</p>
                        <blockquote class="message-text">{ message.text.clone() }</blockquote>
                        <p class="message-source">{ format!("Source: {}, {} · ", d.source_title, d.locator) }<a {href}>{ "Read with source" }<span class="visually-hidden">{ format!(": {}", item.id) }</span></a></p>
                    </>
                }
            }
            None => html! { <p class="message-meta">{ format!("Message '{}' is not in the messages in use.", item.id) }</p> },
        };
        let note_id = format!("set-note-{}", item.id);
        html! {
            <li class="set-item" key={item.id.clone()} data-testid="set-item" data-id={item.id.clone()}>
                { body }
                <label for={note_id.clone()} class="set-note-label">{ format!("Note under message {n}") }</label>
                <textarea id={note_id} class="set-note-input" rows="2" maxlength={MAX_NOTE_CHARS.to_string()}
                    value={item.note.clone()} oninput={onnote} data-testid="set-note-input" />
                <div class="set-item-tools" role="group" aria-label={format!("Message {n} of {count}")}>
                    <button id={format!("set-up-{}", item.id)} onclick={mover(i.saturating_sub(1), "up")} disabled={i == 0} data-testid="set-up">{ "Move up" }<span class="visually-hidden">{ format!(": message {n}") }</span></button>
                    <button id={format!("set-down-{}", item.id)} onclick={mover(i + 1, "down")} disabled={n == count} data-testid="set-down">{ "Move down" }<span class="visually-hidden">{ format!(": message {n}") }</span></button>
                    <button onclick={onremove} data-testid="set-remove">{ "Remove" }<span class="visually-hidden">{ format!(": message {n}") }</span></button>
                </div>
            </li>
        }
    });
    let heading = if set.title.trim().is_empty() {
        "Your set".to_string()
    } else {
        set.title.clone()
    };
    html! {
        <div class="screen-only">
            <h1 id="set-heading" tabindex="-1" data-testid="set-title">{ heading }</h1>
            <p class="set-count" data-testid="set-count">
                { format!("{count} of at most {MAX_SET_MESSAGES} messages, kept on this device. ") }
                <a href={back}>{ "Add more from Explore" }</a>
            </p>
            if other_corpus {
                <p class="banner" data-testid="set-other-corpus">{ match &set.corpus {
                    Some(id) => format!("This set was made on the corpus '{id}', which is not in use: its messages that the corpus in use does not hold are listed without their text."),
                    None => "This set was made on the built-in corpus, which is not in use: its messages that the corpus in use does not hold are listed without their text.".to_string(),
                } }</p>
            }
            <div class="set-fields">
                <label for="set-title-input">{ "Title" }</label>
                <input id="set-title-input" type="text" maxlength={MAX_TITLE_CHARS.to_string()} value={set.title.clone()} oninput={ontitle} data-testid="set-title-input" />
                <label for="set-intro-input">{ "Introduction" }</label>
                <textarea id="set-intro-input" rows="3" maxlength={MAX_INTRO_CHARS.to_string()} value={set.intro.clone()} oninput={onintro} data-testid="set-intro-input" />
            </div>
            { set_tools(&explorer, &set, &view, false) }
            <ol class="set-items">{ for items }</ol>
        </div>
    }
}

/// Every set kept on this device: open, rename, delete; a new set; a set file opened.
#[function_component(Shelf)]
fn shelf() -> Html {
    let context = use_app_state();
    let sets = use_sets_context();
    let renaming = use_state(|| None::<usize>);
    let deleting = use_state(|| None::<usize>);
    let status = use_state(String::new);
    let reading = use_mut_ref(|| None::<FileReading>);
    let rename_input = use_node_ref();
    let Some(sets) = sets else { return html! {} };
    let corpus = context.store.explorer.corpus().clone();
    let view_corpus = context.state().view.corpus.clone();
    let onnew = {
        let sets = sets.clone();
        Callback::from(move |_: MouseEvent| {
            sets.dispatch(SetAction::New);
            browser::focus("set-title-input");
        })
    };
    let onfile = {
        let (sets, status, reading) = (sets.clone(), status.clone(), reading.clone());
        let corpus = Rc::new(corpus);
        Callback::from(move |e: Event| {
            let Some(file) = browser::picked_file(&e) else {
                return;
            };
            let (sets, status, corpus, view_corpus) = (
                sets.clone(),
                status.clone(),
                corpus.clone(),
                view_corpus.clone(),
            );
            let task = browser::read_bytes(file, move |bytes| {
                let text = bytes.map_err(|e| e.to_string()).and_then(|b| {
                    String::from_utf8(b).map_err(|_| "This file is not UTF-8 text.".to_string())
                });
                match text.and_then(|t| Set::read_export(&t)) {
                    Ok((set, dropped)) => {
                        let (set, unknown) = set.keep_known(&corpus);
                        let mut said: Vec<String> = dropped
                            .iter()
                            .chain(unknown.iter())
                            .map(|p| p.sentence())
                            .collect();
                        said.insert(
                            0,
                            format!(
                                "Opened the set “{}” ({} messages).",
                                if set.title.is_empty() {
                                    "untitled"
                                } else {
                                    &set.title
                                },
                                set.items.len()
                            ),
                        );
                        sets.dispatch(SetAction::SaveCopy(Set {
                            corpus: set.corpus.clone().or(view_corpus),
                            ..set
                        }));
                        status.set(said.join(" "));
                    }
                    Err(problem) => status.set(problem),
                }
            });
            *reading.borrow_mut() = Some(task);
        })
    };
    let rows = sets.shelf.sets.iter().enumerate().map(|(i, set)| {
        let name = if set.title.trim().is_empty() { "Untitled set".to_string() } else { set.title.clone() };
        let in_use = sets.shelf.current == Some(i);
        let count = match set.items.len() { 1 => "1 message".to_string(), n => format!("{n} messages") };
        let onopen = {
            let sets = sets.clone();
            Callback::from(move |_: MouseEvent| {
                sets.dispatch(SetAction::Open(i));
                browser::focus("set-heading");
            })
        };
        let onrename = { let renaming = renaming.clone(); Callback::from(move |_: MouseEvent| renaming.set(Some(i))) };
        let ondelete = { let deleting = deleting.clone(); Callback::from(move |_: MouseEvent| deleting.set(Some(i))) };
        let body = if *renaming == Some(i) {
            let onsubmit = {
                let (sets, renaming, input) = (sets.clone(), renaming.clone(), rename_input.clone());
                Callback::from(move |e: SubmitEvent| {
                    e.prevent_default();
                    let value = browser::node_value(&input);
                    sets.dispatch(SetAction::Rename(i, value));
                    renaming.set(None);
                })
            };
            let oncancel = { let renaming = renaming.clone(); Callback::from(move |_: MouseEvent| renaming.set(None)) };
            html! {
                <form class="row-form" {onsubmit}>
                    <label for={format!("rename-{i}")}>{ "New name" }</label>
                    <input id={format!("rename-{i}")} ref={rename_input.clone()} type="text" maxlength={MAX_TITLE_CHARS.to_string()} value={set.title.clone()} autofocus=true data-testid="set-rename-input" />
                    <button type="submit" data-testid="set-rename-save">{ "Save" }</button>
                    <button type="button" onclick={oncancel}>{ "Cancel" }</button>
                </form>
            }
        } else if *deleting == Some(i) {
            let onyes = {
                let (sets, deleting) = (sets.clone(), deleting.clone());
                Callback::from(move |_: MouseEvent| { sets.dispatch(SetAction::Delete(i)); deleting.set(None); browser::focus("set-shelf-heading"); })
            };
            let onno = { let deleting = deleting.clone(); Callback::from(move |_: MouseEvent| deleting.set(None)) };
            html! {
                <p role="alert">
                    { format!("Delete “{name}” from this device? ") }
                    <button onclick={onyes} data-testid="set-delete-yes">{ "Delete" }</button>
                    <button onclick={onno}>{ "Keep it" }</button>
                </p>
            }
        } else {
            html! {
                <>
                    <span class="set-name">{ name.clone() }</span>{ format!(" · {count}") }
                    if in_use { <strong>{ " · in use" }</strong> }
                    <span class="set-row-tools">
                        if !in_use { <button onclick={onopen} data-testid="set-open">{ "Open" }<span class="visually-hidden">{ format!(": {name}") }</span></button> }
                        <button onclick={onrename} data-testid="set-rename">{ "Rename" }<span class="visually-hidden">{ format!(": {name}") }</span></button>
                        <button onclick={ondelete} data-testid="set-delete">{ "Delete" }<span class="visually-hidden">{ format!(": {name}") }</span></button>
                    </span>
                </>
            }
        };
        html! { <li class="set-row" data-testid="set-row">{ body }</li> }
    });
    html! {
        <section class="set-shelf screen-only" aria-labelledby="set-shelf-heading">
            <h2 id="set-shelf-heading" tabindex="-1">{ "Sets on this device" }</h2>
            <p class="hint">{ "Kept in this browser only; nothing leaves it except through a link or an export you make." }</p>
            if !sets.shelf.sets.is_empty() {
                <ul class="set-rows">{ for rows }</ul>
            }
            <p class="set-actions">
                <button onclick={onnew} data-testid="set-new">{ "New set" }</button>
                <label class="button file-button">{ "Open a set file (Markdown or JSON export)" }
                    <input type="file" accept=".md,.markdown,.json,text/markdown,application/json" onchange={onfile} data-testid="set-file" class="visually-hidden" />
                </label>
            </p>
            <p role="status" data-testid="set-file-status">{ (*status).clone() }</p>
        </section>
    }
}
