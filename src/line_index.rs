//! Byte offsets ↔ human and editor positions.
//!
//! Spans and edits are UTF-8 byte offsets; people read 1-based lines and character columns, and
//! editors speaking LSP count columns in UTF-16 code units. A [`LineIndex`] answers all three.

use serde::Serialize;

/// A position in a source text. Lines and columns are 1-based.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Location {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column counted in characters (Unicode scalar values).
    pub column: usize,
    /// 1-based column counted in UTF-16 code units, as LSP clients count (subtract 1 for LSP).
    pub utf16_column: usize,
}

impl Location {
    /// The same place as the Language Server Protocol counts it: a 0-based line and a 0-based
    /// column in UTF-16 code units.
    pub fn lsp_position(&self) -> (u32, u32) {
        (
            self.line.saturating_sub(1) as u32,
            self.utf16_column.saturating_sub(1) as u32,
        )
    }
}

/// Where `offset` is in `text` (for one-off messages; keep a [`LineIndex`] for many).
pub(crate) fn location(text: &str, offset: usize) -> Location {
    LineIndex::new(text).location(text, offset)
}

/// Start offsets of every line of a text.
#[derive(Clone, Debug)]
pub struct LineIndex {
    line_starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { line_starts }
    }

    /// 0-based line number that contains `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&s| s <= offset) - 1
    }

    /// Byte offset where the 0-based `line` starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts[line]
    }

    /// The location of `offset` in `text` (the text this index was built from). An offset inside a
    /// character, or past the end, is clamped to the nearest boundary before it.
    pub fn location(&self, text: &str, offset: usize) -> Location {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_of(offset);
        let prefix = &text[self.line_starts[line]..offset];
        Location {
            line: line + 1,
            column: prefix.chars().count() + 1,
            utf16_column: prefix.encode_utf16().count() + 1,
        }
    }
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations_count_chars_and_utf16_units() {
        let text = "a\r\né😀x\nlast";
        let index = LineIndex::new(text);
        assert_eq!(
            index.location(text, 0),
            Location {
                line: 1,
                column: 1,
                utf16_column: 1
            }
        );
        let x = text.find('x').unwrap();
        assert_eq!(
            index.location(text, x),
            Location {
                line: 2,
                column: 3,
                utf16_column: 4
            }
        );
        let last = text.find("last").unwrap();
        assert_eq!(index.location(text, last).line, 3);
        assert_eq!(index.location(text, text.len()).column, 5);
    }
}
