//! faas-migrate: migrates LivePerson Functions from the V1 platform to V2.
//!
//! The pipeline, one module per step: `discover` finds the files → [`parse`] parses each with
//! swc → `semantic` resolves and analyses it → [`rules`] query the model and return [`edit`]s and
//! findings → `engine` applies the edits and repeats until nothing changes → [`verify`] checks
//! the result is an ES module Node loads → `report` prints diffs and findings, or `write` saves
//! the files. An `lpf` project's `config.json` and `settings.json` take the same path through
//! `project`: JSON parsed with byte ranges, the project rules, the same edits and fix loop, and a
//! result that must still be JSON. The binary's three commands (`cli`, `prove`, `server`) are
//! reached through [`command_line`].
//!
//! The library API is [`migrate`] and the types it returns; editors call it directly:
//!
//! ```
//! use faas_migrate::{migrate, Options};
//! use std::path::Path;
//!
//! let v1 = "const { Toolbelt } = require('lp-faas-toolbelt');\nconst brand = process.env.BRAND_ID;\n";
//! let result = migrate(v1, Path::new("index.js"), &Options::default()).unwrap();
//! assert_eq!(
//!     result.output,
//!     "import { Toolbelt } from 'core-functions-toolbelt';\nconst brand = process.env.X_LIVEPERSON_BRAND_ID;\n"
//! );
//! assert_eq!(result.edits.len(), 4);
//! assert_eq!(result.edits[3].rule, "env-rename");
//! assert_eq!(result.edits[3].start.line, 2);
//! assert!(result.findings.is_empty());
//! ```

#![warn(missing_docs)]

mod cli;
mod discover;
pub mod edit;
mod engine;
mod finding;
mod line_index;
mod model;
mod panics;
pub mod parse;
mod project;
mod prove;
mod report;
pub mod rules;
mod semantic;
mod server;
mod style;
mod tables;
pub mod verify;
mod write;

pub use edit::AppliedEdit;
pub use finding::{Finding, Fix, FixClass};
pub use line_index::Location;
pub use model::{Error, Migration, Options};
pub use rules::RuleInfo;

/// The `faas-migrate` command line, as the binary runs it, on the process's arguments:
/// `faas-migrate prove …` runs V1 and its migration side by side, `faas-migrate server` speaks the
/// Language Server Protocol on stdin/stdout, and anything else migrates or checks the paths given
/// (`faas-migrate --help`).
pub fn command_line() -> std::process::ExitCode {
    use clap::Parser;
    let mut args = std::env::args_os().skip(1).peekable();
    if args.peek().is_some_and(|first| first == "prove") {
        return prove::main(args.skip(1).collect());
    }
    if args.peek().is_some_and(|first| first == "server") {
        return server::run();
    }
    cli::run(cli::Args::parse())
}

/// The unified diff from `old` to `new` for the file at `path`, as `faas-migrate` prints it when
/// its output is not a terminal (`git apply` and `patch -p1` accept it, CRLF lines included).
///
/// ```
/// let diff = faas_migrate::diff("index.js", "a\n", "b\n");
/// assert_eq!(diff, "--- a/index.js\n+++ b/index.js\n@@ -1 +1 @@\n-a\n+b\n");
/// ```
pub fn diff(path: &str, old: &str, new: &str) -> String {
    anstream::adapter::strip_str(&report::diff(path, old, new)).to_string()
}

use std::path::Path;

/// The analysis every pass of [`migrate`] starts with, and no rule: parse, swc's resolver, the
/// semantic model and the facts. Returns the number of bindings the model found. The benchmark
/// measures it as the floor of one pass's cost; it is not needed to migrate.
#[doc(hidden)]
pub fn analyse(source: &str) -> Result<usize, parse::SyntaxError> {
    let (_, text) = engine::split_bom(source);
    let mut parsed = parse::parse_program(text)?;
    let resolution = semantic::resolve(&mut parsed.program);
    let model = semantic::Semantic::build(&parsed.program, resolution.marks);
    let facts = semantic::facts::Facts::build(&parsed.program, &model, |span| parsed.range(span));
    std::hint::black_box(&facts);
    Ok(model.bindings.len())
}

/// Deeper bracket nesting than this is refused ([`Error::Unsupported`]) rather than parsed.
pub const MAX_NESTING: usize = 1000;

/// Files nested deeper than this, or larger than [`INLINE_BYTES`], are migrated on a thread of
/// their own with [`DEEP_STACK`]: parsing and visiting recurse per level of nesting, and the
/// caller's stack may be small.
const INLINE_NESTING: usize = 40;
const INLINE_BYTES: usize = 256 << 10;
const DEEP_STACK: usize = 512 << 20;

/// Migrates one V1 file. `path` decides how it is read: a file named `config.json` or
/// `settings.json` is an `lpf` project file and goes to the project rules (the `project` module); any
/// other `.json` file is [`Error::Unsupported`]; everything else is JavaScript.
///
/// Never panics on any input: a rule that panics becomes [`Error::Internal`]. A file nested more
/// than [`MAX_NESTING`] brackets deep is [`Error::Unsupported`]; a deeply nested or large one is
/// migrated on a thread with a large stack, whatever the caller's stack. (Long chains of operators
/// without brackets, such as thousands of nested arrow functions in a small file, can still need
/// more stack than a small thread has: the command line runs every file on a large stack.)
pub fn migrate(source: &str, path: &Path, options: &Options) -> Result<Migration, Error> {
    let (depth, at) = parse::nesting_depth(source);
    if depth > MAX_NESTING {
        return Err(Error::Unsupported {
            message: format!(
                "brackets nest {depth} levels deep (line {}); faas-migrate handles up to {MAX_NESTING}",
                line_index::location(source, at).line
            ),
        });
    }
    if depth <= INLINE_NESTING && source.len() <= INLINE_BYTES {
        return migrate_here(source, path, options);
    }
    std::thread::scope(|scope| {
        std::thread::Builder::new()
            .name("faas-migrate-deep".into())
            .stack_size(DEEP_STACK)
            .spawn_scoped(scope, || migrate_here(source, path, options))
            .map_err(|e| Error::Internal {
                rules: Vec::new(),
                message: format!("cannot start a thread for a deeply nested file: {e}"),
            })?
            .join()
            .unwrap_or_else(|_| {
                Err(Error::Internal {
                    rules: Vec::new(),
                    message: "the migration thread panicked".into(),
                })
            })
    })
}

fn migrate_here(source: &str, path: &Path, options: &Options) -> Result<Migration, Error> {
    let run = || {
        match project::ProjectFile::of(path) {
        Some(file) => engine::project::migrate(source, file, options),
        None if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json")) => {
            Err(Error::Unsupported {
                message: "of JSON files, only an lpf project's config.json and settings.json are migrated".into(),
            })
        }
        None => engine::migrate(source, path, options),
    }
    };
    match panics::catch(run) {
        Ok(result) => result,
        Err(panic) => Err(Error::Internal {
            rules: Vec::new(),
            message: format!("panicked: {panic}"),
        }),
    }
}
