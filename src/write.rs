//! Saving migrated files safely.
//!
//! A file is written to a temporary file beside it, flushed to disk, given the original's
//! permissions, and renamed over the original: a crash leaves either the old or the new file,
//! never a truncated one. Before writing, files with uncommitted changes in git are held back
//! (unless `--allow-dirty`), so a migration never mixes with unsaved work.

use std::collections::HashSet;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Replaces the contents of `path` atomically, keeping its permissions. A symbolic link is
/// followed: its target is written and the link stays a link.
pub fn atomic_write(path: &Path, contents: &str) -> io::Result<()> {
    let target = fs::canonicalize(path)?;
    let dir = target.parent().unwrap_or_else(|| Path::new("."));
    let permissions = fs::metadata(&target)?.permissions();
    let mut temp = tempfile::Builder::new()
        .prefix(".faas-migrate-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    temp.write_all(contents.as_bytes())?;
    temp.as_file().sync_all()?;
    fs::set_permissions(temp.path(), permissions)?;
    temp.persist(&target).map_err(|e| e.error)?;
    Ok(())
}

/// Files under the given paths that git reports as modified, added, or untracked.
#[derive(Debug, Default)]
pub struct DirtyFiles {
    paths: HashSet<PathBuf>,
}

impl DirtyFiles {
    /// Asks git once per repository that holds one of `roots`. Paths outside any repository (or
    /// with no git installed) are never dirty.
    pub fn scan(roots: &[PathBuf]) -> DirtyFiles {
        let mut tops = HashSet::new();
        let mut paths = HashSet::new();
        for root in roots {
            let dir = if root.is_dir() {
                root.clone()
            } else {
                root.parent()
                    .filter(|p| !p.as_os_str().is_empty())
                    .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
            };
            let Some(top) = git(&dir, &["rev-parse", "--show-toplevel"]) else {
                continue;
            };
            let top = PathBuf::from(top.trim_end_matches(['\n', '\r']));
            if !tops.insert(top.clone()) {
                continue;
            }
            let Some(status) = git(
                &top,
                &["status", "--porcelain=v1", "-z", "--untracked-files=all"],
            ) else {
                continue;
            };
            let mut entries = status.split('\0');
            while let Some(entry) = entries.next() {
                if entry.len() < 4 {
                    continue;
                }
                let (code, path) = entry.split_at(3);
                if code.starts_with('R') || code.starts_with('C') {
                    entries.next(); // the original name of a rename or copy
                }
                if let Ok(path) = fs::canonicalize(top.join(path)) {
                    paths.insert(path);
                }
            }
        }
        DirtyFiles { paths }
    }

    pub fn contains(&self, path: &Path) -> bool {
        !self.paths.is_empty() && fs::canonicalize(path).is_ok_and(|p| self.paths.contains(&p))
    }
}

fn git(dir: &Path, args: &[&str]) -> Option<String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}
