//! Text helpers for edits that rules share: the white space and comments between tokens, and
//! deleting whole statements without leaving debris.

use super::support;
use std::ops::Range;

/// The length of the white space and comments at the start of `text`.
pub fn trivia_len(text: &str) -> usize {
    let mut rest = text;
    loop {
        let trimmed = rest.trim_start();
        if let Some(comment) = trimmed.strip_prefix("//") {
            rest = comment.find('\n').map_or("", |i| &comment[i..]);
        } else if let Some(comment) = trimmed.strip_prefix("/*") {
            match comment.find("*/") {
                Some(i) => rest = &comment[i + 2..],
                None => return text.len() - trimmed.len(),
            }
        } else {
            return text.len() - trimmed.len();
        }
    }
}

/// Where the one token `token` stands in `text` with only white space and comments around it.
pub fn lone_token(text: &str, token: &str) -> Option<usize> {
    let at = trivia_len(text);
    let after = at + token.len();
    (text[at..].starts_with(token) && trivia_len(&text[after..]) == text.len() - after)
        .then_some(at)
}

/// The edits that delete whole statements (byte ranges of `source`) without leaving debris: a
/// statement alone on its lines goes with its lines, and statements on adjacent lines go together;
/// when that would leave two blank lines in a row, a blank line at the start of a block or file, or
/// one at the end of a block or file, the extra blank lines go too. A statement that shares its line
/// with other code or a comment is cut out alone. Where the next line could continue the code
/// before it (it starts with `(`, `[`, `` ` ``, `+`, `-` or `/`), a `;` is left in place.
pub fn removal_edits(
    source: &str,
    statements: &[Range<usize>],
) -> Vec<(Range<usize>, &'static str)> {
    let line_start = |at: usize| support::line_start(source, at);
    let line_end = |at: usize| support::next_line_start(source, at);
    let blank = |line: &str| line.trim().is_empty();
    let mut sorted: Vec<Range<usize>> = statements.to_vec();
    sorted.sort_by_key(|r| (r.start, r.end));
    let mut ranges: Vec<(Range<usize>, bool)> = Vec::new();
    for r in sorted {
        let (ls, le) = (line_start(r.start), line_end(r.end));
        let before = &source[ls..r.start];
        let after = &source[r.end..le];
        let range = if blank(before) && blank(after) {
            (ls..le, true)
        } else if blank(after) {
            (ls + before.trim_end().len()..r.end, false)
        } else {
            let gap = after.len() - after.trim_start().len();
            (r.start..r.end + gap, false)
        };
        match ranges.last_mut() {
            Some((last, true)) if range.1 && last.end >= range.0.start => {
                last.end = last.end.max(range.0.end)
            }
            Some((last, _)) if last.end > range.0.start => {}
            _ => ranges.push(range),
        }
    }
    ranges
        .into_iter()
        .map(|(mut range, whole_lines)| {
            if whole_lines {
                let prev =
                    (range.start > 0).then(|| &source[line_start(range.start - 1)..range.start]);
                let next =
                    (range.end < source.len()).then(|| &source[range.end..line_end(range.end)]);
                let prev_blank = prev.is_some_and(blank);
                let next_blank = next.is_some_and(blank);
                // A `"use strict"` directive counts as the start of its block: `use-strict`
                // removes it in the same pass.
                let opens = prev.is_none_or(|l| {
                    let l = l.trim();
                    l.ends_with('{') || is_use_strict(l.trim_end_matches(';'))
                });
                let closes = next.is_none_or(|l| l.trim_start().starts_with('}'));
                if prev_blank && (next_blank || closes) {
                    while range.start > 0
                        && blank(&source[line_start(range.start - 1)..range.start])
                    {
                        range.start = line_start(range.start - 1);
                    }
                } else if opens && next_blank {
                    while range.end < source.len() && blank(&source[range.end..line_end(range.end)])
                    {
                        range.end = line_end(range.end);
                    }
                }
            }
            let next = source[range.end..].trim_start_matches(|c: char| c.is_whitespace());
            let prev = source[..range.start].trim_end();
            let hazard = next.starts_with(['(', '[', '`', '+', '-', '/'])
                && !next.starts_with("//")
                && !next.starts_with("/*")
                && !prev.is_empty()
                && !prev.ends_with([';', '{', '}']);
            (range, if hazard { ";" } else { "" })
        })
        .collect()
}

fn is_use_strict(text: &str) -> bool {
    text == "\"use strict\"" || text == "'use strict'"
}

/// The range to delete to drop item `index` of a comma-separated list whose items are `items`
/// (with its comma and the blank after it).
pub fn list_item_removal(source: &str, items: &[Range<usize>], index: usize) -> Range<usize> {
    let item = &items[index];
    match (
        items.get(index + 1),
        index.checked_sub(1).map(|i| &items[i]),
    ) {
        (Some(next), _) => item.start..next.start,
        (None, Some(prev)) => prev.end..item.end,
        (None, None) => {
            // The only item: also a trailing comma.
            let rest = &source[item.end..];
            let comma = rest
                .trim_start()
                .strip_prefix(',')
                .map_or(0, |after| rest.len() - after.len());
            item.start..item.end + comma
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::Edit;

    #[test]
    fn trivia_is_white_space_and_comments() {
        assert_eq!(trivia_len("  /* a */ // b\n  x"), 17);
        assert_eq!(trivia_len("x"), 0);
        assert_eq!(trivia_len(" /* open"), 1);
        assert_eq!(lone_token(" /* c */ : ", ":"), Some(9));
        assert_eq!(lone_token(" : x ", ":"), None);
        assert_eq!(lone_token(" /* : */ ", ":"), None);
    }

    fn remove(source: &str, statements: &[&str]) -> String {
        let ranges: Vec<Range<usize>> = statements
            .iter()
            .map(|s| {
                let at = source.find(s).unwrap();
                at..at + s.len()
            })
            .collect();
        let edits: Vec<Edit> = removal_edits(source, &ranges)
            .into_iter()
            .map(|(r, t)| Edit::replace(r, t, "test"))
            .collect();
        crate::edit::apply(source, &edits)
    }

    #[test]
    fn removed_statements_leave_no_blank_line_debris() {
        // At the end of the file, after a blank line.
        assert_eq!(
            remove("}\n\nmodule.exports = x;\n", &["module.exports = x;"]),
            "}\n"
        );
        // At the start of the file, before a blank line.
        assert_eq!(
            remove("'use strict';\n\nconst a = 1;\n", &["'use strict';"]),
            "const a = 1;\n"
        );
        // Between blank lines.
        assert_eq!(remove("a;\n\nb;\n\nc;\n", &["b;"]), "a;\n\nc;\n");
        // Adjacent statements at the start of a block go together, with the blank line after them.
        assert_eq!(
            remove(
                "f() {\r\n  const a = 1;\r\n  const b = 2;\r\n\r\n  go();\r\n}\r\n",
                &["const a = 1;", "const b = 2;"]
            ),
            "f() {\r\n  go();\r\n}\r\n"
        );
        // Before the end of a block, after a blank line.
        assert_eq!(
            remove("{\n  go();\n\n  x;\n}\n", &["x;"]),
            "{\n  go();\n}\n"
        );
        // Nothing blank around: only the line goes.
        assert_eq!(remove("a;\nb;\nc;\n", &["b;"]), "a;\nc;\n");
        // A comment on the same line stays; so does code before it.
        assert_eq!(remove("b; // note\n", &["b;"]), "// note\n");
        assert_eq!(remove("a(); b;\n", &["b;"]), "a();\n");
        // The next line would continue the previous one: a `;` stays.
        assert_eq!(remove("a = 1\nb;\n(f)()\n", &["b;"]), "a = 1\n;(f)()\n");
        // After a `"use strict"` directive (removed by its own rule), as after `{`.
        assert_eq!(
            remove(
                "{\n  'use strict';\n  const a = 1;\n\n  go();\n}\n",
                &["const a = 1;"]
            ),
            "{\n  'use strict';\n  go();\n}\n"
        );
        // No trailing newline.
        assert_eq!(remove("a;\nb;", &["b;"]), "a;\n");
    }
}
