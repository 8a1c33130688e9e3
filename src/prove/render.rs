//! What `prove` prints: `PASS name` / `FAIL name` with the differences and a side-by-side view of
//! the first one, the requests no scripted response matched, or one JSON document (`--format json`).

use super::{Color, Format};
use anstyle::{AnsiColor, Style};
use serde_json::{json, Map, Value};
use similar::{capture_diff_slices, Algorithm, DiffTag};
use std::io::Write;
use std::path::Path;

const PASS: Style = AnsiColor::Green.on_default().bold();
const FAIL: Style = AnsiColor::Red.on_default().bold();
const V1_ONLY: Style = AnsiColor::Red.on_default();
const V2_ONLY: Style = AnsiColor::Green.on_default();
const DIM: Style = AnsiColor::BrightBlack.on_default();

/// The widest a column of the side-by-side view gets.
const MAX_COLUMN: usize = 60;

pub struct Printer {
    format: Format,
    verbose: bool,
    stdout: anstream::AutoStream<std::io::Stdout>,
    stderr: anstream::AutoStream<std::io::Stderr>,
    passed: usize,
    failed: usize,
    errors: usize,
    /// `--format json`: the document being built.
    results: Vec<Value>,
    problems: Vec<Value>,
    notes: Vec<String>,
}

fn paint(style: Style, text: &str) -> String {
    format!("{}{text}{}", style.render(), style.render_reset())
}

impl Printer {
    pub fn new(format: Format, color: Color, verbose: bool) -> Printer {
        let choice = match color {
            Color::Auto => anstream::ColorChoice::Auto,
            Color::Always => anstream::ColorChoice::Always,
            Color::Never => anstream::ColorChoice::Never,
        };
        Printer {
            format,
            verbose,
            stdout: anstream::AutoStream::new(std::io::stdout(), choice),
            stderr: anstream::AutoStream::new(std::io::stderr(), choice),
            passed: 0,
            failed: 0,
            errors: 0,
            results: Vec::new(),
            problems: Vec::new(),
            notes: Vec::new(),
        }
    }

    fn say(&mut self, text: &str) {
        let _ = writeln!(self.stdout, "{text}");
    }

    /// Something could not run (exit 2).
    pub fn error(&mut self, dir: Option<&Path>, message: &str) {
        self.errors += 1;
        let place = dir
            .map(|d| format!("{}: ", d.display()))
            .unwrap_or_default();
        match self.format {
            Format::Text => {
                let _ = writeln!(self.stderr, "faas-migrate prove: error: {place}{message}");
            }
            Format::Json => self.problems.push(json!({
                "function": dir.map(|d| d.display().to_string()),
                "message": message,
            })),
        }
    }

    pub fn note(&mut self, message: &str) {
        match self.format {
            Format::Text => {
                let _ = writeln!(self.stderr, "faas-migrate prove: {message}");
            }
            Format::Json => self.notes.push(message.to_string()),
        }
    }

    /// One scenario's line from the runner.
    pub fn scenario(&mut self, function: &str, line: &Value) {
        let name = line["name"].as_str().unwrap_or(function).to_string();
        let differences = line["differences"].as_array().cloned().unwrap_or_default();
        let error = differences.iter().find(|d| d["kind"] == "error");
        let status = if error.is_some() {
            self.errors += 1;
            "error"
        } else if differences.is_empty() {
            self.passed += 1;
            "pass"
        } else {
            self.failed += 1;
            "fail"
        };
        let unmatched = unmatched(line);
        if self.format == Format::Json {
            self.results.push(json!({
                "function": function,
                "name": name,
                "status": status,
                "differences": differences,
                "unmatched": unmatched.iter().map(|(sides, method, url)| json!({
                    "sides": sides, "method": method, "url": url,
                })).collect::<Vec<_>>(),
                "v1": line["v1"],
                "v2": line["v2"],
            }));
            return;
        }
        match (status, error) {
            ("error", Some(error)) => {
                let text = error["text"].as_str().unwrap_or_default();
                let mut text = text
                    .strip_prefix("case error: ")
                    .unwrap_or(text)
                    .to_string();
                if text.contains("Cannot use import statement outside a module") {
                    text.push_str(
                        " (is index.js migrated already? Then take V1 from git with \
                         --v1-rev GIT_REV, or from a file with --v1 FILE)",
                    );
                }
                let head = paint(FAIL, "ERROR");
                self.say(&format!("{head} {name}: {text}"));
            }
            ("pass", _) => self.say(&format!("{} {name}", paint(PASS, "PASS"))),
            _ => {
                self.say(&format!("{} {name}", paint(FAIL, "FAIL")));
                for difference in &differences {
                    let text = difference["text"].as_str().unwrap_or_default().to_string();
                    self.say(&format!("  - {text}"));
                    if difference.get("v1").is_some() || difference.get("v2").is_some() {
                        let view = side_by_side(&difference["v1"], &difference["v2"]);
                        self.say(&view);
                    }
                }
            }
        }
        if !unmatched.is_empty() {
            self.say("  requests without a scripted response (answered 404; add them to `http`):");
            for (sides, method, url) in &unmatched {
                self.say(&format!("    {sides}: {method} {url}"));
            }
        }
        if self.verbose && status != "pass" {
            for side in ["v1", "v2"] {
                for (label, text) in [
                    (
                        "stdout",
                        line[side]["stdout"]
                            .as_str()
                            .unwrap_or_default()
                            .to_string(),
                    ),
                    (
                        "stderr",
                        line[side]["stderr"]
                            .as_str()
                            .unwrap_or_default()
                            .to_string(),
                    ),
                    ("notes", join(&line[side]["notes"])),
                ] {
                    if !text.trim().is_empty() {
                        self.say(&format!("  {} {label}:", side.to_uppercase()));
                        for text_line in text.trim_end().lines() {
                            self.say(&format!("    {text_line}"));
                        }
                    }
                }
            }
        }
    }

    /// One scenario recorded with `--record`.
    pub fn recorded(&mut self, line: &Value) {
        let name = line["name"].as_str().unwrap_or_default().to_string();
        let count = line["exchanges"].as_array().map_or(0, Vec::len);
        let outcome = super::render::outcome_text(&line["v1"]["outcome"]);
        let failed = line["failed"].as_array().cloned().unwrap_or_default();
        if self.format == Format::Json {
            self.results.push(json!({
                "name": name, "status": "recorded", "exchanges": line["exchanges"],
                "failed": failed, "v1": line["v1"],
            }));
            return;
        }
        self.say(&format!(
            "RECORDED {name}: {count} exchange(s); V1 {outcome}"
        ));
        for entry in failed {
            let url = request_url(&entry["request"]);
            let method = entry["request"]["method"]
                .as_str()
                .unwrap_or_default()
                .to_string();
            let error = entry["error"].as_str().unwrap_or_default().to_string();
            self.say(&format!(
                "  not recorded, the request failed: {method} {url}: {error}"
            ));
        }
    }

    /// Prints the summary (or the JSON document) and returns the exit code.
    pub fn finish(mut self) -> u8 {
        let code = if self.errors > 0 {
            2
        } else if self.failed > 0 {
            1
        } else {
            0
        };
        match self.format {
            Format::Text => {
                let _ = writeln!(
                    self.stderr,
                    "faas-migrate prove: {} passed, {} failed, {} could not run",
                    self.passed, self.failed, self.errors
                );
            }
            Format::Json => {
                let document = json!({
                    "results": self.results,
                    "errors": self.problems,
                    "notes": self.notes,
                    "passed": self.passed,
                    "failed": self.failed,
                    "couldNotRun": self.errors,
                    "exitCode": code,
                });
                let text = serde_json::to_string_pretty(&document).expect("JSON");
                self.say(&text);
            }
        }
        let _ = self.stdout.flush();
        code
    }
}

fn join(notes: &Value) -> String {
    notes
        .as_array()
        .map(|list| {
            list.iter()
                .filter_map(Value::as_str)
                .collect::<Vec<_>>()
                .join("\n")
        })
        .unwrap_or_default()
}

/// `result <json>` or `failure "<message>"`.
pub fn outcome_text(outcome: &Value) -> String {
    match outcome.get("failure") {
        Some(message) => format!("failure {message}"),
        None => format!("result {}", outcome["result"]),
    }
}

/// Requests no scripted response matched: (which sides made it, method, URL), in order, each once.
fn unmatched(line: &Value) -> Vec<(String, String, String)> {
    let mut found: Vec<(String, String, String)> = Vec::new();
    for side in ["V1", "V2"] {
        let requests = line[side.to_lowercase()]["requests"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        for request in requests.iter().filter(|r| r["unmatched"] == true) {
            let method = request["method"].as_str().unwrap_or_default().to_string();
            let url = request_url(request);
            match found.iter_mut().find(|(_, m, u)| *m == method && *u == url) {
                Some((sides, _, _)) if !sides.contains(side) => sides.push_str(" and V2"),
                Some(_) => {}
                None => found.push((side.to_string(), method, url)),
            }
        }
    }
    found
}

/// A recorded request as a URL: `https://host/path?query`.
fn request_url(record: &Value) -> String {
    let scheme = record["scheme"].as_str().unwrap_or("https");
    let host = record["host"].as_str().unwrap_or_default();
    let path = record["path"].as_str().unwrap_or_default();
    let mut query = Vec::new();
    if let Some(map) = record["query"].as_object() {
        for (key, value) in map {
            let values = match value {
                Value::Array(list) => list.clone(),
                other => vec![other.clone()],
            };
            for value in values {
                let value = value
                    .as_str()
                    .map_or_else(|| value.to_string(), str::to_string);
                query.push(format!("{}={}", encode(key), encode(&value)));
            }
        }
    }
    let query = if query.is_empty() {
        String::new()
    } else {
        format!("?{}", query.join("&"))
    };
    format!("{scheme}://{host}{path}{query}")
}

/// Percent-encodes what is not unreserved in a query component.
fn encode(text: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

fn pretty(value: &Value) -> Vec<String> {
    if value.is_null() {
        return vec!["(none)".into()];
    }
    let value = sort_keys(value);
    serde_json::to_string_pretty(&value)
        .expect("JSON")
        .lines()
        .map(str::to_string)
        .collect()
}

fn sort_keys(value: &Value) -> Value {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            let mut sorted = Map::new();
            for key in keys {
                sorted.insert(key.clone(), sort_keys(&map[key]));
            }
            Value::Object(sorted)
        }
        Value::Array(list) => Value::Array(list.iter().map(sort_keys).collect()),
        other => other.clone(),
    }
}

fn fit(text: &str, width: usize) -> String {
    let count = text.chars().count();
    if count <= width {
        format!("{text}{}", " ".repeat(width - count))
    } else {
        let cut: String = text.chars().take(width.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}

/// V1's and V2's values as two columns of pretty JSON; differing lines are marked `|` (changed),
/// `<` (only V1) or `>` (only V2) and coloured.
pub fn side_by_side(v1: &Value, v2: &Value) -> String {
    let left = pretty(v1);
    let right = pretty(v2);
    let width = left
        .iter()
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(0)
        .clamp(8, MAX_COLUMN);
    let mut rows = vec![paint(DIM, &format!("    {}   V2", fit("V1", width)))];
    let mut row = |l: Option<&String>, r: Option<&String>, mark: char| {
        let l_text = fit(l.map_or("", String::as_str), width);
        let r_text = r.map_or("", String::as_str).to_string();
        rows.push(if mark == ' ' {
            format!("    {l_text} {mark} {r_text}")
        } else {
            format!(
                "    {} {mark} {}",
                paint(V1_ONLY, &l_text),
                paint(V2_ONLY, &r_text)
            )
        });
    };
    for op in capture_diff_slices(Algorithm::Myers, &left, &right) {
        let (tag, old, new) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => {
                for (i, j) in old.zip(new) {
                    row(Some(&left[i]), Some(&right[j]), ' ');
                }
            }
            DiffTag::Delete => {
                for i in old {
                    row(Some(&left[i]), None, '<');
                }
            }
            DiffTag::Insert => {
                for j in new {
                    row(None, Some(&right[j]), '>');
                }
            }
            DiffTag::Replace => {
                let (old, new): (Vec<usize>, Vec<usize>) = (old.collect(), new.collect());
                for k in 0..old.len().max(new.len()) {
                    let (l, r) = (
                        old.get(k).map(|&i| &left[i]),
                        new.get(k).map(|&j| &right[j]),
                    );
                    let mark = match (l, r) {
                        (Some(_), Some(_)) => '|',
                        (Some(_), None) => '<',
                        _ => '>',
                    };
                    row(l, r, mark);
                }
            }
        }
    }
    rows.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn side_by_side_marks_what_differs() {
        let view = side_by_side(&json!({ "a": 1, "b": "x" }), &json!({ "a": 1, "b": "y" }));
        let view = anstream::adapter::strip_str(&view).to_string();
        let lines: Vec<&str> = view.lines().map(str::trim_end).collect();
        assert_eq!(
            lines[1..],
            [
                "    {            {",
                "      \"a\": 1,      \"a\": 1,",
                "      \"b\": \"x\" |   \"b\": \"y\"",
                "    }            }",
            ]
        );
    }

    #[test]
    fn urls_of_requests() {
        let record = json!({ "scheme": "https", "host": "a.com", "path": "/x", "query": { "q": "a b", "r": ["1", "2"] } });
        assert_eq!(request_url(&record), "https://a.com/x?q=a%20b&r=1&r=2");
    }
}
