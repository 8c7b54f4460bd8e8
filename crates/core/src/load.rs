//! Reading a corpus from bytes, two-level (STYLE.md §4): the size limit, a byte-order
//! mark dropped, UTF-8; then serde reads JSON into the typed structs of [`corpus`]
//! (reporting the path of the first field that does not fit), or [`import`] reads CSV;
//! then [`validate`] checks the rules that span records and reports every problem. The
//! curators' check of the built-in corpus and a user's own file go through the same
//! checks; a user's own file also must not pose as the built-in corpus.
//!
//! [`corpus`]: super::corpus
//! [`import`]: super::import
//! [`validate`]: super::validate

use super::corpus::Corpus;
use super::validate::{self, Problem, ProblemKind};

/// The largest corpus file accepted, in bytes. Checked before parsing, so a huge file is
/// refused without being read into structures.
pub const MAX_CORPUS_BYTES: usize = 20 * 1024 * 1024;

/// What is wrong with a file of `size` bytes, if it is over [`MAX_CORPUS_BYTES`]: the
/// page checks this before reading a file, the loader again before parsing it.
pub fn too_large(size: u64) -> Option<ProblemKind> {
    (size > MAX_CORPUS_BYTES as u64).then_some(ProblemKind::TooLarge {
        size,
        limit: MAX_CORPUS_BYTES,
    })
}

/// Whether a file name says CSV.
pub fn is_csv(name: &str) -> bool {
    name.to_lowercase().ends_with(".csv")
}

/// Whether a file name says Markdown.
pub fn is_markdown(name: &str) -> bool {
    let lower = name.to_lowercase();
    lower.ends_with(".md") || lower.ends_with(".markdown")
}

/// The corpus compiled into the app: `assets/corpus.json` as compact JSON without the
/// curators' locators (`crates/core/build.rs`).
pub const BUILTIN_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/corpus.json"));

/// The bytes of a file as text, after the checks every corpus file gets: the size limit
/// (before anything else), a UTF-8 byte-order mark dropped (Windows editors and this app's
/// CSV export write one), not empty, UTF-8.
pub fn checked_text(bytes: &[u8]) -> Result<&str, LoadError> {
    let fail = |kind: ProblemKind| LoadError {
        problems: vec![Problem::new("", kind)],
    };
    if let Some(kind) = too_large(bytes.len() as u64) {
        return Err(fail(kind));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(fail(ProblemKind::Empty));
    }
    std::str::from_utf8(bytes).map_err(|e| fail(ProblemKind::NotUtf8(e.valid_up_to())))
}

/// Why a corpus could not be loaded: every problem found, each with the path of its field.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{} problem(s) in the corpus; first: {}", .problems.len(), .problems.first().map(|p| p.to_string()).unwrap_or_default())]
pub struct LoadError {
    /// The problems, in document order where possible.
    pub problems: Vec<Problem>,
}

impl Corpus {
    /// Parses and validates a corpus file. Never panics, whatever the input.
    pub fn from_json(text: &str) -> Result<Corpus, LoadError> {
        Self::from_bytes(text.as_bytes())
    }

    /// Like [`from_json`](Self::from_json) for raw bytes (a file the user picked): checks
    /// the size limit and UTF-8 before parsing.
    pub fn from_bytes(bytes: &[u8]) -> Result<Corpus, LoadError> {
        let fail = |path: &str, kind: ProblemKind| LoadError {
            problems: vec![Problem::new(path, kind)],
        };
        let text = checked_text(bytes)?;
        // serde would also read a struct from an array; a corpus is always an object.
        if !text.trim_start().starts_with('{') {
            return Err(fail("", ProblemKind::NotAnObject));
        }
        let mut de = serde_json::Deserializer::from_str(text);
        let corpus: Corpus = serde_path_to_error::deserialize(&mut de).map_err(|e| {
            let path = e.path().to_string();
            let path = if path == "." { String::new() } else { path };
            fail(&path, ProblemKind::Shape(e.into_inner().to_string()))
        })?;
        de.end()
            .map_err(|e| fail("", ProblemKind::TrailingData(e.to_string())))?;
        let problems = validate::check(&corpus);
        if problems.is_empty() {
            Ok(corpus)
        } else {
            Err(LoadError { problems })
        }
    }

    /// Reads a corpus file: CSV when its name ends in `.csv` (see [`super::import`]),
    /// Markdown for `.md` or `.markdown` (see [`super::markdown`]), JSON otherwise. The
    /// same limits and validation whatever the format. (The curators' tools read the
    /// built-in corpus itself with it; a reader's file goes through
    /// [`read_own_file`](Self::read_own_file).)
    #[cfg(feature = "markdown")]
    pub fn from_file(name: &str, bytes: &[u8]) -> Result<Corpus, LoadError> {
        let title = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
        let read = if is_csv(name) {
            super::import::corpus_from_csv
        } else if is_markdown(name) {
            super::markdown::corpus_from_markdown
        } else {
            return Self::from_bytes(bytes);
        };
        read(checked_text(bytes)?, title).map_err(|problems| LoadError { problems })
    }

    /// [`from_file`](Self::from_file) for a reader's own file (loaded, kept or pasted, in
    /// the corpus reader's worker), which also must not pose as the built-in corpus
    /// ([`validate::poses_as_builtin`]).
    #[cfg(feature = "markdown")]
    pub fn read_own_file(name: &str, bytes: &[u8]) -> Result<Corpus, LoadError> {
        let corpus = Self::from_file(name, bytes)?;
        let problems = validate::poses_as_builtin(&corpus);
        if problems.is_empty() {
            Ok(corpus)
        } else {
            Err(LoadError { problems })
        }
    }

    /// The corpus compiled into the app, parsed with plain serde. It is not validated at
    /// each start: it is a constant, validated (and checked verbatim against its sources)
    /// by the test command before it ships (`tests/corpus.rs`, `corpus-check`), which
    /// keeps the validator and the field-path tracker out of the first-view build.
    pub fn builtin() -> Result<Corpus, LoadError> {
        serde_json::from_str(BUILTIN_JSON).map_err(|e| LoadError {
            problems: vec![Problem::new("", ProblemKind::Shape(e.to_string()))],
        })
    }
}
