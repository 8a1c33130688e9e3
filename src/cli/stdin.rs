//! Reading the source from stdin (`-`, or `--stdin-filename NAME`): the migrated source goes to
//! stdout (the input unchanged when it cannot be migrated, and nothing with `--check`); findings,
//! in the chosen format, go to stderr, since stdout carries the source.

use super::process::{migrate_with, read_source};
use super::settings::Settings;
use crate::report::{self, Done, FileError, Format, Mode};
use std::io::{self, Read, Write};
use std::path::Path;
use std::process::ExitCode;

pub fn run(
    name: &Path,
    settings: &Settings,
    mode: Mode,
    format: Format,
    quiet: u8,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<ExitCode, String> {
    let mut bytes = Vec::new();
    io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read stdin: {e}"))?;
    let shown = super::display(name);
    let result =
        read_source(bytes.clone()).and_then(|source| migrate_with(settings, &source, name));
    // The migrated text, or the input unchanged when it could not be migrated: nothing is lost.
    if mode != Mode::Check {
        let text = match &result {
            Ok(m) => m.output.as_bytes(),
            Err(_) => bytes.as_slice(),
        };
        out.write_all(text).map_err(|e| e.to_string())?;
        out.flush().map_err(|e| e.to_string())?;
    }
    let done: Result<Done, FileError> = result.map(|m| Done {
        needs_work: m.needs_work(),
        edits: m.edits,
        findings: m.findings,
        ..Done::default()
    });
    let r = report::render(&shown, &done, mode, format);
    let code = super::exit_code(&r.counts, mode);
    let text = match format {
        Format::Json => format!(
            "{}{}{}",
            report::JSON_START,
            r.stdout,
            report::json_end(&r.counts, Default::default(), &[], None)
        ),
        Format::Sarif => format!(
            "{}{}{}",
            report::sarif::start(),
            r.stdout,
            report::sarif::end(&r.notifications, &[], code)
        ),
        Format::Github => {
            let summary = report::summary(&r.counts, mode, Default::default());
            format!(
                "{}{}",
                r.stdout,
                report::github_summary(&summary, code != 0)
            )
        }
        Format::Text => {
            let mut t = String::new();
            if quiet < 2 {
                t.push_str(&r.findings);
                t.push_str(&r.errors);
            }
            t
        }
    };
    let _ = err.write_all(text.as_bytes());
    Ok(ExitCode::from(code))
}
