//! What both curator tools need: the source texts of a folder, and text made safe to print.

use std::collections::HashMap;
use std::path::Path;

/// The source texts of a folder, keyed by file name, and what was left out and why (a
/// symbolic link is never followed: a folder of sources cannot point the check at other
/// files; a file that is not UTF-8 text is named, not silently skipped).
pub struct Texts {
    /// File name to its text.
    pub texts: HashMap<String, String>,
    /// "name: why", one per file left out.
    pub skipped: Vec<String>,
}

/// Reads every regular file of a folder as text.
pub fn read_texts(dir: &Path) -> std::io::Result<Texts> {
    let mut texts = HashMap::new();
    let mut skipped = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        // `DirEntry::file_type` does not follow symbolic links.
        let kind = entry.file_type()?;
        if kind.is_symlink() {
            skipped.push(format!("{name}: a symbolic link, not followed"));
            continue;
        }
        if !kind.is_file() {
            continue;
        }
        match std::fs::read_to_string(entry.path()) {
            Ok(text) => {
                texts.insert(name, text);
            }
            Err(e) => skipped.push(format!("{name}: not read ({e})")),
        }
    }
    skipped.sort();
    Ok(Texts { texts, skipped })
}

/// `text` with every control character written as an escape (`\u{1b}`), so that a file
/// cannot drive the terminal (hide what follows, move the cursor) through what is printed.
pub fn printable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
    }
    out
}
