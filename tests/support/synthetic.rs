//! A seeded generator of synthetic corpora for benchmarks and scale tests: it keeps the
//! real corpus's meetings, headings, topics and sources, and writes messages whose words
//! are drawn from the real messages' vocabulary (with their frequencies), so index and
//! query costs look like the real ones at 1k, 10k or 100k messages.

use messages_explorer::core::corpus::{Corpus, CoverageStatus, Message, SourceRef};
use rand::seq::IndexedRandom;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

/// A corpus of `count` synthetic messages, the same for the same `seed`.
pub fn synthetic_corpus(count: usize, seed: u64) -> Corpus {
    let mut corpus = Corpus::builtin().expect("built-in corpus");
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    // Every word occurrence of the real messages, so frequent words stay frequent.
    let words: Vec<String> = corpus
        .messages
        .iter()
        .flat_map(|m| {
            m.text
                .split_whitespace()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect();
    let lengths: Vec<usize> = corpus
        .messages
        .iter()
        .map(|m| m.text.split_whitespace().count())
        .collect();
    let slots: Vec<(String, Option<String>)> = corpus
        .meetings
        .iter()
        .filter(|m| !m.message_set.headings.is_empty())
        .flat_map(|m| {
            m.message_set
                .headings
                .iter()
                .map(move |h| (m.id.clone(), Some(h.id.clone())))
        })
        .collect();
    let source = corpus.sources[0].id.clone();
    corpus.messages = (0..count)
        .map(|i| {
            let (meeting, heading) = slots.choose(&mut rng).expect("headings").clone();
            let length = *lengths.choose(&mut rng).expect("lengths");
            let text = (0..length)
                .map(|_| words.choose(&mut rng).expect("words").as_str())
                .collect::<Vec<_>>()
                .join(" ");
            let id = format!("synthetic-{i}");
            Message {
                id,
                meeting,
                heading,
                subheading: None,
                text,
                source: SourceRef {
                    source: source.clone(),
                    locator: format!("synthetic message {i}"),
                    curator: None,
                },
                editorial_topics: Vec::new(),
            }
        })
        .collect();
    // Every meeting that now has messages is a partial set of unknown size; the others none.
    for meeting in &mut corpus.meetings {
        let has = corpus.messages.iter().any(|m| m.meeting == meeting.id);
        let coverage = &mut meeting.message_set.coverage;
        coverage.status = if has {
            CoverageStatus::Partial
        } else {
            CoverageStatus::None
        };
        coverage.published_total = None;
        coverage.published_total_source = None;
        coverage.note = Some("Synthetic messages for benchmarks and scale tests.".into());
    }
    corpus.id = format!("synthetic-{count}");
    corpus.title = format!("Synthetic corpus ({count} messages, seed {seed})");
    corpus
}
