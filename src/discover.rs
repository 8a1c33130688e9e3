//! Finding the files to migrate.
//!
//! A path on the command line may be a file (taken as it is) or a directory, walked with
//! `.gitignore`, `.ignore` and hidden-file rules respected, keeping `.js`, `.cjs` and `.mjs` files
//! and never entering `node_modules`. Symbolic links are not followed, so a link loop cannot trap
//! the walk. The result is sorted so runs are reproducible.

use std::path::{Path, PathBuf};

/// The extensions of JavaScript files faas-migrate reads in a directory walk.
pub const EXTENSIONS: &[&str] = &["js", "cjs", "mjs"];

/// What a walk found: the files, and the paths it could not read, with why.
#[derive(Debug, Default)]
pub struct Discovered {
    pub files: Vec<PathBuf>,
    pub errors: Vec<(PathBuf, String)>,
}

pub fn is_javascript(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e))
}

pub fn discover(paths: &[PathBuf]) -> Discovered {
    let mut found = Discovered::default();
    for root in paths {
        match std::fs::metadata(root) {
            Err(e) => found.errors.push((root.clone(), e.to_string())),
            Ok(meta) if !meta.is_dir() => found.files.push(root.clone()),
            Ok(_) => walk(root, &mut found),
        }
    }
    found.files.sort();
    found.files.dedup();
    found
}

fn walk(root: &Path, found: &mut Discovered) {
    let walker = ignore::WalkBuilder::new(root)
        .require_git(false)
        .follow_links(false)
        .filter_entry(|entry| entry.file_name() != "node_modules")
        .build();
    for entry in walker {
        match entry {
            Ok(entry) => {
                if entry.file_type().is_some_and(|t| t.is_file()) && is_javascript(entry.path()) {
                    found.files.push(entry.into_path());
                }
            }
            Err(error) => {
                let path = match &error {
                    ignore::Error::WithPath { path, .. } => path.clone(),
                    _ => root.to_path_buf(),
                };
                found.errors.push((path, error.to_string()));
            }
        }
    }
}
