//! `faas-migrate prove`: runs a function as V1 and as its V2 migration, side by side in emulated
//! runtimes against one local HTTP server, and shows whether they behave the same.
//!
//! The Rust side reads the command line and the scenarios, migrates the function in memory and
//! prints the verdicts; the runs themselves are made by the JavaScript runner in `js/`
//! (see [`runtime`]), which reports one JSON line per scenario.

mod render;
pub mod runtime;
pub mod scenario;

use clap::{Parser, ValueEnum};
use serde_json::{json, Value};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

/// Runs a V1 function and its V2 migration on the same scenario and compares what they do.
///
/// Each FUNCTION_DIR is an lpf function folder with the V1 `index.js`. The scenario comes from
/// `<FUNCTION_DIR>/prove.json` (see `--schema`). Both runs are offline: every HTTP request goes to
/// a local server that answers from the scenario's `http` list (unscripted requests get 404 and
/// are listed); any other network access is refused. Only `--record` reaches the real network.
#[derive(Parser, Debug)]
#[command(name = "faas-migrate prove", version)]
pub struct Args {
    /// Function folders (each holds the V1 index.js and, usually, prove.json and config.json).
    #[arg(value_name = "FUNCTION_DIR", required_unless_present = "schema")]
    pub dirs: Vec<PathBuf>,

    /// Take the V2 side from this file instead of migrating (a migration edited by hand).
    #[arg(long, value_name = "FILE")]
    pub v2: Option<PathBuf>,

    /// Take the V1 source from this file; <FUNCTION_DIR>/index.js is then the V2 side (as after
    /// `faas-migrate --write`), unless --v2 says otherwise.
    #[arg(long, value_name = "FILE", conflicts_with = "v1_rev")]
    pub v1: Option<PathBuf>,

    /// Take the V1 source from git: <FUNCTION_DIR>/index.js as of this revision; the current
    /// index.js is then the V2 side, unless --v2 says otherwise.
    #[arg(long, value_name = "GIT_REV")]
    pub v1_rev: Option<String>,

    /// Read the scenarios from this file instead of <FUNCTION_DIR>/prove.json.
    #[arg(long, value_name = "FILE")]
    pub scenario: Option<PathBuf>,

    /// Print the JSON Schema of the scenario file and exit.
    #[arg(long, exclusive = true)]
    pub schema: bool,

    /// REAL NETWORK: run V1 once against the real services, with the scenario's env and secrets,
    /// and save the exchanges as the scenario's `http` list (writes prove.json or --scenario).
    #[arg(long, conflicts_with = "v2")]
    pub record: bool,

    /// Output: readable text, or one JSON document for CI.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// Also print each side's console output and notes for scenarios that fail.
    #[arg(short, long)]
    pub verbose: bool,

    /// Colour in the text output (also honours NO_COLOR).
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

/// `faas-migrate prove ARGS…` (`args` without the program name and `prove`).
pub fn main(args: Vec<OsString>) -> ExitCode {
    let argv = std::iter::once(OsString::from("faas-migrate prove")).chain(args);
    let args = match Args::try_parse_from(argv) {
        Ok(args) => args,
        Err(e) => e.exit(),
    };
    if args.schema {
        print!("{}", scenario::SCHEMA);
        return ExitCode::SUCCESS;
    }
    let code = run(&args);
    ExitCode::from(code)
}

/// Why a function could not be proved (exit 2).
struct CannotRun(String);

/// Everything the runner needs for one function folder.
struct Job {
    dir: PathBuf,
    function: String,
    scenario_file: PathBuf,
    v1_path: PathBuf,
    v2_source: String,
    scenarios: Vec<scenario::Scenario>,
    /// `manual` findings of the in-memory migration: the V2 side is known to be unfinished.
    manual_findings: usize,
}

fn run(args: &Args) -> u8 {
    let mut out = render::Printer::new(args.format, args.color, args.verbose);
    if args.dirs.len() > 1 && (args.v1.is_some() || args.v2.is_some() || args.scenario.is_some()) {
        out.error(
            None,
            "--v1, --v2 and --scenario name one function's files: give one FUNCTION_DIR",
        );
        return out.finish();
    }
    let scratch = match tempfile::Builder::new().prefix("faas-prove-").tempdir() {
        Ok(dir) => dir,
        Err(e) => {
            out.error(None, &format!("cannot create a temporary folder: {e}"));
            return out.finish();
        }
    };
    if args.record {
        out.note(
            "--record: V1 runs against the REAL network with the scenario's environment and \
             secrets; every request it makes really happens",
        );
    }
    let mut jobs = Vec::new();
    for (index, dir) in args.dirs.iter().enumerate() {
        match prepare(args, dir, &scratch.path().join(format!("f{index}"))) {
            Ok(job) => jobs.push(job),
            Err(CannotRun(message)) => out.error(Some(dir), &message),
        }
    }
    if jobs.is_empty() {
        return out.finish();
    }
    let installed = runtime::check_node().and_then(|()| runtime::ensure_installed());
    let runtime_dir = match installed {
        Ok(dir) => dir,
        Err(message) => {
            out.error(None, &message);
            return out.finish();
        }
    };
    for (index, job) in jobs.iter().enumerate() {
        let work = scratch.path().join(format!("run{index}"));
        match execute(args, &runtime_dir, job, &work) {
            Ok(lines) if args.record => record(job, &lines, &mut out),
            Ok(lines) => {
                if job.manual_findings > 0 {
                    out.note(&format!(
                        "{}: the migration left {} `manual` finding(s); run `faas-migrate {}` to see them",
                        job.function,
                        job.manual_findings,
                        job.dir.display()
                    ));
                }
                for line in &lines {
                    out.scenario(&job.function, line);
                }
            }
            Err(CannotRun(message)) => out.error(Some(&job.dir), &message),
        }
    }
    out.finish()
}

fn read(path: &Path) -> Result<String, CannotRun> {
    std::fs::read_to_string(path)
        .map_err(|e| CannotRun(format!("cannot read {}: {e}", path.display())))
}

/// Reads, migrates and checks everything of one function folder before anything runs.
fn prepare(args: &Args, dir: &Path, scratch: &Path) -> Result<Job, CannotRun> {
    if !dir.is_dir() {
        return Err(CannotRun(format!("{} is not a folder", dir.display())));
    }
    let dir = dir
        .canonicalize()
        .map_err(|e| CannotRun(format!("{}: {e}", dir.display())))?;
    let function = dir
        .file_name()
        .map_or_else(|| "function".into(), |n| n.to_string_lossy().into_owned());
    let (v1_path, v1_source) = if let Some(rev) = &args.v1_rev {
        let source = git_show(&dir, rev)?;
        let path = scratch.join("v1").join("index.js");
        copy_besides(&dir, path.parent().expect("has a parent"))?;
        std::fs::write(&path, &source)
            .map_err(|e| CannotRun(format!("cannot write {}: {e}", path.display())))?;
        (path, source)
    } else {
        let path = args.v1.clone().unwrap_or_else(|| dir.join("index.js"));
        let path = path
            .canonicalize()
            .map_err(|e| CannotRun(format!("cannot read {}: {e}", path.display())))?;
        let source = read(&path)?;
        (path, source)
    };
    // With V1 taken from elsewhere, the folder's index.js is the V2 side (as after `--write`).
    let v2_file = args
        .v2
        .clone()
        .or_else(|| (args.v1.is_some() || args.v1_rev.is_some()).then(|| dir.join("index.js")));
    let (v2_source, manual_findings) = match &v2_file {
        Some(file) => (read(file)?, 0),
        None => {
            let migration = crate::migrate(
                &v1_source,
                Path::new("index.js"),
                &crate::Options::default(),
            )
            .map_err(|e| CannotRun(format!("{} cannot be migrated: {e}", v1_path.display())))?;
            let manual = migration
                .findings
                .iter()
                .filter(|f| f.class == crate::FixClass::Manual)
                .count();
            (migration.output, manual)
        }
    };
    let scenario_file = args
        .scenario
        .clone()
        .unwrap_or_else(|| dir.join("prove.json"));
    let config = scenario::read_config(&dir).map_err(CannotRun)?;
    let raw = if args.record && !scenario_file.exists() {
        vec![json!({})]
    } else {
        let text = read(&scenario_file).map_err(|CannotRun(message)| {
            CannotRun(format!(
                "{message} (a scenario file says what the function gets and how its requests are \
                 answered; see `faas-migrate prove --schema`)"
            ))
        })?;
        scenario::parse_file(&text)
            .map_err(|e| CannotRun(format!("{}: {e}", scenario_file.display())))?
    };
    let scenarios = scenario::complete(&raw, config.as_ref(), &function)
        .map_err(|e| CannotRun(format!("{}: {e}", scenario_file.display())))?;
    Ok(Job {
        dir,
        function,
        scenario_file,
        v1_path,
        v2_source,
        scenarios,
        manual_findings,
    })
}

/// `index.js` of the function folder as of a git revision.
fn git_show(dir: &Path, rev: &str) -> Result<String, CannotRun> {
    let output = runtime::run(
        Command::new("git")
            .arg("-C")
            .arg(dir)
            .arg("show")
            .arg(format!("{rev}:./index.js")),
    )
    .map_err(|e| CannotRun(format!("cannot run git: {e}")))?;
    if output.code != Some(0) {
        return Err(CannotRun(format!(
            "git show {rev}:./index.js in {} failed: {}",
            dir.display(),
            output.stderr.trim()
        )));
    }
    Ok(output.stdout)
}

/// Copies the other files of the function folder (not `index.js`) beside a V1 file taken from git.
fn copy_besides(dir: &Path, to: &Path) -> Result<(), CannotRun> {
    let fail = |e: std::io::Error| CannotRun(format!("cannot copy {}: {e}", dir.display()));
    std::fs::create_dir_all(to).map_err(fail)?;
    for entry in std::fs::read_dir(dir).map_err(fail)? {
        let entry = entry.map_err(fail)?;
        if entry.file_type().map_err(fail)?.is_file() && entry.file_name() != "index.js" {
            std::fs::copy(entry.path(), to.join(entry.file_name())).map_err(fail)?;
        }
    }
    Ok(())
}

/// Runs the runner on one function; returns its lines (one per scenario).
fn execute(
    args: &Args,
    runtime_dir: &Path,
    job: &Job,
    work: &Path,
) -> Result<Vec<Value>, CannotRun> {
    std::fs::create_dir_all(work)
        .map_err(|e| CannotRun(format!("cannot create {}: {e}", work.display())))?;
    let spec = json!({
        "v1": job.v1_path,
        "v2Source": job.v2_source,
        "functionDir": job.dir,
        "workDir": work,
        "record": args.record,
        "scenarios": job.scenarios.iter().map(|s| &s.json).collect::<Vec<_>>(),
    });
    let file = work.join("job.json");
    std::fs::write(&file, spec.to_string())
        .map_err(|e| CannotRun(format!("cannot write {}: {e}", file.display())))?;
    let output = runtime::run(&mut runtime::runner(runtime_dir, &file))
        .map_err(|e| CannotRun(format!("cannot run node: {e}")))?;
    let lines: Result<Vec<Value>, _> = output
        .stdout
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(serde_json::from_str)
        .collect();
    match lines {
        Ok(lines) if output.code == Some(0) && lines.len() == job.scenarios.len() => Ok(lines),
        _ => Err(CannotRun(format!(
            "the runtime failed (exit {:?}):\n{}",
            output.code,
            output.stderr.trim_end()
        ))),
    }
}

/// `--record`: writes the exchanges of each scenario's V1 run into the scenario file as its `http`.
fn record(job: &Job, lines: &[Value], out: &mut render::Printer) {
    let existing = std::fs::read_to_string(&job.scenario_file)
        .ok()
        .and_then(|text| serde_json::from_str::<Value>(&text).ok());
    let several = existing
        .as_ref()
        .is_some_and(|v| v.get("scenarios").is_some());
    let mut file = existing.unwrap_or_else(|| json!({ "input": job.scenarios[0].json["input"] }));
    for (index, line) in lines.iter().enumerate() {
        let exchanges = line["exchanges"].clone();
        let target = if several {
            &mut file["scenarios"][index]
        } else {
            &mut file
        };
        target["http"] = exchanges;
        out.recorded(line);
    }
    let text = serde_json::to_string_pretty(&file).expect("JSON") + "\n";
    match std::fs::write(&job.scenario_file, text) {
        Ok(()) => out.note(&format!(
            "{}: wrote the recorded exchanges into {}",
            job.function,
            job.scenario_file.display()
        )),
        Err(e) => out.error(
            Some(&job.dir),
            &format!("cannot write {}: {e}", job.scenario_file.display()),
        ),
    }
}
