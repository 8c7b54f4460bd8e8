use yew::prelude::*;

pub use crate::ui::browser::KeyPress;

/// Calls `handler` for every key pressed in the page while the component is mounted
/// (registered again when `deps` change, so the handler sees current values). When the
/// handler returns true the key is taken: its default action is prevented.
#[hook]
pub fn use_document_keydown<D, F>(deps: D, handler: F)
where
    D: PartialEq + 'static,
    F: Fn(&KeyPress) -> bool + 'static,
{
    use_effect_with(deps, move |_| {
        let listening = crate::ui::browser::on_keydown(handler);
        move || drop(listening)
    });
}
