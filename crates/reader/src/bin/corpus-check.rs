//! Curator tool: validates a corpus file with the same code the app uses, and, given the
//! folder of source texts, checks that every message and cited fact is verbatim.
//!
//! Usage: `corpus-check CORPUS.json|CORPUS.csv|CORPUS.md [--sources DIR]`. Prints every
//! problem with where it stands (the JSON path of its field, a CSV row and column, or a
//! Markdown line and column) and exits 1 when there is any (2 for a usage or read error).

use std::path::PathBuf;
use std::process::ExitCode;

use messages_explorer_core::corpus::Corpus;
use messages_explorer_core::validate::check_verbatim;

#[path = "shared/sources.rs"]
mod sources;
use sources::{printable, read_texts};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (file, sources) = match args.as_slice() {
        [file] => (PathBuf::from(file), None),
        [file, flag, dir] if flag == "--sources" => (PathBuf::from(file), Some(PathBuf::from(dir))),
        _ => {
            eprintln!("usage: corpus-check CORPUS.json|CORPUS.csv|CORPUS.md [--sources DIR]");
            return ExitCode::from(2);
        }
    };
    let bytes = match std::fs::read(&file) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("{}: cannot read: {e}", file.display());
            return ExitCode::from(2);
        }
    };
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let corpus = match Corpus::from_file(&name, &bytes) {
        Ok(corpus) => corpus,
        Err(error) => {
            for problem in &error.problems {
                println!("{}: {}", file.display(), printable(&problem.to_string()));
            }
            println!("{} problem(s)", error.problems.len());
            return ExitCode::from(1);
        }
    };
    let mut problems = Vec::new();
    if let Some(dir) = sources {
        match read_texts(&dir) {
            Ok(read) => {
                for skipped in &read.skipped {
                    println!("{}: left out: {}", dir.display(), printable(skipped));
                }
                problems = check_verbatim(&corpus, &read.texts);
            }
            Err(e) => {
                eprintln!("{}: cannot read the sources: {e}", dir.display());
                return ExitCode::from(2);
            }
        }
    }
    for problem in &problems {
        println!("{}: {}", file.display(), printable(&problem.to_string()));
    }
    println!(
        "{}: {} messages, {} meetings, {} topics, {} sources; {} problem(s)",
        file.display(),
        corpus.messages.len(),
        corpus.meetings.len(),
        corpus.topics.len(),
        corpus.sources.len(),
        problems.len()
    );
    if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
