//! The sentences the app says about the data, in one place: coverage and provenance (what
//! a set holds, what a source does not give), how many messages a list includes, which
//! corpus is in use and whose it is. Honesty rules live in their wording (PRODUCT.md,
//! "Honesty"): a partial set is said to be partial wherever it shows, a reported total is
//! not called published, and nothing from a reader's file passes for the built-in corpus.
//! This module uses no other: each sentence takes plain values.

/// The coverage note of a message set pasted by the reader (the app cannot know whether
/// it is the whole set; its coverage sentence says "pasted", not "partial").
pub const PASTED_NOTE: &str =
    "Pasted by you from a document: whether every message of the set is here is not known.";
/// The coverage note of a meeting read from a CSV file.
pub const CSV_NOTE: &str = "Loaded from a CSV file.";
/// What a message's place in its source reads where the file gives none.
pub const LOCATOR_NOT_GIVEN: &str = "Place in the source not given";
/// What the page and the exports say where a source gives a message no heading.
pub const HEADING_NOT_GIVEN: &str = "Heading not given in the source";
/// What follows topics that were assigned editorially (the source gives no heading).
pub const EDITORIAL_MARK: &str = " (assigned editorially)";
/// What the CSV export writes as the heading of a message published without one (read
/// back as no heading).
pub const CSV_HEADING_NOT_GIVEN: &str = "(not given in the source)";
/// What the topics are, wherever they group messages.
pub const TOPICS_ARE_EDITORIAL: &str = "The topics are an editorial layer that lets messages be compared across years; the heading as published is always shown beside them.";

/// What the CSV export writes after topics assigned editorially (read back without it).
pub const CSV_EDITORIAL_MARK: &str = " (editorial)";

/// What is known of a message set's completeness, as its coverage sentence says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetIs {
    /// Every published message is included.
    Complete,
    /// Part of a total that a source other than the published document states.
    PartOfReported(u32),
    /// Part of the published total.
    PartOfPublished(u32),
    /// Pasted by the reader: whether it is complete is not known.
    Pasted,
    /// Part of a total that is not known.
    Partial,
    /// No message text is included.
    Empty,
}

/// A plain sentence on a meeting's coverage with its count of included messages
/// ("Online 2020: 6 messages included (partial; …)"), for lists, headers and exports. A
/// total that a source states is "reported" (a count by someone else is not the published
/// document), one given without a source "published".
pub fn coverage(name: &str, included: usize, set: SetIs) -> String {
    match set {
        SetIs::Complete => format!("{name}: complete set, {included} messages included"),
        SetIs::PartOfReported(total) => {
            format!("{name}: {included} of a reported {total} messages included (partial)")
        }
        SetIs::PartOfPublished(total) => {
            format!("{name}: {included} of {total} published messages included (partial)")
        }
        SetIs::Pasted => {
            format!("{name}: {included} messages pasted (whether the set is complete is not known)")
        }
        SetIs::Partial => {
            format!("{name}: {included} messages included (partial; published total not known)")
        }
        SetIs::Empty => format!("{name}: no message text included"),
    }
}

/// How many messages a list holds, in the honest wording: "7 of 66 messages included".
pub fn included_line(found: usize, total: usize) -> String {
    format!("{found} of {total} messages included")
}

/// The one line that says a list includes partial sets (their sentences are shown one tap
/// away); `None` when it includes none.
pub fn partial_caveat(sentences: &[String]) -> Option<String> {
    match sentences {
        [] => None,
        [_] => Some("Includes a partial set (messages missing)".to_string()),
        many => Some(format!(
            "Includes {} partial sets (messages missing)",
            many.len()
        )),
    }
}

/// What a handout of `found` messages says when it holds only the first `printed`.
pub fn printed_note(found: usize, printed: usize) -> Option<String> {
    (found > printed).then(|| {
        format!(
            "This handout holds the first {printed} of the {found} messages of the selection; narrow the selection to print the others."
        )
    })
}

/// The corpus as every view, handout and export names it: its title, and "(your file)"
/// when it is the reader's own, so that nothing a reader's file produces passes for the
/// built-in corpus.
pub fn corpus_label(title: &str, builtin: bool) -> String {
    if builtin {
        title.to_string()
    } else {
        format!("{title} (your file)")
    }
}

/// The notice that says which corpus is now in use: the built-in one, a reader's kept on
/// this device, or a reader's loaded in this tab only.
pub fn corpus_in_use(title: &str, messages: usize, builtin: bool, kept: bool) -> String {
    if builtin {
        format!("Back to the built-in corpus ({messages} messages).")
    } else if kept {
        format!(
            "Showing your own corpus \"{title}\" ({messages} messages), kept on this device: not the built-in IGF Messages."
        )
    } else {
        format!(
            "Loaded your corpus \"{title}\" ({messages} messages). It stays in this browser tab only, unless you keep it on this device."
        )
    }
}

/// What a link made on a reader's corpus says while that corpus is looked for on this
/// device (`id` already shortened for display).
pub fn looking_for_corpus(id: &str) -> String {
    format!(
        "This link was made on the corpus \"{id}\", not on the built-in IGF Messages. Looking for it among the files kept on this device…"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_partial_set_is_never_called_complete_and_a_reported_total_never_published() {
        assert!(coverage("Kyoto 2023", 2, SetIs::PartOfReported(89)).contains("of a reported 89"));
        assert!(coverage("Paris 2018", 9, SetIs::PartOfPublished(40)).contains("published"));
        for set in [
            SetIs::PartOfReported(89),
            SetIs::PartOfPublished(40),
            SetIs::Partial,
        ] {
            assert!(coverage("X", 1, set).contains("partial"), "{set:?}");
        }
        assert!(!coverage("X", 1, SetIs::Pasted).contains("complete set"));
        assert_eq!(corpus_label("Class 3B", false), "Class 3B (your file)");
        assert!(corpus_in_use("Class 3B", 3, false, true).contains("not the built-in"));
        assert_eq!(printed_note(10, 10), None);
    }
}
