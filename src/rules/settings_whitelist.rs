//! ## What it does
//! Removes the `whitelist` (the V1 domain allowlist) from the project's `functions/settings.json`,
//! with its comma, keeping the layout of the rest of the file. Nothing else in the file changes.
//!
//! ## Why V2 needs it
//! V1 functions reached the network through a proxy that only let allowlisted domains through.
//! V2 functions have direct network access and no allowlist (V2 guide §2.2), so the list
//! configures nothing: keeping it only suggests a restriction that no longer exists.
//!
//! ## Example
//! ```json
//! // before
//! {
//!   "secrets": ["crm-access-token"],
//!   "whitelist": [
//!     "api.example.com"
//!   ]
//! }
//! // after
//! {
//!   "secrets": ["crm-access-token"]
//! }
//! ```
//!
//! ## Limits
//! The allowlist was also a record of which hosts the functions call: look at it before the
//! change is committed if that matters (for example for a firewall on the other side). A
//! repeated `whitelist` key is removed one occurrence per pass, so all of them go.

use super::{Check, ProjectContext, RuleInfo};
use crate::finding::FixClass;
use crate::project::json;
use crate::project::ProjectFile;

pub(super) const INFO: RuleInfo = RuleInfo {
    name: "settings-whitelist",
    class: FixClass::Auto,
    summary: "the domain whitelist goes: V2 functions have direct network access",
    applies: |source| json::may_have_key(source, "whitelist"),
    check: Check::Project(ProjectFile::Settings, check),
    after: &[],
    source: include_str!("settings_whitelist.rs"),
};

fn check(cx: &mut ProjectContext) {
    let root = cx.root;
    if let Some(index) = root.members().iter().position(|m| m.key == "whitelist") {
        cx.remove_member(root, index);
    }
}
