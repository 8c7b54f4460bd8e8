use std::rc::Rc;

use yew::prelude::*;

use crate::core::corpus::Corpus;
use crate::core::query::{Explorer, Outcome, Selection};
use crate::core::related;
use crate::core::state::{reduce, Action, AppState, CorpusInUse};

/// A value shared by reference: two are equal when they are the same value in memory, so
/// comparing props or states that hold one costs a pointer comparison, never a walk over
/// a whole corpus (or the code to do it).
pub struct Shared<T>(Rc<T>);

impl<T> Shared<T> {
    /// Shares `value`.
    pub fn new(value: T) -> Shared<T> {
        Shared(Rc::new(value))
    }

    /// Identifies the value: a memo keyed on it is recomputed when another one is shared.
    pub fn key(&self) -> usize {
        Rc::as_ptr(&self.0) as usize
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The corpus in use, indexed: shared by every page, the same value for as long as that
/// corpus is in use.
pub type InUse = Shared<Explorer>;

/// The app's one state, for Yew's reducer hook: the core's [`AppState`] (the rules live
/// in [`reduce`]) and the corpus in use with its file.
#[derive(Clone, PartialEq)]
pub struct Store {
    /// The view, notices and history mode.
    pub state: AppState,
    /// The corpus in use, indexed.
    pub explorer: InUse,
    /// Whether it is the built-in corpus.
    pub builtin: bool,
    /// Its file, when it is the reader's.
    pub file: Option<LoadedFile>,
}

/// What changes the [`Store`]: an action of the core, or another corpus put in use.
pub enum StoreAction {
    /// A reader's action (or the address's change).
    App(Action),
    /// Another corpus, indexed, is in use: the built-in one, or a reader's with its file.
    Use(InUse, Option<LoadedFile>, CorpusInUse),
}

impl From<Action> for StoreAction {
    fn from(action: Action) -> Self {
        StoreAction::App(action)
    }
}

impl Reducible for Store {
    type Action = StoreAction;

    fn reduce(self: Rc<Self>, action: StoreAction) -> Rc<Self> {
        match action {
            StoreAction::App(action) => Rc::new(Store {
                state: reduce(&self.state, action),
                ..(*self).clone()
            }),
            StoreAction::Use(explorer, file, in_use) => Rc::new(Store {
                builtin: in_use.builtin,
                state: reduce(&self.state, Action::CorpusChanged(in_use)),
                explorer,
                file,
            }),
        }
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
#[derive(Clone, PartialEq)]
pub struct AppContext {
    /// The state and its dispatcher.
    pub store: UseReducerHandle<Store>,
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

impl AppContext {
    /// The current state.
    pub fn state(&self) -> &AppState {
        &self.store.state
    }

    /// Identifies the corpus in use: a memo keyed on it is recomputed when another corpus
    /// is loaded.
    pub fn corpus_key(&self) -> usize {
        self.store.explorer.key()
    }

    /// Whether the corpus in use is the one kept on this device.
    pub fn kept_in_use(&self) -> bool {
        !self.store.builtin
            && self
                .kept
                .as_ref()
                .is_some_and(|k| k.id == self.store.explorer.corpus().id)
    }

    /// A callback that turns a value into an action and dispatches it.
    pub fn dispatcher<T: 'static>(&self, f: impl Fn(T) -> Action + 'static) -> Callback<T> {
        let store = self.store.clone();
        Callback::from(move |value: T| store.dispatch(f(value).into()))
    }
}

/// The outcome of a selection on the corpus in use, recomputed only when either changes.
#[hook]
pub fn use_outcome(context: &AppContext, selection: &Selection) -> Rc<Outcome> {
    let explorer = context.store.explorer.clone();
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
