//! The command line on awkward files and runs: a rule that panics, empty files, syntax errors,
//! other encodings, absurd nesting, a 10 MB file, and (on Unix) unreadable files, read-only
//! folders, symbolic link loops, files deleted during the run and a `--write` killed mid-way.

use super::*;

const V1: &str = "const { Toolbelt } = require(\"lp-faas-toolbelt\");\n\nfunction lambda(input, callback) {\n  callback(null, process.env.BRAND_ID);\n}\n";
const V2: &str = "import { Toolbelt } from \"core-functions-toolbelt\";\n\nasync function lambda(input) {\n  return process.env.X_LIVEPERSON_BRAND_ID;\n}\n";

fn project(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, content) in files {
        let path = dir.path().join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, content).unwrap();
    }
    dir
}

fn run_in(dir: &Path, args: &[&str]) -> Output {
    bin().current_dir(dir).args(args).output().unwrap()
}

fn read(dir: &Path, name: &str) -> Vec<u8> {
    fs::read(dir.join(name)).unwrap()
}

/// The files in a folder and below, except the ones named (no temporary files left behind).
fn files_under(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap() {
            let entry = entry.unwrap();
            let t = entry.file_type().unwrap();
            if t.is_dir() {
                stack.push(entry.path());
            } else {
                let rel = entry.path().strip_prefix(dir).unwrap().to_path_buf();
                found.push(rel.to_string_lossy().into_owned());
            }
        }
    }
    found.sort();
    found
}

#[test]
fn a_panicking_rule_costs_one_file_and_the_run_goes_on() {
    let dir = project(&[
        ("a.js", V1.as_bytes()),
        (
            "b.js",
            b"\"use strict\";\nconst b = process.env.BRAND_ID;\n",
        ),
        ("c.js", b"const c = process.env.BRAND_ID;\n"),
    ]);
    let output = bin()
        .current_dir(dir.path())
        .env("FAAS_MIGRATE_PANIC_IN_RULE", "use-strict")
        .args(["--write", "--allow-no-vcs"])
        .output()
        .unwrap();
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(2), "{err}");
    assert!(
        err.contains("b.js: error: internal error in rule use-strict: the rule panicked: panic injected by FAAS_MIGRATE_PANIC_IN_RULE=use-strict (at "),
        "{err}"
    );
    assert!(
        err.contains("the file is left unchanged (please report this)"),
        "{err}"
    );
    // The panic prints nothing else: no "thread panicked" noise.
    assert!(!err.contains("thread '"), "{err}");
    assert!(err.contains("3 files scanned, 2 migrated"), "{err}");
    assert_eq!(read(dir.path(), "a.js"), V2.as_bytes());
    assert_eq!(
        read(dir.path(), "b.js"),
        b"\"use strict\";\nconst b = process.env.BRAND_ID;\n"
    );
    assert_eq!(
        read(dir.path(), "c.js"),
        b"const c = process.env.X_LIVEPERSON_BRAND_ID;\n"
    );
}

#[test]
fn empty_and_comment_only_files_have_nothing_to_change() {
    let comments = "// nothing here yet\n/* a V1 function will go here:\n   function lambda(input, callback) {} */\n";
    let dir = project(&[
        ("empty.js", b""),
        ("comments.js", comments.as_bytes()),
        ("v2.js", V2.as_bytes()),
    ]);
    let output = run_in(dir.path(), &["--check"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(output.stdout.is_empty());
    assert_eq!(
        stderr(&output).split(" in ").next().unwrap(),
        "faas-migrate: 3 files scanned, 0 would change (0 edits), 0 findings, 0 errors"
    );
    let output = run_in(dir.path(), &["--write", "--allow-no-vcs"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(read(dir.path(), "empty.js"), b"");
    assert_eq!(read(dir.path(), "comments.js"), comments.as_bytes());
    assert_eq!(
        files_under(dir.path()),
        ["comments.js", "empty.js", "v2.js"]
    );
}

/// A folder with one good V1 file beside `name` holding `bytes`: `--write` must report `message`
/// for `name` (exit 2), leave it as it was, and still migrate the good file.
fn one_bad_file(name: &str, bytes: &[u8], message: &str) {
    let dir = project(&[("good.js", V1.as_bytes()), (name, bytes)]);
    let output = run_in(dir.path(), &["--write", "--allow-no-vcs"]);
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(2), "{err}");
    assert!(err.contains(message), "expected {message:?} in:\n{err}");
    assert!(err.contains("2 files scanned, 1 migrated"), "{err}");
    assert_eq!(read(dir.path(), name), bytes, "{name} was written");
    assert_eq!(read(dir.path(), "good.js"), V2.as_bytes());
    let mut expected = vec!["good.js".to_string(), name.to_string()];
    expected.sort();
    assert_eq!(files_under(dir.path()), expected);
}

#[test]
fn a_syntax_error_is_located_and_the_file_left_alone() {
    one_bad_file(
        "broken.js",
        b"function lambda(input, callback) {\n  callback(null, { a: 1, };\n}\n",
        "broken.js:2:27: error: syntax error: Expected ',', got ';'",
    );
}

#[test]
fn a_latin1_file_is_skipped_with_the_offset_of_the_first_bad_byte() {
    one_bad_file(
        "latin1.js",
        b"// caf\xe9\nconst b = process.env.BRAND_ID;\n",
        "latin1.js: error: skipped: not UTF-8 text (invalid byte at offset 6)",
    );
}

#[test]
fn a_utf16_file_with_a_byte_order_mark_is_skipped() {
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in "const b = process.env.BRAND_ID;\n".encode_utf16() {
        utf16.extend(unit.to_le_bytes());
    }
    one_bad_file(
        "utf16.js",
        &utf16,
        "utf16.js: error: skipped: the file is UTF-16 encoded; faas-migrate reads UTF-8 only",
    );
    let mut utf16be = vec![0xFE, 0xFF];
    for unit in "const b = 1;\n".encode_utf16() {
        utf16be.extend(unit.to_be_bytes());
    }
    one_bad_file(
        "utf16be.js",
        &utf16be,
        "utf16be.js: error: skipped: the file is UTF-16 encoded",
    );
}

#[test]
fn absurd_nesting_is_refused_not_a_crash() {
    let deep = format!(
        "const b = process.env.BRAND_ID;\nx = {}{};\n",
        "[".repeat(5000),
        "]".repeat(5000)
    );
    one_bad_file(
        "deep.js",
        deep.as_bytes(),
        "deep.js: error: not migrated: brackets nest 5000 levels deep (line 2); faas-migrate handles up to 1000",
    );
    // Deep but within the limit, and long chains without brackets: migrated.
    let nested = format!(
        "const b = process.env.BRAND_ID;\nlet x, y, z;\nx = {}1{};\ny = {}1;\nz = 1{};\n",
        "(".repeat(900),
        ")".repeat(900),
        "!".repeat(20_000),
        " + a".repeat(20_000),
    );
    let dir = project(&[("nested.js", nested.as_bytes())]);
    let output = run_in(dir.path(), &["--write", "--allow-no-vcs"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        String::from_utf8(read(dir.path(), "nested.js")).unwrap(),
        nested.replace("BRAND_ID", "X_LIVEPERSON_BRAND_ID")
    );
}

#[test]
fn a_10_mb_file_is_migrated() {
    let mut text = String::from(V1);
    let mut i = 0;
    while text.len() < 10 << 20 {
        text.push_str(&format!(
            "\nfunction helper{i}(x) {{\n  // step {i}\n  const value = x ? x.items.map((item) => item.id + {i}) : [];\n  return {{ value, name: \"helper {i}\" }};\n}}\n"
        ));
        i += 1;
    }
    let dir = project(&[("big.js", text.as_bytes()), ("small.js", V1.as_bytes())]);
    let output = run_in(dir.path(), &["--write", "--allow-no-vcs"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let expected = text.replacen(V1, V2, 1);
    assert!(String::from_utf8(read(dir.path(), "big.js")).unwrap() == expected);
    assert_eq!(read(dir.path(), "small.js"), V2.as_bytes());
}

#[cfg(unix)]
mod unix {
    use super::*;
    use std::os::unix::fs::{symlink, PermissionsExt};

    /// Runs the binary as an unprivileged user when the tests run as root (root reads and writes
    /// through any permission bits).
    fn as_user(dir: &Path, args: &[&str]) -> Output {
        // SAFETY: `geteuid` has no preconditions.
        let root = unsafe { libc::geteuid() } == 0;
        if !root {
            return run_in(dir, args);
        }
        // `nobody` writes its temporary files beside the ones it migrates, and the files are its
        // own, as the files a person migrates are (`--write` keeps a file's owner, and refuses a
        // file whose owner it cannot keep).
        fs::set_permissions(dir, fs::Permissions::from_mode(0o777)).unwrap();
        for name in files_under(dir) {
            std::os::unix::fs::chown(dir.join(name), Some(65534), Some(65534)).unwrap();
        }
        Command::new("setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
            .arg(env!("CARGO_BIN_EXE_faas-migrate"))
            .args(args)
            .current_dir(dir)
            .env("NO_COLOR", "1")
            .output()
            .expect("setpriv (util-linux) runs the binary as nobody")
    }

    /// A temporary folder anyone can enter (the binary may run as `nobody`).
    fn open_project(files: &[(&str, &[u8])]) -> tempfile::TempDir {
        let dir = project(files);
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
        dir
    }

    #[test]
    fn an_unreadable_file_is_reported_and_the_others_migrated() {
        let dir = open_project(&[("a.js", V1.as_bytes()), ("secret.js", V1.as_bytes())]);
        for (name, mode) in [("a.js", 0o666), ("secret.js", 0o000)] {
            fs::set_permissions(dir.path().join(name), fs::Permissions::from_mode(mode)).unwrap();
        }
        let output = as_user(dir.path(), &["--write", "--allow-no-vcs"]);
        let err = stderr(&output);
        assert_eq!(output.status.code(), Some(2), "{err}");
        assert!(
            err.contains("secret.js: error: cannot read: Permission denied (os error 13)"),
            "{err}"
        );
        assert!(err.contains("2 files scanned, 1 migrated"), "{err}");
        assert_eq!(read(dir.path(), "a.js"), V2.as_bytes());
        assert_eq!(read(dir.path(), "secret.js"), V1.as_bytes());
    }

    #[test]
    fn a_read_only_folder_is_not_written_and_nothing_is_left_behind() {
        let dir = open_project(&[("locked/a.js", V1.as_bytes()), ("open/b.js", V1.as_bytes())]);
        fs::set_permissions(dir.path().join("open"), fs::Permissions::from_mode(0o777)).unwrap();
        fs::set_permissions(
            dir.path().join("open/b.js"),
            fs::Permissions::from_mode(0o666),
        )
        .unwrap();
        fs::set_permissions(
            dir.path().join("locked/a.js"),
            fs::Permissions::from_mode(0o666),
        )
        .unwrap();
        fs::set_permissions(dir.path().join("locked"), fs::Permissions::from_mode(0o555)).unwrap();
        let output = as_user(dir.path(), &["--write", "--allow-no-vcs"]);
        let err = stderr(&output);
        assert_eq!(output.status.code(), Some(2), "{err}");
        assert!(
            err.contains("locked/a.js: error: cannot write: ") && err.contains("Permission denied"),
            "{err}"
        );
        assert!(err.contains("2 files scanned, 1 migrated"), "{err}");
        assert_eq!(read(dir.path(), "locked/a.js"), V1.as_bytes());
        assert_eq!(read(dir.path(), "open/b.js"), V2.as_bytes());
        assert_eq!(files_under(dir.path()), ["locked/a.js", "open/b.js"]);
        fs::set_permissions(dir.path().join("locked"), fs::Permissions::from_mode(0o755)).unwrap();
    }

    #[test]
    fn symbolic_link_loops_are_not_followed_in_a_walk_and_reported_when_named() {
        let dir = project(&[("a.js", V1.as_bytes())]);
        symlink("loop2.js", dir.path().join("loop1.js")).unwrap();
        symlink("loop1.js", dir.path().join("loop2.js")).unwrap();
        symlink(".", dir.path().join("self")).unwrap();
        // A walk does not follow links: the loops are not files to it.
        let output = run_in(dir.path(), &["--check"]);
        let err = stderr(&output);
        assert_eq!(output.status.code(), Some(1), "{err}");
        assert!(err.contains("1 file scanned, 1 would change"), "{err}");
        // Named on the command line, the loop is an error; the other file is still processed.
        let output = run_in(
            dir.path(),
            &["--write", "--allow-no-vcs", "loop1.js", "a.js"],
        );
        let err = stderr(&output);
        assert_eq!(output.status.code(), Some(2), "{err}");
        assert!(
            err.contains("loop1.js: error: Too many levels of symbolic links (os error 40)"),
            "{err}"
        );
        assert_eq!(read(dir.path(), "a.js"), V2.as_bytes());
    }

    #[test]
    fn a_folder_named_like_a_script_is_walked_not_read() {
        let dir = project(&[("x.js/index.js", V1.as_bytes())]);
        let output = run_in(dir.path(), &["--write", "--allow-no-vcs", "x.js"]);
        let err = stderr(&output);
        assert_eq!(output.status.code(), Some(0), "{err}");
        assert!(err.contains("1 file scanned, 1 migrated"), "{err}");
        assert_eq!(read(dir.path(), "x.js/index.js"), V2.as_bytes());
        let output = run_in(dir.path(), &["--check"]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    }

    #[test]
    fn a_file_deleted_during_the_run_is_reported_and_the_run_goes_on() {
        let dir = project(&[("b.js", V1.as_bytes()), ("c.js", V1.as_bytes())]);
        // `a.js` is a pipe: the one worker blocks reading it until the test has deleted `b.js`.
        let fifo = dir.path().join("a.js");
        let c_path = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o644) }, 0);
        let child = bin()
            .current_dir(dir.path())
            .args([
                "--write",
                "--allow-no-vcs",
                "--jobs",
                "1",
                "a.js",
                "b.js",
                "c.js",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // The pipe opens for writing once the run has opened it for reading: by then it has
        // listed the files, and `b.js` goes before the worker can reach it.
        let start = Instant::now();
        let mut pipe = loop {
            use std::os::unix::fs::OpenOptionsExt;
            match fs::OpenOptions::new()
                .write(true)
                .custom_flags(libc::O_NONBLOCK)
                .open(&fifo)
            {
                Ok(pipe) => break pipe,
                Err(e) if start.elapsed() < Duration::from_secs(60) => {
                    assert_eq!(e.raw_os_error(), Some(libc::ENXIO), "{e}");
                    std::thread::sleep(Duration::from_millis(5));
                }
                Err(e) => panic!("the run never opened a.js: {e}"),
            }
        };
        fs::remove_file(dir.path().join("b.js")).unwrap();
        std::io::Write::write_all(&mut pipe, b"const a = process.env.BRAND_ID;\n").unwrap();
        drop(pipe);
        let output = child.wait_with_output().unwrap();
        let err = stderr(&output);
        assert_eq!(output.status.code(), Some(2), "{err}");
        assert!(
            err.contains("b.js: error: cannot read: No such file or directory (os error 2)"),
            "{err}"
        );
        assert!(err.contains("3 files scanned"), "{err}");
        assert_eq!(read(dir.path(), "c.js"), V2.as_bytes());
        assert!(!dir.path().join("b.js").exists());
    }

    /// `--write` killed at several moments: every file is its V1 original or its full migration.
    #[test]
    fn write_killed_with_sigkill_leaves_every_file_old_or_new() {
        let dir = tempfile::tempdir().unwrap();
        let generated = corpus::generate(root(), dir.path(), 3000, 42).unwrap();
        let options = Options::default();
        let mut expected = Vec::new();
        for path in &generated.functions {
            for file in [path.clone(), path.with_file_name("config.json")] {
                let old = fs::read(&file).unwrap();
                let text = String::from_utf8(old.clone()).unwrap();
                let new = migrate(&text, &file, &options)
                    .map(|m| m.output.into_bytes())
                    .unwrap_or_else(|_| old.clone());
                expected.push((file, old, new));
            }
        }
        let mut outcomes = Vec::new();
        for delay in [150, 400, 900, 1600] {
            let mut child = bin()
                .args([
                    "--write",
                    "--allow-no-vcs",
                    "--allow-dirty",
                    "--quiet",
                    "--color",
                    "never",
                ])
                .arg(dir.path())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap();
            std::thread::sleep(Duration::from_millis(delay));
            let killed = child.kill().is_ok(); // SIGKILL on Unix
            let _ = child.wait();
            let (mut old, mut new) = (0, 0);
            for (file, before, after) in &expected {
                let now = fs::read(file).unwrap();
                if now == *after {
                    new += 1;
                } else if now == *before {
                    old += 1;
                } else {
                    panic!(
                        "{} is neither old nor new after a kill at {delay} ms ({} bytes)",
                        file.display(),
                        now.len()
                    );
                }
            }
            outcomes.push((delay, killed, old, new));
        }
        eprintln!("(delay ms, killed, old files, new files): {outcomes:?}");
        // At least one kill landed mid-run, with files of both kinds.
        assert!(
            outcomes
                .iter()
                .any(|&(_, killed, old, new)| killed && old > 0 && new > 0),
            "{outcomes:?}"
        );
        // What a kill can leave behind is a hidden temporary file, which walks skip.
        for name in files_under(dir.path()) {
            let file = Path::new(&name)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            assert!(
                name.ends_with("index.js")
                    || name.ends_with("config.json")
                    || name.ends_with("settings.json")
                    || (file.starts_with(".faas-migrate-") && file.ends_with(".tmp")),
                "unexpected file {name}"
            );
        }
    }
}
