//! Finding the files to migrate.
//!
//! A path on the command line may be a file (taken as it is) or a directory, walked with
//! `.gitignore`, `.ignore` and hidden-file rules respected, keeping `.js`, `.cjs` and `.mjs` files
//! and the project files of an `lpf` project, and never entering `node_modules`. Symbolic links
//! are not followed, so a link loop cannot trap the walk. The result is sorted, and a file named
//! twice (`./x.js` and `x.js`, or a file and a folder holding it) is kept once, so runs are
//! reproducible.
//!
//! **The lpf project is the scope.** A walk that starts at the root of an `lpf` project (a folder
//! holding `functions/<name>/index.js`) keeps only the project: the files under `functions/`,
//! without test files (`*.test.js`, `*.spec.js`, `__tests__/`, `__mocks__/`). `jest.config.js`,
//! build scripts and tests beside `functions/` are not migrated; a path named explicitly always
//! is.
//!
//! The project files a walk keeps ([`is_project_file`]) are those of the `lpf` layout:
//! - `config.json` in a folder `functions/<name>/` that also holds an `index.js` (a function);
//! - `settings.json` directly in a folder named `functions`.
//!
//! Other JSON files (`package.json`, editor settings, test data) are left alone. A JSON file named
//! on the command line is always read: `config.json` and `settings.json` are migrated wherever
//! they are, any other JSON file is reported as not migrated.
//!
//! `exclude` patterns ([`Exclude`]) prune the walk; a path named on the command line is excluded
//! only with `force_exclude`.

use globset::{Glob, GlobBuilder, GlobSet, GlobSetBuilder};
use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};

/// The extensions of JavaScript files faas-migrate reads in a directory walk.
pub const EXTENSIONS: &[&str] = &["js", "cjs", "mjs"];

/// What a walk found: the files, and the paths it could not read, with why.
#[derive(Debug, Default)]
pub struct Discovered {
    pub files: Vec<PathBuf>,
    pub errors: Vec<(PathBuf, String)>,
    /// The `lpf` project roots whose walk was limited to `functions/`.
    pub projects: Vec<PathBuf>,
}

/// How to walk.
#[derive(Debug, Default)]
pub struct Walk {
    pub exclude: Vec<Exclude>,
    /// Whether `exclude` also applies to paths named on the command line.
    pub force_exclude: bool,
}

impl Walk {
    fn excluded(&self, path: &Path, named: bool) -> bool {
        self.exclude.iter().any(|e| e.matches(path, named))
    }
}

/// `exclude` patterns, relative to `base` (the folder of the configuration file that set them,
/// or the working directory for the command line), as in ruff: a pattern without `/` matches a
/// file or folder name anywhere (`legacy`, `*.min.js`); one with `/` matches the path from
/// `base` (`functions/old/*`, `scripts/**`).
#[derive(Clone, Debug)]
pub struct Exclude {
    base: PathBuf,
    names: GlobSet,
    paths: GlobSet,
}

impl Exclude {
    pub fn new(base: &Path, patterns: &[String]) -> Result<Exclude, String> {
        let mut names = GlobSetBuilder::new();
        let mut paths = GlobSetBuilder::new();
        for pattern in patterns {
            let p = pattern.trim().trim_end_matches('/');
            let p = p.strip_prefix("./").unwrap_or(p);
            if p.is_empty() {
                continue;
            }
            let bad = |e: globset::Error| format!("invalid exclude pattern `{pattern}`: {e}");
            if p.contains('/') {
                let glob = GlobBuilder::new(p.trim_start_matches('/'))
                    .literal_separator(true)
                    .build()
                    .map_err(bad)?;
                paths.add(glob);
            } else {
                names.add(Glob::new(p).map_err(bad)?);
            }
        }
        Ok(Exclude {
            base: normalized(base),
            names: names.build().map_err(|e| e.to_string())?,
            paths: paths.build().map_err(|e| e.to_string())?,
        })
    }

    /// Whether `path` is excluded. In a walk, folders are checked on the way down, so only the
    /// entry itself is matched; for a path named on the command line, every folder between
    /// `base` and it is too.
    pub fn matches(&self, path: &Path, named: bool) -> bool {
        let full = normalized(path);
        let relative = full.strip_prefix(&self.base).ok();
        if let Some(rel) = relative {
            let mut prefix = PathBuf::new();
            for c in rel.components() {
                prefix.push(c);
                if (named || prefix == rel) && self.paths.is_match(&prefix) {
                    return true;
                }
                if named && self.names.is_match(c.as_os_str()) {
                    return true;
                }
            }
        }
        full.file_name().is_some_and(|n| self.names.is_match(n))
    }
}

/// `path` made absolute (against the working directory) with `.` and `..` resolved by name.
pub fn normalized(path: &Path) -> PathBuf {
    let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
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

/// Whether `dir` is the root of an `lpf` project: it holds `functions/<name>/index.js`.
pub fn is_lpf_root(dir: &Path) -> bool {
    let Ok(entries) = std::fs::read_dir(dir.join("functions")) else {
        return false;
    };
    entries
        .flatten()
        .any(|e| e.path().join("index.js").is_file())
}

/// Test files, which a walk of an `lpf` project leaves alone.
fn is_test(name: &str, is_dir: bool) -> bool {
    if is_dir {
        return name == "__tests__" || name == "__mocks__";
    }
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    stem.ends_with(".test") || stem.ends_with(".spec")
}

pub fn discover(paths: &[PathBuf], options: &Walk) -> Discovered {
    let mut found = Discovered::default();
    for root in paths {
        match std::fs::metadata(root) {
            Err(e) => found.errors.push((root.clone(), e.to_string())),
            Ok(_) if options.force_exclude && options.excluded(root, true) => {}
            Ok(meta) if !meta.is_dir() => found.files.push(root.clone()),
            Ok(_) if is_lpf_root(root) => {
                found.projects.push(root.clone());
                walk(&root.join("functions"), true, options, &mut found);
            }
            Ok(_) => walk(root, false, options, &mut found),
        }
    }
    found.files.sort();
    let mut seen = HashSet::new();
    found
        .files
        .retain(|f| seen.insert(std::fs::canonicalize(f).unwrap_or_else(|_| normalized(f))));
    found
}

fn walk(root: &Path, project: bool, options: &Walk, found: &mut Discovered) {
    let exclude = std::sync::Arc::new(options.exclude.clone());
    let walker = ignore::WalkBuilder::new(root)
        .require_git(false)
        .follow_links(false)
        .filter_entry(move |entry| {
            let name = entry.file_name();
            if name == "node_modules" {
                return false;
            }
            if entry.depth() == 0 {
                return true;
            }
            let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
            let test = project && is_test(&name.to_string_lossy(), is_dir);
            !test && !exclude.iter().any(|e| e.matches(entry.path(), false))
        })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exclude_patterns_match_names_anywhere_and_paths_from_the_base() {
        let base = Path::new("/p");
        let e = Exclude::new(base, &["legacy".into(), "functions/old-*/".into()]).unwrap();
        assert!(e.matches(Path::new("/p/src/legacy"), false));
        assert!(e.matches(Path::new("/p/functions/old-route"), false));
        assert!(!e.matches(Path::new("/p/x/functions/old-route"), false));
        assert!(!e.matches(Path::new("/p/functions/old-route/index.js"), false));
        // Named on the command line, a path below an excluded folder is excluded too.
        assert!(e.matches(Path::new("/p/functions/old-route/index.js"), true));
        assert!(e.matches(Path::new("/p/legacy/a.js"), true));
        assert!(!e.matches(Path::new("/legacy/p/a.js"), true));
    }

    #[test]
    fn test_files_are_recognised() {
        assert!(is_test("index.test.js", false));
        assert!(is_test("route.spec.mjs", false));
        assert!(is_test("__tests__", true));
        assert!(!is_test("index.js", false));
        assert!(!is_test("test.js", false));
    }
}
