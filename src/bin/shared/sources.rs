//! What both curator tools need: the source texts of a folder.

use std::collections::HashMap;
use std::path::Path;

/// Reads every file of a folder as text, keyed by file name.
pub fn read_texts(dir: &Path) -> std::io::Result<HashMap<String, String>> {
    let mut texts = HashMap::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_file() {
            if let (Some(name), Ok(text)) = (path.file_name(), std::fs::read_to_string(&path)) {
                texts.insert(name.to_string_lossy().into_owned(), text);
            }
        }
    }
    Ok(texts)
}
