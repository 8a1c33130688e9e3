//! How a file writes code, so that inserted code looks like the code around it: one answer per
//! file to "which line ending, which quote, semicolons or not, which indentation step", computed
//! once from the input and its tree.

use crate::parse::Parsed;
use std::cell::OnceCell;
use std::ops::Deref;
use swc_common::Spanned;
use swc_ecma_ast::*;
use swc_ecma_visit::{Visit, VisitWith};

/// The file's style.
#[derive(Clone, Debug)]
pub struct Style {
    /// The line ending the file mostly uses.
    pub eol: &'static str,
    /// The quote most of the file's string literals use.
    pub quote: char,
    /// Whether most statements that can end with a semicolon do.
    pub semicolons: bool,
    /// The indentation step: a tab, or the smallest indentation of a line (2 to 8 spaces).
    pub indent: String,
}

impl Style {
    /// The style of `text`, from its text alone (for files that are not parsed as JavaScript).
    pub fn detect(text: &str) -> Style {
        let single = text.matches('\'').count();
        let double = text.matches('"').count();
        Style {
            eol: eol(text),
            quote: if single > double { '\'' } else { '"' },
            semicolons: text.contains(";\n")
                || text.contains(";\r\n")
                || text.trim_end().ends_with(';'),
            indent: indent_unit(text),
        }
    }

    /// The style of a parsed JavaScript file: quotes and semicolons counted on its literals and
    /// statements.
    pub fn of(text: &str, parsed: &Parsed) -> Style {
        let mut count = Count {
            text,
            parsed,
            single: 0,
            double: 0,
            first_quote: None,
            with: 0,
            without: 0,
        };
        parsed.program.visit_with(&mut count);
        let quote = match count.single.cmp(&count.double) {
            std::cmp::Ordering::Greater => '\'',
            std::cmp::Ordering::Less => '"',
            std::cmp::Ordering::Equal => count.first_quote.unwrap_or('"'),
        };
        Style {
            eol: eol(text),
            quote,
            semicolons: count.with >= count.without,
            indent: indent_unit(text),
        }
    }

    /// `";"` if the file ends statements with semicolons, else nothing.
    pub fn semi(&self) -> &'static str {
        if self.semicolons {
            ";"
        } else {
            ""
        }
    }

    /// A string literal in the file's quote style.
    pub fn string(&self, text: &str) -> String {
        let q = self.quote;
        let escaped = text.replace('\\', "\\\\").replace(q, &format!("\\{q}"));
        format!("{q}{escaped}{q}")
    }
}

/// The file's [`Style`] as rules see it: worked out from the input's tree the first time a rule
/// asks, or at the end of a first pass that changed the file (a pass over code that needs
/// nothing never does), then kept for every pass.
pub struct FileStyle<'a> {
    cell: &'a OnceCell<Style>,
    input: &'a str,
    /// The input's tree, while the pass works on the input itself.
    tree: Option<&'a Parsed>,
}

impl<'a> FileStyle<'a> {
    /// The style kept in `cell`, of `input`; `tree` is `input`'s parse when the pass has it.
    pub(crate) fn new(cell: &'a OnceCell<Style>, input: &'a str, tree: Option<&'a Parsed>) -> Self {
        FileStyle { cell, input, tree }
    }
}

impl Deref for FileStyle<'_> {
    type Target = Style;

    fn deref(&self) -> &Style {
        self.cell.get_or_init(|| match self.tree {
            Some(tree) => Style::of(self.input, tree),
            // Not reached through the engine: a first pass that makes edits works the style out
            // before its tree goes, and only such a pass has a later one.
            None => Style::detect(self.input),
        })
    }
}

fn eol(text: &str) -> &'static str {
    let lf = text.matches('\n').count();
    let crlf = text.matches("\r\n").count();
    if crlf * 2 > lf {
        "\r\n"
    } else {
        "\n"
    }
}

/// The file's indentation step: a tab, or the smallest indentation of a line.
fn indent_unit(source: &str) -> String {
    let mut smallest: Option<usize> = None;
    for line in source.lines() {
        if line.starts_with('\t') {
            return "\t".into();
        }
        let n = line.len() - line.trim_start_matches(' ').len();
        if n > 0 && n < line.len() && !line.trim_start().starts_with('*') {
            smallest = Some(smallest.map_or(n, |s| s.min(n)));
        }
    }
    " ".repeat(smallest.unwrap_or(2).clamp(2, 8))
}

struct Count<'t> {
    text: &'t str,
    parsed: &'t Parsed,
    single: usize,
    double: usize,
    first_quote: Option<char>,
    with: usize,
    without: usize,
}

impl Visit for Count<'_> {
    fn visit_str(&mut self, s: &Str) {
        if s.span.is_dummy() {
            return;
        }
        let at = self.parsed.range(s.span).start;
        match self.text[at..].chars().next() {
            Some('\'') => self.single += 1,
            Some('"') => self.double += 1,
            _ => return,
        }
        self.first_quote
            .get_or_insert(if self.single > 0 { '\'' } else { '"' });
    }

    fn visit_stmt(&mut self, stmt: &Stmt) {
        if matches!(
            stmt,
            Stmt::Expr(_) | Stmt::Decl(Decl::Var(_)) | Stmt::Return(_) | Stmt::Throw(_)
        ) {
            let range = self.parsed.range(stmt.span());
            if self.text[range].ends_with(';') {
                self.with += 1;
            } else {
                self.without += 1;
            }
        }
        stmt.visit_children_with(self);
    }

    fn visit_module_decl(&mut self, decl: &ModuleDecl) {
        if let ModuleDecl::Import(_) = decl {
            let range = self.parsed.range(decl.span());
            if self.text[range].ends_with(';') {
                self.with += 1;
            } else {
                self.without += 1;
            }
        }
        decl.visit_children_with(self);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn style(text: &str) -> Style {
        Style::of(text, &crate::parse::parse_program(text).unwrap())
    }

    #[test]
    fn one_answer_from_the_tree() {
        let s =
            style("const a = require('x');\nconst b = 'y'\nfunction f() {\n    return \"z\";\n}\n");
        assert_eq!(s.quote, '\'');
        assert!(s.semicolons, "two of three statements end with `;`");
        assert_eq!(s.indent, "    ");
        assert_eq!(s.eol, "\n");
        let s = style("const a = \"x\"\r\nlet b = 1\r\nif (a) {\r\n\tgo()\r\n}\r\n");
        assert_eq!(s.quote, '"');
        assert!(!s.semicolons);
        assert_eq!(s.indent, "\t");
        assert_eq!(s.eol, "\r\n");
        // A quote inside a comment or a template does not count.
        let s = style("// don't\nconst a = `it's`;\nconst b = \"x\";\n");
        assert_eq!(s.quote, '"');
    }
}
