//! A curator's merge: the messages of a checked file (Markdown, CSV or JSON) added to a
//! corpus (the built-in one) without touching what it holds. Existing ids never change;
//! a message already there (same meeting, same text up to quote style and spacing) is
//! skipped, so merging twice adds nothing; new ids are the file's own where free,
//! otherwise the next free number. A new message is placed after the message before it
//! in the file, when that one is already there: list the known messages too, and the
//! source order is kept.
//!
//! Meetings, headings, topics and sources of the file are matched to the corpus's: a
//! meeting by id; a heading by its meeting and its name or id; a topic by id or label
//! (a heading or message of the file must use the corpus's topic vocabulary); a source
//! by id or web address (a known source gains the file's record in `also_in`). What
//! matches nothing is added. A meeting's coverage takes the file's status, and its
//! published total and note where the file gives them. The result goes through the same
//! validation as any corpus.

use std::collections::{HashMap, HashSet};

use super::corpus::{Corpus, CoverageStatus, Heading, Source};
use super::validate::{check, Problem, ProblemKind};

/// What a merge did, for the curator to read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    /// Ids of the messages added.
    pub added: Vec<String>,
    /// Ids (in the file) of messages already in the corpus, skipped.
    pub skipped: Vec<String>,
    /// Ids of the headings added.
    pub headings: Vec<String>,
    /// Ids of the sources added.
    pub sources: Vec<String>,
    /// Ids of the meetings added.
    pub meetings: Vec<String>,
}

/// Merges `file` into `base`; every problem otherwise (an unknown topic, a failed
/// validation).
pub fn merge(base: &Corpus, file: &Corpus) -> Result<(Corpus, Report), Vec<Problem>> {
    let mut out = base.clone();
    let mut report = Report::default();
    let mut problems = Vec::new();
    let topic = topic_resolver(base, file);
    let (sources, also_in) = merge_sources(&mut out, file, &mut report);
    let mut headings: HashMap<String, String> = HashMap::new();
    for meeting in &file.meetings {
        let Some(at) = out.meetings.iter().position(|m| m.id == meeting.id) else {
            let mut added = meeting.clone();
            for heading in &mut added.message_set.headings {
                headings.insert(heading.id.clone(), heading.id.clone());
                heading.topics = map_topics(&heading.topics, &topic, &heading.name, &mut problems);
            }
            report.meetings.push(added.id.clone());
            out.meetings.push(added);
            continue;
        };
        let target = &mut out.meetings[at];
        // A meeting is matched by id, and its heading line must name the same meeting:
        // "# Kyoto 2023" with "Id: paris-2018" is a mistake, never a merge into Paris.
        if target.short_name() != meeting.short_name() {
            problems.push(Problem::new(
                format!("\"{}\"", meeting.short_name()),
                ProblemKind::Shape(format!(
                    "its id \"{}\" is the corpus's meeting \"{}\"; give the meeting's own id or fix its heading",
                    meeting.id,
                    target.short_name()
                )),
            ));
            continue;
        }
        let coverage = &meeting.message_set.coverage;
        let into = &mut target.message_set.coverage;
        // A file's meeting without a "Coverage:" line reads as partial: that never
        // undoes a complete set (validation then says if the counts disagree).
        if !(coverage.status == CoverageStatus::Partial && into.status == CoverageStatus::Complete)
        {
            into.status = coverage.status;
        }
        into.published_total = coverage.published_total.or(into.published_total);
        into.published_total_source = coverage
            .published_total_source
            .clone()
            .or(into.published_total_source.take());
        into.note = coverage.note.clone().or(into.note.take());
        for heading in &meeting.message_set.headings {
            let known = target
                .message_set
                .headings
                .iter()
                .find(|h| h.id == heading.id || h.name == heading.name);
            let id = match known {
                Some(h) => h.id.clone(),
                None => {
                    let topics = map_topics(&heading.topics, &topic, &heading.name, &mut problems);
                    target.message_set.headings.push(Heading {
                        id: heading.id.clone(),
                        name: heading.name.clone(),
                        topics,
                        name_source: heading.name_source.clone(),
                    });
                    report.headings.push(heading.id.clone());
                    heading.id.clone()
                }
            };
            headings.insert(heading.id.clone(), id);
        }
    }
    add_messages(
        &mut out,
        file,
        &headings,
        &sources,
        &topic,
        &mut report,
        &mut problems,
    );
    add_also_in(&mut out, also_in, &report);
    if !problems.is_empty() {
        return Err(problems);
    }
    let problems = check(&out);
    if problems.is_empty() {
        Ok((out, report))
    } else {
        Err(problems)
    }
}

/// The corpus's topic id for a topic of the file: by id, else by label (any case).
fn topic_resolver(base: &Corpus, file: &Corpus) -> HashMap<String, Option<String>> {
    let by_label: HashMap<String, &str> = base
        .topics
        .iter()
        .map(|t| (t.label.to_lowercase(), t.id.as_str()))
        .collect();
    let ids: HashSet<&str> = base.topics.iter().map(|t| t.id.as_str()).collect();
    file.topics
        .iter()
        .map(|t| {
            let found = if ids.contains(t.label.as_str()) {
                Some(t.label.clone())
            } else if ids.contains(t.id.as_str()) {
                Some(t.id.clone())
            } else {
                by_label
                    .get(&t.label.to_lowercase())
                    .map(|id| id.to_string())
            };
            (t.id.clone(), found)
        })
        .collect()
}

fn map_topics(
    topics: &[String],
    resolve: &HashMap<String, Option<String>>,
    owner: &str,
    problems: &mut Vec<Problem>,
) -> Vec<String> {
    topics
        .iter()
        .filter_map(|t| match resolve.get(t) {
            Some(Some(id)) => Some(id.clone()),
            _ => {
                problems.push(Problem::new(
                    format!("\"{owner}\""),
                    ProblemKind::Unknown {
                        kind: "topic (use the corpus's topic vocabulary, by id or label)",
                        id: t.clone(),
                    },
                ));
                None
            }
        })
        .collect()
}

/// Text files a known source may gain in `also_in`: (its id, the file's record's files).
type AlsoIn = Vec<(String, Vec<String>)>;

/// The file's sources matched to the corpus's (by id, else by web address) or added;
/// returns the id each file source has in the result, and the text files a known source
/// may gain (see [`add_also_in`]).
fn merge_sources(
    out: &mut Corpus,
    file: &Corpus,
    report: &mut Report,
) -> (HashMap<String, String>, AlsoIn) {
    let mut ids = HashMap::new();
    let mut also_in = AlsoIn::new();
    for source in &file.sources {
        let known = out
            .sources
            .iter()
            .position(|s| s.id == source.id || (source.url.is_some() && s.url == source.url));
        let id = match known {
            Some(at) => {
                let target = &out.sources[at];
                let files = source.file.iter().chain(&source.also_in);
                let new: Vec<String> = files
                    .filter(|f| target.file.as_ref() != Some(*f) && !target.also_in.contains(f))
                    .cloned()
                    .collect();
                if !new.is_empty() {
                    also_in.push((target.id.clone(), new));
                }
                target.id.clone()
            }
            None => {
                let mut added: Source = source.clone();
                let mut n = 2;
                while out.sources.iter().any(|s| s.id == added.id) {
                    added.id = format!("{}-{n}", source.id);
                    n += 1;
                }
                report.sources.push(added.id.clone());
                let id = added.id.clone();
                out.sources.push(added);
                id
            }
        };
        ids.insert(source.id.clone(), id);
    }
    (ids, also_in)
}

/// A known source gains the file's text files in `also_in` only when a message added by
/// this merge cites it: those are the texts its new messages were recovered from. A merge
/// that adds nothing (every message already there) changes no source, so `also_in` never
/// names a text that no message needs, nor one the verbatim check would then ask for.
fn add_also_in(out: &mut Corpus, also_in: AlsoIn, report: &Report) {
    let added: HashSet<&str> = report.added.iter().map(String::as_str).collect();
    let cited: HashSet<String> = out
        .messages
        .iter()
        .filter(|m| added.contains(m.id.as_str()))
        .map(|m| m.source.source.clone())
        .collect();
    for (id, files) in also_in {
        if !cited.contains(&id) {
            continue;
        }
        if let Some(source) = out.sources.iter_mut().find(|s| s.id == id) {
            source.also_in.extend(files);
        }
    }
}

/// Where a message stands in the text: quotes straightened and spaces collapsed, so the
/// same message copied from two records (’ in one, ' in the other) is one message.
fn text_key(meeting: &str, text: &str) -> (String, String) {
    let text: String = text
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{201C}' | '\u{201D}' => '"',
            c => c,
        })
        .collect();
    (
        meeting.to_string(),
        text.split_whitespace().collect::<Vec<_>>().join(" "),
    )
}

/// For each message of the file, the corpus id of the next message of the same meeting in
/// the file that the corpus already has (where a new message with no known message
/// before it goes).
fn next_known(file: &Corpus, present: &HashMap<(String, String), String>) -> Vec<Option<String>> {
    let mut next: Vec<Option<String>> = vec![None; file.messages.len()];
    let mut following: Option<(String, String)> = None;
    for (i, message) in file.messages.iter().enumerate().rev() {
        if let Some((meeting, id)) = &following {
            if *meeting == message.meeting {
                next[i] = Some(id.clone());
            }
        }
        if let Some(id) = present.get(&text_key(&message.meeting, &message.text)) {
            following = Some((message.meeting.clone(), id.clone()));
        }
    }
    next
}

/// `id` if it is free, otherwise the next free number of its stem (`x-3` for `x-1`).
fn free_id(id: &str, taken: &HashSet<String>) -> String {
    if !taken.contains(id) {
        return id.to_string();
    }
    let stem = id
        .trim_end_matches(|c: char| c.is_ascii_digit())
        .trim_end_matches('-');
    let mut n = 1;
    while taken.contains(&format!("{stem}-{n}")) {
        n += 1;
    }
    format!("{stem}-{n}")
}

/// Adds the file's messages, skipping those already there. A new message goes right
/// after the one before it in the file when that one is in the corpus, else right before
/// the next one of its meeting that is (so a file that lists the known messages too keeps
/// the source order), else after the last message of its meeting. A taken id becomes the next free number of its stem.
fn add_messages(
    out: &mut Corpus,
    file: &Corpus,
    headings: &HashMap<String, String>,
    sources: &HashMap<String, String>,
    topic: &HashMap<String, Option<String>>,
    report: &mut Report,
    problems: &mut Vec<Problem>,
) {
    let mut taken: HashSet<String> = out.messages.iter().map(|m| m.id.clone()).collect();
    let present: HashMap<(String, String), String> = out
        .messages
        .iter()
        .map(|m| (text_key(&m.meeting, &m.text), m.id.clone()))
        .collect();
    let next_known = next_known(file, &present);
    let mut anchor: Option<String> = None;
    for (i, message) in file.messages.iter().enumerate() {
        if let Some(id) = present.get(&text_key(&message.meeting, &message.text)) {
            report.skipped.push(message.id.clone());
            anchor = Some(id.clone());
            continue;
        }
        let mut added = message.clone();
        added.heading = message
            .heading
            .as_ref()
            .and_then(|h| headings.get(h).cloned());
        added.source.source = sources
            .get(&message.source.source)
            .cloned()
            .unwrap_or_else(|| message.source.source.clone());
        added.editorial_topics =
            map_topics(&message.editorial_topics, topic, &message.id, problems);
        added.id = free_id(&added.id, &taken);
        taken.insert(added.id.clone());
        report.added.push(added.id.clone());
        let after_anchor = anchor
            .as_ref()
            .and_then(|id| out.messages.iter().position(|m| &m.id == id))
            .filter(|&at| out.messages[at].meeting == added.meeting);
        let before_next = || {
            let id = next_known[i].as_ref()?;
            out.messages.iter().position(|m| &m.id == id)
        };
        let at = match (after_anchor, before_next()) {
            (Some(at), _) => at + 1,
            (None, Some(at)) => at,
            (None, None) => out
                .messages
                .iter()
                .rposition(|m| m.meeting == added.meeting)
                .map_or(out.messages.len(), |at| at + 1),
        };
        anchor = Some(added.id.clone());
        out.messages.insert(at, added);
    }
}

// The merge tests read Markdown files: they run where the `markdown` feature is on.
#[cfg(all(test, feature = "markdown"))]
mod tests {
    use super::*;
    use crate::markdown::corpus_from_markdown;

    const FILE: &str = "# Paris 2018

Id: paris-2018
Coverage: partial
Coverage note: A new note.
Source: IGF 2018 Messages <https://dig.watch/resource/igf-2018-messages>
File: igf-messages-second-pass-2018-2020.md

## Cybersecurity, Trust & Privacy

### Trust & Stakeholder cooperation

- A holistic view on cybersecurity is important.
  <!-- id: paris-2018-trust-cooperation-1 -->
- Cybersecurity and privacy are often intertwined and interdependent. They impact the trust in the digital space and may limit its potential for growth and prosperity. Cooperation based on mutual recognition and successful models of engagement between governments, the private sector, technical community and the civil society, can address privacy and cybersecurity concerns without undermining the open, free and secure nature of the Internet.

## A new theme

Topics: Human rights and freedoms

- A message under a new heading.
  <!-- id: paris-2018-new-1 -->
";

    #[test]
    fn a_merge_adds_new_messages_and_touches_nothing_else() {
        let base = Corpus::builtin().unwrap();
        let file = corpus_from_markdown(FILE, "file").unwrap();
        let (merged, report) = merge(&base, &file).unwrap();
        // The known message is skipped; the taken id gets the next free number.
        assert_eq!(report.skipped.len(), 1);
        assert_eq!(
            report.added,
            ["paris-2018-trust-cooperation-4", "paris-2018-new-1"]
        );
        assert_eq!(report.headings, ["paris-2018-a-new-theme"]);
        assert!(report.sources.is_empty());
        // Every existing message is unchanged, in its place.
        for (i, message) in base.messages.iter().enumerate() {
            let at = merged
                .messages
                .iter()
                .position(|m| m.id == message.id)
                .unwrap();
            assert_eq!(&merged.messages[at], message);
            assert!(at >= i);
        }
        let added = merged
            .messages
            .iter()
            .find(|m| m.id == "paris-2018-trust-cooperation-4")
            .unwrap();
        assert_eq!(
            added.heading.as_deref(),
            Some("paris-2018-cybersecurity-trust-privacy")
        );
        assert_eq!(added.source.source, "digwatch-igf-2018-messages");
        let source = merged.source("digwatch-igf-2018-messages").unwrap();
        assert_eq!(source.also_in, ["igf-messages-second-pass-2018-2020.md"]);
        let paris = merged.meeting("paris-2018").unwrap();
        assert_eq!(
            paris.message_set.coverage.note.as_deref(),
            Some("A new note.")
        );
        assert_eq!(
            paris.message_set.headings.last().unwrap().topics,
            ["human-rights"]
        );
        // Merging again adds nothing.
        let (again, report) = merge(&merged, &file).unwrap();
        assert!(report.added.is_empty());
        assert_eq!(again, merged);
    }

    #[test]
    fn a_heading_must_use_the_corpus_topics() {
        let file = FILE.replace("Topics: Human rights and freedoms", "Topics: Space travel");
        let file = corpus_from_markdown(&file, "file").unwrap();
        let problems = merge(&Corpus::builtin().unwrap(), &file).unwrap_err();
        assert_eq!(
            problems[0].to_string(),
            "\"A new theme\": unknown topic (use the corpus's topic vocabulary, by id or label) \"space-travel\""
        );
    }

    #[test]
    fn a_meeting_whose_heading_names_another_is_a_problem_not_a_merge() {
        let file = FILE.replace("# Paris 2018", "# Kyoto 2023");
        let file = corpus_from_markdown(&file, "file").unwrap();
        let problems = merge(&Corpus::builtin().unwrap(), &file).unwrap_err();
        assert_eq!(
            problems[0].to_string(),
            "\"Kyoto 2023\": its id \"paris-2018\" is the corpus's meeting \"Paris 2018\"; give the meeting's own id or fix its heading"
        );
    }

    #[test]
    fn a_source_gains_also_in_only_for_messages_it_adds() {
        // Only the known message: nothing is added, so no source changes.
        let known = FILE.find("- Cybersecurity and privacy").unwrap();
        let start = FILE.find("- A holistic view").unwrap();
        let end = FILE.find("## A new theme").unwrap();
        let text = format!("{}{}", &FILE[..start], &FILE[known..end]);
        let file = corpus_from_markdown(&text, "file").unwrap();
        let base = Corpus::builtin().unwrap();
        let (merged, report) = merge(&base, &file).unwrap();
        assert!(report.added.is_empty());
        assert_eq!(merged.sources, base.sources);
    }
}
