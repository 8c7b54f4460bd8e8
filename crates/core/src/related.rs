//! Related messages: what other meetings said on the same matter. Similarity is the
//! cosine of TF-IDF vectors over the search terms, stop words left out (see
//! `search::similar`); a match is always told with the words it shares, never with a
//! made-up precision.

use super::corpus::CoverageStatus;
use std::collections::HashMap;

use super::query::{Explorer, Like, Outcome, Selection, Sort};
use super::search::{Query, Vector};

/// How many related messages a message's page lists.
pub const RELATED_SHOWN: usize = 5;
/// How many shared words name a match.
pub const SHARED_WORDS: usize = 5;
/// The least similarity (cosine, 0 to 1) for a message to be called related: below it
/// the messages share little more than a word or two, and a page says there is no
/// closely related message rather than list weak ones (chosen from the built-in corpus's
/// similarities, BENCHMARKS.md "Related messages"). A related message also shares two
/// weighted words or more, or a phrase: one word alone ("confidence") is no reason.
pub const MIN_RELATED: f32 = 0.08;
/// How many closest pairs Compare lists.
pub const PAIRS_SHOWN: usize = 5;
/// The most messages (over every compared meeting) that Compare pairs: pairing costs one
/// similarity list per message.
pub const MAX_PAIRED: usize = 2_000;

/// Which messages may be related to a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Only messages of other meetings.
    OtherMeetings,
    /// Any other message.
    Anywhere,
}

/// A message related to another one, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Related {
    /// Its position in the corpus.
    pub message: usize,
    /// The words it shares with the other message, the weightiest first (as the other
    /// message writes them).
    pub shared: Vec<String>,
    /// Highlights the shared words in its text (for `Explorer::highlights`).
    pub highlight: Query,
    /// How many of the shared words are phrases ("digital divide").
    pub phrases: usize,
}

impl Related {
    /// Why it is related, in words: "Shares: encryption, security, trust".
    pub fn reason(&self) -> String {
        format!("Shares: {}", self.shared.join(", "))
    }
}

/// Evaluates a selection with its "More like this" (see [`Explorer::run_with`]); a `like`
/// that names no message is ignored, as the URL parser has already said.
pub fn run(explorer: &Explorer, selection: &Selection) -> Outcome {
    let like = selection
        .like
        .as_deref()
        .and_then(|id| explorer.position(id))
        .map(|message| Like {
            message,
            similarity: Reference::new(explorer, message).similarities(explorer),
        });
    let mut outcome = explorer.run_with(selection, like.as_ref());
    if let (Some(like), Sort::Relevance) = (&like, selection.sort) {
        let mut found: Vec<(usize, f32)> = outcome
            .messages
            .iter()
            .map(|&m| (m, like.similarity[m]))
            .collect();
        let all = found.len();
        explorer.top_by_similarity(&mut found, all);
        outcome.messages = found.into_iter().map(|(m, _)| m).collect();
    }
    outcome
}

/// The messages most similar to the one at `message` (at least [`MIN_RELATED`]), at most
/// `limit`, most similar first (ties by id), each with the words they share.
pub fn related(explorer: &Explorer, message: usize, scope: Scope, limit: usize) -> Vec<Related> {
    let meeting = explorer.meeting_of(message);
    let reference = Reference::new(explorer, message);
    let mut found = reference.similar(explorer);
    found.retain(|&(m, similarity)| {
        similarity >= MIN_RELATED && (scope == Scope::Anywhere || explorer.meeting_of(m) != meeting)
    });
    // Most similar first, until `limit` of them share enough to be called related (among
    // a few times `limit`: the order is a selection, not a sort of every message).
    explorer.top_by_similarity(&mut found, limit.saturating_mul(4));
    found
        .into_iter()
        .map(|(other, _)| reference.why(explorer, other))
        .filter(|r| r.phrases > 0 || r.shared.len() >= 2)
        .take(limit)
        .collect()
}

/// A message that others are compared with: its weighted terms and the words it writes
/// them with, computed once however many messages it is compared with.
pub struct Reference {
    message: usize,
    vector: Vector,
    words: HashMap<u32, String>,
}

impl Reference {
    /// The message at `message` as a reference.
    pub fn new(explorer: &Explorer, message: usize) -> Reference {
        let text = explorer.corpus().messages[message].text.clone();
        let (index, weights) = explorer.similarity();
        Reference {
            message,
            vector: index.vector(&text, weights),
            words: index.words_of_terms(&text, weights),
        }
    }

    /// Every other message sharing a weighted term with it, with its cosine similarity,
    /// in corpus order.
    pub fn similar(&self, explorer: &Explorer) -> Vec<(usize, f32)> {
        let (index, weights) = explorer.similarity();
        index
            .similar(&self.vector, weights)
            .into_iter()
            .map(|(doc, similarity)| (doc as usize, similarity))
            .filter(|&(doc, _)| doc != self.message)
            .collect()
    }

    /// The similarity of every message to it, by position (0 for itself and for those
    /// that share no weighted term with it).
    pub fn similarities(&self, explorer: &Explorer) -> Vec<f32> {
        let (index, weights) = explorer.similarity();
        let mut all = index.similarities(&self.vector, weights);
        if let Some(own) = all.get_mut(self.message) {
            *own = 0.0;
        }
        all
    }

    /// What the message at `other` shares with it.
    pub fn why(&self, explorer: &Explorer, other: usize) -> Related {
        let (index, weights) = explorer.similarity();
        let features: Vec<u32> = index
            .shared_terms(&self.vector, other as u32, weights)
            .into_iter()
            .map(|s| s.term)
            .collect();
        // A word that a shared phrase names already is not named again ("digital divide",
        // not "digital divide, divide").
        let in_phrases: Vec<u32> = features
            .iter()
            .filter_map(|&f| weights.phrase_terms(f))
            .flat_map(|(first, second)| [first, second])
            .collect();
        let shared: Vec<u32> = features
            .into_iter()
            .filter(|f| weights.phrase_terms(*f).is_some() || !in_phrases.contains(f))
            .take(SHARED_WORDS)
            .collect();
        Related {
            message: other,
            shared: shared
                .iter()
                .filter_map(|t| self.words.get(t).cloned())
                .collect(),
            highlight: index.terms_query(&shared, weights),
            phrases: shared
                .iter()
                .filter(|&&f| weights.phrase_terms(f).is_some())
                .count(),
        }
    }
}

/// What the message at `other` shares with the one at `reference`.
pub fn why(explorer: &Explorer, reference: usize, other: usize) -> Related {
    Reference::new(explorer, reference).why(explorer, other)
}

/// The messages published with the one at `message`: under the same heading of the same
/// meeting (or, where the source gives no heading, the meeting's other messages without
/// one), in source order, itself included.
pub fn same_heading(explorer: &Explorer, message: usize) -> Vec<usize> {
    let messages = &explorer.corpus().messages;
    let Some(this) = messages.get(message) else {
        return Vec::new();
    };
    (0..messages.len())
        .filter(|&m| messages[m].meeting == this.meeting && messages[m].heading == this.heading)
        .collect()
}

/// One of Compare's closest pairs: two messages of different meetings.
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    /// The message of the meeting listed first (in corpus order).
    pub left: usize,
    /// The message of the later meeting, with the words it shares with `left`.
    pub right: Related,
}

/// Why Compare lists no pairs.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PairsError {
    /// The compared meetings hold more messages than are paired.
    #[error(
        "Closest pairs are found among at most {MAX_PAIRED} messages; these meetings include {0}"
    )]
    TooMany(usize),
}

/// The `limit` most similar pairs of messages from two different meetings among
/// `meetings` (positions), most similar first (ties by the two ids).
pub fn closest_pairs(
    explorer: &Explorer,
    meetings: &[usize],
    limit: usize,
) -> Result<Vec<Pair>, PairsError> {
    let members: Vec<usize> = (0..explorer.corpus().messages.len())
        .filter(|&m| meetings.contains(&explorer.meeting_of(m)))
        .collect();
    if members.len() > MAX_PAIRED {
        return Err(PairsError::TooMany(members.len()));
    }
    let side: Vec<usize> = members.iter().map(|&m| explorer.meeting_of(m)).collect();
    let texts: Vec<String> = members
        .iter()
        .map(|&m| explorer.corpus().messages[m].text.clone())
        .collect();
    let (index, weights) = explorer.similarity();
    let vectors: Vec<Vector> = texts.iter().map(|t| index.vector(t, weights)).collect();
    let norms: Vec<f32> = vectors
        .iter()
        .map(|v| v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt())
        .collect();
    // Postings over the compared messages only, so the work grows with them, not with the
    // corpus: each pair is met once per term it shares.
    let mut postings: HashMap<u32, Vec<(u32, f32)>> = HashMap::new();
    for (i, vector) in vectors.iter().enumerate() {
        for &(term, weight) in vector {
            postings.entry(term).or_default().push((i as u32, weight));
        }
    }
    let mut dots = vec![0f32; members.len()];
    let mut touched: Vec<usize> = Vec::new();
    let mut best: Vec<(usize, usize, f32)> = Vec::new();
    for a in 0..members.len() {
        for (term, weight) in &vectors[a] {
            let list = &postings[term];
            let later = list.partition_point(|&(b, _)| b as usize <= a);
            for &(b, other) in &list[later..] {
                let b = b as usize;
                if side[b] != side[a] {
                    if dots[b] == 0.0 {
                        touched.push(b);
                    }
                    dots[b] += weight * other;
                }
            }
        }
        for b in touched.drain(..) {
            // The left message is the one of the meeting listed first.
            let (left, right) = if side[a] <= side[b] { (a, b) } else { (b, a) };
            best.push((
                members[left],
                members[right],
                dots[b] / (norms[a] * norms[b]),
            ));
            dots[b] = 0.0;
        }
        if best.len() > 4 * limit.max(1024) {
            keep_closest(explorer, &mut best, limit);
        }
    }
    keep_closest(explorer, &mut best, limit);
    Ok(best
        .into_iter()
        .map(|(left, right, _)| Pair {
            left,
            right: why(explorer, left, right),
        })
        .collect())
}

/// Keeps the `limit` most similar pairs, most similar first, ties by the two ids.
fn keep_closest(explorer: &Explorer, pairs: &mut Vec<(usize, usize, f32)>, limit: usize) {
    let ids = &explorer.corpus().messages;
    let order = |a: &(usize, usize, f32), b: &(usize, usize, f32)| {
        b.2.total_cmp(&a.2)
            .then_with(|| ids[a.0].id.cmp(&ids[b.0].id))
            .then_with(|| ids[a.1].id.cmp(&ids[b.1].id))
    };
    if pairs.len() > limit && limit > 0 {
        pairs.select_nth_unstable_by(limit - 1, order);
    }
    pairs.truncate(limit);
    pairs.sort_unstable_by(order);
}

/// The sentence under Compare's closest pairs when a compared meeting is a partial set.
pub fn pairs_caveat(explorer: &Explorer, meetings: &[usize]) -> Option<String> {
    let partial: Vec<String> = meetings
        .iter()
        .filter(|&&m| {
            explorer.corpus().meetings[m].message_set.coverage.status != CoverageStatus::Complete
        })
        .map(|&m| explorer.corpus().meetings[m].short_name())
        .collect();
    (!partial.is_empty()).then(|| {
        format!(
            "{} {} a partial set: closer pairs may be among the messages not included.",
            partial.join(" and "),
            if partial.len() == 1 { "is" } else { "are" }
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;

    fn explorer() -> Explorer {
        Explorer::new(Corpus::builtin().unwrap())
    }

    #[test]
    fn never_itself_and_only_other_meetings_where_asked() {
        let explorer = explorer();
        for message in 0..explorer.corpus().messages.len() {
            let meeting = explorer.meeting_of(message);
            for r in related(&explorer, message, Scope::OtherMeetings, 5) {
                assert_ne!(r.message, message);
                assert_ne!(explorer.meeting_of(r.message), meeting);
                assert!(!r.shared.is_empty(), "a related message shares a word");
            }
            let anywhere = related(&explorer, message, Scope::Anywhere, 100);
            assert!(anywhere.iter().all(|r| r.message != message));
        }
    }

    #[test]
    fn related_lists_are_deterministic() {
        let first: Vec<Vec<usize>> = {
            let explorer = explorer();
            (0..10)
                .map(|m| {
                    related(&explorer, m, Scope::Anywhere, 10)
                        .iter()
                        .map(|r| r.message)
                        .collect()
                })
                .collect()
        };
        let explorer = explorer();
        for m in (0..10).rev() {
            let again: Vec<usize> = related(&explorer, m, Scope::Anywhere, 10)
                .iter()
                .map(|r| r.message)
                .collect();
            assert_eq!(again, first[m]);
        }
    }

    #[test]
    fn related_messages_are_close_and_say_why_in_words_that_carry_meaning() {
        let explorer = explorer();
        let at = explorer
            .position("geneva-2017-local-interventions-3")
            .unwrap();
        let similarity = Reference::new(&explorer, at).similarities(&explorer);
        let found = related(&explorer, at, Scope::OtherMeetings, RELATED_SHOWN);
        assert!(!found.is_empty());
        for r in &found {
            assert!(similarity[r.message] >= MIN_RELATED);
            assert!(r.phrases > 0 || r.shared.len() >= 2, "{}", r.reason());
            assert!(r.reason().starts_with("Shares: "), "{}", r.reason());
        }
        // A recurring phrase is named as one, not as its words.
        let at = explorer
            .position("geneva-2017-dynamic-coalitions-1")
            .unwrap();
        let found = related(&explorer, at, Scope::OtherMeetings, RELATED_SHOWN);
        let divide = found
            .iter()
            .find(|r| r.shared.iter().any(|w| w == "digital divide"))
            .expect("a message on the digital divide");
        assert!(!divide
            .shared
            .iter()
            .any(|w| w == "divide" || w == "digital"));
        // Generic words ("however", "made", "critical") are never a reason.
        for m in 0..explorer.corpus().messages.len() {
            for r in related(&explorer, m, Scope::OtherMeetings, RELATED_SHOWN) {
                for word in ["however", "made", "critical", "also", "need", "digital"] {
                    assert!(!r.shared.iter().any(|w| w == word), "{}", r.reason());
                }
            }
        }
    }

    #[test]
    fn a_message_with_only_weak_matches_has_no_related_message() {
        let explorer = explorer();
        let at = explorer.position("geneva-2017-gender-4").unwrap();
        let (index, weights) = explorer.similarity();
        let text = &explorer.corpus().messages[at].text;
        // It does share words with other meetings' messages, only not enough.
        assert!(index.similar(&index.vector(text, weights), weights).len() > 1);
        assert!(related(&explorer, at, Scope::OtherMeetings, RELATED_SHOWN).is_empty());
    }

    #[test]
    fn same_heading_is_in_source_order_and_includes_the_message() {
        let explorer = explorer();
        let at = explorer.position("geneva-2017-gender-3").unwrap();
        let group = same_heading(&explorer, at);
        assert!(group.contains(&at) && group.len() > 1);
        assert!(group.windows(2).all(|w| w[0] < w[1]));
        let heading = &explorer.corpus().messages[at].heading;
        assert!(group
            .iter()
            .all(|&m| &explorer.corpus().messages[m].heading == heading));
    }

    #[test]
    fn closest_pairs_come_from_two_meetings_and_say_when_a_side_is_partial() {
        let explorer = explorer();
        let at = |id: &str| {
            explorer
                .corpus()
                .meetings
                .iter()
                .position(|m| m.id == id)
                .unwrap()
        };
        let meetings = vec![at("geneva-2017"), at("kyoto-2023")];
        let pairs = closest_pairs(&explorer, &meetings, PAIRS_SHOWN).unwrap();
        assert!(!pairs.is_empty());
        for pair in &pairs {
            let (a, b) = (
                explorer.meeting_of(pair.left),
                explorer.meeting_of(pair.right.message),
            );
            assert!(a != b && meetings.contains(&a) && meetings.contains(&b));
        }
        assert!(pairs_caveat(&explorer, &meetings).is_some());
    }

    /// Every cross-meeting pair's similarity from each message's related list: the oracle
    /// of the pairs computed over the compared messages' own postings.
    #[test]
    fn closest_pairs_equal_the_best_of_every_related_list() {
        let explorer = explorer();
        let with_messages: Vec<usize> = (0..explorer.corpus().meetings.len())
            .filter(|&m| explorer.included()[m] > 0)
            .collect();
        for (i, &a) in with_messages.iter().enumerate() {
            for &b in &with_messages[i + 1..] {
                let meetings = [a, b];
                let mut expected: Vec<(usize, usize, f32)> = Vec::new();
                for left in 0..explorer.corpus().messages.len() {
                    if explorer.meeting_of(left) != a {
                        continue;
                    }
                    for (right, s) in Reference::new(&explorer, left).similar(&explorer) {
                        if explorer.meeting_of(right) == b {
                            expected.push((left, right, s));
                        }
                    }
                }
                keep_closest(&explorer, &mut expected, PAIRS_SHOWN);
                let got = closest_pairs(&explorer, &meetings, PAIRS_SHOWN).unwrap();
                assert_eq!(got.len(), expected.len());
                for (pair, (left, right, _)) in got.iter().zip(&expected) {
                    assert_eq!(
                        (pair.left, pair.right.message),
                        (*left, *right),
                        "{a} ~ {b}"
                    );
                }
            }
        }
    }
}
