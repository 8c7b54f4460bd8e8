use yew::prelude::*;

use crate::core::query::Explorer;
use crate::core::stats::percent;

use crate::core::compare::{
    compare, messages_on_topic, terms_sentence, Comparison, METHOD_NOTE, SIDES,
};
use crate::core::related::{closest_pairs, pairs_caveat, Pair, PairsError, PAIRS_SHOWN};
use crate::core::state::Action;
use crate::core::url::{self, Route, View, MAX_COMPARED};
use crate::ui::browser::{self, page_address, today};
use crate::ui::components::Highlighted;
use crate::ui::hooks::{use_app_state, AppContext};

/// Compare: 2 to 4 meetings side by side.
#[function_component(ComparePage)]
pub fn compare_page() -> Html {
    let context = use_app_state();
    let settings = context.state().view.compare.clone();
    let corpus_key = context.corpus_key();
    let comparison = {
        let explorer = context.store.explorer.clone();
        let ids: Vec<String> = settings.meetings.iter().cloned().collect();
        use_memo((ids, corpus_key), move |(ids, _)| compare(&explorer, ids))
    };
    let pairs = use_closest_pairs(&context, settings.meetings.iter().cloned().collect());
    let closest = if comparison.sides.len() < *SIDES.start() {
        Html::default()
    } else {
        closest_pairs_section(&context, &pairs.0, pairs.1.as_deref())
    };
    let explorer = &*context.store.explorer;
    let corpus = explorer.corpus();
    let ontoggle =
        |id: String| context.dispatcher(move |_: Event| Action::ToggleCompareMeeting(id.clone()));
    let ontopic = context.dispatcher(|e: Event| {
        let value = browser::select_value(&e);
        Action::SetCompareTopic((!value.is_empty()).then_some(value))
    });
    let full = settings.meetings.len() >= MAX_COMPARED;
    html! {
        <div class="compare">
            <h1>{ "Compare meetings" }</h1>
            <p class="print-only">{ format!("Printed {} from {}", today(), page_address()) }</p>
            <fieldset class="picker" data-testid="compare-picker">
                <legend>{ format!("Pick {} to {} meetings", SIDES.start(), SIDES.end()) }</legend>
                { for corpus.meetings.iter().enumerate().map(|(i, m)| {
                    let checked = settings.meetings.contains(&m.id);
                    let id = format!("compare-{}", m.id);
                    html! {
                        <span>
                            <input type="checkbox" id={id.clone()} {checked} disabled={full && !checked}
                                onchange={ontoggle(m.id.clone())} />
                            <label for={id}>{ format!("{} ({})", m.short_name(), explorer.included()[i]) }</label>
                        </span>
                    }
                }) }
            </fieldset>
            if comparison.sides.len() < *SIDES.start() {
                <p class="hint" data-testid="compare-prompt">
                    { "Pick at least two meetings to set them side by side, for example " }
                    <a href={example_link()}>{ "Geneva 2017 beside Kyoto 2023" }</a>{ "." }
                </p>
            } else {
                <Sides comparison={(*comparison).clone()} />
                { closest }
                <section aria-labelledby="focus-title">
                    <h2 id="focus-title">{ "One topic's messages, side by side" }</h2>
                    <label for="focus-topic">{ "Topic" }</label>{ " " }
                    <select id="focus-topic" onchange={ontopic} data-testid="compare-topic">
                        <option value="" selected={settings.topic.is_none()}>{ "Choose a topic" }</option>
                        { for corpus.topics.iter().map(|t| html! {
                            <option value={t.id.clone()} selected={settings.topic.as_deref() == Some(t.id.as_str())}>{ t.label.clone() }</option>
                        }) }
                    </select>
                    if let Some(topic) = settings.topic.clone() {
                        { focus(explorer, &comparison, &topic) }
                    }
                </section>
            }
        </div>
    }
}

/// Compare's closest pairs (or why there are none) and the caveat of partial sides.
type ClosestPairs = (Result<Vec<Pair>, PairsError>, Option<String>);

/// The closest pairs of the compared meetings and the caveat of their partial sides,
/// computed when the meetings or the corpus change.
#[hook]
fn use_closest_pairs(context: &AppContext, ids: Vec<String>) -> std::rc::Rc<ClosestPairs> {
    let explorer = context.store.explorer.clone();
    use_memo((ids, context.corpus_key()), move |(ids, _)| {
        let explorer = &*explorer;
        let meetings: Vec<usize> = (0..explorer.corpus().meetings.len())
            .filter(|&i| ids.contains(&explorer.corpus().meetings[i].id))
            .collect();
        let pairs = closest_pairs(explorer, &meetings, PAIRS_SHOWN);
        (pairs, pairs_caveat(explorer, &meetings))
    })
}

/// "Closest pairs across these meetings": the most similar pairs of messages from two
/// different sides, each pair side by side with the words it shares marked.
fn closest_pairs_section(
    context: &AppContext,
    pairs: &Result<Vec<Pair>, PairsError>,
    caveat: Option<&str>,
) -> Html {
    let explorer = &*context.store.explorer;
    let card = |m: usize, highlight: &crate::core::search::Query| {
        let spans = explorer.highlights(m, highlight);
        let message = &explorer.corpus().messages[m];
        let d = explorer.details(m);
        let href = url::render(&View {
            route: Route::Message(message.id.clone()),
            ..View::default()
        });
        html! {
            <div class="side">
                <p class="message-meta"><strong>{ d.meeting.clone() }</strong>{ format!(" · {}", d.heading_or_note()) }</p>
                <p class="message-text"><Highlighted text={message.text.clone()} {spans} /></p>
                <a {href}>{ "Read with source" }<span class="visually-hidden">{ format!(": {}", message.id) }</span></a>
            </div>
        }
    };
    let body = match pairs {
        Err(error) => html! { <p class="weak">{ error.to_string() }</p> },
        Ok(pairs) if pairs.is_empty() => {
            html! { <p class="weak">{ "No two messages of different meetings share a rarer word." }</p> }
        }
        Ok(pairs) => html! {
            <ol class="pairs">{ for pairs.iter().map(|pair| html! {
                <li class="pair" data-testid="closest-pair">
                    <div class="compare-grid">
                        { card(pair.left, &pair.right.highlight) }
                        { card(pair.right.message, &pair.right.highlight) }
                    </div>
                    <p class="message-reason">{ pair.right.reason() }</p>
                </li>
            }) }</ol>
        },
    };
    html! {
        <section aria-labelledby="pairs-title" data-testid="closest-pairs">
            <h2 id="pairs-title">{ "Closest pairs across these meetings" }</h2>
            <p class="hint">{ "Pairs of messages, from two different meetings, that share the most of their rarer words (common words such as \"the\" do not count); most similar first." }</p>
            if let Some(caveat) = caveat { <p class="warning" data-testid="pairs-caveat">{ caveat.to_string() }</p> }
            { body }
        </section>
    }
}

/// The link the empty comparison offers: Geneva 2017 beside Kyoto 2023.
fn example_link() -> String {
    url::render(&url::compare_view(&["geneva-2017", "kyoto-2023"]))
}

/// One topic's messages on each side, next to each other.
fn focus(explorer: &Explorer, comparison: &Comparison, topic: &str) -> Html {
    let corpus = explorer.corpus();
    html! {
        <div class="compare-grid" data-testid="compare-focus">
            { for comparison.sides.iter().map(|side| {
                let messages = messages_on_topic(explorer, &side.meeting, topic);
                html! {
                    <section class="side">
                        <h3>{ format!("{} ({} messages)", side.name, messages.len()) }</h3>
                        if messages.is_empty() {
                            <p class="weak">{ "No message included on this topic." }</p>
                        }
                        <ul>{ for messages.iter().map(|&m| {
                            let message = &corpus.messages[m];
                            let href = url::render(&View { route: Route::Message(message.id.clone()), ..View::default() });
                            html! { <li><p class="message-text">{ message.text.clone() }</p><a href={href}>{ "Read with source" }</a></li> }
                        }) }</ul>
                    </section>
                }
            }) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct SidesProps {
    comparison: Comparison,
}

/// The sides: counts with coverage, headings, distinctive terms; then the topic table.
#[function_component(Sides)]
fn sides(props: &SidesProps) -> Html {
    let c = &props.comparison;
    let term_link =
        |meeting: &str, word: &str| url::render(&url::explore_view(meeting, None, Some(word)));
    html! {
        <>
            <div class="compare-grid" data-testid="compare-sides">
                { for c.sides.iter().map(|side| html! {
                    <section class={classes!("side", side.partial.then_some("partial"))} data-testid="compare-side">
                        <h2>{ side.name.clone() }</h2>
                        <p class={classes!(side.partial.then_some("warning"))}>{ side.coverage.clone() }</p>
                        <h3>{ "Words used more here" }</h3>
                        if side.few {
                            <p class="warning">{ format!("Only {} messages are included: these terms mean little.", side.included) }</p>
                        }
                        { for [true, false].into_iter().map(|significant| {
                            let terms: Vec<_> = side.terms.iter().filter(|t| t.significant == significant).collect();
                            if terms.is_empty() {
                                return Html::default();
                            }
                            html! {
                                <>
                                <p class={classes!((!significant).then_some("weak"))}>{ terms_sentence(&side.name, significant) }</p>
                                <ol class={classes!("terms", (!significant).then_some("weak"))}>
                                    { for terms.iter().map(|t| html! {
                                        <li><a href={term_link(&side.meeting, &t.word)}>{ t.word.clone() }</a>{ format!(" ({})", t.times()) }</li>
                                    }) }
                                </ol>
                                </>
                            }
                        }) }
                        if side.terms.is_empty() { <p class="weak">{ "No term stands out." }</p> }
                        <details>
                            <summary>{ format!("Headings as published ({})", side.headings.len()) }</summary>
                            <ol>{ for side.headings.iter().map(|h| html! { <li>{ h.clone() }</li> }) }</ol>
                        </details>
                    </section>
                }) }
            </div>
            <details class="method" data-testid="compare-method">
                <summary>{ "How this is computed" }</summary>
                <p>{ METHOD_NOTE }</p>
                <ul>
                    { for c.sides.iter().flat_map(|side| side.terms.iter().map(move |t| html! {
                        <li>{ format!("{}, {}: z = {:.1}, {} uses", side.name, t.word, t.z, t.count) }</li>
                    })) }
                </ul>
            </details>
            <h2>{ "Topics" }</h2>
            <table class="topic-table" data-testid="compare-topics">
                <caption>{ "Messages included per topic (share of each meeting's included messages)" }</caption>
                <thead><tr><th scope="col">{ "Topic" }</th>{ for c.sides.iter().map(|s| html! { <th scope="col" class="num">{ s.name.clone() }</th> }) }</tr></thead>
                <tbody>
                    { for c.topics.iter().map(|row| html! {
                        <tr>
                            <th scope="row">{ row.label.clone() } if row.one_sided() { <span class="weak">{ " (not on every side)" }</span> }</th>
                            { for row.counts.iter().zip(&row.shares).map(|(count, share)| html! {
                                <td class="num">{ match share { Some(s) => format!("{count} ({} %)", percent(*s)), None => "—".to_string() } }</td>
                            }) }
                        </tr>
                    }) }
                </tbody>
            </table>
            <h3>{ "Topics present on some sides only" }</h3>
            <ul data-testid="compare-one-sided">
                { for c.topics.iter().filter(|t| t.one_sided()).map(|row| {
                    let present: Vec<String> = c.sides.iter().zip(&row.counts).filter(|(_, n)| **n > 0).map(|(s, n)| format!("{} ({n})", s.name)).collect();
                    let absent: Vec<String> = c.sides.iter().zip(&row.counts).filter(|(_, n)| **n == 0).map(|(s, _)| s.name.clone()).collect();
                    html! { <li>{ format!("{}: in {}; none in {}", row.label, present.join(", "), absent.join(", ")) }</li> }
                }) }
            </ul>
        </>
    }
}
