//! Migrating and writing one unit: a function folder's files together, or a single file.
//!
//! A function (`functions/<name>/`, its `index.js`, `config.json` and other files) migrates whole
//! or not at all: when one of its files cannot be migrated, has uncommitted changes, or cannot be
//! written, none of them is written, and each says why. The findings of a file that was not
//! written are still shown.

use super::settings::Settings;
use crate::finding::{Finding, FixClass, IGNORE_DIRECTIVE};
use crate::line_index::LineIndex;
use crate::report::{self, Done, FileError, Format, Mode};
use crate::write::vcs::Dirt;
use crate::write::{self, WriteError};
use crate::{migrate, Migration};
use std::path::{Path, PathBuf};

/// What every unit of a run shares.
pub struct Job<'a> {
    pub settings: &'a Settings,
    pub mode: Mode,
    pub format: Format,
    /// Whether to make diffs (text format, default mode, no `--statistics`).
    pub diff: bool,
}

/// One file of a unit: where it is, how it is shown, and whether git holds it as committed (for
/// `--write`; `None` when it is or when that is not checked).
pub struct Member<'a> {
    pub path: &'a Path,
    pub shown: String,
    pub dirt: Option<Dirt>,
}

struct Migrated {
    bytes: Vec<u8>,
    source: String,
    migration: Migration,
}

fn error(message: String) -> FileError {
    FileError {
        message,
        location: None,
    }
}

/// The function folder (`functions/<name>/`) a file belongs to: its files are written together.
pub fn unit_of(path: &Path) -> Option<PathBuf> {
    let full = crate::discover::normalized(path);
    let mut dir = full.parent();
    while let Some(d) = dir {
        if d.parent()
            .and_then(Path::file_name)
            .is_some_and(|n| n == "functions")
        {
            return Some(d.to_path_buf());
        }
        dir = d.parent();
    }
    None
}

/// Reads a file as UTF-8 text, with a clear message when it is not.
pub fn read_source(bytes: Vec<u8>) -> Result<String, FileError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(error(
            "skipped: the file is UTF-16 encoded; faas-migrate reads UTF-8 only".into(),
        ));
    }
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(error(format!(
            "skipped: binary file (NUL byte at offset {at})"
        )));
    }
    String::from_utf8(bytes).map_err(|e| {
        error(format!(
            "skipped: not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })
}

/// Migrates `source` as `path` with the file's rules, then drops the findings the configuration
/// accepts and adds one for each unknown rule named in a `faas-migrate-ignore` comment.
pub fn migrate_with(
    settings: &Settings,
    source: &str,
    path: &Path,
) -> Result<Migration, FileError> {
    let options = settings.options_for(path);
    let mut m = migrate(source, path, &options).map_err(|e| FileError {
        message: e.to_string(),
        location: e.location(),
    })?;
    m.findings.retain(|f| !settings.accepted(path, f, source));
    m.findings.extend(unknown_ignored_rules(source, &m));
    m.findings.sort_by_key(|f| f.range.start);
    Ok(m)
}

/// `// faas-migrate-ignore: rule` comments naming a rule that does not exist: a misspelt name
/// silences nothing, so it is reported.
fn unknown_ignored_rules(source: &str, m: &Migration) -> Vec<Finding> {
    if !source.contains(IGNORE_DIRECTIVE) {
        return Vec::new();
    }
    let input = LineIndex::new(source);
    let output = LineIndex::new(&m.output);
    let mut found = Vec::new();
    for (at, _) in source.match_indices(IGNORE_DIRECTIVE) {
        let line_start = source[..at].rfind('\n').map_or(0, |i| i + 1);
        let before = source[line_start..at].trim_end();
        if !(before.ends_with("//") || before.ends_with("/*")) {
            continue;
        }
        let rest_start = at + IGNORE_DIRECTIVE.len();
        let line_end = source[rest_start..]
            .find('\n')
            .map_or(source.len(), |i| rest_start + i);
        let rest = &source[rest_start..line_end];
        let Some(list) = rest.trim_start().strip_prefix(':') else {
            continue;
        };
        let list = list.split("*/").next().unwrap_or(list);
        let list_start = line_end - rest.len() + (rest.len() - rest.trim_start().len()) + 1;
        for name in list.split([',', ' ', '\t', '\r']).filter(|n| !n.is_empty()) {
            if crate::rules::by_name(name).is_some() {
                continue;
            }
            let offset = list_start + list.find(name).unwrap_or(0);
            found.push(Finding {
                rule: IGNORE_DIRECTIVE,
                class: FixClass::Review,
                message: format!(
                    "{} in a `{IGNORE_DIRECTIVE}` comment: it silences nothing",
                    super::args::unknown_rule(name)
                ),
                range: offset..offset + name.len(),
                location: input.location(source, offset),
                output_location: output.location(&m.output, output_offset(m, offset)),
                marker: false,
                fix: None,
            });
        }
    }
    found
}

/// Where `offset` of the input is in the output.
fn output_offset(m: &Migration, offset: usize) -> usize {
    let mut shift: isize = 0;
    for e in &m.edits {
        if e.range.end <= offset {
            shift += e.text.len() as isize - (e.range.end - e.range.start) as isize;
        }
    }
    (offset as isize + shift).max(0) as usize
}

fn needs_work(changed: bool, findings: &[Finding]) -> bool {
    changed
        || findings
            .iter()
            .any(|f| f.class == FixClass::Manual || f.marker)
}

/// Migrates (and with `--write`, writes) the files of one unit.
/// `outside` is a file of the same function that is not part of the run but has uncommitted
/// changes (it holds the unit back too).
pub fn unit(
    members: &[Member],
    outside: Option<&(String, Dirt)>,
    job: &Job,
) -> Vec<Result<Done, FileError>> {
    let migrated: Vec<Result<Migrated, FileError>> = members
        .iter()
        .map(|m| {
            let bytes = std::fs::read(m.path).map_err(|e| error(format!("cannot read: {e}")))?;
            let source = read_source(bytes.clone())?;
            let migration = migrate_with(job.settings, &source, m.path)?;
            Ok(Migrated {
                bytes,
                source,
                migration,
            })
        })
        .collect();

    // With --write: why the unit is held back, if it is (a member's error or uncommitted
    // changes), and the writes.
    let mut refused: Vec<Option<String>> = members.iter().map(|_| None).collect();
    let mut written = vec![false; members.len()];
    if job.mode == Mode::Write {
        let held = members
            .iter()
            .zip(&migrated)
            .find_map(|(m, r)| match (r, m.dirt) {
                (Err(_), _) => Some((m.shown.as_str(), "could not be migrated".to_string(), None)),
                (Ok(_), Some(dirt)) => Some((m.shown.as_str(), partner_reason(dirt), Some(dirt))),
                _ => None,
            });
        let held = held.or_else(|| {
            outside.map(|(shown, dirt)| (shown.as_str(), partner_reason(*dirt), Some(*dirt)))
        });
        let changed: Vec<usize> = (0..members.len())
            .filter(|&i| migrated[i].as_ref().is_ok_and(|m| m.migration.changed()))
            .collect();
        match held {
            Some((culprit, why, dirt)) => {
                for &i in &changed {
                    refused[i] = Some(match members[i].dirt {
                        Some(own) if dirt.is_some() && members[i].shown == culprit => {
                            format!("not written: {}", own.message())
                        }
                        _ => together(culprit, &why, dirt.is_some()),
                    });
                }
            }
            None => {
                let files: Vec<(&Path, &[u8], &str)> = changed
                    .iter()
                    .map(|&i| {
                        let m = migrated[i].as_ref().expect("changed files migrated");
                        (
                            members[i].path,
                            m.bytes.as_slice(),
                            m.migration.output.as_str(),
                        )
                    })
                    .collect();
                let results = write::write_together(&files);
                let culprit = changed
                    .iter()
                    .zip(&results)
                    .find(|(_, r)| !is_held(r))
                    .map(|(&i, _)| members[i].shown.clone());
                for (&i, r) in changed.iter().zip(results) {
                    match r {
                        Ok(()) => written[i] = true,
                        Err(WriteError::Refused(s)) if s.is_empty() => {
                            let culprit = culprit.as_deref().unwrap_or("another file");
                            refused[i] = Some(together(culprit, "could not be written", false));
                        }
                        Err(e) => refused[i] = Some(e.to_string()),
                    }
                }
            }
        }
    }

    migrated
        .into_iter()
        .zip(members)
        .enumerate()
        .map(|(i, (r, member))| {
            let m = r?;
            let changed = m.migration.changed();
            let diff = (job.diff && changed)
                .then(|| report::diff(&member.shown, &m.source, &m.migration.output));
            Ok(Done {
                needs_work: needs_work(changed, &m.migration.findings),
                edits: m.migration.edits,
                findings: m.migration.findings,
                written: written[i],
                refused: refused[i].take(),
                diff,
            })
        })
        .collect()
}

/// Whether a write result only says the file was held back for another file of its unit.
fn is_held(r: &Result<(), WriteError>) -> bool {
    match r {
        Ok(()) => true,
        Err(WriteError::Refused(s)) => s.is_empty(),
        Err(_) => false,
    }
}

fn partner_reason(dirt: Dirt) -> String {
    match dirt {
        Dirt::Changed => "has uncommitted changes".into(),
        Dirt::NotCommitted => "is not committed to git".into(),
    }
}

/// The reason a file of a function is not written because of another of its files.
fn together(culprit: &str, why: &str, dirty: bool) -> String {
    let fix = if dirty {
        " (commit or stash it, or pass --allow-dirty)"
    } else {
        ""
    };
    format!("not written: {culprit} {why}, and a function's files are written together{fix}")
}
