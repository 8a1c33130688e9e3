//! Building the text of imports and choosing where they go.

use crate::rules::Context;
use std::ops::Range;
use std::path::Path;
use swc_common::Spanned;
use swc_ecma_ast::*;

pub(super) enum Placement {
    /// At the start of the line after the last import or `require` at the top.
    AfterLine,
    /// At the end of a file whose last line is that `require`.
    AtEnd,
    /// Before the file's first code, with a blank line after.
    BeforeCode,
}

/// Where new imports go. `imports` are the top-level statements that become imports in this pass.
pub(super) fn import_point(cx: &Context, imports: &[Range<usize>]) -> (usize, Placement) {
    let source = cx.source;
    let header = |stmt: &Stmt| {
        let range = cx.range(stmt.span());
        imports.contains(&range) || is_directive_text(&source[range])
    };
    let items: Vec<(Range<usize>, bool)> = match &cx.parsed.program {
        Program::Script(s) => s.body.iter().map(|stmt| (cx.range(stmt.span()), header(stmt))).collect(),
        Program::Module(m) => m
            .body
            .iter()
            .map(|item| {
                let is_header = match item {
                    ModuleItem::ModuleDecl(ModuleDecl::Import(_)) => true,
                    ModuleItem::ModuleDecl(_) => false,
                    ModuleItem::Stmt(stmt) => header(stmt),
                };
                (cx.range(item.span()), is_header)
            })
            .collect(),
    };
    let header_end = items
        .iter()
        .take_while(|(_, header)| *header)
        .filter(|(range, _)| !is_directive_text(&source[range.clone()]))
        .map(|(range, _)| range.end)
        .last();
    if let Some(end) = header_end {
        return match source[end..].find('\n') {
            Some(i) => (end + i + 1, Placement::AfterLine),
            None => (source.len(), Placement::AtEnd),
        };
    }
    // After the shebang and the directives, then after the banner: the comments up to the last
    // blank line before the first statement.
    let mut start = if source.starts_with("#!") {
        source.find('\n').map_or(source.len(), |i| i + 1)
    } else {
        0
    };
    for (range, _) in items.iter().take_while(|(r, h)| *h && is_directive_text(&source[r.clone()])) {
        start = crate::rules::support::next_line_start(source, range.end);
    }
    let first = items
        .iter()
        .map(|(r, _)| r.start)
        .find(|s| *s >= start)
        .unwrap_or(source.len());
    let trivia = &source[start..first];
    let mut at = start;
    let mut offset = start;
    for line in trivia.split_inclusive('\n') {
        offset += line.len();
        if line.ends_with('\n') && line.trim().is_empty() && offset <= first {
            at = offset;
        }
    }
    if at > first {
        at = first;
    }
    (at, Placement::BeforeCode)
}

fn is_directive_text(text: &str) -> bool {
    text.starts_with(['"', '\''])
}

/// A string literal with the quote `q`.
pub(super) fn quoted(value: &str, q: char) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push(q);
    for c in value.chars() {
        if c == q || c == '\\' {
            out.push('\\');
        }
        out.push(c);
    }
    out.push(q);
    out
}

pub(super) fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_' || c == '$')
        && chars.all(|c| c.is_alphanumeric() || c == '_' || c == '$')
        && !RESERVED.contains(&name)
}

/// A name for a module: `crypto`, `fsPromises`, `coreFunctionsToolbelt`, `data` for `./data.json`.
pub(super) fn base_name(spec: &str) -> String {
    let spec = spec.strip_prefix("node:").unwrap_or(spec);
    let words: Vec<&str> = if spec.starts_with('.') || spec.starts_with('/') {
        let path = Path::new(spec);
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        let stem = if stem == "index" {
            path.parent()
                .and_then(|p| p.file_name())
                .and_then(|s| s.to_str())
                .unwrap_or(stem)
        } else {
            stem
        };
        vec![stem]
    } else {
        let unscoped = match spec.strip_prefix('@') {
            Some(rest) => rest.split_once('/').map_or(rest, |(_, name)| name),
            None => spec,
        };
        unscoped.split('/').collect()
    };
    let mut name = String::new();
    for word in words {
        for part in word.split(|c: char| !c.is_alphanumeric() && c != '_' && c != '$') {
            let mut chars = part.chars();
            if let Some(first) = chars.next() {
                if name.is_empty() {
                    name.push(first);
                } else {
                    name.extend(first.to_uppercase());
                }
                name.extend(chars);
            }
        }
    }
    if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) || RESERVED.contains(&name.as_str()) {
        name.insert(0, '_');
    }
    name
}

pub(super) const RESERVED: &[&str] = &[
    "arguments", "await", "break", "case", "catch", "class", "const", "continue", "debugger",
    "default", "delete", "do", "else", "enum", "eval", "export", "extends", "false", "finally",
    "for", "function", "if", "implements", "import", "in", "instanceof", "interface", "let", "new",
    "null", "package", "private", "protected", "public", "return", "static", "super", "switch",
    "this", "throw", "true", "try", "typeof", "undefined", "var", "void", "while", "with", "yield",
    "require", "module", "exports", "lambda",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn module_names() {
        assert_eq!(base_name("crypto"), "crypto");
        assert_eq!(base_name("node:fs/promises"), "fsPromises");
        assert_eq!(base_name("core-functions-toolbelt"), "coreFunctionsToolbelt");
        assert_eq!(base_name("@jsforce/jsforce-node"), "jsforceNode");
        assert_eq!(base_name("./data.json"), "data");
        assert_eq!(base_name("../lib/index.js"), "lib");
        assert_eq!(base_name("oauth-1.0a"), "oauth10a");
        assert_eq!(base_name("1password"), "_1password");
    }

    #[test]
    fn quoting() {
        assert_eq!(quoted("a'b", '\''), "'a\\'b'");
        assert_eq!(quoted("m", '"'), "\"m\"");
    }
}
