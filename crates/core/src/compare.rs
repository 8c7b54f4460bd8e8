//! The Compare view's numbers: 2 to 4 meetings side by side, with counts and coverage,
//! topic shares, the headings as published, topics present on some sides only, and each
//! side's distinctive terms against the others (see [`stats::log_odds`]).

use std::collections::HashSet;

use super::query::Explorer;
use super::stats::{self, TermCounts, FEW_MESSAGES, Z_THRESHOLD};
use super::text::english_stop_words;

/// How many distinctive terms each side lists.
pub const TERMS_PER_SIDE: usize = 12;
/// The fewest and most meetings compared at once.
pub const SIDES: std::ops::RangeInclusive<usize> = 2..=4;

/// One meeting in a comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct Side {
    /// Meeting id.
    pub meeting: String,
    /// "Kyoto 2023".
    pub name: String,
    /// Messages included.
    pub included: usize,
    /// The coverage sentence ("Kyoto 2023: 2 of a reported 89 messages included (partial)").
    pub coverage: String,
    /// Whether the set is incomplete (partial or none).
    pub partial: bool,
    /// Whether there are too few messages for the terms to mean much.
    pub few: bool,
    /// The headings as published, in order.
    pub headings: Vec<String>,
    /// Terms used more than on the other sides (z > 0), most distinctive first.
    pub terms: Vec<DistinctiveTerm>,
}

/// A term that one side uses more than the others.
#[derive(Debug, Clone, PartialEq)]
pub struct DistinctiveTerm {
    /// A readable form of the stem ("digital").
    pub word: String,
    /// Occurrences on this side.
    pub count: u64,
    /// The z-score of the weighted log-odds ratio.
    pub z: f64,
    /// Whether |z| reaches [`Z_THRESHOLD`] (1.96); weaker terms are shown as such.
    pub significant: bool,
}

impl DistinctiveTerm {
    /// How often the side uses it, in words ("once", "14 times").
    pub fn times(&self) -> String {
        match self.count {
            1 => "once".to_string(),
            n => format!("{n} times"),
        }
    }
}

/// What a side's distinctive terms mean, in words, above the list they introduce: the
/// noticeable ones (`significant`), then those whose difference could be chance.
pub fn terms_sentence(side: &str, significant: bool) -> String {
    if significant {
        format!("Used noticeably more often in {side} than in the other meetings:")
    } else {
        format!("Used somewhat more often in {side}, a difference that could be chance:")
    }
}

/// How the distinctive terms are found, for readers who ask.
pub const METHOD_NOTE: &str = "Each meeting's words are compared with the other meetings' words by the weighted log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi and Quinn, 2008), on stemmed words without common words such as \"the\". A word is \"noticeably more often\" used when its z-score is at least 1.96 (significant at 95 %); with few messages on a side, nothing can be. Each word is shown in the form the messages use most.";

/// A topic's counts and shares on each side.
#[derive(Debug, Clone, PartialEq)]
pub struct TopicRow {
    /// Topic id.
    pub id: String,
    /// Topic label.
    pub label: String,
    /// Messages under the topic, per side.
    pub counts: Vec<usize>,
    /// Share of each side's included messages (None where a side has none).
    pub shares: Vec<Option<f64>>,
}

impl TopicRow {
    /// Whether some side has messages on this topic and another side has none.
    pub fn one_sided(&self) -> bool {
        self.counts.iter().any(|&c| c > 0) && self.counts.contains(&0)
    }
}

/// Everything the Compare view shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// The sides, in chronological order.
    pub sides: Vec<Side>,
    /// Every topic with its counts per side.
    pub topics: Vec<TopicRow>,
}

/// Compares the meetings with these ids (unknown ids are skipped; the caller validates).
pub fn compare(explorer: &Explorer, meeting_ids: &[String]) -> Comparison {
    let corpus = explorer.corpus();
    let mut positions: Vec<usize> = meeting_ids
        .iter()
        .filter_map(|id| corpus.meetings.iter().position(|m| &m.id == id))
        .collect();
    positions.sort_unstable();
    positions.dedup();
    let group_of: Vec<Option<usize>> = (0..corpus.messages.len())
        .map(|m| positions.iter().position(|&p| p == explorer.meeting_of(m)))
        .collect();
    let included: Vec<usize> = positions.iter().map(|&p| explorer.included()[p]).collect();
    let topics = topic_rows(explorer, &group_of, &included);
    let mut terms = distinctive_terms(explorer, &group_of, positions.len()).into_iter();
    let corpus = explorer.corpus();
    let sides = positions
        .iter()
        .enumerate()
        .map(|(i, &p)| {
            let meeting = &corpus.meetings[p];
            Side {
                meeting: meeting.id.clone(),
                name: meeting.short_name(),
                included: included[i],
                coverage: explorer.coverage_sentence(p),
                partial: meeting.message_set.coverage.status
                    != super::corpus::CoverageStatus::Complete,
                few: included[i] < FEW_MESSAGES,
                headings: meeting
                    .message_set
                    .headings
                    .iter()
                    .map(|h| h.name.clone())
                    .collect(),
                terms: terms.next().unwrap_or_default(),
            }
        })
        .collect();
    Comparison { sides, topics }
}

/// Each topic's messages on each side (`group_of[message]` is its side), and their
/// shares of the side's `included` messages.
fn topic_rows(
    explorer: &Explorer,
    group_of: &[Option<usize>],
    included: &[usize],
) -> Vec<TopicRow> {
    let corpus = explorer.corpus();
    let mut counts = vec![vec![0usize; included.len()]; corpus.topics.len()];
    for (m, side) in group_of.iter().enumerate() {
        if let Some(side) = side {
            for &t in explorer.topics_of(m) {
                counts[t as usize][*side] += 1;
            }
        }
    }
    corpus
        .topics
        .iter()
        .zip(counts)
        .map(|(topic, counts)| TopicRow {
            id: topic.id.clone(),
            label: topic.label.clone(),
            shares: counts
                .iter()
                .zip(included)
                .map(|(&c, &n)| stats::share(c, n))
                .collect(),
            counts,
        })
        .collect()
}

/// Each side's distinctive terms: the side against the union of the others, with the
/// whole corpus as the informative prior; stop words and numbers are left out.
fn distinctive_terms(
    explorer: &Explorer,
    group_of: &[Option<usize>],
    sides: usize,
) -> Vec<Vec<DistinctiveTerm>> {
    let stop = explorer.index().stems_of(english_stop_words());
    let index = explorer.index();
    let mut per_side = index.term_counts(group_of, sides);
    let background = vec![Some(0); group_of.len()];
    let prior = stats::scaled_prior(
        &index.term_counts(&background, 1).pop().unwrap_or_default(),
        stats::PRIOR_SCALE,
    );
    for side in &mut per_side {
        side.retain(|term, _| !stop.contains(term) && !term.chars().all(|c| c.is_ascii_digit()));
    }
    let lists: Vec<Vec<stats::LogOdds>> = (0..sides)
        .map(|i| {
            let mut rest = TermCounts::new();
            for (_, other) in per_side.iter().enumerate().filter(|(j, _)| *j != i) {
                for (term, count) in other {
                    *rest.entry(term.clone()).or_insert(0) += count;
                }
            }
            stats::log_odds(&per_side[i], &rest, &prior)
                .into_iter()
                .filter(|t| t.z > 0.0)
                .take(TERMS_PER_SIDE)
                .collect()
        })
        .collect();
    // Each term as the word readers saw most often in the compared messages, not its stem.
    let shown: HashSet<&str> = lists.iter().flatten().map(|t| t.term.as_str()).collect();
    let texts: Vec<String> = group_of
        .iter()
        .zip(&explorer.corpus().messages)
        .filter(|(side, _)| side.is_some())
        .map(|(_, m)| m.text.clone())
        .collect();
    let words = explorer
        .index()
        .surface_words(texts.iter().map(String::as_str), &shown);
    lists
        .into_iter()
        .map(|list| {
            list.into_iter()
                .map(|t| DistinctiveTerm {
                    word: words
                        .get(&t.term)
                        .cloned()
                        .unwrap_or_else(|| t.term.clone()),
                    count: t.count,
                    significant: t.z >= Z_THRESHOLD,
                    z: t.z,
                })
                .collect()
        })
        .collect()
}

/// The messages of one meeting under one topic, in corpus order.
pub fn messages_on_topic(explorer: &Explorer, meeting_id: &str, topic_id: &str) -> Vec<usize> {
    let corpus = explorer.corpus();
    let (Some(meeting), Some(topic)) = (
        corpus.meetings.iter().position(|m| m.id == meeting_id),
        corpus.topics.iter().position(|t| t.id == topic_id),
    ) else {
        return Vec::new();
    };
    (0..corpus.messages.len())
        .filter(|&m| {
            explorer.meeting_of(m) == meeting && explorer.topics_of(m).contains(&(topic as u32))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;

    #[test]
    fn geneva_beside_kyoto() {
        let explorer = Explorer::new(Corpus::builtin().unwrap());
        let c = compare(&explorer, &["kyoto-2023".into(), "geneva-2017".into()]);
        let names: Vec<&str> = c.sides.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Geneva 2017", "Kyoto 2023"]);
        assert_eq!(c.sides[0].included, 48);
        assert!(!c.sides[0].few && c.sides[1].few && c.sides[1].partial);
        assert_eq!(
            c.sides[1].coverage,
            "Kyoto 2023: 2 of a reported 89 messages included (partial)"
        );
        assert_eq!(c.sides[1].headings.len(), 8);
        // Kyoto's two messages are about children's safety: "children" leads, "safe" is listed.
        assert_eq!(
            c.sides[1].terms[0].word, "children",
            "{:?}",
            c.sides[1].terms
        );
        assert!(c.sides[1].terms.iter().any(|t| t.word == "safe"));
        // Against a side of 2 messages nothing can reach significance, on either side.
        assert!(c
            .sides
            .iter()
            .flat_map(|s| &s.terms)
            .all(|t| !t.significant));
        assert!(!c.sides[0].terms.is_empty());
        let rights = c.topics.iter().find(|t| t.id == "human-rights").unwrap();
        assert_eq!(rights.counts[1], 1);
        // Stop words never appear.
        assert!(c
            .sides
            .iter()
            .flat_map(|s| &s.terms)
            .all(|t| !["the", "and", "of"].contains(&t.word.as_str())));
        let one_sided: Vec<&str> = c
            .topics
            .iter()
            .filter(|t| t.one_sided())
            .map(|t| t.id.as_str())
            .collect();
        assert!(one_sided.contains(&"governance-cooperation"));
    }

    #[test]
    fn messages_on_a_topic_per_meeting() {
        let explorer = Explorer::new(Corpus::builtin().unwrap());
        let geneva = messages_on_topic(&explorer, "geneva-2017", "cybersecurity-trust");
        assert_eq!(geneva.len(), 6);
        assert_eq!(
            messages_on_topic(&explorer, "kyoto-2023", "nope"),
            Vec::<usize>::new()
        );
    }
}
