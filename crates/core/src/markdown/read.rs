//! The reader of the Markdown layout (feature `markdown`): pulldown-cmark's events into
//! the corpus model, and pasted text into that layout. See the parent module for the layout.

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use std::collections::HashMap;
use std::ops::Range;

use super::*;
use crate::corpus::{
    Corpus, CoverageStatus, Fact, Heading, Meeting, Message, Source, SourceRef, Year, PASTED_NOTE,
};
use crate::import::CorpusBuilder;
use crate::text::slugify;
use crate::validate::{check, Problem, ProblemKind, MAX_MESSAGES};

/// The keys of a meeting's description.
const MEETING_KEYS: [&str; 9] = [
    "id",
    "year",
    "place",
    "online",
    "set",
    "coverage",
    "coverage note",
    "count source",
    "count quote",
];
/// The keys of a heading's description.
const HEADING_KEYS: [&str; 3] = ["id", "topics", "name source"];
/// The keys that declare a source (after `#` or `##`).
const SOURCE_KEYS: [&str; 8] = [
    "source",
    "source id",
    "publisher",
    "date",
    "file",
    "also in",
    "source note",
    "publisher site",
];
/// The keys of a message's comment.
const MESSAGE_KEYS: [&str; 5] = ["id", "locator", "curator", "source", "topics"];
/// The keys of the front matter.
const FRONT_KEYS: [&str; 5] = ["id", "title", "selection", "link", "exported"];

/// Line starts of a text, to turn byte offsets into "line L, column C".
struct Lines {
    starts: Vec<usize>,
    /// Lines before the parsed part (the front matter), added to every line number.
    shift: usize,
}

impl Lines {
    fn new(text: &str, shift: usize) -> Lines {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Lines { starts, shift }
    }

    fn at(&self, text: &str, offset: usize) -> String {
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let end = offset.min(text.len());
        let column = text.get(start..end).map_or(1, |s| s.chars().count() + 1);
        format!("line {}, column {column}", line + self.shift)
    }
}

/// Which description a `Key: value` paragraph may be, where it stands.
#[derive(Clone, Copy, PartialEq)]
enum Expect {
    Meeting,
    Heading,
    Nothing,
}

/// A source as declared, before it has an id.
#[derive(Default, Clone, PartialEq)]
struct SourceDraft {
    id: Option<String>,
    title: String,
    url: Option<String>,
    publisher: Option<String>,
    date: Option<String>,
    file: Option<String>,
    also_in: Vec<String>,
    note: Option<String>,
    publisher_site: Option<String>,
}

/// The attributes of a message, from its comment.
#[derive(Default)]
struct Attributes {
    id: Option<String>,
    locator: Option<String>,
    curator: Option<String>,
    source: Option<String>,
    topics: Vec<String>,
}

/// A message being read: its text and where it stands.
struct Draft {
    text: String,
    at: String,
    line: String,
    attributes: Attributes,
}

/// Reads a document into a corpus.
struct Reader<'t> {
    text: &'t str,
    lines: Lines,
    problems: Vec<Problem>,
    front: HashMap<String, String>,
    corpus: CorpusBuilder,
    meeting_at: Vec<String>,
    /// Each meeting's name as its heading gives it, without the year (for its id).
    meeting_names: Vec<String>,
    heading_index: HashMap<(usize, String), usize>,
    source_index: HashMap<String, usize>,
    message_at: Vec<String>,
    /// Message ids given in comments, to keep made ids clear of them.
    given_ids: std::collections::HashSet<String>,
    // Where the reading stands.
    meeting: Option<usize>,
    heading: Option<usize>,
    subheading: Option<String>,
    expect: Expect,
    meeting_source: Option<String>,
    heading_source: Option<String>,
    /// Messages so far under the current heading (or the meeting, without one).
    in_section: usize,
    pending: Option<Draft>,
}

/// Builds a corpus from a Markdown file in the layout above. Returns every problem found,
/// each with its line and column; never panics.
pub fn corpus_from_markdown(text: &str, title: &str) -> Result<Corpus, Vec<Problem>> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let unified = one_line_ending(text);
    let text = unified.as_ref();
    let (front, body, shift) = split_front_matter(text);
    // A file of millions of tiny bullets is refused before it is parsed (the parser's
    // events for 20 MB of them take gigabytes): each message is a bullet or a paragraph,
    // so blocks beyond twice the message limit (headings and descriptions are blocks too)
    // cannot make a corpus within it.
    let blocks = block_starts(body);
    if blocks > 2 * MAX_MESSAGES {
        return Err(vec![Problem::new(
            "messages",
            ProblemKind::TooMany {
                what: "blocks (bullets, paragraphs and headings)",
                count: blocks,
                limit: 2 * MAX_MESSAGES,
            },
        )]);
    }
    let mut reader = Reader::new(body, shift);
    if let Some(front) = front {
        reader.front_matter(front);
    }
    reader.read();
    reader.finish(title)
}

/// How many lines start a block: a list item, or a line after a blank line.
fn block_starts(text: &str) -> usize {
    let mut after_blank = true;
    let mut count = 0;
    for line in text.lines() {
        let trimmed = line.trim_start();
        if trimmed.is_empty() {
            after_blank = true;
            continue;
        }
        let item = trimmed.starts_with(['-', '*', '+'])
            || trimmed
                .split_once(['.', ')'])
                .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        if item || after_blank {
            count += 1;
        }
        after_blank = false;
    }
    count
}

/// The front matter (between a first line `---` and the next `---`), the rest, and how
/// many lines come before the rest.
fn split_front_matter(text: &str) -> (Option<&str>, &str, usize) {
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return (None, text, 0);
    };
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            let front = &rest[..offset];
            let body = &rest[offset + line.len()..];
            return (Some(front), body, front.lines().count() + 2);
        }
        offset += line.len();
    }
    (None, text, 0)
}

/// Splits a `Key: value` line; the key lowercased.
fn key_value(line: &str) -> Option<(String, String)> {
    let (key, value) = line.split_once(':')?;
    let key = key.trim();
    if key.is_empty() || key.len() > 20 || !key.chars().all(|c| c.is_alphabetic() || c == ' ') {
        return None;
    }
    Some((key.to_lowercase(), value.trim().to_string()))
}

/// The `(key, value)` pairs of a comment `<!-- key: value | … -->` whose first key is one
/// of `keys`; `None` for any other comment or HTML.
fn comment_attributes(html: &str, keys: &[&str]) -> Option<Vec<(String, String)>> {
    let inner = html.trim().strip_prefix("<!--")?.strip_suffix("-->")?;
    let mut parts = vec![String::new()];
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(next) = chars.next() {
                    parts.last_mut()?.push(next);
                }
            }
            '|' => parts.push(String::new()),
            c => parts.last_mut()?.push(c),
        }
    }
    let pairs: Vec<(String, String)> = parts
        .iter()
        .filter(|p| !p.trim().is_empty())
        .map(|p| key_value(p).unwrap_or_else(|| (String::new(), p.trim().to_string())))
        .collect();
    pairs
        .first()
        .is_some_and(|(k, _)| keys.contains(&k.as_str()))
        .then_some(pairs)
}

/// The index after the element that starts at `events[i]` (or after `events[i]` when it
/// starts none).
fn skip(events: &[(Event, Range<usize>)], i: usize) -> usize {
    let mut depth = 0usize;
    for (j, (event, _)) in events.iter().enumerate().skip(i) {
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return j + 1;
                }
            }
            _ if depth == 0 => return j + 1,
            _ => {}
        }
    }
    events.len()
}

/// A comment opened and never closed.
const OPEN_COMMENT: &str = "this comment (<!--) is never closed with -->, so everything after it would be ignored; close it";
/// Text after a comment's end on the same line.
const AFTER_COMMENT: &str =
    "text after --> on the same line would be ignored; put it on a line of its own";
/// A code fence opened and never closed.
const OPEN_FENCE: &str = "this ``` or ~~~ fence is never closed, so everything after it would be read as one block; close it or remove it";
/// A paragraph made a heading by the line under it.
const SETEXT: &str = "a line of --- or === right under a paragraph makes that paragraph a heading; write headings with #, and leave a blank line before a --- line";

/// Whether a fenced code block's source ends with a closing fence line.
fn fence_closed(block: &str) -> bool {
    let first = block.trim_start();
    let fence: String = first
        .chars()
        .take_while(|&c| c == '`' || c == '~')
        .collect();
    let mut lines = block.trim_end().lines();
    lines.next();
    lines.last().is_some_and(|last| {
        last.trim().starts_with(fence.as_str())
            && last
                .trim()
                .chars()
                .all(|c| c == fence.chars().next().unwrap_or('`'))
    })
}

/// The text of an HTML or code block: its lines as written.
fn block_text(events: &[(Event, Range<usize>)]) -> String {
    events
        .iter()
        .filter_map(|(e, _)| match e {
            Event::Html(t) | Event::Text(t) => Some(t.as_ref()),
            _ => None,
        })
        .collect()
}

/// What an inline run says: its text and the comment attributes found in it.
struct Inline {
    text: String,
    comments: Vec<Vec<(String, String)>>,
    /// The index of the event that ended the run.
    end: usize,
}

impl<'t> Reader<'t> {
    fn new(text: &'t str, shift: usize) -> Reader<'t> {
        Reader {
            text,
            lines: Lines::new(text, shift),
            problems: Vec::new(),
            front: HashMap::new(),
            corpus: CorpusBuilder::default(),
            meeting_at: Vec::new(),
            meeting_names: Vec::new(),
            heading_index: HashMap::new(),
            source_index: HashMap::new(),
            message_at: Vec::new(),
            given_ids: Default::default(),
            meeting: None,
            heading: None,
            subheading: None,
            expect: Expect::Nothing,
            meeting_source: None,
            heading_source: None,
            in_section: 0,
            pending: None,
        }
    }

    fn at(&self, offset: usize) -> String {
        self.lines.at(self.text, offset)
    }

    fn problem(&mut self, at: String, kind: ProblemKind) {
        self.problems.push(Problem::new(at, kind));
    }

    fn front_matter(&mut self, front: &str) {
        for (i, line) in front.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let at = format!("line {}, column 1", i + 2);
            match key_value(line) {
                Some((key, value)) if FRONT_KEYS.contains(&key.as_str()) => {
                    self.front.insert(key, value);
                }
                Some((key, _)) => self.problem(
                    at,
                    ProblemKind::UnknownKey {
                        key,
                        known: format!("the front matter may give {}", FRONT_KEYS.join(", ")),
                    },
                ),
                None => self.problem(
                    at,
                    ProblemKind::BadValue {
                        key: "front matter".into(),
                        found: line.chars().take(60).collect(),
                        expected: "\"key: value\" lines",
                    },
                ),
            }
        }
    }

    /// Walks the document's blocks.
    fn read(&mut self) {
        let events: Vec<(Event, Range<usize>)> = Parser::new_ext(self.text, Options::empty())
            .into_offset_iter()
            .collect();
        let mut i = 0;
        while i < events.len() {
            let (event, range) = (&events[i].0, events[i].1.clone());
            match event {
                Event::Start(Tag::Heading { level, .. }) => {
                    if !self.text[range.clone()].trim_start().starts_with('#') {
                        let at = self.at(range.start);
                        self.problem(at, ProblemKind::NotAsWritten(SETEXT));
                        i = skip(&events, i);
                        continue;
                    }
                    let inline = self.inline(&events, i + 1);
                    self.flush();
                    self.heading(*level, inline.text, range.start);
                    i = skip(&events, i);
                    continue;
                }
                Event::Start(Tag::Paragraph) => {
                    let inline = self.inline(&events, i + 1);
                    self.paragraph(inline, range);
                    i = skip(&events, i);
                    continue;
                }
                Event::Start(Tag::Item) => {
                    self.item(&events, i);
                    i = skip(&events, i);
                    continue;
                }
                Event::Start(Tag::HtmlBlock) => {
                    let end = skip(&events, i);
                    let html = block_text(&events[i..end]);
                    if !self.comment_as_written(&html, range.start) {
                        i = end;
                        continue;
                    }
                    self.html_block(&html, range.start);
                    i = end;
                    continue;
                }
                Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(_)))
                    if !fence_closed(&self.text[range.clone()]) =>
                {
                    let at = self.at(range.start);
                    self.problem(at, ProblemKind::NotAsWritten(OPEN_FENCE));
                    i = skip(&events, i);
                    continue;
                }
                Event::Start(Tag::CodeBlock(_)) => {
                    // Indented text (often pasted from a PDF) is a message as it stands.
                    let end = skip(&events, i);
                    let text = block_text(&events[i..end]);
                    self.message(text.trim().to_string(), Vec::new(), range.start);
                    i = end;
                    continue;
                }
                _ => {}
            }
            i += 1;
        }
        self.flush();
    }

    /// The text of the inline events from `events[start]` to the end of their block.
    fn inline(&self, events: &[(Event, Range<usize>)], start: usize) -> Inline {
        let mut text = String::new();
        let mut comments = Vec::new();
        let mut i = start;
        while i < events.len() {
            match &events[i].0 {
                Event::Text(t) | Event::Code(t) => text.push_str(t),
                Event::SoftBreak => text.push(' '),
                Event::HardBreak => text.push('\n'),
                Event::InlineHtml(h) => match comment_attributes(h, &MESSAGE_KEYS) {
                    Some(pairs) => comments.push(pairs),
                    None if h.starts_with("<!--") => {}
                    None => text.push_str(h),
                },
                // A link or image is kept as written: message text stays text.
                Event::Start(Tag::Link { .. } | Tag::Image { .. }) => {
                    text.push_str(&self.text[events[i].1.clone()]);
                    i = skip(events, i);
                    continue;
                }
                Event::Start(Tag::Emphasis | Tag::Strong | Tag::Strikethrough)
                | Event::End(TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough) => {}
                Event::Start(_) | Event::End(_) => break,
                _ => text.push_str(&self.text[events[i].1.clone()]),
            }
            i += 1;
        }
        Inline {
            text,
            comments,
            end: i,
        }
    }

    /// A bullet: one message, with the comment after it; anything nested is a problem.
    fn item(&mut self, events: &[(Event, Range<usize>)], i: usize) {
        let end = skip(events, i) - 1;
        let start = events[i].1.start;
        let mut j = i + 1;
        if matches!(events.get(j), Some((Event::Start(Tag::Paragraph), _))) {
            j += 1;
        }
        let inline = self.inline(events, j);
        let mut comments = inline.comments;
        // Past the message's own paragraph, only a comment may follow.
        let mut k = inline.end;
        if matches!(events.get(k), Some((Event::End(TagEnd::Paragraph), _))) {
            k += 1;
        }
        while k < end {
            match &events[k].0 {
                Event::Start(Tag::HtmlBlock) => {
                    let block_end = skip(events, k);
                    let html = block_text(&events[k..block_end]);
                    if !self.comment_as_written(&html, events[k].1.start) {
                        k = block_end;
                        continue;
                    }
                    if let Some(pairs) = comment_attributes(&html, &MESSAGE_KEYS) {
                        comments.push(pairs);
                    } else if !html.trim_start().starts_with("<!--") {
                        let at = self.at(events[k].1.start);
                        self.problem(at, ProblemKind::NestedBlock);
                    }
                    k = block_end;
                }
                _ => {
                    let at = self.at(events[k].1.start);
                    self.problem(at, ProblemKind::NestedBlock);
                    break;
                }
            }
        }
        self.message(inline.text.trim().to_string(), comments, start);
    }

    /// Whether an HTML block that opens a comment reads as written: closed, and with
    /// nothing after its `-->` on that line (a parser would drop it). A problem otherwise.
    fn comment_as_written(&mut self, html: &str, offset: usize) -> bool {
        let html = html.trim_start();
        if !html.starts_with("<!--") {
            return true;
        }
        let problem = match html.rfind("-->") {
            None => Some(OPEN_COMMENT),
            Some(end) if !html[end + 3..].trim().is_empty() => Some(AFTER_COMMENT),
            Some(_) => None,
        };
        match problem {
            Some(kind) => {
                let at = self.at(offset);
                self.problem(at, ProblemKind::NotAsWritten(kind));
                false
            }
            None => true,
        }
    }

    fn html_block(&mut self, html: &str, offset: usize) {
        if let Some(pairs) = comment_attributes(html, &MESSAGE_KEYS) {
            match self.pending.as_mut() {
                Some(draft) => {
                    let at = draft.at.clone();
                    self.apply_attributes(pairs, &at);
                }
                None => {
                    let at = self.at(offset);
                    self.problem(
                        at,
                        ProblemKind::BadValue {
                            key: "<!-- id".into(),
                            found: html.trim().chars().take(60).collect(),
                            expected: "a message's comment right after the message",
                        },
                    );
                }
            }
        } else if !html.trim_start().starts_with("<!--") {
            // Raw HTML is a message written as HTML: kept as its text, never rendered.
            self.message(html.trim().to_string(), Vec::new(), offset);
        }
    }

    fn heading(&mut self, level: HeadingLevel, name: String, offset: usize) {
        let name = name.trim().to_string();
        let at = self.at(offset);
        if name.is_empty() {
            self.problem(at, ProblemKind::EmptyHeading);
            return;
        }
        match level {
            HeadingLevel::H1 => self.start_meeting(name, at),
            HeadingLevel::H2 => self.start_heading(name),
            HeadingLevel::H3 => {
                self.subheading = Some(name);
                self.expect = Expect::Nothing;
            }
            other => self.problem(at, ProblemKind::HeadingLevel(other as u8)),
        }
    }

    fn start_meeting(&mut self, name: String, at: String) {
        let (place, year) = match name.rsplit_once(' ') {
            Some((place, year)) if year.len() == 4 && year.parse::<u16>().is_ok() => (
                place.trim().to_string(),
                year.parse::<i64>().ok().and_then(Year::new),
            ),
            _ => (name.clone(), None),
        };
        self.corpus.meetings.push(Meeting::from_file(
            String::new(),
            year.unwrap_or(Year(0)),
            Some(place),
            None,
        ));
        self.meeting_at.push(at);
        self.meeting_names.push(
            self.corpus
                .meetings
                .last()
                .and_then(|m| m.place.clone())
                .unwrap_or_default(),
        );
        self.meeting = Some(self.corpus.meetings.len() - 1);
        self.heading = None;
        self.subheading = None;
        self.meeting_source = None;
        self.heading_source = None;
        self.in_section = 0;
        self.expect = Expect::Meeting;
    }

    /// The meeting's id, made on first need (after its description was read).
    fn meeting_id(&mut self, meeting: usize) -> String {
        if self.corpus.meetings[meeting].id.is_empty() {
            let name = self.meeting_names[meeting].clone();
            let year = self.corpus.meetings[meeting].year.0;
            let (id, _) = self.corpus.meeting_ids.of(&format!("{meeting}\u{0}"), || {
                format!("{}-{year}", slugify(&name))
            });
            self.corpus.meetings[meeting].id = id;
        }
        self.corpus.meetings[meeting].id.clone()
    }

    fn start_heading(&mut self, name: String) {
        self.subheading = None;
        self.heading_source = None;
        self.in_section = 0;
        let Some(meeting) = self.meeting else {
            self.expect = Expect::Nothing;
            return;
        };
        let key = (meeting, name.clone());
        let index = match self.heading_index.get(&key) {
            Some(&index) => index,
            None => {
                let headings = &mut self.corpus.meetings[meeting].message_set.headings;
                headings.push(Heading {
                    id: String::new(),
                    name,
                    topics: Vec::new(),
                    name_source: None,
                });
                let index = headings.len() - 1;
                self.heading_index.insert(key, index);
                index
            }
        };
        self.heading = Some(index);
        self.expect = Expect::Heading;
    }

    /// A paragraph: a description where one may stand (its first line a known key),
    /// otherwise a message.
    fn paragraph(&mut self, inline: Inline, range: Range<usize>) {
        let expect = self.expect;
        self.expect = Expect::Nothing;
        if expect != Expect::Nothing {
            let keys: Vec<&str> = match expect {
                Expect::Meeting => MEETING_KEYS.iter().chain(&SOURCE_KEYS).copied().collect(),
                _ => HEADING_KEYS.iter().chain(&SOURCE_KEYS).copied().collect(),
            };
            // Read as written, line by line (values are plain text, not Markdown).
            let raw = &self.text[range.clone()];
            let first = raw.lines().next().and_then(key_value);
            if first.is_some_and(|(k, _)| keys.contains(&k.as_str())) {
                let mut lines = Vec::new();
                let mut offset = range.start;
                for line in raw.split_inclusive('\n') {
                    lines.push((line.trim().to_string(), self.at(offset)));
                    offset += line.len();
                }
                self.describe(expect, &keys, lines);
                return;
            }
        }
        self.message(inline.text.trim().to_string(), inline.comments, range.start);
    }

    /// Applies a description's `Key: value` lines to the meeting or heading just begun.
    fn describe(&mut self, level: Expect, keys: &[&str], lines: Vec<(String, String)>) {
        let mut source: Option<(SourceDraft, String)> = None;
        for (line, at) in lines {
            let Some((key, value)) = key_value(&line).filter(|(k, _)| keys.contains(&k.as_str()))
            else {
                let key =
                    key_value(&line).map_or_else(|| line.chars().take(40).collect(), |(k, _)| k);
                let known = format!("a description here may give {}", keys.join(", "));
                self.problem(at, ProblemKind::UnknownKey { key, known });
                continue;
            };
            match key.as_str() {
                "source" => {
                    self.declare(level, source.take());
                    let draft = source_draft(&value);
                    if draft.title.is_empty() {
                        let kind = ProblemKind::BadValue {
                            key,
                            found: value,
                            expected: "a title, an address, or a title followed by <https://…>",
                        };
                        self.problem(at, kind);
                    } else {
                        source = Some((draft, at));
                    }
                }
                "source id" | "publisher" | "date" | "file" | "also in" | "source note"
                | "publisher site" => match source.as_mut() {
                    Some((draft, _)) => set_source_field(draft, &key, &value),
                    None => self.problem(
                        at,
                        ProblemKind::BadValue {
                            key,
                            found: value,
                            expected: "a line \"Source: …\" before it",
                        },
                    ),
                },
                _ if level == Expect::Meeting => self.meeting_key(&key, value, at),
                _ => self.heading_key(&key, value, at),
            }
        }
        self.declare(level, source);
    }

    fn meeting_key(&mut self, key: &str, value: String, at: String) {
        let Some(m) = self.meeting else { return };
        let meeting = &mut self.corpus.meetings[m];
        let bad = |expected: &'static str| {
            Some(ProblemKind::BadValue {
                key: key.to_string(),
                found: value.chars().take(60).collect(),
                expected,
            })
        };
        let problem = match key {
            "id" => {
                meeting.id = value.clone();
                None
            }
            "year" => match value.parse::<i64>().ok().and_then(Year::new) {
                Some(year) => {
                    meeting.year = year;
                    None
                }
                None => bad("a year between 2006 and 2100"),
            },
            "place" => {
                meeting.place = Some(value.clone());
                None
            }
            "online" => match value.to_lowercase().as_str() {
                "yes" | "true" => {
                    meeting.online = true;
                    None
                }
                "no" | "false" => None,
                _ => bad("yes or no"),
            },
            "set" => {
                meeting.message_set.name = Some(value.clone()).filter(|v| !v.is_empty());
                None
            }
            "coverage" => match parse_coverage(&value) {
                Some((status, total)) => {
                    meeting.message_set.coverage.status = status;
                    meeting.message_set.coverage.published_total = total;
                    None
                }
                None => bad("complete, partial or none, optionally followed by \", 89 published\""),
            },
            "count source" | "count quote" => {
                let coverage = &mut meeting.message_set.coverage;
                let total = coverage.published_total.map(|n| n.to_string());
                let fact = coverage.published_total_source.get_or_insert_with(|| Fact {
                    value: total.unwrap_or_default(),
                    source: String::new(),
                    quote: String::new(),
                });
                if key == "count source" {
                    fact.source = value.clone();
                } else {
                    fact.quote = value.clone();
                }
                None
            }
            _ => {
                meeting.message_set.coverage.note = Some(value.clone()).filter(|v| !v.is_empty());
                None
            }
        };
        if let Some(kind) = problem {
            self.problem(at, kind);
        }
    }

    fn heading_key(&mut self, key: &str, value: String, at: String) {
        let (Some(m), Some(h)) = (self.meeting, self.heading) else {
            return;
        };
        if key == "id" {
            self.corpus.meetings[m].message_set.headings[h].id = value;
            return;
        }
        if key == "name source" {
            self.corpus.meetings[m].message_set.headings[h].name_source = Some(value);
            return;
        }
        let topics: Vec<String> = split_list(&value).iter().map(|t| self.topic(t)).collect();
        let heading = &mut self.corpus.meetings[m].message_set.headings[h];
        if heading.topics.is_empty() {
            heading.topics = topics;
        } else if heading.topics != topics {
            self.problem(
                at,
                ProblemKind::BadValue {
                    key: "topics".into(),
                    found: value,
                    expected: "the same topics each time a heading is described (a heading maps to one set of topics)",
                },
            );
        }
    }

    /// Registers a declared source; the first of a section is its messages' source.
    fn declare(&mut self, level: Expect, draft: Option<(SourceDraft, String)>) {
        let Some((draft, at)) = draft else { return };
        let id = match &draft.id {
            Some(id) => id.clone(),
            None => {
                let key = format!(
                    "{}\u{0}{}",
                    draft.title,
                    draft.url.clone().unwrap_or_default()
                );
                self.corpus.source_ids.of(&key, || slugify(&draft.title)).0
            }
        };
        let source = Source {
            id: id.clone(),
            title: draft.title,
            publisher: draft.publisher,
            date: draft.date,
            url: draft.url,
            file: draft.file,
            also_in: draft.also_in,
            note: draft.note,
            publisher_site: draft.publisher_site,
        };
        match self.source_index.get(&id) {
            Some(&at_index) if self.corpus.sources[at_index] != source => {
                self.problem(at, ProblemKind::SourceRedeclared(id.clone()));
            }
            Some(_) => {}
            None => {
                self.source_index
                    .insert(id.clone(), self.corpus.sources.len());
                self.corpus.sources.push(source);
            }
        }
        let section = if level == Expect::Meeting {
            &mut self.meeting_source
        } else {
            &mut self.heading_source
        };
        if section.is_none() {
            *section = Some(id);
        }
    }

    fn message(&mut self, text: String, comments: Vec<Vec<(String, String)>>, offset: usize) {
        self.flush();
        self.expect = Expect::Nothing;
        let at = self.at(offset);
        if text.is_empty() && comments.is_empty() {
            return;
        }
        if self.meeting.is_none() {
            self.problem(at, ProblemKind::BeforeMeeting);
            return;
        }
        self.in_section += 1;
        let line = at.split(',').next().unwrap_or_default().to_string();
        self.pending = Some(Draft {
            text,
            at: at.clone(),
            line,
            attributes: Attributes::default(),
        });
        for pairs in comments {
            self.apply_attributes(pairs, &at);
        }
    }

    fn apply_attributes(&mut self, pairs: Vec<(String, String)>, at: &str) {
        let mut unknown = Vec::new();
        if let Some(draft) = self.pending.as_mut() {
            for (key, value) in pairs {
                let a = &mut draft.attributes;
                match key.as_str() {
                    "id" => a.id = Some(value),
                    "locator" => a.locator = Some(value),
                    "curator" => a.curator = Some(value),
                    "source" => a.source = Some(value),
                    "topics" => a.topics = split_list(&value),
                    _ => unknown.push(key),
                }
            }
        }
        for key in unknown {
            self.problem(
                at.to_string(),
                ProblemKind::UnknownKey {
                    key,
                    known: format!("a message's comment may give {}", MESSAGE_KEYS.join(", ")),
                },
            );
        }
    }

    /// Turns the message being read into a [`Message`].
    fn flush(&mut self) {
        let Some(draft) = self.pending.take() else {
            return;
        };
        let Some(meeting) = self.meeting else { return };
        let meeting_id = self.meeting_id(meeting);
        let heading_id = self.heading.map(|h| self.heading_id(meeting, h));
        let source = match (
            &draft.attributes.source,
            &self.heading_source,
            &self.meeting_source,
        ) {
            (Some(id), _, _) => id.clone(),
            (None, Some(id), _) | (None, None, Some(id)) => id.clone(),
            (None, None, None) => {
                self.problem(draft.at.clone(), ProblemKind::NoSourceDeclared);
                String::new()
            }
        };
        let id = match draft.attributes.id.clone() {
            Some(id) => {
                self.given_ids.insert(id.clone());
                id
            }
            None => format!(
                "{}-{}",
                heading_id.clone().unwrap_or_else(|| meeting_id.clone()),
                self.in_section
            ),
        };
        let topics: Vec<String> = draft
            .attributes
            .topics
            .iter()
            .map(|label| self.topic(label))
            .collect();
        let locator = draft.attributes.locator.clone().unwrap_or_else(|| {
            let m = &self.corpus.meetings[meeting];
            let mut place = vec![m.short_name()];
            place.extend(self.heading.map(|h| m.message_set.headings[h].name.clone()));
            place.extend(self.subheading.clone());
            format!("{}, item {}", place.join(" / "), self.in_section)
        });
        // The file's line is the curator's locator where the file gives neither.
        let curator = match (&draft.attributes.curator, &draft.attributes.locator) {
            (Some(curator), _) => Some(curator.clone()),
            (None, Some(_)) => None,
            (None, None) => Some(format!("{} of the file", draft.line)),
        };
        self.corpus.messages.push(Message {
            id,
            meeting: meeting_id,
            editorial_topics: if heading_id.is_none() {
                topics
            } else {
                Vec::new()
            },
            heading: heading_id,
            subheading: self.subheading.clone(),
            text: draft.text,
            source: SourceRef {
                source,
                locator,
                curator,
            },
        });
        self.message_at.push(draft.at);
    }

    fn heading_id(&mut self, meeting: usize, heading: usize) -> String {
        if self.corpus.meetings[meeting].message_set.headings[heading]
            .id
            .is_empty()
        {
            let meeting_id = self.meeting_id(meeting);
            let name = self.corpus.meetings[meeting].message_set.headings[heading]
                .name
                .clone();
            let (id, _) = self
                .corpus
                .heading_ids
                .of(&format!("{meeting}\u{0}{name}"), || {
                    format!("{meeting_id}-{}", slugify(&name))
                });
            self.corpus.meetings[meeting].message_set.headings[heading].id = id;
        }
        self.corpus.meetings[meeting].message_set.headings[heading]
            .id
            .clone()
    }

    /// The corpus, or every problem (each with its line and column).
    fn finish(mut self, title: &str) -> Result<Corpus, Vec<Problem>> {
        self.flush();
        self.complete_meetings();
        for i in 0..self.corpus.messages.len() {
            let source = &self.corpus.messages[i].source.source;
            if !source.is_empty() && !self.source_index.contains_key(source) {
                let kind = ProblemKind::UndeclaredSource(source.clone());
                self.problem(self.message_at[i].clone(), kind);
            }
        }
        if !self.problems.is_empty() {
            return Err(self.problems);
        }
        self.into_corpus(title)
    }

    /// Every meeting with its year, id, heading ids and topics, and coverage "none" where
    /// it holds no message and says nothing of its coverage.
    fn complete_meetings(&mut self) {
        for m in 0..self.corpus.meetings.len() {
            if self.corpus.meetings[m].year.0 == 0 {
                let name = self.corpus.meetings[m].place.clone().unwrap_or_default();
                self.problem(self.meeting_at[m].clone(), ProblemKind::NoYear(name));
                continue;
            }
            self.meeting_id(m);
            for h in 0..self.corpus.meetings[m].message_set.headings.len() {
                self.heading_id(m, h);
                let heading = &self.corpus.meetings[m].message_set.headings[h];
                if heading.topics.is_empty() {
                    // Mapped to a topic named after it, as the CSV import does.
                    let name = heading.name.clone();
                    let topic = self.topic(&name);
                    self.corpus.meetings[m].message_set.headings[h]
                        .topics
                        .push(topic);
                }
            }
            let has_messages = self
                .corpus
                .messages
                .iter()
                .any(|x| x.meeting == self.corpus.meetings[m].id);
            let meeting = &mut self.corpus.meetings[m];
            if meeting.online && meeting.place.as_deref() == Some("Online") {
                meeting.place = None;
            }
            // A meeting written without messages or a coverage line holds none.
            let coverage = &mut meeting.message_set.coverage;
            if !has_messages
                && coverage.status == CoverageStatus::Partial
                && coverage.published_total.is_none()
            {
                coverage.status = CoverageStatus::None;
            }
        }
    }

    /// The corpus read, validated, its problems located in the text.
    fn into_corpus(self, title: &str) -> Result<Corpus, Vec<Problem>> {
        let title = self
            .front
            .get("title")
            .cloned()
            .unwrap_or_else(|| title.to_string());
        let id = self
            .front
            .get("id")
            .cloned()
            .unwrap_or_else(|| slugify(&title));
        let corpus = self.corpus.finish(id, title);
        let problems = check(&corpus);
        if problems.is_empty() {
            return Ok(corpus);
        }
        // The validator names JSON paths: say where in the file each one stands.
        let located = |path: &str, list: &str, at: &[String]| -> Option<String> {
            let index: usize = path.strip_prefix(list)?.split(']').next()?.parse().ok()?;
            Some(format!("{} ({path})", at.get(index)?))
        };
        Err(problems
            .into_iter()
            .map(|p| {
                let path = located(&p.path, "messages[", &self.message_at)
                    .or_else(|| located(&p.path, "meetings[", &self.meeting_at))
                    .unwrap_or(p.path);
                Problem::new(path, p.kind)
            })
            .collect())
    }

    fn topic(&mut self, label: &str) -> String {
        self.corpus.topic(label, "")
    }
}

/// Builds a corpus from text pasted from an official page or PDF: either the Markdown
/// layout (when it has a `# Meeting` line), or plain text with one message per paragraph
/// or bullet (`•`, `-`, `–`, `*`, `1.` …), read literally, under `context`. Problems name
/// the line and column of the pasted text ("line 0" for the fields of `context`).
pub fn corpus_from_paste(text: &str, context: &PasteContext) -> Result<Corpus, Vec<Problem>> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let unified = one_line_ending(text);
    let text = unified.as_ref();
    if is_markdown_layout(text) {
        return corpus_from_markdown(text, "Pasted messages");
    }
    let described = description_lines(text);
    if !described.is_empty() {
        return Err(described);
    }
    let mut head = format!(
        "# {} {}\n\n",
        inline_text(&one_line(&context.meeting)),
        one_line(&context.year)
    );
    // Said of the set wherever its coverage is shown: pasted, so its completeness unknown.
    head.push_str(&format!("Coverage note: {PASTED_NOTE}\n"));
    let url = one_line(&context.source_url);
    let title = one_line(&context.source_title);
    match (title.is_empty(), url.is_empty()) {
        (true, true) => head.push('\n'),
        (false, true) => head.push_str(&format!("Source: {title}\n\n")),
        (true, false) => head.push_str(&format!("Source: {url}\n\n")),
        (false, false) => head.push_str(&format!("Source: {title} <{url}>\n\n")),
    }
    if !context.heading.trim().is_empty() {
        head.push_str(&format!(
            "## {}\n\n",
            inline_text(&one_line(&context.heading))
        ));
    }
    let shift = head.lines().count();
    let body: Vec<String> = text.lines().map(plain_line).collect();
    let document = format!("{head}{}\n", body.join("\n"));
    corpus_from_markdown(&document, "Pasted messages").map_err(|problems| {
        problems
            .into_iter()
            .map(|p| Problem::new(shift_line(&p.path, shift), p.kind))
            .collect()
    })
}

/// A line of pasted plain text as Markdown: a bullet (of any common kind) made a `-`
/// item, everything else escaped, indentation dropped (so nothing becomes code).
fn plain_line(line: &str) -> String {
    let line = line.trim();
    let bullet = ["• ", "◦ ", "▪ ", "● ", "– ", "— ", "· ", "* ", "- ", "+ "]
        .iter()
        .find_map(|b| line.strip_prefix(b));
    let numbered = || {
        let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        (digits > 0)
            .then(|| {
                line[digits..]
                    .strip_prefix(". ")
                    .or_else(|| line[digits..].strip_prefix(") "))
            })
            .flatten()
    };
    match (bullet, numbered()) {
        (Some(rest), _) => format!("- {}", message_text(rest.trim())),
        // A numbered line starts a message and keeps its number, as written.
        (None, Some(_)) => format!("- {}", message_text(line)),
        (None, None) if line.is_empty() => String::new(),
        (None, None) => message_text(line),
    }
}

/// Lines of pasted plain text that look like a description (`Source: …`, `Year: …`):
/// the form's fields say where the text belongs, so such a line is a problem, never a
/// silent change of the source, year or place typed in the form.
fn description_lines(text: &str) -> Vec<Problem> {
    text.lines()
        .enumerate()
        .filter_map(|(i, line)| {
            let (key, _) = key_value(line.trim())?;
            let described = MEETING_KEYS.contains(&key.as_str())
                || HEADING_KEYS.contains(&key.as_str())
                || SOURCE_KEYS.contains(&key.as_str());
            described.then(|| {
                Problem::new(
                    format!("line {}, column 1", i + 1),
                    ProblemKind::BadValue {
                        key,
                        found: line.trim().chars().take(60).collect(),
                        expected: "messages only: give the meeting, year, heading and source in the form's fields",
                    },
                )
            })
        })
        .collect()
}

/// "line 7, column 3" of the document as the line of the pasted text.
fn shift_line(path: &str, shift: usize) -> String {
    let Some(rest) = path.strip_prefix("line ") else {
        return path.to_string();
    };
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    match digits.parse::<usize>() {
        Ok(n) if n > shift => format!("line {}{}", n - shift, &rest[digits.len()..]),
        Ok(_) => format!(
            "the meeting, heading and source fields{}",
            &rest[digits.len()..]
                .split_once(" (")
                .map_or(String::new(), |(_, r)| format!(" ({r}"))
        ),
        Err(_) => path.to_string(),
    }
}

/// A `Source:` value: a title followed by `<https://…>`, or an address alone.
fn source_draft(value: &str) -> SourceDraft {
    let value = value.trim();
    let bracketed = value.strip_suffix('>').and_then(|v| {
        v.rsplit_once(" <")
            .or_else(|| v.strip_prefix('<').map(|url| ("", url)))
    });
    let (title, url) = match bracketed {
        Some((title, url)) if !title.trim().is_empty() => (title.trim(), Some(url.trim())),
        Some((_, url)) => (url.trim(), Some(url.trim())),
        None if value.starts_with("http://") || value.starts_with("https://") => {
            (value, Some(value))
        }
        None => (value, None),
    };
    SourceDraft {
        title: title.to_string(),
        url: url.filter(|u| !u.is_empty()).map(str::to_string),
        ..SourceDraft::default()
    }
}

fn set_source_field(draft: &mut SourceDraft, key: &str, value: &str) {
    let value = Some(value.to_string()).filter(|v| !v.is_empty());
    match key {
        "source id" => draft.id = value,
        "publisher" => draft.publisher = value,
        "date" => draft.date = value,
        "file" => draft.file = value,
        "source note" => draft.note = value,
        "publisher site" => draft.publisher_site = value,
        _ => draft.also_in = value.map(|v| split_list(&v)).unwrap_or_default(),
    }
}

/// `complete`, `partial, 89 published`, `none`: the status and the published total.
fn parse_coverage(value: &str) -> Option<(CoverageStatus, Option<u32>)> {
    let (status, rest) = value.split_once(',').unwrap_or((value, ""));
    let status = CoverageStatus::from_slug(&status.trim().to_lowercase())?;
    let rest = rest.trim();
    if rest.is_empty() {
        return Some((status, None));
    }
    let total = rest
        .strip_suffix("published")?
        .trim()
        .replace(',', "")
        .parse()
        .ok()?;
    Some((status, Some(total)))
}

/// `a; b; c` as a list, blanks dropped.
fn split_list(value: &str) -> Vec<String> {
    value
        .split(';')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}
