//! Machine-readable output that CI can trust, and streams.

use crate::common::*;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::process::Command;

const MARKED: &str = "const p = process.env.PORT;\n";

#[test]
fn json_is_one_document_with_a_missing_path_and_a_walk_error() {
    let dir = project(&[("a.js", V1.as_bytes()), ("b.js", V2.as_bytes())]);
    let (doc, output) =
        json_run(tool(dir.path()).args(["--format", "json", "missing.js", "a.js", "b.js"]));
    assert_eq!(output.status.code(), Some(2));
    let files = doc["files"].as_array().unwrap();
    assert_eq!(files.len(), 3);
    assert_eq!(files[0]["path"], "missing.js");
    assert_eq!(files[0]["status"], "error");
    assert_eq!(
        files[0]["error"]["message"],
        "No such file or directory (os error 2)"
    );
    assert_eq!(files[1]["status"], "would-change");
    assert_eq!(files[2]["status"], "unchanged");
    assert_eq!(doc["summary"]["errors"], 1);

    if is_root() {
        // A folder the walk cannot enter, as another user.
        let dir = project(&[("open/a.js", V1.as_bytes()), ("closed/b.js", V1.as_bytes())]);
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
        fs::set_permissions(dir.path().join("open"), fs::Permissions::from_mode(0o755)).unwrap();
        fs::set_permissions(
            dir.path().join("open/a.js"),
            fs::Permissions::from_mode(0o644),
        )
        .unwrap();
        fs::set_permissions(dir.path().join("closed"), fs::Permissions::from_mode(0o700)).unwrap();
        let output = Command::new("setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
            .arg(bin_path())
            .args(["--format", "json", "."])
            .current_dir(dir.path())
            .output()
            .unwrap();
        let doc = json(&output.stdout);
        check_json_shape(&doc);
        assert_eq!(output.status.code(), Some(2));
        let files = doc["files"].as_array().unwrap();
        assert_eq!(files.len(), 2, "{doc}");
        assert_eq!(files[0]["status"], "error");
        assert!(files[0]["error"]["message"]
            .as_str()
            .unwrap()
            .contains("Permission denied"));
        assert_eq!(files[1]["path"], "open/a.js");
    }
}

#[test]
fn json_is_one_document_in_every_mode_and_option() {
    let crlf = V1.replace('\n', "\r\n");
    let files: &[(&str, &[u8])] = &[
        ("functions/route/index.js", V1.as_bytes()),
        ("functions/route/config.json", CONFIG_V1.as_bytes()),
        ("functions/crlf/index.js", crlf.as_bytes()),
        (
            "functions/broken/index.js",
            b"function lambda(input, callback) {\n  callback(null, { a: 1, };\n}\n",
        ),
        (
            "functions/latin1/index.js",
            b"// caf\xe9\nconst a = process.env.BRAND_ID;\n",
        ),
        ("functions/marked/index.js", MARKED.as_bytes()),
        ("functions/settings.json", b"{ \"whitelist\": [] }\n"),
    ];
    let runs: &[&[&str]] = &[
        &[],
        &["--check"],
        &["--check", "-q"],
        &["--check", "-qq"],
        &["--check", "--statistics"],
        &["--check", "--exit-zero"],
        &["--select", "env-rename"],
        &["--ignore", "config-env,handler-callback"],
        &["-j", "1"],
        &["--write"],
        &["--write", "--allow-no-vcs"],
        &["--write", "--allow-no-vcs"],
        &[
            "--check",
            "functions/route",
            "functions/route/index.js",
            "missing",
        ],
    ];
    let dir = project(files);
    for args in runs {
        let (doc, output) = json_run(tool(dir.path()).args(["--format", "json"]).args(*args));
        let code = output.status.code().unwrap();
        assert!(code <= 2, "{args:?}: {code}");
        let scanned = doc["files"].as_array().unwrap().len();
        assert!(
            scanned > 0 || !doc["errors"].as_array().unwrap().is_empty(),
            "{args:?}: {doc}"
        );
    }
}

#[test]
fn json_is_one_document_when_the_run_cannot_start() {
    let dir = project(&[
        ("a.js", V1.as_bytes()),
        ("faas-migrate.toml", b"ignore = [\"env-renam\"]\n"),
    ]);
    let (doc, output) =
        json_run(tool(dir.path()).args(["--format", "json", "--isolated", "--select", "nope"]));
    assert_eq!(output.status.code(), Some(2));
    assert!(doc["errors"][0]
        .as_str()
        .unwrap()
        .starts_with("unknown rule `nope` (rules: "));
    let (doc, output) = json_run(tool(dir.path()).args(["--format", "json"]));
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        doc["errors"][0],
        format!(
            "{}: unknown rule `env-renam`; did you mean `env-rename`?",
            dir.path().join("faas-migrate.toml").display()
        )
    );
    let (doc, _) = json_run(tool(dir.path()).args([
        "--format",
        "json",
        "--isolated",
        "--stdin-filename",
        "x.js",
        "a.js",
    ]));
    assert_eq!(
        doc["errors"][0],
        "--stdin-filename reads the source from stdin: give no paths (or `-`)"
    );
}

#[test]
fn json_in_stdin_mode_goes_to_stderr_as_one_document() {
    let output = tool(std::path::Path::new("."))
        .args(["--format", "json", "--isolated", "-"])
        .write_stdin(MARKED)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stdout(&output), format!("// TODO(faas-migrate): `PORT` is reserved in V2 (the platform sets it); rename this variable here and in config.json [env-rename]\n{MARKED}"));
    let doc = json(&output.stderr);
    check_json_shape(&doc);
    assert_eq!(doc["files"][0]["path"], "-");
    assert_eq!(doc["files"][0]["findings"][0]["rule"], "env-rename");
}

#[test]
fn sarif_validates_against_the_sarif_2_1_0_schema() {
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("../sarif-schema-2.1.0.json")).unwrap();
    let validator = jsonschema::options()
        .with_draft(jsonschema::Draft::Draft4)
        .build(&schema)
        .unwrap();
    let dir = project(&[
        ("functions/route/index.js", V1.as_bytes()),
        ("functions/route/config.json", CONFIG_V1.as_bytes()),
        (
            "functions/broken/index.js",
            b"function lambda(input, callback) {\n  callback(null, { a: 1, };\n}\n",
        ),
        ("functions/done/index.js", V2.as_bytes()),
    ]);
    let check = |args: &[&str]| {
        let output = tool(dir.path()).args(args).output().unwrap();
        let doc = json(&output.stdout);
        let errors: Vec<String> = validator
            .iter_errors(&doc)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{errors:#?}\n{doc:#}");
        (doc, output)
    };
    let (doc, output) = check(&["--format", "sarif", "--check"]);
    assert_eq!(output.status.code(), Some(2));
    let run = &doc["runs"][0];
    assert_eq!(doc["version"], "2.1.0");
    assert_eq!(run["tool"]["driver"]["name"], "faas-migrate");
    let results = run["results"].as_array().unwrap();
    let manual: Vec<_> = results.iter().filter(|r| r["level"] == "error").collect();
    assert_eq!(manual.len(), 1);
    assert_eq!(manual[0]["ruleId"], "config-env");
    let rule = &run["tool"]["driver"]["rules"][manual[0]["ruleIndex"].as_u64().unwrap() as usize];
    assert_eq!(rule["id"], "config-env");
    let place = &manual[0]["locations"][0]["physicalLocation"];
    assert_eq!(
        place["artifactLocation"]["uri"],
        "functions/route/config.json"
    );
    assert_eq!(
        place["region"],
        serde_json::json!({"startLine": 4, "startColumn": 14})
    );
    assert!(results
        .iter()
        .any(|r| r["ruleId"] == "require-to-import" && r["level"] == "note"));
    let invocation = &run["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    assert_eq!(invocation["exitCode"], 2);
    let notes = invocation["toolExecutionNotifications"].as_array().unwrap();
    assert_eq!(notes.len(), 1);
    assert_eq!(
        notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "functions/broken/index.js"
    );
    // A run that cannot start is a valid log too; so is one with nothing to report.
    let (doc, _) = check(&["--format", "sarif", "--select", "nope"]);
    assert_eq!(doc["runs"][0]["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"], "unknown rule `nope` (rules: legacy-octal, require-to-import, module-exports, use-strict, esm-globals, env-rename, handler-callback, http-client-to-fetch, lp-client-json, csds-host, salesforce-client, context-service-client, secret-names, lodash, log-limits, blocking-call, unknown-toolbelt-api, implicit-globals, v1-residue, config-env, config-event, config-dependencies, settings-whitelist, settings-secrets)");
    check(&["--format", "sarif", "functions/done"]);
}

#[test]
fn statistics_exit_zero_and_rules_as_json() {
    let dir = project(&[("a.js", V1.as_bytes()), ("b.js", MARKED.as_bytes())]);
    let output = tool(dir.path())
        .args(["--check", "--statistics"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stdout(&output),
        " edits  findings  rule                     class\n     2         1  env-rename               auto\n     3         0  handler-callback         auto\n     3         0  require-to-import        auto\n"
    );
    assert!(
        !stderr(&output).contains("[manual]"),
        "no findings with --statistics"
    );
    let (doc, _) = json_run(tool(dir.path()).args(["--statistics", "--format", "json"]));
    assert_eq!(
        doc["statistics"][0],
        serde_json::json!({"rule": "env-rename", "class": "auto", "edits": 2, "findings": 1})
    );
    let output = tool(dir.path())
        .args(["--check", "--exit-zero", "-q"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    // --exit-zero does not hide errors.
    let output = tool(dir.path())
        .args(["--check", "--exit-zero", "missing.js"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let output = tool(dir.path())
        .args(["--list-rules", "--format", "json"])
        .output()
        .unwrap();
    let rules = json(&output.stdout);
    let rules = rules.as_array().unwrap();
    assert_eq!(rules.len(), faas_migrate::rules::RULES.len());
    assert_eq!(rules[0]["name"], "legacy-octal");
    assert_eq!(rules[0]["class"], "auto");
    assert!(rules[0]["summary"].is_string() && rules[0]["reads"].is_string());
    let output = tool(dir.path())
        .args(["--statistics", "--format", "github"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        "faas-migrate: error: --statistics works with --format text or json\n"
    );
}

#[test]
fn data_goes_to_stdout_and_messages_to_stderr() {
    let dir = project(&[("a.js", V1.as_bytes()), ("b.js", MARKED.as_bytes())]);
    let output = tool(dir.path()).output().unwrap();
    let out = stdout(&output);
    assert!(out.starts_with("--- a/a.js\n+++ b/a.js\n@@ "), "{out}");
    assert!(
        !out.contains("[manual]") && !out.contains("faas-migrate:"),
        "{out}"
    );
    let err = stderr(&output);
    assert!(
        err.starts_with("b.js:1:11: env-rename [manual] `PORT` is reserved in V2"),
        "{err}"
    );
    assert!(
        err.contains(
            "faas-migrate: 2 files scanned, 2 would change (8 edits), 1 finding, 0 errors in "
        ),
        "{err}"
    );
    // -q: findings, no status lines; -qq: nothing.
    let output = tool(dir.path()).args(["--check", "-q"]).output().unwrap();
    assert_eq!(stdout(&output), "");
    assert_eq!(stderr(&output), "b.js:1:11: env-rename [manual] `PORT` is reserved in V2 (the platform sets it); rename this variable here and in config.json\n");
    let output = tool(dir.path()).args(["--check", "-qq"]).output().unwrap();
    assert_eq!(
        (
            stdout(&output).as_str(),
            stderr(&output).as_str(),
            output.status.code()
        ),
        ("", "", Some(1))
    );
    let output = tool(dir.path())
        .args(["--check", "-qq", "missing.js"])
        .output()
        .unwrap();
    assert_eq!(
        (stderr(&output).as_str(), output.status.code()),
        ("", Some(2))
    );
}

#[test]
fn stdin_paths_and_comma_lists() {
    let here = std::path::Path::new(".");
    tool(here)
        .args(["-", "--isolated"])
        .write_stdin(V1)
        .assert()
        .success()
        .stdout(V2)
        .stderr("");
    tool(here)
        .args([
            "-",
            "--isolated",
            "--stdin-filename",
            "functions/x/index.js",
            "--check",
        ])
        .write_stdin(V1)
        .assert()
        .code(1)
        .stdout("");
    let output = tool(here)
        .args(["--isolated", "--stdin-filename", "x.js", "a.js"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(stderr(&output), "faas-migrate: error: --stdin-filename reads the source from stdin: give no paths (or `-`)\n");
    let output = tool(here)
        .args(["--isolated", "-", "a.js"])
        .output()
        .unwrap();
    assert_eq!(stderr(&output), "faas-migrate: error: `-` reads the source from stdin and cannot be combined with other paths\n");
    let output = tool(here)
        .args(["--isolated", "--write", "-"])
        .output()
        .unwrap();
    assert_eq!(stderr(&output), "faas-migrate: error: --write cannot write to stdin; the migrated source is printed to stdout\n");
    // Comma lists are trimmed.
    tool(here)
        .args(["-", "--isolated", "--select", " env-rename , use-strict ,"])
        .write_stdin("const b = process.env.BRAND_ID;\n")
        .assert()
        .success()
        .stdout("const b = process.env.X_LIVEPERSON_BRAND_ID;\n");
    let output = tool(here)
        .args(["--isolated", "--ignore", "env-renam"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        "faas-migrate: error: unknown rule `env-renam`; did you mean `env-rename`?\n"
    );
    let output = tool(here)
        .args(["--explain", "handler-calback"])
        .output()
        .unwrap();
    assert_eq!(
        stderr(&output),
        "faas-migrate: error: unknown rule `handler-calback`; did you mean `handler-callback`?\n"
    );
}

#[test]
fn the_default_diff_applies_with_git_apply_and_patch_crlf_included() {
    let crlf = V1.replace('\n', "\r\n");
    let files: [(&str, &[u8]); 3] = [
        ("functions/a/index.js", V1.as_bytes()),
        ("functions/b/index.js", crlf.as_bytes()),
        ("functions/c/index.js", b"const b = process.env.BRAND_ID;"), // no final line break
    ];
    let dir = repository(&files);
    let output = tool(dir.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let elsewhere = tempfile::tempdir().unwrap();
    let patch = elsewhere.path().join("migration.diff");
    let patch = patch.to_str().unwrap();
    fs::write(patch, &output.stdout).unwrap();
    git(dir.path(), &["apply", "--check", patch]);
    git(dir.path(), &["apply", patch]);
    let applied: Vec<String> = files.iter().map(|(n, _)| read(dir.path(), n)).collect();
    assert_eq!(applied[0], V2);
    assert_eq!(applied[1], V2.replace('\n', "\r\n"));
    assert_eq!(applied[2], "const b = process.env.X_LIVEPERSON_BRAND_ID;");
    // patch(1) too, on a fresh copy.
    git(dir.path(), &["checkout", "--", "."]);
    let status = Command::new("patch")
        .args(["-p1", "--quiet", "-i", patch])
        .current_dir(dir.path())
        .status()
        .unwrap();
    assert!(status.success());
    let patched: Vec<String> = files.iter().map(|(n, _)| read(dir.path(), n)).collect();
    assert_eq!(patched, applied);
}
