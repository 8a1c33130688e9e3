//! The command line: a thin layer over [`crate::migrate`].

mod args;
mod config;
mod process;
mod settings;
mod stdin;

pub use args::Args;

use crate::discover::{self, Discovered};
use crate::report::{self, Counts, FileError, FileSummary, Format, Mode, Rendered, RuleCount};
use crate::write::vcs::{Dirt, State, Vcs};
use crate::write::{self, Temp};
use crate::{panics, rules};
use process::{Job, Member};
use rayon::prelude::*;
use settings::Settings;
use std::collections::{BTreeMap, HashMap};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::Instant;

/// How many results may wait in the channel to the printer.
const WINDOW: usize = 256;

/// How many files one pool of worker threads migrates before a fresh pool takes over.
const BATCH: usize = 1000;

/// Stack size of a worker thread: parsing and visiting recurse per level of nesting, also where
/// no bracket shows it (long chains of operators or arrow functions). Only what is used is
/// touched.
const WORKER_STACK: usize = 256 << 20;

/// `--jobs` is capped at this many threads per core.
const JOBS_PER_CORE: usize = 4;

/// A run-level error: nothing was processed. In JSON and SARIF it still makes one document.
struct Fatal {
    message: String,
    format: Format,
}

/// Runs the command line and returns the exit status.
pub fn run(args: Args) -> ExitCode {
    panics::quiet_hook();
    let color = args.color.choice();
    let mut stdout = anstream::AutoStream::new(io::stdout().lock(), color);
    let mut stderr = anstream::AutoStream::new(io::stderr(), color);
    match main(&args, &mut stdout, &mut stderr) {
        Ok(code) => code,
        Err(Fatal { message, format }) => {
            let _ = writeln!(stderr, "faas-migrate: error: {message}");
            let errors = [message];
            let doc = match format {
                Format::Json => Some(format!(
                    "{}{}",
                    report::JSON_START,
                    report::json_end(&Counts::default(), Default::default(), &errors, None)
                )),
                Format::Sarif => Some(format!(
                    "{}{}",
                    report::sarif::start(),
                    report::sarif::end(&[], &errors, 2)
                )),
                Format::Github => Some(report::github_summary(&errors[0], true)),
                Format::Text => None,
            };
            if let Some(doc) = doc {
                let _ = stdout.write_all(doc.as_bytes());
                let _ = stdout.flush();
            }
            ExitCode::from(2)
        }
    }
}

fn fatal(format: Format) -> impl Fn(String) -> Fatal {
    move |message| Fatal { message, format }
}

fn list_rules(format: Format, out: &mut impl Write) {
    if format == Format::Json {
        let list: Vec<_> = rules::RULES
            .iter()
            .map(|r| {
                serde_json::json!({
                    "name": r.name, "class": r.class, "reads": r.reads(), "summary": r.summary,
                })
            })
            .collect();
        let _ = writeln!(out, "{}", serde_json::Value::from(list));
        return;
    }
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
}

fn main(args: &Args, out: &mut impl Write, err: &mut impl Write) -> Result<ExitCode, Fatal> {
    let early = fatal(args.format.unwrap_or(Format::Text));
    if args.list_rules {
        list_rules(args.format.unwrap_or(Format::Text), out);
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(name) = &args.explain {
        let rule = rules::by_name(name.trim()).ok_or_else(|| early(args::unknown_rule(name)))?;
        let _ = writeln!(
            out,
            "# {} ({})\n\n{}",
            rule.name,
            rule.class,
            rule.doc().trim_end()
        );
        return Ok(ExitCode::SUCCESS);
    }
    let loaded = config::load(args.config.as_deref(), args.isolated).map_err(&early)?;
    let settings = Settings::new(args, loaded).map_err(&early)?;
    let format = settings.format;
    let fail = fatal(format);
    let mode = if args.write {
        Mode::Write
    } else if args.check {
        Mode::Check
    } else {
        Mode::Diff
    };
    if args.statistics && !matches!(format, Format::Text | Format::Json) {
        return Err(fail("--statistics works with --format text or json".into()));
    }
    let dash = args.paths.iter().any(|p| p.as_os_str() == "-");
    if dash && args.paths.len() > 1 {
        return Err(fail(
            "`-` reads the source from stdin and cannot be combined with other paths".into(),
        ));
    }
    if args.stdin_filename.is_some() && !args.paths.is_empty() && !dash {
        return Err(fail(
            "--stdin-filename reads the source from stdin: give no paths (or `-`)".into(),
        ));
    }
    if dash || args.stdin_filename.is_some() {
        if mode == Mode::Write {
            return Err(fail(
                "--write cannot write to stdin; the migrated source is printed to stdout".into(),
            ));
        }
        if args.report.is_some() {
            return Err(fail("--report cannot be used when reading stdin".into()));
        }
        let name = args
            .stdin_filename
            .clone()
            .unwrap_or_else(|| PathBuf::from("-"));
        return stdin::run(&name, &settings, mode, format, args.quiet, out, err).map_err(fail);
    }
    let quiet = args.quiet;
    let status = |err: &mut dyn Write, line: &str| {
        if quiet == 0 {
            let _ = writeln!(err, "{line}");
        }
    };

    let start = Instant::now();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let max_jobs = JOBS_PER_CORE * cores;
    let jobs = match settings.jobs {
        None => cores,
        Some(n) if n as usize > max_jobs || n > usize::MAX as u64 => {
            if quiet < 2 {
                let _ = writeln!(
                    err,
                    "faas-migrate: warning: --jobs {n} is more than {JOBS_PER_CORE} per core; using {max_jobs} ({cores} {})",
                    if cores == 1 { "core" } else { "cores" }
                );
            }
            max_jobs
        }
        Some(n) => n as usize,
    };

    // Every output path is checked, and reserved, before the first file is read.
    let report_file = match &args.report {
        Some(path) => Some(reserve(path).map_err(&fail)?),
        None => None,
    };

    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let Discovered {
        files,
        errors,
        projects,
    } = discover::discover(&paths, &settings.walk);
    for root in &projects {
        let shown = display(root);
        status(
            err,
            &format!(
                "faas-migrate: {} is an lpf project: only its functions/ are migrated (name other files to include them)",
                if shown == "." { "this folder".to_string() } else { shown }
            ),
        );
    }

    let mut outside: HashMap<PathBuf, (String, Dirt)> = HashMap::new();
    let mut dirt: Vec<Option<Dirt>> = vec![None; files.len()];
    if mode == Mode::Write {
        write::install_signal_cleanup();
        if !(args.allow_dirty && args.allow_no_vcs) {
            check_vcs(&files, args, &mut dirt, &mut outside).map_err(&fail)?;
        }
        let mut dirs: Vec<&Path> = files.iter().filter_map(|f| f.parent()).collect();
        dirs.sort();
        dirs.dedup();
        let dirs = dirs.into_iter().map(|d| {
            if d.as_os_str().is_empty() {
                Path::new(".")
            } else {
                d
            }
        });
        for stale in write::remove_stale_temporaries(dirs) {
            status(
                err,
                &format!(
                    "faas-migrate: removed {}, a temporary file left by an interrupted run",
                    display(&stale)
                ),
            );
        }
    } else if report_file.is_some() {
        write::install_signal_cleanup();
    }

    let mut printer = Printer {
        format,
        quiet,
        statistics: args.statistics,
        first: true,
        counts: Counts::default(),
        rules: BTreeMap::new(),
        notifications: Vec::new(),
        summaries: Vec::new(),
    };
    match format {
        Format::Json => {
            let _ = write!(out, "{}", report::JSON_START);
        }
        Format::Sarif => {
            let _ = write!(out, "{}", report::sarif::start());
        }
        _ => {}
    }
    let keep_summaries = report_file.is_some();
    for (path, message) in &errors {
        let result = Err(FileError {
            message: message.clone(),
            location: None,
        });
        let r = report::render(&display(path), &result, mode, format);
        if keep_summaries {
            printer
                .summaries
                .push(FileSummary::new(path, &display(path), &result));
        }
        printer.emit(r, out, err);
    }

    let job = Job {
        settings: &settings,
        mode,
        format,
        diff: mode == Mode::Diff && format == Format::Text && !args.statistics,
    };
    let units = units(&files, mode);
    migrate_all(
        &files,
        &units,
        &dirt,
        &outside,
        &job,
        jobs,
        keep_summaries,
        &mut printer,
        out,
        err,
    );

    let mut run_errors = Vec::new();
    let mut report_note = None;
    if let (Some(temp), Some(path)) = (report_file, &args.report) {
        let markdown = report::markdown(&printer.summaries, mode, path);
        match finish_report(temp, path, &markdown) {
            Ok(()) => report_note = Some(display(path)),
            Err(e) => {
                let message = format!("cannot write the report {}: {e}", path.display());
                if quiet < 2 {
                    let _ = writeln!(err, "faas-migrate: error: {message}");
                }
                run_errors.push(message);
            }
        }
    }
    let elapsed = start.elapsed();
    let counts = printer.counts;
    let mut code = exit_code(&counts, mode);
    if !run_errors.is_empty() {
        code = 2;
    }
    if args.exit_zero && code == 1 {
        code = 0;
    }
    let stats = args.statistics.then(|| report::statistics(&printer.rules));
    match format {
        Format::Json => {
            let _ = write!(
                out,
                "{}",
                report::json_end(&counts, elapsed, &run_errors, stats.as_deref())
            );
        }
        Format::Sarif => {
            let _ = write!(
                out,
                "{}",
                report::sarif::end(&printer.notifications, &run_errors, code)
            );
        }
        Format::Text => {
            if let Some(stats) = &stats {
                let _ = write!(out, "{}", report::statistics_text(stats));
            }
        }
        Format::Github => {}
    }
    let mut line = report::summary(&counts, mode, elapsed);
    match &report_note {
        Some(path) => line.push_str(&format!("; report written to {path}")),
        None if mode == Mode::Write && counts.findings > 0 && format == Format::Text => {
            line.push_str("; pass --report FILE.md to keep the findings in a report")
        }
        None => {}
    }
    if format == Format::Github {
        let _ = write!(out, "{}", report::github_summary(&line, code != 0));
    }
    status(err, &line);
    let _ = out.flush();
    Ok(ExitCode::from(code))
}

/// Decides, before anything is written, which files git lets `--write` overwrite. A file outside
/// any repository, or whose repository git cannot read, stops the run unless `--allow-no-vcs`.
fn check_vcs(
    files: &[PathBuf],
    args: &Args,
    dirt: &mut [Option<Dirt>],
    outside: &mut HashMap<PathBuf, (String, Dirt)>,
) -> Result<(), String> {
    // A function's other files count too, also when the run does not include them.
    let mut all = files.to_vec();
    let mut partners = Vec::new();
    let named: std::collections::HashSet<PathBuf> =
        files.iter().map(|f| discover::normalized(f)).collect();
    let mut seen = std::collections::HashSet::new();
    for f in files {
        if let Some(unit) = process::unit_of(f) {
            if seen.insert(unit.clone()) {
                for name in ["index.js", "config.json"] {
                    let p = unit.join(name);
                    if p.is_file() && !named.contains(&p) {
                        partners.push((unit.clone(), p));
                    }
                }
            }
        }
    }
    all.extend(partners.iter().map(|(_, p)| p.clone()));
    let states = Vcs::states(&all);
    if !args.allow_no_vcs {
        let unknown: Vec<(&PathBuf, &State)> = all
            .iter()
            .zip(&states)
            .filter(|(_, s)| matches!(s, State::NoRepository | State::Unknown(_)))
            .collect();
        if let Some((path, state)) = unknown.first() {
            let (subject, verb) = match unknown.len() - 1 {
                0 => (display(path), "is"),
                n => (
                    format!(
                        "{} and {}",
                        display(path),
                        report::plural(n, "other file", "other files")
                    ),
                    "are",
                ),
            };
            return Err(match state {
                State::Unknown(why) => format!(
                    "not writing: cannot tell whether {subject} {} uncommitted changes: {why}; pass --allow-no-vcs to write without this check",
                    if verb == "is" { "has" } else { "have" }
                ),
                _ => format!(
                    "not writing: {subject} {verb} not in a git repository, so the migration could not be reviewed or undone with git; pass --allow-no-vcs to write anyway"
                ),
            });
        }
    }
    if !args.allow_dirty {
        for (i, state) in states.iter().enumerate() {
            let State::Dirty(d) = state else { continue };
            if i < files.len() {
                dirt[i] = Some(*d);
            } else {
                let (unit, path) = &partners[i - files.len()];
                let cwd = discover::normalized(Path::new("."));
                let shown = path.strip_prefix(&cwd).unwrap_or(path);
                outside.entry(unit.clone()).or_insert((display(shown), *d));
            }
        }
    }
    Ok(())
}

/// Groups files into units: with `--write`, a function folder's files together (they are
/// adjacent in path order); otherwise each file alone.
fn units(files: &[PathBuf], mode: Mode) -> Vec<std::ops::Range<usize>> {
    let mut units: Vec<std::ops::Range<usize>> = Vec::new();
    let mut last: Option<PathBuf> = None;
    for (i, f) in files.iter().enumerate() {
        let unit = if mode == Mode::Write {
            process::unit_of(f)
        } else {
            None
        };
        match (&unit, &last, units.last_mut()) {
            (Some(u), Some(l), Some(range)) if u == l => range.end = i + 1,
            _ => units.push(i..i + 1),
        }
        last = unit;
    }
    units
}

/// Prints results in path order and keeps the totals.
struct Printer {
    format: Format,
    quiet: u8,
    statistics: bool,
    first: bool,
    counts: Counts,
    rules: BTreeMap<&'static str, RuleCount>,
    notifications: Vec<String>,
    summaries: Vec<FileSummary>,
}

impl Printer {
    fn emit(&mut self, r: Rendered, out: &mut impl Write, err: &mut impl Write) {
        self.counts += r.counts;
        for (rule, c) in &r.rules {
            let total = self.rules.entry(rule).or_default();
            total.edits += c.edits;
            total.findings += c.findings;
        }
        self.notifications.extend(r.notifications);
        let data = match self.format {
            Format::Text if self.statistics => "",
            _ => r.stdout.as_str(),
        };
        if matches!(self.format, Format::Json | Format::Sarif) && !data.is_empty() {
            if !self.first {
                let _ = out.write_all(b",");
            }
            self.first = false;
        }
        let _ = out.write_all(data.as_bytes());
        if self.quiet == 0 {
            let _ = err.write_all(r.status.as_bytes());
        }
        if self.quiet < 2 {
            let _ = err.write_all(r.errors.as_bytes());
            if !self.statistics {
                let _ = err.write_all(r.findings.as_bytes());
            }
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn migrate_all(
    files: &[PathBuf],
    units: &[std::ops::Range<usize>],
    dirt: &[Option<Dirt>],
    outside: &HashMap<PathBuf, (String, Dirt)>,
    job: &Job,
    jobs: usize,
    keep_summaries: bool,
    printer: &mut Printer,
    out: &mut impl Write,
    err: &mut impl Write,
) {
    // Units are migrated on a rayon pool, a batch at a time, and printed in path order. Each
    // batch gets a fresh pool: the parser interns every name it meets in per-thread tables that
    // only a thread's end frees, so long-lived threads would grow with the number of files. The
    // results waiting to be printed are bounded by the batch (and the channel by `WINDOW`).
    type Item = (usize, Vec<(Rendered, Option<FileSummary>)>);
    let (tx, rx) = mpsc::sync_channel::<Item>(WINDOW);
    std::thread::scope(|scope| {
        scope.spawn(move || {
            for (n, batch) in units.chunks(BATCH).enumerate() {
                let pool = rayon::ThreadPoolBuilder::new()
                    .num_threads(jobs)
                    .stack_size(WORKER_STACK)
                    .thread_name(|i| format!("faas-migrate-worker-{i}"))
                    .build()
                    .expect("cannot start worker threads");
                let sent = pool.install(|| {
                    batch.par_iter().enumerate().try_for_each_with(tx.clone(), |tx, (j, range)| {
                        let members: Vec<Member> = range
                            .clone()
                            .map(|i| Member { path: &files[i], shown: display(&files[i]), dirt: dirt[i] })
                            .collect();
                        let held = process::unit_of(&files[range.start]).and_then(|u| outside.get(&u));
                        let results = panics::catch(|| process::unit(&members, held, job)).unwrap_or_else(|panic| {
                            members
                                .iter()
                                .map(|_| Err(FileError {
                                    message: format!("internal error: {panic}; the file is left unchanged (please report this)"),
                                    location: None,
                                }))
                                .collect()
                        });
                        let rendered = members
                            .iter()
                            .zip(results)
                            .map(|(m, result)| {
                                let r = report::render(&m.shown, &result, job.mode, job.format);
                                let summary = keep_summaries.then(|| FileSummary::new(m.path, &m.shown, &result));
                                (r, summary)
                            })
                            .collect();
                        // The printer has gone only if it failed: stop.
                        tx.send((n * BATCH + j, rendered)).map_err(|_| ())
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
        for (i, rendered) in rx {
            pending.insert(i, rendered);
            while let Some(files) = pending.remove(&next) {
                for (r, summary) in files {
                    printer.emit(r, out, err);
                    printer.summaries.extend(summary);
                }
                next += 1;
            }
        }
    });
}

/// Checks that the report can be written where asked, and holds a temporary file beside it.
fn reserve(path: &Path) -> Result<Temp, String> {
    let cannot =
        |e: &dyn std::fmt::Display| format!("cannot write the report {}: {e}", path.display());
    if path.is_dir() {
        return Err(cannot(&"it is a folder"));
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    match std::fs::metadata(dir) {
        Err(e) => return Err(cannot(&e)),
        Ok(m) if !m.is_dir() => return Err(cannot(&format!("{} is not a folder", dir.display()))),
        Ok(_) => {}
    }
    Temp::new_in(dir).map_err(|e| cannot(&io::Error::from(e.kind())))
}

fn finish_report(mut temp: Temp, path: &Path, markdown: &str) -> Result<(), String> {
    temp.file()
        .write_all(markdown.as_bytes())
        .map_err(|e| e.to_string())?;
    // A new report is readable by all, like any file the user writes; a replaced one keeps its
    // permissions.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let permissions = std::fs::metadata(path)
            .map(|m| m.permissions())
            .unwrap_or_else(|_| std::fs::Permissions::from_mode(0o644));
        temp.file()
            .set_permissions(permissions)
            .map_err(|e| e.to_string())?;
    }
    temp.file().sync_all().map_err(|e| e.to_string())?;
    temp.persist(path).map_err(|e| match e {
        write::WriteError::Io(e) => e.to_string(),
        other => other.to_string(),
    })
}

fn exit_code(counts: &Counts, mode: Mode) -> u8 {
    if counts.errors > 0 {
        2
    } else if mode == Mode::Check && counts.needs_work > 0 {
        1
    } else {
        0
    }
}

fn display(path: &Path) -> String {
    let text = path.display().to_string();
    text.strip_prefix("./").map(str::to_string).unwrap_or(text)
}
