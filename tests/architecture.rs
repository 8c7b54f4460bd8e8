//! The core points one way: each module of `src/core` uses only the modules that
//! ARCHITECTURE.md's table "Core dependencies" allows it, so no cycle (and no back-edge
//! such as `corpus` calling `validate`) can come back unnoticed. Unit tests inside a
//! module (`#[cfg(test)]`) may use anything.

use std::collections::{BTreeMap, BTreeSet};

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

/// The core modules a source file uses outside its unit tests and comments.
fn uses(source: &str) -> BTreeSet<String> {
    let code = source.split("#[cfg(test)]").next().unwrap_or("");
    let mut found = BTreeSet::new();
    for line in code.lines().filter(|l| !l.trim_start().starts_with("//")) {
        for prefix in ["super::", "crate::core::"] {
            for (at, _) in line.match_indices(prefix) {
                let rest = &line[at + prefix.len()..];
                // `super::{a::X, b}` names several modules at once.
                let names: Vec<&str> = match rest.strip_prefix('{') {
                    Some(group) => group.split('}').next().unwrap_or("").split(',').collect(),
                    None => vec![rest],
                };
                for name in names {
                    let name: String = name
                        .trim()
                        .chars()
                        .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                        .collect();
                    if !name.is_empty() && name != "super" {
                        found.insert(name);
                    }
                }
            }
        }
    }
    found
}

/// Every module of `src/core` with its source: a file directly under it, with the files of
/// its sub-modules (`chart/draw.rs`) added, whose `super::` is the module itself and so
/// is dropped there (their `crate::core::` uses still count).
fn modules() -> BTreeMap<String, String> {
    let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src/core"));
    let mut modules = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let Some(name) = path
            .file_stem()
            .and_then(|n| n.to_str())
            .map(str::to_string)
        else {
            continue;
        };
        if path.extension().is_none_or(|e| e != "rs") || name == "mod" {
            continue;
        }
        let mut source = std::fs::read_to_string(&path).unwrap();
        if let Ok(children) = std::fs::read_dir(dir.join(&name)) {
            for child in children {
                let child = std::fs::read_to_string(child.unwrap().path()).unwrap();
                let own = child.split("#[cfg(test)]").next().unwrap_or("");
                source.push_str(&own.replace("super::", ""));
            }
        }
        modules.insert(name, source);
    }
    modules
}

/// The uses that `allowed` does not permit, as "module uses other" lines.
fn violations(
    modules: &BTreeMap<String, String>,
    allowed: &BTreeMap<String, BTreeSet<String>>,
) -> Vec<String> {
    let mut wrong = Vec::new();
    for (module, source) in modules {
        let Some(permitted) = allowed.get(module) else {
            wrong.push(format!("{module} is not in ARCHITECTURE.md's table"));
            continue;
        };
        for used in uses(source) {
            if used != *module && modules.contains_key(&used) && !permitted.contains(&used) {
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
    let wrong = violations(&modules(), &allowed());
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

#[test]
fn a_back_edge_is_caught() {
    // The check itself: a corpus.rs that calls validate (the cycle this table removed).
    let mut modules = modules();
    modules
        .get_mut("corpus")
        .unwrap()
        .insert_str(0, "use super::validate::check;\n");
    assert_eq!(
        violations(&modules, &allowed()),
        ["corpus uses validate, which the table does not allow"]
    );
    let grouped = uses("use super::{query::Explorer, url::View};\nfn f() {}\n");
    assert_eq!(
        grouped,
        BTreeSet::from(["query".to_string(), "url".to_string()])
    );
}
