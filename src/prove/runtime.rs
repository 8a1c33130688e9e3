//! The JavaScript side of `prove`: the V1 and V2 runtime emulators, the local server and the runner
//! (`src/prove/js/`, also what the equivalence tests run). They are built into the binary, unpacked
//! into a cache folder on first use and their pinned npm dependencies installed there with `npm ci`.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread;

/// The oldest Node.js the emulators run on.
pub const NODE_MAJOR: u32 = 20;

macro_rules! embed {
    ($($path:literal),* $(,)?) => {
        &[$(($path, include_bytes!(concat!("js/", $path)) as &[u8])),*]
    };
}

/// Every file of `src/prove/js/` but `node_modules` (a unit test checks that none is missing).
pub const FILES: &[(&str, &[u8])] = embed![
    ".npmrc",
    "package.json",
    "package-lock.json",
    "prove.mjs",
    "lib/cases.mjs",
    "lib/compare.mjs",
    "lib/context-store.mjs",
    "lib/execute.mjs",
    "lib/server.mjs",
    "runtime/common.cjs",
    "runtime/context-service.cjs",
    "runtime/state.cjs",
    "runtime/toolbelt-v1/index.cjs",
    "runtime/toolbelt-v2/index.js",
    "runtime/toolbelt-v2/package.json",
    "runtime/v1-runtime.cjs",
    "runtime/v2-runtime.mjs",
];

/// Written last into an unpacked folder whose `npm ci` succeeded.
const READY: &str = ".ready";

/// FNV-1a over the names and contents: the cache folder changes whenever a file does.
fn fingerprint() -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for (name, bytes) in FILES {
        for byte in name
            .bytes()
            .chain([0])
            .chain(bytes.iter().copied())
            .chain([0])
        {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

/// `$XDG_CACHE_HOME/faas-migrate`, else `~/.cache/faas-migrate` (`%LOCALAPPDATA%` on Windows),
/// else the temporary folder.
fn cache_root() -> PathBuf {
    let from = |name: &str| {
        std::env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    from("XDG_CACHE_HOME")
        .or_else(|| from("LOCALAPPDATA"))
        .or_else(|| from("HOME").map(|home| home.join(".cache")))
        .unwrap_or_else(std::env::temp_dir)
        .join("faas-migrate")
}

/// Where this build's runtime lives once installed.
pub fn install_dir() -> PathBuf {
    cache_root().join(format!("prove-{:016x}", fingerprint()))
}

pub struct Output {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

/// Runs a command to completion with its output captured. `Err` only when it cannot start.
pub fn run(command: &mut Command) -> std::io::Result<Output> {
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let mut err = child.stderr.take().expect("piped stderr");
    let err_reader = thread::spawn(move || {
        let mut text = Vec::new();
        let _ = err.read_to_end(&mut text);
        text
    });
    let mut stdout = Vec::new();
    if let Some(mut out) = child.stdout.take() {
        let _ = out.read_to_end(&mut stdout);
    }
    let status = child.wait()?;
    Ok(Output {
        code: status.code(),
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&err_reader.join().unwrap_or_default()).into_owned(),
    })
}

fn npm() -> &'static str {
    if cfg!(windows) {
        "npm.cmd"
    } else {
        "npm"
    }
}

/// Checks that `node` is on PATH and new enough.
pub fn check_node() -> Result<(), String> {
    let output = run(Command::new("node").arg("--version")).map_err(|e| {
        format!(
            "`prove` runs the functions with Node.js {NODE_MAJOR} or later, but `node` could not \
             be started ({e}); install Node.js {NODE_MAJOR}+ (https://nodejs.org) and put it on PATH"
        )
    })?;
    let version = output.stdout.trim();
    let major = version
        .trim_start_matches('v')
        .split('.')
        .next()
        .and_then(|m| m.parse::<u32>().ok());
    match major {
        Some(major) if major >= NODE_MAJOR => Ok(()),
        _ => Err(format!(
            "`prove` needs Node.js {NODE_MAJOR} or later; `node --version` says {:?}",
            version
        )),
    }
}

/// Unpacks the runtime and installs its dependencies unless that was done before; returns the
/// folder. Safe against another `prove` doing the same at the same time: each unpacks into a
/// folder of its own and renames it into place.
pub fn ensure_installed() -> Result<PathBuf, String> {
    let dir = install_dir();
    if dir.join(READY).is_file() {
        return Ok(dir);
    }
    let root = dir.parent().expect("install_dir has a parent");
    std::fs::create_dir_all(root)
        .map_err(|e| format!("cannot create the cache folder {}: {e}", root.display()))?;
    let staging = tempfile::Builder::new()
        .prefix(".prove-")
        .tempdir_in(root)
        .map_err(|e| format!("cannot create a folder in {}: {e}", root.display()))?;
    for (name, bytes) in FILES {
        let path = staging.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("cannot write {}: {e}", parent.display()))?;
        }
        std::fs::write(&path, bytes)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    eprintln!(
        "faas-migrate prove: installing the runtime emulators' dependencies into {} (once)",
        dir.display()
    );
    let output = run(Command::new(npm())
        .args([
            "ci",
            "--omit=dev",
            "--no-audit",
            "--no-fund",
            "--loglevel=error",
        ])
        .current_dir(staging.path()))
    .map_err(|e| {
        format!(
            "`prove` installs its runtime's dependencies with npm once, but `npm` could not be \
             started ({e}); install npm (it comes with Node.js) and put it on PATH"
        )
    })?;
    if output.code != Some(0) {
        return Err(format!(
            "`npm ci` for the runtime emulators failed (exit {:?}):\n{}",
            output.code,
            output.stderr.trim_end()
        ));
    }
    std::fs::write(staging.path().join(READY), b"")
        .map_err(|e| format!("cannot write in {}: {e}", staging.path().display()))?;
    let staged = staging.keep();
    if std::fs::rename(&staged, &dir).is_err() {
        // Another run installed it first (or a broken folder is in the way: replace it).
        if !dir.join(READY).is_file() {
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::rename(&staged, &dir)
                .map_err(|e| format!("cannot move the runtime into {}: {e}", dir.display()))?;
        } else {
            let _ = std::fs::remove_dir_all(&staged);
        }
    }
    Ok(dir)
}

/// The runner's command line: `node prove.mjs JOB`.
pub fn runner(dir: &Path, job: &Path) -> Command {
    let mut command = Command::new("node");
    command.arg(dir.join("prove.mjs")).arg(job);
    command
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files_in(dir: &Path, prefix: &str, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let entry = entry.unwrap();
            let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
            if entry.file_type().unwrap().is_dir() {
                if name != "node_modules" {
                    files_in(&entry.path(), &format!("{name}/"), out);
                }
            } else {
                out.push(name);
            }
        }
    }

    #[test]
    fn every_runtime_file_is_embedded() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/prove/js");
        let mut on_disk = Vec::new();
        files_in(&dir, "", &mut on_disk);
        on_disk.sort();
        let mut embedded: Vec<String> = FILES.iter().map(|(name, _)| name.to_string()).collect();
        embedded.sort();
        assert_eq!(embedded, on_disk);
    }
}
