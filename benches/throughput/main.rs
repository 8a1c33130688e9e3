//! Throughput benchmark: `cargo bench --bench throughput [-- OPTIONS]`.
//!
//! Generates (or reuses) a corpus of V1 functions (see `corpus.rs`), migrates a copy of it once to
//! get an already migrated tree, and then measures, on the same `index.js` files:
//!
//! - (a) reading and parsing each file with swc, comments kept: the ceiling;
//! - (b) the full migration of the V1 tree, nothing written (what `--check` does per file);
//! - (c) the same over the already migrated tree;
//!
//! each with one thread and with all cores, as files/s and MB/s, with the ratios b/a and c/a;
//! and the floor of a pass (parse and analysis of every file, no rule) over both trees.
//! Every measurement runs in a child process of this binary, so its peak resident memory (from
//! `wait4`) belongs to that phase alone; the best of `--reps` runs counts. Then the command line
//! itself (`faas-migrate --check`, and the default diff mode) runs over both trees as a child, for
//! wall time and peak memory; `--rss-files N` adds the same runs over a corpus of N functions, to
//! show that memory does not grow with the number of files. Last, the scaling series
//! (`scaling.rs`): one file with 400 to 6400 helper functions, migrated on one thread, to show the
//! cost of a file grows linearly with its size; `--scaling [--scaling-max N]` runs only that.
//!
//! Options: `--files N` (10000), `--seed S` (1), `--reps R` (3), `--dir DIR` (where corpora are
//! kept and reused; default `target/tmp/bench-corpus`), `--rss-files N` (none), `--scaling-max N`
//! (6400: the largest file of the scaling series, in helper functions).

mod corpus;
mod scaling;

use faas_migrate::{migrate, Options};

// The allocator the command line uses (src/main.rs), so the phases measure what it does.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use rayon::prelude::*;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Bumped whenever the generator's output changes, so a kept corpus is made again.
const CORPUS_VERSION: &str = "4";

struct Config {
    files: usize,
    seed: u64,
    reps: usize,
    dir: PathBuf,
    rss_files: Option<usize>,
    /// The largest file of the scaling series, in helper functions.
    scaling_max: usize,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("__phase") {
        phase(&args[1..]);
        return;
    }
    if args.first().map(String::as_str) == Some("__launcher") {
        launcher();
        return;
    }
    if args.first().map(String::as_str) == Some("--scaling") {
        let config = parse_args(&args[1..]);
        let rows = scaling::measure(config.reps, config.scaling_max);
        print!("{}", scaling::table(&rows));
        return;
    }
    if args.first().map(String::as_str) == Some("--per-rule") {
        per_rule(&args[1..]);
        return;
    }
    let config = parse_args(&args);
    run(&config);
}

fn parse_args(args: &[String]) -> Config {
    let mut config = Config {
        files: 10_000,
        seed: 1,
        reps: 3,
        dir: PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("bench-corpus"),
        rss_files: None,
        scaling_max: 6400,
    };
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .unwrap_or_else(|| panic!("{name} needs a value"))
                .clone()
        };
        match arg.as_str() {
            "--bench" => {}
            "--files" => config.files = value(arg).parse().expect("--files N"),
            "--seed" => config.seed = value(arg).parse().expect("--seed S"),
            "--reps" => config.reps = value(arg).parse::<usize>().expect("--reps R").max(1),
            "--dir" => config.dir = PathBuf::from(value(arg)),
            "--rss-files" => config.rss_files = Some(value(arg).parse().expect("--rss-files N")),
            "--scaling-max" => config.scaling_max = value(arg).parse().expect("--scaling-max N"),
            other => panic!("unknown option {other} (options: --files N --seed S --reps R --dir DIR --rss-files N --scaling-max N)"),
        }
    }
    config
}

/// A generated V1 tree and its migrated copy.
struct Trees {
    v1: PathBuf,
    v2: PathBuf,
    /// The `index.js` files, relative to a tree's root.
    functions: Vec<PathBuf>,
}

fn prepare(config: &Config, files: usize) -> Trees {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let name = format!("n{files}-s{}", config.seed);
    let v1 = config.dir.join(format!("v1-{name}"));
    let v2 = config.dir.join(format!("v2-{name}"));
    let stamp = format!("{CORPUS_VERSION} {files} {}", config.seed);
    let done = |dir: &Path| fs::read_to_string(dir.join(".complete")).is_ok_and(|s| s == stamp);
    if !done(&v1) {
        let _ = fs::remove_dir_all(&v1);
        let _ = fs::remove_dir_all(&v2);
        let start = Instant::now();
        let generated = corpus::generate(root, &v1, files, config.seed).expect("generate corpus");
        eprintln!(
            "generated {} functions ({} files, {:.1} MB) in {} in {:.1}s",
            generated.functions.len(),
            generated.files,
            generated.bytes as f64 / 1e6,
            v1.display(),
            start.elapsed().as_secs_f64()
        );
        fs::write(v1.join(".complete"), &stamp).unwrap();
    }
    let functions = list_functions(&v1);
    if !done(&v2) {
        let _ = fs::remove_dir_all(&v2);
        let start = Instant::now();
        let mut all = functions.clone();
        all.extend(functions.iter().map(|f| f.with_file_name("config.json")));
        all.push(PathBuf::from("functions/settings.json"));
        let options = Options::default();
        let errors: usize = all
            .par_iter()
            .map(|rel| {
                let Ok(source) = fs::read_to_string(v1.join(rel)) else {
                    return 0;
                };
                let (output, error) = match migrate(&source, &v1.join(rel), &options) {
                    Ok(m) => (m.output, 0),
                    Err(_) => (source, 1),
                };
                let target = v2.join(rel);
                fs::create_dir_all(target.parent().unwrap()).unwrap();
                fs::write(target, output).unwrap();
                error
            })
            .sum();
        eprintln!(
            "migrated a copy to {} in {:.1}s ({errors} files with errors kept as they were)",
            v2.display(),
            start.elapsed().as_secs_f64()
        );
        fs::write(v2.join(".complete"), &stamp).unwrap();
    }
    Trees { v1, v2, functions }
}

fn list_functions(tree: &Path) -> Vec<PathBuf> {
    let mut functions: Vec<PathBuf> = fs::read_dir(tree.join("functions"))
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path().join("index.js"))
        .filter(|p| p.is_file())
        .map(|p| p.strip_prefix(tree).unwrap().to_path_buf())
        .collect();
    functions.sort();
    functions
}

/// What one phase measured, as a child reports it.
#[derive(Clone, Copy, Debug, Default)]
struct Measured {
    files: usize,
    bytes: u64,
    secs: f64,
    errors: usize,
    changed: usize,
    needs_work: usize,
    /// Rounds of the fix loop, over all files.
    passes: usize,
    /// Peak resident memory of the child, in KiB.
    max_rss_kib: u64,
}

impl Measured {
    fn files_per_sec(&self) -> f64 {
        self.files as f64 / self.secs
    }
    fn mb_per_sec(&self) -> f64 {
        self.bytes as f64 / 1e6 / self.secs
    }
}

/// Runs a command and returns its exit status, wall time and peak resident memory (KiB).
fn spawn_measured(cmd: &mut Command) -> (i32, Duration, u64) {
    let start = Instant::now();
    let child = cmd.spawn().expect("spawn");
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: an all-zero `rusage` is a valid value, and `wait4` fills it for the child we just
    // spawned (whose `Child` handle we never wait on).
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let elapsed = start.elapsed();
    assert_eq!(waited, pid, "wait4 failed");
    std::mem::forget(child);
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        -1
    };
    (code, elapsed, usage.ru_maxrss as u64)
}

/// `__launcher`: reads commands from stdin, one a line (`OUT<TAB>program<TAB>arg...`, OUT a file
/// for the command's stdout or `-` for none), runs each and answers `code seconds max_rss_kib`.
///
/// A child's peak RSS as the kernel counts it includes its parent's at the time it was spawned
/// (the memory it had until `exec`), and the benchmark grows while it prepares corpora: its
/// children are spawned by this small process, started first, instead.
fn launcher() {
    use std::io::BufRead;
    let stdin = std::io::stdin();
    let mut stdout = std::io::stdout();
    for line in stdin.lock().lines() {
        let line = line.unwrap();
        let mut parts = line.split('\t');
        let out = parts.next().unwrap();
        let program = parts.next().unwrap();
        let mut cmd = Command::new(program);
        cmd.args(parts).stderr(Stdio::null());
        if out == "-" {
            cmd.stdout(Stdio::null());
        } else {
            cmd.stdout(fs::File::create(out).unwrap());
        }
        let (code, wall, rss) = spawn_measured(&mut cmd);
        writeln!(stdout, "{code} {} {rss}", wall.as_secs_f64()).unwrap();
        stdout.flush().unwrap();
    }
}

/// The channel to the launcher process.
struct Launcher {
    child: std::process::Child,
    answers: std::io::BufReader<std::process::ChildStdout>,
}

impl Launcher {
    fn start() -> Launcher {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .arg("__launcher")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("start the launcher");
        let answers = std::io::BufReader::new(child.stdout.take().unwrap());
        Launcher { child, answers }
    }

    /// Runs `program args` (stdout to `out`, if any): exit code, wall time, peak RSS in KiB.
    fn run(&mut self, out: Option<&Path>, program: &Path, args: &[String]) -> (i32, Duration, u64) {
        use std::io::BufRead;
        let mut line = out.map_or("-".to_string(), |p| p.display().to_string());
        line.push('\t');
        line.push_str(&program.display().to_string());
        for arg in args {
            assert!(!arg.contains(['\t', '\n']));
            line.push('\t');
            line.push_str(arg);
        }
        line.push('\n');
        let stdin = self.child.stdin.as_mut().unwrap();
        stdin.write_all(line.as_bytes()).unwrap();
        stdin.flush().unwrap();
        let mut answer = String::new();
        self.answers.read_line(&mut answer).unwrap();
        let fields: Vec<&str> = answer.split_whitespace().collect();
        (
            fields[0].parse().unwrap(),
            Duration::from_secs_f64(fields[1].parse().unwrap()),
            fields[2].parse().unwrap(),
        )
    }
}

fn run_phase(
    launcher: &mut Launcher,
    kind: &str,
    threads: usize,
    tree: &Path,
    list: &Path,
    reps: usize,
) -> Measured {
    let mut best: Option<Measured> = None;
    for _ in 0..reps {
        let exe = std::env::current_exe().unwrap();
        let args = [
            "__phase".to_string(),
            kind.to_string(),
            threads.to_string(),
            tree.display().to_string(),
            list.display().to_string(),
        ];
        let out_path = list.with_extension(format!("{kind}-{threads}.out"));
        let (code, _, rss) = launcher.run(Some(&out_path), &exe, &args);
        assert_eq!(code, 0, "phase {kind} failed");
        let text = fs::read_to_string(&out_path).unwrap();
        let mut m = Measured {
            max_rss_kib: rss,
            ..Measured::default()
        };
        for field in text.split_whitespace() {
            let (k, v) = field.split_once('=').unwrap();
            match k {
                "files" => m.files = v.parse().unwrap(),
                "bytes" => m.bytes = v.parse().unwrap(),
                "secs" => m.secs = v.parse().unwrap(),
                "errors" => m.errors = v.parse().unwrap(),
                "changed" => m.changed = v.parse().unwrap(),
                "needs_work" => m.needs_work = v.parse().unwrap(),
                "passes" => m.passes = v.parse().unwrap(),
                _ => {}
            }
        }
        best = Some(match best {
            Some(b) if b.secs <= m.secs => Measured {
                max_rss_kib: b.max_rss_kib.max(m.max_rss_kib),
                ..b
            },
            Some(b) => Measured {
                max_rss_kib: b.max_rss_kib.max(m.max_rss_kib),
                ..m
            },
            None => m,
        });
    }
    best.unwrap()
}

/// The child side: `__phase KIND THREADS TREE LIST`.
fn phase(args: &[String]) {
    let kind = args[0].as_str();
    let threads: usize = args[1].parse().unwrap();
    let tree = PathBuf::from(&args[2]);
    let paths: Vec<PathBuf> = fs::read_to_string(&args[3])
        .unwrap()
        .lines()
        .map(|l| tree.join(l))
        .collect();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap();
    let options = Options::default();
    let start = Instant::now();
    #[derive(Default)]
    struct Sum {
        bytes: u64,
        errors: usize,
        changed: usize,
        needs_work: usize,
        passes: usize,
    }
    let add = |a: Sum, b: Sum| Sum {
        bytes: a.bytes + b.bytes,
        errors: a.errors + b.errors,
        changed: a.changed + b.changed,
        needs_work: a.needs_work + b.needs_work,
        passes: a.passes + b.passes,
    };
    let sum = pool.install(|| {
        paths
            .par_iter()
            .map(|path| {
                let bytes = fs::read(path).unwrap();
                let len = bytes.len() as u64;
                let Ok(source) = String::from_utf8(bytes) else {
                    return Sum {
                        bytes: len,
                        errors: 1,
                        ..Sum::default()
                    };
                };
                match kind {
                    "parse" => {
                        let text = source.strip_prefix('\u{feff}').unwrap_or(&source);
                        let errors = faas_migrate::parse::parse_program(text).is_err() as usize;
                        Sum {
                            bytes: len,
                            errors,
                            ..Sum::default()
                        }
                    }
                    "analyse" => {
                        let errors = faas_migrate::analyse(&source).is_err() as usize;
                        Sum {
                            bytes: len,
                            errors,
                            ..Sum::default()
                        }
                    }
                    "migrate" => {
                        let display = path.display().to_string();
                        let result = migrate(&source, path, &options);
                        let mut sum = Sum {
                            bytes: len,
                            ..Sum::default()
                        };
                        match result {
                            Ok(m) => {
                                sum.changed = m.changed() as usize;
                                sum.needs_work = m.needs_work() as usize;
                                sum.passes = m.passes;
                                // What the default run prints for the file (a diff when it
                                // changes), then dropped.
                                let diff = m
                                    .changed()
                                    .then(|| faas_migrate::diff(&display, &source, &m.output));
                                let findings: Vec<String> = m
                                    .findings
                                    .iter()
                                    .map(|f| format!("{display}: {f:?}"))
                                    .collect();
                                std::hint::black_box((diff, findings));
                            }
                            Err(e) => {
                                sum.errors = 1;
                                std::hint::black_box(e.to_string());
                            }
                        }
                        sum
                    }
                    other => panic!("unknown phase {other}"),
                }
            })
            .reduce(Sum::default, add)
    });
    let secs = start.elapsed().as_secs_f64();
    println!(
        "files={} bytes={} secs={secs} errors={} changed={} needs_work={} passes={}",
        paths.len(),
        sum.bytes,
        sum.errors,
        sum.changed,
        sum.needs_work,
        sum.passes
    );
}

/// One run of the command line over a tree: exit code, wall time, peak memory.
fn run_cli(
    launcher: &mut Launcher,
    args: &[&str],
    tree: &Path,
    jobs: usize,
) -> (i32, Duration, u64) {
    let mut all: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    for arg in ["--jobs", &jobs.to_string(), "--color", "never", "-q"] {
        all.push(arg.to_string());
    }
    all.push(tree.display().to_string());
    launcher.run(None, Path::new(env!("CARGO_BIN_EXE_faas-migrate")), &all)
}

fn cpu_model() -> String {
    fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split_once(':'))
                .map(|(_, m)| m.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into())
}

fn mib(kib: u64) -> String {
    format!("{:.0} MiB", kib as f64 / 1024.0)
}

fn run(config: &Config) {
    let mut launcher = Launcher::start();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    fs::create_dir_all(&config.dir).unwrap();
    let trees = prepare(config, config.files);
    let lists = config
        .dir
        .join(format!("n{}-s{}", config.files, config.seed));
    let list = lists.with_extension("list");
    let mut text = String::new();
    for f in &trees.functions {
        text.push_str(&f.to_string_lossy());
        text.push('\n');
    }
    fs::write(&list, text).unwrap();
    // Warm the page cache: every phase reads the same files from memory.
    for tree in [&trees.v1, &trees.v2] {
        for f in &trees.functions {
            let _ = fs::read(tree.join(f));
        }
    }

    let mut threads = vec![1];
    if cores > 1 {
        threads.push(cores);
    }
    let mut rows = Vec::new();
    for &t in &threads {
        let a = run_phase(&mut launcher, "parse", t, &trees.v1, &list, config.reps);
        let b = run_phase(&mut launcher, "migrate", t, &trees.v1, &list, config.reps);
        let c = run_phase(&mut launcher, "migrate", t, &trees.v2, &list, config.reps);
        eprintln!("{t} thread(s): measured");
        rows.push((t, a, b, c));
    }
    // The floor: parse and analysis (resolver, model, facts) of every file once, no rule.
    let floor_v1 = run_phase(&mut launcher, "analyse", 1, &trees.v1, &list, config.reps);
    let floor_v2 = run_phase(&mut launcher, "analyse", 1, &trees.v2, &list, config.reps);

    let mut out = String::new();
    let w = |out: &mut String, s: String| {
        out.push_str(&s);
        out.push('\n');
    };
    let (_, a1, b1, _) = rows[0];
    w(
        &mut out,
        format!(
            "Corpus: {} V1 functions (seed {}), {} `index.js` files, {:.1} MB; (b) changed {} and left {} with errors, {:.2} passes per file; (c) changed {}, {} still need work (markers, manual findings), {} errors, {:.2} passes per file.",
            config.files,
            config.seed,
            a1.files,
            a1.bytes as f64 / 1e6,
            b1.changed,
            b1.errors,
            b1.passes as f64 / b1.files as f64,
            rows[0].3.changed,
            rows[0].3.needs_work,
            rows[0].3.errors,
            rows[0].3.passes as f64 / rows[0].3.files as f64,
        ),
    );
    w(
        &mut out,
        format!("Machine: {cores} cores ({}), release build.\n", cpu_model()),
    );
    w(
        &mut out,
        "| phase | threads | files/s | MB/s | vs (a) | peak RSS |".into(),
    );
    w(&mut out, "|---|---|---|---|---|---|".into());
    for (t, a, b, c) in &rows {
        for (name, m) in [
            ("(a) parse with comments", a),
            ("(b) migrate V1, no write", b),
            ("(c) check migrated tree", c),
        ] {
            w(
                &mut out,
                format!(
                    "| {name} | {t} | {:.0} | {:.1} | {:.0}% | {} |",
                    m.files_per_sec(),
                    m.mb_per_sec(),
                    100.0 * a.secs / m.secs,
                    mib(m.max_rss_kib)
                ),
            );
        }
    }
    for (name, m) in [
        ("parse + analysis, V1 tree", floor_v1),
        ("parse + analysis, migrated tree", floor_v2),
    ] {
        w(
            &mut out,
            format!(
                "| {name} | 1 | {:.0} | {:.1} | {:.0}% | {} |",
                m.files_per_sec(),
                m.mb_per_sec(),
                100.0 * a1.secs / m.secs,
                mib(m.max_rss_kib)
            ),
        );
    }
    let passes = b1.passes as f64 / b1.files as f64;
    w(
        &mut out,
        format!(
            "\nFloor with free rules: (c) at most {:.0}% (one analysis of each migrated file); (b) at most {:.0}% ({passes:.2} passes: one analysis of the V1 file, the others of text the size of its output).",
            100.0 * a1.secs / floor_v2.secs,
            100.0 * a1.secs / (floor_v1.secs + (passes - 1.0).max(0.0) * floor_v2.secs),
        ),
    );
    if rows.len() > 1 {
        let (t, an, bn, cn) = rows[1];
        let (_, a1, b1, c1) = rows[0];
        w(
            &mut out,
            format!(
                "\nScaling, {t} threads vs 1: (a) {:.2}x, (b) {:.2}x, (c) {:.2}x.",
                a1.secs / an.secs,
                b1.secs / bn.secs,
                c1.secs / cn.secs
            ),
        );
    }

    // The command line, end to end: walking, reading, migrating, printing, project files too.
    w(
        &mut out,
        "\nThe command line over the whole tree (index.js, config.json, settings.json):\n".into(),
    );
    w(
        &mut out,
        "| run | functions | jobs | wall | exit | peak RSS |".into(),
    );
    w(&mut out, "|---|---|---|---|---|---|".into());
    let mut sizes = vec![(config.files, trees)];
    if let Some(n) = config.rss_files {
        sizes.push((n, prepare(config, n)));
    }
    for (n, trees) in &sizes {
        for &jobs in &threads {
            for (name, args, tree) in [
                ("`--check` V1 tree", &["--check"][..], &trees.v1),
                ("`--check` migrated tree", &["--check"][..], &trees.v2),
                ("diff (default mode) V1 tree", &[][..], &trees.v1),
            ] {
                let (code, wall, rss) = run_cli(&mut launcher, args, tree, jobs);
                w(
                    &mut out,
                    format!(
                        "| {name} | {n} | {jobs} | {:.2}s | {code} | {} |",
                        wall.as_secs_f64(),
                        mib(rss)
                    ),
                );
            }
        }
    }
    w(
        &mut out,
        "\nScaling: one V1 file with N helper functions, migrated on one thread:\n".into(),
    );
    out.push_str(&scaling::table(&scaling::measure(
        config.reps,
        config.scaling_max,
    )));
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(out.as_bytes());
}

/// `--per-rule TREE LIST`: for each JavaScript rule alone, how many files its text test lets
/// through and what the migration with only that rule costs over them, beside parsing them.
fn per_rule(args: &[String]) {
    let tree = PathBuf::from(&args[0]);
    let sources: Vec<(PathBuf, String)> = fs::read_to_string(&args[1])
        .unwrap()
        .lines()
        .map(|l| {
            let path = tree.join(l);
            let source = fs::read_to_string(&path).unwrap();
            (path, source)
        })
        .collect();
    let parse_all = |files: &[&(PathBuf, String)]| {
        let start = Instant::now();
        for (_, source) in files {
            let _ = std::hint::black_box(faas_migrate::parse::parse_program(source));
        }
        start.elapsed().as_secs_f64()
    };
    let all: Vec<&(PathBuf, String)> = sources.iter().collect();
    let parse = parse_all(&all);
    println!("parse all {} files: {parse:.3}s", all.len());
    for rule in faas_migrate::rules::RULES {
        if !matches!(rule.check, faas_migrate::rules::Check::JavaScript(_)) {
            continue;
        }
        let files: Vec<&(PathBuf, String)> =
            sources.iter().filter(|(_, s)| (rule.applies)(s)).collect();
        let options = Options {
            rules: vec![*rule],
            ..Options::default()
        };
        let start = Instant::now();
        for (path, source) in &files {
            let _ = std::hint::black_box(migrate(source, path, &options));
        }
        let secs = start.elapsed().as_secs_f64();
        let parse = parse_all(&files);
        println!(
            "{:<24} applies to {:>6} files; migrate {secs:.3}s, of which parsing {parse:.3}s: rule {:.3}s",
            rule.name,
            files.len(),
            secs - parse
        );
    }
}
