//! ## What it does
//! Reports a function whose `config.json` `event` is a chat event, such as `Chat Post Survey`
//! or `Chat Post Survey E-Mail Transcript` (`manual`, at the event's line and column). It
//! changes nothing.
//!
//! ## Why V2 needs it
//! V2 has no chat events as an event source (V2 guide §5.1), so a function bound to one would
//! never be invoked after the migration. Someone has to decide what replaces it: a messaging
//! event (such as a messaging conversation survey), an external invocation, or retiring the
//! function. The list of chat events is `rules/events.toml`.
//!
//! ## Example
//! ```json
//! {
//!   "name": "survey-forwarder",
//!   "event": "Chat Post Survey",
//! ```
//! gives `config.json:3:12: config-event [manual] `Chat Post Survey` is a chat event, and V2 has
//! no chat events: this function would never be invoked; bind it to a messaging event or
//! another trigger, or retire it`.
//!
//! ## Limits
//! An event is a chat event when, lower-cased and with `_` and `-` read as spaces, it is one of
//! the table's events or starts with `chat `; an event id spelled differently is not
//! recognised. JSON has no comments, so there is no `// TODO` marker: the finding fails
//! `--check` until the event changes (or the rule is left out with `--ignore config-event`).

use super::{Check, ProjectContext, RuleInfo};
use crate::finding::FixClass;
use crate::project::json;
use crate::project::ProjectFile;
use crate::tables;

pub(super) const INFO: RuleInfo = RuleInfo {
    name: "config-event",
    class: FixClass::Manual,
    summary: "a chat event (e.g. Chat Post Survey) is reported: V2 has no chat events",
    applies: |source| json::may_have_key(source, "event"),
    check: Check::Project(ProjectFile::Config, check),
    after: &[],
    source: include_str!("config_event.rs"),
};

fn check(cx: &mut ProjectContext) {
    let root = cx.root;
    let Some(event) = root.member("event") else {
        return;
    };
    let Some(name) = event.value.as_str() else {
        return;
    };
    if tables::events().is_chat(name) {
        cx.report(
            event.value.range.clone(),
            FixClass::Manual,
            format!("`{name}` is a chat event, and V2 has no chat events: this function would never be invoked; bind it to a messaging event or another trigger, or retire it"),
        );
    }
}
