//! What the user sees: diffs, findings, errors and the summary, as text, JSON or GitHub Actions
//! annotations.
//!
//! Each file is rendered on the worker thread that migrated it; the printer only writes the
//! pieces in path order, so printing never holds more than a few files' output.

use crate::finding::Finding;
use crate::line_index::Location;
use crate::AppliedEdit;
use anstyle::{AnsiColor, Style};
use serde::Serialize;
use std::fmt::Write;
use std::time::Duration;

/// How to present results.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Diffs and `path:line:col: rule [class] message` lines.
    Text,
    /// One JSON document: every file with its edits, findings and error.
    Json,
    /// GitHub Actions workflow commands, shown as annotations on a pull request.
    Github,
}

/// What the run does with the files.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Show the diff; write nothing.
    Diff,
    /// Say which files need work; write nothing.
    Check,
    /// Write the migrated files.
    Write,
}

/// A file that was migrated (whether or not anything changed).
#[derive(Debug, Default)]
pub struct Done {
    pub edits: Vec<AppliedEdit>,
    pub findings: Vec<Finding>,
    /// Whether `--check` must fail for this file.
    pub needs_work: bool,
    /// Whether the file was written.
    pub written: bool,
    /// The unified diff, when the mode shows one.
    pub diff: Option<String>,
}

/// A file that could not be read, parsed, migrated or written. Nothing was written.
#[derive(Debug, Serialize)]
pub struct FileError {
    pub message: String,
    #[serde(flatten)]
    pub location: Option<Location>,
}

/// Totals for the summary line.
#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct Counts {
    pub scanned: usize,
    pub changed: usize,
    pub edits: usize,
    pub findings: usize,
    pub errors: usize,
    /// Files that make `--check` fail.
    pub needs_work: usize,
}

impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, o: Counts) {
        self.scanned += o.scanned;
        self.changed += o.changed;
        self.edits += o.edits;
        self.findings += o.findings;
        self.errors += o.errors;
        self.needs_work += o.needs_work;
    }
}

/// One file's output, ready to print.
#[derive(Debug, Default)]
pub struct Rendered {
    pub stdout: String,
    pub stderr: String,
    pub counts: Counts,
}

const PATH: Style = Style::new().bold();
const RULE: Style = AnsiColor::Cyan.on_default();
const MANUAL: Style = AnsiColor::Yellow.on_default().bold();
const ERROR: Style = AnsiColor::Red.on_default().bold();
const REMOVED: Style = AnsiColor::Red.on_default();
const ADDED: Style = AnsiColor::Green.on_default();
const HUNK: Style = AnsiColor::Cyan.on_default();

fn paint(style: Style, text: impl std::fmt::Display) -> String {
    format!("{}{text}{}", style.render(), style.render_reset())
}

/// A coloured unified diff (colour codes are stripped later when the output is not a terminal).
pub fn diff(path: &str, old: &str, new: &str) -> String {
    let diff = similar::TextDiff::from_lines(old, new);
    let mut out = String::new();
    let (a, b) = if path.starts_with('/') {
        (path.to_string(), path.to_string())
    } else {
        (format!("a/{path}"), format!("b/{path}"))
    };
    let _ = writeln!(out, "{}", paint(PATH, format!("--- {a}")));
    let _ = writeln!(out, "{}", paint(PATH, format!("+++ {b}")));
    for hunk in diff.unified_diff().context_radius(3).iter_hunks() {
        let _ = writeln!(out, "{}", paint(HUNK, hunk.header()));
        for change in hunk.iter_changes() {
            let line = change.value().trim_end_matches(['\n', '\r']);
            let (sign, style) = match change.tag() {
                similar::ChangeTag::Delete => ('-', Some(REMOVED)),
                similar::ChangeTag::Insert => ('+', Some(ADDED)),
                similar::ChangeTag::Equal => (' ', None),
            };
            match style {
                Some(style) => out.push_str(&paint(style, format!("{sign}{line}"))),
                None => {
                    out.push(sign);
                    out.push_str(line);
                }
            }
            out.push('\n');
            if change.missing_newline() {
                out.push_str("\\ No newline at end of file\n");
            }
        }
    }
    out
}

fn rule_list(edits: &[AppliedEdit]) -> String {
    let mut rules: Vec<&str> = edits.iter().map(|e| e.rule).collect();
    rules.sort_unstable();
    rules.dedup();
    rules.join(", ")
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Renders one file's result.
pub fn render(
    path: &str,
    result: &Result<Done, FileError>,
    mode: Mode,
    format: Format,
) -> Rendered {
    let mut r = Rendered {
        counts: Counts {
            scanned: 1,
            ..Counts::default()
        },
        ..Rendered::default()
    };
    let done = match result {
        Ok(done) => done,
        Err(error) => {
            r.counts.errors = 1;
            match format {
                Format::Text => {
                    let place = match error.location {
                        Some(l) => format!("{path}:{l}"),
                        None => path.to_string(),
                    };
                    let _ = writeln!(
                        r.stderr,
                        "{}: {} {}",
                        paint(PATH, place),
                        paint(ERROR, "error:"),
                        error.message
                    );
                }
                Format::Json => r.stdout = json_file(path, "error", &[], &[], Some(error)),
                Format::Github => {
                    let (line, col) = error.location.map_or((1, 1), |l| (l.line, l.column));
                    let _ = writeln!(
                        r.stdout,
                        "::error file={},line={line},col={col},title=faas-migrate::{}",
                        property(path),
                        data(&error.message)
                    );
                }
            }
            return r;
        }
    };
    let changed = !done.edits.is_empty();
    r.counts.changed = changed as usize;
    r.counts.edits = done.edits.len();
    r.counts.findings = done.findings.len();
    r.counts.needs_work = done.needs_work as usize;
    // After a write, point at the file as it now is.
    let at = |f: &Finding| {
        if done.written {
            f.output_location
        } else {
            f.location
        }
    };
    match format {
        Format::Text => {
            if let Some(diff) = &done.diff {
                r.stdout.push_str(diff);
            }
            if changed {
                let summary = format!(
                    "{}: {}",
                    plural(done.edits.len(), "edit", "edits"),
                    rule_list(&done.edits)
                );
                match mode {
                    Mode::Check => {
                        let _ = writeln!(
                            r.stdout,
                            "{}: would be migrated ({summary})",
                            paint(PATH, path)
                        );
                    }
                    Mode::Write if done.written => {
                        let _ = writeln!(r.stderr, "{}: migrated ({summary})", paint(PATH, path));
                    }
                    _ => {}
                }
            }
            for f in &done.findings {
                let class = if f.class == crate::FixClass::Manual {
                    paint(MANUAL, f.class)
                } else {
                    f.class.to_string()
                };
                let _ = writeln!(
                    r.stdout,
                    "{}: {} [{class}] {}",
                    paint(PATH, format!("{path}:{}", at(f))),
                    paint(RULE, f.rule),
                    f.message
                );
            }
        }
        Format::Json => {
            let status = match (changed, done.written, mode) {
                (false, ..) => "unchanged",
                (true, true, _) => "written",
                (true, false, Mode::Write) => "not-written",
                (true, false, _) => "would-change",
            };
            r.stdout = json_file(path, status, &done.edits, &done.findings, None);
        }
        Format::Github => {
            for e in &done.edits {
                let verb = if done.written {
                    "migrated"
                } else {
                    "needs migrating"
                };
                let _ = writeln!(
                    r.stdout,
                    "::warning file={},line={},endLine={},col={},title=faas-migrate ({})::{}",
                    property(path),
                    e.start.line,
                    e.end.line.max(e.start.line),
                    e.start.column,
                    e.rule,
                    data(&format!("{verb}: replace with {:?}", e.text)),
                );
            }
            for f in &done.findings {
                let level = if f.class == crate::FixClass::Manual {
                    "error"
                } else {
                    "warning"
                };
                let l = at(f);
                let _ = writeln!(
                    r.stdout,
                    "::{level} file={},line={},col={},title=faas-migrate ({} {})::{}",
                    property(path),
                    l.line,
                    l.column,
                    f.rule,
                    f.class,
                    data(&f.message)
                );
            }
        }
    }
    r
}

fn json_file(
    path: &str,
    status: &str,
    edits: &[AppliedEdit],
    findings: &[Finding],
    error: Option<&FileError>,
) -> String {
    #[derive(Serialize)]
    struct File<'a> {
        path: &'a str,
        status: &'a str,
        edits: &'a [AppliedEdit],
        findings: &'a [Finding],
        error: Option<&'a FileError>,
    }
    serde_json::to_string(&File {
        path,
        status,
        edits,
        findings,
        error,
    })
    .expect("serializable")
}

/// The opening of a JSON report; files follow, comma-separated, then [`json_end`].
pub const JSON_START: &str = "{\"files\":[";

/// Closes a JSON report with the summary.
pub fn json_end(counts: &Counts, elapsed: Duration) -> String {
    #[derive(Serialize)]
    struct Summary<'a> {
        #[serde(flatten)]
        counts: &'a Counts,
        seconds: f64,
    }
    let summary = serde_json::to_string(&Summary {
        counts,
        seconds: elapsed.as_secs_f64(),
    })
    .expect("serializable");
    format!("],\"summary\":{summary}}}\n")
}

/// The one-line summary printed at the end of a run.
pub fn summary(counts: &Counts, mode: Mode, elapsed: Duration) -> String {
    let changed = match mode {
        Mode::Diff | Mode::Check => "would change",
        Mode::Write => "migrated",
    };
    format!(
        "faas-migrate: {} scanned, {} {changed} ({}), {}, {} in {:.2}s",
        plural(counts.scanned, "file", "files"),
        counts.changed,
        plural(counts.edits, "edit", "edits"),
        plural(counts.findings, "finding", "findings"),
        plural(counts.errors, "error", "errors"),
        elapsed.as_secs_f64()
    )
}

/// Escapes a GitHub workflow-command message.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a GitHub workflow-command property value.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}
