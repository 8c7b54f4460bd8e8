//! The corpus reader: its own small Wasm module, run in a Web Worker
//! (`assets/corpus-worker.js`) and fetched only when a reader loads a file, pastes messages
//! or reopens a kept file. Reading, checking and refusing a file (JSON, CSV or Markdown, up
//! to 20 MB) happen there, off the page's thread, so a large or hostile file never freezes
//! the page and can be cancelled (the page ends the worker). `pulldown-cmark`, the CSV
//! reader and the validator are not in the app's own builds (ARCHITECTURE.md, "Builds").
//! It answers JSON parts: `{"corpus": …}` (the checked corpus, compact, without its
//! messages) followed by the messages, [`PART`] to a part (the page reads each part in a
//! task of its own), or `{"problems": ["line 3, column 1: …", …]}` alone.

use messages_explorer_core::corpus::Corpus;
use messages_explorer_core::markdown::{corpus_from_paste, PasteContext};
use messages_explorer_core::validate::{poses_as_builtin, Problem};
use wasm_bindgen::prelude::*;

/// Messages per part of an answer: a part is read on the page in a few milliseconds.
const PART: usize = 2_000;

fn answer(result: Result<Corpus, Vec<Problem>>) -> Vec<String> {
    match result {
        Ok(mut corpus) => {
            let messages = std::mem::take(&mut corpus.messages);
            let mut parts = vec![serde_json::json!({ "corpus": corpus }).to_string()];
            parts.extend(
                messages
                    .chunks(PART)
                    .map(|part| serde_json::to_string(part).unwrap_or_default()),
            );
            parts
        }
        Err(problems) => {
            let lines: Vec<String> = problems.iter().map(Problem::to_string).collect();
            vec![serde_json::json!({ "problems": lines }).to_string()]
        }
    }
}

/// A file a reader picked, read by `Corpus::read_own_file` (its format from its name),
/// checked, and refused if it poses as the built-in corpus.
#[wasm_bindgen]
pub fn read_file(name: &str, bytes: &[u8]) -> Vec<String> {
    answer(Corpus::read_own_file(name, bytes).map_err(|error| error.problems))
}

/// Pasted text read with `core::markdown::corpus_from_paste`, and refused, like a file,
/// if it poses as the built-in corpus.
#[wasm_bindgen]
pub fn read_paste(
    text: &str,
    meeting: &str,
    year: &str,
    heading: &str,
    source_title: &str,
    source_url: &str,
) -> Vec<String> {
    let context = PasteContext {
        meeting: meeting.into(),
        year: year.into(),
        heading: heading.into(),
        source_title: source_title.into(),
        source_url: source_url.into(),
    };
    let result = corpus_from_paste(text, &context).and_then(|corpus| {
        let problems = poses_as_builtin(&corpus);
        if problems.is_empty() {
            Ok(corpus)
        } else {
            Err(problems)
        }
    });
    answer(result)
}
