use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::core::corpus::Corpus;
use crate::core::load::{is_markdown, too_large, LoadError, MAX_CORPUS_BYTES};
use crate::core::validate::{Problem, ProblemKind};
use crate::ui::browser::{self, NotRead, ReaderCall};
use crate::ui::hooks::LoadedFile;

/// Files above this size (2 MB) come with a word that loading takes a moment.
const BIG_FILE: u64 = 2 * 1024 * 1024;

/// "19.2 MB", "840 KB".
fn megabytes(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

/// How many problems of a refused file are listed; the rest are counted.
const SHOWN_PROBLEMS: usize = 20;

/// Props of [`CorpusLoader`].
#[derive(Properties, PartialEq)]
pub struct CorpusLoaderProps {
    /// Called with a valid corpus read from the user's file, and the file.
    pub onload: Callback<(Corpus, LoadedFile)>,
}

#[derive(Clone, PartialEq)]
enum Status {
    Idle,
    /// The file's name and size in bytes.
    Reading(String, u64),
    /// Read and checked; its messages (how many) are being indexed on the page, a slice
    /// at a time.
    Indexing(String, usize),
    /// The reader cancelled the reading of this file.
    Cancelled(String),
    Refused(String, LoadError),
}

/// A file picker and drop zone for a corpus file. The file is read and validated in the
/// browser (it never leaves it) by the same code as the `corpus-check` tool; a refused file
/// leaves the corpus in use as it was.
#[function_component(CorpusLoader)]
pub fn corpus_loader(props: &CorpusLoaderProps) -> Html {
    let status = use_state(|| Status::Idle);
    let reader = use_mut_ref(|| None);
    let dragging = use_state(|| false);
    // Which reading is current: a cancelled one's late answer is dropped.
    let current = use_mut_ref(|| 0u64);
    let accept = acceptor(status.clone(), props.onload.clone(), current.clone());
    let oncancel = {
        let (status, reader, current) = (status.clone(), reader.clone(), current.clone());
        Callback::from(move |_: MouseEvent| {
            if let Status::Reading(name, _) = &*status {
                *current.borrow_mut() += 1;
                // Reading the file from disk, or reading it in the worker: both stop.
                reader.borrow_mut().take();
                browser::cancel_reading();
                status.set(Status::Cancelled(name.clone()));
            }
        })
    };
    let start = {
        let (status, reader, accept, current) = (
            status.clone(),
            reader.clone(),
            accept.clone(),
            current.clone(),
        );
        Callback::from(move |file: browser::PickedFile| {
            // A new file replaces any reading under way.
            *current.borrow_mut() += 1;
            read_file(file, &status, &reader, accept.clone())
        })
    };
    let onchange = {
        let start = start.clone();
        Callback::from(move |e: Event| {
            if let Some(file) = browser::picked_file(&e) {
                start.emit(file);
            }
        })
    };
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let ondrop = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            if let Some(file) = browser::dropped_file(&e) {
                start.emit(file);
            }
        })
    };
    html! {
        <section class="corpus-loader" aria-labelledby="load-title">
            <h2 id="load-title">{ "Load your own corpus file" }</h2>
            <p>{ format!("A corpus file in Markdown (a meeting per # heading, a message per bullet), JSON, or a CSV list with one message per row, at most {} MB. It is read in this browser and never uploaded. The whole app then works on it; one action returns to the built-in corpus.", MAX_CORPUS_BYTES / (1024 * 1024)) }</p>
            <p>
                { "Templates: " }
                <a href="corpus-template.md" download="corpus-template.md" data-testid="template-md">{ "Markdown (# meeting, ## heading, one message per bullet)" }</a>
                { " · " }
                <a href="corpus-template.csv" download="corpus-template.csv" data-testid="template-csv">{ "CSV (columns: meeting, year, text, source; optional id, heading, subheading, locator, topics, coverage)" }</a>
                { " · " }
                <a href="corpus-template.json" download="corpus-template.json" data-testid="template-json">{ "JSON" }</a>
            </p>
            <div class={classes!("drop-zone", dragging.then_some("dragging"))} {ondragover} {ondragleave} {ondrop} data-testid="drop-zone">
                <label for="corpus-file">{ "Choose a corpus file, or drop it here" }</label>
                <input id="corpus-file" type="file" accept=".md,.markdown,.json,.csv,text/markdown,application/json,text/csv" {onchange} data-testid="corpus-file" />
            </div>
            <div role="status" aria-live="polite" data-testid="load-status">
                { status_view(&status, oncancel) }
            </div>
        </section>
    }
}

/// What the loader says: nothing, that it is busy with a file, or why a file was refused.
fn status_view(status: &Status, oncancel: Callback<MouseEvent>) -> Html {
    match status {
        Status::Idle => Html::default(),
        Status::Reading(name, size) => html! {
            <p class="progress" data-testid="load-busy">
                { format!("Reading and checking {name} ({})…", megabytes(*size)) }
                if *size > BIG_FILE { { " A file this large takes a few seconds; the page stays usable meanwhile." } }
                { " " }
                <button type="button" onclick={oncancel} data-testid="load-cancel">{ "Cancel" }</button>
            </p>
        },
        Status::Indexing(name, messages) => html! {
            <p class="progress" data-testid="load-indexing">
                { format!("{name} is read and checked; indexing its {messages} messages…") }
            </p>
        },
        Status::Cancelled(name) => html! {
            <p data-testid="load-cancelled">{ format!("Reading {name} was cancelled; the corpus in use is unchanged.") }</p>
        },
        Status::Refused(name, error) => html! {
            <div class="banner banner-error" data-testid="load-errors">
                <p>{ format!("{name} was not loaded; the corpus in use is unchanged. {} problem(s):", error.problems.len()) }</p>
                <ul>{ for error.problems.iter().take(SHOWN_PROBLEMS).map(|p| html! { <li>{ p.to_string() }</li> }) }</ul>
                if error.problems.len() > SHOWN_PROBLEMS {
                    <p>{ format!("…and {} more.", error.problems.len() - SHOWN_PROBLEMS) }</p>
                }
            </div>
        },
    }
}

/// What happens to a file's bytes (or the reason they could not be read): read and
/// checked by the corpus reader in a worker (the same code as the `corpus-check` tool),
/// then put in use or refused with its problems; Cancel leaves everything as it was.
fn acceptor(
    status: UseStateHandle<Status>,
    onload: Callback<(Corpus, LoadedFile)>,
    current: Rc<RefCell<u64>>,
) -> Accept {
    Rc::new(move |name: String, bytes: Result<Vec<u8>, ProblemKind>| {
        let ticket = *current.borrow();
        // (Empty, binary and other files are refused by the reader, in its worker.)
        let bytes = match bytes {
            Ok(bytes) => bytes,
            Err(kind) => {
                let problems = vec![Problem::new("", kind)];
                return status.set(Status::Refused(name, LoadError { problems }));
            }
        };
        let (status, onload, current) = (status.clone(), onload.clone(), current.clone());
        browser::spawn(async move {
            let answer = browser::read_corpus(ReaderCall::File {
                name: &name,
                bytes: &bytes,
            })
            .await;
            if *current.borrow() != ticket {
                return;
            }
            match answer {
                Ok(corpus) => {
                    // The last step runs on the page: say so before it starts.
                    status.set(Status::Indexing(name.clone(), corpus.messages.len()));
                    browser::pause(30).await;
                    if *current.borrow() != ticket {
                        return;
                    }
                    // (The page opens the corpus's list once it is indexed.)
                    let file = kept_form(&name, bytes, &corpus);
                    onload.emit((corpus, file));
                }
                Err(NotRead::Cancelled) => status.set(Status::Cancelled(name)),
                Err(NotRead::Problems(problems)) => status.set(Status::Refused(
                    name,
                    LoadError {
                        problems: problems
                            .into_iter()
                            .map(|p| Problem::new("", ProblemKind::Shape(p)))
                            .collect(),
                    },
                )),
            }
        });
    })
}

type Accept = Rc<dyn Fn(String, Result<Vec<u8>, ProblemKind>)>;

/// What is kept of a loaded file (in memory, and on this device if asked): the file as it
/// is, or for Markdown the corpus as JSON, which reads back as the same corpus.
fn kept_form(name: &str, bytes: Vec<u8>, corpus: &Corpus) -> LoadedFile {
    if is_markdown(name) {
        let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
        LoadedFile {
            name: format!("{stem}.json"),
            bytes: Rc::new(serde_json::to_vec(corpus).unwrap_or_default()),
        }
    } else {
        LoadedFile {
            name: name.to_string(),
            bytes: Rc::new(bytes),
        }
    }
}

/// Refuses an oversized file before reading it, otherwise reads it and hands the bytes on.
fn read_file(
    file: browser::PickedFile,
    status: &UseStateHandle<Status>,
    reader: &Rc<RefCell<Option<browser::FileReading>>>,
    accept: Accept,
) {
    let name = file.name();
    let size = file.size();
    if let Some(kind) = too_large(size) {
        accept(name, Err(kind));
        return;
    }
    status.set(Status::Reading(name.clone(), size));
    let task = browser::read_bytes(file, move |result| {
        accept(name, result.map_err(ProblemKind::Unreadable));
    });
    *reader.borrow_mut() = Some(task);
}
