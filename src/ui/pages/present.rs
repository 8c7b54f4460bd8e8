use yew::prelude::*;

use crate::core::related;
use crate::core::state::{clamp_slide, corpus_label};
use crate::core::url::{self, Route};
use crate::ui::components::{CopyLink, SlideFrame};
use crate::ui::hooks::{use_app_state, use_outcome, use_slide_steps};

/// Messages longer than this many bytes get a smaller type so they fit a projected screen
/// (never truncated).
const LONG_MESSAGE: usize = 450;

/// The selection as slides: one message each in large type, with its meeting, year,
/// heading and topic, and a counter. Keyboard driven; the slide number is in the URL.
#[function_component(PresentPage)]
pub fn present_page() -> Html {
    let context = use_app_state();
    let view = context.state().view.clone();
    let outcome = use_outcome(&context, &view.selection);
    let slides = outcome.slides();
    let total = slides.len();
    let slide = clamp_slide(view.slide, total);
    let leave = url::render(&view.at(Route::Explore));
    let go = use_slide_steps(slide, total, leave.clone());
    // Past the first slide of "like" slides, why each message follows the first.
    let reason = match (outcome.like, slides.get(slide - 1)) {
        (Some(first), Some(&m)) if m != first => {
            Some(related::why(&context.store.explorer, first, m).reason())
        }
        _ => None,
    };
    let explorer = &*context.store.explorer;
    let body = match slides.get(slide - 1) {
        None => html! {
            <div class="slide empty">
                <p>{ "No messages to present: the selection is empty." }</p>
                <p><a href={leave.clone()}>{ "Back to Explore" }</a></p>
            </div>
        },
        Some(&m) => {
            let message = &explorer.corpus().messages[m];
            let d = explorer.details(m);
            html! {
                <article class="slide" aria-roledescription="slide" aria-label={format!("Message {slide} of {total}")} data-testid="slide">
                    <blockquote class={classes!("slide-text", (message.text.len() > LONG_MESSAGE).then_some("long"))}>{ message.text.clone() }</blockquote>
                    <p class="slide-meta">
                        <span>{ d.meeting.clone() }</span>
                        { " · " }
                        <span>{ d.heading_or_note() }</span>
                    </p>
                    <p class="slide-meta small">
                        { format!("Topic: {}", d.topics_line()) }
                        { " · " }{ format!("Source: {}", d.source_title) }
                    </p>
                    if d.partial {
                        <p class="slide-meta small">{ d.coverage.clone() }</p>
                    }
                    if let Some(reason) = reason {
                        <p class="slide-meta small" data-testid="slide-reason">{ format!("{reason} (with the first message)") }</p>
                    }
                </article>
            }
        }
    };
    // A reader's own corpus is named in the bar.
    let corpus_line = if context.store.builtin {
        Html::default()
    } else {
        html! { <p class="present-corpus" data-testid="present-corpus">{ corpus_label(&explorer.corpus().title, false) }</p> }
    };
    html! {
        <SlideFrame heading="Presentation of the selected messages" {slide} {total} leave={leave} {go}
            bar={corpus_line}
            tools={html! { <CopyLink view={view.clone()} /> }}>
            { body }
        </SlideFrame>
    }
}
