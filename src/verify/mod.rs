//! The last gate before anything is written: a migrated file must be an ES module that Node
//! loads (module grammar, then the early errors of `strict`); a project file must be JSON.
//! When a pass breaks that, find the rules whose edits did it, so the report names them.

mod early;
mod strict;

pub use strict::check_module_text;
pub(crate) use strict::strict_module;

use crate::edit::{self, Edit};
use crate::line_index::location;
use crate::model::Error;
use crate::parse::{self, Parsed, SyntaxError};
use crate::project::json::{self, JsonError};
use crate::semantic::Resolution;
use swc_ecma_ast::Program;

/// The check of a migrated text `output`, whose last pass's parse is `last`. When that pass
/// parsed it as a module (swc's program parser applies the module grammar, strict mode
/// included, to text with module syntax, and any error it reports fails the parse), that parse
/// was the grammar check and is resolved and checked as it is; otherwise `output` is parsed as a
/// module first.
pub(crate) fn check_output(
    output: &str,
    last: Parsed,
    resolution: &Resolution,
) -> Result<(), SyntaxError> {
    match last.program {
        // Already resolved, in these globals, by the last pass's analysis.
        Program::Module(_) => swc_common::GLOBALS.set(&resolution.globals, || {
            strict_module(&last, resolution).map_err(SyntaxError::from)
        }),
        Program::Script(_) => check_module_text(output),
    }
}

/// What a check says of one text, against the failure being explained.
#[derive(PartialEq, Eq)]
enum Outcome {
    /// The same failure.
    Same,
    /// Another failure.
    Other,
    Clean,
}

/// Names the rules whose edits (against `before`) cause the failure that `check` recognises:
/// those whose edits alone cause it; if none does (two rules that each add one import of a
/// name), those without whose edits the rest is clean; failing that, every rule with an edit.
fn culprits(before: &str, edits: &[Edit], check: impl Fn(&str) -> Outcome) -> Vec<&'static str> {
    let mut rules: Vec<&'static str> = edits.iter().map(|e| e.rule).collect();
    rules.sort_unstable();
    rules.dedup();
    let outcome = |keep: &dyn Fn(&Edit) -> bool| {
        let kept: Vec<Edit> = edits.iter().filter(|e| keep(e)).cloned().collect();
        check(&edit::apply(before, &kept))
    };
    let alone: Vec<&'static str> = rules
        .iter()
        .copied()
        .filter(|&rule| outcome(&|e| e.rule == rule) == Outcome::Same)
        .collect();
    if !alone.is_empty() {
        return alone;
    }
    let needed: Vec<&'static str> = rules
        .iter()
        .copied()
        .filter(|&rule| rules.len() > 1 && outcome(&|e| e.rule != rule) == Outcome::Clean)
        .collect();
    if needed.is_empty() {
        rules
    } else {
        needed
    }
}

/// [`Outcome`] of `check` on a text: any failure counts as the same one.
fn any_failure<T, E>(check: impl Fn(&str) -> Result<T, E>) -> impl Fn(&str) -> Outcome {
    move |text| match check(text) {
        Ok(_) => Outcome::Clean,
        Err(_) => Outcome::Same,
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
        rules: culprits(before, edits, any_failure(parse::parse_program)),
        message: format!(
            "the migrated code does not parse ({} at {})",
            error.message,
            location(&after, error.offset)
        ),
    }
}

/// The migrated text is not an ES module Node loads (`error`, from [`check_output`]). If the
/// input cannot be one either (sloppy-mode code such as `with`, two top-level functions of one
/// name) or was wrong from the start (`let a; let a;`), say where; otherwise the rules broke it:
/// name them.
pub(crate) fn not_a_module(
    input: &str,
    edits: &[Edit],
    output: &str,
    error: &SyntaxError,
) -> Error {
    if let Some(error) = input_not_a_module(input) {
        return error;
    }
    let same = |text: &str| match check_module_text(text) {
        Ok(()) => Outcome::Clean,
        Err(e) if e.message == error.message => Outcome::Same,
        Err(_) => Outcome::Other,
    };
    Error::Internal {
        rules: culprits(input, edits, same),
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
        rules: culprits(before, edits, any_failure(json::validate)),
        message: format!(
            "the migrated file is not valid JSON ({} at {})",
            error.message,
            location(&after, error.offset)
        ),
    }
}

/// Why the input (which parsed) cannot become a module, if it cannot: an early error it has
/// even as a script is a syntax error of the input; otherwise it is valid only as a script.
fn input_not_a_module(input: &str) -> Option<Error> {
    let error = check_module_text(input).err()?;
    if let Err(error) = strict::check_script_text(input) {
        return Some(Error::Syntax {
            location: location(input, error.offset),
            offset: error.offset,
            message: error.message,
        });
    }
    Some(Error::NotModule {
        location: location(input, error.offset),
        offset: error.offset,
        message: error.message,
    })
}
