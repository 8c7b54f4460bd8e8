//! Takes the three styles the pages offer and the one locale they need out of hayagriva's
//! archive of bundled CSL styles and locales, as CBOR (the archive's own encoding), so that
//! the Wasm module carries 0.2 MB of them rather than 3.5 MB.

use std::path::PathBuf;

use hayagriva::archive::{locales, ArchivedStyle};
use hayagriva::citationberg::Style;

/// The styles, in the order the pages show them (their names are `src/lib.rs`'s `STYLES`).
const STYLES: [ArchivedStyle; 3] = [
    ArchivedStyle::AmericanPsychologicalAssociation,
    ArchivedStyle::ChicagoAuthorDate,
    ArchivedStyle::ModernLanguageAssociation,
];

/// The locale the styles are written in (each names it as its default).
const LOCALE: &str = "en-US";

fn main() {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let styles: Vec<Style> = STYLES
        .iter()
        .map(|archived| match archived.get() {
            style @ Style::Independent(_) => style,
            Style::Dependent(_) => panic!("{archived:?}: a bundled style depends on another"),
        })
        .collect();
    let locale = locales()
        .into_iter()
        .find(|l| {
            l.lang
                .as_ref()
                .is_some_and(|lang| lang.to_string() == LOCALE)
        })
        .unwrap_or_else(|| panic!("the archive has no {LOCALE} locale"));
    let mut bytes = Vec::new();
    ciborium::ser::into_writer(&(styles, vec![locale]), &mut bytes).expect("CBOR is written");
    std::fs::write(out.join("styles.cbor"), bytes).expect("OUT_DIR is writable");
    println!("cargo::rerun-if-changed=build.rs");
}
