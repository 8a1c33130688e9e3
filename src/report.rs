//! What the user sees: diffs, findings, errors and the summary, as text, JSON, GitHub Actions
//! annotations or SARIF.
//!
//! Each file is rendered on the worker thread that migrated it; the printer only writes the
//! pieces in path order, so printing never holds more than a few files' output. Data (the diff,
//! the JSON or SARIF document, annotations) goes to stdout; status lines, findings and errors in
//! text go to stderr.
//!
//! `--report FILE.md` keeps a small [`FileSummary`] per file (edit counts per rule and the
//! findings, never the source) and renders them at the end with [`markdown`]: a migration
//! report per function folder for whoever signs the migration off.

mod markdown;
pub mod sarif;

pub use markdown::{markdown, FileSummary};

use crate::finding::{Finding, FixClass};
use crate::line_index::Location;
use crate::AppliedEdit;
use anstyle::{AnsiColor, Style};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write;
use std::time::Duration;

/// How to present results.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Diffs and `path:line:col: rule [class] message` lines.
    Text,
    /// One JSON document: every file with its edits, findings and error.
    Json,
    /// GitHub Actions workflow commands: one annotation per finding and error, and a summary.
    Github,
    /// One SARIF 2.1.0 log, for code-scanning tools.
    Sarif,
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
    /// Why `--write` did not write the file, which would have changed (it counts as an error).
    pub refused: Option<String>,
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
    /// Files that would change (`--write`: that were written).
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

/// Edits and findings of one rule, for `--statistics`.
#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct RuleCount {
    pub edits: usize,
    pub findings: usize,
}

/// One file's output, ready to print.
#[derive(Debug, Default)]
pub struct Rendered {
    /// Data: the diff, the file's JSON object or SARIF results, annotations.
    pub stdout: String,
    /// Status lines for stderr ("migrated", "would be migrated"), which `-q` silences.
    pub status: String,
    /// Findings for stderr, which `--statistics` and `-qq` silence.
    pub findings: String,
    /// Errors for stderr, which `-qq` silences.
    pub errors: String,
    /// SARIF notifications (JSON objects) for the file's error.
    pub notifications: Vec<String>,
    pub counts: Counts,
    pub rules: BTreeMap<&'static str, RuleCount>,
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

/// A unified diff that `git apply` and `patch -p1` accept (colour codes, added when the output is
/// a terminal, are stripped otherwise). Lines keep their `\r`, so CRLF files patch cleanly.
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
            let value = change.value();
            let line = value.strip_suffix('\n').unwrap_or(value);
            let (line, cr) = match line.strip_suffix('\r') {
                Some(l) => (l, "\r"),
                None => (line, ""),
            };
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
            out.push_str(cr);
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

pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn error_line(path: &str, message: &str, location: Option<Location>) -> String {
    let place = match location {
        Some(l) => format!("{path}:{l}"),
        None => path.to_string(),
    };
    format!(
        "{}: {} {message}\n",
        paint(PATH, place),
        paint(ERROR, "error:")
    )
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
                Format::Text => r.errors = error_line(path, &error.message, error.location),
                Format::Json => r.stdout = json_file(path, "error", &[], &[], Some(error)),
                Format::Github => {
                    r.stdout = annotation(
                        "error",
                        path,
                        error.location,
                        "faas-migrate",
                        &error.message,
                    );
                }
                Format::Sarif => {
                    r.notifications
                        .push(sarif::notification(path, &error.message, error.location));
                }
            }
            return r;
        }
    };
    let changed = !done.edits.is_empty();
    let counted = changed && (mode != Mode::Write || done.written);
    r.counts.changed = counted as usize;
    r.counts.edits = if counted { done.edits.len() } else { 0 };
    r.counts.findings = done.findings.len();
    r.counts.needs_work = done.needs_work as usize;
    r.counts.errors = done.refused.is_some() as usize;
    for e in &done.edits {
        r.rules.entry(e.rule).or_default().edits += 1;
    }
    for f in &done.findings {
        r.rules.entry(f.rule).or_default().findings += 1;
    }
    // After a write, point at the file as it now is.
    let at = |f: &Finding| {
        if done.written {
            f.output_location
        } else {
            f.location
        }
    };
    let summary = format!(
        "{}: {}",
        plural(done.edits.len(), "edit", "edits"),
        rule_list(&done.edits)
    );
    if changed && format != Format::Json && format != Format::Sarif {
        match mode {
            Mode::Check => {
                let _ = writeln!(
                    r.status,
                    "{}: would be migrated ({summary})",
                    paint(PATH, path)
                );
            }
            Mode::Write if done.written => {
                let _ = writeln!(r.status, "{}: migrated ({summary})", paint(PATH, path));
            }
            _ => {}
        }
    }
    match format {
        Format::Text => {
            if let Some(diff) = &done.diff {
                r.stdout.push_str(diff);
            }
            if let Some(why) = &done.refused {
                r.errors = error_line(path, why, None);
            }
            for f in &done.findings {
                let class = if f.class == crate::FixClass::Manual {
                    paint(MANUAL, f.class)
                } else {
                    f.class.to_string()
                };
                let _ = writeln!(
                    r.findings,
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
            let error = done.refused.as_ref().map(|why| FileError {
                message: why.clone(),
                location: None,
            });
            r.stdout = json_file(path, status, &done.edits, &done.findings, error.as_ref());
        }
        Format::Github => {
            if let Some(why) = &done.refused {
                r.stdout
                    .push_str(&annotation("error", path, None, "faas-migrate", why));
            }
            for f in &done.findings {
                let level = match f.class {
                    FixClass::Manual => "error",
                    FixClass::Review => "warning",
                    FixClass::Auto => "notice",
                };
                let title = format!("faas-migrate ({} {})", f.rule, f.class);
                r.stdout
                    .push_str(&annotation(level, path, Some(at(f)), &title, &f.message));
            }
        }
        Format::Sarif => {
            if let Some(why) = &done.refused {
                r.notifications.push(sarif::notification(path, why, None));
            }
            r.stdout = sarif::results(path, done, mode);
        }
    }
    r
}

/// One GitHub Actions annotation (`::error file=…,line=…,col=…,title=…::message`).
fn annotation(level: &str, path: &str, at: Option<Location>, title: &str, message: &str) -> String {
    let (line, col) = at.map_or((1, 1), |l| (l.line, l.column));
    format!(
        "::{level} file={},line={line},col={col},title={}::{}\n",
        property(path),
        property(title),
        data(message)
    )
}

/// The last annotation of a `--format github` run: the summary, as an error when the run fails.
pub fn github_summary(summary: &str, failed: bool) -> String {
    let level = if failed { "error" } else { "notice" };
    let summary = summary.strip_prefix("faas-migrate: ").unwrap_or(summary);
    format!("::{level} title=faas-migrate::{}\n", data(summary))
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

/// One rule's line of `--statistics`.
#[derive(Debug, Serialize)]
pub struct Statistic {
    pub rule: &'static str,
    pub class: FixClass,
    pub edits: usize,
    pub findings: usize,
}

/// Per rule, edits and findings, the busiest rule first.
pub fn statistics(rules: &BTreeMap<&'static str, RuleCount>) -> Vec<Statistic> {
    let mut out: Vec<Statistic> = rules
        .iter()
        .map(|(rule, c)| Statistic {
            rule,
            class: crate::rules::by_name(rule).map_or(FixClass::Review, |r| r.class),
            edits: c.edits,
            findings: c.findings,
        })
        .collect();
    out.sort_by(|a, b| {
        (b.edits + b.findings)
            .cmp(&(a.edits + a.findings))
            .then(a.rule.cmp(b.rule))
    });
    out
}

/// `--statistics` as a table.
pub fn statistics_text(stats: &[Statistic]) -> String {
    let mut out = format!(
        "{:>6} {:>9}  {:<24} {}\n",
        "edits", "findings", "rule", "class"
    );
    for s in stats {
        let _ = writeln!(
            out,
            "{:>6} {:>9}  {:<24} {}",
            s.edits, s.findings, s.rule, s.class
        );
    }
    out
}

/// Closes a JSON report: run-level errors, statistics (with `--statistics`) and the summary.
pub fn json_end(
    counts: &Counts,
    elapsed: Duration,
    errors: &[String],
    stats: Option<&[Statistic]>,
) -> String {
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
    let errors = serde_json::to_string(errors).expect("serializable");
    let stats = stats.map_or(String::new(), |s| {
        format!(
            ",\"statistics\":{}",
            serde_json::to_string(s).expect("serializable")
        )
    });
    format!("],\"errors\":{errors}{stats},\"summary\":{summary}}}\n")
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
