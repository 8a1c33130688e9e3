//! Fixture tests: every `snapshots/<rule>/<case>/` folder is one test.
//!
//! A case holds `input.js` (or `input.cjs`/`input.mjs`) and what the migration must give:
//! `output.js` (absent when the input must stay unchanged), `findings.txt` (one finding a line,
//! `line:column rule [class] message`; absent when there are none) and `error.txt` (when the
//! file must be refused). Folders under `snapshots/<rule>/` run only that rule; folders under
//! `snapshots/pipeline/` run every rule.
//!
//! A project-file case holds `input.json` (and `output.json`) instead. It is migrated as the file
//! named in the case's `path.txt` (one line, e.g. `functions/settings.json`), or as
//! `functions/example/config.json` when there is no `path.txt`: the file name decides which
//! rules read it.
//!
//! Besides the expected output, every case checks that a second run changes nothing, that the
//! output parses as an ES module (a project file: that `serde_json` reads it), that the reported
//! edits turn the input into the output, and that no line outside an edit changed.
//!
//! `UPDATE_SNAPSHOTS=1 cargo test --test snapshots` rewrites the expected files from what the
//! migration does now; review the diff before committing it.

use faas_migrate::{edit, migrate, Migration, Options};
use libtest_mimic::{Arguments, Failed, Trial};
use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    let args = Arguments::from_args();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("snapshots");
    let mut trials = Vec::new();
    for group in sorted_dirs(&root) {
        let group_name = group.file_name().unwrap().to_string_lossy().into_owned();
        for case in sorted_dirs(&group) {
            let name = format!(
                "{group_name}/{}",
                case.file_name().unwrap().to_string_lossy()
            );
            let group_name = group_name.clone();
            trials.push(Trial::test(name, move || run_case(&group_name, &case)));
        }
    }
    libtest_mimic::run(&args, trials).exit();
}

fn sorted_dirs(dir: &Path) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

fn options(group: &str) -> Options {
    if group == "pipeline" {
        Options::default()
    } else {
        Options::with_rules(&[group.to_string()], &[]).expect("snapshot folder named after a rule")
    }
}

fn input_file(case: &Path) -> PathBuf {
    ["input.js", "input.cjs", "input.mjs", "input.json"]
        .iter()
        .map(|name| case.join(name))
        .find(|p| p.exists())
        .unwrap_or_else(|| panic!("{}: no input.js or input.json", case.display()))
}

fn is_json(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "json")
}

/// The path given to `migrate`: the fixture file itself, or for a project file the name that
/// `path.txt` gives (by default a function's `config.json`).
fn migrate_path(case: &Path, input_path: &Path) -> PathBuf {
    if !is_json(input_path) {
        return input_path.to_path_buf();
    }
    match fs::read_to_string(case.join("path.txt")) {
        Ok(text) => PathBuf::from(text.trim()),
        Err(_) => PathBuf::from("functions/example/config.json"),
    }
}

fn findings_text(migration: &Migration) -> String {
    migration
        .findings
        .iter()
        .map(|f| format!("{} {} [{}] {}\n", f.location, f.rule, f.class, f.message))
        .collect()
}

fn read_or_empty(path: &Path) -> Option<String> {
    fs::read_to_string(path).ok()
}

/// Writes `content` to `path`, or removes `path` when there is nothing to expect.
fn bless(path: &Path, content: Option<&str>) {
    match content {
        Some(text) if !text.is_empty() => fs::write(path, text).unwrap(),
        _ => {
            let _ = fs::remove_file(path);
        }
    }
}

fn run_case(group: &str, case: &Path) -> Result<(), Failed> {
    let input_path = input_file(case);
    let input = fs::read_to_string(&input_path).unwrap();
    let options = options(group);
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let output_path = case.join(
        input_path
            .file_name()
            .unwrap()
            .to_string_lossy()
            .replace("input", "output"),
    );
    let findings_path = case.join("findings.txt");
    let error_path = case.join("error.txt");

    let path = migrate_path(case, &input_path);
    let migration = match migrate(&input, &path, &options) {
        Ok(migration) => migration,
        Err(error) => {
            let actual = match error.location() {
                Some(l) => format!("{l}: {error}\n"),
                None => format!("{error}\n"),
            };
            if update {
                bless(&error_path, Some(&actual));
                return Ok(());
            }
            let expected =
                read_or_empty(&error_path).ok_or_else(|| format!("unexpected error: {actual}"))?;
            return compare("error.txt", &expected, &actual);
        }
    };
    if error_path.exists() && !update {
        return Err("expected an error (error.txt), but the migration succeeded".into());
    }
    let changed = migration.changed();
    let findings = findings_text(&migration);
    if update {
        bless(&output_path, changed.then_some(migration.output.as_str()));
        bless(&findings_path, Some(&findings));
        let _ = fs::remove_file(&error_path);
    } else {
        let expected_output = read_or_empty(&output_path).unwrap_or_else(|| input.clone());
        compare(
            &output_path.file_name().unwrap().to_string_lossy(),
            &expected_output,
            &migration.output,
        )?;
        compare(
            "findings.txt",
            &read_or_empty(&findings_path).unwrap_or_default(),
            &findings,
        )?;
    }

    // The edits, applied to the input, give the output.
    let edits: Vec<edit::Edit> = migration
        .edits
        .iter()
        .map(|e| edit::Edit::replace(e.range.clone(), e.text.clone(), e.rule))
        .collect();
    if edit::apply(&input, &edits) != migration.output {
        return Err("the reported edits do not turn the input into the output".into());
    }
    // No line outside an edit changed.
    let diff = similar::TextDiff::from_lines(&input, &migration.output);
    let mut offset = 0;
    for change in diff.iter_all_changes() {
        let len = change.value().len();
        if change.tag() == similar::ChangeTag::Delete {
            let line = offset..offset + len;
            let touched = migration
                .edits
                .iter()
                .any(|e| e.range.start < line.end && line.start <= e.range.end);
            if !touched {
                return Err(
                    format!("line {:?} changed, but no edit touches it", change.value()).into(),
                );
            }
        }
        if change.tag() != similar::ChangeTag::Insert {
            offset += len;
        }
    }
    if changed {
        let text = migration
            .output
            .strip_prefix('\u{feff}')
            .unwrap_or(&migration.output);
        if is_json(&input_path) {
            serde_json::from_str::<serde_json::Value>(text)
                .map_err(|e| format!("the output is not JSON: {e}"))?;
        } else {
            faas_migrate::parse::parse_module(text).map_err(|e| {
                format!(
                    "the output is not an ES module: {} at byte {}",
                    e.message, e.offset
                )
            })?;
        }
    }
    // A second run changes nothing and adds no marker.
    let again = migrate(&migration.output, &path, &options)
        .map_err(|e| format!("second run failed: {e}"))?;
    if again.changed() {
        return Err(format!(
            "a second run changes the output again:\n{}",
            similar::TextDiff::from_lines(&migration.output, &again.output).unified_diff()
        )
        .into());
    }
    Ok(())
}

fn compare(what: &str, expected: &str, actual: &str) -> Result<(), Failed> {
    if expected == actual {
        return Ok(());
    }
    Err(format!(
        "{what} differs (UPDATE_SNAPSHOTS=1 rewrites it):\n{}",
        similar::TextDiff::from_lines(expected, actual)
            .unified_diff()
            .header("expected", "actual")
    )
    .into())
}
