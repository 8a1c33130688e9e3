//! The command line: a thin layer over [`crate::migrate`].

use crate::discover::{self, Discovered};
use crate::report::{self, Counts, Done, FileError, FileSummary, Format, Mode, Rendered};
use crate::write::{atomic_write, DirtyFiles};
use crate::{migrate, panics, rules, Options};
use clap::{ArgAction, Parser, ValueEnum};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::Instant;

/// Migrates LivePerson Functions from the V1 platform to V2.
///
/// By default prints the diff of what would change and what needs a person, and writes nothing.
///
/// Exit status: 0 success; 1 `--check` found files that need work; 2 a file could not be read,
/// parsed, migrated or written (the other files are still processed).
#[derive(Debug, Parser)]
#[command(name = "faas-migrate", version, about, long_about = None, after_help = AFTER_HELP)]
pub struct Args {
    /// Files or directories to migrate (directories are walked for .js, .cjs and .mjs files and
    /// an lpf project's functions/<name>/config.json and functions/settings.json, respecting
    /// .gitignore and skipping node_modules).
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,

    /// Write the migrated files in place.
    #[arg(long, conflicts_with_all = ["check", "stdin_filename"])]
    pub write: bool,

    /// With --write, also write files that have uncommitted git changes.
    #[arg(long, requires = "write")]
    pub allow_dirty: bool,

    /// Write nothing and print no diff; exit 1 if any file would change or still needs a person.
    #[arg(long)]
    pub check: bool,

    /// Read the source from stdin, print the migrated source to stdout and findings to stderr;
    /// NAME is the file name used in messages.
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<PathBuf>,

    /// Also write a Markdown migration report to FILE.md: per function, what changed and what
    /// needs a person, with links to the lines.
    #[arg(long, value_name = "FILE.md", conflicts_with = "stdin_filename")]
    pub report: Option<PathBuf>,

    /// Output format of findings and edits.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// Run only these rules (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "RULE,...")]
    pub select: Vec<String>,

    /// Do not run these rules (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "RULE,...")]
    pub ignore: Vec<String>,

    /// List the rules and exit.
    #[arg(long, action = ArgAction::SetTrue)]
    pub list_rules: bool,

    /// Print a rule's documentation and exit.
    #[arg(long, value_name = "RULE")]
    pub explain: Option<String>,

    /// Number of files migrated in parallel (default: one per core).
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,

    /// When to use colour.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,

    /// Do not print the summary line.
    #[arg(short, long)]
    pub quiet: bool,
}

const AFTER_HELP: &str = "\
Examples:
  faas-migrate functions/             show what would change
  faas-migrate --write functions/     migrate in place
  faas-migrate --check .              in CI: fail while anything is left to migrate
  faas-migrate --report report.md .   also write a Markdown report for sign-off
  faas-migrate --explain env-rename   what a rule does and cannot do";

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

impl Color {
    fn choice(self) -> anstream::ColorChoice {
        match self {
            Color::Auto => anstream::ColorChoice::Auto,
            Color::Always => anstream::ColorChoice::Always,
            Color::Never => anstream::ColorChoice::Never,
        }
    }
}

/// How many results may wait in the channel to the printer.
const WINDOW: usize = 256;

/// How many files one pool of worker threads migrates before a fresh pool takes over.
const BATCH: usize = 1000;

/// Stack size of a worker thread: parsing and visiting recurse per level of nesting, also where
/// no bracket shows it (long chains of operators or arrow functions). Only what is used is
/// touched.
const WORKER_STACK: usize = 256 << 20;

/// Runs the command line and returns the exit status.
pub fn run(args: Args) -> ExitCode {
    panics::quiet_hook();
    let color = args.color.choice();
    let mut stdout = anstream::AutoStream::new(io::stdout().lock(), color);
    let mut stderr = anstream::AutoStream::new(io::stderr(), color);
    match main(&args, &mut stdout, &mut stderr) {
        Ok(code) => code,
        Err(message) => {
            let _ = writeln!(stderr, "faas-migrate: error: {message}");
            ExitCode::from(2)
        }
    }
}

fn main(args: &Args, out: &mut impl Write, err: &mut impl Write) -> Result<ExitCode, String> {
    if args.list_rules {
        for rule in rules::RULES {
            let _ = writeln!(
                out,
                "{:<24} {:<7} {:<14} {}",
                rule.name,
                rule.class,
                rule.reads(),
                rule.summary
            );
        }
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(name) = &args.explain {
        let rule = rules::by_name(name).ok_or_else(|| unknown_rule(name))?;
        let _ = writeln!(
            out,
            "# {} ({})\n\n{}",
            rule.name,
            rule.class,
            rule.doc().trim_end()
        );
        return Ok(ExitCode::SUCCESS);
    }
    let options = Options::with_rules(&args.select, &args.ignore)?;
    let mode = if args.write {
        Mode::Write
    } else if args.check {
        Mode::Check
    } else {
        Mode::Diff
    };
    if let Some(name) = &args.stdin_filename {
        return stdin(name, &options, mode, args.format, out, err);
    }

    let start = Instant::now();
    let Discovered { files, errors } = discover::discover(&args.paths);
    let dirty = if args.write && !args.allow_dirty {
        DirtyFiles::scan(&args.paths)
    } else {
        DirtyFiles::default()
    };
    let mut counts = Counts::default();
    let keep_summaries = args.report.is_some();
    let mut summaries: Vec<FileSummary> = Vec::new();
    for (path, message) in &errors {
        let result = Err(FileError {
            message: message.clone(),
            location: None,
        });
        let r = report::render(&display(path), &result, mode, args.format);
        if keep_summaries {
            summaries.push(FileSummary::new(path, &display(path), &result));
        }
        counts.errors += 1;
        emit(&r, args.format, &mut true, out, err);
    }
    if args.format == Format::Json {
        let _ = write!(out, "{}", report::JSON_START);
    }
    let jobs = args
        .jobs
        .filter(|&n| n > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let mut first = errors.is_empty() || args.format != Format::Json;
    let first_json = &mut first;
    // Files are migrated on a rayon pool, a batch at a time, and printed in path order. Each
    // batch gets a fresh pool: the parser interns every name it meets in per-thread tables that
    // only a thread's end frees, so long-lived threads would grow with the number of files. The
    // results waiting to be printed are bounded by the batch (and the channel by `WINDOW`).
    let (tx, rx) = mpsc::sync_channel::<(usize, Rendered, Option<FileSummary>)>(WINDOW);
    std::thread::scope(|scope| {
        let (files, options, dirty) = (&files, &options, &dirty);
        scope.spawn(move || {
            for (n, batch) in files.chunks(BATCH).enumerate() {
                let pool = rayon::ThreadPoolBuilder::new()
                    .num_threads(jobs)
                    .stack_size(WORKER_STACK)
                    .thread_name(|i| format!("faas-migrate-worker-{i}"))
                    .build()
                    .expect("cannot start worker threads");
                let sent = pool.install(|| {
                    batch.par_iter().enumerate().try_for_each_with(tx.clone(), |tx, (j, path)| {
                        let shown = display(path);
                        let result = panics::catch(|| process(path, options, mode, args.format, dirty))
                            .unwrap_or_else(|panic| {
                                Err(FileError {
                                    message: format!("internal error: {panic}; the file is left unchanged (please report this)"),
                                    location: None,
                                })
                            });
                        let rendered = report::render(&shown, &result, mode, args.format);
                        let summary = keep_summaries.then(|| FileSummary::new(path, &shown, &result));
                        // The printer has gone only if it failed: stop.
                        tx.send((n * BATCH + j, rendered, summary)).map_err(|_| ())
                    })
                });
                if sent.is_err() {
                    break;
                }
            }
        });
        // Print in path order as results arrive.
        let mut pending = BTreeMap::new();
        let mut next = 0;
        for (i, rendered, summary) in rx {
            pending.insert(i, (rendered, summary));
            while let Some((r, summary)) = pending.remove(&next) {
                counts += r.counts;
                emit(&r, args.format, first_json, out, err);
                summaries.extend(summary);
                next += 1;
            }
        }
    });
    let mut report_failed = false;
    if let Some(report_path) = &args.report {
        let markdown = report::markdown(&summaries, mode, report_path);
        if let Err(e) = std::fs::write(report_path, markdown) {
            let _ = writeln!(
                err,
                "faas-migrate: error: cannot write the report {}: {e}",
                report_path.display()
            );
            report_failed = true;
        }
    }
    let elapsed = start.elapsed();
    if args.format == Format::Json {
        let _ = write!(out, "{}", report::json_end(&counts, elapsed));
    }
    if !args.quiet {
        let _ = writeln!(err, "{}", report::summary(&counts, mode, elapsed));
    }
    let _ = out.flush();
    if report_failed {
        return Ok(ExitCode::from(2));
    }
    Ok(exit_code(&counts, mode))
}

fn emit(
    r: &Rendered,
    format: Format,
    first: &mut bool,
    out: &mut impl Write,
    err: &mut impl Write,
) {
    if format == Format::Json {
        if !*first {
            let _ = out.write_all(b",");
        }
        *first = false;
    }
    let _ = out.write_all(r.stdout.as_bytes());
    let _ = err.write_all(r.stderr.as_bytes());
}

fn exit_code(counts: &Counts, mode: Mode) -> ExitCode {
    if counts.errors > 0 {
        ExitCode::from(2)
    } else if mode == Mode::Check && counts.needs_work > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn unknown_rule(name: &str) -> String {
    let known: Vec<&str> = rules::RULES.iter().map(|r| r.name).collect();
    format!("unknown rule `{name}` (rules: {})", known.join(", "))
}

fn display(path: &Path) -> String {
    let text = path.display().to_string();
    text.strip_prefix("./").map(str::to_string).unwrap_or(text)
}

/// Reads a file as UTF-8 text, with a clear message when it is not.
fn read_source(bytes: Vec<u8>) -> Result<String, FileError> {
    let error = |message: String| FileError {
        message,
        location: None,
    };
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(error(
            "skipped: the file is UTF-16 encoded; faas-migrate reads UTF-8 only".into(),
        ));
    }
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(error(format!(
            "skipped: binary file (NUL byte at offset {at})"
        )));
    }
    String::from_utf8(bytes).map_err(|e| {
        error(format!(
            "skipped: not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })
}

/// Migrates one file and, with `--write`, saves it. Nothing is written for a file with an error.
fn process(
    path: &Path,
    options: &Options,
    mode: Mode,
    format: Format,
    dirty: &DirtyFiles,
) -> Result<Done, FileError> {
    let bytes = std::fs::read(path).map_err(|e| FileError {
        message: format!("cannot read: {e}"),
        location: None,
    })?;
    let source = read_source(bytes)?;
    let migration = migrate(&source, path, options).map_err(|e| FileError {
        message: e.to_string(),
        location: e.location(),
    })?;
    let mut done = Done {
        needs_work: migration.needs_work(),
        ..Done::default()
    };
    if migration.changed() {
        match mode {
            Mode::Diff if format == Format::Text => {
                done.diff = Some(report::diff(&display(path), &source, &migration.output));
            }
            Mode::Write => {
                if dirty.contains(path) {
                    return Err(FileError {
                        message: "not written: the file has uncommitted changes (commit or stash them, or pass --allow-dirty)".into(),
                        location: None,
                    });
                }
                atomic_write(path, &migration.output).map_err(|e| FileError {
                    message: format!("cannot write: {e}"),
                    location: None,
                })?;
                done.written = true;
            }
            _ => {}
        }
    }
    done.edits = migration.edits;
    done.findings = migration.findings;
    Ok(done)
}

/// `--stdin-filename`: source on stdin, migrated source on stdout, findings on stderr.
fn stdin(
    name: &Path,
    options: &Options,
    mode: Mode,
    format: Format,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<ExitCode, String> {
    let mut bytes = Vec::new();
    io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read stdin: {e}"))?;
    let path = display(name);
    let (source, result) = match read_source(bytes.clone()) {
        Ok(source) => {
            let result = migrate(&source, name, options).map_err(|e| FileError {
                message: e.to_string(),
                location: e.location(),
            });
            (Some(source), result)
        }
        Err(e) => (None, Err(e)),
    };
    // The migrated text, or the input unchanged when it could not be migrated: nothing is lost.
    if mode != Mode::Check {
        let text = match (&result, &source) {
            (Ok(m), _) => m.output.as_bytes(),
            (Err(_), _) => bytes.as_slice(),
        };
        out.write_all(text).map_err(|e| e.to_string())?;
    }
    let done = result.map(|m| Done {
        needs_work: m.needs_work(),
        edits: m.edits,
        findings: m.findings,
        written: false,
        diff: None,
    });
    let rendered = report::render(&path, &done, mode, format);
    // Findings go to stderr: stdout carries the source.
    let _ = err.write_all(rendered.stdout.as_bytes());
    let _ = err.write_all(rendered.stderr.as_bytes());
    Ok(exit_code(&rendered.counts, mode))
}
