//! ## What it does
//! Rewrites `environmentVariables` in a function's `config.json` from the V1 list of
//! `{ "key": …, "value": … }` entries to the V2 object of names and values, in place: the
//! entries keep their order, their text (escapes included) and the file's layout (indentation,
//! line endings, one entry a line or all on one line, as the list was). The `lpf` placeholder
//! `[{ "key": "", "value": "" }]` (no variables) becomes `{}`. The V1 platform variables get
//! their V2 names (`BRAND_ID` → `X_LIVEPERSON_BRAND_ID`, `LAMBDA_UUID` →
//! `X_LIVEPERSON_FUNCTION_UUID`, `CSDS_DOMAIN` → `X_LIVEPERSON_CSDS_DOMAIN`), also in a file
//! that already has the object form.
//!
//! It reports, with line and column, in either form:
//! - `manual`: names V2 reserves (`X_LIVEPERSON_*`, `X_GOOGLE_*`, `PORT`, `FUNCTION_TARGET`,
//!   `FUNCTION_SIGNATURE_TYPE`), names defined more than once, more than 1000 variables, a value
//!   over 32 KB, and entries it cannot read (then the list is left as it is);
//! - `review`: a variable the V2 platform sets itself (such as a renamed `BRAND_ID`), a name that
//!   is not portable (letters, digits and `_`, not starting with a digit), and a list whose first
//!   entry is the placeholder but which has other entries.
//!
//! ## Why V2 needs it
//! V2 reads `environmentVariables` as an object map (`{ "KEY": "value" }`); the V1 list does not
//! configure anything there. V2 renamed the platform variables and reserves the prefixes
//! `X_LIVEPERSON_` (platform) and `X_GOOGLE_` (cloud provider) and the names `PORT`,
//! `FUNCTION_TARGET` and `FUNCTION_SIGNATURE_TYPE`, which the platform sets and cannot be
//! overridden. A function may define at most 1000 variables, each value at most 32 KB, and names
//! should use only letters, digits and `_` to work in every shell (V2 guide §3.2). The names and
//! prefixes are in `rules/env.toml`, shared with `env-rename`, which renames the reads in the code.
//!
//! ## Example
//! ```json
//! // before
//!   "environmentVariables": [
//!     {
//!       "key": "ORDER_API_URL",
//!       "value": "https://api.example.com/shop/v2"
//!     },
//!     {
//!       "key": "PORT",
//!       "value": "8080"
//!     }
//!   ]
//! // after: PORT is reported (manual): rename it here and in the code
//!   "environmentVariables": {
//!     "ORDER_API_URL": "https://api.example.com/shop/v2",
//!     "PORT": "8080"
//!   }
//! ```
//!
//! ## Limits
//! JSON has no comments, so there is no `// TODO` marker: findings carry the line and column,
//! and `manual` ones make `--check` fail until the file is fixed (or the rule is left out with
//! `--ignore config-env`; `// faas-migrate-ignore` cannot be written in JSON). A list with an
//! entry that is not exactly a string `key` and a string `value` is left unchanged, with a
//! finding at that entry. Placeholder entries (empty key and value) are dropped wherever they
//! are; `lpf push` sent no variables at all when the first entry was the placeholder, which is
//! reported for review when other entries follow. A reserved, duplicate or oversized variable is
//! kept as it is: only a person can choose the new name or value. A key repeated inside one
//! entry counts once (the last, as in `JSON.parse`).

use super::{Check, ProjectContext, RuleInfo};
use crate::finding::FixClass;
use crate::project::json::{self, Kind, Member, Value};
use crate::project::ProjectFile;
use crate::tables;
use std::collections::HashSet;
use std::ops::Range;

pub(super) const INFO: RuleInfo = RuleInfo {
    name: "config-env",
    class: FixClass::Auto,
    summary: "environmentVariables: the V1 list of {key, value} becomes the V2 object map; reserved, duplicate and oversized variables are reported",
    applies: |source| json::may_have_key(source, "environmentVariables"),
    check: Check::Project(ProjectFile::Config, check),
    after: &[],
    source: include_str!("config_env.rs"),
};

/// At most this many variables per function (V2 guide §3.2).
pub const MAX_VARIABLES: usize = 1000;
/// At most this many bytes per value (32 KB, V2 guide §3.2).
pub const MAX_VALUE_BYTES: usize = 32 * 1024;

/// One variable as the file defines it.
struct Variable {
    /// The name as written in the file (decoded).
    name: String,
    /// Where the name's string is.
    name_range: Range<usize>,
    value_bytes: usize,
    value_range: Range<usize>,
}

/// A readable V1 entry `{ "key": …, "value": … }`.
struct Entry {
    variable: Variable,
    /// The text between the `"key"` member's key and its value (`: ` or `:`).
    colon: String,
}

fn check(cx: &mut ProjectContext) {
    let root = cx.root;
    let Some(member) = root.member("environmentVariables") else {
        return;
    };
    let variables = match &member.value.kind {
        Kind::Array(items) => {
            let Some(entries) = entries(cx, items) else {
                return;
            };
            convert(cx, &member.value, items, &entries);
            entries.into_iter().map(|e| e.variable).collect()
        }
        Kind::Object(members) => map(cx, members),
        Kind::Null => return,
        _ => {
            cx.report(
                member.value.range.clone(),
                FixClass::Manual,
                format!(
                    "`environmentVariables` is {}; V2 expects an object of names and string values: fix it by hand",
                    member.value.describe()
                ),
            );
            return;
        }
    };
    limits(cx, member, &variables);
}

/// The entries of a V1 list, without placeholders; `None` (after reporting) when one cannot be
/// read, so the list is left alone.
fn entries(cx: &mut ProjectContext, items: &[Value]) -> Option<Vec<Entry>> {
    let mut entries = Vec::with_capacity(items.len());
    let mut readable = true;
    let mut placeholder_first = false;
    for (i, item) in items.iter().enumerate() {
        let key = item.member("key");
        let value = item.member("value");
        let only_key_and_value = item
            .members()
            .iter()
            .all(|m| m.key == "key" || m.key == "value");
        let (Some(key), Some(value), true) = (key, value, only_key_and_value) else {
            cx.report(
                item.range.clone(),
                FixClass::Manual,
                "this entry is not `{ \"key\": …, \"value\": … }`; turn `environmentVariables` into an object of names and values by hand",
            );
            readable = false;
            continue;
        };
        let (Some(name), Some(text)) = (key.value.as_str(), value.value.as_str()) else {
            cx.report(
                item.range.clone(),
                FixClass::Manual,
                "this entry's key or value is not a string; environment variables are strings: turn `environmentVariables` into an object of names and values by hand",
            );
            readable = false;
            continue;
        };
        match (name.is_empty(), text.is_empty()) {
            (true, true) => {
                placeholder_first |= i == 0;
                continue;
            }
            (true, false) => {
                cx.report(
                    key.value.range.clone(),
                    FixClass::Manual,
                    "this entry has a value but no name: name it or delete it",
                );
                readable = false;
                continue;
            }
            _ => {}
        }
        let gap = cx.text(key.key_range.end..key.value.range.start);
        entries.push(Entry {
            variable: Variable {
                name: name.to_string(),
                name_range: key.value.range.clone(),
                value_bytes: text.len(),
                value_range: value.value.range.clone(),
            },
            colon: if gap.contains('\n') { ": ".into() } else { gap.to_string() },
        });
    }
    if placeholder_first && readable && !entries.is_empty() {
        cx.report(
            items[0].range.clone(),
            FixClass::Review,
            format!(
                "the first entry is empty, and `lpf push` sends no variables at all then: check that V2 should get {}",
                match entries.len() {
                    1 => "the variable that follows".to_string(),
                    n => format!("the {n} variables that follow"),
                }
            ),
        );
    }
    readable.then_some(entries)
}

/// The V2 name of a variable: its new name if V2 renamed it.
fn v2_name(name: &str) -> &str {
    tables::env().v2_name(name).unwrap_or(name)
}

/// Replaces the V1 list with the V2 object, laid out like the list.
fn convert(cx: &mut ProjectContext, list: &Value, items: &[Value], entries: &[Entry]) {
    let source = cx.source;
    let pairs: Vec<String> = entries
        .iter()
        .map(|e| {
            let name = &e.variable.name;
            let key = match tables::env().v2_name(name) {
                Some(v2) => format!("\"{v2}\""),
                None => cx.text(e.variable.name_range.clone()).to_string(),
            };
            format!("{key}{}{}", e.colon, cx.text(e.variable.value_range.clone()))
        })
        .collect();
    let object = if pairs.is_empty() {
        "{}".to_string()
    } else if !cx.text(list.range.clone()).contains('\n') {
        // All on one line: `[{ "key": "A", "value": "1" }]` becomes `{ "A": "1" }`.
        let first = cx.text(items[0].range.clone());
        let pad = if first[1..].starts_with([' ', '\t']) { " " } else { "" };
        let separator = match items {
            [a, b, ..] => cx.text(a.range.end..b.range.start),
            _ => ", ",
        };
        format!("{{{pad}{}{pad}}}", pairs.join(separator))
    } else {
        let eol = cx.layout.eol;
        let first = items[0].range.start;
        let item_indent = if json::starts_line(source, first) {
            cx.indent_at(first).to_string()
        } else {
            format!("{}{}", cx.indent_at(list.range.start), cx.layout.indent)
        };
        let close = list.range.end - 1;
        let close_indent = if json::starts_line(source, close) {
            cx.indent_at(close)
        } else {
            cx.indent_at(list.range.start)
        };
        let body: Vec<String> = pairs
            .iter()
            .map(|pair| format!("{item_indent}{pair}"))
            .collect();
        format!("{{{eol}{}{eol}{close_indent}}}", body.join(&format!(",{eol}")))
    };
    cx.replace(list.range.clone(), object);
}

/// The variables of a V2 object; V1 platform names are renamed in place.
fn map(cx: &mut ProjectContext, members: &[Member]) -> Vec<Variable> {
    let mut variables = Vec::with_capacity(members.len());
    for m in members {
        if let Some(v2) = tables::env().v2_name(&m.key) {
            cx.replace(m.key_range.clone(), format!("\"{v2}\""));
        }
        let Some(value) = m.value.as_str() else {
            cx.report(
                m.value.range.clone(),
                FixClass::Manual,
                format!(
                    "the value of `{}` is {}; environment variables are strings: quote it",
                    v2_name(&m.key),
                    m.value.describe()
                ),
            );
            continue;
        };
        if m.key.is_empty() {
            cx.report(
                m.key_range.clone(),
                FixClass::Manual,
                "a variable with an empty name: name it or delete it",
            );
            continue;
        }
        variables.push(Variable {
            name: m.key.clone(),
            name_range: m.key_range.clone(),
            value_bytes: value.len(),
            value_range: m.value.range.clone(),
        });
    }
    variables
}

fn is_portable(name: &str) -> bool {
    !name.starts_with(|c: char| c.is_ascii_digit())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// The findings V2's limits give, the same for the V1 list and the V2 object.
fn limits(cx: &mut ProjectContext, member: &Member, variables: &[Variable]) {
    let table = tables::env();
    if variables.len() > MAX_VARIABLES {
        cx.report(
            member.key_range.clone(),
            FixClass::Manual,
            format!(
                "{} environment variables; V2 allows at most {MAX_VARIABLES}: remove {} of them",
                variables.len(),
                variables.len() - MAX_VARIABLES
            ),
        );
    }
    let mut seen = HashSet::new();
    for v in variables {
        let name = v2_name(&v.name);
        if !seen.insert(name) {
            cx.report(
                v.name_range.clone(),
                FixClass::Manual,
                format!("`{name}` is defined more than once; V2 keeps one value per name: keep one entry"),
            );
        } else if table.platform.iter().any(|p| p == name) {
            let was = table
                .v1_name(name)
                .map(|v1| format!(" (V1 `{v1}`)"))
                .unwrap_or_default();
            cx.report(
                v.name_range.clone(),
                FixClass::Review,
                format!("`{name}`{was} is set by the V2 platform, which reserves its prefix: delete this entry unless it only serves local runs"),
            );
        } else if let Some(why) = table.reserved(name) {
            cx.report(
                v.name_range.clone(),
                FixClass::Manual,
                format!("{why}; rename this variable here and where the code reads it"),
            );
        } else if !is_portable(name) {
            cx.report(
                v.name_range.clone(),
                FixClass::Review,
                format!("`{name}` is not a portable name (letters, digits and `_`, not starting with a digit); some shells cannot set it for local runs: rename it here and in the code"),
            );
        }
        if v.value_bytes > MAX_VALUE_BYTES {
            cx.report(
                v.value_range.clone(),
                FixClass::Manual,
                format!(
                    "the value of `{name}` is {} bytes; V2 allows at most 32 KB ({MAX_VALUE_BYTES} bytes): shorten it",
                    v.value_bytes
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{migrate, Options};
    use std::path::Path;

    fn run(text: &str) -> crate::Migration {
        let options = Options::with_rules(&["config-env".into()], &[]).unwrap();
        migrate(text, Path::new("config.json"), &options).unwrap()
    }

    #[test]
    fn more_than_1000_variables_are_reported_once() {
        let entries: Vec<String> = (0..=MAX_VARIABLES)
            .map(|i| format!("    {{ \"key\": \"V{i}\", \"value\": \"{i}\" }}"))
            .collect();
        let text = format!(
            "{{\n  \"environmentVariables\": [\n{}\n  ]\n}}\n",
            entries.join(",\n")
        );
        let m = run(&text);
        assert!(m.output.contains("    \"V1000\": \"1000\"\n  }\n"));
        assert_eq!(m.findings.len(), 1, "{:?}", m.findings);
        let f = &m.findings[0];
        assert_eq!(
            f.message,
            "1001 environment variables; V2 allows at most 1000: remove 1 of them"
        );
        assert_eq!((f.location.line, f.location.column), (2, 3));
        assert_eq!((f.output_location.line, f.output_location.column), (2, 3));
        assert!(run(&m.output).edits.is_empty());
    }

    #[test]
    fn values_over_32_kb_are_reported() {
        let long = "x".repeat(MAX_VALUE_BYTES + 1);
        let fits = "y".repeat(MAX_VALUE_BYTES);
        let text = format!(
            "{{\"environmentVariables\": [{{\"key\": \"BIG\", \"value\": \"{long}\"}}, {{\"key\": \"OK\", \"value\": \"{fits}\"}}]}}"
        );
        let m = run(&text);
        assert_eq!(
            m.output,
            format!("{{\"environmentVariables\": {{\"BIG\": \"{long}\", \"OK\": \"{fits}\"}}}}")
        );
        assert_eq!(m.findings.len(), 1);
        assert_eq!(
            m.findings[0].message,
            "the value of `BIG` is 32769 bytes; V2 allows at most 32 KB (32768 bytes): shorten it"
        );
        assert_eq!(m.findings[0].location.column, 51);
        // In the output the value starts right after `{"environmentVariables": {"BIG": `.
        assert_eq!(m.findings[0].output_location.column, 34);
    }

    #[test]
    fn portable_names() {
        assert!(is_portable("MY_VAR_2"));
        assert!(is_portable("_x"));
        assert!(!is_portable("2FA_KEY"));
        assert!(!is_portable("my-var"));
        assert!(!is_portable("a.b"));
        assert!(!is_portable("Ä"));
    }
}
