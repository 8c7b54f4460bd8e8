//! The curator tool, run as a user would: `corpus-check FILE [--sources DIR]`.

use std::process::Command;

/// A path from the top of the repository (this crate is `crates/reader`).
fn root(path: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path)
}

fn corpus_check(args: &[&str]) -> (i32, String) {
    run(env!("CARGO_BIN_EXE_corpus-check"), args)
}

/// Runs a curator tool from the project folder: its exit code and what it printed.
fn run(tool: &str, args: &[&str]) -> (i32, String) {
    let output = Command::new(tool)
        .args(args)
        .current_dir(root(""))
        .output()
        .expect("the tool runs");
    // What it prints, then what it says on standard error.
    let mut text = String::from_utf8_lossy(&output.stdout).into_owned();
    text.push_str(&String::from_utf8_lossy(&output.stderr));
    (output.status.code().unwrap_or(-1), text)
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
    let changed = std::fs::read_to_string(root("tests/data/curation/second-pass.md"))
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
    std::fs::copy(root("tests/data/corpora/before-second-pass.json"), &before).unwrap();
    let target = before.to_str().unwrap();
    // The curated file merged into `target` with these flags.
    let merge_second_pass = |flags: &[&str]| {
        let mut args = vec![
            target,
            "tests/data/curation/second-pass.md",
            "--sources",
            "tests/data/sources",
        ];
        args.extend_from_slice(flags);
        corpus_merge(&args)
    };
    let unchanged = || {
        assert_eq!(
            std::fs::read(&before).unwrap(),
            std::fs::read(root("tests/data/corpora/before-second-pass.json")).unwrap()
        )
    };
    let (code, out) = merge_second_pass(&[]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("dry run"), "{out}");
    unchanged();
    // The second pass changes coverage notes: said, and refused without the flag.
    let (code, out) = merge_second_pass(&["--write"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("coverage of katowice-2021: note"), "{out}");
    assert!(
        out.contains("nothing written without --allow-coverage-change"),
        "{out}"
    );
    unchanged();
    let (code, out) = merge_second_pass(&["--write", "--allow-coverage-change"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("66 → 77 messages (11 added, 11 skipped)"),
        "{out}"
    );
    let written: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&before).unwrap()).unwrap();
    let shipped: serde_json::Value =
        serde_json::from_str(include_str!("../../assets/corpus.json")).unwrap();
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

/// The merge writes JSON only, and never leaves a half-written corpus behind it.
#[test]
fn the_merge_writes_json_only_and_leaves_no_temporary_file() {
    let dir = std::env::temp_dir().join(format!("corpus-merge-json-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let markdown = dir.join("corpus.md");
    std::fs::write(&markdown, include_str!("../../assets/corpus-template.md")).unwrap();
    let (code, out) = corpus_merge(&[
        markdown.to_str().unwrap(),
        "assets/corpus-template.csv",
        "--write",
    ]);
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("writes JSON only"), "{out}");
    assert_eq!(
        std::fs::read_to_string(&markdown).unwrap(),
        include_str!("../../assets/corpus-template.md")
    );
    let json = dir.join("corpus.json");
    std::fs::copy(root("assets/corpus-template.json"), &json).unwrap();
    let (code, out) = corpus_merge(&[
        json.to_str().unwrap(),
        "assets/corpus-template.json",
        "--write",
    ]);
    assert_eq!(code, 0, "{out}");
    let left: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

/// What a file says reaches the terminal as text: control characters are escaped.
#[test]
fn the_tools_print_a_files_control_characters_escaped() {
    let dir = std::env::temp_dir().join(format!("corpus-check-esc-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("escape.json");
    let mut corpus: serde_json::Value =
        serde_json::from_str(include_str!("../../assets/corpus-template.json")).unwrap();
    corpus["messages"][0]["meeting"] = serde_json::Value::String("x\u{1b}[8mhidden".into());
    std::fs::write(&file, corpus.to_string()).unwrap();
    for tool in [
        env!("CARGO_BIN_EXE_corpus-check"),
        env!("CARGO_BIN_EXE_corpus-merge"),
    ] {
        let args: Vec<&str> = if tool.ends_with("corpus-check") {
            vec![file.to_str().unwrap()]
        } else {
            vec!["assets/corpus.json", file.to_str().unwrap()]
        };
        let (code, out) = run(tool, &args);
        assert_eq!(code, 1, "{out}");
        assert!(!out.contains('\u{1b}'), "a raw escape was printed: {out:?}");
        assert!(out.contains("\\u{1b}[8mhidden"), "{out}");
    }
}

/// A folder of sources is read, not followed: a symbolic link is named and left out.
#[cfg(unix)]
#[test]
fn the_sources_folder_does_not_follow_links() {
    let dir = std::env::temp_dir().join(format!("corpus-sources-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for entry in std::fs::read_dir(root("tests/data/sources")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
    }
    let link = dir.join("passwd.txt");
    std::fs::remove_file(&link).ok();
    std::os::unix::fs::symlink("/etc/passwd", &link).unwrap();
    std::fs::write(dir.join("latin1.txt"), [0x63, 0x61, 0x66, 0xe9]).unwrap();
    let (code, out) = corpus_check(&["assets/corpus.json", "--sources", dir.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("passwd.txt: a symbolic link, not followed"),
        "{out}"
    );
    assert!(out.contains("latin1.txt: not read"), "{out}");
}
