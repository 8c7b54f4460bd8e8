use yew::prelude::*;

use crate::core::query::Facet;
use crate::core::related::{self, Scope, RELATED_SHOWN};
use crate::core::url::{self, Route, View};
use crate::ui::components::{set_toggle, Highlighted, RelatedOnRequest};
use crate::ui::hooks::{use_app_state, AppContext};

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
    let back = url::render(&context.state().view.at(Route::Explore));
    let position = context.store.explorer.position(&props.id);
    let Some(position) = position else {
        return html! {
            <section class="message-detail">
                <h1>{ "Message not found" }</h1>
                <p>{ format!("There is no message '{}' in this corpus.", props.id) }</p>
                <p><a href={back}>{ "Back to the messages" }</a></p>
            </section>
        };
    };
    // (Built before the borrow below: they borrow the explorer mutably.)
    let related = if crate::ui::FULL_APP {
        related_section(&context, position)
    } else {
        html! { <RelatedOnRequest /> }
    };
    let same_heading = same_heading_section(&context, position);
    let explorer = &*context.store.explorer;
    let message = &explorer.corpus().messages[position];
    let d = explorer.details(position);
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
            <p class="message-set" data-id={message.id.clone()}>{ set_toggle(&AttrValue::from(message.id.clone())) }</p>
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
                    if let Some(byline) = d.source_byline.clone() {
                        { format!(" ({byline})") }
                    }
                    <br />
                    <span class="locator" data-testid="message-locator">{ d.locator.clone() }</span>
                    if let Some(note) = d.source_note.clone() {
                        <br />
                        <span class="source-note" data-testid="source-note">{ note }</span>
                    }
                    if let Some(site) = d.publisher_site.clone() {
                        <br />
                        { "No address of the document is known; its publisher's site, as the document prints it: " }
                        <a href={site.clone()} rel="noopener noreferrer" data-testid="publisher-site">{ site }</a>
                    }
                </dd>
                <dt>{ "Permalink" }</dt>
                <dd>
                    <a href={permalink.clone()} data-testid="permalink">{ permalink }</a>
                    // The built-in messages' pages of their own (`core::site::message_path`)
                    // carry their citations.
                    if context.store.builtin {
                        { " · " }<a href={format!("message/{}/#cite", message.id)}>{ "Cite it" }</a>
                    }
                </dd>
            </dl>
            { related }
            { same_heading }
        </article>
    }
}

/// "Related messages from other meetings": the most similar messages of other meetings,
/// each with the words it shares (marked in its text), its meeting's coverage and a link;
/// then the ways on: all similar messages, and a presentation of the idea across the years.
fn related_section(context: &AppContext, message: usize) -> Html {
    let view = &context.state().view;
    let explorer = &*context.store.explorer;
    let found = related::related(explorer, message, Scope::OtherMeetings, RELATED_SHOWN);
    let id = explorer.corpus().messages[message].id.clone();
    let own = explorer.corpus().messages[message].meeting.clone();
    let items: Vec<Html> = found
        .iter()
        .map(|r| {
            let spans = explorer.highlights(r.message, &r.highlight);
            let other = &explorer.corpus().messages[r.message];
            let d = explorer.details(r.message);
            let href = url::render(&view.at(Route::Message(other.id.clone())));
            html! {
                <li class="related-item" data-testid="related" data-id={other.id.clone()}>
                    <p class="message-meta"><strong>{ d.meeting.clone() }</strong>{ format!(" · {}", d.heading_or_note()) }</p>
                    <p class="message-text"><Highlighted text={other.text.clone()} {spans} /></p>
                    <p class="message-reason">{ r.reason() }</p>
                    <p class="message-meta">{ d.coverage.clone() }</p>
                    <p><a {href}>{ "Read with source" }<span class="visually-hidden">{ format!(": {}", other.id) }</span></a></p>
                </li>
            }
        })
        .collect();
    // The presentation: this message, then the similar messages of the other meetings.
    let mut sequence = url::like_view(&id).at(Route::Present);
    let others: Vec<String> = (0..explorer.corpus().meetings.len())
        .filter(|&i| explorer.included()[i] > 0 && explorer.corpus().meetings[i].id != own)
        .map(|i| explorer.corpus().meetings[i].id.clone())
        .collect();
    for meeting in &others {
        sequence.selection.filters.toggle(Facet::Meeting, meeting);
    }
    html! {
        <section class="related" aria-labelledby="related-title" data-testid="related-section">
            <h2 id="related-title">{ "Related messages from other meetings" }</h2>
            if items.is_empty() {
                <p data-testid="no-related">{ "No closely related messages in other meetings: none shares enough of the words that carry this one's meaning." }</p>
            } else {
                <p class="hint">{ "Most similar first: messages that share the words and phrases that carry this one's meaning (common words such as \"the\" or \"however\", and the words that many messages of this corpus use, do not count)." }</p>
                <ol class="related-list">{ for items }</ol>
            }
            <p>
                <a href={url::render(&url::like_view(&id))} data-testid="more-like">{ "All messages like this one" }</a>
                if !found.is_empty() {
                    { " · " }
                    <a href={url::render(&sequence)} data-testid="present-related">{ "Present this idea across the years" }</a>
                }
            </p>
        </section>
    }
}

/// "From the same heading": the messages published with this one, in source order, this
/// one marked.
fn same_heading_section(context: &AppContext, message: usize) -> Html {
    let view = &context.state().view;
    let explorer = &*context.store.explorer;
    let group = related::same_heading(explorer, message);
    let d = explorer.details(message);
    let title = match &d.heading {
        Some(heading) => format!("From the same heading: {heading}"),
        None => "From the same meeting, where no heading is given".to_string(),
    };
    let items: Vec<Html> = group
        .iter()
        .map(|&m| {
            let other = &explorer.corpus().messages[m];
            if m == message {
                html! { <li aria-current="true" class="current"><strong>{ "This message: " }</strong>{ other.text.clone() }</li> }
            } else {
                let href = url::render(&view.at(Route::Message(other.id.clone())));
                html! { <li><a {href}>{ other.text.clone() }</a></li> }
            }
        })
        .collect();
    html! {
        <section class="same-heading" aria-labelledby="same-heading-title" data-testid="same-heading">
            <h2 id="same-heading-title">{ title }</h2>
            if group.len() < 2 {
                <p>{ "No other message published under it is included." }</p>
            } else {
                <p class="hint">{ "In the order of the source." }</p>
                <ol class="same-heading-list">{ for items }</ol>
            }
            <p class="message-meta">{ d.coverage.clone() }</p>
        </section>
    }
}
