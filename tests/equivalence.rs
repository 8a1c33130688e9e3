//! Behavioural equivalence of migrations, judged by running them.
//!
//! `tests/equivalence/` holds a Node harness (see its README.md): every case in
//! `tests/equivalence/cases/` runs once as V1 (emulated V1 runtime with the real request-promise)
//! and once as migrated by this crate's binary (emulated V2 runtime with the real fetch), against
//! one local HTTP server, and the two runs must return the same result (or both fail), make the
//! same requests and leave the same secrets. Cases that cannot pass yet are listed, with the issue
//! that will fix them, in `tests/equivalence/known-failures.txt`.
//!
//! The runtime emulators, the local server and the comparison are `faas-migrate prove`'s own
//! (`src/prove/js/`); the harness adds the case corpus, migration by the binary and known failures.
//!
//! Needs `node` (20 or later) and `npm` on PATH; the runtime's npm dependencies are installed into
//! `src/prove/js/node_modules` with `npm ci` on first use.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Mutex, OnceLock};
use std::thread;
use std::time::{Duration, Instant};

const NODE_MAJOR: u32 = 20;
const INSTALL_LIMIT: Duration = Duration::from_secs(600);
const RUN_LIMIT: Duration = Duration::from_secs(900);

fn harness_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("equivalence")
}

/// Where the runtime emulators live, with their `package-lock.json`.
fn runtime_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src")
        .join("prove")
        .join("js")
}

/// The harness runs many node processes; the tests take turns so that a loaded machine does not
/// turn a case's timeout into a difference.
fn one_at_a_time() -> std::sync::MutexGuard<'static, ()> {
    static LOCK: Mutex<()> = Mutex::new(());
    LOCK.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

struct Finished {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Finished {
    fn output(&self) -> String {
        format!(
            "--- stdout ---\n{}\n--- stderr ---\n{}",
            self.stdout, self.stderr
        )
    }
}

/// Runs a command to completion, killing it after `limit`.
fn run(command: &mut Command, limit: Duration) -> Result<Finished, String> {
    let shown = format!("{command:?}");
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run {shown}: {e}"))?;
    let mut out = child.stdout.take().expect("piped stdout");
    let mut err = child.stderr.take().expect("piped stderr");
    let out_reader = thread::spawn(move || {
        let mut text = String::new();
        let _ = out.read_to_string(&mut text);
        text
    });
    let err_reader = thread::spawn(move || {
        let mut text = String::new();
        let _ = err.read_to_string(&mut text);
        text
    });
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if started.elapsed() > limit => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            Ok(None) => thread::sleep(Duration::from_millis(50)),
            Err(e) => return Err(format!("waiting for {shown}: {e}")),
        }
    };
    let finished = Finished {
        code: status.and_then(|s| s.code()),
        stdout: out_reader.join().unwrap_or_default(),
        stderr: err_reader.join().unwrap_or_default(),
    };
    match status {
        Some(_) => Ok(finished),
        None => Err(format!(
            "{shown} did not finish within {limit:?}\n{}",
            finished.output()
        )),
    }
}

fn npm() -> &'static str {
    if cfg!(windows) {
        "npm.cmd"
    } else {
        "npm"
    }
}

/// Checks for node and installs the runtime's dependencies (`npm ci`) when they are missing or
/// older than `package-lock.json`.
fn install() -> Result<(), String> {
    let dir = runtime_dir();
    let version = run(
        Command::new("node").arg("--version"),
        Duration::from_secs(60),
    )
    .map_err(|e| {
        format!("the equivalence tests need Node.js {NODE_MAJOR} or later on PATH: {e}")
    })?;
    let major = version
        .stdout
        .trim()
        .trim_start_matches('v')
        .split('.')
        .next()
        .and_then(|m| m.parse::<u32>().ok())
        .unwrap_or(0);
    if major < NODE_MAJOR {
        return Err(format!(
            "the equivalence tests need Node.js {NODE_MAJOR} or later; `node --version` says {}",
            version.stdout.trim()
        ));
    }

    let installed = dir.join("node_modules").join(".package-lock.json");
    let modified = |path: &Path| path.metadata().and_then(|m| m.modified()).ok();
    let up_to_date = match (
        modified(&installed),
        modified(&dir.join("package-lock.json")),
    ) {
        (Some(installed), Some(lock)) => installed >= lock,
        _ => false,
    };
    if up_to_date
        && dir
            .join("node_modules")
            .join("request-promise-native")
            .is_dir()
    {
        return Ok(());
    }
    let finished = run(
        Command::new(npm())
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(&dir),
        INSTALL_LIMIT,
    )
    .map_err(|e| {
        format!("installing the runtime emulators' dependencies failed (is npm on PATH?): {e}")
    })?;
    if finished.code != Some(0) {
        return Err(format!(
            "`npm ci` in {} failed with {:?}\n{}",
            dir.display(),
            finished.code,
            finished.output()
        ));
    }
    Ok(())
}

fn setup() {
    static INSTALLED: OnceLock<Result<(), String>> = OnceLock::new();
    if let Err(message) = INSTALLED.get_or_init(install) {
        panic!("{message}");
    }
}

/// `node run.mjs ARGS` in the harness folder.
fn harness(args: &[&str]) -> Finished {
    let dir = harness_dir();
    run(
        Command::new("node")
            .arg("run.mjs")
            .args(args)
            .current_dir(&dir),
        RUN_LIMIT,
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

fn lines(text: &str) -> Vec<&str> {
    text.lines().collect()
}

fn selftest_case_names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(harness_dir().join("selftest").join("cases"))
        .expect("tests/equivalence/selftest/cases")
        .filter_map(|entry| {
            let entry = entry.ok()?;
            entry
                .file_type()
                .ok()?
                .is_dir()
                .then(|| entry.file_name().to_string_lossy().into_owned())
        })
        .collect();
    names.sort();
    assert!(!names.is_empty(), "no self-test cases");
    names
}

#[test]
fn migrated_corpus_behaves_like_v1_or_is_a_known_failure() {
    let _turn = one_at_a_time();
    setup();
    let bin = env!("CARGO_BIN_EXE_faas-migrate");
    let finished = harness(&[
        "--cases",
        "cases",
        "--bin",
        bin,
        "--known-failures",
        "known-failures.txt",
    ]);
    assert_eq!(
        finished.code,
        Some(0),
        "the equivalence corpus has unexpected results (FAIL: a case that is not in \
         known-failures.txt; UNEXPECTED PASS: remove it from known-failures.txt)\n{}",
        finished.output()
    );
}

#[test]
fn selftest_correct_migrations_pass() {
    let _turn = one_at_a_time();
    setup();
    let names = selftest_case_names();
    let finished = harness(&["--cases", "selftest/cases", "--v2", "selftest/v2-good"]);
    let out = lines(&finished.stdout);
    for name in &names {
        assert!(
            out.contains(&format!("PASS {name}").as_str()),
            "{name} should pass\n{}",
            finished.output()
        );
    }
    assert_eq!(
        out.last().copied(),
        Some(format!("{} passed, 0 failed", names.len()).as_str()),
        "{}",
        finished.output()
    );
    assert_eq!(finished.code, Some(0), "{}", finished.output());
}

#[test]
fn selftest_broken_migrations_fail() {
    let _turn = one_at_a_time();
    setup();
    let names = selftest_case_names();
    for name in &names {
        assert!(
            harness_dir().join("selftest").join("v2-bad").join(name).join("index.mjs").is_file(),
            "selftest/v2-bad/{name}/index.mjs is missing: every self-test case needs a broken migration"
        );
    }
    let finished = harness(&["--cases", "selftest/cases", "--v2", "selftest/v2-bad"]);
    let out = lines(&finished.stdout);
    for name in &names {
        let prefix = format!("FAIL {name}: ");
        assert!(
            out.iter().any(|line| line.starts_with(&prefix)),
            "the broken migration of {name} was not caught\n{}",
            finished.output()
        );
    }
    assert_eq!(
        out.last().copied(),
        Some(format!("0 passed, {} failed", names.len()).as_str()),
        "{}",
        finished.output()
    );
    assert_eq!(finished.code, Some(1), "{}", finished.output());
}

#[test]
fn emulators_and_runner_selftests() {
    let _turn = one_at_a_time();
    setup();
    let dir = harness_dir();
    let finished = run(
        Command::new("node")
            .args([
                "--test",
                "selftest/emulators.test.mjs",
                "selftest/harness.test.mjs",
            ])
            .current_dir(&dir),
        RUN_LIMIT,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        finished.code,
        Some(0),
        "node --test failed\n{}",
        finished.output()
    );
}
