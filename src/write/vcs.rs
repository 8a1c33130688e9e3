//! Whether a file may be overwritten: `--write` only replaces files that git holds as committed,
//! so the migration can be reviewed with `git diff` and undone. Like `cargo fix`, it fails
//! closed: a file outside any repository, or in one git cannot read (git missing, a repository
//! owned by another user), is not written unless `--allow-no-vcs`; a file with uncommitted
//! changes (modified, staged, untracked or ignored) is not written unless `--allow-dirty`.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// What git says about one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum State {
    /// Committed, no changes: safe to overwrite.
    Clean,
    /// Modified, staged, untracked or ignored: why, for the message.
    Dirty(Dirt),
    /// Not in a git repository.
    NoRepository,
    /// In a repository git cannot read, or git cannot be run: why.
    Unknown(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dirt {
    /// Modified or staged.
    Changed,
    /// Untracked or ignored: git has no copy of it.
    NotCommitted,
}

impl Dirt {
    /// The reason a file is not written, after "not written: ".
    pub fn message(self) -> &'static str {
        match self {
            Dirt::Changed => {
                "the file has uncommitted changes (commit or stash them, or pass --allow-dirty)"
            }
            Dirt::NotCommitted => {
                "the file is not committed to git (commit it, or pass --allow-dirty)"
            }
        }
    }
}

struct Repository {
    top: PathBuf,
    tracked: HashSet<PathBuf>,
    changed: HashMap<PathBuf, Dirt>,
}

/// Asks git about files, once per repository.
#[derive(Default)]
pub struct Vcs {
    /// Repositories by the folder holding their `.git`, or why git could not read one.
    repositories: HashMap<PathBuf, Result<Repository, String>>,
}

impl Vcs {
    /// The state of every file in `files`, in order.
    pub fn states(files: &[PathBuf]) -> Vec<State> {
        let mut vcs = Vcs::default();
        files.iter().map(|f| vcs.state(f)).collect()
    }

    fn state(&mut self, file: &Path) -> State {
        // A file that cannot be resolved cannot be read either: reading reports it.
        let Ok(file) = fs::canonicalize(file) else {
            return State::Clean;
        };
        let Some(holder) = file.ancestors().skip(1).find(|d| d.join(".git").exists()) else {
            return State::NoRepository;
        };
        let repo = self
            .repositories
            .entry(holder.to_path_buf())
            .or_insert_with(|| Repository::read(holder));
        match repo {
            Err(why) => State::Unknown(why.clone()),
            Ok(repo) => {
                let Ok(relative) = file.strip_prefix(&repo.top) else {
                    return State::Unknown(format!(
                        "git places the repository at {}, which does not hold the file",
                        repo.top.display()
                    ));
                };
                if let Some(dirt) = repo.changed.get(relative) {
                    State::Dirty(*dirt)
                } else if repo.tracked.contains(relative) {
                    State::Clean
                } else {
                    State::Dirty(Dirt::NotCommitted)
                }
            }
        }
    }
}

impl Repository {
    fn read(dir: &Path) -> Result<Repository, String> {
        let top = git(dir, &["rev-parse", "--show-toplevel"])?;
        let top = PathBuf::from(top.trim_end_matches(['\n', '\r']));
        let top = fs::canonicalize(&top).unwrap_or(top);
        let tracked = git(&top, &["ls-files", "-z"])?
            .split('\0')
            .filter(|p| !p.is_empty())
            .map(PathBuf::from)
            .collect();
        let status = git(
            &top,
            &["status", "--porcelain=v1", "-z", "--untracked-files=all"],
        )?;
        let mut changed = HashMap::new();
        let mut entries = status.split('\0');
        while let Some(entry) = entries.next() {
            if entry.len() < 4 {
                continue;
            }
            let (code, path) = entry.split_at(3);
            if code.starts_with('R') || code.starts_with('C') {
                entries.next(); // the original name of a rename or copy
            }
            let dirt = if code.starts_with("??") || code.starts_with("!!") {
                Dirt::NotCommitted
            } else {
                Dirt::Changed
            };
            changed.insert(PathBuf::from(path), dirt);
        }
        Ok(Repository {
            top,
            tracked,
            changed,
        })
    }
}

/// Runs git in `dir`; on failure, why (git's own first error line).
fn git(dir: &Path, args: &[&str]) -> Result<String, String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .arg("--no-optional-locks")
        .args(args)
        .env("LC_ALL", "C")
        .output()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => "git is not installed (or not on PATH)".to_string(),
            _ => format!("cannot run git: {e}"),
        })?;
    if output.status.success() {
        return Ok(String::from_utf8_lossy(&output.stdout).into_owned());
    }
    let stderr = String::from_utf8_lossy(&output.stderr);
    let first = stderr
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("no message");
    Err(format!(
        "git cannot read the repository in {}: {first}",
        dir.display()
    ))
}
