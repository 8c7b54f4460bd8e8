//! The rules a corpus must follow beyond its shape: unique slugs, references that
//! resolve, headings mapped to topics, coverage that agrees with the messages, and (given
//! the source texts) every message and cited fact found verbatim in its source.
//!
//! One code path for the built-in corpus, the `corpus-check` curator tool and a file a
//! teacher loads in the browser.

use std::collections::{HashMap, HashSet};
use std::fmt;

use super::corpus::{
    is_web_address, Corpus, CoverageStatus, Fact, Meeting, BUILTIN_ID, BUILTIN_TITLE, COPY_ID,
    COPY_TITLE, SCHEMA_VERSION,
};
use super::text::fold;

/// The longest message accepted, in characters. The longest published IGF message is
/// under 2,000; a longer text is a mistake in the file (or an attempt to freeze the page).
pub const MAX_MESSAGE_CHARS: usize = 20_000;
/// The longest link fragment read, in bytes (`url`, and a set's link, `set`). A canonical
/// link is far shorter (the search text is cut at 1,000 characters, 9 KB percent-encoded
/// at most); anything past this is a link made by hand or by a hostile page, and reading
/// it whole could freeze the tab.
pub const MAX_LINK_BYTES: usize = 16_384;

/// The most messages a corpus may hold.
pub const MAX_MESSAGES: usize = 100_000;
/// The most topics in a corpus's vocabulary.
pub const MAX_TOPICS: usize = 1_000;
/// The most headings, over all meetings.
pub const MAX_HEADINGS: usize = 5_000;
/// The most meetings.
pub const MAX_MEETINGS: usize = 1_000;
/// The most sources.
pub const MAX_SOURCES: usize = 10_000;
/// The longest name, label, title or id, in characters (a message's text is not a name).
pub const MAX_NAME_CHARS: usize = 500;

/// One problem found in a corpus file, with the place of the field concerned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// JSON path of the field ("meetings[3].year"), or a CSV row and column; empty for the
    /// whole file.
    pub path: String,
    /// What is wrong; its `Display` says so and what was expected.
    pub kind: ProblemKind,
}

impl Problem {
    /// A problem at `path`.
    pub fn new(path: impl Into<String>, kind: ProblemKind) -> Self {
        Problem {
            path: path.into(),
            kind,
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.kind)
        } else {
            write!(f, "{}: {}", self.path, self.kind)
        }
    }
}

/// The kinds of problem a corpus file can have (semver's `ErrorKind` habit): tests and
/// code match on them; `Display` gives the wording the page shows.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProblemKind {
    /// Over the size limit, refused before reading.
    #[error("the file is {size} bytes; the limit is {limit} bytes ({} MB), so it was not read", limit / (1024 * 1024))]
    TooLarge {
        /// The file's size.
        size: u64,
        /// The limit.
        limit: usize,
    },
    /// The browser could not read the file.
    #[error("the file could not be read: {0}")]
    Unreadable(String),
    /// Nothing but white space.
    #[error("the file is empty")]
    Empty,
    /// Not UTF-8.
    #[error("the file is not UTF-8 text (invalid byte at offset {0})")]
    NotUtf8(usize),
    /// JSON, but not an object.
    #[error("expected a JSON object (a corpus file), found other content")]
    NotAnObject,
    /// A field that does not fit the schema, in serde's words.
    #[error("{0}")]
    Shape(String),
    /// More after the corpus object.
    #[error("unexpected data after the corpus: {0}")]
    TrailingData(String),
    /// Another schema version.
    #[error("expected schema version {expected}, found {found}")]
    Version {
        /// The version this code reads.
        expected: u32,
        /// The file's.
        found: u32,
    },
    /// An id that is not a slug.
    #[error("expected a slug of lowercase letters, digits and single hyphens, found {0:?}")]
    NotSlug(String),
    /// A language that is not a BCP 47 tag.
    #[error("expected a language tag such as \"en\", \"fr\" or \"es-419\", found {0:?}")]
    NotLanguage(String),
    /// No message at all.
    #[error("the corpus has no messages")]
    NoMessages,
    /// An id used twice in one list.
    #[error("duplicate id \"{0}\"")]
    DuplicateId(String),
    /// A heading id used twice in the corpus.
    #[error("duplicate heading id \"{0}\"")]
    DuplicateHeading(String),
    /// A source address that is not `http(s):` (first 60 characters).
    #[error("only http: and https: addresses are accepted, found \"{0}\"")]
    NotWebAddress(String),
    /// A heading without a name.
    #[error("the heading name is empty")]
    EmptyHeadingName,
    /// A heading mapped to no topic.
    #[error("heading \"{0}\" is not mapped to any topic")]
    UnmappedHeading(String),
    /// A reference to an id the corpus does not declare.
    #[error("unknown {kind} \"{id}\"")]
    Unknown {
        /// "source", "topic", "meeting" or "heading".
        kind: &'static str,
        /// The id.
        id: String,
    },
    /// A message without text.
    #[error("the message text is empty")]
    EmptyText,
    /// More records of a kind than the limit (checked before anything else, so that an
    /// oversized file is refused at once).
    #[error("{count} {what}; the limit is {limit}, so the file was not read further")]
    TooMany {
        /// "messages", "topics", "headings", "meetings" or "sources".
        what: &'static str,
        /// How many the file has.
        count: usize,
        /// The limit.
        limit: usize,
    },
    /// A name, label, title or id over [`MAX_NAME_CHARS`] or with a control character
    /// (a line break in a name would become a forged line in an export).
    #[error("{0}")]
    BadName(String),
    /// A reader's file whose id or title is, or reads as, the built-in corpus's (or whose
    /// title claims to be built in): refused, so that nothing a file shows can pass for
    /// the built-in corpus.
    #[error("the {field} \"{value}\" is the built-in corpus's or reads like it; a file of your own needs {field} of its own (for example \"{example}\")")]
    PosesAsBuiltIn {
        /// "id" or "title".
        field: &'static str,
        /// The file's value (first 60 characters).
        value: String,
        /// A value that would be accepted.
        example: &'static str,
    },
    /// A message over [`MAX_MESSAGE_CHARS`].
    #[error("the message is {chars} characters long; the limit is {limit}")]
    TooLong {
        /// Its length.
        chars: usize,
        /// The limit.
        limit: usize,
    },
    /// A message under a heading of another meeting.
    #[error("heading \"{heading}\" belongs to meeting \"{owner}\", not \"{meeting}\"")]
    OtherMeetingsHeading {
        /// The heading id.
        heading: String,
        /// Its meeting.
        owner: String,
        /// The message's meeting.
        meeting: String,
    },
    /// Coverage that disagrees with the messages.
    #[error("coverage of \"{meeting}\" {detail}")]
    Coverage {
        /// The meeting id.
        meeting: String,
        /// How it disagrees.
        detail: String,
    },
    /// A source that names no text file (verbatim check).
    #[error("source \"{0}\" names no file")]
    NoSourceFile(String),
    /// A source file that is not at hand (verbatim check).
    #[error("source file \"{0}\" is not available")]
    SourceFileMissing(String),
    /// A text not found verbatim in its source file.
    #[error("text not found verbatim in \"{file}\": \"{start}…\"")]
    NotVerbatim {
        /// The source file.
        file: String,
        /// The text's beginning.
        start: String,
    },
    /// The CSV header row cannot be read.
    #[error("the header row cannot be read: {0}")]
    HeaderUnreadable(String),
    /// Required CSV columns are missing.
    #[error("missing column(s) {missing}; the header must name {required}")]
    MissingColumns {
        /// The missing ones.
        missing: String,
        /// All the required ones.
        required: String,
    },
    /// A CSV column the reader does not know.
    #[error("unknown column \"{0}\"")]
    UnknownColumn(String),
    /// An empty required CSV cell.
    #[error("is empty")]
    EmptyCell,
    /// An empty `source` cell.
    #[error("is empty: every message must say where it was published")]
    NoSource,
    /// A `year` cell that is not a year in range.
    #[error("expected a year between {min} and {max}, found \"{found}\"")]
    BadYear {
        /// The cell.
        found: String,
        /// The first year.
        min: u16,
        /// The last year.
        max: u16,
    },
    /// A CSV row that cannot be read, in the reader's words.
    #[error("{0}")]
    BadRow(String),
    /// Rows of one heading that list different topics.
    #[error("lists other topics than row {first_row} for the heading \"{heading}\"; a heading maps to one set of topics: list the same ones, or leave the cell empty")]
    ConflictingTopics {
        /// The row that named the heading first.
        first_row: usize,
        /// The heading.
        heading: String,
    },
    /// Markdown: a message stands before any `# Meeting` heading.
    #[error("this message comes before any meeting: start each meeting with a heading such as \"# Kyoto 2023\"")]
    BeforeMeeting,
    /// Markdown: a meeting has no year.
    #[error("meeting \"{0}\" has no year: end its heading with the year (\"# Kyoto 2023\") or add a line \"Year: 2023\"")]
    NoYear(String),
    /// Markdown: a heading deeper than `###`.
    #[error("a heading of level {0}: use # for a meeting, ## for a heading and ### for a sub-heading as published")]
    HeadingLevel(u8),
    /// Markdown: a `Key: value` line with an unknown key.
    #[error("unknown line \"{key}:\" here; {known}")]
    UnknownKey {
        /// The key.
        key: String,
        /// What may be said here.
        known: String,
    },
    /// Markdown: a value that cannot be read.
    #[error("\"{key}: {found}\" cannot be read; expected {expected}")]
    BadValue {
        /// The key.
        key: String,
        /// The value found.
        found: String,
        /// What is expected.
        expected: &'static str,
    },
    /// Markdown: a block inside a bullet.
    #[error("a message is one bullet or one paragraph: this bullet holds a nested list or more paragraphs (give each message its own bullet)")]
    NestedBlock,
    /// Markdown that a parser would read differently from how it looks (an unclosed
    /// comment or fence swallowing what follows, text after a comment on its line, a
    /// line of `---` or `===` turning a paragraph into a heading): refused, never
    /// silently re-read.
    #[error("{0}")]
    NotAsWritten(&'static str),
    /// Markdown: no source for a message.
    #[error("no source for this message: add a line \"Source: title <https://…>\" under its meeting or heading")]
    NoSourceDeclared,
    /// Markdown: a message names a source id that is not declared.
    #[error("source \"{0}\" is not declared by a \"Source:\" line with \"Source id: {0}\"")]
    UndeclaredSource(String),
    /// Markdown: one source id declared twice with different details.
    #[error("source id \"{0}\" is declared twice with different details")]
    SourceRedeclared(String),
    /// Markdown: the heading text is empty.
    #[error("this heading is empty")]
    EmptyHeading,
}

/// Whether `id` is a readable slug: lowercase ASCII letters and digits in groups joined by
/// single hyphens ("geneva-2017-gender-3").
pub fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 100
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// Checks the rules that span records; returns every problem found (none for a valid
/// corpus). Passes in order: the file as a whole, the ids of each list, the meetings and
/// their headings, the messages, and coverage against the messages.
pub fn check(corpus: &Corpus) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut push = |path: String, kind: ProblemKind| problems.push(Problem::new(path, kind));
    if !check_sizes(corpus, &mut push) {
        return problems;
    }
    check_whole(corpus, &mut push);
    check_names(corpus, &mut push);
    let known = check_ids(corpus, &mut push);
    let headings = check_meetings(corpus, &known, &mut push);
    let included = check_messages(corpus, &known, &headings, &mut push);
    check_coverage(corpus, &included, &mut push);
    problems
}

/// The letters and digits of `text`, folded (case, accents, full-width forms): what a
/// reader sees of an id or a title, whatever its spacing and punctuation.
fn as_read(text: &str) -> String {
    fold(text).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// What makes a reader's file pose as the built-in corpus: an id that reads as
/// [`BUILTIN_ID`] ("igf-messages", "IGF_Messages", "ｉｇｆ messages"), or a title that
/// reads as [`BUILTIN_TITLE`] or as it without "(built-in corpus)", or that says it is
/// built in. Checked on every file a reader loads, pastes or keeps
/// (`Corpus::read_own_file`, the corpus reader), never on the built-in corpus itself.
pub fn poses_as_builtin(corpus: &Corpus) -> Vec<Problem> {
    let mut problems = Vec::new();
    if as_read(&corpus.id) == as_read(BUILTIN_ID) {
        problems.push(Problem::new(
            "id",
            ProblemKind::PosesAsBuiltIn {
                field: "id",
                value: corpus.id.chars().take(60).collect(),
                example: COPY_ID,
            },
        ));
    }
    let title = as_read(&corpus.title);
    let plain = BUILTIN_TITLE.split(" (").next().unwrap_or(BUILTIN_TITLE);
    if title == as_read(BUILTIN_TITLE) || title == as_read(plain) || title.contains("builtin") {
        problems.push(Problem::new(
            "title",
            ProblemKind::PosesAsBuiltIn {
                field: "title",
                value: corpus.title.chars().take(60).collect(),
                example: COPY_TITLE,
            },
        ));
    }
    problems
}

/// The ids each list declares (every reference must be one of them).
struct Known<'a> {
    sources: HashSet<&'a str>,
    topics: HashSet<&'a str>,
    meetings: HashSet<&'a str>,
}

/// The counts within their limits; `false` (and nothing else checked) when one is not.
fn check_sizes(corpus: &Corpus, push: &mut impl FnMut(String, ProblemKind)) -> bool {
    let headings: usize = corpus
        .meetings
        .iter()
        .map(|m| m.message_set.headings.len())
        .sum();
    let mapped = corpus
        .meetings
        .iter()
        .flat_map(|m| &m.message_set.headings)
        .map(|h| h.topics.len())
        .max()
        .unwrap_or(0);
    let counts = [
        ("messages", "messages", corpus.messages.len(), MAX_MESSAGES),
        ("topics", "topics", corpus.topics.len(), MAX_TOPICS),
        ("meetings", "headings", headings, MAX_HEADINGS),
        ("meetings", "topics of one heading", mapped, MAX_TOPICS),
        ("meetings", "meetings", corpus.meetings.len(), MAX_MEETINGS),
        ("sources", "sources", corpus.sources.len(), MAX_SOURCES),
    ];
    let mut fine = true;
    for (path, what, count, limit) in counts {
        if count > limit {
            push(
                path.to_string(),
                ProblemKind::TooMany { what, count, limit },
            );
            fine = false;
        }
    }
    fine
}

/// Every name, label, title and id is one line of at most [`MAX_NAME_CHARS`] characters.
fn check_names(corpus: &Corpus, push: &mut impl FnMut(String, ProblemKind)) {
    let mut name = |path: String, value: &str| {
        if let Some(reason) = name_problem(value) {
            push(path, ProblemKind::BadName(reason));
        }
    };
    name("id".into(), &corpus.id);
    name("title".into(), &corpus.title);
    for (i, s) in corpus.sources.iter().enumerate() {
        name(format!("sources[{i}].id"), &s.id);
        name(format!("sources[{i}].title"), &s.title);
        for (field, value) in [("publisher", &s.publisher), ("date", &s.date)] {
            if let Some(value) = value {
                name(format!("sources[{i}].{field}"), value);
            }
        }
    }
    for (i, t) in corpus.topics.iter().enumerate() {
        name(format!("topics[{i}].id"), &t.id);
        name(format!("topics[{i}].label"), &t.label);
    }
    for (i, m) in corpus.meetings.iter().enumerate() {
        name(format!("meetings[{i}].id"), &m.id);
        if let Some(place) = &m.place {
            name(format!("meetings[{i}].place"), place);
        }
        if let Some(set) = &m.message_set.name {
            name(format!("meetings[{i}].message_set.name"), set);
        }
        for (h, heading) in m.message_set.headings.iter().enumerate() {
            name(
                format!("meetings[{i}].message_set.headings[{h}].id"),
                &heading.id,
            );
            name(
                format!("meetings[{i}].message_set.headings[{h}].name"),
                &heading.name,
            );
        }
    }
    for (i, m) in corpus.messages.iter().enumerate() {
        name(format!("messages[{i}].id"), &m.id);
        if let Some(sub) = &m.subheading {
            name(format!("messages[{i}].subheading"), sub);
        }
    }
}

/// Why a name cannot be used, if it cannot: too long, or a control character.
pub fn name_problem(value: &str) -> Option<String> {
    if value.chars().nth(MAX_NAME_CHARS).is_some() {
        return Some(format!(
            "is {} characters long; a name, label, title or id may have at most {MAX_NAME_CHARS}",
            value.chars().count()
        ));
    }
    value.chars().find(|c| c.is_control()).map(|c| {
        format!(
            "holds the control character U+{:04X}; a name, label, title or id is one line of text",
            u32::from(c)
        )
    })
}

/// The version, the corpus id, and that there are messages at all.
fn check_whole(corpus: &Corpus, push: &mut impl FnMut(String, ProblemKind)) {
    if corpus.version != SCHEMA_VERSION {
        push(
            "version".into(),
            ProblemKind::Version {
                expected: SCHEMA_VERSION,
                found: corpus.version,
            },
        );
    }
    if !is_slug(&corpus.id) {
        push("id".into(), ProblemKind::NotSlug(corpus.id.clone()));
    }
    if let Some(language) = corpus.language.as_deref().filter(|l| !is_language_tag(l)) {
        push(
            "language".into(),
            ProblemKind::NotLanguage(language.chars().take(60).collect()),
        );
    }
    if corpus.messages.is_empty() {
        push("messages".into(), ProblemKind::NoMessages);
    }
}

/// Whether `tag` has the shape of a BCP 47 language tag: a primary language of two or
/// three letters, then subtags of one to eight letters or digits, joined by hyphens
/// (the pattern of `assets/corpus.schema.json`).
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or_default();
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Every list's ids are unique slugs; sources give web addresses only.
fn check_ids<'a>(corpus: &'a Corpus, push: &mut impl FnMut(String, ProblemKind)) -> Known<'a> {
    let sources = unique_ids(
        corpus.sources.iter().map(|s| s.id.as_str()),
        "sources",
        push,
    );
    for (i, source) in corpus.sources.iter().enumerate() {
        if let Some(url) = source.url.as_deref().filter(|u| !is_web_address(u)) {
            push(
                format!("sources[{i}].url"),
                ProblemKind::NotWebAddress(url.chars().take(60).collect()),
            );
        }
    }
    let topics = unique_ids(corpus.topics.iter().map(|t| t.id.as_str()), "topics", push);
    let meetings = unique_ids(
        corpus.meetings.iter().map(|m| m.id.as_str()),
        "meetings",
        push,
    );
    unique_ids(
        corpus.messages.iter().map(|m| m.id.as_str()),
        "messages",
        push,
    );
    Known {
        sources,
        topics,
        meetings,
    }
}

/// The meetings' cited facts resolve; headings are unique slugs across the corpus (they
/// appear in URLs on their own), named and mapped to known topics. Returns each heading's
/// meeting.
fn check_meetings<'a>(
    corpus: &'a Corpus,
    known: &Known,
    push: &mut impl FnMut(String, ProblemKind),
) -> HashMap<&'a str, &'a str> {
    let mut heading_meeting: HashMap<&str, &str> = HashMap::new();
    for (mi, meeting) in corpus.meetings.iter().enumerate() {
        let base = format!("meetings[{mi}]");
        for (field, fact) in cited_facts(meeting) {
            if let Some(fact) = fact {
                let path = format!("{base}.{field}.source");
                check_ref(&known.sources, &fact.source, &path, "source", push);
            }
        }
        for (fi, figure) in meeting.figures.iter().enumerate() {
            let path = format!("{base}.figures[{fi}].source");
            check_ref(&known.sources, &figure.source, &path, "source", push);
        }
        for (hi, heading) in meeting.message_set.headings.iter().enumerate() {
            let path = format!("{base}.message_set.headings[{hi}]");
            if let Some(source) = &heading.name_source {
                let at = format!("{path}.name_source");
                check_ref(&known.sources, source, &at, "source", push);
            }
            if !is_slug(&heading.id) {
                push(
                    format!("{path}.id"),
                    ProblemKind::NotSlug(heading.id.clone()),
                );
            }
            if heading_meeting.insert(&heading.id, &meeting.id).is_some() {
                push(
                    format!("{path}.id"),
                    ProblemKind::DuplicateHeading(heading.id.clone()),
                );
            }
            if heading.name.trim().is_empty() {
                push(format!("{path}.name"), ProblemKind::EmptyHeadingName);
            }
            if heading.topics.is_empty() {
                push(
                    format!("{path}.topics"),
                    ProblemKind::UnmappedHeading(heading.name.clone()),
                );
            }
            for (ti, topic) in heading.topics.iter().enumerate() {
                let at = format!("{path}.topics[{ti}]");
                check_ref(&known.topics, topic, &at, "topic", push);
            }
        }
    }
    heading_meeting
}

/// Each message has text within the limit, a known meeting, a heading of that meeting,
/// a known source and known editorial topics. Returns the messages counted per meeting.
fn check_messages<'a>(
    corpus: &'a Corpus,
    known: &Known,
    heading_meeting: &HashMap<&str, &str>,
    push: &mut impl FnMut(String, ProblemKind),
) -> HashMap<&'a str, u32> {
    let mut included: HashMap<&str, u32> = HashMap::new();
    for (i, message) in corpus.messages.iter().enumerate() {
        let path = format!("messages[{i}]");
        check_text(&message.text, &path, push);
        let meeting_path = format!("{path}.meeting");
        if check_ref(
            &known.meetings,
            &message.meeting,
            &meeting_path,
            "meeting",
            push,
        ) {
            *included.entry(message.meeting.as_str()).or_default() += 1;
        }
        if let Some(heading) = &message.heading {
            match heading_meeting.get(heading.as_str()) {
                None => push(
                    format!("{path}.heading"),
                    ProblemKind::Unknown {
                        kind: "heading",
                        id: heading.clone(),
                    },
                ),
                Some(owner) if *owner != message.meeting => push(
                    format!("{path}.heading"),
                    ProblemKind::OtherMeetingsHeading {
                        heading: heading.clone(),
                        owner: owner.to_string(),
                        meeting: message.meeting.clone(),
                    },
                ),
                Some(_) => {}
            }
        }
        let source_path = format!("{path}.source.source");
        check_ref(
            &known.sources,
            &message.source.source,
            &source_path,
            "source",
            push,
        );
        for (ti, topic) in message.editorial_topics.iter().enumerate() {
            let at = format!("{path}.editorial_topics[{ti}]");
            check_ref(&known.topics, topic, &at, "topic", push);
        }
    }
    included
}

/// A message's text is not empty and within [`MAX_MESSAGE_CHARS`].
fn check_text(text: &str, path: &str, push: &mut impl FnMut(String, ProblemKind)) {
    if text.trim().is_empty() {
        push(format!("{path}.text"), ProblemKind::EmptyText);
    }
    // Counting stops past the limit: a 10 MB text is refused as fast as a short one.
    if text.chars().nth(MAX_MESSAGE_CHARS).is_some() {
        push(
            format!("{path}.text"),
            ProblemKind::TooLong {
                chars: text.chars().count(),
                limit: MAX_MESSAGE_CHARS,
            },
        );
    }
}

/// Each meeting's coverage agrees with the messages it has.
fn check_coverage(
    corpus: &Corpus,
    included: &HashMap<&str, u32>,
    push: &mut impl FnMut(String, ProblemKind),
) {
    for (mi, meeting) in corpus.meetings.iter().enumerate() {
        let path = format!("meetings[{mi}].message_set.coverage");
        let count = included.get(meeting.id.as_str()).copied().unwrap_or(0);
        let coverage = &meeting.message_set.coverage;
        let disagreement = match (coverage.status, coverage.published_total) {
            (CoverageStatus::None, _) if count > 0 => Some(format!(
                "says no text is included, but {count} messages are"
            )),
            (CoverageStatus::Complete | CoverageStatus::Partial, _) if count == 0 => {
                Some("says messages are included, but there are none".to_string())
            }
            (CoverageStatus::Complete, Some(total)) if total != count => Some(format!(
                "says complete with {total} published, but {count} are included"
            )),
            (CoverageStatus::Partial, Some(total)) if count >= total => Some(format!(
                "says partial, but {count} of {total} published are included"
            )),
            _ => coverage
                .published_total_source
                .as_ref()
                .filter(|fact| {
                    Some(fact.value.as_str())
                        != coverage.published_total.map(|n| n.to_string()).as_deref()
                })
                .map(|fact| {
                    format!(
                        "cites a source for a published total of {:?}, but gives {}",
                        fact.value,
                        coverage
                            .published_total
                            .map_or("none".to_string(), |n| n.to_string())
                    )
                }),
        };
        if let Some(text) = disagreement {
            push(
                path,
                ProblemKind::Coverage {
                    meeting: meeting.id.clone(),
                    detail: text,
                },
            );
        }
    }
}

fn unique_ids<'a>(
    ids: impl Iterator<Item = &'a str>,
    list: &str,
    push: &mut impl FnMut(String, ProblemKind),
) -> HashSet<&'a str> {
    let mut seen = HashSet::new();
    for (i, id) in ids.enumerate() {
        if !is_slug(id) {
            push(
                format!("{list}[{i}].id"),
                ProblemKind::NotSlug(id.to_string()),
            );
        }
        if !seen.insert(id) {
            push(
                format!("{list}[{i}].id"),
                ProblemKind::DuplicateId(id.to_string()),
            );
        }
    }
    seen
}

/// Reports a reference to an unknown id; returns whether it resolved.
fn check_ref(
    known: &HashSet<&str>,
    id: &str,
    path: &str,
    kind: &'static str,
    push: &mut impl FnMut(String, ProblemKind),
) -> bool {
    let found = known.contains(id);
    if !found {
        push(
            path.to_string(),
            ProblemKind::Unknown {
                kind,
                id: id.to_string(),
            },
        );
    }
    found
}

/// Normalises text for the verbatim check: Markdown emphasis markers (`*`) are removed,
/// as the source files are Markdown renderings of the PDFs, and every run of whitespace
/// (including a page break between two parts of one bullet) becomes one space.
pub fn normalise_for_verbatim(text: &str) -> String {
    text.replace('*', "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A meeting's cited facts, each with its field's path under the meeting.
fn cited_facts(meeting: &Meeting) -> [(&'static str, Option<&Fact>); 4] {
    [
        ("number_source", meeting.number_source.as_ref()),
        ("dates", meeting.dates.as_ref()),
        ("theme", meeting.theme.as_ref()),
        (
            "message_set.coverage.published_total_source",
            meeting.message_set.coverage.published_total_source.as_ref(),
        ),
    ]
}

/// Checks that every message text, every cited fact (published totals included), every
/// heading name with a `name_source` and every publisher's site occurs verbatim (after
/// [`normalise_for_verbatim`]) in the source file it cites. `texts` maps a source's
/// `file` name to its contents; a source with no file, or whose file is missing from
/// `texts`, is reported.
pub fn check_verbatim(corpus: &Corpus, texts: &HashMap<String, String>) -> Vec<Problem> {
    let normalised: HashMap<&str, String> = texts
        .iter()
        .map(|(file, text)| (file.as_str(), normalise_for_verbatim(text)))
        .collect();
    let mut problems = Vec::new();
    let mut check = |path: String, source_id: &str, quoted: &str| {
        let source = corpus.source(source_id);
        let Some(file) = source.and_then(|s| s.file.as_deref()) else {
            problems.push(Problem::new(
                path,
                ProblemKind::NoSourceFile(source_id.to_string()),
            ));
            return;
        };
        let files = std::iter::once(file).chain(
            source
                .iter()
                .flat_map(|s| s.also_in.iter().map(String::as_str)),
        );
        let mut found = false;
        for name in files {
            let Some(text) = normalised.get(name) else {
                problems.push(Problem::new(
                    path.clone(),
                    ProblemKind::SourceFileMissing(name.to_string()),
                ));
                return;
            };
            found |= text.contains(&normalise_for_verbatim(quoted));
        }
        if !found {
            let start: String = quoted.chars().take(60).collect();
            problems.push(Problem::new(
                path,
                ProblemKind::NotVerbatim {
                    file: file.to_string(),
                    start: start.to_string(),
                },
            ));
        }
    };
    for (i, message) in corpus.messages.iter().enumerate() {
        check(
            format!("messages[{i}].text"),
            &message.source.source,
            &message.text,
        );
    }
    for (mi, meeting) in corpus.meetings.iter().enumerate() {
        for (field, fact) in cited_facts(meeting) {
            if let Some(fact) = fact {
                check(
                    format!("meetings[{mi}].{field}.quote"),
                    &fact.source,
                    &fact.quote,
                );
            }
        }
        for (fi, figure) in meeting.figures.iter().enumerate() {
            check(
                format!("meetings[{mi}].figures[{fi}].quote"),
                &figure.source,
                &figure.quote,
            );
        }
        for (hi, heading) in meeting.message_set.headings.iter().enumerate() {
            if let Some(source) = &heading.name_source {
                check(
                    format!("meetings[{mi}].message_set.headings[{hi}].name"),
                    source,
                    &heading.name,
                );
            }
        }
    }
    // A publisher's site is shown as the document prints it.
    for (si, source) in corpus.sources.iter().enumerate() {
        if let Some(site) = &source.publisher_site {
            check(format!("sources[{si}].publisher_site"), &source.id, site);
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags() {
        for tag in ["en", "fr", "es-419", "zh-Hant-TW", "EN-gb"] {
            assert!(is_language_tag(tag), "{tag:?}");
        }
        for tag in [
            "",
            "e",
            "english",
            "en_GB",
            "en-",
            "en--gb",
            "fr-toolongsubtag",
            "é",
        ] {
            assert!(!is_language_tag(tag), "{tag:?}");
        }
        let mut corpus = Corpus::builtin().unwrap();
        assert!(check(&corpus).is_empty());
        corpus.language = Some("English".into());
        let problems = check(&corpus);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].path, "language");
        assert!(
            problems[0].to_string().contains("a language tag such as"),
            "{}",
            problems[0]
        );
    }

    #[test]
    fn slugs() {
        let check = |id: &str, ok: bool| assert_eq!(is_slug(id), ok, "{id:?}");
        check("geneva-2017-gender-3", true);
        check("a", true);
        check("", false);
        check("Geneva", false);
        check("a--b", false);
        check("-a", false);
        check("a b", false);
        check("ü", false);
    }

    #[test]
    fn normalisation_joins_page_breaks_and_drops_emphasis() {
        assert_eq!(
            normalise_for_verbatim("net neutrality*\n\nand  zero-rating"),
            "net neutrality and zero-rating"
        );
    }
}
