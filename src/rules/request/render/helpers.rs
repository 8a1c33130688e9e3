//! The two helpers the rewritten calls use, `readJson` and `StatusCodeError`: their text, the
//! declarations a file already has, and where new ones go.

use crate::rules::{support, Context};
use std::collections::HashSet;
use swc_common::Spanned;
use swc_ecma_ast::*;

/// A function the rewritten calls use, inserted once per file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Helper {
    /// `async function readJson(response)`: request's `json: true` reading of a body.
    ReadJson,
    /// `class StatusCodeError extends Error`: request's rejection of a status outside 2xx.
    StatusCodeError,
}

impl Helper {
    pub fn name(self) -> &'static str {
        match self {
            Helper::ReadJson => "readJson",
            Helper::StatusCodeError => "StatusCodeError",
        }
    }

    const ALL: [Helper; 2] = [Helper::ReadJson, Helper::StatusCodeError];

    /// The helper's text (without a trailing line end) in the file's style.
    fn text(self, style: &HelperStyle) -> String {
        let HelperStyle {
            unit: u,
            quote: q,
            semi: s,
            eol,
        } = style;
        let lines: Vec<String> = match self {
            Helper::ReadJson => vec![
                "// The body as request-promise's `json: true` read it: parsed JSON, or the text itself".into(),
                "// when it is not JSON (undefined when empty).".into(),
                "async function readJson(response) {".into(),
                format!("{u}const text = await response.text(){s}"),
                format!("{u}try {{"),
                format!("{u}{u}return text === {q}{q} ? undefined : JSON.parse(text){s}"),
                format!("{u}}} catch {{"),
                format!("{u}{u}return text{s}"),
                format!("{u}}}"),
                "}".into(),
            ],
            Helper::StatusCodeError => vec![
                "// request-promise's rejection of a response with a status outside 2xx (its `simple` option).".into(),
                "class StatusCodeError extends Error {".into(),
                format!("{u}constructor(statusCode, body) {{"),
                format!("{u}{u}super(`${{statusCode}} - ${{JSON.stringify(body)}}`){s}"),
                format!("{u}{u}this.name = {q}StatusCodeError{q}{s}"),
                format!("{u}{u}this.statusCode = statusCode{s}"),
                format!("{u}{u}this.error = body{s}"),
                format!("{u}}}"),
                "}".into(),
            ],
        };
        lines.join(eol)
    }
}

struct HelperStyle {
    unit: String,
    quote: char,
    semi: &'static str,
    eol: &'static str,
}

fn helper_style(cx: &Context) -> HelperStyle {
    HelperStyle {
        unit: cx.style.indent.clone(),
        quote: cx.style.quote,
        semi: cx.style.semi(),
        eol: cx.style.eol,
    }
}

/// Text with white space, semicolons and quotes left out, to recognise a helper whatever the
/// file's style.
fn normalized(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, ';' | '"' | '\''))
        .collect()
}

/// For each helper the file declares: whether that declaration is the helper (true) or something
/// else with its name (false).
pub fn check_helpers(cx: &Context) -> Vec<(Helper, bool)> {
    let style = helper_style(cx);
    let mut out = Vec::new();
    for helper in Helper::ALL {
        let declared = support::top_statements(&cx.parsed.program)
            .into_iter()
            .find_map(|s| {
                let (ident, span) = match s {
                    Stmt::Decl(Decl::Fn(f)) => (&f.ident, f.function.span),
                    Stmt::Decl(Decl::Class(c)) => (&c.ident, c.class.span),
                    _ => return None,
                };
                (&*ident.sym == helper.name()).then_some(span)
            });
        match declared {
            Some(span) => {
                let text = helper.text(&style);
                let code: String = text
                    .lines()
                    .filter(|l| !l.trim_start().starts_with("//"))
                    .collect::<Vec<_>>()
                    .join("\n");
                out.push((helper, normalized(&code) == normalized(cx.text(span))));
            }
            None if cx.semantic.declares(helper.name()) => out.push((helper, false)),
            None => {}
        }
    }
    out
}

/// Inserts the helpers the file needs and does not have: those `needed` by this pass's
/// rewrites, and those the code names without declaring them (a rewrite of an earlier pass whose
/// helper could not be inserted then); `run_time` is the text of the run-time request helper,
/// which goes after them.
pub fn insert_helpers(cx: &mut Context, needed: &HashSet<Helper>, run_time: Option<String>) {
    let mut wanted: Vec<Helper> = Helper::ALL
        .into_iter()
        .filter(|h| {
            (needed.contains(h) || cx.semantic.mentions(h.name()))
                && !cx.semantic.declares(h.name())
        })
        .collect();
    wanted.sort();
    if wanted.is_empty() && run_time.is_none() {
        return;
    }
    let style = helper_style(cx);
    let eol = style.eol;
    let (line_end, after_line) = helper_position(cx);
    // After a line that is not the last, the helpers go at the start of the next line, where
    // new imports go too: an import another rule adds in this pass stays above them.
    let next_line = (after_line && line_end < cx.source.len())
        .then(|| support::next_line_start(cx.source, line_end));
    let at = next_line.unwrap_or(line_end);
    let texts = wanted.into_iter().map(|h| h.text(&style)).chain(run_time);
    for helper in texts {
        // Each helper is one insertion, the same text whichever rule makes it.
        let text = match (next_line, after_line) {
            (Some(_), _) => format!("{eol}{helper}{eol}"),
            (None, true) => format!("{eol}{eol}{helper}"),
            (None, false) => format!("{helper}{eol}{eol}"),
        };
        cx.insert(at, text);
    }
    // A blank line between the helpers and code right below them (below what this pass
    // removes there, such as the client's declaration).
    if let Some(start) = next_line {
        let mut from = start;
        while let Some(e) = cx.edits.iter().find(|e| {
            e.rule == cx.rule.name && e.start == from && e.end > from && e.text.is_empty()
        }) {
            from = e.end;
        }
        let rest = &cx.source[from..];
        let line = &rest[..rest.find('\n').unwrap_or(rest.len())];
        if !line.trim().is_empty() {
            cx.insert(start, eol);
        }
    }
}

/// Where helpers go: after the line of the last top-level import or `require` among the setup
/// lines the file starts with (imports, requires, toolbelt clients; so that markers
/// other rules put above the first statement stay with it), or, in a file without one, before the
/// first statement and the comment lines right above it. The flag says whether the helpers follow
/// a line (so they start with a line end).
fn helper_position(cx: &Context) -> (usize, bool) {
    fn require_decl(stmt: &Stmt) -> bool {
        match stmt {
            Stmt::Decl(Decl::Var(v)) => v.decls.iter().all(|d| {
                d.init.as_deref().is_some_and(|init| {
                    let mut e = init;
                    while let Expr::Member(m) = e {
                        e = &m.obj;
                    }
                    support::require_call(e).is_some()
                })
            }),
            _ => false,
        }
    }
    // A toolbelt client made at load (`const httpClient = Toolbelt.HTTPClient();`): setup that
    // uses no helper, often among the requires.
    let client_decl = |stmt: &Stmt| match stmt {
        Stmt::Decl(Decl::Var(v)) => v.decls.iter().all(|d| {
            d.init
                .as_deref()
                .is_some_and(|init| cx.facts.toolbelt.call(init).is_some())
        }),
        _ => false,
    };
    // Each top-level item: an import or `require` (true), a client (false), or code (None).
    let setup = |s: &Stmt| {
        if require_decl(s) {
            Some(true)
        } else if client_decl(s) {
            Some(false)
        } else {
            None
        }
    };
    let spans: Vec<(swc_common::Span, Option<bool>)> = match &cx.parsed.program {
        Program::Module(m) => m
            .body
            .iter()
            .map(|i| {
                let kind = match i {
                    ModuleItem::ModuleDecl(ModuleDecl::Import(_)) => Some(true),
                    ModuleItem::Stmt(s) => setup(s),
                    _ => None,
                };
                (i.span(), kind)
            })
            .collect(),
        Program::Script(s) => s.body.iter().map(|s| (s.span(), setup(s))).collect(),
    };
    // After the last import or `require` of the setup lines the file starts with.
    let last_import = spans
        .iter()
        .take_while(|(_, kind)| kind.is_some())
        .filter(|(_, kind)| *kind == Some(true))
        .last();
    if let Some((span, _)) = last_import {
        let end = cx.range(*span).end;
        return (support::line_end(cx.source, end), true);
    }
    let Some((first, _)) = spans.first() else {
        return (cx.source.len(), false);
    };
    let mut at = support::line_start(cx.source, cx.range(*first).start);
    while at > 0 {
        let prev = support::line_start(cx.source, at - 1);
        let line = cx.source[prev..at].trim();
        if line.starts_with("//") || line.starts_with("/*") || line.starts_with('*') {
            at = prev;
        } else {
            break;
        }
    }
    (at, false)
}
