//! The build table: each Wasm module the app ships, how Cargo builds it, and when the page
//! loads it. Declared here once; `.ci/post-build.sh` builds from it, `.ci/finalize.mjs`
//! writes it into the loader (`assets/loader.js`), the corpus worker and the service worker,
//! and `.ci/sizes.sh` checks each module's budget by it (all three read [`manifest`],
//! printed by `cargo run -p messages-explorer-core --example build-table`). Which module
//! starts for which route is [`crate::url::Route::module`]; which URL keys need the full app,
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
    /// Whether the package's default features are on (off: the first view, the set view and
    /// the charts view, without `full`).
    pub default_features: bool,
    /// The package's features turned on besides (comma-separated; empty for none): the
    /// app's parts that such a build carries (`explore`, `sets`, `charts`).
    pub features: &'static str,
    /// Built by Trunk itself (the `data-bin` of index.html); the others by the post-build
    /// hook.
    pub by_trunk: bool,
    /// When the service worker keeps it for use offline.
    pub kept: Kept,
    /// Its budget: the most gzip bytes a reader downloads to see its first view with it
    /// (index.html, the loader, the style sheet, the icon, its glue and its Wasm), or
    /// `None` for the corpus reader, which no view waits for.
    pub budget: Option<u32>,
}

/// When the service worker keeps a module (`sw.js`'s lists, written by `.ci/finalize.mjs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kept {
    /// When it installs: the first view needs it.
    AtInstall,
    /// Once the page is idle after its first view (unless the reader's browser asks to save
    /// data): every view works offline after one visit.
    WhenIdle,
    /// Only once a reader has used it: too large to fetch for every visitor.
    WhenUsed,
}

impl Kept {
    /// Its name in the manifest.
    fn name(self) -> &'static str {
        match self {
            Kept::AtInstall => "install",
            Kept::WhenIdle => "idle",
            Kept::WhenUsed => "use",
        }
    }
}

/// Every module, in build order.
pub const BUILDS: [Build; 6] = [
    Build {
        module: Module::FirstView,
        role: "first",
        name: "first-view",
        package: "messages-explorer",
        bin: Some("first-view"),
        default_features: false,
        features: "explore",
        by_trunk: false,
        kept: Kept::AtInstall,
        budget: Some(FIRST_VIEW_BUDGET),
    },
    Build {
        module: Module::Sets,
        role: "sets",
        name: "set-view",
        package: "messages-explorer",
        bin: Some("set-view"),
        default_features: false,
        features: "sets",
        by_trunk: false,
        kept: Kept::WhenIdle,
        // A set's link opens no slower than a search link (issue 27): no more bytes.
        budget: Some(FIRST_VIEW_BUDGET),
    },
    Build {
        module: Module::Charts,
        role: "charts",
        name: "charts-view",
        package: "messages-explorer",
        bin: Some("charts-view"),
        default_features: false,
        features: "charts",
        by_trunk: false,
        kept: Kept::WhenIdle,
        budget: Some(CHARTS_VIEW_BUDGET),
    },
    Build {
        module: Module::Full,
        role: "full",
        name: "messages-explorer",
        package: "messages-explorer",
        bin: Some("messages-explorer"),
        default_features: true,
        features: "",
        by_trunk: true,
        kept: Kept::WhenIdle,
        budget: Some(FULL_BUDGET),
    },
    Build {
        module: Module::Reader,
        role: "reader",
        name: "corpus-reader",
        package: "messages-explorer-reader",
        bin: None,
        default_features: true,
        features: "",
        by_trunk: false,
        kept: Kept::WhenIdle,
        budget: None,
    },
    Build {
        module: Module::Cite,
        role: "cite",
        name: "citer",
        package: "messages-explorer-cite",
        bin: None,
        default_features: true,
        features: "",
        by_trunk: false,
        // About 775 KB gzip (the CSL processor's collation tables), for the Cite view on a
        // reader's own corpus only.
        kept: Kept::WhenUsed,
        budget: None,
    },
];

/// The first view's budget (the product's: a phone's first view of at most 250,000 gzip
/// bytes).
const FIRST_VIEW_BUDGET: u32 = 250_000;

/// The charts view's budget: its size when first built, on 2026-12-03 (329,391 gzip bytes
/// with the page: Compare, Charts, plotters' SVG backend, the float formatting they need
/// and the full app's view rules, about 118 KB gzip of Wasm beyond the app shell that the
/// first view carries besides Explore), plus 1.7 %.
/// It is what lets a Charts link meet its 3.5 s target on the phone profile (the full app,
/// 473 KB, did not; BENCHMARKS.md, "On a phone").
const CHARTS_VIEW_BUDGET: u32 = 335_000;

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

/// The table as JSON for the build scripts: the builds (each with the paths of the routes
/// the page starts it for), and what only the full app serves (the paths of its routes and
/// the URL keys that need it).
pub fn manifest() -> String {
    use crate::url::{Route, FULL_ONLY_KEYS};
    let paths = |module: Module| -> Vec<&str> {
        Route::PAGES
            .iter()
            .filter(|route| route.module() == module)
            .map(Route::path)
            .collect()
    };
    let builds: Vec<serde_json::Value> = BUILDS
        .iter()
        .map(|b| {
            serde_json::json!({
                "role": b.role,
                "name": b.name,
                "package": b.package,
                "bin": b.bin,
                "defaultFeatures": b.default_features,
                "features": b.features,
                "starts": paths(b.module),
                "byTrunk": b.by_trunk,
                "kept": b.kept.name(),
                "budget": b.budget,
            })
        })
        .collect();
    serde_json::json!({
        "builds": builds,
        "fullOnly": { "paths": paths(Module::Full), "keys": FULL_ONLY_KEYS },
    })
    .to_string()
}
