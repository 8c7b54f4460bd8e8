//! Related messages: what other meetings said on the same matter. Similarity is the
//! cosine of TF-IDF vectors over the search terms, stop words left out (see
//! `search::similar`); a match is always told with the words it shares, never with a
//! made-up precision.

use super::corpus::CoverageStatus;
use super::query::Explorer;
use super::search::Query;

/// How many related messages a message's page lists.
pub const RELATED_SHOWN: usize = 5;
/// How many shared words name a match.
pub const SHARED_WORDS: usize = 5;
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
}

impl Related {
    /// Why it is related, in words: "Shares: encryption, security, trust".
    pub fn reason(&self) -> String {
        format!("Shares: {}", self.shared.join(", "))
    }
}

/// The messages most similar to the one at `message`, at most `limit`, most similar
/// first (ties by id), each with the words they share.
pub fn related(
    explorer: &mut Explorer,
    message: usize,
    scope: Scope,
    limit: usize,
) -> Vec<Related> {
    let meeting = explorer.meeting_of(message);
    let mut found: Vec<(usize, f32)> = explorer
        .similar_to(message)
        .into_iter()
        .filter(|&(m, _)| scope == Scope::Anywhere || explorer.meeting_of(m) != meeting)
        .collect();
    explorer.by_similarity(&mut found);
    found
        .into_iter()
        .take(limit)
        .map(|(other, _)| why(explorer, message, other))
        .collect()
}

/// What the message at `other` shares with the one at `reference`.
pub fn why(explorer: &mut Explorer, reference: usize, other: usize) -> Related {
    let text = explorer.corpus().messages[reference].text.clone();
    let (index, weights) = explorer.similarity();
    let vector = index.vector(&text, weights);
    let shared: Vec<u32> = index
        .shared_terms(&vector, other as u32, weights)
        .into_iter()
        .take(SHARED_WORDS)
        .map(|s| s.term)
        .collect();
    let words = index.words_of_terms(&text);
    Related {
        message: other,
        shared: shared
            .iter()
            .filter_map(|t| words.get(t).cloned())
            .collect(),
        highlight: index.terms_query(&shared),
    }
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
    /// The message of the earlier meeting (in corpus order).
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
    explorer: &mut Explorer,
    meetings: &[usize],
    limit: usize,
) -> Result<Vec<Pair>, PairsError> {
    let members: Vec<usize> = (0..explorer.corpus().messages.len())
        .filter(|&m| meetings.contains(&explorer.meeting_of(m)))
        .collect();
    if members.len() > MAX_PAIRED {
        return Err(PairsError::TooMany(members.len()));
    }
    let mut pairs: Vec<(usize, usize, f32)> = Vec::new();
    for &left in &members {
        let meeting = explorer.meeting_of(left);
        for (right, similarity) in explorer.similar_to(left) {
            let other = explorer.meeting_of(right);
            // Each pair once: from the message of the earlier-listed meeting.
            if other != meeting && meetings.contains(&other) && (meeting, left) < (other, right) {
                pairs.push((left, right, similarity));
            }
        }
    }
    let ids = &explorer.corpus().messages;
    pairs.sort_by(|a, b| {
        b.2.total_cmp(&a.2)
            .then_with(|| ids[a.0].id.cmp(&ids[b.0].id))
            .then_with(|| ids[a.1].id.cmp(&ids[b.1].id))
    });
    pairs.truncate(limit);
    Ok(pairs
        .into_iter()
        .map(|(left, right, _)| Pair {
            left,
            right: why(explorer, left, right),
        })
        .collect())
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
    use crate::core::corpus::Corpus;

    fn explorer() -> Explorer {
        Explorer::new(Corpus::builtin().unwrap())
    }

    #[test]
    fn never_itself_and_only_other_meetings_where_asked() {
        let mut explorer = explorer();
        for message in 0..explorer.corpus().messages.len() {
            let meeting = explorer.meeting_of(message);
            for r in related(&mut explorer, message, Scope::OtherMeetings, 5) {
                assert_ne!(r.message, message);
                assert_ne!(explorer.meeting_of(r.message), meeting);
                assert!(!r.shared.is_empty(), "a related message shares a word");
            }
            let anywhere = related(&mut explorer, message, Scope::Anywhere, 100);
            assert!(anywhere.iter().all(|r| r.message != message));
        }
    }

    #[test]
    fn related_lists_are_deterministic() {
        let first: Vec<Vec<usize>> = {
            let mut explorer = explorer();
            (0..10)
                .map(|m| {
                    related(&mut explorer, m, Scope::Anywhere, 10)
                        .iter()
                        .map(|r| r.message)
                        .collect()
                })
                .collect()
        };
        let mut explorer = explorer();
        for m in (0..10).rev() {
            let again: Vec<usize> = related(&mut explorer, m, Scope::Anywhere, 10)
                .iter()
                .map(|r| r.message)
                .collect();
            assert_eq!(again, first[m]);
        }
    }

    #[test]
    fn genevas_encryption_message_finds_encryption_elsewhere() {
        let mut explorer = explorer();
        let at = explorer
            .position("geneva-2017-local-interventions-3")
            .unwrap();
        assert!(explorer.corpus().messages[at].text.contains("ncryption"));
        let found = related(&mut explorer, at, Scope::OtherMeetings, RELATED_SHOWN);
        assert_eq!(found.len(), RELATED_SHOWN);
        assert!(
            found[0].reason().starts_with("Shares: "),
            "{}",
            found[0].reason()
        );
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
        let mut explorer = explorer();
        let at = |id: &str| {
            explorer
                .corpus()
                .meetings
                .iter()
                .position(|m| m.id == id)
                .unwrap()
        };
        let meetings = vec![at("geneva-2017"), at("kyoto-2023")];
        let pairs = closest_pairs(&mut explorer, &meetings, PAIRS_SHOWN).unwrap();
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
}
