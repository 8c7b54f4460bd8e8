use std::ops::Range;

use yew::prelude::*;

/// Props of [`Highlighted`].
#[derive(Properties, PartialEq)]
pub struct HighlightedProps {
    /// The text, shown verbatim as text nodes (never parsed as HTML).
    pub text: AttrValue,
    /// Byte spans to wrap in `<mark>`, sorted and not overlapping.
    #[prop_or_default]
    pub spans: Vec<Range<usize>>,
}

/// A text with search matches marked.
#[function_component(Highlighted)]
pub fn highlighted(props: &HighlightedProps) -> Html {
    let text = props.text.as_str();
    let mut parts = Vec::new();
    let mut at = 0;
    for span in &props.spans {
        // Spans come from the core's tokeniser; skip any that do not fit this text.
        if span.start < at
            || span.end > text.len()
            || !text.is_char_boundary(span.start)
            || !text.is_char_boundary(span.end)
        {
            continue;
        }
        parts.push(html! { { &text[at..span.start] } });
        parts.push(html! { <mark>{ &text[span.clone()] }</mark> });
        at = span.end;
    }
    parts.push(html! { { &text[at..] } });
    html! { <>{ for parts }</> }
}
