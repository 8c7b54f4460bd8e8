use yew::prelude::*;

use crate::ui::components::{CorpusLoader, PasteMessages};
use crate::ui::hooks::use_app_state;

/// Your messages: a teacher's or curator's own corpus, one tap from the header. Load a
/// file (JSON, CSV or Markdown) or paste a message set, each with a preview and its
/// problems; what is loaded is used everywhere, marked as the reader's own.
#[function_component(LoadPage)]
pub fn load_page() -> Html {
    let context = use_app_state();
    html! {
        <div class="load">
            <h1>{ "Your messages" }</h1>
            <p>{ "Explore, compare, chart and present your own set of messages: a corpus file, or messages pasted from a document. Nothing leaves this device; the app checks what you give it and says what it cannot use." }</p>
            <CorpusLoader onload={context.onload.clone()} />
            <PasteMessages onload={context.onload.clone()} />
        </div>
    }
}
