//! Open documents: their text, and positions as LSP counts them (0-based lines, UTF-16 columns).

use crate::discover;
use crate::line_index::LineIndex;
use lsp_types::{Position, Range, TextDocumentContentChangeEvent, Uri};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

/// An open document.
pub struct Document {
    pub uri: Uri,
    pub version: i32,
    pub text: Arc<str>,
    /// The path handed to `migrate` (it decides how the text is read), when faas-migrate reads
    /// this kind of file.
    pub path: Option<PathBuf>,
    /// Whether the document is on disk (a `file://` URI): only then do settings apply.
    pub on_disk: bool,
    /// Set when a newer version (or new settings) makes the running analysis useless.
    pub cancel: Arc<AtomicBool>,
}

impl Document {
    pub fn new(uri: Uri, version: i32, text: String, language_id: &str) -> Document {
        let disk = super::uri::to_path(&uri);
        let on_disk = disk.is_some();
        let path = match disk {
            Some(path) => migrated(&path).then_some(path),
            // An unsaved buffer: JavaScript by its language.
            None => (language_id == "javascript").then(|| PathBuf::from("untitled.js")),
        };
        Document {
            uri,
            version,
            text: text.into(),
            path,
            on_disk,
            cancel: Arc::default(),
        }
    }

    /// Applies the changes of a `didChange`, in order.
    pub fn change(&mut self, version: i32, changes: Vec<TextDocumentContentChangeEvent>) {
        let mut text = self.text.to_string();
        for change in changes {
            match change.range {
                None => text = change.text,
                Some(range) => {
                    let index = LineIndex::new(&text);
                    let start = offset(&text, &index, range.start);
                    let end = offset(&text, &index, range.end).max(start);
                    text.replace_range(start..end, &change.text);
                }
            }
        }
        self.text = text.into();
        self.version = version;
    }
}

/// Whether faas-migrate reads the file at `path`: JavaScript, or an `lpf` project's
/// `config.json` (beside an `index.js`) or `functions/settings.json`.
pub fn migrated(path: &Path) -> bool {
    discover::is_javascript(path) || discover::is_project_file(path)
}

/// The LSP position of a byte offset of `text` (indexed by `index`).
pub fn position(text: &str, index: &LineIndex, offset: usize) -> Position {
    let (line, character) = index.location(text, offset).lsp_position();
    Position { line, character }
}

/// The LSP range of a byte range of `text`.
pub fn range(text: &str, index: &LineIndex, bytes: std::ops::Range<usize>) -> Range {
    Range {
        start: position(text, index, bytes.start),
        end: position(text, index, bytes.end),
    }
}

/// The byte offset of an LSP position in `text`. A column past the end of its line is the end
/// of the line; a line past the end of the text is the end of the text.
pub fn offset(text: &str, index: &LineIndex, position: Position) -> usize {
    let line = position.line as usize;
    let last = index.line_of(text.len());
    if line > last {
        return text.len();
    }
    let start = index.line_start(line);
    let mut units = 0;
    for (i, c) in text[start..].char_indices() {
        if units >= position.character as usize
            || c == '\n'
            || text[start + i..].starts_with("\r\n")
        {
            return start + i;
        }
        units += c.len_utf16();
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_utf16_units_and_lines() {
        let text = "a😀b\r\nsecond\nthird";
        let index = LineIndex::new(text);
        let b = text.find('b').unwrap();
        assert_eq!(position(text, &index, b), Position::new(0, 3));
        assert_eq!(offset(text, &index, Position::new(0, 3)), b);
        // Past the end of a CRLF line: before the `\r`.
        assert_eq!(offset(text, &index, Position::new(0, 40)), b + 1);
        assert_eq!(
            offset(text, &index, Position::new(1, 2)),
            text.find("cond").unwrap()
        );
        assert_eq!(offset(text, &index, Position::new(9, 0)), text.len());
        assert_eq!(position(text, &index, text.len()), Position::new(2, 5));
    }

    #[test]
    fn incremental_changes_apply_in_order() {
        let uri: Uri = "file:///p/index.js".parse().unwrap();
        let mut doc = Document::new(uri, 1, "const 😀 = 1;\nx\n".into(), "javascript");
        doc.change(
            2,
            vec![
                TextDocumentContentChangeEvent {
                    range: Some(Range::new(Position::new(0, 6), Position::new(0, 8))),
                    range_length: None,
                    text: "a".into(),
                },
                TextDocumentContentChangeEvent {
                    range: Some(Range::new(Position::new(1, 0), Position::new(1, 1))),
                    range_length: None,
                    text: "y".into(),
                },
            ],
        );
        assert_eq!(&*doc.text, "const a = 1;\ny\n");
        assert_eq!(doc.version, 2);
        assert_eq!(doc.path.as_deref(), Some(Path::new("/p/index.js")));
    }
}
