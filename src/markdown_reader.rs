//! The Markdown reader as its own small Wasm module, fetched only when a reader loads a
//! Markdown file or pastes messages: `pulldown-cmark` and its tables would otherwise add
//! about 80 KB gzip to the full app that every Compare, Charts or Present link downloads
//! (ARCHITECTURE.md, "Builds"). It answers JSON: `{"corpus": …}` or
//! `{"problems": ["line 3, column 1: …", …]}`.

use messages_explorer::core::corpus::Corpus;
use messages_explorer::core::markdown::{corpus_from_markdown, corpus_from_paste, PasteContext};
use messages_explorer::core::validate::{poses_as_builtin, Problem};
use wasm_bindgen::prelude::*;

/// The reader's answer; a corpus that poses as the built-in one is refused here as in
/// `Corpus::read_own_file`.
fn answer(result: Result<Corpus, Vec<Problem>>) -> String {
    let result = result.and_then(|corpus| {
        let problems = poses_as_builtin(&corpus);
        if problems.is_empty() {
            Ok(corpus)
        } else {
            Err(problems)
        }
    });
    let value = match result {
        Ok(corpus) => serde_json::json!({ "corpus": corpus }),
        Err(problems) => {
            let lines: Vec<String> = problems.iter().map(Problem::to_string).collect();
            serde_json::json!({ "problems": lines })
        }
    };
    value.to_string()
}

/// A Markdown corpus file read with `core::markdown::corpus_from_markdown`.
#[wasm_bindgen]
pub fn read_markdown(text: &str, title: &str) -> String {
    answer(corpus_from_markdown(text, title))
}

/// Pasted text read with `core::markdown::corpus_from_paste`.
#[wasm_bindgen]
pub fn read_paste(
    text: &str,
    meeting: &str,
    year: &str,
    heading: &str,
    source_title: &str,
    source_url: &str,
) -> String {
    let context = PasteContext {
        meeting: meeting.into(),
        year: year.into(),
        heading: heading.into(),
        source_title: source_title.into(),
        source_url: source_url.into(),
    };
    answer(corpus_from_paste(text, &context))
}
