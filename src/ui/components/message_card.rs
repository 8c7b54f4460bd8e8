use std::ops::Range;

use yew::prelude::*;

use super::{set_toggle, Highlighted};
use crate::core::corpus::MessageDetails;

/// Props of [`MessageCard`].
#[derive(Properties, PartialEq)]
pub struct MessageCardProps {
    /// The message id (for tests and the permalink).
    pub id: AttrValue,
    /// The verbatim text.
    pub text: AttrValue,
    /// Search matches to mark.
    #[prop_or_default]
    pub spans: Vec<Range<usize>>,
    /// Names around the message.
    pub details: MessageDetails,
    /// Link that opens the message with its context.
    pub href: AttrValue,
    /// Link to the messages most like this one.
    #[prop_or_default]
    pub more_like: Option<AttrValue>,
    /// Why the message is listed, when it is listed for being like another one.
    #[prop_or_default]
    pub reason: Option<AttrValue>,
}

/// A message in a result list: full text with highlights, meeting, heading and topic.
#[function_component(MessageCard)]
pub fn message_card(props: &MessageCardProps) -> Html {
    let d = &props.details;
    html! {
        <li class="message-card" data-testid="result" data-id={props.id.clone()}>
            <p class="message-text" elementtiming="message-text"><Highlighted text={props.text.clone()} spans={props.spans.clone()} /></p>
            <p class="message-meta">
                <span class="meeting">{ d.meeting.clone() }</span>
                { " · " }
                <span class="heading">{ d.heading_or_note() }</span>
                { " · " }
                <span class="topics">{ d.topics_line() }</span>
            </p>
            if let Some(reason) = props.reason.clone() {
                <p class="message-reason" data-testid="reason">{ reason }</p>
            }
            <p class="print-only message-source">{ format!("Source: {}, {}", d.source_title, d.locator) }</p>
            <p class="message-open">
                <a href={props.href.clone()} data-testid="open-message">{ "Read with source" }<span class="visually-hidden">{ format!(": {}", props.id) }</span></a>
                if let Some(href) = props.more_like.clone() {
                    <a href={href} data-testid="more-like">{ "More like this" }<span class="visually-hidden">{ format!(": {}", props.id) }</span></a>
                }
                { set_toggle(&props.id) }
            </p>
        </li>
    }
}
