//! Folding words for matching (what makes "Genève", "GENEVE" and "geneve" one word), and
//! slugs made from names.
//!
//! Folding is canonical decomposition with the combining marks removed, Latin ligatures
//! and full-width forms made plain, lowercase, and curly apostrophes and quotes made
//! straight. The decompositions come from a table generated from `unicode-normalization`
//! (`text/fold_table.rs`, rewritten by the test `fold_table_is_current`): only the
//! mapping from each character to its base ships, about a fifth of the bytes that the
//! crate's full normalization tables add to the Wasm. Compatibility forms other than
//! ligatures and full-width ASCII (superscripts, circled letters, CJK compatibility forms)
//! are left as they are: English policy texts do not use them.

#[rustfmt::skip]
mod fold_table;

/// Folds one word for matching (see the module documentation).
pub fn fold(word: &str) -> String {
    let mut folded = String::new();
    fold_into(word, &mut folded);
    folded
}

/// A readable slug from any text: lowercase ASCII letters and digits joined by hyphens.
pub fn slugify(text: &str) -> String {
    let folded = fold(text);
    let mut slug = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    let slug: String = slug.chars().take(60).collect();
    let slug = slug.trim_end_matches('-').to_string();
    if slug.is_empty() {
        "x".into()
    } else {
        slug
    }
}

/// [`fold`] into a reused buffer (the index folds millions of words).
pub(crate) fn fold_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        return;
    }
    for c in word.chars() {
        fold_char(c, out);
    }
}

fn fold_char(c: char, out: &mut String) {
    match c {
        // Latin ligatures (ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ), as NFKD spells them.
        '\u{FB00}' => out.push_str("ff"),
        '\u{FB01}' => out.push_str("fi"),
        '\u{FB02}' => out.push_str("fl"),
        '\u{FB03}' => out.push_str("ffi"),
        '\u{FB04}' => out.push_str("ffl"),
        '\u{FB05}' | '\u{FB06}' => out.push_str("st"),
        // Full-width ASCII (U+FF01 to U+FF5E) is ASCII shifted by 0xFEE0.
        '\u{FF01}'..='\u{FF5E}' => {
            let plain = char::from_u32(c as u32 - 0xFEE0).unwrap_or(c);
            out.push(plain.to_ascii_lowercase());
        }
        HANGUL_FIRST..=HANGUL_LAST => decompose_hangul(c, out),
        c if is_mark(c) => {}
        c => match several(c) {
            Some(parts) => parts.chars().for_each(|p| fold_char(p, out)),
            None => out.extend(base(c).to_lowercase().map(straight_quote)),
        },
    }
}

/// The character a precomposed character is built on (`é` → `e`), or itself.
fn base(c: char) -> char {
    let code = u32::from(c);
    fold_table::BASES
        .binary_search_by_key(&code, |&(from, _)| from)
        .ok()
        .and_then(|i| char::from_u32(fold_table::BASES[i].1))
        .unwrap_or(c)
}

/// The characters a few precomposed characters are built on, where they are several.
fn several(c: char) -> Option<&'static str> {
    let code = u32::from(c);
    fold_table::SEVERAL
        .binary_search_by_key(&code, |&(from, _)| from)
        .ok()
        .map(|i| fold_table::SEVERAL[i].1)
}

/// Whether `c` is a combining mark (General Category M), dropped by folding.
fn is_mark(c: char) -> bool {
    let code = u32::from(c);
    let i = fold_table::MARKS.partition_point(|&(first, _)| first <= code);
    i > 0 && code <= fold_table::MARKS[i - 1].1
}

const HANGUL_FIRST: char = '\u{AC00}';
const HANGUL_LAST: char = '\u{D7A3}';

/// Hangul syllables decompose by arithmetic, not by table (Unicode §3.12).
fn decompose_hangul(c: char, out: &mut String) {
    const L_BASE: u32 = 0x1100;
    const V_BASE: u32 = 0x1161;
    const T_BASE: u32 = 0x11A7;
    const V_COUNT: u32 = 21;
    const T_COUNT: u32 = 28;
    let index = u32::from(c) - u32::from(HANGUL_FIRST);
    let parts = [
        L_BASE + index / (V_COUNT * T_COUNT),
        V_BASE + (index % (V_COUNT * T_COUNT)) / T_COUNT,
        T_BASE + index % T_COUNT,
    ];
    let trailing = index % T_COUNT != 0;
    for part in &parts[..if trailing { 3 } else { 2 }] {
        out.extend(char::from_u32(*part));
    }
}

/// Curly apostrophes, primes and quotes as their straight forms.
fn straight_quote(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{02BC}' | '\u{2032}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{2033}' => '"',
        c => c,
    }
}

/// NLTK's English stop-word list (`assets/stop-words-en.txt`, one word a line), the same
/// list the `stop-words` crate serves for "en". The crate compiles in every language it
/// has (90 KB of the shipped Wasm), so only the English list is shipped; a test checks
/// that it still equals the crate's.
pub fn english_stop_words() -> impl Iterator<Item = &'static str> {
    include_str!("../../../assets/stop-words-en.txt")
        .lines()
        .filter(|word| !word.is_empty())
}

/// Words that say nothing of what a message is about (`assets/generic-words-en.txt`):
/// related messages leave them out, on top of [`english_stop_words`].
pub fn english_generic_words() -> impl Iterator<Item = &'static str> {
    include_str!("../../../assets/generic-words-en.txt")
        .lines()
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fmt::Write;
    use unicode_normalization::char::{decompose_canonical, is_combining_mark};

    #[test]
    fn shipped_stop_words_equal_the_crates_english_list() {
        let shipped: Vec<&str> = english_stop_words().collect();
        assert_eq!(shipped, stop_words::get("en"));
    }

    #[test]
    fn slugs() {
        assert_eq!(slugify("Kyoto IGF 2023!"), "kyoto-igf-2023");
        assert_eq!(slugify("Côte d’Ivoire"), "cote-d-ivoire");
        assert_eq!(slugify("***"), "x");
    }

    #[test]
    fn folding() {
        let check = |input: &str, expected: &str| assert_eq!(fold(input), expected, "{input}");
        check("Women’s", "women's");
        check("Côte", "cote");
        check("ÉCOLE", "ecole");
        check("Genève", "geneve");
        check("Gene\u{300}ve", "geneve");
        check("ﬁnance", "finance");
        check("ﬄuent", "ffluent");
        check("ＤＡＴＡ", "data");
        check("Ångström", "angstrom");
        check("São", "sao");
        check("İstanbul", "istanbul");
        check("Data", "data");
    }

    /// What folding means, spelled with the full `unicode-normalization` crate: the
    /// shipped table must agree with it on every character.
    fn oracle(c: char) -> String {
        let mut out = String::new();
        match c {
            '\u{FB00}'..='\u{FB06}' | '\u{FF01}'..='\u{FF5E}' => fold_char(c, &mut out),
            c => decompose_canonical(c, |d| {
                if !is_combining_mark(d) {
                    out.extend(d.to_lowercase().map(straight_quote));
                }
            }),
        }
        out
    }

    #[test]
    fn agrees_with_canonical_decomposition_on_every_character() {
        let mut out = String::new();
        let mut wrong = Vec::new();
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            out.clear();
            fold_char(c, &mut out);
            if out != oracle(c) {
                wrong.push(format!(
                    "U+{:04X}: {out:?} vs {:?}",
                    u32::from(c),
                    oracle(c)
                ));
            }
        }
        assert!(
            wrong.is_empty(),
            "{} differ: {:?}",
            wrong.len(),
            &wrong[..wrong.len().min(10)]
        );
    }

    /// Rewrites `text/fold_table.rs` from `unicode-normalization` and fails if it changed
    /// (the generated-code check of rust-analyzer's `sourcegen`): run `cargo test` again
    /// after an update of the crate and commit the new table.
    #[test]
    fn fold_table_is_current() {
        let mut bases = Vec::new();
        let mut marks: Vec<(u32, u32)> = Vec::new();
        let mut several = Vec::new();
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let code = u32::from(c);
            if is_combining_mark(c) {
                match marks.last_mut() {
                    Some(last) if last.1 + 1 == code => last.1 = code,
                    _ => marks.push((code, code)),
                }
                continue;
            }
            if (HANGUL_FIRST..=HANGUL_LAST).contains(&c) {
                continue;
            }
            let mut kept = Vec::new();
            decompose_canonical(c, |d| {
                if !is_combining_mark(d) {
                    kept.push(d)
                }
            });
            if kept.len() > 1 {
                several.push((code, kept.into_iter().collect::<String>()));
            } else if kept.first().is_some_and(|&b| b != c) {
                bases.push((code, u32::from(kept[0])));
            }
        }
        let mut text = String::from(
            "//! Generated by the test `fold_table_is_current` (crates/core/src/text.rs) from the\n\
             //! `unicode-normalization` crate; do not edit.\n\n\
             /// (character, its base) for every character whose canonical decomposition,\n\
             /// combining marks removed, is another character; sorted.\n\
             pub(super) const BASES: &[(u32, u32)] = &[\n",
        );
        for (i, (from, to)) in bases.iter().enumerate() {
            let sep = if i % 6 == 5 { "\n" } else { " " };
            write!(text, "(0x{from:X}, 0x{to:X}),{sep}").unwrap();
        }
        text.push_str(
            "\n];\n\n/// Ranges (first, last) of combining marks (General Category M); sorted.\n\
             pub(super) const MARKS: &[(u32, u32)] = &[\n",
        );
        for (i, (first, last)) in marks.iter().enumerate() {
            let sep = if i % 6 == 5 { "\n" } else { " " };
            write!(text, "(0x{first:X}, 0x{last:X}),{sep}").unwrap();
        }
        text.push_str(
            "\n];\n\n/// Characters whose base is several characters (no mark among them); sorted.\n\
             pub(super) const SEVERAL: &[(u32, &str)] = &[\n",
        );
        for (code, base) in &several {
            let escaped: String = base
                .chars()
                .map(|c| format!("\\u{{{:X}}}", u32::from(c)))
                .collect();
            writeln!(text, "    (0x{code:X}, \"{escaped}\"),").unwrap();
        }
        text.push_str("];\n");
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/text/fold_table.rs");
        let current = std::fs::read_to_string(path).unwrap_or_default();
        if current != text {
            std::fs::write(path, &text).unwrap();
            panic!("crates/core/src/text/fold_table.rs was out of date and has been rewritten; commit it");
        }
    }
}
