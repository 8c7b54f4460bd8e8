//! The set in use on this device, to arrange and annotate, and every set kept here: the
//! full app's (the set view's build shows sets from links, and hands over for these).

use std::rc::Rc;

use yew::prelude::*;

use super::set::SetTools;
use crate::core::set::{
    Set, SetAction, MAX_INTRO_CHARS, MAX_NOTE_CHARS, MAX_SET_MESSAGES, MAX_TITLE_CHARS,
};
use crate::core::url::{self, Route};
use crate::ui::browser::{self, FileReading};
use crate::ui::hooks::{use_app_state, use_sets_context};

/// Props of [`YourSet`].
#[derive(Properties, PartialEq)]
pub(super) struct YourSetProps {
    /// The set in use, if any.
    pub set: Option<Set>,
}

/// The set in use on this device: title, introduction, and its messages, each to move,
/// remove and annotate.
#[function_component(YourSet)]
pub(super) fn your_set(props: &YourSetProps) -> Html {
    let context = use_app_state();
    let sets = use_sets_context();
    let view = context.state().view.clone();
    let explorer = context.store.explorer.clone();
    // The control to focus once the list has moved (a moved item's button).
    let refocus = use_mut_ref(|| None::<String>);
    // Dragging on a desktop (the buttons do the same from the keyboard): the place of the
    // message taken, and of the one it would go to, marked while it is held over it.
    let dragged = use_mut_ref(|| None::<usize>);
    let over = use_state_eq(|| None::<usize>);
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
        let ondragstart = {
            let (dragged, id) = (dragged.clone(), item.id.clone());
            Callback::from(move |e: DragEvent| {
                *dragged.borrow_mut() = Some(i);
                if let Some(data) = e.data_transfer() {
                    data.set_effect_allowed("move");
                    // (Some browsers start no drag without data.)
                    data.set_data("text/plain", &id).ok();
                }
            })
        };
        let ondragover = {
            let (dragged, over) = (dragged.clone(), over.clone());
            Callback::from(move |e: DragEvent| {
                if dragged.borrow().is_some() {
                    e.prevent_default();
                    over.set(Some(i));
                }
            })
        };
        let ondrop = {
            let (dragged, over, sets) = (dragged.clone(), over.clone(), sets.clone());
            Callback::from(move |e: DragEvent| {
                // (Text dropped into a note is the browser's to insert.)
                let Some(from) = dragged.borrow_mut().take() else {
                    return;
                };
                e.prevent_default();
                over.set(None);
                if from != i {
                    sets.dispatch(SetAction::Move(from, i));
                }
            })
        };
        let ondragend = {
            let (dragged, over) = (dragged.clone(), over.clone());
            Callback::from(move |_: DragEvent| {
                dragged.borrow_mut().take();
                over.set(None);
            })
        };
        let class = classes!("set-item", (*over == Some(i)).then_some("drop-here"));
        let note_id = format!("set-note-{}", item.id);
        html! {
            <li {class} key={item.id.clone()} data-testid="set-item" data-id={item.id.clone()}
                {ondragover} {ondrop}>
                { body }
                <label for={note_id.clone()} class="set-note-label">{ format!("Note under message {n}") }</label>
                <textarea id={note_id} class="set-note-input" rows="2" maxlength={MAX_NOTE_CHARS.to_string()}
                    value={item.note.clone()} oninput={onnote} data-testid="set-note-input" />
                <div class="set-item-tools" role="group" aria-label={format!("Message {n} of {count}")}>
                    // A pointer's handle only (the buttons are the keyboard's way, and a
                    // screen reader's): hidden from assistive technology and on touch screens.
                    <span class="set-drag" draggable="true" aria-hidden="true" title="Drag to move"
                        {ondragstart} {ondragend} data-testid="set-drag">{ "↕ Drag" }</span>
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
            <SetTools set={set.clone()} shared={false} />
            <ol class="set-items">{ for items }</ol>
        </div>
    }
}

/// Every set kept on this device: open, rename, delete; a new set; a set file opened.
#[function_component(Shelf)]
pub(super) fn shelf() -> Html {
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
