//! The last gate before anything is written: a migrated file must parse as an ES module (a
//! project file: as JSON). When a pass breaks the syntax, find the rule whose edits did it, so the
//! report names it.

use crate::edit::{self, Edit};
use crate::engine::location;
use crate::parse::{self, SyntaxError};
use crate::project::json::{self, JsonError};
use crate::Error;

/// Names the rules whose edits alone make `before` fail to parse with `parse`.
fn culprits<T, E>(
    before: &str,
    edits: &[Edit],
    parse: impl Fn(&str) -> Result<T, E>,
) -> Vec<&'static str> {
    let mut rules: Vec<&'static str> = edits.iter().map(|e| e.rule).collect();
    rules.sort_unstable();
    rules.dedup();
    let guilty: Vec<&'static str> = rules
        .iter()
        .copied()
        .filter(|rule| {
            let own: Vec<Edit> = edits.iter().filter(|e| e.rule == *rule).cloned().collect();
            parse(&edit::apply(before, &own)).is_err()
        })
        .collect();
    if guilty.is_empty() {
        rules
    } else {
        guilty
    }
}

/// A pass turned `before` into text that no longer parses. Once a file has an `import`, it is
/// parsed as a module: if the input could never be one, that is the error to report.
pub(crate) fn broken_by(input: &str, before: &str, edits: &[Edit], error: &SyntaxError) -> Error {
    if let Some(error) = input_not_a_module(input) {
        return error;
    }
    let after = edit::apply(before, edits);
    Error::Internal {
        rules: culprits(before, edits, parse::parse_program),
        message: format!(
            "the migrated code does not parse ({} at {})",
            error.message,
            location(&after, error.offset)
        ),
    }
}

/// The migrated text is not a valid ES module. If the input cannot be one either (sloppy-mode
/// code such as `with`), say where; otherwise the rules broke it: name them.
pub(crate) fn not_a_module(
    input: &str,
    edits: &[Edit],
    output: &str,
    error: &SyntaxError,
) -> Error {
    if let Some(error) = input_not_a_module(input) {
        return error;
    }
    Error::Internal {
        rules: culprits(input, edits, parse::parse_module),
        message: format!(
            "the migrated code is not a valid ES module ({} at {})",
            error.message,
            location(output, error.offset)
        ),
    }
}

/// A pass turned a project file's `before` into text that is not JSON (`serde_json` refuses it):
/// the rules whose edits did it are to blame.
pub(crate) fn not_json(before: &str, edits: &[Edit], error: &JsonError) -> Error {
    let after = edit::apply(before, edits);
    Error::Internal {
        rules: culprits(before, edits, json::validate),
        message: format!(
            "the migrated file is not valid JSON ({} at {})",
            error.message,
            location(&after, error.offset)
        ),
    }
}

fn input_not_a_module(input: &str) -> Option<Error> {
    let error = parse::parse_module(input).err()?;
    Some(Error::NotModule {
        location: location(input, error.offset),
        offset: error.offset,
        message: error.message,
    })
}
