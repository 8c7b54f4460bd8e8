//! The rules a corpus must follow beyond its shape: unique slugs, references that
//! resolve, headings mapped to topics, coverage that agrees with the messages, and (given
//! the source texts) every message and cited fact found verbatim in its source.
//!
//! One code path for the built-in corpus, the `corpus-check` curator tool and a file a
//! teacher loads in the browser.

use std::collections::{HashMap, HashSet};
use std::fmt;

use super::corpus::{is_web_address, Corpus, CoverageStatus, SCHEMA_VERSION};

/// The longest message accepted, in characters. The longest published IGF message is
/// under 2,000; a longer text is a mistake in the file (or an attempt to freeze the page).
pub const MAX_MESSAGE_CHARS: usize = 20_000;

/// One problem found in a corpus, with the JSON path of the field concerned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// JSON path of the field ("meetings[3].year"); empty for the whole file.
    pub path: String,
    /// What is wrong, and what was expected.
    pub message: String,
}

impl Problem {
    /// A problem at `path`.
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
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
    let mut push = |path: String, message: String| problems.push(Problem::new(path, message));
    check_whole(corpus, &mut push);
    let known = check_ids(corpus, &mut push);
    let headings = check_meetings(corpus, &known, &mut push);
    let included = check_messages(corpus, &known, &headings, &mut push);
    check_coverage(corpus, &included, &mut push);
    problems
}

/// The ids each list declares (every reference must be one of them).
struct Known<'a> {
    sources: HashSet<&'a str>,
    topics: HashSet<&'a str>,
    meetings: HashSet<&'a str>,
}

/// The version, the corpus id, and that there are messages at all.
fn check_whole(corpus: &Corpus, push: &mut impl FnMut(String, String)) {
    if corpus.version != SCHEMA_VERSION {
        push(
            "version".into(),
            format!(
                "expected schema version {SCHEMA_VERSION}, found {}",
                corpus.version
            ),
        );
    }
    if !is_slug(&corpus.id) {
        push("id".into(), slug_message(&corpus.id));
    }
    if corpus.messages.is_empty() {
        push("messages".into(), "the corpus has no messages".into());
    }
}

/// Every list's ids are unique slugs; sources give web addresses only.
fn check_ids<'a>(corpus: &'a Corpus, push: &mut impl FnMut(String, String)) -> Known<'a> {
    let sources = unique_ids(
        corpus.sources.iter().map(|s| s.id.as_str()),
        "sources",
        push,
    );
    for (i, source) in corpus.sources.iter().enumerate() {
        if let Some(url) = source.url.as_deref().filter(|u| !is_web_address(u)) {
            push(
                format!("sources[{i}].url"),
                format!(
                    "only http: and https: addresses are accepted, found \"{}\"",
                    url.chars().take(60).collect::<String>()
                ),
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
    push: &mut impl FnMut(String, String),
) -> HashMap<&'a str, &'a str> {
    let mut heading_meeting: HashMap<&str, &str> = HashMap::new();
    for (mi, meeting) in corpus.meetings.iter().enumerate() {
        let base = format!("meetings[{mi}]");
        let facts = [
            ("number_source", meeting.number_source.as_ref()),
            ("dates", meeting.dates.as_ref()),
            ("theme", meeting.theme.as_ref()),
        ];
        for (field, fact) in facts {
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
            if !is_slug(&heading.id) {
                push(format!("{path}.id"), slug_message(&heading.id));
            }
            if heading_meeting.insert(&heading.id, &meeting.id).is_some() {
                push(
                    format!("{path}.id"),
                    format!("duplicate heading id \"{}\"", heading.id),
                );
            }
            if heading.name.trim().is_empty() {
                push(format!("{path}.name"), "the heading name is empty".into());
            }
            if heading.topics.is_empty() {
                push(
                    format!("{path}.topics"),
                    format!("heading \"{}\" is not mapped to any topic", heading.name),
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
    push: &mut impl FnMut(String, String),
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
                    format!("unknown heading \"{heading}\""),
                ),
                Some(owner) if *owner != message.meeting => push(
                    format!("{path}.heading"),
                    format!(
                        "heading \"{heading}\" belongs to meeting \"{owner}\", not \"{}\"",
                        message.meeting
                    ),
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
fn check_text(text: &str, path: &str, push: &mut impl FnMut(String, String)) {
    if text.trim().is_empty() {
        push(format!("{path}.text"), "the message text is empty".into());
    }
    // Counting stops past the limit: a 10 MB text is refused as fast as a short one.
    if text.chars().nth(MAX_MESSAGE_CHARS).is_some() {
        push(
            format!("{path}.text"),
            format!(
                "the message is {} characters long; the limit is {}",
                text.chars().count(),
                MAX_MESSAGE_CHARS
            ),
        );
    }
}

/// Each meeting's coverage agrees with the messages it has.
fn check_coverage(
    corpus: &Corpus,
    included: &HashMap<&str, u32>,
    push: &mut impl FnMut(String, String),
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
            _ => None,
        };
        if let Some(text) = disagreement {
            push(path, format!("coverage of \"{}\" {text}", meeting.id));
        }
    }
}

fn slug_message(id: &str) -> String {
    format!("expected a slug of lowercase letters, digits and single hyphens, found {id:?}")
}

fn unique_ids<'a>(
    ids: impl Iterator<Item = &'a str>,
    list: &str,
    push: &mut impl FnMut(String, String),
) -> HashSet<&'a str> {
    let mut seen = HashSet::new();
    for (i, id) in ids.enumerate() {
        if !is_slug(id) {
            push(format!("{list}[{i}].id"), slug_message(id));
        }
        if !seen.insert(id) {
            push(format!("{list}[{i}].id"), format!("duplicate id \"{id}\""));
        }
    }
    seen
}

/// Reports a reference to an unknown id; returns whether it resolved.
fn check_ref(
    known: &HashSet<&str>,
    id: &str,
    path: &str,
    kind: &str,
    push: &mut impl FnMut(String, String),
) -> bool {
    let found = known.contains(id);
    if !found {
        push(path.to_string(), format!("unknown {kind} \"{id}\""));
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

/// Checks that every message text and every cited fact occurs verbatim (after
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
        let Some(file) = corpus.source(source_id).and_then(|s| s.file.as_deref()) else {
            problems.push(Problem::new(
                path,
                format!("source \"{source_id}\" names no file"),
            ));
            return;
        };
        let Some(text) = normalised.get(file) else {
            problems.push(Problem::new(
                path,
                format!("source file \"{file}\" is not available"),
            ));
            return;
        };
        if !text.contains(&normalise_for_verbatim(quoted)) {
            let start: String = quoted.chars().take(60).collect();
            problems.push(Problem::new(
                path,
                format!("text not found verbatim in \"{file}\": \"{start}…\""),
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
        let facts = [
            ("number_source", meeting.number_source.as_ref()),
            ("dates", meeting.dates.as_ref()),
            ("theme", meeting.theme.as_ref()),
        ];
        for (field, fact) in facts {
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
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

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
