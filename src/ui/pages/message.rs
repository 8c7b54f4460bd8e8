use yew::prelude::*;

use crate::core::url::{self, Route, View};
use crate::ui::components::Highlighted;
use crate::ui::hooks::use_app_state;

/// Props of [`MessagePage`].
#[derive(Properties, PartialEq)]
pub struct MessagePageProps {
    /// The message id (already checked to exist by the URL parser).
    pub id: AttrValue,
}

/// One message in full: text, meeting and coverage, heading as published, topic, and the
/// source with its locator, plus its permalink.
#[function_component(MessagePage)]
pub fn message_page(props: &MessagePageProps) -> Html {
    let context = use_app_state();
    let explorer = context.explorer.borrow();
    let corpus = explorer.corpus();
    let back = url::render(&context.state().view.at(Route::Explore));
    let position = corpus
        .messages
        .iter()
        .position(|m| m.id == props.id.as_str());
    let Some(message) = position.map(|at| &corpus.messages[at]) else {
        return html! {
            <section class="message-detail">
                <h1>{ "Message not found" }</h1>
                <p>{ format!("There is no message '{}' in this corpus.", props.id) }</p>
                <p><a href={back}>{ "Back to the messages" }</a></p>
            </section>
        };
    };
    let d = explorer.details(position.unwrap_or_default());
    let permalink = url::render(&View {
        route: Route::Message(message.id.clone()),
        ..View::default()
    });
    html! {
        <article class="message-detail" data-testid="message-detail" aria-labelledby="message-title">
            <p><a href={back} data-testid="back">{ "← Back to the messages" }</a></p>
            <h1 id="message-title">{ format!("{} — {}", d.meeting, d.set_name.clone().unwrap_or_else(|| "IGF Messages".into())) }</h1>
            <blockquote class="message-full" data-testid="message-text">
                <p><Highlighted text={message.text.clone()} /></p>
            </blockquote>
            <dl class="facts">
                <dt>{ "Meeting" }</dt>
                <dd>{ d.meeting.clone() }</dd>
                <dt>{ "Coverage" }</dt>
                <dd>{ d.coverage.clone() }</dd>
                <dt>{ "Heading as published" }</dt>
                <dd>{ d.heading_or_note() }</dd>
                if let Some(sub) = d.subheading.clone() {
                    <dt>{ "Sub-heading" }</dt>
                    <dd>{ sub }</dd>
                }
                <dt>{ "Topic" }</dt>
                <dd>{ d.topics_line() }</dd>
                <dt>{ "Source" }</dt>
                <dd data-testid="message-source">
                    if let Some(href) = d.source_url.clone() {
                        <a href={href} rel="noopener noreferrer">{ d.source_title.clone() }</a>
                    } else {
                        { d.source_title.clone() }
                    }
                    <br />
                    <span class="locator">{ d.locator.clone() }</span>
                </dd>
                <dt>{ "Permalink" }</dt>
                <dd><a href={permalink.clone()} data-testid="permalink">{ permalink }</a></dd>
            </dl>
        </article>
    }
}
