use std::rc::Rc;

use yew::prelude::*;

use crate::core::corpus::Corpus;
use crate::core::query::{Explorer, Outcome, Selection};
use crate::core::related;
use crate::core::state::{reduce, Action, AppState};

/// [`AppState`] wrapped for Yew's reducer hook; the rules live in [`reduce`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Store(pub AppState);

impl Reducible for Store {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(Store(reduce(&self.0, action)))
    }
}

/// A corpus file the reader loaded: its name and bytes (kept in memory only, unless the
/// reader asks to keep it on this device).
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedFile {
    /// The file's name.
    pub name: String,
    /// Its bytes, as read.
    pub bytes: Rc<Vec<u8>>,
}

/// The corpus file kept on this device, as the header names it.
#[derive(Debug, Clone, PartialEq)]
pub struct KeptCorpus {
    /// The corpus id (what links made on it carry).
    pub id: String,
    /// Its title.
    pub title: String,
}

/// What every page reads: the state, a way to dispatch actions, and the loaded corpus
/// with its index.
#[derive(Clone)]
pub struct AppContext {
    /// The state and its dispatcher.
    pub store: UseReducerHandle<Store>,
    /// The corpus being explored, indexed (its stem cache inside).
    pub explorer: Rc<Explorer>,
    /// Whether the corpus in use is the built-in one.
    pub builtin: bool,
    /// Puts a corpus the user loaded in use.
    pub onload: Callback<(Corpus, LoadedFile)>,
    /// Returns to the built-in corpus.
    pub onreset: Callback<()>,
    /// The corpus file kept on this device, if any.
    pub kept: Option<KeptCorpus>,
    /// Keeps the file of the corpus in use on this device.
    pub onkeep: Callback<()>,
    /// Removes the kept file from this device.
    pub onforget: Callback<()>,
    /// Puts the kept corpus in use.
    pub onusekept: Callback<()>,
    /// The reader's corpus the page's link was made on, while it is looked for on this
    /// device.
    pub looking_for: Option<String>,
}

impl PartialEq for AppContext {
    fn eq(&self, other: &Self) -> bool {
        self.store == other.store
            && Rc::ptr_eq(&self.explorer, &other.explorer)
            && self.builtin == other.builtin
            && self.kept == other.kept
            && self.looking_for == other.looking_for
    }
}

impl AppContext {
    /// The current state.
    pub fn state(&self) -> &AppState {
        &self.store.0
    }

    /// Identifies the corpus in use: a memo keyed on it is recomputed when another corpus
    /// is loaded.
    pub fn corpus_key(&self) -> usize {
        Rc::as_ptr(&self.explorer) as usize
    }

    /// Whether the corpus in use is the one kept on this device.
    pub fn kept_in_use(&self) -> bool {
        !self.builtin
            && self
                .kept
                .as_ref()
                .is_some_and(|k| k.id == self.explorer.corpus().id)
    }

    /// A callback that turns a value into an action and dispatches it.
    pub fn dispatcher<T: 'static>(&self, f: impl Fn(T) -> Action + 'static) -> Callback<T> {
        let store = self.store.clone();
        Callback::from(move |value: T| store.dispatch(f(value)))
    }
}

/// The outcome of a selection on the corpus in use, recomputed only when either changes.
#[hook]
pub fn use_outcome(context: &AppContext, selection: &Selection) -> Rc<Outcome> {
    let explorer = context.explorer.clone();
    use_memo(
        (selection.clone(), context.corpus_key()),
        move |(selection, _)| {
            let explorer = &*explorer;
            if crate::ui::FULL_APP {
                related::run(explorer, selection)
            } else {
                explorer.run(selection)
            }
        },
    )
}

/// The app context provided by [`crate::ui::App`].
#[hook]
pub fn use_app_state() -> AppContext {
    use_context::<AppContext>().expect("pages are rendered inside App's ContextProvider")
}
