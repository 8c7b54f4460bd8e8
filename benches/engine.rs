//! Criterion benchmarks of the engine on synthetic corpora of 1k, 10k and 100k messages,
//! with the naive linear scan (the tests' oracle) as the baseline. Figures: BENCHMARKS.md.

#[path = "../tests/support/synthetic.rs"]
mod synthetic;

use std::time::Duration;

use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion};
use messages_explorer::core::chart::{term_series, topic_series};
use messages_explorer::core::compare::compare;
use messages_explorer::core::query::{Explorer, Facet, Selection};
use messages_explorer::core::search::{linear_search, Analyzer, Index};

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

fn selection(text: &str, facets: bool) -> Selection {
    let mut selection = Selection {
        text: text.into(),
        ..Selection::default()
    };
    if facets {
        selection.filters.toggle(Facet::Meeting, "geneva-2017");
        selection.filters.toggle(Facet::Meeting, "kyoto-2023");
        selection.filters.toggle(Facet::Topic, "human-rights");
    }
    selection
}

fn engine(c: &mut Criterion) {
    for size in SIZES {
        let corpus = synthetic::synthetic_corpus(size, 42);
        let texts: Vec<&str> = corpus.messages.iter().map(|m| m.text.as_str()).collect();
        let mut group = c.benchmark_group(format!("engine/{size}"));
        group.sample_size(if size >= 100_000 { 10 } else { 30 });
        group.measurement_time(Duration::from_secs(if size >= 100_000 { 8 } else { 3 }));
        group.warm_up_time(Duration::from_millis(500));

        group.bench_function("index_build", |b| {
            b.iter_batched(|| corpus.clone(), Explorer::new, BatchSize::LargeInput)
        });
        let explorer = Explorer::new(corpus.clone());
        let cases = [
            ("query_1_word", selection("data ", false)),
            (
                "query_3_words_2_facets",
                selection("digital data access ", true),
            ),
            ("query_prefix", selection("gov", false)),
            ("facet_counts", selection("", true)),
        ];
        for (name, selection) in &cases {
            group.bench_with_input(BenchmarkId::new(*name, "index"), selection, |b, s| {
                b.iter(|| explorer.run(s))
            });
        }
        // Words with equivalents, searched with them and exactly as typed (the `exact=1`
        // link), so the cost of the expansion shows: "cybersecurity" (also "cyber
        // security", which adds few messages) and "artificial intelligence multistakeholder"
        // (also "AI", which adds many: more results to count and order).
        for (case, text) in [
            ("query_equivalents", "cybersecurity capacity "),
            (
                "query_equivalents_finding_more",
                "artificial intelligence multistakeholder ",
            ),
        ] {
            for (name, exact) in [("expanded", false), ("exact", true)] {
                let s = Selection {
                    exact,
                    ..selection(text, false)
                };
                eprintln!(
                    "engine/{size}/{case}/{name}: {} messages found",
                    explorer.run(&s).messages.len()
                );
                group.bench_with_input(BenchmarkId::new(case, name), &s, |b, s| {
                    b.iter(|| explorer.run(s))
                });
            }
        }
        // The first keystroke of each: the documents of a word and its equivalents (when
        // the corpus writes more than one of them) are counted once and kept (the index
        // keeps four such unions), so the runs above measure the keystrokes that follow.
        // Here eight searches with such a word take turns, each one's union gone when it
        // comes back (a word being typed is a clause of its own): every run counts afresh.
        let turns: Vec<Vec<Selection>> = [false, true]
            .iter()
            .map(|&exact| {
                [
                    "cybersecurity capacity ",
                    "artificial intelligence multistakeholder ",
                    "online access ",
                    "policymaking rights ",
                    "cybersecurit",
                    "artificial intelligenc",
                    "onlin",
                    "policymakin",
                ]
                .iter()
                .map(|text| Selection {
                    exact,
                    ..selection(text, false)
                })
                .collect()
            })
            .collect();
        for (name, selections) in ["expanded", "exact"].iter().zip(&turns) {
            let mut turn = 0;
            group.bench_function(
                BenchmarkId::new("query_equivalents_first_keystroke", name),
                |b| {
                    b.iter(|| {
                        turn = (turn + 1) % selections.len();
                        explorer.run(&selections[turn])
                    })
                },
            );
        }
        // A slip of typing that finds nothing: the suggestions Explore's empty state shows
        // (a scan of the vocabulary, at each keystroke while nothing is found).
        group.bench_function("did_you_mean", |b| {
            b.iter(|| explorer.did_you_mean("govrnance accountabilty"))
        });
        // Chart series and a comparison (Charts and Compare views).
        group.bench_function("chart_topic_series", |b| b.iter(|| topic_series(&explorer)));
        let terms = vec![
            "data".to_string(),
            "AI".to_string(),
            "\"digital divide\"".to_string(),
        ];
        group.bench_function("chart_term_series_3_terms", |b| {
            b.iter(|| term_series(&explorer, &terms))
        });
        let sides = vec!["geneva-2017".to_string(), "kyoto-2023".to_string()];
        group.bench_function("compare_2_meetings", |b| {
            b.iter(|| compare(&explorer, &sides))
        });
        // The oracle: the same text queries by scanning every message.
        let index = Index::build(texts.iter().copied());
        group.sample_size(10);
        for (name, text) in [
            ("query_1_word", "data "),
            ("query_3_words_2_facets", "digital data access "),
            ("query_prefix", "gov"),
        ] {
            let query = index.parse(text);
            group.bench_with_input(BenchmarkId::new(name, "naive"), &query, |b, q| {
                b.iter(|| linear_search(&texts, q, &Analyzer::default()))
            });
        }
        group.finish();
    }
}

criterion_group!(benches, engine);
criterion_main!(benches);
