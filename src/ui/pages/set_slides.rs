use yew::prelude::*;

use crate::core::set::Set;
use crate::core::state::clamp_slide;
use crate::core::url::{self, Route, View};
use crate::ui::components::SlideFrame;
use crate::ui::hooks::{use_app_state, use_sets_context, use_slide_steps};

/// A set as slides: its title and introduction first, then each message in the set's
/// order with the note under it. The set is the link's, or the one in use on this device;
/// keys, swipes and the slide number in the address work as in the selection's slides.
#[function_component(SetSlidesPage)]
pub fn set_slides_page() -> Html {
    let context = use_app_state();
    let sets = use_sets_context();
    let view = context.state().view.clone();
    let set: Set = match view.linked_set() {
        Some(set) => set,
        None => sets
            .as_ref()
            .and_then(|s| s.shelf.in_use().cloned())
            .unwrap_or_default(),
    };
    let explorer = &*context.store.explorer;
    // The title slide, then the messages the corpus in use holds.
    let messages: Vec<(usize, &str)> = set
        .items
        .iter()
        .filter_map(|item| explorer.position(&item.id).map(|m| (m, item.note.as_str())))
        .collect();
    let total = messages.len() + 1;
    let slide = clamp_slide(view.slide, total);
    let leave = url::render(&View {
        route: Route::Set,
        corpus: view.corpus.clone(),
        set: view.set.clone(),
        ..View::default()
    });
    let go = use_slide_steps(slide, total, leave.clone());
    let title = if set.title.trim().is_empty() {
        "A set of IGF Messages".to_string()
    } else {
        set.title.clone()
    };
    let body = match slide.checked_sub(2).and_then(|i| messages.get(i)) {
        None => html! {
            <article class="slide slide-title" aria-roledescription="slide" aria-label={format!("Slide 1 of {total}")} data-testid="slide">
                <p class="slide-set-title">{ title.clone() }</p>
                if !set.intro.trim().is_empty() {
                    <p class="slide-intro" data-testid="slide-intro">{ set.intro.clone() }</p>
                }
                <p class="slide-meta small">{ match messages.len() { 1 => "1 message".to_string(), n => format!("{n} messages") } }</p>
            </article>
        },
        Some(&(m, note)) => {
            let message = &explorer.corpus().messages[m];
            let d = explorer.details(m);
            html! {
                <article class="slide" aria-roledescription="slide" aria-label={format!("Slide {slide} of {total}")} data-testid="slide" data-id={message.id.clone()}>
                    <blockquote class={classes!("slide-text", (message.text.len() > 450).then_some("long"))}>{ message.text.clone() }</blockquote>
                    <p class="slide-meta"><span>{ d.meeting.clone() }</span>{ " · " }<span>{ d.heading_or_note() }</span></p>
                    <p class="slide-meta small">{ format!("Source: {}, {}", d.source_title, d.locator) }</p>
                    if !note.trim().is_empty() {
                        <p class="slide-note" data-testid="slide-note">{ note.to_string() }</p>
                    }
                </article>
            }
        }
    };
    html! {
        <SlideFrame heading={format!("Presentation of the set “{title}”")} {slide} {total} leave={leave} {go}>
            { body }
        </SlideFrame>
    }
}
