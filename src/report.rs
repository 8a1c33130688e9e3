//! What the user sees: diffs, findings, errors and the summary, as text, JSON or GitHub Actions
//! annotations.
//!
//! Each file is rendered on the worker thread that migrated it; the printer only writes the
//! pieces in path order, so printing never holds more than a few files' output.
//!
//! `--report FILE.md` keeps a small [`FileSummary`] per file (edit counts per rule and the
//! findings, never the source) and renders them at the end with [`markdown`]: a migration
//! report per function folder for whoever signs the migration off.

use crate::finding::{Finding, FixClass};
use crate::line_index::Location;
use crate::AppliedEdit;
use anstyle::{AnsiColor, Style};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::{Component, Path, PathBuf};
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

/// What the Markdown report keeps of one file: edit counts per rule, findings and the error,
/// never the source.
#[derive(Clone, Debug)]
pub struct FileSummary {
    /// The path as the walk found it, to link to.
    pub path: PathBuf,
    /// The path as printed.
    pub display: String,
    /// How many edits each rule made, by rule name.
    pub edits: BTreeMap<&'static str, usize>,
    pub findings: Vec<SummaryFinding>,
    /// Why the file could not be migrated, and where.
    pub error: Option<(String, Option<Location>)>,
    /// Whether the file was written.
    pub written: bool,
}

/// One finding in the report, located in the file as it is on disk after the run.
#[derive(Clone, Debug)]
pub struct SummaryFinding {
    pub rule: &'static str,
    pub class: FixClass,
    pub message: String,
    pub location: Location,
}

impl FileSummary {
    pub fn new(path: &Path, display: &str, result: &Result<Done, FileError>) -> FileSummary {
        let mut summary = FileSummary {
            path: path.to_path_buf(),
            display: display.to_string(),
            edits: BTreeMap::new(),
            findings: Vec::new(),
            error: None,
            written: false,
        };
        match result {
            Err(e) => summary.error = Some((e.message.clone(), e.location)),
            Ok(done) => {
                for e in &done.edits {
                    *summary.edits.entry(e.rule).or_default() += 1;
                }
                summary.written = done.written;
                summary.findings = done
                    .findings
                    .iter()
                    .map(|f| SummaryFinding {
                        rule: f.rule,
                        class: f.class,
                        message: f.message.clone(),
                        location: if done.written {
                            f.output_location
                        } else {
                            f.location
                        },
                    })
                    .collect();
            }
        }
        summary
    }

    fn edit_count(&self) -> usize {
        self.edits.values().sum()
    }

    fn count(&self, class: FixClass) -> usize {
        self.findings.iter().filter(|f| f.class == class).count()
    }
}

/// The function folder `functions/<name>/` that holds `path`, if any.
fn function_folder(path: &Path) -> Option<&Path> {
    let dir = path.parent()?;
    (dir.parent()?.file_name()? == "functions").then_some(dir)
}

/// `path` made absolute (against the working directory) with `.` and `..` resolved by name.
fn normalized(path: &Path) -> PathBuf {
    let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// A Markdown link target for `to`, relative to the folder `from` (both already normalized),
/// with `/` separators and the characters that would end a link escaped.
fn relative_link(from: &Path, to: &Path) -> String {
    let from: Vec<Component> = from.components().collect();
    let to_parts: Vec<Component> = to.components().collect();
    let common = from
        .iter()
        .zip(&to_parts)
        .take_while(|(a, b)| a == b)
        .count();
    let mut parts: Vec<String> = vec!["..".to_string(); from.len() - common];
    parts.extend(
        to_parts[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    let mut link = String::new();
    for c in parts.join("/").chars() {
        match c {
            ' ' => link.push_str("%20"),
            '(' => link.push_str("%28"),
            ')' => link.push_str("%29"),
            '#' => link.push_str("%23"),
            '%' => link.push_str("%25"),
            '<' => link.push_str("%3C"),
            '>' => link.push_str("%3E"),
            c => link.push(c),
        }
    }
    if link.is_empty() {
        ".".into()
    } else {
        link
    }
}

/// Text for a Markdown table cell or link label: no line breaks, no `|`, no `[`/`]`.
fn cell(text: &str) -> String {
    text.replace(['\n', '\r'], " ")
        .replace('|', "\\|")
        .replace('[', "\\[")
        .replace(']', "\\]")
}

/// The status of a function folder, from most to least urgent.
fn status(files: &[&FileSummary], mode: Mode) -> &'static str {
    if files.iter().any(|f| f.error.is_some()) {
        "error"
    } else if files.iter().any(|f| f.count(FixClass::Manual) > 0) {
        "needs a person"
    } else if files.iter().any(|f| f.count(FixClass::Review) > 0) {
        "to review"
    } else if files.iter().any(|f| f.edit_count() > 0) {
        if mode == Mode::Write {
            "migrated"
        } else {
            "to migrate"
        }
    } else {
        "nothing to change"
    }
}

/// Renders the migration report: totals, a table of functions, then per function folder the
/// changes (edits per rule and file) and every finding and error with a link to its line.
/// Links are relative to the folder the report is written to.
pub fn markdown(files: &[FileSummary], mode: Mode, report_path: &Path) -> String {
    let report_dir = normalized(report_path)
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let link = |file: &FileSummary, line: Option<usize>| {
        let target = relative_link(&report_dir, &normalized(&file.path));
        match line {
            Some(line) => format!("{target}#L{line}"),
            None => target,
        }
    };

    // Function folders first, in path order; then other folders.
    let mut groups: BTreeMap<(bool, String), Vec<&FileSummary>> = BTreeMap::new();
    for f in files {
        let (is_function, folder) = match function_folder(Path::new(&f.display)) {
            Some(dir) => (true, dir.to_string_lossy().into_owned()),
            None => (
                false,
                Path::new(&f.display)
                    .parent()
                    .map(|p| p.to_string_lossy().into_owned())
                    .unwrap_or_default(),
            ),
        };
        groups.entry((!is_function, folder)).or_default().push(f);
    }

    let total_edits: usize = files.iter().map(FileSummary::edit_count).sum();
    let changed = files.iter().filter(|f| f.edit_count() > 0).count();
    let manual: usize = files.iter().map(|f| f.count(FixClass::Manual)).sum();
    let review: usize = files.iter().map(|f| f.count(FixClass::Review)).sum();
    let errors = files.iter().filter(|f| f.error.is_some()).count();
    let functions = groups.keys().filter(|(other, _)| !other).count();
    let manual_functions = groups
        .iter()
        .filter(|((other, _), g)| !other && status(g, mode) == "needs a person")
        .count();

    let mut out = String::new();
    let _ = writeln!(out, "# V1 → V2 migration report\n");
    let what = match mode {
        Mode::Write => "The changes below were written; line links point into the migrated files.",
        Mode::Diff | Mode::Check => {
            "Nothing was written: the changes below are what `faas-migrate --write` makes; line links point into the files as they are."
        }
    };
    let _ = writeln!(
        out,
        "Made by faas-migrate {}. {what}\n",
        env!("CARGO_PKG_VERSION")
    );
    let change_word = if mode == Mode::Write {
        "changed"
    } else {
        "to change"
    };
    let _ = writeln!(out, "| | |\n|---|---|");
    let _ = writeln!(
        out,
        "| functions | {functions} ({manual_functions} {} a person) |",
        if manual_functions == 1 {
            "needs"
        } else {
            "need"
        }
    );
    let _ = writeln!(
        out,
        "| files | {} scanned, {changed} {change_word} ({}) |",
        files.len(),
        plural(total_edits, "edit", "edits")
    );
    let _ = writeln!(
        out,
        "| needs a person | {} |",
        plural(manual, "manual finding", "manual findings")
    );
    let _ = writeln!(
        out,
        "| to review | {} |",
        plural(review, "review finding", "review findings")
    );
    let _ = writeln!(out, "| errors | {errors} |\n");

    if !groups.is_empty() {
        let _ = writeln!(
            out,
            "| folder | status | edits | manual | review | errors |\n|---|---|---|---|---|---|"
        );
        for ((_, folder), group) in &groups {
            let _ = writeln!(
                out,
                "| `{}` | {} | {} | {} | {} | {} |",
                cell(&folder_label(folder)),
                status(group, mode),
                group.iter().map(|f| f.edit_count()).sum::<usize>(),
                group
                    .iter()
                    .map(|f| f.count(FixClass::Manual))
                    .sum::<usize>(),
                group
                    .iter()
                    .map(|f| f.count(FixClass::Review))
                    .sum::<usize>(),
                group.iter().filter(|f| f.error.is_some()).count(),
            );
        }
        out.push('\n');
    }

    for ((other, folder), group) in &groups {
        let title = if *other {
            let kind = if Path::new(folder)
                .file_name()
                .is_some_and(|n| n == "functions")
            {
                "Project settings"
            } else {
                "Other files"
            };
            format!("{kind} in {}", folder_label(folder))
        } else {
            Path::new(folder)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| folder.clone())
        };
        let _ = writeln!(out, "## {}\n", cell(&title));
        let _ = writeln!(
            out,
            "Folder `{}`: **{}**.\n",
            cell(&folder_label(folder)),
            status(group, mode)
        );
        let name = |f: &FileSummary| {
            Path::new(&f.display)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| f.display.clone())
        };
        if group.iter().any(|f| f.edit_count() > 0) {
            let _ = writeln!(
                out,
                "{}:\n\n| file | rule | edits |\n|---|---|---|",
                if mode == Mode::Write {
                    "Changed"
                } else {
                    "Changes to make"
                }
            );
            for f in group {
                for (rule, n) in &f.edits {
                    let _ = writeln!(
                        out,
                        "| [{}]({}) | `{rule}` | {n} |",
                        cell(&name(f)),
                        link(f, None)
                    );
                }
            }
            out.push('\n');
        }
        for (class, heading) in [
            (FixClass::Manual, "Needs a person"),
            (FixClass::Review, "To review"),
        ] {
            let items: Vec<String> = group
                .iter()
                .flat_map(|f| {
                    f.findings.iter().filter(|x| x.class == class).map(|x| {
                        format!(
                            "- [{}:{}]({}) `{}`: {}",
                            cell(&name(f)),
                            x.location,
                            link(f, Some(x.location.line)),
                            x.rule,
                            x.message.replace(['\n', '\r'], " ")
                        )
                    })
                })
                .collect();
            if !items.is_empty() {
                let _ = writeln!(out, "{heading}:\n\n{}\n", items.join("\n"));
            }
        }
        let error_items: Vec<String> = group
            .iter()
            .filter_map(|f| {
                let (message, location) = f.error.as_ref()?;
                let place = match location {
                    Some(l) => format!("[{}:{l}]({})", cell(&name(f)), link(f, Some(l.line))),
                    None => format!("[{}]({})", cell(&name(f)), link(f, None)),
                };
                Some(format!("- {place}: {}", message.replace(['\n', '\r'], " ")))
            })
            .collect();
        if !error_items.is_empty() {
            let _ = writeln!(
                out,
                "Errors (nothing was written for these files):\n\n{}\n",
                error_items.join("\n")
            );
        }
        if group
            .iter()
            .all(|f| f.edit_count() == 0 && f.findings.is_empty() && f.error.is_none())
        {
            let _ = writeln!(out, "Nothing to change.\n");
        }
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('\n');
    out
}

/// A folder as shown in the report: `.` for the working directory, with a trailing `/`.
fn folder_label(folder: &str) -> String {
    if folder.is_empty() {
        "./".to_string()
    } else {
        format!("{folder}/")
    }
}
