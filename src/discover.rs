//! Finding the files to migrate.
//!
//! A path on the command line may be a file (taken as it is) or a directory, walked with
//! `.gitignore`, `.ignore` and hidden-file rules respected, keeping `.js`, `.cjs` and `.mjs` files
//! and the project files of an `lpf` project, and never entering `node_modules`. Symbolic links
//! are not followed, so a link loop cannot trap the walk. The result is sorted so runs are
//! reproducible.
//!
//! The project files a walk keeps ([`is_project_file`]) are those of the `lpf` layout:
//! - `config.json` in a folder `functions/<name>/` that also holds an `index.js` (a function);
//! - `settings.json` directly in a folder named `functions`.
//!
//! Other JSON files (`package.json`, editor settings, test data) are left alone. A JSON file named
//! on the command line is always read: `config.json` and `settings.json` are migrated wherever
//! they are, any other JSON file is reported as not migrated.

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

/// The folder `dir` as an absolute path with links resolved (`""` is the working directory).
fn resolve(dir: &Path) -> Option<PathBuf> {
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    std::fs::canonicalize(dir).ok()
}

fn is_functions_folder(dir: &Path) -> bool {
    dir.file_name().is_some_and(|n| n == "functions")
}

/// Whether a walk keeps `path` as an `lpf` project file: `functions/<name>/config.json` beside
/// an `index.js`, or `functions/settings.json`.
pub fn is_project_file(path: &Path) -> bool {
    let Some(name) = path.file_name() else {
        return false;
    };
    if name != "config.json" && name != "settings.json" {
        return false;
    }
    let Some(dir) = resolve(path.parent().unwrap_or(Path::new(""))) else {
        return false;
    };
    if name == "settings.json" {
        is_functions_folder(&dir)
    } else {
        dir.join("index.js").is_file() && dir.parent().is_some_and(is_functions_folder)
    }
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
                if entry.file_type().is_some_and(|t| t.is_file())
                    && (is_javascript(entry.path()) || is_project_file(entry.path()))
                {
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
