//! Findings: what a rule tells the user, beyond the edits it makes.

use crate::edit::AppliedEdit;
use crate::line_index::Location;
use serde::Serialize;
use std::fmt;
use std::ops::Range;

/// How far a rule's fix can be trusted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FixClass {
    /// The rewrite preserves behaviour.
    Auto,
    /// The rewrite preserves behaviour under an assumption the finding states; read it.
    Review,
    /// Nothing is rewritten; a person has to act.
    Manual,
}

impl fmt::Display for FixClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            FixClass::Auto => "auto",
            FixClass::Review => "review",
            FixClass::Manual => "manual",
        })
    }
}

/// Something a user should know about one place in a file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The rule that reports it.
    pub rule: &'static str,
    /// `review`: a rewrite was made under an assumption; `manual`: a person must act.
    pub class: FixClass,
    /// What was assumed or what must be done, in one sentence.
    pub message: String,
    /// Byte range in the input source.
    pub range: Range<usize>,
    /// Where `range` starts in the input source.
    pub location: Location,
    /// Where the same place is in the migrated source.
    pub output_location: Location,
    /// Whether a `TODO(faas-migrate)` marker comment stands above this place in the output.
    pub marker: bool,
    /// The change this finding is about, when it can be applied to the input on its own (an
    /// editor's quick fix): the rewrite a `review` finding describes, or the marker of a
    /// `manual` one. `None` when the change was made on top of another rule's.
    pub fix: Option<Fix>,
}

/// The edits of one fix, against the input: applied together or not at all.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fix {
    /// The rule that made it.
    pub rule: &'static str,
    /// Sorted, non-overlapping.
    pub edits: Vec<AppliedEdit>,
}

/// The marker comment text (without the comment opener) for a rule's message.
pub fn marker_text(rule: &str, message: &str) -> String {
    format!("TODO(faas-migrate): {message} [{rule}]")
}

/// The prefix every marker starts with; `--check` fails while any remains in a file.
pub const MARKER_PREFIX: &str = "TODO(faas-migrate):";

/// A comment that silences findings of the statement below it: `// faas-migrate-ignore` for all
/// rules, `// faas-migrate-ignore: env-rename, require-to-import` for some.
pub const IGNORE_DIRECTIVE: &str = "faas-migrate-ignore";
