//! What faas-migrate does with files it does not understand, and with runs that go wrong.
//!
//! - Mutants: every fixture, example and equivalence case, truncated, with characters replaced,
//!   tokens deleted, repeated or swapped, is migrated by the library. No panic may escape or be
//!   caught (a caught one is an internal error saying "panicked"), a changed output must parse as
//!   an ES module (a project file: as JSON), and an unchanged one is the input itself. A share
//!   of them also goes through `faas-migrate --write`: a file with an error stays byte for byte
//!   as it was, the others hold what the library made. `FAAS_MIGRATE_MUTANTS=N` runs N mutants
//!   instead of the default; `FAAS_MIGRATE_MUTANTS_SEED=S` changes which.
//! - Pre-filters: every rule's cheap text test (`applies`) is checked against running the rule
//!   on everything: the results must be the same.
//! - A rule that panics costs its file, not the run.
//! - The command line on awkward files: empty, comments only, syntax error, not UTF-8, UTF-16,
//!   10 MB, unreadable, read-only folder, symbolic link loop, a folder named `x.js`, a file
//!   deleted during the run.
//! - `--write` killed with SIGKILL leaves every file old or new, never truncated.

#[path = "../../benches/throughput/corpus.rs"]
mod corpus;

use corpus::Rng;
use faas_migrate::rules::{Check, RuleInfo, RULES};
use faas_migrate::{migrate, Error, FixClass, Migration, Options};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

const DEFAULT_MUTANTS: usize = 10_000;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn bin() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_faas-migrate"));
    cmd.env("NO_COLOR", "1")
        .env_remove("FAAS_MIGRATE_PANIC_IN_RULE");
    cmd
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A source to mutate: the path `migrate` is given (it decides JavaScript or project file) and
/// the text.
#[derive(Clone)]
struct Source {
    path: PathBuf,
    text: String,
}

impl Source {
    fn is_json(&self) -> bool {
        self.path.extension().is_some_and(|e| e == "json")
    }
}

fn sorted(dir: &Path) -> Vec<PathBuf> {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    entries
}

/// Every fixture input and expected output, example file and equivalence case.
fn sources() -> Vec<Source> {
    let mut sources = Vec::new();
    for group in sorted(&root().join("snapshots")) {
        for case in sorted(&group) {
            let json_path = fs::read_to_string(case.join("path.txt"))
                .map(|p| PathBuf::from(p.trim()))
                .unwrap_or_else(|_| PathBuf::from("functions/example/config.json"));
            for file in sorted(&case) {
                let name = file.file_name().unwrap().to_string_lossy().into_owned();
                let Some(stem) = name.strip_prefix("input.").or(name.strip_prefix("output."))
                else {
                    continue;
                };
                let path = if stem == "json" {
                    json_path.clone()
                } else {
                    file.clone()
                };
                sources.push(Source {
                    path,
                    text: fs::read_to_string(&file).unwrap(),
                });
            }
        }
    }
    let examples = root().join("examples/functions");
    sources.push(Source {
        path: PathBuf::from("functions/settings.json"),
        text: fs::read_to_string(examples.join("settings.json")).unwrap(),
    });
    for function in sorted(&examples).into_iter().filter(|p| p.is_dir()) {
        for name in ["index.js", "config.json"] {
            if let Ok(text) = fs::read_to_string(function.join(name)) {
                sources.push(Source {
                    path: PathBuf::from("functions/example").join(name),
                    text,
                });
            }
        }
    }
    for case in sorted(&root().join("tests/equivalence/cases")) {
        if let Ok(text) = fs::read_to_string(case.join("v1/index.js")) {
            sources.push(Source {
                path: case.join("v1/index.js"),
                text,
            });
        }
    }
    assert!(sources.len() > 300, "only {} sources", sources.len());
    sources
}

/// Characters that matter to a JavaScript or JSON parser, and a few that matter to text handling.
const POOL: &[char] = &[
    '{', '}', '(', ')', '[', ']', ';', ',', '.', '\'', '"', '`', '/', '*', '\n', '\r', '=', '>',
    '+', '!', '?', ':', '#', '@', '\\', ' ', '\t', '$', '0', 'a', 'Z', 'é', '\u{feff}', '\u{2028}',
    '𝒳',
];

/// Byte ranges of the tokens of a text, roughly: runs of word characters, single other
/// characters (white space is skipped).
fn tokens(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let mut end = at + c.len_utf8();
        if c.is_alphanumeric() || c == '_' || c == '$' {
            while let Some(&(i, d)) = chars.peek() {
                if !(d.is_alphanumeric() || d == '_' || d == '$') {
                    break;
                }
                end = i + d.len_utf8();
                chars.next();
            }
        }
        tokens.push(at..end);
    }
    tokens
}

fn char_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// One random change to `text`.
fn mutate_once(text: &str, rng: &mut Rng) -> String {
    if text.is_empty() {
        return POOL[rng.below(POOL.len())].to_string();
    }
    let tokens = tokens(text);
    let kind = if tokens.is_empty() {
        rng.below(2)
    } else {
        rng.below(5)
    };
    match kind {
        // Truncated.
        0 => text[..char_boundary(text, rng.below(text.len()))].to_string(),
        // One character replaced (or inserted).
        1 => {
            let at = char_boundary(text, rng.below(text.len()));
            let len = text[at..].chars().next().map_or(0, char::len_utf8);
            let cut = if rng.below(4) == 0 { 0 } else { len };
            let c = POOL[rng.below(POOL.len())];
            format!("{}{c}{}", &text[..at], &text[at + cut..])
        }
        // A token deleted.
        2 => {
            let t = &tokens[rng.below(tokens.len())];
            format!("{}{}", &text[..t.start], &text[t.end..])
        }
        // A token repeated.
        3 => {
            let t = &tokens[rng.below(tokens.len())];
            format!("{}{}", &text[..t.end], &text[t.start..])
        }
        // Two neighbouring tokens swapped.
        _ => {
            let i = rng.below(tokens.len());
            let (a, b) = match tokens.get(i + 1) {
                Some(next) => (tokens[i].clone(), next.clone()),
                None => return text[..tokens[i].start].to_string(),
            };
            format!(
                "{}{}{}{}{}",
                &text[..a.start],
                &text[b.clone()],
                &text[a.end..b.start],
                &text[a],
                &text[b.end..]
            )
        }
    }
}

fn mutate(text: &str, rng: &mut Rng) -> String {
    let times = if rng.below(4) == 0 {
        2 + rng.below(3)
    } else {
        1
    };
    let mut text = text.to_string();
    for _ in 0..times {
        text = mutate_once(&text, rng);
    }
    text
}

fn mutant_count() -> usize {
    std::env::var("FAAS_MIGRATE_MUTANTS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(DEFAULT_MUTANTS)
}

fn mutant_seed() -> u64 {
    std::env::var("FAAS_MIGRATE_MUTANTS_SEED")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0x5EED)
}

/// What migrating a mutant gave, when it was acceptable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Outcome {
    Changed,
    Unchanged,
    Syntax,
    NotModule,
    Unsupported,
    /// A rule's output did not parse or did not settle: reported, nothing changed.
    Internal,
}

/// Migrates a text and checks the promises; `Err` says which one broke.
fn check(path: &Path, text: &str) -> Result<(Outcome, Option<Migration>), String> {
    match migrate(text, path, &Options::default()) {
        Ok(m) if m.changed() => {
            let output = m.output.strip_prefix('\u{feff}').unwrap_or(&m.output);
            let valid = if path.extension().is_some_and(|e| e == "json") {
                serde_json::from_str::<serde_json::Value>(output)
                    .map(|_| ())
                    .map_err(|e| e.to_string())
            } else {
                faas_migrate::parse::parse_module(output)
                    .map(|_| ())
                    .map_err(|e| format!("{} at byte {}", e.message, e.offset))
            };
            valid.map_err(|e| format!("the output does not parse ({e}):\n{}", m.output))?;
            Ok((Outcome::Changed, Some(m)))
        }
        Ok(m) => {
            if m.output != text {
                return Err("nothing changed, yet the output differs from the input".into());
            }
            Ok((Outcome::Unchanged, Some(m)))
        }
        Err(Error::Internal { message, rules }) if message.contains("panicked") => {
            Err(format!("a panic in rule(s) {rules:?}: {message}"))
        }
        Err(Error::Syntax { .. }) => Ok((Outcome::Syntax, None)),
        Err(Error::NotModule { .. }) => Ok((Outcome::NotModule, None)),
        Err(Error::Unsupported { .. }) => Ok((Outcome::Unsupported, None)),
        Err(Error::Internal { .. }) => Ok((Outcome::Internal, None)),
        Err(Error::Cancelled) => Err("cancelled, yet nothing set the flag".into()),
    }
}

/// Runs `work(i)` for `0..count` on two threads with large stacks.
fn in_parallel(count: usize, work: impl Fn(usize) + Sync) {
    let next = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for _ in 0..2 {
            std::thread::Builder::new()
                .stack_size(64 << 20)
                .spawn_scoped(scope, || loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= count {
                        break;
                    }
                    work(i);
                })
                .unwrap();
        }
    });
}

#[test]
fn mutants_never_panic_and_never_produce_code_that_does_not_parse() {
    let sources = sources();
    let count = mutant_count();
    let seed = mutant_seed();
    let failures = Mutex::new(Vec::new());
    let outcomes = Mutex::new(std::collections::BTreeMap::<Outcome, usize>::new());
    // Every 25th mutant of a JavaScript file also goes through the command line below.
    let for_cli = Mutex::new(Vec::new());
    let start = Instant::now();
    in_parallel(count, |i| {
        let mut rng = Rng::new(seed ^ (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let source = &sources[rng.below(sources.len())];
        let text = mutate(&source.text, &mut rng);
        match check(&source.path, &text) {
            Ok((outcome, migration)) => {
                *outcomes.lock().unwrap().entry(outcome).or_default() += 1;
                if outcome == Outcome::Internal {
                    // Allowed (reported, nothing written), but worth a look: a rule bug.
                    let error = migrate(&text, &source.path, &Options::default()).unwrap_err();
                    eprintln!(
                        "mutant {i} of {}: {error}\n--- mutant ---\n{text}\n---",
                        source.path.display()
                    );
                }
                if i % 25 == 0 && !source.is_json() {
                    // What the command line must write for it: migrated where it will be, in a
                    // folder without the files its relative `require`s name (the case's folder
                    // has them, and a relative import gets the extension of the file it finds).
                    let expected = migration.and_then(|_| {
                        migrate(
                            &text,
                            &Path::new("no-such-folder").join(format!("m{i:06}.js")),
                            &Options::default(),
                        )
                        .ok()
                        .map(|m| m.output)
                    });
                    for_cli
                        .lock()
                        .unwrap()
                        .push((i, text.into_bytes(), expected));
                }
            }
            Err(why) => failures.lock().unwrap().push(format!(
                "mutant {i} of {} (seed {seed}): {why}\n--- mutant ---\n{text}\n---",
                source.path.display()
            )),
        }
    });
    let outcomes = outcomes.into_inner().unwrap();
    eprintln!(
        "{count} mutants of {} sources in {:.1}s: {outcomes:?}",
        sources.len(),
        start.elapsed().as_secs_f64()
    );
    let failures = failures.into_inner().unwrap();
    assert!(
        failures.is_empty(),
        "{} of {count} mutants broke a promise; the first:\n{}",
        failures.len(),
        failures[0]
    );
    // The mutants must reach every part of the pipeline, not stop at the parser.
    for outcome in [Outcome::Changed, Outcome::Unchanged, Outcome::Syntax] {
        assert!(
            outcomes.get(&outcome).copied().unwrap_or(0) > count / 50,
            "{outcomes:?}"
        );
    }

    // Through `faas-migrate --write`, with some bytes that are not UTF-8 besides.
    let mut files = for_cli.into_inner().unwrap();
    files.sort_by_key(|(i, _, _)| *i);
    let mut rng = Rng::new(seed);
    for (_, bytes, expected) in files.iter_mut().take(20) {
        if !bytes.is_empty() {
            let at = rng.below(bytes.len());
            bytes[at] = 0xC0 | (rng.below(0x3F) as u8) ^ 0x3F;
            bytes.insert(at, 0xFF);
            *expected = None;
        }
    }
    let dir = tempfile::tempdir().unwrap();
    for (i, bytes, _) in &files {
        fs::write(dir.path().join(format!("m{i:06}.js")), bytes).unwrap();
    }
    let output = bin()
        .args([
            "--write",
            "--allow-no-vcs",
            "--format",
            "json",
            "--jobs",
            "2",
        ])
        .arg(dir.path())
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&output.stdout)));
    let listed = report["files"].as_array().unwrap();
    assert_eq!(listed.len(), files.len(), "{}", stderr(&output));
    let mut errors = 0;
    for ((i, bytes, expected), entry) in files.iter().zip(listed) {
        let path = dir.path().join(format!("m{i:06}.js"));
        assert!(entry["path"]
            .as_str()
            .unwrap()
            .ends_with(&format!("m{i:06}.js")));
        let now = fs::read(&path).unwrap();
        if entry["status"] == "error" {
            errors += 1;
            assert_eq!(&now, bytes, "{}: written despite an error", path.display());
        } else {
            let expected = expected.as_ref().unwrap_or_else(|| {
                panic!(
                    "{}: the library refused it, the command line did not",
                    path.display()
                )
            });
            assert_eq!(
                String::from_utf8(now).unwrap(),
                *expected,
                "{}",
                path.display()
            );
        }
    }
    assert_eq!(output.status.code(), Some(if errors > 0 { 2 } else { 0 }));
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| !n.to_string_lossy().ends_with(".js"))
        .collect();
    assert!(leftovers.is_empty(), "left behind: {leftovers:?}");
}

/// A rule with its text test replaced by "always".
fn always(rule: &'static RuleInfo) -> &'static RuleInfo {
    Box::leak(Box::new(RuleInfo {
        name: rule.name,
        class: rule.class,
        summary: rule.summary,
        applies: |_| true,
        check: rule.check,
        after: rule.after,
        source: rule.source,
    }))
}

#[test]
fn pre_filters_never_skip_a_file_a_rule_would_change_or_report() {
    let mut texts: Vec<Source> = sources();
    // A generated project and its migration: code as it looks before and after.
    let bases = corpus::bases(root()).unwrap();
    let options = Options::default();
    for i in 0..150 {
        let mut rng = Rng::new(7 ^ i as u64);
        let (_, text) = corpus::function(&bases, i, &mut rng);
        let path = PathBuf::from("functions/generated/index.js");
        if let Ok(m) = migrate(&text, &path, &options) {
            texts.push(Source {
                path: path.clone(),
                text: m.output,
            });
        }
        texts.push(Source { path, text });
    }
    let unfiltered = Options {
        rules: RULES.iter().map(|r| always(r)).collect(),
        ..Options::default()
    };
    let mut matched = vec![0usize; RULES.len()];
    for source in &texts {
        let filtered = migrate(&source.text, &source.path, &options);
        let everything = migrate(&source.text, &source.path, &unfiltered);
        let summary = |r: &Result<Migration, Error>| match r {
            Ok(m) => format!("{}\n{:#?}\n{:#?}", m.output, m.edits, m.findings),
            Err(e) => e.to_string(),
        };
        assert_eq!(
            summary(&filtered),
            summary(&everything),
            "{}: running every rule everywhere gives another result",
            source.path.display()
        );
        // Each rule that changed or reported something had its text test pass on the input
        // (or, for a rule that acts in a later pass, on some text the file went through).
        if let Ok(m) = &everything {
            let rules = m
                .edits
                .iter()
                .map(|e| e.rule)
                .chain(m.findings.iter().map(|f| f.rule));
            for rule in rules {
                if let Some(i) = RULES.iter().position(|r| r.name == rule) {
                    if (RULES[i].applies)(&source.text) || (RULES[i].applies)(&m.output) {
                        matched[i] += 1;
                    } else {
                        panic!(
                            "{}: {rule} acted on text its pre-filter rejects",
                            source.path.display()
                        );
                    }
                }
            }
        }
    }
    for (rule, n) in RULES.iter().zip(&matched) {
        assert!(*n > 0, "no text exercised {}", rule.name);
    }
}

fn panic_check(_: &mut faas_migrate::rules::Context) {
    panic!("this rule always fails");
}

static PANICKING: RuleInfo = RuleInfo {
    name: "panicking-rule",
    class: FixClass::Auto,
    summary: "panics",
    applies: |source| source.contains("lambda"),
    check: Check::JavaScript(panic_check),
    after: &[],
    source: "",
};

#[test]
fn a_panicking_rule_is_an_internal_error_naming_the_rule() {
    let mut rules = Options::default().rules;
    rules.insert(2, &PANICKING);
    let options = Options {
        rules,
        ..Options::default()
    };
    let error = migrate(
        "function lambda(input, callback) { callback(null, 1); }\n",
        Path::new("index.js"),
        &options,
    )
    .unwrap_err();
    let Error::Internal { rules, message } = &error else {
        panic!("{error:?}");
    };
    assert_eq!(rules, &["panicking-rule"]);
    assert!(message.contains("this rule always fails"), "{message}");
    assert!(error
        .to_string()
        .contains("internal error in rule panicking-rule"));
    // A file the rule does not apply to is migrated as usual.
    let m = migrate(
        "const b = process.env.BRAND_ID;\n",
        Path::new("index.js"),
        &options,
    )
    .unwrap();
    assert_eq!(m.output, "const b = process.env.X_LIVEPERSON_BRAND_ID;\n");
}

mod awkward;
