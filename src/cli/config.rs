//! The configuration file: `faas-migrate.toml` or `.faas-migrate.toml`, found from the working
//! directory upwards (the nearest wins; in one folder `faas-migrate.toml` goes first), or named
//! with `--config`; `--isolated` reads none. Paths and patterns in it are relative to its folder.
//!
//! ```toml
//! select = ["env-rename", "config-env"]     # run only these rules
//! ignore = ["log-limits"]                   # never run these
//! exclude = ["legacy"]                      # skip in a walk (replaces the default: none)
//! extend-exclude = ["functions/old-*"]      # skip these too
//! force-exclude = true                      # also for paths named on the command line
//! format = "json"                           # text, json, github or sarif
//! jobs = 2
//!
//! [per-file-ignores]                        # rules not run on some files
//! "functions/legacy-*/index.js" = ["log-limits"]
//!
//! [[accept]]                                # a finding accepted after review
//! path = "functions/route/config.json"
//! rule = "config-env"
//! entry = "PORT"                            # the variable, dependency, secret or event
//! reason = "the V2 platform sets PORT; the function only logs it"
//! ```

use super::args::check_rules;
use crate::report::Format;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The names looked for, in order, in each folder from the working directory upwards.
pub const FILE_NAMES: &[&str] = &["faas-migrate.toml", ".faas-migrate.toml"];

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    pub select: Option<Vec<String>>,
    #[serde(default)]
    pub ignore: Vec<String>,
    pub exclude: Option<Vec<String>>,
    #[serde(default)]
    pub extend_exclude: Vec<String>,
    pub force_exclude: Option<bool>,
    pub format: Option<Format>,
    pub jobs: Option<u64>,
    #[serde(default)]
    pub per_file_ignores: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub accept: Vec<Accept>,
}

/// A finding accepted after review: `rule`'s findings in files matching `path`, about `entry`
/// when given (the environment variable, dependency, secret or event named in the finding).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Accept {
    pub path: String,
    pub rule: String,
    pub entry: Option<String>,
    /// Why it is accepted; for the people reading the file.
    #[allow(dead_code)]
    pub reason: Option<String>,
}

/// A configuration file that was read, with its folder.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The folder patterns in the file are relative to.
    pub base: PathBuf,
    pub config: Config,
}

/// Finds and reads the configuration (`explicit` from `--config`; none with `isolated`).
pub fn load(explicit: Option<&Path>, isolated: bool) -> Result<Loaded, String> {
    let cwd =
        std::env::current_dir().map_err(|e| format!("cannot read the working directory: {e}"))?;
    if isolated {
        return Ok(Loaded {
            base: cwd,
            ..Loaded::default()
        });
    }
    let path = match explicit {
        Some(p) => Some(p.to_path_buf()),
        None => find(&cwd),
    };
    let Some(path) = path else {
        return Ok(Loaded {
            base: cwd,
            ..Loaded::default()
        });
    };
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read the configuration {}: {e}", path.display()))?;
    let config: Config = toml::from_str(&text).map_err(|e| {
        let line = e.span().map_or(1, |s| {
            text[..s.start.min(text.len())].matches('\n').count() + 1
        });
        format!("{}:{line}: {}", path.display(), e.message().trim_end())
    })?;
    let rules = config
        .select
        .iter()
        .flatten()
        .chain(&config.ignore)
        .chain(config.per_file_ignores.values().flatten())
        .chain(config.accept.iter().map(|a| &a.rule));
    check_rules(rules).map_err(|e| format!("{}: {e}", path.display()))?;
    let base = crate::discover::normalized(path.parent().unwrap_or(Path::new("")));
    Ok(Loaded { base, config })
}

fn find(cwd: &Path) -> Option<PathBuf> {
    cwd.ancestors()
        .flat_map(|dir| FILE_NAMES.iter().map(move |name| dir.join(name)))
        .find(|p| p.is_file())
}
