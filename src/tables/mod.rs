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

/// `rules/events.toml`: event sources V2 no longer has.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventTable {
    /// The chat events V1 documented.
    pub chat_events: Vec<String>,
    /// Events starting with one of these are chat events too.
    pub chat_prefixes: Vec<String>,
}

/// `rules/dependencies.toml`: packages V2 provides.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DependencyTable {
    pub provided: Vec<String>,
    pub replace: Vec<DependencyReplacement>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DependencyReplacement {
    pub v1: String,
    /// What to use instead, completing "use …".
    pub with: String,
}

/// `rules/secrets.toml`: secret names V2 reserves or does not have.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SecretTable {
    pub reserved_prefixes: Vec<String>,
    pub unavailable: Vec<String>,
}

/// `rules/csds.toml`: LivePerson hosts and their CSDS services.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CsdsTable {
    /// Hosts of the CSDS itself (hand-written lookups go there).
    pub csds_hosts: Vec<String>,
    pub host: Vec<CsdsHost>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CsdsHost {
    /// A host name, or `*.` and a host name (one or more leading labels).
    pub pattern: String,
    /// The CSDS service name.
    pub service: String,
}

/// `rules/toolbelt.toml`: what `Toolbelt.<name>` exists in V2.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ToolbeltTable {
    pub api: Vec<ToolbeltApi>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ToolbeltApi {
    pub name: String,
    pub status: ApiStatus,
    #[serde(default)]
    pub alternative: Option<String>,
    /// A rule that rewrites every use of this member.
    #[serde(default)]
    pub handled_by: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ApiStatus {
    Available,
    Deprecated,
    Removed,
}

/// `rules/request.toml`: request-promise's method shorthands and the LpClient service names that
/// changed.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequestTable {
    pub shorthand: Vec<Shorthand>,
    pub lp_service: Vec<LpServiceRename>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Shorthand {
    pub name: String,
    pub method: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LpServiceRename {
    pub v1: String,
    pub v2: String,
}

/// `rules/es_toolkit.toml`: the members of `es-toolkit/compat`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EsToolkitTable {
    /// The es-toolkit release the list was read from (documentation of the table; the table
    /// test checks it is there).
    #[cfg_attr(not(test), allow(dead_code))]
    pub version: String,
    pub no_subpath: Vec<String>,
    pub members: Vec<String>,
}

/// `rules/platform.toml`: V2 limits and secret rules.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlatformTable {
    pub secrets: SecretRules,
    pub logs: LogLimits,
    pub blocking: BlockingCalls,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SecretRules {
    pub unavailable: Vec<String>,
    pub reserved_prefix: String,
    pub cache: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LogLimits {
    pub max_calls: usize,
    pub max_chars: usize,
    pub console_methods: Vec<String>,
    pub loop_methods: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BlockingCalls {
    pub sync_suffix: String,
    pub crypto_calls: Vec<String>,
    pub alternative: Vec<BlockingAlternative>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BlockingAlternative {
    pub name: String,
    #[serde(rename = "use")]
    pub instead: String,
}

/// The raw text of every table, by file name.
pub const SOURCES: &[(&str, &str)] = &[
    ("env.toml", include_str!("../../rules/env.toml")),
    ("modules.toml", include_str!("../../rules/modules.toml")),
    ("events.toml", include_str!("../../rules/events.toml")),
    (
        "dependencies.toml",
        include_str!("../../rules/dependencies.toml"),
    ),
    ("secrets.toml", include_str!("../../rules/secrets.toml")),
    ("csds.toml", include_str!("../../rules/csds.toml")),
    ("toolbelt.toml", include_str!("../../rules/toolbelt.toml")),
    (
        "es_toolkit.toml",
        include_str!("../../rules/es_toolkit.toml"),
    ),
    ("platform.toml", include_str!("../../rules/platform.toml")),
    ("request.toml", include_str!("../../rules/request.toml")),
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

pub fn events() -> &'static EventTable {
    static TABLE: OnceLock<EventTable> = OnceLock::new();
    TABLE.get_or_init(|| load("events.toml"))
}

pub fn dependencies() -> &'static DependencyTable {
    static TABLE: OnceLock<DependencyTable> = OnceLock::new();
    TABLE.get_or_init(|| load("dependencies.toml"))
}

pub fn secrets() -> &'static SecretTable {
    static TABLE: OnceLock<SecretTable> = OnceLock::new();
    TABLE.get_or_init(|| load("secrets.toml"))
}

pub fn csds() -> &'static CsdsTable {
    static TABLE: OnceLock<CsdsTable> = OnceLock::new();
    TABLE.get_or_init(|| load("csds.toml"))
}

pub fn toolbelt() -> &'static ToolbeltTable {
    static TABLE: OnceLock<ToolbeltTable> = OnceLock::new();
    TABLE.get_or_init(|| load("toolbelt.toml"))
}

pub fn es_toolkit() -> &'static EsToolkitTable {
    static TABLE: OnceLock<EsToolkitTable> = OnceLock::new();
    TABLE.get_or_init(|| load("es_toolkit.toml"))
}

pub fn platform() -> &'static PlatformTable {
    static TABLE: OnceLock<PlatformTable> = OnceLock::new();
    TABLE.get_or_init(|| load("platform.toml"))
}

impl CsdsTable {
    /// The CSDS service of a LivePerson host, if the table knows it.
    pub fn service(&self, host: &str) -> Option<&str> {
        let host = host.to_ascii_lowercase();
        self.host
            .iter()
            .find(|h| match h.pattern.strip_prefix("*.") {
                Some(suffix) => host
                    .strip_suffix(suffix)
                    .is_some_and(|rest| rest.len() > 1 && rest.ends_with('.')),
                None => host == h.pattern,
            })
            .map(|h| h.service.as_str())
    }

    /// Whether `host` is the CSDS itself.
    pub fn is_csds(&self, host: &str) -> bool {
        self.csds_hosts.iter().any(|h| h.eq_ignore_ascii_case(host))
    }
}

pub fn request() -> &'static RequestTable {
    static TABLE: OnceLock<RequestTable> = OnceLock::new();
    TABLE.get_or_init(|| load("request.toml"))
}

impl RequestTable {
    /// The method `client.<name>(…)` sends.
    pub fn shorthand(&self, name: &str) -> Option<&str> {
        self.shorthand
            .iter()
            .find(|s| s.name == name)
            .map(|s| s.method.as_str())
    }

    /// V2's spelling of a service name V1's LpClient took.
    pub fn lp_service(&self, v1: &str) -> Option<&str> {
        self.lp_service
            .iter()
            .find(|s| s.v1 == v1)
            .map(|s| s.v2.as_str())
    }
}

impl ToolbeltTable {
    pub fn get(&self, name: &str) -> Option<&ToolbeltApi> {
        self.api.iter().find(|a| a.name == name)
    }
}

impl EsToolkitTable {
    /// The `es-toolkit/compat` member named `name`, exactly.
    pub fn has(&self, name: &str) -> bool {
        self.members.iter().any(|m| m == name)
    }

    /// The member whose name is `name` in any case (lodash's per-method packages are lower case:
    /// `lodash.clonedeep`).
    pub fn find_ignoring_case(&self, name: &str) -> Option<&str> {
        self.members
            .iter()
            .find(|m| m.eq_ignore_ascii_case(name))
            .map(String::as_str)
    }

    /// Whether `es-toolkit/compat/<name>` exists.
    pub fn has_subpath(&self, name: &str) -> bool {
        self.has(name) && !self.no_subpath.iter().any(|m| m == name)
    }
}

impl BlockingCalls {
    pub fn alternative(&self, name: &str) -> Option<&str> {
        self.alternative
            .iter()
            .find(|a| a.name == name)
            .map(|a| a.instead.as_str())
    }
}

impl EnvTable {
    /// The V2 name of a V1 platform variable.
    pub fn v2_name(&self, v1: &str) -> Option<&str> {
        self.rename
            .iter()
            .find(|r| r.v1 == v1)
            .map(|r| r.v2.as_str())
    }

    /// The V1 name of a V2 platform variable that was renamed.
    pub fn v1_name(&self, v2: &str) -> Option<&str> {
        self.rename
            .iter()
            .find(|r| r.v2 == v2)
            .map(|r| r.v1.as_str())
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

/// An event name or id compared the way `rules/events.toml` says: lower case, `_` and `-` read
/// as spaces.
fn event_words(event: &str) -> String {
    event.to_lowercase().replace(['_', '-'], " ")
}

impl EventTable {
    /// Whether a config.json `event` is a chat event.
    pub fn is_chat(&self, event: &str) -> bool {
        let event = event_words(event.trim());
        self.chat_events.iter().any(|e| event_words(e) == event)
            || self
                .chat_prefixes
                .iter()
                .any(|p| event.starts_with(&event_words(p)))
    }
}

impl DependencyTable {
    pub fn is_provided(&self, package: &str) -> bool {
        self.provided.iter().any(|p| p == package)
    }

    /// What to use in V2 instead of a V1 package, if the table knows.
    pub fn replacement(&self, package: &str) -> Option<&str> {
        self.replace
            .iter()
            .find(|r| r.v1 == package)
            .map(|r| r.with.as_str())
    }
}

impl SecretTable {
    /// Why a secret name cannot be used in V2, if it cannot.
    pub fn problem(&self, name: &str) -> Option<String> {
        if self.unavailable.iter().any(|u| u == name) {
            return Some(format!(
                "`{name}` is a V1 system secret that V2 does not have: create a new secret in V2 and read that one instead (code that only uses LpClient needs nothing)"
            ));
        }
        self.reserved_prefixes
            .iter()
            .find(|p| name.starts_with(p.as_str()))
            .map(|p| {
                format!(
                    "secret `{name}` uses the prefix `{p}`, reserved for V2 system secrets: create it under another name and read that name in the code"
                )
            })
    }
}

#[cfg(test)]
mod tests;
