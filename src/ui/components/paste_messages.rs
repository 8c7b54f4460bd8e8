use std::rc::Rc;

use yew::prelude::*;

use crate::core::corpus::Corpus;
use crate::core::load::too_large;
use crate::core::markdown::{paste_missing, preview, PasteContext, PasteField};
use crate::ui::browser::{self, NotRead, ReaderCall};
use crate::ui::hooks::LoadedFile;

/// How many problems of a paste are listed.
const SHOWN_PROBLEMS: usize = 10;

/// Props of [`PasteMessages`].
#[derive(Properties, PartialEq)]
pub struct PasteMessagesProps {
    /// Called with the corpus read from the pasted text.
    pub onload: Callback<(Corpus, LoadedFile)>,
}

/// A text area for messages copied from an official page or PDF: the Markdown layout, or
/// plain text with one message per paragraph or bullet under the meeting, heading and
/// source given beside it. A preview says what would be loaded (counts per meeting and
/// heading) or the first problems with their line, before "Use these messages"; nothing
/// changes until then, and nothing changes when the text has problems.
#[function_component(PasteMessages)]
pub fn paste_messages(props: &PasteMessagesProps) -> Html {
    let context = use_state(|| PasteContext {
        meeting: String::new(),
        year: String::new(),
        heading: String::new(),
        source_title: String::new(),
        source_url: String::new(),
    });
    let text = use_state(String::new);
    let result = use_state(|| None::<Reading>);
    use_paste_reader(&context, &text, &result);
    // Fields plain text needs: each marked where it is, and listed with a way to it.
    let missing = paste_missing(&text, &context);
    let invalid = |id: &str| missing.iter().any(|f| f.input_id() == id);
    let field = |label: &'static str,
                 id: &'static str,
                 value: String,
                 set: fn(&mut PasteContext, String)| {
        let context = context.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            let mut next = (*context).clone();
            set(&mut next, browser::input_value(&e));
            context.set(next);
        });
        let bad = invalid(id);
        html! {
            <p class="paste-field">
                <label for={id}>{ label }</label>
                <input {id} type="text" {value} {oninput} data-testid={id}
                    aria-invalid={bad.then_some("true")}
                    aria-describedby={bad.then(|| format!("{id}-problem"))} />
                if bad {
                    <span id={format!("{id}-problem")} class="field-problem">{ "Needed for pasted text" }</span>
                }
            </p>
        }
    };
    let ontext = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| text.set(browser::textarea_value(&e)))
    };
    let onuse = {
        let (result, onload) = (result.clone(), props.onload.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(Ok(corpus)) = result.as_ref() {
                // Kept as JSON: a paste has no file of its own.
                let file = LoadedFile {
                    name: "pasted-messages.json".into(),
                    bytes: Rc::new(serde_json::to_vec(corpus).unwrap_or_default()),
                };
                onload.emit((corpus.clone(), file));
            }
        })
    };
    let c = (*context).clone();
    html! {
        <section class="paste-messages" aria-labelledby="paste-title">
            <h2 id="paste-title">{ "Paste a message set" }</h2>
            <p>{ "Copy the messages from an official page or PDF and paste them below, one message per paragraph or bullet; say which meeting, heading and source they come from. Text in the Markdown layout (with # meeting lines) is read as it is. Nothing changes until you choose \"Use these messages\"." }</p>
            <div class="paste-fields">
                { field("Meeting (e.g. Kyoto)", "paste-meeting", c.meeting, |c, v| c.meeting = v) }
                { field("Year", "paste-year", c.year, |c, v| c.year = v) }
                { field("Heading as published (optional)", "paste-heading", c.heading, |c, v| c.heading = v) }
                { field("Source title", "paste-source-title", c.source_title, |c, v| c.source_title = v) }
                { field("Source address (https://…)", "paste-source-url", c.source_url, |c, v| c.source_url = v) }
            </div>
            <label for="paste-text">{ "Messages" }</label>
            <textarea id="paste-text" rows="10" value={(*text).clone()} oninput={ontext} data-testid="paste-text" spellcheck="false" />
            <div role="status" aria-live="polite" data-testid="paste-preview">
                if missing.is_empty() {
                    { preview_view(result.as_ref()) }
                } else {
                    { missing_view(&missing) }
                }
            </div>
            <button onclick={onuse} disabled={!missing.is_empty() || !matches!(result.as_ref(), Some(Ok(_)))} data-testid="paste-use">{ "Use these messages" }</button>
        </section>
    }
}

/// The pasted text as read: the corpus, or its problems (each with its line).
type Reading = Result<Corpus, Vec<String>>;

/// How long typing must pause before the text is read again (milliseconds).
const PASTE_PAUSE_MS: u32 = 250;

/// Reads the pasted text with the corpus reader (in its worker) once typing pauses; a
/// newer text cancels the reading of an older one, and only the answer to the latest text
/// is shown. `None` while the text is empty.
#[hook]
fn use_paste_reader(
    context: &UseStateHandle<PasteContext>,
    text: &UseStateHandle<String>,
    result: &UseStateHandle<Option<Reading>>,
) {
    let latest = use_mut_ref(|| 0u64);
    let pending = use_mut_ref(|| None::<browser::Later>);
    let result = result.clone();
    use_effect_with(((**context).clone(), (**text).clone()), move |(c, text)| {
        *latest.borrow_mut() += 1;
        let ticket = *latest.borrow();
        // The previous text's reading, waiting or under way, is no longer wanted.
        pending.borrow_mut().take();
        if text.trim().is_empty() {
            result.set(None);
        } else if let Some(kind) = too_large(text.len() as u64) {
            result.set(Some(Err(vec![kind.to_string()])));
        } else {
            let (c, text) = (c.clone(), text.clone());
            *pending.borrow_mut() = Some(browser::later(PASTE_PAUSE_MS, move || {
                browser::spawn(async move {
                    let answer = browser::read_corpus(ReaderCall::Paste(&text, &c)).await;
                    if *latest.borrow() != ticket {
                        return;
                    }
                    match answer {
                        Ok(corpus) => result.set(Some(Ok(corpus))),
                        Err(NotRead::Problems(problems)) => result.set(Some(Err(problems))),
                        Err(NotRead::Cancelled) => {}
                    }
                });
            }));
        }
    });
}

/// The fields to fill in before the text can be read, each a button to its field.
fn missing_view(missing: &[PasteField]) -> Html {
    html! {
        <div class="banner banner-error" data-testid="paste-problems">
            <p>{ "Not loadable yet:" }</p>
            <ul>
                { for missing.iter().map(|field| {
                    let id = field.input_id();
                    let onclick = Callback::from(move |_: MouseEvent| browser::focus(id));
                    html! { <li><button class="link-button" {onclick} data-testid={format!("fill-{id}")}>{ field.problem() }</button></li> }
                }) }
            </ul>
        </div>
    }
}

/// What would be loaded, or why not.
fn preview_view(result: Option<&Reading>) -> Html {
    match result {
        None => Html::default(),
        Some(Ok(corpus)) => html! {
            <div class="paste-ok">
                <p>{ match corpus.messages.len() {
                    1 => "1 message would be loaded:".to_string(),
                    n => format!("{n} messages would be loaded:"),
                } }</p>
                <ul>
                    { for preview(corpus).into_iter().map(|(meeting, headings)| html! {
                        <li>{ meeting }
                            <ul>{ for headings.into_iter().map(|(heading, count)| html! { <li>{ format!("{heading}: {count}") }</li> }) }</ul>
                        </li>
                    }) }
                </ul>
            </div>
        },
        Some(Err(problems)) => html! {
            <div class="banner banner-error" data-testid="paste-problems">
                <p>{ format!("Not loadable yet, {} problem(s):", problems.len()) }</p>
                <ul>{ for problems.iter().take(SHOWN_PROBLEMS).map(|p| html! { <li>{ p.to_string() }</li> }) }</ul>
                if problems.len() > SHOWN_PROBLEMS {
                    <p>{ format!("…and {} more.", problems.len() - SHOWN_PROBLEMS) }</p>
                }
            </div>
        },
    }
}
