//! A workspace's settings: `faas-migrate.toml` (or `.faas-migrate.toml`) at a workspace folder's
//! root.
//!
//! ```toml
//! select = ["env-rename", "require-to-import"]   # run only these rules (default: all)
//! ignore = ["log-limits"]                         # skip these rules
//! exclude = ["vendor/", "legacy/**/*.js"]         # gitignore-style patterns, from the root
//! ```
//!
//! Other keys are left to other tools reading the same file.

use crate::Options;
use ignore::gitignore::{Gitignore, GitignoreBuilder};
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The names the settings file may have, in the order they are looked for.
pub const FILE_NAMES: [&str; 2] = ["faas-migrate.toml", ".faas-migrate.toml"];

#[derive(Debug, Default, Deserialize)]
struct File {
    #[serde(default)]
    select: Vec<String>,
    #[serde(default)]
    ignore: Vec<String>,
    #[serde(default)]
    exclude: Vec<String>,
}

/// The settings of one workspace folder.
#[derive(Debug)]
pub struct Settings {
    /// The workspace folder.
    pub root: PathBuf,
    /// The settings file read, if any.
    pub file: Option<PathBuf>,
    /// The rules to run.
    pub options: Options,
    exclude: Option<Gitignore>,
}

impl Settings {
    /// All rules, nothing excluded.
    pub fn default_for(root: &Path) -> Settings {
        Settings {
            root: root.to_path_buf(),
            file: None,
            options: Options::default(),
            exclude: None,
        }
    }

    /// Reads the settings file of `root`. A file that cannot be read or is wrong gives the
    /// defaults and the problem, for the user to see.
    pub fn load(root: &Path) -> (Settings, Option<String>) {
        let Some(file) = FILE_NAMES
            .iter()
            .map(|name| root.join(name))
            .find(|p| p.is_file())
        else {
            return (Settings::default_for(root), None);
        };
        match Settings::read(root, &file) {
            Ok(settings) => (settings, None),
            Err(problem) => {
                let mut settings = Settings::default_for(root);
                settings.file = Some(file.clone());
                (
                    settings,
                    Some(format!(
                        "faas-migrate: {}: {problem}; using the default settings",
                        file.display()
                    )),
                )
            }
        }
    }

    fn read(root: &Path, file: &Path) -> Result<Settings, String> {
        let text = std::fs::read_to_string(file).map_err(|e| e.to_string())?;
        Settings::parse(root, &text).map(|mut s| {
            s.file = Some(file.to_path_buf());
            s
        })
    }

    /// The settings a file's text gives for the folder `root`.
    pub fn parse(root: &Path, text: &str) -> Result<Settings, String> {
        let file: File = toml::from_str(text).map_err(|e| e.message().to_string())?;
        let options = Options::with_rules(&file.select, &file.ignore)?;
        let exclude = if file.exclude.is_empty() {
            None
        } else {
            let mut builder = GitignoreBuilder::new(root);
            for pattern in &file.exclude {
                builder
                    .add_line(None, pattern)
                    .map_err(|e| format!("exclude: {e}"))?;
            }
            Some(builder.build().map_err(|e| format!("exclude: {e}"))?)
        };
        Ok(Settings {
            root: root.to_path_buf(),
            file: None,
            options,
            exclude,
        })
    }

    /// Whether `path` (a file under [`Settings::root`]) is excluded.
    pub fn excludes(&self, path: &Path) -> bool {
        match &self.exclude {
            Some(exclude) if path.starts_with(&self.root) => {
                exclude.matched_path_or_any_parents(path, false).is_ignore()
            }
            _ => false,
        }
    }
}

/// Whether `path` is a settings file, of any workspace.
pub fn is_settings_file(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| FILE_NAMES.contains(&n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_rules_and_exclusions() {
        let root = Path::new("/work/project");
        let settings = Settings::parse(
            root,
            "select = [\"env-rename\", \"log-limits\"]\nignore = [\"log-limits\"]\nexclude = [\"vendor/\", \"legacy/*.js\"]\nformat = \"json\"\n",
        )
        .unwrap();
        let names: Vec<&str> = settings.options.rules.iter().map(|r| r.name).collect();
        assert_eq!(names, ["env-rename"]);
        assert!(settings.excludes(&root.join("vendor/lib/index.js")));
        assert!(settings.excludes(&root.join("legacy/old.js")));
        assert!(!settings.excludes(&root.join("functions/a/index.js")));
        assert!(!settings.excludes(Path::new("/elsewhere/vendor/x.js")));
    }

    #[test]
    fn reports_what_is_wrong() {
        let root = Path::new("/p");
        let error = Settings::parse(root, "select = [\"no-such-rule\"]").unwrap_err();
        assert!(error.starts_with("unknown rule `no-such-rule`"), "{error}");
        assert!(Settings::parse(root, "select = 3").is_err());
    }
}
