//! Project files of an `lpf` project: each function's `functions/<name>/config.json` and the
//! project's `functions/settings.json`: which file is which, and their JSON with byte ranges
//! ([`json`]). The driver that migrates them is the engine's (`engine/project.rs`).

pub mod json;

use std::path::Path;
/// The kinds of project file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ProjectFile {
    /// `functions/<name>/config.json`: one function's name, event, input and environment.
    Config,
    /// `functions/settings.json`: the project's secrets and (V1) domain allowlist.
    Settings,
}

impl ProjectFile {
    pub const ALL: [ProjectFile; 2] = [ProjectFile::Config, ProjectFile::Settings];

    pub fn file_name(self) -> &'static str {
        match self {
            ProjectFile::Config => "config.json",
            ProjectFile::Settings => "settings.json",
        }
    }

    /// The project file a path names, by its file name.
    pub fn of(path: &Path) -> Option<ProjectFile> {
        let name = path.file_name()?.to_str()?;
        ProjectFile::ALL.into_iter().find(|f| f.file_name() == name)
    }
}
