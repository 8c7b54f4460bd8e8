//! Hooks that give components the app state and keep the URL in step with it.

mod use_app_state;
mod use_chart_width;
mod use_document_keydown;
mod use_kept_corpus;
mod use_sets;
mod use_slide_steps;
mod use_url_sync;

pub use use_app_state::{
    use_app_state, use_outcome, AppContext, InUse, KeptCorpus, LoadedFile, Shared, Store,
    StoreAction,
};
pub use use_chart_width::use_chart_width;
pub use use_document_keydown::{use_document_keydown, KeyPress};
pub use use_kept_corpus::{use_kept_corpus, Adopt, KeptHandles, KeptInputs};
pub use use_sets::{use_sets, use_sets_context, Sets, SetsContext};
pub use use_slide_steps::use_slide_steps;
pub use use_url_sync::use_url_sync;
