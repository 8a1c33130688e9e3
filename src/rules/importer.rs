//! The one place that adds imports to a file, for every rule that needs one.
//!
//! A rule asks [`Importer::existing`] whether the file already imports what it needs, and
//! otherwise hands [`Importer::add`] the import: imports of one module are merged into one
//! declaration (into an `import { … }` the file already has, or one that becomes an import in
//! this pass), comments that stood above a moved `require` stay above its import, and new
//! imports go with the imports at the top of the file (after a shebang, directives and the
//! comment banner). Code that must follow the imports (a client built from an import) is added
//! with [`Importer::add_code`] and lands right after them. Quotes and semicolons follow the file.

use crate::rules::support;
pub(crate) use crate::rules::support::{specifier_export, Export};
use crate::rules::Context;
use std::ops::Range;
use swc_common::Spanned;
use swc_ecma_ast::*;

/// An import to add.
#[derive(Clone, Debug)]
pub(crate) struct NewImport {
    pub spec: String,
    pub quote: char,
    /// Imported with `with { type: "json" }`.
    pub json: bool,
    /// `None`: a side-effect import.
    pub clause: Option<(Export, String)>,
    /// Whole comment lines (without indentation or line end) to keep above the import.
    pub comments: Vec<String>,
}

/// A declaration of the file that named imports of its module can join: the offset just after
/// its last name (`import { a▮ } from "m"`, or `const { a▮ } = require("m")` becoming an
/// import in this pass), and where its line starts.
#[derive(Clone, Debug)]
pub(crate) struct Joinable {
    pub spec: String,
    pub after_last: usize,
    pub line_start: usize,
}

/// The imports a rule adds in one pass.
#[derive(Default)]
pub(crate) struct Importer {
    imports: Vec<NewImport>,
    code: Vec<String>,
    joinable: Vec<Joinable>,
    /// Top-level statements that become imports where they stand in this pass.
    in_place: Vec<Range<usize>>,
}

impl Importer {
    pub fn new() -> Importer {
        Importer::default()
    }

    /// The local name a top-level import of the file binds to `export` of `spec`.
    pub fn existing(cx: &Context, spec: &str, export: &Export) -> Option<String> {
        imports(cx).find_map(|import| {
            if import.src.value.as_atom().map(|a| &**a) != Some(spec) || import.type_only {
                return None;
            }
            import
                .specifiers
                .iter()
                .find(|s| &specifier_export(s) == export)
                .map(|s| s.local().sym.to_string())
        })
    }

    /// Adds an import (the same one twice is added once).
    pub fn add(&mut self, import: NewImport) {
        let same = self
            .imports
            .iter_mut()
            .find(|i| i.spec == import.spec && i.clause == import.clause);
        match same {
            Some(same) => same.comments.extend(import.comments),
            None => self.imports.push(import),
        }
    }

    /// Whether an import of `spec` binding `local` is being added.
    pub fn adds(&self, spec: &str, local: &str) -> bool {
        self.imports
            .iter()
            .any(|i| i.spec == spec && i.clause.as_ref().is_some_and(|(_, l)| l == local))
    }

    /// Whether any import of `spec` is being added.
    pub fn adds_module(&self, spec: &str) -> bool {
        self.imports.iter().any(|i| i.spec == spec)
    }

    /// A line of code to place right after the imports.
    pub fn add_code(&mut self, line: String) {
        self.code.push(line);
    }

    /// A top-level statement that becomes an import where it stands in this pass: new imports go
    /// after it, and `joinable` (its spec and the end of its last name), when it binds names,
    /// takes new names of its module.
    pub fn in_place(&mut self, stmt: Range<usize>, joinable: Option<Joinable>) {
        self.in_place.push(stmt);
        self.joinable.extend(joinable);
    }

    /// Makes the edits: names joined into existing declarations of their module, the new import
    /// lines and the code after them.
    pub fn finish(mut self, cx: &mut Context) {
        if self.imports.is_empty() && self.code.is_empty() {
            return;
        }
        let eol = cx.style.eol;
        let semi = cx.style.semi();
        let mut joinable = self.joinable.clone();
        joinable.extend(existing_joinable(cx));
        let mut lines: Vec<String> = Vec::new();
        let mut done = vec![false; self.imports.len()];
        for i in 0..self.imports.len() {
            if done[i] {
                continue;
            }
            let import = &self.imports[i];
            let q = import.quote;
            let mut from = quoted(&import.spec, q);
            if import.json {
                from = format!("{from} with {{ type: {q}json{q} }}");
            }
            let clause = match &import.clause {
                None => {
                    lines.extend(import.comments.iter().cloned());
                    lines.push(format!("import {from}{semi}"));
                    continue;
                }
                Some((Export::Default, local)) => local.clone(),
                Some((Export::Namespace, local)) => format!("* as {local}"),
                Some((Export::Named(_), _)) => {
                    let mut names = Vec::new();
                    let mut comments = Vec::new();
                    for (j, other) in self.imports.iter().enumerate().skip(i) {
                        if let (true, Some((Export::Named(key), local))) =
                            (other.spec == import.spec, &other.clause)
                        {
                            done[j] = true;
                            comments.extend(other.comments.iter().cloned());
                            names.push(if key == local {
                                key.clone()
                            } else {
                                format!("{key} as {local}")
                            });
                        }
                    }
                    if let Some(target) = joinable.iter().find(|j| j.spec == import.spec) {
                        let indent = cx.indent_at(target.line_start).to_string();
                        if !comments.is_empty() {
                            let text: String = comments
                                .iter()
                                .map(|c| format!("{indent}{c}{eol}"))
                                .collect();
                            cx.insert(target.line_start, text);
                        }
                        cx.insert(target.after_last, format!(", {}", names.join(", ")));
                        continue;
                    }
                    lines.extend(comments);
                    lines.push(format!(
                        "import {{ {} }} from {from}{semi}",
                        names.join(", ")
                    ));
                    continue;
                }
            };
            lines.extend(import.comments.iter().cloned());
            lines.push(format!("import {clause} from {from}{semi}"));
        }
        lines.append(&mut self.code);
        if lines.is_empty() {
            return;
        }
        let (at, placement) = import_point(cx, &self.in_place);
        let text = match placement {
            Placement::AfterLine => lines.iter().map(|l| format!("{l}{eol}")).collect(),
            Placement::AtEnd => lines.iter().map(|l| format!("{eol}{l}")).collect(),
            Placement::BeforeCode => {
                let block: String = lines.iter().map(|l| format!("{l}{eol}")).collect();
                format!("{block}{eol}")
            }
        };
        cx.insert(at, text);
    }
}

/// The file's top-level import declarations.
fn imports<'c>(cx: &'c Context) -> impl Iterator<Item = &'c ImportDecl> + 'c {
    support::top_level(&cx.parsed.program)
        .into_iter()
        .filter_map(|item| item.as_module_decl()?.as_import())
}

/// The file's `import { … } from "m"` declarations (value imports with at least one name).
fn existing_joinable(cx: &Context) -> Vec<Joinable> {
    imports(cx)
        .filter(|i| !i.type_only && i.with.is_none())
        .filter_map(|import| {
            let last = import.specifiers.last()?;
            let ImportSpecifier::Named(_) = last else {
                return None;
            };
            Some(Joinable {
                spec: import.src.value.as_atom()?.to_string(),
                after_last: cx.range(last.span()).end,
                line_start: support::line_start(cx.source, cx.range(import.span).start),
            })
        })
        .collect()
}

enum Placement {
    /// At the start of the line after the last import or `require` at the top.
    AfterLine,
    /// At the end of a file whose last line is that `require`.
    AtEnd,
    /// Before the file's first code, with a blank line after.
    BeforeCode,
}

/// Where new imports go. `imports` are the top-level statements that become imports in this pass.
fn import_point(cx: &Context, imports: &[Range<usize>]) -> (usize, Placement) {
    let source = cx.source;
    let header = |stmt: &Stmt| {
        let range = cx.range(stmt.span());
        imports.contains(&range) || is_directive_text(&source[range])
    };
    let items: Vec<(Range<usize>, bool)> = match &cx.parsed.program {
        Program::Script(s) => s
            .body
            .iter()
            .map(|stmt| (cx.range(stmt.span()), header(stmt)))
            .collect(),
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
    for (range, _) in items
        .iter()
        .take_while(|(r, h)| *h && is_directive_text(&source[r.clone()]))
    {
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
pub(crate) fn quoted(value: &str, q: char) -> String {
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

#[cfg(test)]
mod tests {
    use super::quoted;

    #[test]
    fn quoting() {
        assert_eq!(quoted("a'b", '\''), "'a\\'b'");
        assert_eq!(quoted("m", '"'), "\"m\"");
    }
}
