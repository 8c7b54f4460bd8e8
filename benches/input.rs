//! Criterion benchmarks of reading untrusted input: CSV import of 10,000 and 40,000
//! distinct rows, a 100 KB share link, and a corpus file with a 10 MB message (refused by
//! validation). Figures: BENCHMARKS.md, "Hostile input".

use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use messages_explorer::core::corpus::Corpus;
use messages_explorer::core::url;

/// Rows whose source, heading and topic are all different (the case that was quadratic).
fn distinct_rows(rows: usize) -> String {
    let mut csv = String::from("meeting,year,text,source,heading,topics\n");
    for i in 0..rows {
        csv.push_str(&format!(
            "Geneva,2017,Message {i} about data and access.,https://example.org/messages-part-{i},Session {i},Topic {i}\n"
        ));
    }
    csv
}

fn input(c: &mut Criterion) {
    let mut group = c.benchmark_group("input");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(5));
    for rows in [10_000, 40_000] {
        let csv = distinct_rows(rows);
        group.bench_function(format!("csv_import_{rows}_rows"), |b| {
            b.iter(|| Corpus::from_file("bench.csv", csv.as_bytes()).unwrap())
        });
    }
    let corpus = Corpus::builtin().unwrap();
    let meetings: Vec<String> = (0..51_200).map(|i| format!("m{i}")).collect();
    let link = format!("#/explore?meeting={}", meetings.join("%2C"));
    group.bench_function("url_parse_100kb_meetings", |b| {
        b.iter(|| url::parse(&link).resolve(&corpus))
    });
    let mut keys = String::from("#/explore?");
    let mut k = 0;
    while keys.len() < 790_000 {
        keys.push_str(&format!("k{k}=1&"));
        k += 1;
    }
    group.bench_function("url_parse_790kb_keys", |b| {
        b.iter(|| url::parse(&keys).resolve(&corpus))
    });
    let mut json = serde_json::to_value(&corpus).unwrap();
    json["messages"][0]["text"] = "word ".repeat(2_000_000).into();
    let json = serde_json::to_string(&json).unwrap();
    group.bench_function("corpus_with_10mb_message", |b| {
        b.iter(|| Corpus::from_json(&json).unwrap_err())
    });
    group.finish();
}

criterion_group!(benches, input);
criterion_main!(benches);
