//! What analysing one version of a document gave: shared by the analysis, the diagnostics and
//! the code actions.

use crate::line_index::LineIndex;
use crate::{Error, Migration};
use std::sync::Arc;

/// What one version of a document gave.
pub struct Analysis {
    pub generation: u64,
    pub version: i32,
    pub text: Arc<str>,
    pub lines: LineIndex,
    pub outcome: Outcome,
}

pub enum Outcome {
    /// Not a file faas-migrate reads, or excluded by the settings.
    Skipped,
    Migrated(Migration),
    Failed(Error),
}
