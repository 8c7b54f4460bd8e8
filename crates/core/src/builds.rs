//! The build table: each Wasm module the app ships, how Cargo builds it, and when the page
//! loads it. Declared here once; `.ci/post-build.sh` builds from it, `.ci/finalize.mjs`
//! writes it into the loader (`assets/loader.js`), the corpus worker and the service worker,
//! and `.ci/sizes.sh` checks each module's budget by it (all three read [`manifest`],
//! printed by `cargo run -p messages-explorer-core --example build-table`). Which module
//! renders which route is [`crate::url::Route::module`]; which URL keys need the full app,
//! [`crate::url::FULL_ONLY_KEYS`].

pub use crate::url::Module;

/// How Cargo builds a module.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Build {
    /// The module.
    pub module: Module,
    /// Its role in the manifest (`first`, `full`, `reader`): the name the loader and the
    /// worker know it by.
    pub role: &'static str,
    /// The stem of its shipped files (`<name>.js`, `<name>_bg.wasm`).
    pub name: &'static str,
    /// The Cargo package it is built from.
    pub package: &'static str,
    /// The binary target, or `None` for the package's library (a `cdylib`).
    pub bin: Option<&'static str>,
    /// Whether the package's default features are on (off: the first view, without `full`).
    pub default_features: bool,
    /// Built by Trunk itself (the `data-bin` of index.html); the others by the post-build
    /// hook.
    pub by_trunk: bool,
    /// Whether the service worker keeps it when it installs (the first view needs it) or
    /// only once the page is idle.
    pub at_install: bool,
    /// Its budget: the most gzip bytes a reader downloads to see its first view with it
    /// (index.html, the loader, the style sheet, the icon, its glue and its Wasm), or
    /// `None` for the corpus reader, which no view waits for.
    pub budget: Option<u32>,
}

/// Every module, in build order.
pub const BUILDS: [Build; 3] = [
    Build {
        module: Module::FirstView,
        role: "first",
        name: "first-view",
        package: "messages-explorer",
        bin: Some("first-view"),
        default_features: false,
        by_trunk: false,
        at_install: true,
        budget: Some(250_000),
    },
    Build {
        module: Module::Full,
        role: "full",
        name: "messages-explorer",
        package: "messages-explorer",
        bin: Some("messages-explorer"),
        default_features: true,
        by_trunk: true,
        at_install: false,
        budget: Some(FULL_BUDGET),
    },
    Build {
        module: Module::Reader,
        role: "reader",
        name: "corpus-reader",
        package: "messages-explorer-reader",
        bin: None,
        default_features: true,
        by_trunk: false,
        at_install: false,
        budget: None,
    },
];

/// The full app's budget: its size on 2026-12-02 before the build table (409,241 gzip bytes
/// with the page, loader, style sheet and icon, in that day's fresh-clone CI run;
/// BENCHMARKS.md, "Shipped size") plus 5 %, 429,703; raised on 2026-12-03 by 10,297 bytes
/// for a new view, Cite (its render and fetch, about 10 KB), to 440,000; raised again on
/// 2026-12-03 to 475,000 for the sets (issue 27: the set view, its slides, the sets on the
/// device, exports and reading them back, about 25 KB) and the style rules the first view
/// no longer carries (`assets/full.css`, about 1 KB).
const FULL_BUDGET: u32 = 475_000;

impl Module {
    /// The module's build.
    pub fn build(self) -> &'static Build {
        BUILDS
            .iter()
            .find(|b| b.module == self)
            .expect("every module is in BUILDS")
    }
}

/// The table as JSON for the build scripts: the builds, and what only the full app
/// serves (the paths of its routes and the URL keys that need it).
pub fn manifest() -> String {
    use crate::url::{Route, FULL_ONLY_KEYS};
    let builds: Vec<serde_json::Value> = BUILDS
        .iter()
        .map(|b| {
            serde_json::json!({
                "role": b.role,
                "name": b.name,
                "package": b.package,
                "bin": b.bin,
                "defaultFeatures": b.default_features,
                "byTrunk": b.by_trunk,
                "atInstall": b.at_install,
                "budget": b.budget,
            })
        })
        .collect();
    let full_only: Vec<&str> = Route::PAGES
        .iter()
        .filter(|route| route.module() == Module::Full)
        .map(Route::path)
        .collect();
    serde_json::json!({
        "builds": builds,
        "fullOnly": { "paths": full_only, "keys": FULL_ONLY_KEYS },
    })
    .to_string()
}
