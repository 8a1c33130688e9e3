//! What a run does: the command line over the configuration file.
//!
//! `--select` replaces the file's `select` (and frees the rules it names from the file's
//! `ignore`); `--ignore` adds to the file's `ignore`; `--exclude` replaces the file's `exclude`,
//! `--extend-exclude` adds to both; `--format` and `--jobs` override the file.

use super::args::{check_rules, trimmed, Args};
use super::config::{Accept, Loaded};
use crate::discover::{normalized, Exclude, Walk};
use crate::finding::Finding;
use crate::report::Format;
use crate::Options;
use globset::{Glob, GlobBuilder, GlobMatcher};
use std::borrow::Cow;
use std::path::{Path, PathBuf};

/// A path pattern from the configuration file: with `/`, matched against the path from the
/// file's folder; without, against the file name.
#[derive(Debug)]
struct PathPattern {
    glob: GlobMatcher,
    by_name: bool,
}

impl PathPattern {
    fn new(pattern: &str) -> Result<PathPattern, String> {
        let p = pattern.trim();
        let p = p.strip_prefix("./").unwrap_or(p);
        let by_name = !p.contains('/');
        let glob = if by_name {
            Glob::new(p)
        } else {
            GlobBuilder::new(p.trim_start_matches('/'))
                .literal_separator(true)
                .build()
        }
        .map_err(|e| format!("invalid path pattern `{pattern}`: {e}"))?;
        Ok(PathPattern {
            glob: glob.compile_matcher(),
            by_name,
        })
    }

    fn matches(&self, base: &Path, path: &Path) -> bool {
        let full = normalized(path);
        if self.by_name {
            return full.file_name().is_some_and(|n| self.glob.is_match(n));
        }
        full.strip_prefix(base)
            .is_ok_and(|relative| self.glob.is_match(relative))
    }
}

#[derive(Debug)]
pub struct Settings {
    pub select: Vec<String>,
    pub ignore: Vec<String>,
    /// The rules for a file no per-file entry names.
    pub options: Options,
    per_file: Vec<(PathPattern, Vec<String>)>,
    accept: Vec<(PathPattern, Accept)>,
    base: PathBuf,
    pub walk: Walk,
    pub format: Format,
    pub jobs: Option<u64>,
}

impl Settings {
    pub fn new(args: &Args, loaded: Loaded) -> Result<Settings, String> {
        let config = loaded.config;
        let cli_select = trimmed(&args.select);
        let cli_ignore = trimmed(&args.ignore);
        check_rules(cli_select.iter().chain(&cli_ignore))?;
        let select = if cli_select.is_empty() {
            config.select.unwrap_or_default()
        } else {
            cli_select.clone()
        };
        let mut ignore: Vec<String> = config
            .ignore
            .into_iter()
            .filter(|r| !cli_select.contains(r))
            .collect();
        ignore.extend(cli_ignore);
        let options = Options::with_rules(&select, &ignore)?;

        let cwd = std::env::current_dir().map_err(|e| e.to_string())?;
        let mut exclude = Vec::new();
        match &args.exclude {
            Some(patterns) => exclude.push(Exclude::new(&cwd, &trimmed(patterns))?),
            None => {
                if let Some(patterns) = &config.exclude {
                    exclude.push(Exclude::new(&loaded.base, patterns)?);
                }
            }
        }
        if !config.extend_exclude.is_empty() {
            exclude.push(Exclude::new(&loaded.base, &config.extend_exclude)?);
        }
        let extend = trimmed(&args.extend_exclude);
        if !extend.is_empty() {
            exclude.push(Exclude::new(&cwd, &extend)?);
        }
        let walk = Walk {
            exclude,
            force_exclude: args.force_exclude || config.force_exclude.unwrap_or(false),
        };

        let per_file = config
            .per_file_ignores
            .iter()
            .map(|(pattern, rules)| Ok((PathPattern::new(pattern)?, rules.clone())))
            .collect::<Result<_, String>>()?;
        let accept = config
            .accept
            .iter()
            .map(|a| Ok((PathPattern::new(&a.path)?, a.clone())))
            .collect::<Result<_, String>>()?;
        Ok(Settings {
            select,
            ignore,
            options,
            per_file,
            accept,
            base: loaded.base,
            walk,
            format: args.format.or(config.format).unwrap_or(Format::Text),
            jobs: args.jobs.or(config.jobs),
        })
    }

    /// The rules to run on `path`: the run's, less the file's `per-file-ignores`.
    pub fn options_for(&self, path: &Path) -> Cow<'_, Options> {
        let extra: Vec<String> = self
            .per_file
            .iter()
            .filter(|(p, _)| p.matches(&self.base, path))
            .flat_map(|(_, rules)| rules.iter().cloned())
            .collect();
        if extra.is_empty() {
            return Cow::Borrowed(&self.options);
        }
        let mut ignore = self.ignore.clone();
        ignore.extend(extra);
        Cow::Owned(
            Options::with_rules(&self.select, &ignore).unwrap_or_else(|_| self.options.clone()),
        )
    }

    /// Whether an `[[accept]]` entry of the configuration accepts `finding` in `path` (`source`
    /// is the file's text, for the entry the finding is about).
    pub fn accepted(&self, path: &Path, finding: &Finding, source: &str) -> bool {
        self.accept.iter().any(|(pattern, a)| {
            a.rule == finding.rule
                && pattern.matches(&self.base, path)
                && a.entry
                    .as_deref()
                    .is_none_or(|entry| about(finding, source, entry))
        })
    }
}

/// Whether `finding` is about `entry`: the JSON string or name at its place is `entry`, or its
/// message names it in backticks.
fn about(finding: &Finding, source: &str, entry: &str) -> bool {
    let at = source
        .get(finding.range.clone())
        .unwrap_or("")
        .trim()
        .trim_matches('"');
    at == entry || finding.message.contains(&format!("`{entry}`"))
}
