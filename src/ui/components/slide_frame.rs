use yew::prelude::*;

use crate::core::state::Step;
use crate::ui::browser;

/// Props of [`SlideFrame`].
#[derive(Properties, PartialEq)]
pub struct SlideFrameProps {
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
pub fn slide_frame(props: &SlideFrameProps) -> Html {
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
