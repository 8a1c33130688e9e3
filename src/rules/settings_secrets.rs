//! ## What it does
//! Reports secrets listed in the project's `functions/settings.json` that V2 does not allow or
//! does not have (`manual`, at the name's line and column): names starting with the reserved
//! prefix `LIVEPERSON_DEFAULT_`, and the V1 system secrets `lp-faas-default-app-key` and
//! `lp-faas-orchestrator-app-key`. Entries may be names (`"crm-token"`) or `{ "key": …,
//! "value": … }` objects; the empty placeholder is skipped. It changes nothing.
//!
//! ## Why V2 needs it
//! V2's secret manager reserves the prefix `LIVEPERSON_DEFAULT_` for system secrets, so a user
//! secret with that prefix cannot be created; and the V1 system secrets are not migrated and
//! are unavailable even in compatibility mode: code that reads them by hand must read a new
//! secret created in V2 (V2 guide §3.1; `LpClient` users need nothing). The names are in
//! `rules/secrets.toml`.
//!
//! ## Example
//! ```json
//!   "secrets": ["crm-access-token", "lp-faas-default-app-key"]
//! ```
//! gives `settings.json:2:35: settings-secrets [manual] `lp-faas-default-app-key` is a V1
//! system secret that V2 does not have: create a new secret in V2 and read that one instead
//! (code that only uses LpClient needs nothing)`.
//!
//! ## Limits
//! Only the names listed in `settings.json` are checked; secrets the code reads without listing
//! them are not seen here. Payload sizes (16 KB in V2) are not checked. JSON has no comments, so
//! there is no `// TODO` marker: the findings fail `--check` until the list changes (or the rule
//! is left out with `--ignore settings-secrets`).

use super::{Check, ProjectContext, RuleInfo};
use crate::finding::FixClass;
use crate::project::json::{self, Kind};
use crate::project::ProjectFile;
use crate::tables;

pub(super) const INFO: RuleInfo = RuleInfo {
    name: "settings-secrets",
    class: FixClass::Manual,
    summary: "secrets with the reserved LIVEPERSON_DEFAULT_ prefix, and V1 system secrets, are reported",
    applies: |source| json::may_have_key(source, "secrets"),
    check: Check::Project(ProjectFile::Settings, check),
    after: &[],
    source: include_str!("settings_secrets.rs"),
};

fn check(cx: &mut ProjectContext) {
    let root = cx.root;
    let Some(items) = root.member("secrets").and_then(|m| m.value.as_array()) else {
        return;
    };
    for item in items {
        let name = match &item.kind {
            Kind::String(_) => item,
            Kind::Object(_) => match item.member("key") {
                Some(key) => &key.value,
                None => continue,
            },
            _ => continue,
        };
        let Some(text) = name.as_str() else {
            continue;
        };
        if let Some(problem) = tables::secrets().problem(text) {
            cx.report(name.range.clone(), FixClass::Manual, problem);
        }
    }
}
