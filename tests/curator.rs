//! The curator tool, run as a user would: `corpus-check FILE [--sources DIR]`.

use std::process::Command;

fn corpus_check(args: &[&str]) -> (i32, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_corpus-check"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("corpus-check runs");
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
        out.contains("66 messages, 9 meetings, 11 topics, 12 sources; 0 problem(s)"),
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
