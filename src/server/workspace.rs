//! `workspace/executeCommand` `faas-migrate.migrateWorkspace`: what a migration of every
//! workspace folder would do, as a summary. Nothing is applied: the files are migrated in memory
//! (an open document as the editor holds it, any other file as it is on disk), and the answer
//! says how many would change and what the findings are, for the user to run "Migrate this file
//! to V2" per file or `faas-migrate --write` on the folder.

use super::settings::Settings;
use crate::{discover, migrate, FixClass};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::Arc;

/// The command's name.
pub const MIGRATE_WORKSPACE: &str = "faas-migrate.migrateWorkspace";

/// The answer.
#[derive(Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    /// Files read (JavaScript files and `lpf` project files, not excluded).
    pub files: usize,
    /// Files the migration would change.
    pub would_change: usize,
    /// Edits in those files.
    pub edits: usize,
    /// Findings by class: `auto`, `review`, `manual`.
    pub findings: BTreeMap<String, usize>,
    /// Files that could not be migrated (syntax errors and the like).
    pub errors: usize,
    /// The URIs of the files that would change.
    pub changed: Vec<String>,
    /// The URIs of the files that could not be migrated, with why.
    pub failed: Vec<Failed>,
}

#[derive(Debug, Serialize)]
pub struct Failed {
    pub uri: String,
    pub message: String,
}

/// Migrates every file of the workspace folders in memory; `open` holds the editor's texts.
pub fn summarize(workspaces: &[Arc<Settings>], open: &HashMap<PathBuf, Arc<str>>) -> Summary {
    let mut summary = Summary::default();
    for class in [FixClass::Auto, FixClass::Review, FixClass::Manual] {
        summary.findings.insert(class.to_string(), 0);
    }
    // A file under nested folders counts once, with the settings of the innermost one.
    let mut files: BTreeMap<PathBuf, &Settings> = BTreeMap::new();
    let mut roots: Vec<&Arc<Settings>> = workspaces.iter().collect();
    roots.sort_by_key(|s| s.root.components().count());
    for settings in roots {
        let found = discover::discover(
            std::slice::from_ref(&settings.root),
            &discover::Walk::default(),
        );
        for path in found.files {
            files.insert(path, settings);
        }
    }
    for (path, settings) in files {
        if settings.excludes(&path) {
            continue;
        }
        let uri = super::uri::from_path(&path)
            .map_or_else(|| path.display().to_string(), |u| u.as_str().to_string());
        let text: Arc<str> = match open.get(&path) {
            Some(text) => Arc::clone(text),
            None => match std::fs::read_to_string(&path) {
                Ok(text) => text.into(),
                Err(e) => {
                    summary.files += 1;
                    summary.errors += 1;
                    summary.failed.push(Failed {
                        uri,
                        message: format!("cannot read: {e}"),
                    });
                    continue;
                }
            },
        };
        summary.files += 1;
        match migrate(&text, &path, &settings.options) {
            Ok(m) => {
                if m.changed() {
                    summary.would_change += 1;
                    summary.edits += m.edits.len();
                    summary.changed.push(uri);
                }
                for f in &m.findings {
                    *summary.findings.entry(f.class.to_string()).or_default() += 1;
                }
            }
            Err(e) => {
                summary.errors += 1;
                summary.failed.push(Failed {
                    uri,
                    message: e.to_string(),
                });
            }
        }
    }
    summary
}
