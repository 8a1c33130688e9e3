//! The command line on real files in temporary directories.

mod common;

use assert_cmd::Command;
use predicates::prelude::*;
use std::fs;
use std::path::Path;
use tempfile::TempDir;

const V1: &str = "const { Toolbelt } = require(\"lp-faas-toolbelt\");\n\nfunction lambda(input, callback) {\n  callback(null, process.env.BRAND_ID);\n}\n";
const V2: &str = "import { Toolbelt } from \"core-functions-toolbelt\";\n\nasync function lambda(input) {\n  return process.env.X_LIVEPERSON_BRAND_ID;\n}\n";
const BROKEN: &str =
    "function lambda(input, callback) {\n  callback(null, { a: 1, };\n  process.env.BRAND_ID;\n}\n";

fn tool(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("faas-migrate").unwrap();
    cmd.current_dir(dir).env("NO_COLOR", "1");
    cmd
}

fn project(files: &[(&str, &[u8])]) -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, content) in files {
        let path = dir.path().join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, content).unwrap();
    }
    dir
}

fn read(dir: &TempDir, name: &str) -> String {
    fs::read_to_string(dir.path().join(name)).unwrap()
}

#[test]
fn default_mode_prints_a_diff_and_writes_nothing() {
    let dir = project(&[("functions/route/index.js", V1.as_bytes())]);
    tool(dir.path())
        .assert()
        .success()
        .stdout(predicate::str::contains("--- a/functions/route/index.js"))
        .stdout(predicate::str::contains(
            "-const { Toolbelt } = require(\"lp-faas-toolbelt\");",
        ))
        .stdout(predicate::str::contains(
            "+import { Toolbelt } from \"core-functions-toolbelt\";",
        ))
        .stdout(predicate::str::contains("+async function lambda(input) {"))
        .stdout(predicate::str::contains(
            "+  return process.env.X_LIVEPERSON_BRAND_ID;",
        ))
        .stderr(predicate::str::contains(
            "1 file scanned, 1 would change (7 edits), 0 findings, 0 errors",
        ));
    assert_eq!(read(&dir, "functions/route/index.js"), V1);
}

#[test]
fn check_fails_while_work_remains_and_prints_no_diff() {
    let dir = project(&[("a.js", V1.as_bytes()), ("b.js", V2.as_bytes())]);
    tool(dir.path())
        .arg("--check")
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "a.js: would be migrated (7 edits: env-rename, handler-callback, require-to-import)",
        ))
        .stderr(predicate::str::contains("b.js").not())
        .stdout(predicate::str::contains("---").not());
    let migrated = project(&[("b.js", V2.as_bytes())]);
    tool(migrated.path())
        .arg("--check")
        .assert()
        .success()
        .stdout("");
}

#[test]
fn check_fails_on_a_marker_even_when_nothing_would_change() {
    let marked = "function lambda(input, callback) {\n  // TODO(faas-migrate): `PORT` is reserved in V2 (the platform sets it); rename this variable here and in config.json [env-rename]\n  callback(null, process.env.PORT);\n}\n";
    let dir = project(&[("index.js", marked.as_bytes())]);
    tool(dir.path())
        .arg("--check")
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "index.js:3:18: env-rename [manual] `PORT` is reserved in V2",
        ));
}

#[test]
fn write_migrates_in_place_and_a_second_run_has_nothing_to_do() {
    let dir = project(&[
        ("functions/a/index.js", V1.as_bytes()),
        ("functions/b/index.js", V2.as_bytes()),
    ]);
    tool(dir.path())
        .args(["--write", "--allow-no-vcs", "functions"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "functions/a/index.js: migrated (7 edits: env-rename, handler-callback, require-to-import)",
        ))
        .stderr(predicate::str::contains("1 migrated"));
    assert_eq!(read(&dir, "functions/a/index.js"), V2);
    tool(dir.path())
        .args(["--check", "functions"])
        .assert()
        .success();
    tool(dir.path())
        .args(["--write", "--allow-no-vcs", "functions"])
        .assert()
        .success()
        .stderr(predicate::str::contains("0 migrated"));
    assert_eq!(read(&dir, "functions/a/index.js"), V2);
}

#[cfg(unix)]
#[test]
fn write_keeps_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = project(&[("index.js", V1.as_bytes())]);
    let path = dir.path().join("index.js");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    tool(dir.path())
        .args(["--write", "--allow-no-vcs", "index.js"])
        .assert()
        .success();
    assert_eq!(
        fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o640
    );
    assert_eq!(read(&dir, "index.js"), V2);
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        leftovers.len(),
        1,
        "no temporary file is left behind: {leftovers:?}"
    );
}

fn git(dir: &Path, args: &[&str]) {
    let status = std::process::Command::new("git")
        .current_dir(dir)
        .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
        .args(args)
        .output()
        .expect("git is installed");
    assert!(
        status.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&status.stderr)
    );
}

#[test]
fn write_refuses_files_with_uncommitted_changes() {
    let dir = project(&[("clean.js", V1.as_bytes()), ("dirty.js", V1.as_bytes())]);
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-qm", "v1"]);
    fs::write(dir.path().join("dirty.js"), format!("{V1}// local edit\n")).unwrap();
    tool(dir.path())
        .arg("--write")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "dirty.js: error: not written: the file has uncommitted changes (commit or stash them, or pass --allow-dirty)",
        ));
    assert_eq!(read(&dir, "clean.js"), V2);
    assert_eq!(read(&dir, "dirty.js"), format!("{V1}// local edit\n"));
    tool(dir.path())
        .args(["--write", "--allow-dirty"])
        .assert()
        .success();
    assert_eq!(read(&dir, "dirty.js"), format!("{V2}// local edit\n"));
}

#[test]
fn stdin_mode_prints_the_migrated_source_and_findings_on_stderr() {
    let source = "const port = process.env.PORT;\nconst brand = process.env['BRAND_ID'];\n";
    tool(Path::new("."))
        .args(["--stdin-filename", "functions/x/index.js"])
        .write_stdin(source)
        .assert()
        .success()
        .stdout("// TODO(faas-migrate): `PORT` is reserved in V2 (the platform sets it); rename this variable here and in config.json [env-rename]\nconst port = process.env.PORT;\nconst brand = process.env['X_LIVEPERSON_BRAND_ID'];\n")
        .stderr(predicate::str::contains("functions/x/index.js:1:14: env-rename [manual] `PORT` is reserved"));
}

#[test]
fn stdin_mode_echoes_input_that_cannot_be_migrated() {
    tool(Path::new("."))
        .args(["--stdin-filename", "bad.js"])
        .write_stdin(BROKEN)
        .assert()
        .code(2)
        .stdout(BROKEN)
        .stderr(predicate::str::contains(
            "bad.js:2:27: error: syntax error: Expected ',', got ';'",
        ));
    tool(Path::new("."))
        .args(["--stdin-filename", "x.js", "--check"])
        .write_stdin(V1)
        .assert()
        .code(1)
        .stdout("");
}

#[test]
fn a_syntax_error_is_reported_and_the_other_files_are_still_migrated() {
    let dir = project(&[
        ("a.js", V1.as_bytes()),
        ("broken.js", BROKEN.as_bytes()),
        ("c.js", V1.as_bytes()),
    ]);
    tool(dir.path())
        .args(["--write", "--allow-no-vcs"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "broken.js:2:27: error: syntax error: Expected ',', got ';'",
        ))
        .stderr(predicate::str::contains(
            "3 files scanned, 2 migrated (14 edits), 0 findings, 1 error",
        ));
    assert_eq!(read(&dir, "a.js"), V2);
    assert_eq!(read(&dir, "c.js"), V2);
    assert_eq!(read(&dir, "broken.js"), BROKEN);
}

#[test]
fn crlf_files_keep_their_line_endings() {
    let crlf = V1.replace('\n', "\r\n");
    let dir = project(&[("index.js", crlf.as_bytes())]);
    tool(dir.path())
        .args(["--write", "--allow-no-vcs"])
        .assert()
        .success();
    assert_eq!(read(&dir, "index.js"), V2.replace('\n', "\r\n"));
}

#[test]
fn non_utf8_and_binary_files_are_skipped_with_a_message() {
    let dir = project(&[
        (
            "latin1.js",
            b"// caf\xe9\nconst a = process.env.BRAND_ID;\n",
        ),
        ("utf16.js", b"\xff\xfec\x00o\x00n\x00"),
        ("good.js", V1.as_bytes()),
    ]);
    tool(dir.path())
        .args(["--write", "--allow-no-vcs"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "latin1.js: error: skipped: not UTF-8 text (invalid byte at offset 6)",
        ))
        .stderr(predicate::str::contains(
            "utf16.js: error: skipped: the file is UTF-16 encoded",
        ));
    assert_eq!(
        fs::read(dir.path().join("latin1.js")).unwrap(),
        b"// caf\xe9\nconst a = process.env.BRAND_ID;\n"
    );
    assert_eq!(read(&dir, "good.js"), V2);
}

#[test]
fn walking_respects_gitignore_and_skips_node_modules_and_other_files() {
    let dir = project(&[
        (".gitignore", b"build/\n"),
        ("src/a.js", V1.as_bytes()),
        ("src/b.cjs", V1.as_bytes()),
        ("src/c.mjs", V1.as_bytes()),
        ("src/readme.md", V1.as_bytes()),
        ("build/out.js", V1.as_bytes()),
        ("node_modules/lib/index.js", V1.as_bytes()),
    ]);
    tool(dir.path())
        .arg("--check")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("src/a.js: would be migrated"))
        .stderr(predicate::str::contains("src/b.cjs: would be migrated"))
        .stderr(predicate::str::contains("src/c.mjs: would be migrated"))
        .stderr(predicate::str::contains("build").not())
        .stderr(predicate::str::contains("node_modules").not())
        .stderr(predicate::str::contains("readme").not())
        .stderr(predicate::str::contains("3 files scanned"));
}

#[test]
fn a_missing_path_is_an_error() {
    let dir = project(&[("a.js", V2.as_bytes())]);
    tool(dir.path())
        .args(["a.js", "missing.js"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "missing.js: error: No such file or directory",
        ));
}

#[test]
fn json_output_lists_files_edits_findings_and_a_summary() {
    let dir = project(&[("a.js", V1.as_bytes()), ("broken.js", BROKEN.as_bytes())]);
    let (json, output) = common::json_run(tool(dir.path()).args(["--format", "json", "--quiet"]));
    assert_eq!(output.status.code(), Some(2));
    let files = json["files"].as_array().unwrap();
    assert_eq!(files.len(), 2);
    assert_eq!(files[0]["path"], "a.js");
    assert_eq!(files[0]["status"], "would-change");
    let edit = &files[0]["edits"][0];
    assert_eq!(edit["rule"], "require-to-import");
    assert_eq!(edit["range"], serde_json::json!({"start": 0, "end": 5}));
    assert_eq!(
        edit["start"],
        serde_json::json!({"line": 1, "column": 1, "utf16_column": 1})
    );
    assert_eq!(edit["text"], "import");
    assert_eq!(files[1]["status"], "error");
    assert_eq!(files[1]["error"]["line"], 2);
    assert_eq!(json["summary"]["scanned"], 2);
    assert_eq!(json["summary"]["errors"], 1);
    assert!(output.stderr.is_empty());
}

#[test]
fn github_format_prints_one_annotation_per_finding_and_a_summary() {
    let dir = project(&[(
        "a.js",
        b"const p = process.env.PORT;\nconst b = process.env.BRAND_ID;\n",
    )]);
    let output = tool(dir.path())
        .args(["--format", "github", "--check"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert_eq!(
        lines[0],
        "::error file=a.js,line=1,col=11,title=faas-migrate (env-rename manual)::`PORT` is reserved in V2 (the platform sets it); rename this variable here and in config.json"
    );
    assert!(
        lines[1].starts_with("::error title=faas-migrate::1 file scanned, 1 would change (2 edits), 1 finding, 0 errors in "),
        "{stdout}"
    );
    // The file that would change is a status line on stderr, not an annotation per edit.
    assert!(String::from_utf8(output.stderr)
        .unwrap()
        .contains("a.js: would be migrated (2 edits: env-rename)"));
    // After --write, the annotation points at the line in the written file (below the marker).
    let output = tool(dir.path())
        .args(["--format", "github", "--write", "--allow-no-vcs"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.starts_with(
            "::error file=a.js,line=2,col=11,title=faas-migrate (env-rename manual)::"
        ),
        "{stdout}"
    );
    assert!(
        stdout
            .lines()
            .nth(1)
            .unwrap()
            .starts_with("::notice title=faas-migrate::"),
        "{stdout}"
    );
}

#[test]
fn rules_can_be_listed_explained_selected_and_ignored() {
    let here = Path::new(".");
    tool(here)
        .arg("--list-rules")
        .assert()
        .success()
        .stdout(predicate::str::contains("env-rename"))
        .stdout(predicate::str::contains("require-to-import"))
        .stdout(predicate::str::contains("csds-host"))
        .stdout(predicate::str::contains("unknown-toolbelt-api"));
    tool(here)
        .args(["--explain", "env-rename"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("# env-rename (auto)"))
        .stdout(predicate::str::contains("## Limits"));
    tool(here)
        .args(["--explain", "nope"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "unknown rule `nope` (rules: legacy-octal, require-to-import, module-exports, use-strict, esm-globals, env-rename, handler-callback, ",
        ));
    let dir = project(&[("a.js", V1.as_bytes())]);
    tool(dir.path())
        .args(["--check", "--select", "env-rename"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("(1 edit: env-rename)"));
    // Without the rules that rewrite it, the V1 code is still there, and the residue net says
    // where; without the net too, nothing is left to do.
    tool(dir.path())
        .args([
            "--check",
            "--ignore",
            "env-rename,require-to-import,handler-callback",
            "-j",
            "1",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("(3 edits: v1-residue)"))
        .stderr(predicate::str::contains(
            "a.js:1:22: v1-residue [manual] `require` does not exist in a V2 ES module",
        ));
    tool(dir.path())
        .args([
            "--check",
            "--ignore",
            "env-rename,require-to-import,handler-callback,v1-residue",
            "-j",
            "1",
        ])
        .assert()
        .success();
}

const CONFIG_V1: &str = r#"{
  "name": "route",
  "event": "No Event",
  "environmentVariables": [
    {
      "key": "REGION",
      "value": "eu"
    },
    {
      "key": "PORT",
      "value": "8080"
    }
  ]
}
"#;
const CONFIG_V2: &str = r#"{
  "name": "route",
  "event": "No Event",
  "environmentVariables": {
    "REGION": "eu",
    "PORT": "8080"
  }
}
"#;
const SETTINGS_V1: &str = "{\n  \"secrets\": [\n    \"crm-token\",\n    \"lp-faas-default-app-key\"\n  ],\n  \"whitelist\": [\n    \"api.example.com\"\n  ]\n}\n";
const SETTINGS_V2: &str =
    "{\n  \"secrets\": [\n    \"crm-token\",\n    \"lp-faas-default-app-key\"\n  ]\n}\n";

#[test]
fn config_json_is_shown_checked_and_written_like_code() {
    let dir = project(&[
        ("functions/route/index.js", V2.as_bytes()),
        ("functions/route/config.json", CONFIG_V1.as_bytes()),
    ]);
    tool(dir.path())
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "--- a/functions/route/config.json",
        ))
        .stdout(predicate::str::contains("-  \"environmentVariables\": ["))
        .stdout(predicate::str::contains("+  \"environmentVariables\": {"))
        .stdout(predicate::str::contains("+    \"REGION\": \"eu\","))
        .stderr(predicate::str::contains(
            "functions/route/config.json:10:14: config-env [manual] `PORT` is reserved in V2 (the platform sets it); rename this variable here and where the code reads it",
        ))
        .stderr(predicate::str::contains(
            "2 files scanned, 1 would change (1 edit), 1 finding, 0 errors",
        ));
    assert_eq!(read(&dir, "functions/route/config.json"), CONFIG_V1);
    tool(dir.path())
        .arg("--check")
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "functions/route/config.json: would be migrated (1 edit: config-env)",
        ))
        .stdout(predicate::str::contains("---").not());
    // After --write the finding points into the written file.
    tool(dir.path())
        .args(["--write", "--allow-no-vcs"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "functions/route/config.json: migrated (1 edit: config-env)",
        ))
        .stderr(predicate::str::contains(
            "functions/route/config.json:6:5: config-env [manual] `PORT` is reserved",
        ));
    assert_eq!(read(&dir, "functions/route/config.json"), CONFIG_V2);
    // Nothing left to change, but the manual finding still fails --check.
    tool(dir.path())
        .arg("--check")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("would be migrated").not())
        .stderr(predicate::str::contains(
            "functions/route/config.json:6:5: config-env [manual]",
        ));
    tool(dir.path())
        .args(["--check", "--ignore", "config-env"])
        .assert()
        .success();
}

#[test]
fn settings_json_loses_its_whitelist_and_keeps_its_layout() {
    let crlf = SETTINGS_V1.replace('\n', "\r\n");
    let dir = project(&[("functions/settings.json", crlf.as_bytes())]);
    tool(dir.path())
        .arg("--check")
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "functions/settings.json: would be migrated (1 edit: settings-whitelist)",
        ))
        .stderr(predicate::str::contains(
            "functions/settings.json:4:5: settings-secrets [manual] `lp-faas-default-app-key` is a V1 system secret",
        ));
    tool(dir.path())
        .args(["--write", "--allow-no-vcs"])
        .assert()
        .success();
    assert_eq!(
        read(&dir, "functions/settings.json"),
        SETTINGS_V2.replace('\n', "\r\n")
    );
}

#[test]
fn walking_keeps_only_the_project_files_of_the_lpf_layout() {
    let dir = project(&[
        ("functions/route/index.js", V2.as_bytes()),
        ("functions/route/config.json", CONFIG_V1.as_bytes()),
        // no index.js beside it: not a function folder
        ("functions/notes/config.json", CONFIG_V1.as_bytes()),
        // not under functions/
        ("tools/route/index.js", V2.as_bytes()),
        ("tools/route/config.json", CONFIG_V1.as_bytes()),
        ("settings.json", SETTINGS_V1.as_bytes()),
        ("functions/settings.json", SETTINGS_V1.as_bytes()),
        (
            "functions/route/package.json",
            b"{ \"dependencies\": { \"lodash\": \"4\" } }",
        ),
    ]);
    tool(dir.path())
        .arg("--check")
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "functions/route/config.json: would be migrated",
        ))
        .stderr(predicate::str::contains(
            "functions/settings.json: would be migrated",
        ))
        .stderr(predicate::str::contains("notes").not())
        .stderr(predicate::str::contains("tools/route/config.json").not())
        .stderr(predicate::str::contains("\nsettings.json").not())
        .stderr(predicate::str::contains("package.json").not())
        // At the root of an lpf project only functions/ is walked: tools/route/index.js is not.
        .stderr(predicate::str::contains("3 files scanned"));
    // Walking from inside a function folder finds its config.json too.
    tool(&dir.path().join("functions/route"))
        .arg("--check")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("config.json: would be migrated"))
        .stderr(predicate::str::contains("2 files scanned"));
    // Named on the command line, a config.json is read wherever it is; other JSON is refused.
    tool(dir.path())
        .args(["--check", "functions/notes/config.json", "functions/route/package.json"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "functions/notes/config.json: would be migrated",
        ))
        .stderr(predicate::str::contains(
            "functions/route/package.json: error: not migrated: of JSON files, only an lpf project's config.json and settings.json are migrated",
        ));
}

#[test]
fn invalid_json_is_a_located_error_and_nothing_is_written() {
    let broken =
        "{\n  \"environmentVariables\": [\n    { \"key\": \"A\", \"value\": \"1\" },\n  ]\n}\n";
    let dir = project(&[
        ("functions/route/index.js", V1.as_bytes()),
        ("functions/route/config.json", broken.as_bytes()),
    ]);
    tool(dir.path())
        .args(["--write", "--allow-no-vcs"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "functions/route/config.json:4:3: error: syntax error: invalid JSON: trailing comma",
        ))
        // A function migrates whole or not at all.
        .stderr(predicate::str::contains(
            "functions/route/index.js: error: not written: functions/route/config.json could not be migrated, and a function's files are written together\n",
        ));
    assert_eq!(read(&dir, "functions/route/config.json"), broken);
    assert_eq!(read(&dir, "functions/route/index.js"), V1);
}

fn report_project() -> TempDir {
    project(&[
        ("functions/route/index.js", V1.as_bytes()),
        ("functions/route/config.json", CONFIG_V1.as_bytes()),
        ("functions/broken/index.js", BROKEN.as_bytes()),
        (
            "functions/broken/config.json",
            b"{ \"environmentVariables\": [] }\n",
        ),
        ("functions/done/index.js", V2.as_bytes()),
        ("functions/settings.json", SETTINGS_V1.as_bytes()),
    ])
}

#[test]
fn the_report_lists_changes_and_findings_per_function_with_line_links() {
    let dir = report_project();
    tool(dir.path())
        .args(["--report", "report.md"])
        .assert()
        .code(2);
    let report = read(&dir, "report.md");
    for expected in [
        "# V1 → V2 migration report\n",
        "Nothing was written",
        "| functions | 3 (1 needs a person) |",
        "| files | 6 scanned, 4 to change (10 edits) |",
        "| needs a person | 2 manual findings |",
        "| errors | 1 |",
        "| `functions/route/` | needs a person | 8 | 1 | 0 | 0 |",
        "| [index.js](functions/route/index.js) | `handler-callback` | 3 |",
        "| `functions/broken/` | error | 1 | 0 | 0 | 1 |",
        "| `functions/done/` | nothing to change | 0 | 0 | 0 | 0 |",
        "| `functions/` | needs a person | 1 | 1 | 0 | 0 |",
        "## route\n\nFolder `functions/route/`: **needs a person**.",
        "| [config.json](functions/route/config.json) | `config-env` | 1 |",
        "| [index.js](functions/route/index.js) | `env-rename` | 1 |",
        "| [index.js](functions/route/index.js) | `require-to-import` | 3 |",
        "Needs a person:\n\n- [config.json:10:14](functions/route/config.json#L10) `config-env`: `PORT` is reserved in V2",
        "## broken\n",
        "Errors (nothing was written for these files):\n\n- [index.js:2:27](functions/broken/index.js#L2): syntax error: Expected ',', got ';'",
        "## done\n\nFolder `functions/done/`: **nothing to change**.\n\nNothing to change.",
        "## Project settings in functions/\n",
        "| [settings.json](functions/settings.json) | `settings-whitelist` | 1 |",
        "- [settings.json:4:5](functions/settings.json#L4) `settings-secrets`: `lp-faas-default-app-key`",
    ] {
        assert!(report.contains(expected), "missing {expected:?} in:\n{report}");
    }
    // Function sections in path order, the project settings last.
    let at = |s: &str| report.find(s).unwrap();
    assert!(at("## broken") < at("## done") && at("## done") < at("## route"));
    assert!(at("## route") < at("## Project settings"));
}

#[test]
fn the_report_is_written_in_every_mode_and_links_from_its_own_folder() {
    let dir = report_project();
    fs::create_dir(dir.path().join("docs")).unwrap();
    tool(dir.path())
        .args(["--check", "--report", "docs/check.md"])
        .assert()
        .code(2);
    let check = read(&dir, "docs/check.md");
    assert!(
        check.contains("(../functions/route/config.json#L10)"),
        "{check}"
    );
    tool(dir.path())
        .args(["--write", "--allow-no-vcs", "--report", "docs/write.md"])
        .assert()
        .code(2);
    let write = read(&dir, "docs/write.md");
    assert!(write.contains("The changes below were written"), "{write}");
    assert!(
        write.contains("| files | 6 scanned, 4 changed (10 edits) |"),
        "{write}"
    );
    // After --write, line links point into the written file.
    assert!(
        write.contains("- [config.json:6:5](../functions/route/config.json#L6) `config-env`"),
        "{write}"
    );
    assert_eq!(read(&dir, "functions/route/config.json"), CONFIG_V2);
    let unwritable = dir.path().join("missing-folder/report.md");
    tool(dir.path())
        .args(["functions/done", "--report"])
        .arg(&unwritable)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot write the report"));
}

#[test]
fn the_examples_exercise_every_project_rule() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (json, output) = common::json_run(tool(root).args([
        "--format",
        "json",
        "--quiet",
        "--isolated",
        "examples",
    ]));
    assert_eq!(output.status.code(), Some(0));
    let mut used = std::collections::HashSet::new();
    for file in json["files"].as_array().unwrap() {
        for item in file["edits"]
            .as_array()
            .unwrap()
            .iter()
            .chain(file["findings"].as_array().unwrap())
        {
            used.insert(item["rule"].as_str().unwrap().to_string());
        }
    }
    for rule in faas_migrate::rules::RULES {
        if matches!(rule.check, faas_migrate::rules::Check::Project(..)) {
            assert!(
                used.contains(rule.name),
                "examples/ never triggers {}",
                rule.name
            );
        }
    }
}
