// The data tables under `rules/` and the rule registry are well formed.

use crate::project::ProjectFile;
use crate::rules::{Check, RULES};
use crate::tables;
use crate::FixClass;
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
fn event_table_is_consistent() {
    let events = tables::events();
    assert!(!events.chat_events.is_empty());
    for name in events.chat_events.iter().chain(&events.chat_prefixes) {
        assert!(!name.trim().is_empty(), "{name:?}");
    }
    for prefix in &events.chat_prefixes {
        assert!(prefix.ends_with(' '), "{prefix:?} must end with a space");
    }
    for name in &events.chat_events {
        assert!(events.is_chat(name), "{name}");
    }
    assert!(events.is_chat("Chat Post Survey"));
    assert!(events.is_chat("chat_post_survey"));
    assert!(!events.is_chat("No Event"));
    assert!(!events.is_chat("Messaging Conversation End"));
    assert!(!events.is_chat("Chatbot Handoff"));
}

fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_package_name(name: &str) -> bool {
    let bare = match name.strip_prefix('@') {
        Some(scoped) => match scoped.split_once('/') {
            Some((scope, package)) if !scope.is_empty() => package,
            _ => return false,
        },
        None => name,
    };
    !bare.is_empty()
        && bare
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-._".contains(c))
}

#[test]
fn dependency_table_is_consistent() {
    let deps = tables::dependencies();
    let mut seen = HashSet::new();
    for name in &deps.provided {
        assert!(is_package_name(name), "{name}");
        assert!(seen.insert(name), "{name} listed twice");
    }
    let mut replaced = HashSet::new();
    for r in &deps.replace {
        assert!(is_package_name(&r.v1), "{r:?}");
        assert!(replaced.insert(&r.v1), "{} replaced twice", r.v1);
        assert!(
            !deps.is_provided(&r.v1),
            "{} is provided, it needs no replacement",
            r.v1
        );
        assert!(
            r.with.contains('`'),
            "{r:?}: name the replacement in backticks"
        );
    }
    for provided in [
        "core-functions-toolbelt",
        "es-toolkit",
        "luxon",
        "jsonwebtoken",
        "@jsforce/jsforce-node",
        "oauth-1.0a",
    ] {
        assert!(deps.is_provided(provided), "{provided}");
    }
    assert!(!deps.is_provided("lodash"));
    assert!(deps.replacement("lodash").unwrap().contains("es-toolkit"));
}

#[test]
fn secret_table_is_consistent() {
    let secrets = tables::secrets();
    assert!(!secrets.reserved_prefixes.is_empty());
    for prefix in &secrets.reserved_prefixes {
        assert!(prefix.ends_with('_') && is_env_name(prefix), "{prefix}");
    }
    for name in &secrets.unavailable {
        assert!(!name.is_empty() && !name.contains(' '), "{name}");
        assert!(secrets.problem(name).is_some());
    }
    assert!(secrets.problem("LIVEPERSON_DEFAULT_APP_KEY").is_some());
    assert!(secrets.problem("lp-faas-default-app-key").is_some());
    assert!(secrets.problem("crm-access-token").is_none());
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
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                && rule.name.starts_with(|c: char| c.is_ascii_lowercase()),
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
        if let Check::Project(file, _) = rule.check {
            let prefix = match file {
                ProjectFile::Config => "config-",
                ProjectFile::Settings => "settings-",
            };
            assert!(
                rule.name.starts_with(prefix),
                "{} reads {} and must be named {prefix}*",
                rule.name,
                file.file_name()
            );
            assert!(
                words(&doc).contains("JSON has no comments") || rule.class == FixClass::Auto,
                "{} reports findings in JSON: its doc must say how (no markers)",
                rule.name
            );
        }
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

fn is_camel_case(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_lowercase())
        && name.chars().all(|c| c.is_ascii_alphanumeric())
}

#[test]
fn csds_table_is_consistent() {
    let csds = tables::csds();
    assert!(!csds.host.is_empty() && !csds.csds_hosts.is_empty());
    let mut seen = HashSet::new();
    for h in &csds.host {
        assert!(seen.insert(&h.pattern), "{} listed twice", h.pattern);
        assert!(h.pattern.ends_with(".liveperson.net"), "{h:?}");
        let host = h.pattern.strip_prefix("*.").unwrap_or(&h.pattern);
        assert!(
            host.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '-'),
            "{h:?}"
        );
        assert!(is_camel_case(&h.service), "{h:?}");
        // The pattern resolves to its own service.
        let example = h.pattern.replace("*.", "va.");
        assert_eq!(csds.service(&example), Some(h.service.as_str()), "{h:?}");
    }
    for host in &csds.csds_hosts {
        assert!(csds.is_csds(host));
        assert_eq!(
            csds.service(host),
            None,
            "{host} is the CSDS, not a service"
        );
    }
    assert_eq!(csds.service("va.agentvep.liveperson.net"), Some("agentVep"));
    assert_eq!(
        csds.service("z1.context.liveperson.net"),
        Some("mavenContext")
    );
}

#[test]
fn toolbelt_table_is_consistent() {
    use crate::tables::ApiStatus;
    let toolbelt = tables::toolbelt();
    let mut seen = HashSet::new();
    for api in &toolbelt.api {
        assert!(seen.insert(&api.name), "{} listed twice", api.name);
        assert!(
            api.name.starts_with(|c: char| c.is_ascii_uppercase())
                && api.name.chars().all(|c| c.is_ascii_alphanumeric()),
            "{api:?}"
        );
        match api.status {
            ApiStatus::Available => assert!(
                api.alternative.is_none() && api.handled_by.is_none(),
                "{api:?}"
            ),
            ApiStatus::Deprecated | ApiStatus::Removed => {
                assert!(
                    api.alternative.as_deref().is_some_and(|a| !a.is_empty()),
                    "{api:?}"
                )
            }
        }
        if let Some(rule) = &api.handled_by {
            assert!(
                crate::rules::by_name(rule).is_some(),
                "{api:?}: no rule {rule}"
            );
        }
    }
    for name in [
        "LpClient",
        "CsdsClient",
        "SecretClient",
        "ContextServiceClient",
    ] {
        assert_eq!(
            toolbelt.get(name).map(|a| a.status),
            Some(ApiStatus::Available),
            "{name}"
        );
    }
    assert_eq!(
        toolbelt.get("HTTPClient").map(|a| a.status),
        Some(ApiStatus::Removed)
    );
    assert_eq!(
        toolbelt.get("Logger").map(|a| a.status),
        Some(ApiStatus::Removed)
    );
}

#[test]
fn es_toolkit_table_is_consistent() {
    let table = tables::es_toolkit();
    assert!(!table.version.is_empty());
    let mut sorted = table.members.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted, table.members, "members must be sorted and unique");
    for m in &table.members {
        assert!(
            m.starts_with(|c: char| c.is_ascii_lowercase())
                && m.chars().all(|c| c.is_ascii_alphanumeric()),
            "{m}"
        );
    }
    for m in &table.no_subpath {
        assert!(table.has(m) && !table.has_subpath(m), "{m}");
    }
    for m in [
        "get",
        "set",
        "merge",
        "cloneDeep",
        "pick",
        "omit",
        "isEmpty",
        "debounce",
    ] {
        assert!(table.has_subpath(m), "{m}");
    }
    for m in ["chain", "mixin", "VERSION"] {
        assert!(!table.has(m), "{m}");
    }
    assert_eq!(table.find_ignoring_case("clonedeep"), Some("cloneDeep"));
}

#[test]
fn platform_table_is_consistent() {
    let platform = tables::platform();
    let secrets = &platform.secrets;
    assert!(!secrets.unavailable.is_empty());
    for key in &secrets.unavailable {
        assert!(key.starts_with("lp-faas-"), "{key}");
    }
    assert!(is_env_name(&secrets.reserved_prefix) && secrets.reserved_prefix.ends_with('_'));
    assert_eq!(platform.logs.max_calls, 10);
    assert_eq!(platform.logs.max_chars, 16384);
    assert!(platform.logs.console_methods.iter().any(|m| m == "log"));
    assert!(platform.logs.loop_methods.iter().any(|m| m == "forEach"));
    let blocking = &platform.blocking;
    assert_eq!(blocking.sync_suffix, "Sync");
    let mut seen = HashSet::new();
    for alt in &blocking.alternative {
        assert!(seen.insert(&alt.name), "{} listed twice", alt.name);
        assert!(alt.name.ends_with(&blocking.sync_suffix), "{}", alt.name);
        assert!(!alt.instead.is_empty());
    }
    assert!(blocking.alternative("readFileSync").is_some());
}
