//! How well search finds what people mean: the queries of `tests/data/relevance.json` (each
//! with the messages a careful reader judged relevant, from the texts) run as a reader
//! types them in Explore's search box, on the built-in corpus. Two figures over all of
//! them: recall@10 (the share of a query's relevant messages among its first ten results,
//! out of at most ten) and the mean reciprocal rank (1 / the rank of the first relevant
//! result, 0 when none is found). The test fails when either falls below the figures
//! reached (BENCHMARKS.md, "Search relevance"), and prints every query's figures.

use messages_explorer::core::corpus::Corpus;
use messages_explorer::core::query::{Explorer, Selection};

#[derive(serde::Deserialize)]
struct Judged {
    query: String,
    kind: String,
    relevant: Vec<String>,
}

#[derive(serde::Deserialize)]
struct Set {
    queries: Vec<Judged>,
}

/// The figures reached with the equivalences of `assets/equivalences-en.txt` (2026-12-02:
/// recall@10 0.5674, MRR 0.7021; before them 0.3504 and 0.5106, BENCHMARKS.md): neither
/// may fall below them.
const RECALL_AT_10: f64 = 0.567;
const MRR: f64 = 0.702;

/// (recall@10, reciprocal rank) of one query's results.
fn figures(results: &[&str], relevant: &[String]) -> (f64, f64) {
    let found = results
        .iter()
        .take(10)
        .filter(|id| relevant.iter().any(|r| r == *id))
        .count();
    let recall = found as f64 / relevant.len().min(10) as f64;
    let first = results
        .iter()
        .position(|id| relevant.iter().any(|r| r == id));
    (recall, first.map_or(0.0, |rank| 1.0 / (rank + 1) as f64))
}

#[test]
fn the_judged_queries_find_their_messages() {
    let set: Set = serde_json::from_str(include_str!("data/relevance.json")).unwrap();
    assert!(set.queries.len() >= 40, "at least 40 judged queries");
    let explorer = Explorer::new(Corpus::builtin().unwrap());
    let corpus = explorer.corpus();
    let (mut recall, mut reciprocal) = (0.0, 0.0);
    for judged in &set.queries {
        for id in &judged.relevant {
            assert!(
                corpus.message(id).is_some(),
                "{}: no message {id}",
                judged.query
            );
        }
        let selection = Selection {
            text: judged.query.clone(),
            ..Default::default()
        };
        let outcome = explorer.run(&selection);
        let results: Vec<&str> = outcome
            .messages
            .iter()
            .map(|&m| corpus.messages[m].id.as_str())
            .collect();
        let (r, rr) = figures(&results, &judged.relevant);
        println!(
            "{:<10} {:<42} recall@10 {r:.2}  RR {rr:.2}  ({} results)",
            judged.kind,
            judged.query,
            results.len()
        );
        recall += r;
        reciprocal += rr;
    }
    let n = set.queries.len() as f64;
    let (recall, mrr) = (recall / n, reciprocal / n);
    println!("over {n} queries: recall@10 {recall:.4}, MRR {mrr:.4}");
    assert!(recall >= RECALL_AT_10, "recall@10 fell to {recall:.3}");
    assert!(mrr >= MRR, "MRR fell to {mrr:.3}");
}

#[test]
fn the_figures_are_what_they_say() {
    let relevant = vec!["a".to_string(), "b".to_string()];
    assert_eq!(figures(&["x", "a", "y"], &relevant), (0.5, 0.5));
    assert_eq!(figures(&["a", "b"], &relevant), (1.0, 1.0));
    assert_eq!(figures(&["x"], &relevant), (0.0, 0.0));
    // More than ten relevant: ten found is a full recall.
    let many: Vec<String> = (0..12).map(|i| i.to_string()).collect();
    let first_ten: Vec<&str> = many.iter().take(10).map(String::as_str).collect();
    assert_eq!(figures(&first_ten, &many).0, 1.0);
}
