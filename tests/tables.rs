//! The data tables under `rules/` and the rule registry are well formed.

use faas_migrate::rules::RULES;
use faas_migrate::tables;
use std::collections::HashSet;
use std::path::Path;

fn is_env_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with(|c: char| c.is_ascii_digit())
        && name
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
}

#[test]
fn env_table_is_consistent() {
    let env = tables::env();
    assert!(!env.rename.is_empty());
    let mut seen = HashSet::new();
    for r in &env.rename {
        assert!(is_env_name(&r.v1) && is_env_name(&r.v2), "{r:?}");
        assert!(seen.insert(&r.v1), "{} renamed twice", r.v1);
        assert!(
            env.platform.contains(&r.v2),
            "{} must be listed as a platform variable",
            r.v2
        );
        assert!(env.reserved(&r.v1).is_none() && env.reserved(&r.v2).is_none());
    }
    for name in env.platform.iter().chain(&env.reserved_names) {
        assert!(is_env_name(name), "{name}");
    }
    for prefix in &env.reserved_prefixes {
        assert!(prefix.ends_with('_') && is_env_name(prefix), "{prefix}");
    }
    assert!(env.reserved("PORT").is_some());
    assert!(env.reserved("X_GOOGLE_FOO").is_some());
    assert!(env.reserved("MY_VAR").is_none());
}

#[test]
fn module_table_is_consistent() {
    let modules = tables::modules();
    let mut seen = HashSet::new();
    for r in &modules.rename {
        assert!(
            !r.v1.is_empty() && !r.v2.is_empty() && r.v1 != r.v2,
            "{r:?}"
        );
        assert!(seen.insert(&r.v1), "{} renamed twice", r.v1);
    }
    assert_eq!(
        modules.v2_name("lp-faas-toolbelt"),
        Some("core-functions-toolbelt")
    );
    // A renamed module is a V2 package whose kind is known.
    for r in &modules.rename {
        assert!(
            modules.package(&r.v2).is_some(),
            "{} is not in [[package]]",
            r.v2
        );
    }

    let mut seen = HashSet::new();
    for name in &modules.builtins {
        assert!(seen.insert(name), "builtin {name} listed twice");
        assert!(
            !name.starts_with("node:") && !name.is_empty() && !name.ends_with('/'),
            "builtin {name:?}: list it without the `node:` prefix"
        );
    }
    for name in [
        "crypto",
        "fs",
        "fs/promises",
        "path",
        "util",
        "node:crypto",
        "node:test",
    ] {
        assert!(modules.is_builtin(name), "{name}");
    }
    assert!(!modules.is_builtin("lodash") && !modules.is_builtin("node:"));

    let mut seen = HashSet::new();
    for package in &modules.package {
        assert!(
            seen.insert(&package.name),
            "package {} listed twice",
            package.name
        );
        assert!(
            !package.name.starts_with('.') && !modules.is_builtin(&package.name),
            "{} is not a package",
            package.name
        );
        assert!(
            modules.v2_name(&package.name).is_none(),
            "{} is renamed in V2; list its V2 name",
            package.name
        );
        if let Some(note) = &package.note {
            assert!(
                !note.is_empty() && !note.contains('\n') && !note.contains("*/"),
                "{}: a note is one line of text",
                package.name
            );
        }
    }
    assert_eq!(
        modules.package("lodash").map(|p| p.kind),
        Some(tables::PackageKind::CommonJs)
    );
}

#[test]
fn every_table_file_is_embedded() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    let mut on_disk: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".toml"))
        .collect();
    on_disk.sort();
    let mut embedded: Vec<String> = tables::SOURCES.iter().map(|(n, _)| n.to_string()).collect();
    embedded.sort();
    assert_eq!(on_disk, embedded);
}

#[test]
fn every_rule_is_documented_and_has_fixtures() {
    let mut names = HashSet::new();
    for rule in RULES {
        assert!(names.insert(rule.name), "{} registered twice", rule.name);
        assert!(
            rule.name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '-'),
            "{} is not kebab-case",
            rule.name
        );
        let doc = rule.doc();
        for section in [
            "## What it does",
            "## Why V2 needs it",
            "## Example",
            "## Limits",
        ] {
            assert!(
                doc.contains(section),
                "{} has no `{section}` section",
                rule.name
            );
        }
        assert!(!rule.summary.is_empty());
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("snapshots")
            .join(rule.name);
        assert!(
            fixtures.is_dir(),
            "{} has no snapshots/{}/ folder",
            rule.name,
            rule.name
        );
    }
}
