//! Curator tool: merges the messages of a checked file (Markdown, CSV or JSON) into a
//! corpus file, with the rules of `core::merge` (existing ids untouched, a message already
//! there skipped, new ids stable), then validates the result, and with `--sources`
//! checks that every message is verbatim in its source text.
//!
//! Usage: `corpus-merge CORPUS.json FILE [--sources DIR] [--write]`. Without `--write` it
//! only says what would change. Exits 1 when there is a problem (nothing is written), 2
//! for a usage or read error.

use std::path::PathBuf;
use std::process::ExitCode;

use messages_explorer::core::corpus::Corpus;
use messages_explorer::core::merge::{merge, Report};
use messages_explorer::core::validate::check_verbatim;

#[path = "shared/sources.rs"]
mod sources;
use sources::read_texts;

fn read(path: &PathBuf) -> Result<Corpus, ExitCode> {
    let bytes = std::fs::read(path).map_err(|e| {
        eprintln!("{}: cannot read: {e}", path.display());
        ExitCode::from(2)
    })?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Corpus::from_file(&name, &bytes).map_err(|error| {
        for problem in &error.problems {
            println!("{}: {problem}", path.display());
        }
        ExitCode::from(1)
    })
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let write = args.iter().any(|a| a == "--write");
    let rest: Vec<&String> = args.iter().filter(|a| *a != "--write").collect();
    let (corpus_path, file_path, sources_dir) = match rest.as_slice() {
        [corpus, file] => (PathBuf::from(corpus), PathBuf::from(file), None),
        [corpus, file, flag, dir] if *flag == "--sources" => (
            PathBuf::from(corpus),
            PathBuf::from(file),
            Some(PathBuf::from(dir)),
        ),
        _ => {
            eprintln!("usage: corpus-merge CORPUS.json FILE [--sources DIR] [--write]");
            return ExitCode::from(2);
        }
    };
    let (base, file) = match (read(&corpus_path), read(&file_path)) {
        (Ok(base), Ok(file)) => (base, file),
        (Err(code), _) | (_, Err(code)) => return code,
    };
    let (merged, report) = match merge(&base, &file) {
        Ok(result) => result,
        Err(problems) => {
            for problem in &problems {
                println!("{}: {problem}", file_path.display());
            }
            println!("{} problem(s); nothing written", problems.len());
            return ExitCode::from(1);
        }
    };
    if let Some(dir) = sources_dir {
        let texts = match read_texts(&dir) {
            Ok(texts) => texts,
            Err(e) => {
                eprintln!("{}: cannot read the sources: {e}", dir.display());
                return ExitCode::from(2);
            }
        };
        let problems = check_verbatim(&merged, &texts);
        if !problems.is_empty() {
            for problem in &problems {
                println!("merged corpus: {problem}");
            }
            println!("{} problem(s); nothing written", problems.len());
            return ExitCode::from(1);
        }
    }
    print_report(&base, &merged, &report);
    if !write {
        println!("dry run: add --write to write {}", corpus_path.display());
        return ExitCode::SUCCESS;
    }
    if let Err(code) = write_corpus(&corpus_path, &merged) {
        return code;
    }
    println!("wrote {}", corpus_path.display());
    ExitCode::SUCCESS
}

/// What the merge did, one line per id, then the counts.
fn print_report(base: &Corpus, merged: &Corpus, report: &Report) {
    for (what, ids) in [
        ("added message", &report.added),
        ("already there, skipped", &report.skipped),
        ("added heading", &report.headings),
        ("added source", &report.sources),
        ("added meeting", &report.meetings),
    ] {
        for id in ids {
            println!("{what}: {id}");
        }
    }
    println!(
        "{} → {} messages ({} added, {} skipped)",
        base.messages.len(),
        merged.messages.len(),
        report.added.len(),
        report.skipped.len()
    );
}

/// Writes the corpus as the built-in one is written (one-space indentation).
fn write_corpus(path: &PathBuf, merged: &Corpus) -> Result<(), ExitCode> {
    let mut json = Vec::new();
    let formatter = serde_json::ser::PrettyFormatter::with_indent(b" ");
    let mut serializer = serde_json::Serializer::with_formatter(&mut json, formatter);
    if let Err(e) = serde::Serialize::serialize(&merged, &mut serializer) {
        eprintln!("cannot write the corpus: {e}");
        return Err(ExitCode::from(2));
    }
    json.push(b'\n');
    if let Err(e) = std::fs::write(path, json) {
        eprintln!("{}: cannot write: {e}", path.display());
        return Err(ExitCode::from(2));
    }
    Ok(())
}
