//! The Markdown corpus layout: what a person writes from an official text by adding a few
//! marks, read with a real CommonMark parser (`pulldown-cmark`) into the same corpus model
//! and the same validation as JSON and CSV; and its writer, which the app's Markdown
//! export uses, so that an exported file reads back to the same messages, headings,
//! sources and coverage.
//!
//! ```markdown
//! ---
//! id: class-3b
//! title: Class 3B's IGF Messages
//! ---
//!
//! # Kyoto 2023
//!
//! Place: Kyoto, Japan
//! Source: IGF Messages from Kyoto <https://www.intgovforum.org/…>
//! Coverage: partial, 89 published
//!
//! ## AI and emerging technologies
//!
//! Topics: Emerging technologies; Governance
//!
//! ### A sub-heading as published
//!
//! - One message per bullet.
//! - Or per paragraph.
//! ```
//!
//! - The front matter (optional) is `key: value` lines between two `---` lines: `id`,
//!   `title` (and the export's `selection`, `link`, `exported`, read and ignored).
//! - `#` starts a meeting: its name, ending with the year. `##` is a heading as
//!   published, `###` a sub-heading. Messages before any `##` have no heading.
//! - Right after a `#` or `##` heading, a paragraph of `Key: value` lines describes it.
//!   Meeting: `Id`, `Year`, `Place`, `Online: yes`, `Set` (the message set's name),
//!   `Coverage` (`complete`, `partial` or `none`, optionally `, 89 published`),
//!   `Coverage note`, `Count source` and `Count quote` (the source id and the words that
//!   state the published total). Heading: `Id`, `Topics` (labels separated by `;`),
//!   `Name source` (the id of the source whose spelling of the name is used). Both:
//!   `Source` (a title and `<https://…>`, or an address), then optionally `Source id`,
//!   `Publisher`, `Date`, `File`, `Also in`, `Source note`, `Publisher site` for that
//!   source. A meeting may declare several
//!   sources; its messages cite the first (a heading's source, under that heading).
//! - Every other bullet or paragraph is one message, verbatim: emphasis marks are dropped,
//!   a link or raw HTML is kept as the literal text written, never as markup.
//! - A comment right after a message gives its details (the export writes them):
//!   `<!-- id: geneva-2017-gender-3 | locator: page 9 | curator: file.txt, line 40 | source: <source id> | topics: a; b -->`
//!   (`locator` is where a reader finds the text; `curator`, never shown, where the
//!   curator found it, for the verbatim check),
//!   where `\|`, `\>` and `\\` stand for `|`, `>` and `\`. Other comments are ignored.
//!
//! Problems name the line and column. Every lookup is by hash: time grows linearly with
//! the text.

use std::collections::HashMap;

use super::corpus::{Corpus, CoverageStatus, Meeting, Message, Source};

#[cfg(feature = "markdown")]
mod read;
#[cfg(feature = "markdown")]
pub use read::{corpus_from_markdown, corpus_from_paste};

/// Writes messages of a corpus (positions, in any order) in the layout above: the front
/// matter (`id`, `title`, then `extra` lines), each meeting with its description and
/// sources, its messages without a heading, then each heading in published order with its
/// messages (in corpus order), each message followed by its comment (id, locator, source
/// where it is not the meeting's first, editorial topics). [`corpus_from_markdown`] reads
/// it back to the same messages, headings, sources and coverage; a meeting exported in
/// part is said to be partial, with its published total.
pub fn write_markdown(corpus: &Corpus, messages: &[usize], extra: &[(&str, String)]) -> String {
    let (id, title) = corpus.exported_identity();
    let mut out = format!("---\nid: {}\ntitle: {}\n", one_line(id), one_line(title));
    for (key, value) in extra {
        out.push_str(&format!("{key}: {}\n", one_line(value)));
    }
    out.push_str("---\n");
    let mut chosen: Vec<usize> = messages.to_vec();
    chosen.sort_unstable();
    chosen.dedup();
    let mut by_meeting: HashMap<&str, Vec<usize>> = HashMap::new();
    for &m in &chosen {
        if let Some(message) = corpus.messages.get(m) {
            by_meeting
                .entry(message.meeting.as_str())
                .or_default()
                .push(m);
        }
    }
    let mut in_meeting: HashMap<&str, usize> = HashMap::new();
    for message in &corpus.messages {
        *in_meeting.entry(message.meeting.as_str()).or_default() += 1;
    }
    let sources: HashMap<&str, &Source> =
        corpus.sources.iter().map(|s| (s.id.as_str(), s)).collect();
    let topics: HashMap<&str, &str> = corpus
        .topics
        .iter()
        .map(|t| (t.id.as_str(), t.label.as_str()))
        .collect();
    for meeting in &corpus.meetings {
        let Some(list) = by_meeting.get(meeting.id.as_str()) else {
            continue;
        };
        let total = in_meeting.get(meeting.id.as_str()).copied().unwrap_or(0);
        write_meeting(&mut out, corpus, meeting, list, total, &sources, &topics);
    }
    out
}

/// One meeting's section.
fn write_meeting(
    out: &mut String,
    corpus: &Corpus,
    meeting: &Meeting,
    list: &[usize],
    total: usize,
    sources: &HashMap<&str, &Source>,
    topics: &HashMap<&str, &str>,
) {
    write_description(out, meeting, list.len() < total, total);
    // Its sources, in first use: the first is its messages' source unless they say.
    let mut used: Vec<&str> = Vec::new();
    let cited = list
        .iter()
        .map(|&m| corpus.messages[m].source.source.as_str());
    // Then the sources its description cites: the published total's, the headings' names'.
    let described = meeting
        .message_set
        .coverage
        .published_total_source
        .iter()
        .map(|fact| fact.source.as_str())
        .chain(
            meeting
                .message_set
                .headings
                .iter()
                .filter_map(|h| h.name_source.as_deref()),
        );
    for id in cited.chain(described) {
        if !used.contains(&id) {
            used.push(id);
        }
    }
    for id in &used {
        write_source(out, id, sources.get(id).copied());
    }
    let default = used.first().copied().unwrap_or_default();
    let headings = &meeting.message_set.headings;
    let write_messages = |out: &mut String, under: Option<&str>| {
        let mut subheading: Option<&str> = None;
        for &m in list
            .iter()
            .filter(|&&m| corpus.messages[m].heading.as_deref() == under)
        {
            let message = &corpus.messages[m];
            let sub = message.subheading.as_deref();
            if sub != subheading {
                match (sub, under) {
                    (Some(sub), _) => out.push_str(&format!("\n### {}\n\n", inline_text(sub))),
                    (None, Some(h)) => {
                        let name = headings
                            .iter()
                            .find(|x| x.id == h)
                            .map_or("", |x| x.name.as_str());
                        out.push_str(&format!("\n## {}\n\n", inline_text(name)));
                    }
                    (None, None) => {}
                }
                subheading = sub;
            }
            write_message(out, message, default, topics);
        }
    };
    out.push('\n');
    write_messages(out, None);
    for heading in headings {
        out.push_str(&format!(
            "\n## {}\n\nId: {}\n",
            inline_text(&heading.name),
            heading.id
        ));
        let labels: Vec<&str> = heading
            .topics
            .iter()
            .map(|t| topics.get(t.as_str()).copied().unwrap_or(t))
            .collect();
        out.push_str(&format!("Topics: {}\n", one_line(&labels.join("; "))));
        if let Some(source) = &heading.name_source {
            out.push_str(&format!("Name source: {}\n", one_line(source)));
        }
        out.push('\n');
        write_messages(out, Some(&heading.id));
    }
}

/// A meeting's heading line and description; `part` when only some of its messages are
/// written (a complete set is then said to be partial, with its published total).
fn write_description(out: &mut String, meeting: &Meeting, part: bool, total: usize) {
    out.push_str(&format!(
        "\n# {}\n\nId: {}\nYear: {}\n",
        inline_text(&meeting.short_name()),
        meeting.id,
        meeting.year.0
    ));
    if let Some(place) = &meeting.place {
        out.push_str(&format!("Place: {}\n", one_line(place)));
    }
    if meeting.online {
        out.push_str("Online: yes\n");
    }
    if let Some(name) = &meeting.message_set.name {
        out.push_str(&format!("Set: {}\n", one_line(name)));
    }
    let coverage = &meeting.message_set.coverage;
    let (status, published) = match (coverage.status, coverage.published_total) {
        (CoverageStatus::Complete, None) if part => (CoverageStatus::Partial, Some(total as u32)),
        (CoverageStatus::Complete, t) if part => (CoverageStatus::Partial, t),
        (status, total) => (status, total),
    };
    match published {
        Some(n) => out.push_str(&format!("Coverage: {}, {n} published\n", status.as_str())),
        None => out.push_str(&format!("Coverage: {}\n", status.as_str())),
    }
    if let Some(note) = &coverage.note {
        out.push_str(&format!("Coverage note: {}\n", one_line(note)));
    }
    if let Some(fact) = coverage.published_total_source.as_ref() {
        out.push_str(&format!("Count source: {}\n", one_line(&fact.source)));
        out.push_str(&format!("Count quote: {}\n", one_line(&fact.quote)));
    }
}

fn write_source(out: &mut String, id: &str, source: Option<&Source>) {
    let Some(source) = source else {
        out.push_str(&format!("Source: {id}\nSource id: {id}\n"));
        return;
    };
    match &source.url {
        Some(url) => out.push_str(&format!(
            "Source: {} <{}>\n",
            one_line(&source.title),
            one_line(url)
        )),
        None => out.push_str(&format!("Source: {}\n", one_line(&source.title))),
    }
    out.push_str(&format!("Source id: {}\n", source.id));
    let fields = [
        ("Publisher", source.publisher.clone()),
        ("Date", source.date.clone()),
        ("File", source.file.clone()),
        (
            "Also in",
            Some(source.also_in.join("; ")).filter(|v| !v.is_empty()),
        ),
        ("Source note", source.note.clone()),
        ("Publisher site", source.publisher_site.clone()),
    ];
    for (key, value) in fields {
        if let Some(value) = value {
            out.push_str(&format!("{key}: {}\n", one_line(&value)));
        }
    }
}

fn write_message(
    out: &mut String,
    message: &Message,
    default_source: &str,
    topics: &HashMap<&str, &str>,
) {
    out.push_str("- ");
    out.push_str(&message_text(&message.text).replace('\n', "\n  "));
    let mut attributes = vec![
        format!("id: {}", escape_attribute(&message.id)),
        format!("locator: {}", escape_attribute(&message.source.locator)),
    ];
    if let Some(curator) = &message.source.curator {
        attributes.push(format!("curator: {}", escape_attribute(curator)));
    }
    if message.source.source != default_source {
        attributes.push(format!(
            "source: {}",
            escape_attribute(&message.source.source)
        ));
    }
    if !message.editorial_topics.is_empty() {
        let labels: Vec<&str> = message
            .editorial_topics
            .iter()
            .map(|t| topics.get(t.as_str()).copied().unwrap_or(t))
            .collect();
        attributes.push(format!("topics: {}", escape_attribute(&labels.join("; "))));
    }
    out.push_str(&format!("\n  <!-- {} -->\n", attributes.join(" | ")));
}

/// A description value on one line.
fn one_line(value: &str) -> String {
    value.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text escaped for a heading or a message line: every character that could start markup
/// is backslash-escaped, so the text reads back as written.
fn inline_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '&' | '!' | '~' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A message as one Markdown paragraph: escaped, each line break a hard break
/// (`\` at the end of the line), spaces and tabs at a line's edges as character
/// references (a parser would drop them), and a line that could start a list made plain.
fn message_text(text: &str) -> String {
    let lines: Vec<String> = text
        .split('\n')
        .map(|line| {
            let escaped = inline_text(line);
            let body = escaped.trim_matches([' ', '\t']);
            let lead = &escaped[..escaped.len() - escaped.trim_start_matches([' ', '\t']).len()];
            let trail = &escaped[escaped.trim_end_matches([' ', '\t']).len().max(lead.len())..];
            let entity = |s: &str| {
                s.chars()
                    .map(|c| if c == ' ' { "&#32;" } else { "&#9;" })
                    .collect::<String>()
            };
            // "1. x" or "1) x" would start an ordered list.
            let digits = body.len() - body.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            let body = if digits > 0 && body[digits..].starts_with(['.', ')']) {
                format!("{}\\{}", &body[..digits], &body[digits..])
            } else if body.starts_with(['-', '+', '=']) {
                // "- x", "+ x" start a list; "===" or "---" under a line make a heading.
                format!("\\{body}")
            } else {
                body.to_string()
            };
            format!("{}{body}{}", entity(lead), entity(trail))
        })
        .collect();
    lines.join("\\\n")
}

/// Where pasted plain text belongs: the meeting, the heading (if any) and the source.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PasteContext {
    /// The meeting's name ("Kyoto").
    pub meeting: String,
    /// Its year, as typed.
    pub year: String,
    /// The heading as published, or empty for none.
    pub heading: String,
    /// The source's title.
    pub source_title: String,
    /// The source's web address, or empty.
    pub source_url: String,
}

/// Whether pasted text is in the Markdown layout (it has a `# Meeting` line, whatever its
/// line endings) rather than plain text under the form's fields.
fn is_markdown_layout(text: &str) -> bool {
    one_line_ending(text).lines().any(|l| l.starts_with("# "))
}

/// A field of the paste form that plain pasted text needs filled in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasteField {
    /// The meeting's name.
    Meeting,
    /// The meeting's year.
    Year,
    /// The source's title or address.
    Source,
}

impl PasteField {
    /// The id of the form's input for this field (the title's, for the source).
    pub fn input_id(self) -> &'static str {
        match self {
            Self::Meeting => "paste-meeting",
            Self::Year => "paste-year",
            Self::Source => "paste-source-title",
        }
    }

    /// What to do, in a sentence that names the field.
    pub fn problem(self) -> &'static str {
        match self {
            Self::Meeting => "Fill in “Meeting”: which meeting these messages come from (e.g. Kyoto).",
            Self::Year => "Fill in “Year”: the year of the meeting (e.g. 2023).",
            Self::Source => "Fill in “Source title” (or “Source address”): every message is quoted with its source.",
        }
    }
}

/// The empty fields that pasted plain text needs (none for the Markdown layout, which
/// names its own meetings and sources, or for empty text).
pub fn paste_missing(text: &str, context: &PasteContext) -> Vec<PasteField> {
    if text.trim().is_empty() || is_markdown_layout(text) {
        return Vec::new();
    }
    let empty = |s: &str| s.trim().is_empty();
    [
        (PasteField::Meeting, empty(&context.meeting)),
        (PasteField::Year, empty(&context.year)),
        (
            PasteField::Source,
            empty(&context.source_title) && empty(&context.source_url),
        ),
    ]
    .into_iter()
    .filter_map(|(field, missing)| missing.then_some(field))
    .collect()
}

/// What a corpus would load, for a preview: per meeting (short name, coverage sentence
/// words) its headings (or "Heading not given") with their message counts, in order.
pub fn preview(corpus: &Corpus) -> Vec<(String, Vec<(String, usize)>)> {
    corpus
        .meetings
        .iter()
        .filter_map(|meeting| {
            let mut counts: Vec<(String, usize)> = Vec::new();
            for message in corpus.messages.iter().filter(|m| m.meeting == meeting.id) {
                let name = message
                    .heading
                    .as_ref()
                    .and_then(|h| meeting.message_set.headings.iter().find(|x| &x.id == h))
                    .map_or_else(
                        || super::corpus::HEADING_NOT_GIVEN.to_string(),
                        |h| h.name.clone(),
                    );
                match counts.iter_mut().find(|(n, _)| *n == name) {
                    Some((_, count)) => *count += 1,
                    None => counts.push((name, 1)),
                }
            }
            (!counts.is_empty()).then(|| (meeting.short_name(), counts))
        })
        .collect()
}

/// Escapes a value written into a message's comment.
fn escape_attribute(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' | '|' | '>' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The text with every line ending (`\r\n`, or a lone `\r` as old Mac files and some
/// pastes have) made `\n`, so that lines are counted, and descriptions split, the way the
/// Markdown parser sees them. Borrowed when there is no `\r`.
fn one_line_ending(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains('\r') {
        std::borrow::Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

// The reader's tests read Markdown: they run where the `markdown` feature is on (the
// workspace's tests, through the corpus reader).
#[cfg(all(test, feature = "markdown"))]
mod tests;
