//! Findings link to their fixes: every fix a finding carries applies to the input on its own
//! (an editor's quick fix), and gives code that still parses.

use faas_migrate::{migrate, parse, FixClass, Options};
use std::fs;
use std::path::{Path, PathBuf};

fn inputs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    let mut stack = vec![root.join("snapshots"), root.join("examples")];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path
                .file_name()
                .is_some_and(|n| n == "input.js" || n == "index.js")
            {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// Applies edits given as input byte ranges (sorted, non-overlapping).
fn apply(source: &str, edits: &[(std::ops::Range<usize>, &str)]) -> String {
    let mut out = String::new();
    let mut at = 0;
    for (range, text) in edits {
        assert!(range.start >= at, "edits overlap or are unsorted");
        out.push_str(&source[at..range.start]);
        out.push_str(text);
        at = range.end;
    }
    out.push_str(&source[at..]);
    out
}

#[test]
fn every_fix_applies_alone_and_parses() {
    let mut with_fix = 0;
    for path in inputs() {
        let source = fs::read_to_string(&path).unwrap();
        let Ok(migration) = migrate(&source, Path::new("index.js"), &Options::default()) else {
            continue;
        };
        for finding in &migration.findings {
            let Some(fix) = &finding.fix else { continue };
            with_fix += 1;
            assert_eq!(fix.rule, finding.rule, "{}", path.display());
            assert!(!fix.edits.is_empty());
            let edits: Vec<_> = fix
                .edits
                .iter()
                .map(|e| (e.range.clone(), e.text.as_str()))
                .collect();
            let fixed = apply(&source, &edits);
            let text = fixed.strip_prefix('\u{feff}').unwrap_or(&fixed);
            assert!(
                parse::parse_program(text).is_ok(),
                "{}: the fix of `{}` alone does not parse:\n{fixed}",
                path.display(),
                finding.message
            );
        }
    }
    assert!(with_fix > 50, "only {with_fix} findings carry a fix");
}

#[test]
fn a_marker_is_the_fix_of_its_manual_finding_and_a_rewrite_the_fix_of_its_review() {
    let source = "const { Toolbelt } = require(\"lp-faas-toolbelt\");\n\
                  function lambda(input, callback) {\n  \
                  const dir = __dirname;\n  \
                  const port = process.env.PORT;\n  \
                  callback(null, { dir, port });\n}\n";
    let migration = migrate(source, Path::new("index.js"), &Options::default()).unwrap();
    let manual = migration
        .findings
        .iter()
        .find(|f| f.class == FixClass::Manual && f.rule == "env-rename")
        .expect("PORT is reserved");
    let fix = manual.fix.as_ref().expect("the marker is its fix");
    assert_eq!(fix.edits.len(), 1);
    assert!(fix.edits[0].text.contains("TODO(faas-migrate)"));
    assert_eq!(
        fix.edits[0].range,
        source.find("  const port").unwrap()..source.find("  const port").unwrap()
    );

    let review = migration
        .findings
        .iter()
        .find(|f| f.rule == "esm-globals")
        .expect("__dirname needs a recent Node");
    assert_eq!(review.class, FixClass::Review);
    let fix = review.fix.as_ref().expect("the rewrite is its fix");
    let at = source.find("__dirname").unwrap();
    assert_eq!(fix.edits.len(), 1);
    assert_eq!(fix.edits[0].range, at..at + "__dirname".len());
    assert_eq!(fix.edits[0].text, "import.meta.dirname");
}
