//! The Markdown migration report (`--report FILE.md`): totals, a table of folders, then per
//! function folder the changes and every finding and error with a link to its line.

use super::{plural, Done, FileError, Mode};
use crate::discover::normalized;
use crate::finding::FixClass;
use crate::line_index::Location;
use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::{Component, Path, PathBuf};

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
                if let Some(why) = &done.refused {
                    summary.error = Some((why.clone(), None));
                }
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
