//! Helpers for the command-line tests: temporary projects, real git repositories, and the one
//! way JSON output is read (every JSON-mode test goes through [`json`]).
#![allow(dead_code)]

use assert_cmd::Command;
use std::fs;
use std::path::Path;
use std::process::Output;
use tempfile::TempDir;

pub const V1: &str = "const { Toolbelt } = require(\"lp-faas-toolbelt\");\n\nfunction lambda(input, callback) {\n  callback(null, process.env.BRAND_ID);\n}\n";
pub const V2: &str = "import { Toolbelt } from \"core-functions-toolbelt\";\n\nasync function lambda(input) {\n  return process.env.X_LIVEPERSON_BRAND_ID;\n}\n";
/// A config.json with a `manual` finding (`PORT` is reserved) and one edit.
pub const CONFIG_V1: &str = "{\n  \"name\": \"route\",\n  \"environmentVariables\": [\n    { \"key\": \"PORT\", \"value\": \"8080\" }\n  ]\n}\n";
pub const CONFIG_V2: &str =
    "{\n  \"name\": \"route\",\n  \"environmentVariables\": {\n    \"PORT\": \"8080\"\n  }\n}\n";

/// The binary, run in `dir`, without colour and with git configured only by the test.
pub fn tool(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("faas-migrate").unwrap();
    cmd.current_dir(dir)
        .env("NO_COLOR", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1");
    cmd
}

pub fn bin_path() -> &'static str {
    env!("CARGO_BIN_EXE_faas-migrate")
}

pub fn project(files: &[(&str, &[u8])]) -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    write_files(dir.path(), files);
    dir
}

pub fn write_files(root: &Path, files: &[(&str, &[u8])]) {
    for (name, content) in files {
        let path = root.join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, content).unwrap();
    }
}

pub fn read(dir: &Path, name: &str) -> String {
    fs::read_to_string(dir.join(name)).unwrap()
}

pub fn git(dir: &Path, args: &[&str]) -> String {
    let output = std::process::Command::new("git")
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
        .args(args)
        .output()
        .expect("git is installed");
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// A project whose files are committed to a fresh git repository.
pub fn repository(files: &[(&str, &[u8])]) -> TempDir {
    let dir = project(files);
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-qm", "v1"]);
    dir
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

/// The one JSON document `bytes` must be (nothing before or after it but a line break).
pub fn json(bytes: &[u8]) -> serde_json::Value {
    let text = std::str::from_utf8(bytes).expect("JSON output is UTF-8");
    assert!(
        text.ends_with("}\n") || text.ends_with("]\n"),
        "one document and a line break: {text:?}"
    );
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not one JSON document ({e}): {text}"))
}

/// Runs `cmd` (which must ask for `--format json`) and returns its one JSON document from
/// stdout, checking its shape: `files`, `errors` and a `summary` whose counts match the files.
pub fn json_run(cmd: &mut Command) -> (serde_json::Value, Output) {
    let output = cmd.output().unwrap();
    let doc = json(&output.stdout);
    check_json_shape(&doc);
    (doc, output)
}

pub fn check_json_shape(doc: &serde_json::Value) {
    let files = doc["files"].as_array().expect("files");
    assert!(doc["errors"].is_array(), "{doc}");
    let summary = &doc["summary"];
    assert_eq!(
        summary["scanned"].as_u64().unwrap() as usize,
        files.len(),
        "{doc}"
    );
    for f in files {
        assert!(f["path"].is_string() && f["status"].is_string(), "{f}");
        assert!(f["edits"].is_array() && f["findings"].is_array(), "{f}");
    }
}

/// Files directly in `dir` whose names start with `.faas-migrate-` (temporary files).
pub fn temporaries(dir: &Path) -> Vec<String> {
    let mut found: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".faas-migrate-"))
        .collect();
    found.sort();
    found
}

pub fn is_root() -> bool {
    // SAFETY: `geteuid` has no preconditions.
    unsafe { libc::geteuid() == 0 }
}

pub fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}
