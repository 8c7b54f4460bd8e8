//! Curator tool: merges the messages of a checked file (Markdown, CSV or JSON) into a
//! corpus file, with the rules of `core::merge` (existing ids untouched, a message already
//! there skipped, new ids stable), then validates the result, and with `--sources`
//! checks that every message is verbatim in its source text.
//!
//! Usage: `corpus-merge CORPUS.json FILE [--sources DIR] [--write]
//! [--allow-coverage-change]`. Without `--write` it only says what would change. It says
//! every change of a meeting's coverage (status, total, its source, note) and makes none
//! without `--allow-coverage-change`. It writes JSON only, to a temporary file beside the
//! corpus, synced, then renamed over it: an interrupted write leaves the corpus as it was.
//! Everything it prints from a file has control characters escaped. Exits 1 when there is
//! a problem (nothing is written), 2 for a usage or read error.

use std::path::PathBuf;
use std::process::ExitCode;

use messages_explorer_core::corpus::Corpus;
use messages_explorer_core::merge::{merge, Report};
use messages_explorer_core::validate::check_verbatim;

#[path = "shared/sources.rs"]
mod sources;
use sources::{printable, read_texts};

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
            println!("{}: {}", path.display(), printable(&problem.to_string()));
        }
        ExitCode::from(1)
    })
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let write = args.iter().any(|a| a == "--write");
    let allow_coverage = args.iter().any(|a| a == "--allow-coverage-change");
    let rest: Vec<&String> = args
        .iter()
        .filter(|a| *a != "--write" && *a != "--allow-coverage-change")
        .collect();
    let (corpus_path, file_path, sources_dir) = match rest.as_slice() {
        [corpus, file] => (PathBuf::from(corpus), PathBuf::from(file), None),
        [corpus, file, flag, dir] if *flag == "--sources" => (
            PathBuf::from(corpus),
            PathBuf::from(file),
            Some(PathBuf::from(dir)),
        ),
        _ => {
            eprintln!("usage: corpus-merge CORPUS.json FILE [--sources DIR] [--write] [--allow-coverage-change]");
            return ExitCode::from(2);
        }
    };
    let is_json = corpus_path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    if write && !is_json {
        eprintln!(
            "{}: corpus-merge writes JSON only; merge into a .json corpus",
            corpus_path.display()
        );
        return ExitCode::from(2);
    }
    let (base, file) = match (read(&corpus_path), read(&file_path)) {
        (Ok(base), Ok(file)) => (base, file),
        (Err(code), _) | (_, Err(code)) => return code,
    };
    let (merged, report) = match merge(&base, &file) {
        Ok(result) => result,
        Err(problems) => {
            for problem in &problems {
                println!(
                    "{}: {}",
                    file_path.display(),
                    printable(&problem.to_string())
                );
            }
            println!("{} problem(s); nothing written", problems.len());
            return ExitCode::from(1);
        }
    };
    if let Some(dir) = sources_dir {
        let texts = match read_texts(&dir) {
            Ok(read) => {
                for skipped in &read.skipped {
                    println!("{}: left out: {}", dir.display(), printable(skipped));
                }
                read.texts
            }
            Err(e) => {
                eprintln!("{}: cannot read the sources: {e}", dir.display());
                return ExitCode::from(2);
            }
        };
        let problems = check_verbatim(&merged, &texts);
        if !problems.is_empty() {
            for problem in &problems {
                println!("merged corpus: {}", printable(&problem.to_string()));
            }
            println!("{} problem(s); nothing written", problems.len());
            return ExitCode::from(1);
        }
    }
    print_report(&base, &merged, &report);
    let changed = coverage_changes(&base, &merged);
    for change in &changed {
        println!("{}", printable(change));
    }
    if !changed.is_empty() && !allow_coverage {
        if write {
            println!(
                "{} coverage change(s); nothing written without --allow-coverage-change",
                changed.len()
            );
            return ExitCode::from(1);
        }
        println!(
            "{} coverage change(s): writing them needs --allow-coverage-change",
            changed.len()
        );
    }
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
            println!("{what}: {}", printable(id));
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

/// Every change the merge makes to a meeting's coverage, one line each: what the curator
/// must see before the published record changes.
fn coverage_changes(base: &Corpus, merged: &Corpus) -> Vec<String> {
    let mut changes = Vec::new();
    for before in &base.meetings {
        let Some(after) = merged.meetings.iter().find(|m| m.id == before.id) else {
            continue;
        };
        let (b, a) = (&before.message_set.coverage, &after.message_set.coverage);
        if b.status != a.status {
            changes.push(format!(
                "coverage of {}: status {} → {}",
                before.id,
                b.status.as_str(),
                a.status.as_str()
            ));
        }
        if b.published_total != a.published_total {
            changes.push(format!(
                "coverage of {}: published total {:?} → {:?}",
                before.id, b.published_total, a.published_total
            ));
        }
        if b.published_total_source != a.published_total_source {
            changes.push(format!(
                "coverage of {}: source of the published total changed",
                before.id
            ));
        }
        if b.note != a.note {
            changes.push(format!(
                "coverage of {}: note {:?} → {:?}",
                before.id,
                b.note.as_deref().unwrap_or(""),
                a.note.as_deref().unwrap_or("")
            ));
        }
    }
    changes
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
    // A temporary file beside the corpus, synced, then renamed over it (atomic on one
    // file system): a full disk or an interruption leaves the corpus as it was.
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temporary = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let written = (|| -> std::io::Result<()> {
        use std::io::Write;
        let mut file = std::fs::File::create(&temporary)?;
        file.write_all(&json)?;
        file.sync_all()?;
        std::fs::rename(&temporary, path)
    })();
    if let Err(e) = written {
        std::fs::remove_file(&temporary).ok();
        eprintln!(
            "{}: cannot write ({e}); the corpus is unchanged",
            path.display()
        );
        return Err(ExitCode::from(2));
    }
    Ok(())
}
