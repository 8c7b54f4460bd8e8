//! Build script: embeds the built-in corpus as the app reads it. `assets/corpus.json` is
//! the curators' file (pretty-printed, with each message's `curator` locator: the file
//! and line the verbatim check reads); the app needs neither, and every byte of the
//! first view counts on a phone, so the embedded copy is compact JSON without them (and
//! without `null` members, which read as missing).
//! Nothing else changes: same data, same ids, same text.
//!
//! It also embeds the search equivalences (`assets/equivalences-en.txt`) as the engine
//! reads them: one entry a line, its forms only (the comments, kinds and reasons are for
//! the people who review the file; a test of `search::equivalent` checks them).

use std::path::PathBuf;

fn main() {
    // The curators' file sits in the app's assets/ folder, two levels up from this crate.
    let file = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"))
        .join("../../assets/corpus.json");
    println!("cargo:rerun-if-changed={}", file.display());
    let text = std::fs::read_to_string(&file)
        .unwrap_or_else(|e| panic!("cannot read assets/corpus.json: {e}"));
    let mut corpus: serde_json::Value = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("assets/corpus.json is not JSON: {e}"));
    if let Some(messages) = corpus["messages"].as_array_mut() {
        for message in messages {
            if let Some(source) = message["source"].as_object_mut() {
                source.remove("curator");
            }
        }
    }
    drop_nulls(&mut corpus);
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("corpus.json"), corpus.to_string())
        .unwrap_or_else(|e| panic!("cannot write the embedded corpus: {e}"));
    equivalences(&out);
}

/// Writes the forms of each entry of `assets/equivalences-en.txt`, one entry a line
/// (`form = form = …`), to `OUT_DIR/equivalences-en.txt`.
fn equivalences(out: &std::path::Path) {
    let file = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"))
        .join("../../assets/equivalences-en.txt");
    println!("cargo:rerun-if-changed={}", file.display());
    let text = std::fs::read_to_string(&file)
        .unwrap_or_else(|e| panic!("cannot read assets/equivalences-en.txt: {e}"));
    let forms: String = text
        .lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .filter_map(|line| line.split('|').nth(1))
        .map(|forms| format!("{}\n", forms.trim()))
        .collect();
    std::fs::write(out.join("equivalences-en.txt"), forms)
        .unwrap_or_else(|e| panic!("cannot write the embedded equivalences: {e}"));
}

/// Removes every `null` member: the model reads a missing optional field as `None`, the
/// same as `null`.
fn drop_nulls(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            map.retain(|_, v| !v.is_null());
            map.values_mut().for_each(drop_nulls);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(drop_nulls),
        _ => {}
    }
}
