//! A migrated file is written only when Node can load it: the output of every changed file goes
//! through the module parse and the early-error check (duplicate bindings, duplicate exports,
//! assignments to a `const` or an import). A failure is an internal error naming the rules whose
//! edits caused it; an input that was wrong from the start is the input's error.

use faas_migrate::rules::{Check, Context, RuleInfo};
use faas_migrate::{migrate, Error, FixClass, Location, Options};
use std::path::Path;
use std::process::Command;

/// Adds `import { A } from "<source>";` at `at` (the start or the end of the file) once.
fn inserts(cx: &mut Context, source: &str, at_end: bool) {
    if !cx.source.contains(&format!("\"{source}\"")) {
        let at = if at_end { cx.source.len() } else { 0 };
        cx.insert(at, format!("import {{ A }} from \"{source}\";\n"));
    }
}

/// Two rules that each add an import of `A`, unaware of each other.
static IMPORT_A_FROM_M: RuleInfo = RuleInfo {
    name: "import-a-from-m",
    class: FixClass::Auto,
    summary: "imports A from m",
    applies: |_| true,
    check: Check::JavaScript(|cx| inserts(cx, "m", false)),
    after: &[],
    source: "",
};

static IMPORT_A_FROM_N: RuleInfo = RuleInfo {
    name: "import-a-from-n",
    class: FixClass::Auto,
    summary: "imports A from n",
    applies: |_| true,
    check: Check::JavaScript(|cx| inserts(cx, "n", true)),
    after: &[],
    source: "",
};

/// Replaces `process.env.BRAND_ID` with `brandId`, touching nothing else.
static RENAME_BRAND: RuleInfo = RuleInfo {
    name: "rename-brand",
    class: FixClass::Auto,
    summary: "renames the brand",
    applies: |_| true,
    check: Check::JavaScript(|cx| {
        if let Some(at) = cx.source.find("process.env.BRAND_ID") {
            cx.replace(at..at + "process.env.BRAND_ID".len(), "brandId");
        }
    }),
    after: &[],
    source: "",
};

fn with(rules: &[&'static RuleInfo]) -> Options {
    Options {
        rules: rules.to_vec(),
        ..Options::default()
    }
}

fn at(line: usize, column: usize) -> Location {
    Location {
        line,
        column,
        utf16_column: column,
    }
}

#[test]
fn two_rules_importing_one_name_are_an_internal_error_naming_both() {
    let result = migrate(
        "var a = 1;\nvar a = 2;\n",
        Path::new("index.js"),
        &with(&[&IMPORT_A_FROM_M, &IMPORT_A_FROM_N]),
    );
    let Err(Error::Internal { rules, message }) = result else {
        panic!("{result:?}")
    };
    assert_eq!(rules, ["import-a-from-m", "import-a-from-n"]);
    assert_eq!(
        message,
        "the migrated code is not a valid ES module (the name `A` is defined multiple times at 4:10)"
    );
}

#[test]
fn one_import_and_var_declared_twice_is_a_module_node_loads() {
    let result = migrate(
        "var a = 1;\nvar a = 2;\n",
        Path::new("index.js"),
        &with(&[&IMPORT_A_FROM_M]),
    )
    .unwrap();
    assert_eq!(
        result.output,
        "import { A } from \"m\";\nvar a = 1;\nvar a = 2;\n"
    );
    assert_node_loads(&result.output);
}

#[test]
fn an_input_with_an_early_error_is_a_syntax_error() {
    let result = migrate(
        "let a = 1;\nlet a = 2;\nconst brand = process.env.BRAND_ID;\n",
        Path::new("index.js"),
        &with(&[&RENAME_BRAND]),
    );
    let Err(Error::Syntax {
        message,
        offset,
        location,
    }) = result
    else {
        panic!("{result:?}")
    };
    assert_eq!(message, "the name `a` is defined multiple times");
    assert_eq!((offset, location), (15, at(2, 5)));
}

#[test]
fn an_input_valid_only_as_a_script_cannot_become_a_module() {
    // Two top-level functions of one name: fine in a V1 script, an early error in a module.
    let input = "\u{feff}function f() {}\nfunction f() {}\nconst brand = process.env.BRAND_ID;\n";
    let result = migrate(input, Path::new("index.js"), &with(&[&RENAME_BRAND]));
    let Err(Error::NotModule {
        message,
        offset,
        location,
    }) = result
    else {
        panic!("{result:?}")
    };
    assert_eq!(message, "the name `f` is defined multiple times");
    assert_eq!((offset, location), (28, at(2, 10)));
}

/// A `require` of the toolbelt inside the handler plus a hard-coded LivePerson host: the
/// require becomes the file's one `import { Toolbelt }` and the CSDS lookup uses it (csds-host
/// comes after require-to-import), so the result is a module Node loads.
#[test]
fn a_toolbelt_required_in_the_handler_and_a_host_give_one_import() {
    let input = r#"function lambda(input, callback) {
  const { Toolbelt } = require("lp-faas-toolbelt");
  const httpClient = Toolbelt.HTTPClient();
  httpClient({ uri: "https://va.agentvep.liveperson.net/api/x", json: true })
    .then((r) => callback(null, r))
    .catch((e) => callback(e));
}
"#;
    let migration = migrate(input, Path::new("index.js"), &Options::default()).unwrap();
    assert_eq!(migration.output.matches("import { Toolbelt }").count(), 1);
    assert_eq!(
        faas_migrate::verify::check_module_text(&migration.output),
        Ok(())
    );
    assert_node_loads(&migration.output);
}

/// The command line writes the same file, and what it writes loads in Node.
#[test]
fn the_command_line_writes_only_what_node_loads() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("index.js");
    let input = "function lambda(input, callback) {\n  const { Toolbelt } = require(\"lp-faas-toolbelt\");\n  const sdk = Toolbelt.HTTPClient();\n  sdk({ uri: \"https://va.agentvep.liveperson.net/x\" }).then((r) => callback(null, r));\n}\n";
    std::fs::write(&file, input).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_faas-migrate"))
        .args(["--write", "--allow-no-vcs", "--color", "never"])
        .arg(&file)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let written = std::fs::read_to_string(&file).unwrap();
    assert_ne!(written, input);
    assert_eq!(faas_migrate::verify::check_module_text(&written), Ok(()));
    assert_node_loads(&written);
}

/// `node --check` on `text` as an ES module, when Node is installed.
fn assert_node_loads(text: &str) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("output.mjs");
    std::fs::write(&file, text).unwrap();
    match Command::new("node").arg("--check").arg(&file).output() {
        Ok(out) => assert!(
            out.status.success(),
            "node refuses the output: {}\n{text}",
            String::from_utf8_lossy(&out.stderr)
        ),
        Err(e) => eprintln!("node not run ({e}): only the module check applies"),
    }
}
