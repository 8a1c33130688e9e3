//! Data safety: `--write` fails closed.

use crate::common::*;
use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;
use std::process::{Command, Stdio};

const NO_REPO: &str = "faas-migrate: error: not writing: a.js is not in a git repository, so the migration could not be reviewed or undone with git; pass --allow-no-vcs to write anyway\n";

#[test]
fn write_outside_a_repository_refuses_and_names_the_flag() {
    let dir = project(&[("a.js", V1.as_bytes())]);
    let output = tool(dir.path()).args(["--write", "a.js"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(stderr(&output), NO_REPO);
    assert_eq!(read(dir.path(), "a.js"), V1);
    // --allow-dirty does not cover it (as with cargo fix): nothing can be undone.
    let output = tool(dir.path())
        .args(["--write", "--allow-dirty", "a.js"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(stderr(&output), NO_REPO);
    // In JSON, still one document, with the reason.
    let (doc, output) = json_run(tool(dir.path()).args(["--write", "--format", "json", "a.js"]));
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(doc["files"], serde_json::json!([]));
    assert_eq!(
        doc["errors"][0],
        NO_REPO["faas-migrate: error: ".len()..].trim_end()
    );
    assert_eq!(read(dir.path(), "a.js"), V1);
    tool(dir.path())
        .args(["--write", "--allow-no-vcs", "a.js"])
        .assert()
        .success();
    assert_eq!(read(dir.path(), "a.js"), V2);
}

#[test]
fn write_without_git_on_the_path_refuses() {
    let dir = repository(&[("a.js", V1.as_bytes())]);
    let empty = tempfile::tempdir().unwrap();
    let output = tool(dir.path())
        .env("PATH", empty.path())
        .args(["--write", "a.js"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        "faas-migrate: error: not writing: cannot tell whether a.js has uncommitted changes: git is not installed (or not on PATH); pass --allow-no-vcs to write without this check\n"
    );
    assert_eq!(read(dir.path(), "a.js"), V1);
    tool(dir.path())
        .env("PATH", empty.path())
        .args(["--write", "--allow-no-vcs", "a.js"])
        .assert()
        .success();
    assert_eq!(read(dir.path(), "a.js"), V2);
}

#[test]
fn write_in_a_repository_git_refuses_to_read_refuses() {
    if !is_root() {
        eprintln!("needs root to give the repository to another user; skipped");
        return;
    }
    let dir = repository(&[("a.js", V1.as_bytes())]);
    let status = Command::new("chown")
        .args(["-R", "65534:65534"])
        .arg(dir.path())
        .status()
        .unwrap();
    assert!(status.success());
    let real = fs::canonicalize(dir.path()).unwrap();
    let output = tool(dir.path()).args(["--write", "a.js"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        format!(
            "faas-migrate: error: not writing: cannot tell whether a.js has uncommitted changes: git cannot read the repository in {0}: fatal: detected dubious ownership in repository at '{0}'; pass --allow-no-vcs to write without this check\n",
            real.display()
        )
    );
    assert_eq!(read(dir.path(), "a.js"), V1);
}

#[test]
fn write_keeps_owner_group_and_mode_of_another_users_file() {
    if !is_root() {
        eprintln!("needs root to write another user's file; skipped");
        return;
    }
    let dir = project(&[("a.js", V1.as_bytes())]);
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    let path = dir.path().join("a.js");
    Command::new("chown")
        .args(["65534:65534"])
        .arg(&path)
        .status()
        .unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    tool(dir.path())
        .args(["--write", "--allow-no-vcs", "a.js"])
        .assert()
        .success();
    let meta = fs::metadata(&path).unwrap();
    assert_eq!((meta.uid(), meta.gid()), (65534, 65534));
    assert_eq!(meta.permissions().mode() & 0o7777, 0o640);
    // Its owner can still read it.
    let cat = Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups", "cat"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        cat.status.success(),
        "{}",
        String::from_utf8_lossy(&cat.stderr)
    );
    assert_eq!(String::from_utf8(cat.stdout).unwrap(), V2);
    assert_eq!(temporaries(dir.path()), Vec::<String>::new());
}

#[test]
fn a_hard_linked_file_is_refused_not_split() {
    let dir = project(&[("a.js", V1.as_bytes()), ("c.js", V1.as_bytes())]);
    fs::hard_link(dir.path().join("a.js"), dir.path().join("b.js")).unwrap();
    let output = tool(dir.path())
        .args(["--write", "--allow-no-vcs", "-j", "1"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    for name in ["a.js", "b.js"] {
        assert!(
            err.contains(&format!("{name}: error: not written: the file has 2 hard links, and replacing it would leave the other names with the old code (make it a file of its own, then run again)\n")),
            "{err}"
        );
    }
    assert!(err.contains("c.js: migrated"), "{err}");
    assert_eq!(read(dir.path(), "a.js"), V1);
    let (a, b) = (
        fs::metadata(dir.path().join("a.js")).unwrap(),
        fs::metadata(dir.path().join("b.js")).unwrap(),
    );
    assert_eq!((a.ino(), a.nlink()), (b.ino(), 2), "still one file");
    assert_eq!(read(dir.path(), "c.js"), V2);
}

#[test]
fn output_paths_are_checked_before_the_first_write() {
    let dir = project(&[("a.js", V1.as_bytes())]);
    for (report, why) in [
        (
            "/nonexistent/r.md",
            "No such file or directory (os error 2)",
        ),
        (".", "it is a folder"),
    ] {
        let output = tool(dir.path())
            .args(["--write", "--allow-no-vcs", "--report", report, "a.js"])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2));
        assert_eq!(
            stderr(&output),
            format!("faas-migrate: error: cannot write the report {report}: {why}\n")
        );
        assert_eq!(read(dir.path(), "a.js"), V1, "nothing written");
    }
    let (doc, _) = json_run(tool(dir.path()).args([
        "--write",
        "--allow-no-vcs",
        "--format",
        "json",
        "--report",
        "/nonexistent/r.md",
    ]));
    assert_eq!(
        doc["errors"][0],
        "cannot write the report /nonexistent/r.md: No such file or directory (os error 2)"
    );
    assert_eq!(read(dir.path(), "a.js"), V1);
}

fn function_repository() -> tempfile::TempDir {
    repository(&[
        ("functions/route/index.js", V1.as_bytes()),
        ("functions/route/config.json", CONFIG_V1.as_bytes()),
        ("functions/other/index.js", V1.as_bytes()),
    ])
}

#[test]
fn a_function_with_uncommitted_changes_is_not_written_at_all() {
    let dir = function_repository();
    let edited = format!("{V1}// local edit\n");
    fs::write(dir.path().join("functions/route/index.js"), &edited).unwrap();
    let output = tool(dir.path()).arg("--write").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(err.contains("functions/route/config.json: error: not written: functions/route/index.js has uncommitted changes, and a function's files are written together (commit or stash it, or pass --allow-dirty)\n"), "{err}");
    assert!(err.contains("functions/route/index.js: error: not written: the file has uncommitted changes (commit or stash them, or pass --allow-dirty)\n"), "{err}");
    // The refused file's findings are still shown.
    assert!(
        err.contains(
            "functions/route/config.json:4:14: config-env [manual] `PORT` is reserved in V2"
        ),
        "{err}"
    );
    assert!(err.contains("functions/other/index.js: migrated"), "{err}");
    assert!(
        err.contains("3 files scanned, 1 migrated (7 edits), 1 finding, 2 errors"),
        "{err}"
    );
    assert_eq!(read(dir.path(), "functions/route/config.json"), CONFIG_V1);
    assert_eq!(read(dir.path(), "functions/route/index.js"), edited);
    assert_eq!(read(dir.path(), "functions/other/index.js"), V2);

    // Named alone, config.json is still held back by its function's index.js.
    let output = tool(dir.path())
        .args(["--write", "functions/route/config.json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("functions/route/config.json: error: not written: functions/route/index.js has uncommitted changes"));
    assert_eq!(read(dir.path(), "functions/route/config.json"), CONFIG_V1);

    // In JSON the refused file says so, with its findings.
    let (doc, _) = json_run(tool(dir.path()).args(["--write", "--format", "json"]));
    let config = &doc["files"][1];
    assert_eq!(config["path"], "functions/route/config.json");
    assert_eq!(config["status"], "not-written");
    assert_eq!(config["findings"][0]["rule"], "config-env");
    assert!(config["error"]["message"]
        .as_str()
        .unwrap()
        .starts_with("not written: functions/route/index.js has uncommitted changes"));

    tool(dir.path())
        .args(["--write", "--allow-dirty"])
        .assert()
        .success();
    assert_eq!(read(dir.path(), "functions/route/config.json"), CONFIG_V2);
}

#[test]
fn untracked_files_are_not_committed_work() {
    let dir = function_repository();
    write_files(dir.path(), &[("functions/new/index.js", V1.as_bytes())]);
    let output = tool(dir.path()).arg("--write").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("functions/new/index.js: error: not written: the file is not committed to git (commit it, or pass --allow-dirty)\n"));
    assert_eq!(read(dir.path(), "functions/new/index.js"), V1);
    assert_eq!(read(dir.path(), "functions/route/index.js"), V2);
}

/// Starts `--write` on `args` paused before its renames (the test hook holds it on a named pipe);
/// returns the child and the pipe's path.
fn paused(dir: &Path, args: &[&str]) -> (std::process::Child, std::path::PathBuf) {
    let pipe = dir.join("pause.fifo");
    let c = std::ffi::CString::new(pipe.to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let child = Command::new(bin_path())
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("FAAS_MIGRATE_TEST_PAUSE_BEFORE_RENAME", &pipe)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    (child, pipe)
}

#[test]
fn a_file_changed_during_the_run_is_reported_not_overwritten() {
    let dir = project(&[("a.js", V1.as_bytes())]);
    let (child, pipe) = paused(dir.path(), &["--write", "--allow-no-vcs", "a.js"]);
    // Opening the pipe waits until the run holds it: the new file is ready, not yet renamed.
    let writer = fs::OpenOptions::new().write(true).open(&pipe).unwrap();
    let mine = format!("{V1}// saved in an editor meanwhile\n");
    fs::write(dir.path().join("a.js"), &mine).unwrap();
    drop(writer);
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("a.js: error: not written: the file changed on disk while it was being migrated (run again to migrate the new version)\n"), "{}", stderr(&output));
    assert_eq!(read(dir.path(), "a.js"), mine);
    assert_eq!(temporaries(dir.path()), Vec::<String>::new());
}

#[test]
fn sigint_and_sigterm_remove_the_temporary_files() {
    for (signal, name) in [(libc::SIGINT, "SIGINT"), (libc::SIGTERM, "SIGTERM")] {
        let dir = project(&[
            ("functions/f/index.js", V1.as_bytes()),
            ("functions/f/config.json", CONFIG_V1.as_bytes()),
        ]);
        let (child, pipe) = paused(dir.path(), &["--write", "--allow-no-vcs", "-q"]);
        let writer = fs::OpenOptions::new().write(true).open(&pipe).unwrap();
        let function = dir.path().join("functions/f");
        assert_eq!(temporaries(&function).len(), 2, "both files are ready");
        // SAFETY: sending a signal to the child we started.
        assert_eq!(unsafe { libc::kill(child.id() as libc::pid_t, signal) }, 0);
        let output = child.wait_with_output().unwrap();
        drop(writer);
        assert_eq!(output.status.code(), Some(128 + signal));
        assert_eq!(
            stderr(&output),
            format!("faas-migrate: interrupted by {name}: 2 temporary files removed; files already written are migrated, the others unchanged\n")
        );
        assert_eq!(temporaries(&function), Vec::<String>::new());
        assert_eq!(read(dir.path(), "functions/f/index.js"), V1);
        assert_eq!(read(dir.path(), "functions/f/config.json"), CONFIG_V1);
    }
}

#[test]
fn the_next_run_removes_stale_temporary_files() {
    let dir = project(&[("a.js", V1.as_bytes())]);
    let mut gone = Command::new("true").spawn().unwrap();
    let dead = gone.id();
    gone.wait().unwrap();
    let stale = format!(".faas-migrate-{dead}-AbCdEf.tmp");
    let live = format!(".faas-migrate-{}-AbCdEf.tmp", std::process::id());
    write_files(dir.path(), &[(&stale, b"half"), (&live, b"in flight")]);
    let output = tool(dir.path())
        .args(["--write", "--allow-no-vcs"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(
        stderr(&output).contains(&format!(
            "faas-migrate: removed {stale}, a temporary file left by an interrupted run\n"
        )),
        "{}",
        stderr(&output)
    );
    assert_eq!(temporaries(dir.path()), vec![live]);
    assert_eq!(read(dir.path(), "a.js"), V2);
}

#[test]
fn jobs_are_capped_and_a_file_named_twice_is_processed_once() {
    let dir = project(&[("x.js", V1.as_bytes())]);
    let output = tool(dir.path())
        .args(["--check", "-j", "100000"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let cores = cores();
    assert!(stderr(&output).starts_with(&format!(
        "faas-migrate: warning: --jobs 100000 is more than 4 per core; using {} ({cores} {})\n",
        4 * cores,
        if cores == 1 { "core" } else { "cores" }
    )));
    let output = tool(dir.path()).args(["-j", "0"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("invalid value '0' for '--jobs <N>'"));
    let output = tool(dir.path())
        .args(["--write", "--allow-no-vcs", "./x.js", "x.js", "."])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(stderr(&output).ends_with("s\n"));
    assert!(stderr(&output).contains("faas-migrate: 1 file scanned, 1 migrated (7 edits)"));
    assert_eq!(read(dir.path(), "x.js"), V2);
}
