//! Data tables from `rules/*.toml`, embedded at build time.
//!
//! What the platform renames or reserves is data, not code: a new V2 rename is a new row in a
//! table. `tests/tables.rs` validates every table.

use serde::Deserialize;
use std::sync::OnceLock;

/// `rules/env.toml`: environment variables.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnvTable {
    /// V1 platform variables and their V2 names.
    pub rename: Vec<EnvRename>,
    /// Names set by the V2 platform that functions may read.
    pub platform: Vec<String>,
    /// Prefixes reserved in V2 (user variables may not use them).
    pub reserved_prefixes: Vec<String>,
    /// Names set by the V2 platform that cannot be overridden.
    pub reserved_names: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnvRename {
    pub v1: String,
    pub v2: String,
}

/// `rules/modules.toml`: modules whose name changes in V2, Node's built-in modules, and how
/// known packages load as ES modules.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModuleTable {
    pub rename: Vec<ModuleRename>,
    /// Node.js built-in modules, without the `node:` prefix.
    pub builtins: Vec<String>,
    pub package: Vec<Package>,
}

/// How Node's ES module loader sees a package.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Package {
    pub name: String,
    pub kind: PackageKind,
    /// What the user must know about the package in V2.
    pub note: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PackageKind {
    /// ES module exports: names import by name, the whole module as a namespace.
    Esm,
    /// CommonJS: only the default export (`module.exports`) is guaranteed.
    CommonJs,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModuleRename {
    pub v1: String,
    pub v2: String,
}

/// The raw text of every table, by file name.
pub const SOURCES: &[(&str, &str)] = &[
    ("env.toml", include_str!("../rules/env.toml")),
    ("modules.toml", include_str!("../rules/modules.toml")),
];

fn load<T: serde::de::DeserializeOwned>(name: &str) -> T {
    let text = SOURCES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, t)| *t)
        .unwrap_or_else(|| panic!("no table {name}"));
    toml::from_str(text).unwrap_or_else(|e| panic!("rules/{name} is invalid: {e}"))
}

pub fn env() -> &'static EnvTable {
    static TABLE: OnceLock<EnvTable> = OnceLock::new();
    TABLE.get_or_init(|| load("env.toml"))
}

pub fn modules() -> &'static ModuleTable {
    static TABLE: OnceLock<ModuleTable> = OnceLock::new();
    TABLE.get_or_init(|| load("modules.toml"))
}

impl EnvTable {
    /// The V2 name of a V1 platform variable.
    pub fn v2_name(&self, v1: &str) -> Option<&str> {
        self.rename
            .iter()
            .find(|r| r.v1 == v1)
            .map(|r| r.v2.as_str())
    }

    /// Why a user variable name is reserved in V2, if it is.
    pub fn reserved(&self, name: &str) -> Option<String> {
        if self.platform.iter().any(|p| p == name) || self.v2_name(name).is_some() {
            return None;
        }
        if self.reserved_names.iter().any(|n| n == name) {
            return Some(format!("`{name}` is reserved in V2 (the platform sets it)"));
        }
        self.reserved_prefixes
            .iter()
            .find(|p| name.starts_with(p.as_str()))
            .map(|p| format!("`{name}` uses the prefix `{p}`, reserved in V2"))
    }
}

impl ModuleTable {
    pub fn v2_name(&self, v1: &str) -> Option<&str> {
        self.rename
            .iter()
            .find(|r| r.v1 == v1)
            .map(|r| r.v2.as_str())
    }

    /// Whether `name` is a Node.js built-in module (`crypto`, `node:crypto`, `fs/promises`).
    pub fn is_builtin(&self, name: &str) -> bool {
        match name.strip_prefix("node:") {
            Some(rest) => !rest.is_empty(),
            None => self.builtins.iter().any(|b| b == name),
        }
    }

    /// What the table knows about a package (a package name or a path inside one).
    pub fn package(&self, name: &str) -> Option<&Package> {
        self.package.iter().find(|p| p.name == name)
    }
}
