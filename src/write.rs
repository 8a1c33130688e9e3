//! Saving migrated files safely.
//!
//! A file is written to a temporary file beside it, flushed to disk, given the original's owner,
//! group and permissions, and renamed over the original: a crash leaves either the old or the new
//! file, never a truncated one. Just before the rename the original is read again: if it changed
//! since it was migrated, the new file is thrown away and the change is reported instead of
//! overwritten. A file with several hard links is refused (a rename would split the links and
//! leave the other names with the old code), and so is one whose owner cannot be kept.
//!
//! The temporary files in flight are registered: on SIGINT or SIGTERM they are removed before
//! the process exits ([`install_signal_cleanup`]), and [`remove_stale_temporaries`] removes
//! those that a killed run left behind. Whether files may be written at all (uncommitted
//! changes, no git) is decided by [`vcs`].

pub mod vcs;

use std::collections::HashSet;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{LazyLock, Mutex, MutexGuard};

/// The prefix of every temporary file; the process id follows, so a later run can tell a
/// leftover of a dead run from a file another run is still writing.
pub const TEMP_PREFIX: &str = ".faas-migrate-";
pub const TEMP_SUFFIX: &str = ".tmp";

/// Set in tests only: before comparing and renaming, a run reads this file (a named pipe the test
/// holds) to the end, so a test can act while the temporary files exist.
pub const PAUSE_ENV: &str = "FAAS_MIGRATE_TEST_PAUSE_BEFORE_RENAME";

#[derive(Default)]
struct Registry {
    stopping: bool,
    paths: HashSet<PathBuf>,
}

static REGISTRY: LazyLock<Mutex<Registry>> = LazyLock::new(Mutex::default);

fn registry() -> MutexGuard<'static, Registry> {
    REGISTRY.lock().unwrap_or_else(|e| e.into_inner())
}

/// Why a file was not written.
#[derive(Debug)]
pub enum WriteError {
    /// The file changed on disk after it was read.
    Changed,
    /// The run is being interrupted.
    Interrupted,
    /// Anything else, with the message to show (without the leading "not written: ").
    Refused(String),
    Io(io::Error),
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteError::Changed => f.write_str(
                "not written: the file changed on disk while it was being migrated (run again to migrate the new version)",
            ),
            WriteError::Interrupted => f.write_str("not written: the run was interrupted"),
            WriteError::Refused(why) => write!(f, "not written: {why}"),
            WriteError::Io(e) => write!(f, "cannot write: {e}"),
        }
    }
}

impl From<io::Error> for WriteError {
    fn from(e: io::Error) -> Self {
        WriteError::Io(e)
    }
}

/// A temporary file in the registry; removed when dropped unless it was renamed into place.
pub struct Temp {
    file: Option<tempfile::NamedTempFile>,
    path: PathBuf,
}

impl Temp {
    /// Creates a registered temporary file in `dir`.
    pub fn new_in(dir: &Path) -> io::Result<Temp> {
        let mut reg = registry();
        if reg.stopping {
            return Err(io::Error::other("the run was interrupted"));
        }
        let file = tempfile::Builder::new()
            .prefix(&format!("{TEMP_PREFIX}{}-", std::process::id()))
            .suffix(TEMP_SUFFIX)
            .tempfile_in(dir)?;
        let path = file.path().to_path_buf();
        reg.paths.insert(path.clone());
        Ok(Temp {
            file: Some(file),
            path,
        })
    }

    pub fn file(&mut self) -> &mut fs::File {
        self.file.as_mut().expect("not persisted").as_file_mut()
    }

    /// Renames the temporary file to `target`, unless the run is being interrupted.
    pub fn persist(mut self, target: &Path) -> Result<(), WriteError> {
        let mut reg = registry();
        if reg.stopping {
            return Err(WriteError::Interrupted);
        }
        let file = self.file.take().expect("persisted once");
        match file.persist(target) {
            Ok(_) => {
                reg.paths.remove(&self.path);
                Ok(())
            }
            Err(e) => {
                self.file = Some(e.file);
                Err(WriteError::Io(e.error))
            }
        }
    }
}

impl Drop for Temp {
    fn drop(&mut self) {
        if let Some(file) = self.file.take() {
            let mut reg = registry();
            let _ = file.close();
            reg.paths.remove(&self.path);
        }
    }
}

/// A migrated file whose new contents sit in a temporary file beside it, ready to be renamed
/// over the original once every file of its unit is ready.
pub struct Pending {
    target: PathBuf,
    original: Vec<u8>,
    temp: Temp,
}

/// Writes `contents` to a temporary file beside `path` (a symbolic link is followed: its target
/// is written and the link stays a link) with the original's owner, group and permissions.
/// `original` is what the migration read; [`Pending::commit`] compares it with the file then.
pub fn prepare(path: &Path, original: &[u8], contents: &str) -> Result<Pending, WriteError> {
    let target = fs::canonicalize(path)?;
    let meta = fs::metadata(&target)?;
    if !meta.is_file() {
        return Err(WriteError::Refused("not a regular file".into()));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if meta.nlink() > 1 {
            return Err(WriteError::Refused(format!(
                "the file has {} hard links, and replacing it would leave the other names with the old code (make it a file of its own, then run again)",
                meta.nlink()
            )));
        }
    }
    let dir = target.parent().unwrap_or_else(|| Path::new("."));
    let mut temp = Temp::new_in(dir)?;
    temp.file().write_all(contents.as_bytes())?;
    temp.file().sync_all()?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let made = temp.file().metadata()?;
        if (made.uid(), made.gid()) != (meta.uid(), meta.gid()) {
            std::os::unix::fs::fchown(temp.file(), Some(meta.uid()), Some(meta.gid())).map_err(
                |e| {
                    WriteError::Refused(format!(
                        "the file belongs to user {} and group {}, and the new file cannot be given them: {e}",
                        meta.uid(),
                        meta.gid()
                    ))
                },
            )?;
        }
    }
    temp.file().set_permissions(meta.permissions())?;
    Ok(Pending {
        target,
        original: original.to_vec(),
        temp,
    })
}

impl Pending {
    /// Whether the file on disk still holds what the migration read.
    pub fn check_unchanged(&self) -> Result<(), WriteError> {
        match fs::read(&self.target) {
            Ok(now) if now == self.original => Ok(()),
            Ok(_) => Err(WriteError::Changed),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Err(WriteError::Changed),
            Err(e) => Err(WriteError::Io(e)),
        }
    }

    /// Renames the new file over the original.
    pub fn commit(self) -> Result<(), WriteError> {
        self.temp.persist(&self.target)
    }
}

/// Writes a set of files that belong together (a function's `index.js` and `config.json`): all
/// are prepared and checked against the disk before the first rename, so a problem with one
/// leaves every file of the set as it was. Returns, per file, whether it was written; a file held
/// back because another one failed gets an empty [`WriteError::Refused`].
pub fn write_together(files: &[(&Path, &[u8], &str)]) -> Vec<Result<(), WriteError>> {
    let mut pending = Vec::new();
    let mut results: Vec<Option<Result<(), WriteError>>> = files.iter().map(|_| None).collect();
    for (i, (path, original, contents)) in files.iter().enumerate() {
        match prepare(path, original, contents) {
            Ok(p) => pending.push((i, p)),
            Err(e) => {
                results[i] = Some(Err(e));
                return finish(results, i);
            }
        }
    }
    pause_for_tests();
    for (i, p) in &pending {
        if let Err(e) = p.check_unchanged() {
            results[*i] = Some(Err(e));
            return finish(results, *i);
        }
    }
    let mut failed = None;
    for (i, p) in pending {
        if failed.is_some() {
            results[i] = Some(Err(WriteError::Refused(String::new())));
            continue;
        }
        let r = p.commit();
        if r.is_err() {
            failed = Some(i);
        }
        results[i] = Some(r);
    }
    results.into_iter().map(|r| r.unwrap_or(Ok(()))).collect()
}

/// Every file but `failed` gets an empty `Refused` (the caller says why: its partner failed).
fn finish(
    results: Vec<Option<Result<(), WriteError>>>,
    failed: usize,
) -> Vec<Result<(), WriteError>> {
    results
        .into_iter()
        .enumerate()
        .map(|(i, r)| match r {
            Some(r) if i == failed => r,
            _ => Err(WriteError::Refused(String::new())),
        })
        .collect()
}

fn pause_for_tests() {
    if let Some(pipe) = std::env::var_os(PAUSE_ENV) {
        let _ = fs::read(pipe);
    }
}

/// Removes every registered temporary file and stops further renames; returns how many were
/// removed. Called on SIGINT/SIGTERM, right before the process exits.
pub fn abandon() -> usize {
    let mut reg = registry();
    reg.stopping = true;
    let paths: Vec<PathBuf> = reg.paths.drain().collect();
    paths.iter().filter(|p| fs::remove_file(p).is_ok()).count()
}

/// On SIGINT or SIGTERM: removes the temporary files in flight, says so on stderr and exits with
/// 128 + the signal number. Files already renamed into place stay migrated.
#[cfg(unix)]
pub fn install_signal_cleanup() {
    use signal_hook::consts::{SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM]) else {
        return;
    };
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            let removed = abandon();
            let name = if signal == SIGINT {
                "SIGINT"
            } else {
                "SIGTERM"
            };
            let _ = writeln!(
                io::stderr(),
                "faas-migrate: interrupted by {name}: {removed} temporary {} removed; files already written are migrated, the others unchanged",
                if removed == 1 { "file" } else { "files" }
            );
            std::process::exit(128 + signal);
        }
    });
}

#[cfg(not(unix))]
pub fn install_signal_cleanup() {}

/// The process id in a temporary file's name, if it is one of ours.
fn temp_owner(name: &str) -> Option<u32> {
    let rest = name.strip_prefix(TEMP_PREFIX)?.strip_suffix(TEMP_SUFFIX)?;
    rest.split_once('-')?.0.parse().ok()
}

#[cfg(unix)]
fn alive(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return true;
    };
    // SAFETY: signal 0 only asks whether the process exists.
    let r = unsafe { libc::kill(pid, 0) };
    r == 0 || io::Error::last_os_error().raw_os_error() != Some(libc::ESRCH)
}

#[cfg(not(unix))]
fn alive(_pid: u32) -> bool {
    true
}

/// Removes the temporary files that an interrupted or killed run left in `dirs` (those whose
/// process is gone); returns their paths.
pub fn remove_stale_temporaries<'a>(dirs: impl IntoIterator<Item = &'a Path>) -> Vec<PathBuf> {
    let me = std::process::id();
    let mut removed = Vec::new();
    for dir in dirs {
        let Ok(entries) = fs::read_dir(dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let Some(pid) = name.to_str().and_then(temp_owner) else {
                continue;
            };
            if pid != me
                && !alive(pid)
                && entry.file_type().is_ok_and(|t| t.is_file())
                && fs::remove_file(entry.path()).is_ok()
            {
                removed.push(entry.path());
            }
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporary_file_names_carry_their_process() {
        assert_eq!(temp_owner(".faas-migrate-1234-AbCdEf.tmp"), Some(1234));
        assert_eq!(temp_owner(".faas-migrate-AbCdEf.tmp"), None);
        assert_eq!(temp_owner("faas-migrate-1-x.tmp"), None);
        assert_eq!(temp_owner(".faas-migrate-1-x.js"), None);
    }
}
