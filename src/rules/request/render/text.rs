//! Source text pieces: string and template literals, and comments a rewrite would drop.

use crate::rules::request::options;
use crate::rules::Context;
use std::ops::Range;
use swc_common::Spanned;
use swc_ecma_ast::*;

/// The comments in `outer` outside the `kept` ranges: a rewrite that replaces `outer` and keeps
/// only those ranges' text would drop them. Only code tokens stand outside the kept ranges (no
/// strings), so a `//` or `/*` there starts a comment.
pub(super) fn lost_comments(
    source: &str,
    outer: &Range<usize>,
    kept: &[Range<usize>],
) -> Vec<String> {
    let mut kept: Vec<Range<usize>> = kept.to_vec();
    kept.sort_by_key(|r| r.start);
    let mut gaps = Vec::new();
    let mut at = outer.start;
    for r in &kept {
        if r.start > at {
            gaps.push(at..r.start);
        }
        at = at.max(r.end);
    }
    if at < outer.end {
        gaps.push(at..outer.end);
    }
    let mut comments = Vec::new();
    for gap in gaps {
        let mut rest = &source[gap];
        while let Some(i) = rest.find("//").into_iter().chain(rest.find("/*")).min() {
            rest = &rest[i..];
            let len = if rest.starts_with("//") {
                rest.find('\n').unwrap_or(rest.len())
            } else {
                rest.find("*/").map_or(rest.len(), |e| e + 2)
            };
            comments.push(rest[..len].trim_end().to_string());
            rest = &rest[len..];
        }
    }
    comments
}

/// A string as pieces of text and code, to write as a string literal or a template literal.
pub(super) struct Parts(pub(super) Vec<Part>);

pub(super) enum Part {
    /// Text (its value).
    Text(String),
    /// Text as written in a template literal.
    Raw(String),
    /// An expression.
    Code(String),
}

impl Parts {
    /// The pieces of a URL expression: a string literal, a template literal, or a `+` chain that
    /// starts with a string (so every `+` joins strings); anything else is one piece of code.
    pub(super) fn of(cx: &Context, vars: &options::Vars, expr: &Expr) -> Parts {
        fn flatten(cx: &Context, expr: &Expr, out: &mut Vec<Part>) {
            match expr {
                Expr::Lit(Lit::Str(s)) => out.push(Part::Text(
                    s.value.as_atom().map(|a| a.to_string()).unwrap_or_default(),
                )),
                Expr::Tpl(t) => {
                    for (i, q) in t.quasis.iter().enumerate() {
                        out.push(Part::Raw(q.raw.to_string()));
                        if let Some(e) = t.exprs.get(i) {
                            out.push(Part::Code(cx.text(e.span()).to_string()));
                        }
                    }
                }
                Expr::Bin(b) if b.op == BinaryOp::Add => {
                    flatten(cx, &b.left, out);
                    match &*b.right {
                        Expr::Lit(Lit::Str(_)) | Expr::Tpl(_) => flatten(cx, &b.right, out),
                        right => out.push(Part::Code(cx.text(right.span()).to_string())),
                    }
                }
                other => out.push(Part::Code(cx.text(other.span()).to_string())),
            }
        }
        let mut out = Vec::new();
        if starts_with_string(expr, vars) {
            flatten(cx, expr, &mut out);
        } else {
            out.push(Part::Code(cx.text(expr.span()).to_string()));
        }
        Parts(out)
    }

    /// Drops the first character of the text (the `/` of a uri after a `baseUrl` ending in `/`).
    pub(super) fn drop_first_char(&mut self) -> Result<(), String> {
        match self.0.first_mut() {
            Some(Part::Text(t) | Part::Raw(t)) if t.starts_with('/') => {
                t.remove(0);
                Ok(())
            }
            _ => Err("with `baseUrl`, the start of the uri is not known here".into()),
        }
    }

    /// Takes the URL's credentials (`written`, `user:password@` as in the source) out of the text
    /// it starts with.
    pub(super) fn strip_user_info(&mut self, written: &str) -> Result<(), String> {
        if let Some(Part::Text(t) | Part::Raw(t)) = self.0.first_mut() {
            if let Some(at) = t.find("://").map(|i| i + 3) {
                if t[at..].starts_with(written) {
                    t.replace_range(at..at + written.len(), "");
                    return Ok(());
                }
            }
        }
        Err("the URL carries credentials (`user:password@`) written in a way this tool cannot take out of it".into())
    }

    pub(super) fn render(&self, quote: char) -> String {
        if self.0.iter().all(|p| matches!(p, Part::Text(_))) {
            let text: String = self
                .0
                .iter()
                .map(|p| match p {
                    Part::Text(t) => t.as_str(),
                    Part::Raw(_) | Part::Code(_) => "",
                })
                .collect();
            return string_literal(&text, quote);
        }
        let mut out = String::from("`");
        for p in &self.0 {
            match p {
                Part::Text(t) => out.push_str(&escape_template(t)),
                Part::Raw(t) => out.push_str(t),
                Part::Code(c) => {
                    out.push_str("${");
                    out.push_str(c);
                    out.push('}');
                }
            }
        }
        out.push('`');
        out
    }
}

/// Whether `+` in the expression joins strings from its first operand on.
fn starts_with_string(expr: &Expr, vars: &options::Vars) -> bool {
    match expr {
        Expr::Lit(Lit::Str(_)) | Expr::Tpl(_) => true,
        Expr::Ident(i) => vars.string(i).is_some(),
        Expr::Bin(b) if b.op == BinaryOp::Add => starts_with_string(&b.left, vars),
        _ => false,
    }
}

pub(super) fn string_literal(text: &str, quote: char) -> String {
    let mut out = String::new();
    out.push(quote);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

fn escape_template(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('`', "\\`")
        .replace("${", "\\${")
}
