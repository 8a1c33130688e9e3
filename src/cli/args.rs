//! The command-line arguments.

use crate::report::Format;
use crate::rules;
use clap::{ArgAction, Parser, ValueEnum};
use std::path::PathBuf;

/// Migrates LivePerson Functions from the V1 platform to V2.
///
/// By default prints the diff of what would change and what needs a person, and writes nothing.
///
/// Exit status: 0 success; 1 `--check` found files that need work; 2 a file could not be read,
/// parsed, migrated or written, or the command line or configuration is wrong (the other files
/// are still processed).
#[derive(Debug, Parser)]
#[command(name = "faas-migrate", version, about, long_about = None, after_help = AFTER_HELP)]
pub struct Args {
    /// Files or directories to migrate (default `.`; `-` reads the source from stdin).
    /// Directories are walked for .js, .cjs and .mjs files and an lpf project's
    /// `functions/<name>/config.json` and `functions/settings.json`, respecting .gitignore and
    /// skipping node_modules; at the root of an lpf project, only its functions/ folder.
    pub paths: Vec<PathBuf>,

    /// Write the migrated files in place.
    #[arg(long, conflicts_with_all = ["check", "stdin_filename"])]
    pub write: bool,

    /// With --write, also write files that have uncommitted git changes or are not committed.
    #[arg(long, requires = "write")]
    pub allow_dirty: bool,

    /// With --write, also write files that are not in a git repository, or whose repository git
    /// cannot read (or when git is not installed).
    #[arg(long, requires = "write")]
    pub allow_no_vcs: bool,

    /// Write nothing and print no diff; exit 1 if any file would change or still needs a person.
    #[arg(long)]
    pub check: bool,

    /// Read the source from stdin, print the migrated source to stdout and findings to stderr;
    /// NAME is the file name used for rules and messages.
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<PathBuf>,

    /// Also write a Markdown migration report to FILE.md: per function, what changed and what
    /// needs a person, with links to the lines.
    #[arg(long, value_name = "FILE.md", conflicts_with = "stdin_filename")]
    pub report: Option<PathBuf>,

    /// Output format of findings and edits [default: text].
    #[arg(long, value_enum)]
    pub format: Option<Format>,

    /// Run only these rules (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "RULE,...")]
    pub select: Vec<String>,

    /// Do not run these rules (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "RULE,...")]
    pub ignore: Vec<String>,

    /// Skip these files and folders in a walk (comma-separated glob patterns), instead of the
    /// configuration file's `exclude`.
    #[arg(long, value_delimiter = ',', value_name = "PATTERN,...")]
    pub exclude: Option<Vec<String>>,

    /// Skip these files and folders too (comma-separated glob patterns).
    #[arg(long, value_delimiter = ',', value_name = "PATTERN,...")]
    pub extend_exclude: Vec<String>,

    /// Apply the exclusions to paths named on the command line as well.
    #[arg(long)]
    pub force_exclude: bool,

    /// Use this configuration file instead of looking for faas-migrate.toml or
    /// .faas-migrate.toml from the working directory upwards.
    #[arg(long, value_name = "FILE", conflicts_with = "isolated")]
    pub config: Option<PathBuf>,

    /// Ignore every configuration file.
    #[arg(long)]
    pub isolated: bool,

    /// List the rules and exit (with --format json, as a JSON array).
    #[arg(long, action = ArgAction::SetTrue)]
    pub list_rules: bool,

    /// Print a rule's documentation and exit.
    #[arg(long, value_name = "RULE")]
    pub explain: Option<String>,

    /// Print how many edits and findings each rule made instead of the diff and findings (with
    /// --format json, add them to the document).
    #[arg(long)]
    pub statistics: bool,

    /// Exit with 0 even when --check finds work left (errors still exit with 2).
    #[arg(long)]
    pub exit_zero: bool,

    /// Number of files migrated in parallel (default: one per core; at most four per core).
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub jobs: Option<u64>,

    /// When to use colour.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,

    /// -q: print findings and errors, but no status lines (summary, "migrated", ...);
    /// -qq: print nothing on stderr but an error that stops the run.
    #[arg(short, long, action = ArgAction::Count)]
    pub quiet: u8,
}

const AFTER_HELP: &str = "\
Examples:
  faas-migrate                        show what would change in the lpf project here
  faas-migrate --write                migrate in place (needs git, no uncommitted changes)
  faas-migrate --check .              in CI: fail while anything is left to migrate
  faas-migrate --report report.md .   also write a Markdown report for sign-off
  faas-migrate --explain env-rename   what a rule does and cannot do

Configuration: faas-migrate.toml or .faas-migrate.toml, found from the working directory
upwards (see README).";

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

impl Color {
    pub fn choice(self) -> anstream::ColorChoice {
        match self {
            Color::Auto => anstream::ColorChoice::Auto,
            Color::Always => anstream::ColorChoice::Always,
            Color::Never => anstream::ColorChoice::Never,
        }
    }
}

/// A comma list as given: items trimmed, empty ones dropped.
pub fn trimmed(list: &[String]) -> Vec<String> {
    list.iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// The message for a rule name that does not exist, with the closest one.
pub fn unknown_rule(name: &str) -> String {
    let closest = rules::RULES
        .iter()
        .map(|r| (strsim::damerau_levenshtein(name, r.name), r.name))
        .min();
    match closest {
        Some((distance, rule)) if distance <= (name.len() / 3).max(2) => {
            format!("unknown rule `{name}`; did you mean `{rule}`?")
        }
        _ => {
            let known: Vec<&str> = rules::RULES.iter().map(|r| r.name).collect();
            format!("unknown rule `{name}` (rules: {})", known.join(", "))
        }
    }
}

/// Checks rule names; the first unknown one is an error.
pub fn check_rules<'a>(names: impl IntoIterator<Item = &'a String>) -> Result<(), String> {
    for name in names {
        if rules::by_name(name).is_none() {
            return Err(unknown_rule(name));
        }
    }
    Ok(())
}
