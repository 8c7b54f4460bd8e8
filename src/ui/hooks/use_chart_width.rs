use yew::prelude::*;

use crate::core::chart::{chart_width, WIDE};
use crate::ui::browser;

/// The width to draw charts at inside `container` (see [`chart_width`]): first guessed
/// from the window, then measured once the container is in the page and again whenever
/// the window is resized. Outside a browser, [`WIDE`].
#[hook]
pub fn use_chart_width(container: NodeRef) -> u32 {
    let width = use_state_eq(|| {
        // The page's side padding is at most 1.5rem on each side.
        browser::viewport_width().map_or(WIDE, |w| chart_width(w.saturating_sub(48)))
    });
    {
        let width = width.clone();
        use_effect_with(container, move |container| {
            let measure = {
                let container = container.clone();
                move || {
                    if let Some(available) = browser::element_width(&container) {
                        width.set(chart_width(available));
                    }
                }
            };
            measure();
            let guard = browser::on_resize(measure);
            // The listener lives as long as the effect.
            move || {
                let _listener = guard;
            }
        });
    }
    *width
}
