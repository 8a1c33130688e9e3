//! ## What it does
//! Reports each entry of a `config.json` `dependencies` list that V2 does not provide
//! (`manual`, at the entry's line and column), naming the V2 replacement where there is a known
//! one: `lodash` → `es-toolkit` (its `es-toolkit/compat` module is lodash-compatible),
//! `lp-faas-toolbelt` → `core-functions-toolbelt`, `jsforce` → `@jsforce/jsforce-node`,
//! `request`/`request-promise` → the global `fetch`. It changes nothing.
//!
//! Entries may be package names (`"lodash"`), names with a version (`"lodash@4.17.21"`,
//! `"@scope/pkg@1.0.0"`), objects with a `name` (`{ "name": "lodash", "version": "4.17.21" }`),
//! or the keys of an object (`{ "lodash": "4.17.21" }`).
//!
//! ## Why V2 needs it
//! A V2 function can only import what the platform provides: `core-functions-toolbelt`,
//! `es-toolkit`, `luxon`, `jsonwebtoken`, `@jsforce/jsforce-node` and `oauth-1.0a`. lodash, which
//! V1 provided, is gone. The code that imports a missing package fails when the function loads,
//! so each one needs a replacement before the migration. The list is `rules/dependencies.toml`.
//!
//! ## Example
//! ```json
//!   "dependencies": ["lodash", "luxon"]
//! ```
//! gives `config.json:7:20: config-dependencies [manual] `lodash` is not provided in V2: use
//! `es-toolkit` (its `es-toolkit/compat` module is lodash-compatible) and change the code that
//! imports it`; `luxon` is provided.
//!
//! ## Limits
//! Versions are not compared: a provided package is accepted at any version. Node's built-in
//! modules are not expected in the list and are reported like any other package. JSON has no
//! comments, so there is no `// TODO` marker: the findings fail `--check` until the list changes
//! (or the rule is left out with `--ignore config-dependencies`). The code itself is not
//! checked here.

use super::{Check, ProjectContext, RuleInfo};
use crate::finding::FixClass;
use crate::project::json::{self, Kind, Value};
use crate::project::ProjectFile;
use crate::tables;
use std::ops::Range;

pub(super) const INFO: RuleInfo = RuleInfo {
    name: "config-dependencies",
    class: FixClass::Manual,
    summary: "dependencies that V2 does not provide (lodash, ...) are reported, with the replacement",
    applies: |source| json::may_have_key(source, "dependencies"),
    check: Check::Project(ProjectFile::Config, check),
    after: &[],
    source: include_str!("config_dependencies.rs"),
};

fn check(cx: &mut ProjectContext) {
    let root = cx.root;
    let Some(list) = root.member("dependencies") else {
        return;
    };
    let packages: Vec<(Option<String>, Range<usize>)> = match &list.value.kind {
        Kind::Array(items) => items.iter().map(|item| (entry_name(item), item.range.clone())).collect(),
        Kind::Object(members) => members
            .iter()
            .map(|m| (Some(m.key.clone()), m.key_range.clone()))
            .collect(),
        Kind::Null => return,
        _ => {
            cx.report(
                list.value.range.clone(),
                FixClass::Manual,
                format!(
                    "`dependencies` is {}, not a list of packages: check what the function needs by hand",
                    list.value.describe()
                ),
            );
            return;
        }
    };
    let table = tables::dependencies();
    for (name, range) in packages {
        let Some(name) = name else {
            cx.report(
                range,
                FixClass::Manual,
                "this entry names no package: check by hand whether V2 provides what it stands for",
            );
            continue;
        };
        if name.is_empty() || table.is_provided(&name) {
            continue;
        }
        let instead = match table.replacement(&name) {
            Some(with) => format!("use {with} and change the code that imports it"),
            None => format!(
                "V2 provides {}; change the code that imports it",
                table.provided.join(", ")
            ),
        };
        cx.report(
            range,
            FixClass::Manual,
            format!("`{name}` is not provided in V2: {instead}"),
        );
    }
}

/// The package an entry names: `"name"`, `"name@version"`, or `{ "name": … }`.
fn entry_name(item: &Value) -> Option<String> {
    let spec = match &item.kind {
        Kind::String(s) => s.as_str(),
        Kind::Object(_) => item.member("name")?.value.as_str()?,
        _ => return None,
    };
    Some(package_name(spec.trim()).to_string())
}

/// `lodash@4.17.21` → `lodash`, `@scope/pkg@1.0.0` → `@scope/pkg`.
fn package_name(spec: &str) -> &str {
    let version_at = match spec.strip_prefix('@') {
        Some(rest) => rest.find('@').map(|i| i + 1),
        None => spec.find('@'),
    };
    match version_at {
        Some(at) => &spec[..at],
        None => spec,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_are_cut_off() {
        assert_eq!(package_name("lodash"), "lodash");
        assert_eq!(package_name("lodash@4.17.21"), "lodash");
        assert_eq!(package_name("@jsforce/jsforce-node"), "@jsforce/jsforce-node");
        assert_eq!(package_name("@jsforce/jsforce-node@3.1.0"), "@jsforce/jsforce-node");
    }
}
