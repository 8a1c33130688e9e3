//! The configuration file, the lpf project as the default scope, accepted findings, and where
//! the findings went.

use crate::common::*;
use std::fs;

const BRAND: &str = "const b = process.env.BRAND_ID;\n";
const BRAND_V2: &str = "const b = process.env.X_LIVEPERSON_BRAND_ID;\n";

#[test]
fn the_config_file_is_found_upwards_and_can_be_named_or_ignored() {
    for name in ["faas-migrate.toml", ".faas-migrate.toml"] {
        let dir = project(&[
            (name, b"ignore = [\"env-rename\", \"v1-residue\"]\n"),
            ("sub/deeper/a.js", BRAND.as_bytes()),
        ]);
        let deeper = dir.path().join("sub/deeper");
        tool(&deeper).arg("--check").assert().success();
        tool(&deeper)
            .args(["--check", "--isolated"])
            .assert()
            .code(1);
        // --select frees a rule the file ignores.
        tool(&deeper)
            .args(["--check", "--select", "env-rename"])
            .assert()
            .code(1);
    }
    let dir = project(&[
        ("faas-migrate.toml", b"ignore = [\"env-rename\"]\n"),
        ("other.toml", b"select = [\"use-strict\"]\n"),
        ("a.js", BRAND.as_bytes()),
    ]);
    tool(dir.path())
        .args(["--check", "--config", "other.toml"])
        .assert()
        .success();
    let output = tool(dir.path())
        .args(["--config", "missing.toml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(stderr(&output), "faas-migrate: error: cannot read the configuration missing.toml: No such file or directory (os error 2)\n");
    let output = tool(dir.path())
        .args(["--config", "other.toml", "--isolated"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn config_mistakes_are_reported_with_the_file_and_line() {
    let dir = project(&[(
        "faas-migrate.toml",
        b"select = [\"env-rename\"]\nselct = [\"x\"]\n",
    )]);
    let output = tool(dir.path()).arg("--check").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let path = dir.path().join("faas-migrate.toml");
    assert_eq!(
        stderr(&output),
        format!("faas-migrate: error: {}:2: unknown field `selct`, expected one of `select`, `ignore`, `exclude`, `extend-exclude`, `force-exclude`, `format`, `jobs`, `per-file-ignores`, `accept`\n", path.display())
    );
    fs::write(&path, "[per-file-ignores]\n\"a.js\" = [\"log-limit\"]\n").unwrap();
    let output = tool(dir.path()).arg("--check").output().unwrap();
    assert_eq!(
        stderr(&output),
        format!(
            "faas-migrate: error: {}: unknown rule `log-limit`; did you mean `log-limits`?\n",
            path.display()
        )
    );
}

#[test]
fn exclusions_from_the_file_and_the_command_line() {
    let dir = project(&[
        (
            "faas-migrate.toml",
            b"exclude = [\"legacy\"]\nextend-exclude = [\"scripts/*.js\"]\n",
        ),
        ("src/a.js", BRAND.as_bytes()),
        ("src/legacy/b.js", BRAND.as_bytes()),
        ("scripts/c.js", BRAND.as_bytes()),
        ("scripts/deep/d.js", BRAND.as_bytes()),
    ]);
    let scanned = |args: &[&str]| -> Vec<String> {
        let (doc, _) = json_run(tool(dir.path()).args(["--format", "json"]).args(args));
        doc["files"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["path"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(scanned(&[]), ["scripts/deep/d.js", "src/a.js"]);
    // --exclude replaces the file's exclude; extend-exclude still applies.
    assert_eq!(
        scanned(&["--exclude", "deep"]),
        ["src/a.js", "src/legacy/b.js"]
    );
    assert_eq!(scanned(&["--extend-exclude", "src"]), ["scripts/deep/d.js"]);
    // A path named explicitly is processed, unless --force-exclude.
    assert_eq!(scanned(&["src/legacy/b.js"]), ["src/legacy/b.js"]);
    assert_eq!(
        scanned(&["--force-exclude", "src/legacy/b.js", "src/a.js"]),
        ["src/a.js"]
    );
}

#[test]
fn per_file_ignores_and_accepted_entries() {
    let config = b"[per-file-ignores]\n\"functions/legacy/*.js\" = [\"env-rename\", \"v1-residue\"]\n\n[[accept]]\npath = \"functions/route/config.json\"\nrule = \"config-env\"\nentry = \"PORT\"\nreason = \"the platform sets PORT; the function only logs it\"\n";
    let two_ports = "{\n  \"environmentVariables\": {\n    \"PORT\": \"1\"\n  }\n}\n";
    let dir = project(&[
        ("faas-migrate.toml", config),
        ("functions/route/index.js", V2.as_bytes()),
        ("functions/route/config.json", CONFIG_V2.as_bytes()),
        ("functions/other/index.js", V2.as_bytes()),
        ("functions/other/config.json", two_ports.as_bytes()),
        ("functions/legacy/index.js", BRAND.as_bytes()),
    ]);
    let output = tool(dir.path()).arg("--check").output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    // Accepted in route, still reported in other; env-rename does not run on legacy.
    assert!(!err.contains("functions/route/config.json"), "{err}");
    assert!(
        err.contains("functions/other/config.json:3:5: config-env [manual] `PORT` is reserved"),
        "{err}"
    );
    assert!(!err.contains("legacy"), "{err}");
    fs::remove_dir_all(dir.path().join("functions/other")).unwrap();
    tool(dir.path()).arg("--check").assert().success();
    tool(dir.path())
        .args(["--check", "--isolated"])
        .assert()
        .code(1);
}

#[test]
fn a_misspelt_rule_in_an_ignore_comment_is_reported() {
    let source = "// faas-migrate-ignore: env-renam, use-strict\nconst p = process.env.PORT;\n";
    let dir = project(&[("a.js", source.as_bytes())]);
    let output = tool(dir.path())
        .args(["--check", "--isolated"])
        .output()
        .unwrap();
    let err = stderr(&output);
    assert!(
        err.contains("a.js:1:25: faas-migrate-ignore [review] unknown rule `env-renam`; did you mean `env-rename`? in a `faas-migrate-ignore` comment: it silences nothing\n"),
        "{err}"
    );
}

#[test]
fn the_lpf_project_is_the_default_scope() {
    let jest = "module.exports = { testEnvironment: \"node\" };\n";
    let dir = repository(&[
        ("functions/route/index.js", V1.as_bytes()),
        (
            "functions/route/config.json",
            b"{ \"environmentVariables\": {} }\n",
        ),
        ("functions/route/helpers.js", BRAND.as_bytes()),
        ("functions/route/index.test.js", V1.as_bytes()),
        ("functions/route/__tests__/route.js", V1.as_bytes()),
        ("functions/settings.json", b"{ \"secrets\": [] }\n"),
        ("jest.config.js", jest.as_bytes()),
        ("tests/route.test.js", V1.as_bytes()),
        ("bin/build.js", V1.as_bytes()),
    ]);
    let (doc, _) = json_run(tool(dir.path()).args(["--format", "json", "--isolated"]));
    let paths: Vec<&str> = doc["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        paths,
        [
            "functions/route/config.json",
            "functions/route/helpers.js",
            "functions/route/index.js",
            "functions/settings.json"
        ]
    );
    let output = tool(dir.path())
        .args(["--check", "--isolated"])
        .output()
        .unwrap();
    assert!(stderr(&output).starts_with("faas-migrate: this folder is an lpf project: only its functions/ are migrated (name other files to include them)\n"));
    // README's CI example: migrate, then --check passes for good.
    tool(dir.path())
        .args(["--write", "--isolated", "."])
        .assert()
        .success();
    tool(dir.path())
        .args(["--check", "--isolated", "."])
        .assert()
        .success();
    assert_eq!(read(dir.path(), "jest.config.js"), jest);
    assert_eq!(read(dir.path(), "tests/route.test.js"), V1);
    assert_eq!(read(dir.path(), "functions/route/helpers.js"), BRAND_V2);
    // Named explicitly, any file is processed.
    tool(dir.path())
        .args(["--check", "--isolated", "tests/route.test.js"])
        .assert()
        .code(1);
}

#[test]
fn the_summary_says_where_the_findings_went() {
    let dir = project(&[("a.js", b"const p = process.env.PORT;\n")]);
    let output = tool(dir.path())
        .args([
            "--write",
            "--allow-no-vcs",
            "--isolated",
            "--report",
            "migration.md",
        ])
        .output()
        .unwrap();
    let err = stderr(&output);
    assert!(err.ends_with("; report written to migration.md\n"), "{err}");
    assert!(read(dir.path(), "migration.md").contains("`PORT` is reserved"));
    let dir = project(&[("a.js", b"const p = process.env.PORT;\n")]);
    let output = tool(dir.path())
        .args(["--write", "--allow-no-vcs", "--isolated"])
        .output()
        .unwrap();
    assert!(stderr(&output).ends_with("; pass --report FILE.md to keep the findings in a report\n"));
    // JSON and the report in the same run: the findings are in both.
    let dir = project(&[("a.js", b"const p = process.env.PORT;\n")]);
    let (doc, output) = json_run(tool(dir.path()).args([
        "--write",
        "--allow-no-vcs",
        "--isolated",
        "--format",
        "json",
        "--report",
        "r.md",
    ]));
    assert_eq!(doc["files"][0]["status"], "written");
    assert_eq!(doc["files"][0]["findings"][0]["output_location"]["line"], 2);
    assert!(stderr(&output).ends_with("; report written to r.md\n"));
    assert!(read(dir.path(), "r.md").contains("[a.js:2:11](a.js#L2) `env-rename`"));
}
