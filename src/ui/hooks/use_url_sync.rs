use yew::prelude::*;

use super::AppContext;
use crate::core::state::HistoryMode;
use crate::core::url;

/// Keeps the address bar and the state in step: each state change writes the canonical URL
/// (a new history entry or a replacement, as the reducer decided), and Back/Forward or an
/// edited address dispatch the view they hold.
#[hook]
pub fn use_url_sync(context: &AppContext) {
    let rendered = url::render(&context.state().view);
    let mode = context.state().history;
    use_effect_with(rendered, move |rendered| {
        write_url(rendered, mode);
    });

    // Listeners parse URLs against the corpus in use: re-register when it changes.
    let corpus_key = context.corpus_key();
    let context = context.clone();
    use_effect_with(corpus_key, move |_| {
        let listeners = listen(context);
        move || drop(listeners)
    });
}

fn write_url(rendered: &str, mode: HistoryMode) {
    crate::ui::browser::write_address(rendered, mode == HistoryMode::Push);
}

fn listen(context: AppContext) -> crate::ui::browser::Listening {
    crate::ui::browser::on_address_change(move |hash| {
        let parsed = url::parse(&hash).resolve(context.store.explorer.corpus());
        context.store.dispatch(
            crate::core::state::Action::Navigated(Box::new(parsed.view), parsed.warnings).into(),
        );
    })
}
