//! The curator tool, run as a user would: `corpus-check FILE [--sources DIR]`.

use std::process::Command;

fn corpus_check(args: &[&str]) -> (i32, String) {
    run(env!("CARGO_BIN_EXE_corpus-check"), args)
}

/// Runs a curator tool from the project folder: its exit code and what it printed.
fn run(tool: &str, args: &[&str]) -> (i32, String) {
    let output = Command::new(tool)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the tool runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
    )
}

#[test]
fn the_built_in_corpus_passes_with_its_sources() {
    let (code, out) = corpus_check(&["assets/corpus.json", "--sources", "tests/data/sources"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("77 messages, 9 meetings, 11 topics, 17 sources; 0 problem(s)"),
        "{out}"
    );
}

#[test]
fn a_broken_file_lists_every_problem_with_its_path_and_fails() {
    let (code, out) = corpus_check(&["tests/data/corpora/broken-corpus.json"]);
    assert_eq!(code, 1);
    assert!(
        out.contains("messages[1].meeting: unknown meeting \"m-2020\""),
        "{out}"
    );
    assert!(out.contains("6 problem(s)"), "{out}");
}

#[test]
fn a_teachers_csv_is_checked_by_the_same_rules() {
    let (code, out) = corpus_check(&["assets/corpus-template.csv"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("2 messages"), "{out}");
}

#[test]
fn usage_and_unreadable_files_exit_2() {
    assert_eq!(corpus_check(&[]).0, 2);
    assert_eq!(corpus_check(&["no/such/file.json"]).0, 2);
}

#[test]
fn a_markdown_file_is_checked_verbatim_against_the_sources() {
    let (code, out) = corpus_check(&[
        "tests/data/curation/second-pass.md",
        "--sources",
        "tests/data/sources",
    ]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("22 messages, 4 meetings"), "{out}");
    let (code, out) = corpus_check(&["assets/corpus-template.md"]);
    assert_eq!(code, 0, "{out}");
    // A word changed in a message is caught, with its line.
    let dir = std::env::temp_dir().join(format!("corpus-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let changed = std::fs::read_to_string("tests/data/curation/second-pass.md")
        .unwrap()
        .replace("A holistic view", "A complete view");
    let file = dir.join("changed.md");
    std::fs::write(&file, changed).unwrap();
    let (code, out) = corpus_check(&[file.to_str().unwrap(), "--sources", "tests/data/sources"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("text not found verbatim in \"igf-messages-second-pass-2018-2020.md\": \"A complete view"), "{out}");
}

fn corpus_merge(args: &[&str]) -> (i32, String) {
    run(env!("CARGO_BIN_EXE_corpus-merge"), args)
}

/// The built-in corpus holds the curated second pass: merging it again adds nothing.
#[test]
fn the_built_in_corpus_holds_the_curated_file() {
    let (code, out) = corpus_merge(&[
        "assets/corpus.json",
        "tests/data/curation/second-pass.md",
        "--sources",
        "tests/data/sources",
    ]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("77 → 77 messages (0 added, 22 skipped)"),
        "{out}"
    );
}

/// From the corpus before the second pass, the merge writes exactly the corpus that ships:
/// new ids as curated, existing ones untouched, source order kept, coverage updated.
#[test]
fn merging_the_curated_file_writes_the_shipped_corpus() {
    let dir = std::env::temp_dir().join(format!("corpus-merge-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let before = dir.join("corpus.json");
    std::fs::copy("tests/data/corpora/before-second-pass.json", &before).unwrap();
    let target = before.to_str().unwrap();
    let (code, out) = corpus_merge(&[
        target,
        "tests/data/curation/second-pass.md",
        "--sources",
        "tests/data/sources",
    ]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("dry run"), "{out}");
    assert_eq!(
        std::fs::read(&before).unwrap(),
        std::fs::read("tests/data/corpora/before-second-pass.json").unwrap()
    );
    let (code, out) = corpus_merge(&[
        target,
        "tests/data/curation/second-pass.md",
        "--sources",
        "tests/data/sources",
        "--write",
    ]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("66 → 77 messages (11 added, 11 skipped)"),
        "{out}"
    );
    let written: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&before).unwrap()).unwrap();
    let shipped: serde_json::Value =
        serde_json::from_str(include_str!("../assets/corpus.json")).unwrap();
    assert_eq!(written, shipped);
    // A merge that would break a rule writes nothing, and says why.
    let bad = dir.join("unknown-topic.md");
    std::fs::write(&bad, "# Kyoto 2023\n\nSource: s <https://example.org>\n\n## A new theme\n\nTopics: Space travel\n\n- A message.\n").unwrap();
    let written_before = std::fs::read(&before).unwrap();
    let (code, out) = corpus_merge(&[target, bad.to_str().unwrap(), "--write"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("unknown topic"), "{out}");
    assert!(out.contains("nothing written"), "{out}");
    assert_eq!(std::fs::read(&before).unwrap(), written_before);
    let (code, out) = corpus_merge(&[
        "assets/corpus.json",
        "tests/data/corpora/broken-corpus.json",
    ]);
    assert_eq!(code, 1, "{out}");
}
