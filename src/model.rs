//! What the library takes and gives: the [`Options`] of a run, the [`Migration`] of one file, and
//! the [`Error`] when a file cannot be migrated.

use crate::edit::AppliedEdit;
use crate::finding::{Finding, FixClass};
use crate::line_index::Location;
use crate::rules::{self, RuleInfo};
use std::fmt;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// What to run.
#[derive(Clone, Debug)]
pub struct Options {
    /// The rules to run, in order.
    pub rules: Vec<&'static RuleInfo>,
    /// How many rounds of parse → rules → edits a file may take before it counts as an internal
    /// error.
    pub max_passes: usize,
    /// A flag another thread may set to stop the migration early (an editor whose document
    /// changed): it is checked between passes and before each rule, and once set, [`migrate`](crate::migrate)
    /// returns [`Error::Cancelled`].
    pub cancel: Option<Arc<AtomicBool>>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            rules: rules::RULES.to_vec(),
            max_passes: 20,
            cancel: None,
        }
    }
}

impl Options {
    /// Runs the rules named in `select` (all if empty) except those in `ignore`.
    pub fn with_rules(select: &[String], ignore: &[String]) -> Result<Options, String> {
        for name in select.iter().chain(ignore) {
            if rules::by_name(name).is_none() {
                let known: Vec<&str> = rules::RULES.iter().map(|r| r.name).collect();
                return Err(format!(
                    "unknown rule `{name}` (rules: {})",
                    known.join(", ")
                ));
            }
        }
        let rules = rules::RULES
            .iter()
            .copied()
            .filter(|r| select.is_empty() || select.iter().any(|s| s == r.name))
            .filter(|r| !ignore.iter().any(|s| s == r.name))
            .collect();
        Ok(Options {
            rules,
            ..Options::default()
        })
    }

    /// `Err(Error::Cancelled)` once the [`cancel`](Options::cancel) flag is set.
    pub(crate) fn check_cancelled(&self) -> Result<(), Error> {
        match &self.cancel {
            Some(flag) if flag.load(Ordering::Relaxed) => Err(Error::Cancelled),
            _ => Ok(()),
        }
    }
}

/// The result of migrating one file.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Migration {
    /// The migrated source (the input itself when nothing changes).
    pub output: String,
    /// The changes, sorted and non-overlapping, against the input: applying them to the input
    /// gives `output`.
    pub edits: Vec<AppliedEdit>,
    /// What needs a person's eye, sorted by position.
    pub findings: Vec<Finding>,
    /// How many rounds the rules took.
    pub passes: usize,
}

impl Migration {
    /// Whether the migration changes the file (it made at least one edit).
    pub fn changed(&self) -> bool {
        !self.edits.is_empty()
    }

    /// Whether `--check` must fail for this file: it would change, or a `manual` finding or a
    /// marker remains.
    pub fn needs_work(&self) -> bool {
        self.changed()
            || self
                .findings
                .iter()
                .any(|f| f.class == FixClass::Manual || f.marker)
    }
}

/// Why a file could not be migrated. Nothing is written for such a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Error {
    /// The input does not parse.
    Syntax {
        /// The parser's message.
        message: String,
        /// Where, as a byte offset into the input.
        offset: usize,
        /// Where, as a line and column.
        location: Location,
    },
    /// The input cannot become an ES module (it relies on sloppy-mode script syntax).
    NotModule {
        /// What strict mode rejects, and why that matters in V2.
        message: String,
        /// Where, as a byte offset into the input.
        offset: usize,
        /// Where, as a line and column.
        location: Location,
    },
    /// A file faas-migrate does not migrate (a JSON file other than `config.json` and
    /// `settings.json`).
    Unsupported {
        /// Which file kinds are migrated instead.
        message: String,
    },
    /// A rule broke the code, did not settle, or panicked: a bug in faas-migrate.
    Internal {
        /// The rules whose edits were involved, when known.
        rules: Vec<&'static str>,
        /// What went wrong.
        message: String,
    },
    /// The [`Options::cancel`] flag was set before the migration finished.
    Cancelled,
}

impl Error {
    /// The same error with its byte offset moved by `by` (for a byte order mark cut off before
    /// parsing).
    pub(crate) fn shifted(self, by: usize) -> Error {
        match self {
            Error::Syntax {
                message,
                offset,
                location,
            } => Error::Syntax {
                message,
                offset: offset + by,
                location,
            },
            Error::NotModule {
                message,
                offset,
                location,
            } => Error::NotModule {
                message,
                offset: offset + by,
                location,
            },
            internal => internal,
        }
    }

    /// Where in the input the error is, if it is about a place.
    pub fn location(&self) -> Option<Location> {
        match self {
            Error::Syntax { location, .. } | Error::NotModule { location, .. } => Some(*location),
            Error::Unsupported { .. } | Error::Internal { .. } | Error::Cancelled => None,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Syntax { message, .. } => write!(f, "syntax error: {message}"),
            Error::NotModule { message, .. } => {
                write!(f, "cannot become an ES module: {message} (V2 functions run in strict mode)")
            }
            Error::Unsupported { message } => write!(f, "not migrated: {message}"),
            Error::Cancelled => write!(f, "cancelled"),
            Error::Internal { rules, message } if rules.is_empty() => write!(
                f,
                "internal error: {message}; the file is left unchanged (please report this)"
            ),
            Error::Internal { rules, message } => write!(
                f,
                "internal error in rule {}: {message}; the file is left unchanged (please report this)",
                rules.join(", ")
            ),
        }
    }
}

impl std::error::Error for Error {}
