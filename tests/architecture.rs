//! The layers the compiler cannot check. Crates already keep the core free of the browser
//! (`crates/core/Cargo.toml` names no browser crate, checked here, so no use of one can
//! compile) and keep the Markdown reader out of the app (the core's `markdown` feature);
//! what is left is read from the sources with `syn`, as the compiler reads them:
//! - the core points one way: each module of the core (`crates/core/src`) uses only the modules that
//!   ARCHITECTURE.md's table "Core dependencies" allows it, so no cycle (and no back-edge
//!   such as `corpus` calling `validate`) can come back unnoticed;
//! - the UI reaches the browser only through `ui::browser`: no other file of `src/ui`
//!   names web-sys, gloo, js-sys or wasm-bindgen.
//!
//! Unit tests (`#[cfg(test)]` items) may use anything.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use syn::visit::Visit;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
/// The crates that only the browser has, by the names code uses them under.
const BROWSER_CRATES: [&str; 6] = [
    "yew",
    "web_sys",
    "gloo",
    "js_sys",
    "wasm_bindgen",
    "wasm_bindgen_futures",
];

/// The allowed uses per module, read from ARCHITECTURE.md: rows `| name | a, b |` of the
/// table under "## Core dependencies" (`—` for none).
fn allowed() -> BTreeMap<String, BTreeSet<String>> {
    let doc = include_str!("../ARCHITECTURE.md");
    let table = doc
        .split("## Core dependencies")
        .nth(1)
        .expect("ARCHITECTURE.md has a section \"Core dependencies\"");
    table
        .lines()
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .filter_map(|row| {
            let cells: Vec<&str> = row.trim_matches('|').split('|').map(str::trim).collect();
            let module = cells.first()?.trim_matches('`');
            if module.is_empty() || module == "module" || module.starts_with("---") {
                return None;
            }
            let uses = cells
                .get(1)?
                .split(',')
                .map(|u| u.trim().trim_matches('`').to_string())
                .filter(|u| !u.is_empty() && u != "—")
                .collect();
            Some((module.to_string(), uses))
        })
        .collect()
}

/// Every path a source file names outside its `#[cfg(test)]` items, as segments: `use`
/// trees expanded (`use crate::{a::X, b}` gives `crate a X` and `crate b`), and paths in
/// types, expressions, patterns and attributes.
#[derive(Default)]
struct Paths(Vec<Vec<String>>);

/// Whether an item is compiled for tests only: `#[cfg(test)]`, or `test` in `all(…)`.
fn is_test_only(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|attr| match &attr.meta {
        syn::Meta::List(list) if list.path.is_ident("cfg") => {
            let condition = list.tokens.to_string();
            condition == "test" || (condition.starts_with("all") && condition.contains("test"))
        }
        _ => false,
    })
}

fn expand(tree: &syn::UseTree, prefix: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    match tree {
        syn::UseTree::Path(path) => {
            prefix.push(path.ident.to_string());
            expand(&path.tree, prefix, out);
            prefix.pop();
        }
        syn::UseTree::Name(name) => {
            out.push([prefix.clone(), vec![name.ident.to_string()]].concat())
        }
        syn::UseTree::Rename(name) => {
            out.push([prefix.clone(), vec![name.ident.to_string()]].concat())
        }
        syn::UseTree::Glob(_) => out.push([prefix.clone(), vec!["*".into()]].concat()),
        syn::UseTree::Group(group) => {
            for tree in &group.items {
                expand(tree, prefix, out);
            }
        }
    }
}

impl<'ast> Visit<'ast> for Paths {
    fn visit_item(&mut self, item: &'ast syn::Item) {
        let attrs = match item {
            syn::Item::Const(i) => &i.attrs,
            syn::Item::Enum(i) => &i.attrs,
            syn::Item::Fn(i) => &i.attrs,
            syn::Item::Impl(i) => &i.attrs,
            syn::Item::Mod(i) => &i.attrs,
            syn::Item::Static(i) => &i.attrs,
            syn::Item::Struct(i) => &i.attrs,
            syn::Item::Trait(i) => &i.attrs,
            syn::Item::Type(i) => &i.attrs,
            syn::Item::Use(i) => &i.attrs,
            syn::Item::Macro(i) => &i.attrs,
            _ => return syn::visit::visit_item(self, item),
        };
        if !is_test_only(attrs) {
            syn::visit::visit_item(self, item);
        }
    }

    fn visit_impl_item_fn(&mut self, item: &'ast syn::ImplItemFn) {
        if !is_test_only(&item.attrs) {
            syn::visit::visit_impl_item_fn(self, item);
        }
    }

    fn visit_item_use(&mut self, item: &'ast syn::ItemUse) {
        expand(&item.tree, &mut Vec::new(), &mut self.0);
    }

    fn visit_path(&mut self, path: &'ast syn::Path) {
        self.0
            .push(path.segments.iter().map(|s| s.ident.to_string()).collect());
        syn::visit::visit_path(self, path);
    }
}

fn paths_of(file: &Path) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(file).unwrap();
    let parsed = syn::parse_file(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    let mut paths = Paths::default();
    paths.visit_file(&parsed);
    paths.0
}

/// The `.rs` files under a folder, at any depth.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files.sort();
    files
}

/// The core modules a file's paths name. `depth` is how far below the crate root the
/// file's module is (1 for `crates/core/src/url.rs`, 2 for `crates/core/src/chart/draw.rs`), so that
/// `super::` resolves: from `chart/draw.rs`, `super::x` is chart's own item, and
/// `super::super::x` or `crate::x` the module `x`.
fn core_uses(paths: &[Vec<String>], depth: usize) -> BTreeSet<String> {
    paths
        .iter()
        .filter_map(|path| {
            let supers = path.iter().take_while(|s| *s == "super").count();
            let rest = if path.first().is_some_and(|s| s == "crate") {
                &path[1..]
            } else if supers == depth {
                &path[supers..]
            } else {
                return None;
            };
            rest.first().cloned()
        })
        .collect()
}

/// Every module of the core with the core modules it uses (its sub-modules' files
/// counted as its own).
fn core_modules() -> BTreeMap<String, BTreeSet<String>> {
    let dir = Path::new(ROOT).join("crates/core/src");
    let mut modules: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in rust_files(&dir) {
        let relative = file.strip_prefix(&dir).unwrap();
        let parts: Vec<String> = relative
            .iter()
            .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
            .collect();
        let module = parts[0].clone();
        if ["lib", "build", "examples", "snapshots"].contains(&module.as_str()) {
            continue;
        }
        let uses = core_uses(&paths_of(&file), parts.len());
        modules.entry(module).or_default().extend(uses);
    }
    modules
}

/// The uses that `allowed` does not permit, as "module uses other" lines.
fn violations(
    modules: &BTreeMap<String, BTreeSet<String>>,
    allowed: &BTreeMap<String, BTreeSet<String>>,
) -> Vec<String> {
    let mut wrong = Vec::new();
    for (module, uses) in modules {
        let Some(permitted) = allowed.get(module) else {
            wrong.push(format!("{module} is not in ARCHITECTURE.md's table"));
            continue;
        };
        for used in uses {
            if used != module && modules.contains_key(used) && !permitted.contains(used) {
                wrong.push(format!(
                    "{module} uses {used}, which the table does not allow"
                ));
            }
        }
    }
    wrong
}

#[test]
fn every_core_module_uses_only_what_architecture_md_allows() {
    let wrong = violations(&core_modules(), &allowed());
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_allowed_uses_have_no_cycle() {
    let allowed = allowed();
    // Depth-first search for a path back to the start.
    fn reaches(
        from: &str,
        target: &str,
        allowed: &BTreeMap<String, BTreeSet<String>>,
        seen: &mut BTreeSet<String>,
    ) -> bool {
        allowed.get(from).into_iter().flatten().any(|next| {
            next == target || (seen.insert(next.clone()) && reaches(next, target, allowed, seen))
        })
    }
    for module in allowed.keys() {
        assert!(
            !reaches(module, module, &allowed, &mut BTreeSet::new()),
            "{module} reaches itself through the allowed uses"
        );
    }
}

/// The paths of a source text (for the checks' own tests).
fn paths_in(text: &str) -> Vec<Vec<String>> {
    let mut paths = Paths::default();
    paths.visit_file(&syn::parse_file(text).unwrap());
    paths.0
}

#[test]
fn a_back_edge_is_caught_however_it_is_written() {
    // The check itself: a corpus.rs that calls validate (the cycle this table removed),
    // written each way the old text scanner missed.
    for source in [
        "use super::validate::check;",
        "use crate::{\n    validate::{check, Problem},\n};",
        "fn f() { let _ = crate::validate::check; }",
        "use std::fmt;\n#[cfg(test)]\nmod tests {}\nfn g() -> super::validate::Problem { todo!() }",
    ] {
        let mut modules = core_modules();
        let uses = core_uses(&paths_in(source), 1);
        modules.get_mut("corpus").unwrap().extend(uses);
        assert_eq!(
            violations(&modules, &allowed()),
            ["corpus uses validate, which the table does not allow"],
            "{source}"
        );
    }
    // Unit tests may use anything; a sub-module's `super::` is its own module.
    let test_only = "#[cfg(test)]\nmod tests { use crate::validate::check; }";
    assert!(core_uses(&paths_in(test_only), 1).is_empty());
    assert!(core_uses(&paths_in("use super::Point;"), 2).is_empty());
    assert_eq!(
        core_uses(&paths_in("use super::super::text::fold;"), 2),
        BTreeSet::from(["text".to_string()])
    );
}

/// The names of the dependencies a Cargo.toml declares, in every dependency table.
fn dependencies(manifest: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let mut in_table = false;
    for line in manifest.lines().map(str::trim) {
        if line.starts_with('[') {
            in_table = line.trim_matches(['[', ']']).ends_with("dependencies");
        } else if in_table && !line.starts_with('#') {
            if let Some((name, _)) = line.split_once('=') {
                names.insert(name.trim().replace('-', "_"));
            }
        }
    }
    names
}

#[test]
fn the_core_crate_depends_on_no_browser_crate() {
    let manifest = std::fs::read_to_string(Path::new(ROOT).join("crates/core/Cargo.toml")).unwrap();
    let deps = dependencies(&manifest);
    assert!(deps.contains("serde"), "the manifest was read: {deps:?}");
    let browser: Vec<_> = BROWSER_CRATES
        .iter()
        .filter(|c| deps.contains(**c))
        .collect();
    assert!(
        browser.is_empty(),
        "crates/core/Cargo.toml names {browser:?}"
    );
    // The Markdown parser is optional, behind the `markdown` feature that only the corpus
    // reader turns on.
    assert!(manifest.contains(
        "pulldown-cmark = { version = \"0.13.6\", default-features = false, optional = true }"
    ));
    let app = std::fs::read_to_string(Path::new(ROOT).join("Cargo.toml")).unwrap();
    let normal = app.split("[dev-dependencies]").next().unwrap();
    assert!(normal.contains("messages-explorer-core = { path = \"crates/core\" }"));
    assert!(!normal.contains("pulldown"));
}

/// The files of `src/ui` other than `browser.rs` that name a browser crate, with the path.
fn browser_calls_outside_browser_rs() -> Vec<String> {
    let dir = Path::new(ROOT).join("src/ui");
    let mut found = Vec::new();
    for file in rust_files(&dir) {
        if file.ends_with("browser.rs") {
            continue;
        }
        for path in paths_of(&file) {
            if path
                .first()
                .is_some_and(|first| BROWSER_CRATES[1..].contains(&first.as_str()))
            {
                found.push(format!(
                    "{}: {}",
                    file.strip_prefix(ROOT).unwrap().display(),
                    path.join("::")
                ));
            }
        }
    }
    found
}

#[test]
fn the_ui_reaches_the_browser_only_through_ui_browser() {
    let found = browser_calls_outside_browser_rs();
    assert!(found.is_empty(), "{}", found.join("\n"));
    // The check itself.
    let caught = paths_in("fn f() { let w = gloo::utils::window(); }");
    assert_eq!(caught[0], ["gloo", "utils", "window"]);
}

/// The scripts of the build and of the page, which read the build table rather than
/// repeat it.
const TABLE_READERS: [&str; 6] = [
    ".ci/post-build.sh",
    ".ci/finalize.mjs",
    ".ci/sizes.sh",
    "assets/loader.js",
    "assets/corpus-worker.js",
    "assets/sw.js",
];

/// What a script repeats of the build table: a module's files or name, a route or a URL
/// key listed as the loader's old pattern did.
fn copies_of_the_table(text: &str) -> Vec<String> {
    use messages_explorer::core::builds::BUILDS;
    use messages_explorer::core::url::{Route, FULL_ONLY_KEYS};
    let mut found = Vec::new();
    for build in &BUILDS {
        for file in [format!("{}.js", build.name), format!("{}_bg", build.name)] {
            if text.contains(&file) {
                found.push(file);
            }
        }
        // (The full app's name is also the app's, in storage keys and the policy name.)
        if build.name != "messages-explorer" && text.contains(build.name) {
            found.push(build.name.to_string());
        }
    }
    for route in Route::PAGES {
        for listed in [format!("{}|", route.path()), format!("|{}", route.path())] {
            if text.contains(&listed) {
                found.push(listed);
            }
        }
    }
    for key in FULL_ONLY_KEYS {
        for listed in [format!("({key}|"), format!("|{key})")] {
            if text.contains(&listed) {
                found.push(listed);
            }
        }
    }
    found
}

#[test]
fn builds_and_routes_are_declared_once() {
    use messages_explorer::core::builds::{Module, BUILDS};
    let read = |path: &str| std::fs::read_to_string(Path::new(ROOT).join(path)).unwrap();
    // No script names a module's files or a route: each reads them from the table, so none
    // can disagree with it.
    for script in TABLE_READERS {
        let copies = copies_of_the_table(&read(script));
        assert!(
            copies.is_empty(),
            "{script} repeats the build table: {copies:?}"
        );
    }
    // The table agrees with the Cargo manifests and with index.html.
    let index = read("index.html");
    for build in &BUILDS {
        let manifest = match build.package {
            "messages-explorer" => read("Cargo.toml"),
            "messages-explorer-reader" => read("crates/reader/Cargo.toml"),
            "messages-explorer-cite" => read("crates/cite/Cargo.toml"),
            other => panic!("the table names an unknown package {other}"),
        };
        assert!(manifest.contains(&format!("name = \"{}\"", build.package)));
        match build.bin {
            Some(bin) => assert!(
                manifest.contains(&format!("[[bin]]\nname = \"{bin}\"")),
                "{} has no binary {bin}",
                build.package
            ),
            None => assert!(
                manifest.contains("crate-type = [\"cdylib\""),
                "{} is no cdylib",
                build.package
            ),
        }
        assert_eq!(
            index.contains(&format!("data-bin=\"{}\"", build.bin.unwrap_or("-"))),
            build.by_trunk,
            "index.html's data-bin and the table's by_trunk for {}",
            build.name
        );
        if !build.default_features {
            assert!(manifest.contains("default = [\"full\"]"));
        }
        for feature in build.features.split(',').filter(|f| !f.is_empty()) {
            assert!(
                manifest.contains(&format!("\n{feature} = [")),
                "{} has no feature {feature}",
                build.package
            );
        }
    }
    // Each module is built once; the first view is what the service worker keeps at install.
    assert_eq!(BUILDS.iter().filter(|b| b.by_trunk).count(), 1);
    use messages_explorer::core::builds::Kept;
    assert_eq!(Module::FirstView.build().kept, Kept::AtInstall);
    for module in [Module::Sets, Module::Charts, Module::Full, Module::Reader] {
        assert_eq!(module.build().kept, Kept::WhenIdle);
    }
    assert_eq!(Module::Cite.build().kept, Kept::WhenUsed);
}

#[test]
fn the_check_of_the_scripts_catches_a_copy() {
    // The check itself, on what the loader and the corpus worker wrote before the table.
    let old = "const BUILDS = { 'first-view': { glue: './first-view.js' } };\n\
        const FULL_ONLY = /^#\\/(compare|charts|present|about|load)(?:[/?]|$)|[?&](corpus|like)=/;\n\
        const WASM = './corpus-reader_bg.wasm';";
    let copies = copies_of_the_table(old);
    for expected in [
        "first-view.js",
        "first-view",
        "compare|",
        "|load",
        "(corpus|",
        "|like)",
        "corpus-reader_bg",
    ] {
        assert!(
            copies.iter().any(|c| c == expected),
            "{expected} not caught: {copies:?}"
        );
    }
}
