use yew::prelude::*;

use crate::ui::browser;

use crate::core::related;
use crate::core::state::{clamp_slide, corpus_label, step_for, Action, Step};
use crate::core::url::{self, Route};
use crate::ui::components::CopyLink;
use crate::ui::hooks::{use_app_state, use_document_keydown, use_outcome, KeyPress};

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

/// How a presentation steps: to a slide (`Action::SetSlide`, the number in the address) or
/// out to `leave`, from the buttons, the keys (clickers send the same ones) and swipes.
#[hook]
pub(super) fn use_slide_steps(slide: usize, total: usize, leave: String) -> Callback<Step> {
    let context = use_app_state();
    let go = {
        let store = context.store.clone();
        Callback::from(move |step: Step| match step.target(slide, total) {
            Some(target) => store.dispatch(Action::SetSlide(target).into()),
            None => browser::set_hash(&leave),
        })
    };
    use_keys(go.clone(), (slide, total));
    go
}

/// Props of [`SlideFrame`].
#[derive(Properties, PartialEq)]
pub(super) struct SlideFrameProps {
    /// The page's heading (for screen readers; the slides are the page).
    pub heading: AttrValue,
    /// The slide shown (from 1) and how many there are.
    pub slide: usize,
    /// How many slides there are.
    pub total: usize,
    /// Where "Exit" and Escape lead.
    pub leave: AttrValue,
    /// A step asked for ([`use_slide_steps`]).
    pub go: Callback<Step>,
    /// In the bar, before the counter (the corpus of the slides, when it is a reader's).
    #[prop_or_default]
    pub bar: Html,
    /// In the bar's tools, after "Full screen".
    #[prop_or_default]
    pub tools: Html,
    /// The slide.
    pub children: Html,
}

/// A presentation around its slide: the bar (exit, counter, full screen), the previous and
/// next buttons, swipes and the keys' hint; the selection's slides and a set's share it.
#[function_component(SlideFrame)]
pub(super) fn slide_frame(props: &SlideFrameProps) -> Html {
    let (slide, total, go) = (props.slide, props.total, &props.go);
    let on = |step: Step| go.reform(move |_: MouseEvent| step);
    let (onpointerdown, onpointerup) = swipe(go.clone());
    let onfullscreen = Callback::from(|_: MouseEvent| browser::toggle_fullscreen());
    html! {
        <div class="present" data-testid="present" {onpointerdown} {onpointerup}>
            <h1 class="visually-hidden">{ props.heading.clone() }</h1>
            <div class="present-bar">
                <a href={props.leave.clone()} class="present-exit" data-testid="present-exit">{ "Exit (Esc)" }</a>
                { props.bar.clone() }
                <p class="counter" aria-live="polite" data-testid="slide-counter">{ format!("{} / {}", if total == 0 { 0 } else { slide }, total) }</p>
                <div class="present-tools">
                    <button onclick={onfullscreen} data-testid="present-fullscreen">{ "Full screen" }</button>
                    { props.tools.clone() }
                </div>
            </div>
            { props.children.clone() }
            <div class="present-controls">
                <button onclick={on(Step::Previous)} disabled={slide <= 1} data-testid="slide-previous">{ "← Previous" }</button>
                <button onclick={on(Step::Next)} disabled={slide >= total} data-testid="slide-next">{ "Next →" }</button>
            </div>
            <p class="hint">{ "Keys: → ↓ Page Down or space for next; ← ↑ Page Up for previous; Home, End; Esc to leave. On a touch screen, swipe left or right." }</p>
        </div>
    }
}

/// Swiping on a touch screen: left for the next slide, right for the previous one (a
/// mostly horizontal move of at least 50 px; taps and scrolls do nothing).
fn swipe(go: Callback<Step>) -> (Callback<PointerEvent>, Callback<PointerEvent>) {
    let start = std::rc::Rc::new(std::cell::Cell::new(None::<(i32, i32)>));
    let down = {
        let start = start.clone();
        Callback::from(move |e: PointerEvent| {
            if e.pointer_type() != "mouse" {
                start.set(Some((e.client_x(), e.client_y())));
            }
        })
    };
    let up = Callback::from(move |e: PointerEvent| {
        let Some((x, y)) = start.take() else { return };
        let (dx, dy) = (e.client_x() - x, e.client_y() - y);
        if dx.abs() >= 50 && dx.abs() > 2 * dy.abs() {
            go.emit(if dx < 0 { Step::Next } else { Step::Previous });
        }
    });
    (down, up)
}

/// The presentation keys (clickers send the same ones). Buttons and links keep Enter and
/// space for themselves.
#[hook]
fn use_keys(go: Callback<Step>, deps: (usize, usize)) {
    use_document_keydown(deps, move |press: &KeyPress| {
        let on_control = matches!(press.target.as_str(), "BUTTON" | "A" | "INPUT" | "SELECT");
        if press.modified || (on_control && matches!(press.key.as_str(), "Enter" | " ")) {
            return false;
        }
        match step_for(&press.key, press.shift) {
            Some(step) => {
                go.emit(step);
                true
            }
            None => false,
        }
    });
}
