//! `--format sarif`: one SARIF 2.1.0 log for code-scanning tools, streamed like the JSON report.
//!
//! Every rule is listed in `tool.driver.rules` (in the registry's order, so `ruleIndex` is
//! stable). A finding is a result at its place (`manual` → `error`, `review` → `warning`, `auto`
//! → `note`); a file that would change (or was written) gets one `note` result per rule that
//! edits it, at its first edit. A file that could not be read, parsed, migrated or written is a
//! tool execution notification of level `error`. Columns count UTF-16 code units, SARIF's
//! default.

use super::{Done, Mode};
use crate::finding::FixClass;
use crate::line_index::Location;
use crate::rules::RULES;
use serde_json::{json, Value};
use std::collections::BTreeMap;

pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// A path as a SARIF URI: relative ones stay relative (to the working directory, given as
/// `%SRCROOT%`), absolute ones become `file://` URIs.
fn uri(path: &str) -> (String, bool) {
    let mut out = String::new();
    for b in path.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    if path.starts_with('/') {
        (format!("file://{out}"), true)
    } else {
        (out, false)
    }
}

fn location(path: &str, at: Option<Location>) -> Value {
    let (uri, absolute) = uri(path);
    let mut artifact = json!({ "uri": uri });
    if !absolute {
        artifact["uriBaseId"] = json!("%SRCROOT%");
    }
    let mut physical = json!({ "artifactLocation": artifact });
    if let Some(at) = at {
        physical["region"] = json!({ "startLine": at.line, "startColumn": at.utf16_column });
    }
    json!({ "physicalLocation": physical })
}

fn level(class: FixClass) -> &'static str {
    match class {
        FixClass::Manual => "error",
        FixClass::Review => "warning",
        FixClass::Auto => "note",
    }
}

fn rule_index(rule: &str) -> Option<usize> {
    RULES.iter().position(|r| r.name == rule)
}

fn result(rule: &str, level: &str, message: &str, path: &str, at: Location) -> Value {
    let mut r = json!({
        "ruleId": rule,
        "level": level,
        "message": { "text": message },
        "locations": [location(path, Some(at))],
    });
    if let Some(i) = rule_index(rule) {
        r["ruleIndex"] = json!(i);
    }
    r
}

/// A file's results, comma-separated (empty when there are none).
pub fn results(path: &str, done: &Done, mode: Mode) -> String {
    let mut out = Vec::new();
    let mut first_edit: BTreeMap<&str, (Location, usize)> = BTreeMap::new();
    for e in &done.edits {
        first_edit.entry(e.rule).or_insert((e.start, 0)).1 += 1;
    }
    for (rule, (at, n)) in first_edit {
        let what = if done.written {
            "migrated"
        } else if mode == Mode::Write {
            "not migrated"
        } else {
            "would be migrated (run faas-migrate --write)"
        };
        let edits = if n == 1 { "edit" } else { "edits" };
        out.push(result(
            rule,
            "note",
            &format!("{what}: {n} {edits}"),
            path,
            at,
        ));
    }
    for f in &done.findings {
        let at = if done.written {
            f.output_location
        } else {
            f.location
        };
        let mut r = result(f.rule, level(f.class), &f.message, path, at);
        r["properties"] = json!({ "class": f.class });
        out.push(r);
    }
    out.iter()
        .map(Value::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

/// A file's error, as a tool execution notification.
pub fn notification(path: &str, message: &str, at: Option<Location>) -> String {
    json!({
        "level": "error",
        "message": { "text": message },
        "locations": [location(path, at)],
    })
    .to_string()
}

/// The log up to the opening of the results array.
pub fn start() -> String {
    let rules: Vec<Value> = RULES
        .iter()
        .map(|r| {
            json!({
                "id": r.name,
                "shortDescription": { "text": r.summary },
                "defaultConfiguration": { "level": level(r.class) },
                "properties": { "class": r.class },
            })
        })
        .collect();
    let run = json!({
        "tool": { "driver": {
            "name": "faas-migrate",
            "version": env!("CARGO_PKG_VERSION"),
            "rules": rules,
        }},
        "columnKind": "utf16CodeUnits",
        "originalUriBaseIds": { "%SRCROOT%": { "description": { "text": "the working directory of the run" } } },
    })
    .to_string();
    // The run is left open after its last member: results are streamed into it.
    let run = run.strip_suffix('}').expect("an object");
    format!("{{\"$schema\":\"{SCHEMA}\",\"version\":\"2.1.0\",\"runs\":[{run},\"results\":[")
}

/// Closes the log: the invocation with its notifications (file errors and run-level errors).
pub fn end(notifications: &[String], run_errors: &[String], exit_code: u8) -> String {
    let mut all: Vec<Value> = notifications
        .iter()
        .filter_map(|n| serde_json::from_str(n).ok())
        .collect();
    all.extend(
        run_errors
            .iter()
            .map(|e| json!({ "level": "error", "message": { "text": e } })),
    );
    let invocation = json!({
        "executionSuccessful": exit_code < 2,
        "exitCode": exit_code,
        "toolExecutionNotifications": all,
    });
    format!("],\"invocations\":[{invocation}]}}]}}\n")
}
