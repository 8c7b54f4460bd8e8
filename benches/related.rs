//! Criterion benchmarks of related messages on synthetic corpora of 1k, 10k and 100k
//! messages (target: one message's related list in 5 ms or less at 100k). Figures:
//! BENCHMARKS.md, "Related messages".

#[path = "../tests/support/synthetic.rs"]
mod synthetic;

use std::time::Duration;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use messages_explorer::core::query::{Explorer, Selection};
use messages_explorer::core::related::{
    self, closest_pairs, Scope, MAX_PAIRED, PAIRS_SHOWN, RELATED_SHOWN,
};
use messages_explorer::core::text::english_stop_words;

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

fn related_messages(c: &mut Criterion) {
    for size in SIZES {
        let corpus = synthetic::synthetic_corpus(size, 42);
        let mut group = c.benchmark_group(format!("related/{size}"));
        group.sample_size(if size >= 100_000 { 20 } else { 50 });
        group.measurement_time(Duration::from_secs(if size >= 100_000 { 8 } else { 3 }));
        group.warm_up_time(Duration::from_millis(500));
        let explorer = Explorer::new(corpus.clone());
        // The weights are computed once per corpus, the first time they are needed.
        group.bench_function("weights", |b| {
            b.iter_batched(
                || Explorer::new(corpus.clone()),
                |e| e.index().weights(english_stop_words()),
                BatchSize::LargeInput,
            )
        });
        // Several messages in turn, so no one message's vocabulary decides the figure.
        let mut next = 0usize;
        group.bench_function("related_5_other_meetings", |b| {
            b.iter(|| {
                next = (next + 7919) % size;
                related::related(&explorer, next, Scope::OtherMeetings, RELATED_SHOWN)
            })
        });
        let like = Selection {
            like: Some(corpus.messages[size / 2].id.clone()),
            ..Selection::default()
        };
        group.bench_function("more_like_this_listing", |b| {
            b.iter(|| related::run(&explorer, &like))
        });
        // The two meetings with the fewest messages (at least one each), when they are
        // within what Compare pairs.
        let mut meetings: Vec<usize> = (0..corpus.meetings.len())
            .filter(|&m| explorer.included()[m] > 0)
            .collect();
        meetings.sort_by_key(|&m| explorer.included()[m]);
        meetings.truncate(2);
        let paired: usize = meetings.iter().map(|&m| explorer.included()[m]).sum();
        if paired <= MAX_PAIRED {
            group.bench_function(format!("closest_pairs_2_meetings_{paired}_messages"), |b| {
                b.iter(|| closest_pairs(&explorer, &meetings, PAIRS_SHOWN))
            });
        }
        group.finish();
    }
}

criterion_group!(benches, related_messages);
criterion_main!(benches);
