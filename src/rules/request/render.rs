//! The text of a rewritten call: the URL, the fetch options, the statements or the expression
//! that read the `Response` as request-promise did, and the two helpers.

use super::forms::{StatementForm, Target};
use super::object::{apply_to, ObjectEditor, Place};
use super::options::{self, OptionProp, Options, Source, Value};
use super::{ClientCall, File, Kind};
use crate::rules::names::Names;
use crate::rules::{support, Context};
use std::collections::HashSet;
use std::ops::Range;
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
pub fn check_helpers(cx: &Context, names: &Names) -> Vec<(Helper, bool)> {
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
            None if names.declarations(helper.name()) > 0 => out.push((helper, false)),
            None => {}
        }
    }
    out
}

/// Inserts the helpers the file needs and does not have: those `needed` by this pass's
/// rewrites, and those the code names without declaring them (a rewrite of an earlier pass whose
/// helper could not be inserted then).
pub fn insert_helpers(cx: &mut Context, names: &Names, needed: &HashSet<Helper>) {
    let mut wanted: Vec<Helper> = Helper::ALL
        .into_iter()
        .filter(|h| {
            (needed.contains(h) || names.used(h.name())) && names.declarations(h.name()) == 0
        })
        .collect();
    wanted.sort();
    if wanted.is_empty() {
        return;
    }
    let style = helper_style(cx);
    let eol = style.eol;
    let (at, after_line) = helper_position(cx);
    for helper in wanted {
        // Each helper is one insertion, the same text whichever rule makes it.
        let text = if after_line {
            format!("{eol}{eol}{}", helper.text(&style))
        } else {
            format!("{}{eol}{eol}", helper.text(&style))
        };
        cx.insert(at, text);
    }
    // A blank line between the helpers and code right below them.
    let rest = &cx.source[at..];
    let rest = rest
        .strip_prefix("\r\n")
        .or_else(|| rest.strip_prefix('\n'))
        .unwrap_or(rest);
    let next_line = &rest[..rest.find('\n').unwrap_or(rest.len())];
    if after_line && at < cx.source.len() && !next_line.trim().is_empty() {
        cx.insert(at, eol);
    }
}

/// Where helpers go: after the line of the last top-level import or `require` (so that markers
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
    let spans: Vec<(swc_common::Span, bool)> = match &cx.parsed.program {
        Program::Module(m) => m
            .body
            .iter()
            .map(|i| {
                let preamble = match i {
                    ModuleItem::ModuleDecl(ModuleDecl::Import(_)) => true,
                    ModuleItem::Stmt(s) => require_decl(s),
                    _ => false,
                };
                (i.span(), preamble)
            })
            .collect(),
        Program::Script(s) => s.body.iter().map(|s| (s.span(), require_decl(s))).collect(),
    };
    let leading = spans.iter().take_while(|(_, p)| *p).count();
    if leading > 0 {
        let end = cx.range(spans[leading - 1].0).end;
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

/// A call, read and ready to be written as fetch.
pub struct Plan {
    kind: Kind,
    /// The new text of the call expression (`fetch(url, init)`, `lpClient(service, path, init)`).
    call_text: String,
    json: bool,
    simple: bool,
    full: bool,
    /// The options variable's literal: its range and new text.
    declaration: Option<(Range<usize>, String)>,
    pub reviews: Vec<String>,
    /// The file ends statements with semicolons.
    semi: &'static str,
    quote: char,
}

impl Plan {
    /// Reads a call. `Ok(None)`: an LpClient call without any request-promise option (it may be
    /// V2 code already).
    pub fn new(
        cx: &Context,
        file: &File,
        kind: Kind,
        c: &ClientCall,
        auditlog: Option<(Range<usize>, String)>,
    ) -> Result<Option<Plan>, String> {
        let call = c.call;
        if let Some(member) = file.forms.members.get(&cx.range(call.span)) {
            if !matches!(member.as_str(), "then" | "catch" | "finally") {
                return Err(format!(
                    "the request object's `.{member}` is used, which a fetch promise does not have"
                ));
            }
        }
        let (lead, opts) = super::options_of(file, kind, call)?;
        if kind == Kind::Lp
            && !opts
                .props
                .iter()
                .any(|p| options::REQUEST_ONLY.contains(&p.key.as_str()))
        {
            return Ok(None);
        }
        for p in &opts.props {
            let known = options::KNOWN.contains(&p.key.as_str())
                || (kind == Kind::Lp && p.key == "appKeySecretName");
            if !known {
                return Err(format!(
                    "request-promise option `{}` has no fetch equivalent this tool knows",
                    p.key
                ));
            }
            if kind == Kind::Lp && matches!(p.key.as_str(), "uri" | "url" | "baseUrl") {
                return Err(format!(
                    "the LpClient option `{}` has no V2 equivalent",
                    p.key
                ));
            }
        }
        let json = opts.flag("json", false)?;
        let simple = opts.flag("simple", true)?;
        let full = opts.flag("resolveWithFullResponse", false)?;
        if opts.has("body") && opts.has("form") {
            return Err("the call sets both `body` and `form`".into());
        }
        if kind == Kind::Http && file.names.declarations("fetch") > 0 {
            return Err("the name `fetch` is taken in this file".into());
        }
        for &(helper, is_ours) in file.helpers(cx) {
            let used = match helper {
                Helper::ReadJson => json,
                Helper::StatusCodeError => simple,
            };
            if used && !is_ours {
                return Err(format!(
                    "the name `{}` is taken in this file",
                    helper.name()
                ));
            }
        }
        if let Source::Variable(v) = &opts.source {
            check_variable(cx, file, call, v, &opts)?;
        }

        let quote = cx.style.quote;
        let semi = cx.style.semi();
        let mut plan = Plan {
            kind,
            call_text: String::new(),
            json,
            simple,
            full,
            declaration: None,
            reviews: Vec::new(),
            semi,
            quote,
        };

        // The URL (HTTPClient) or the path (LpClient).
        let (url_expr, url_arg): (&Expr, bool) = match kind {
            Kind::Http => {
                let from_options = opts.get("uri").or_else(|| opts.get("url"));
                match (lead.first(), from_options) {
                    (Some(_), Some(_)) => {
                        return Err("the call gives the URL twice (argument and `uri`)".into())
                    }
                    (Some(url), None) => (*url, true),
                    (None, Some(p)) => match p.value.expr() {
                        Some(e) => (e, false),
                        None => return Err("the URL is a shorthand property".into()),
                    },
                    (None, None) => return Err("the call has no URL".into()),
                }
            }
            Kind::Lp => (lead[1], true),
        };
        let url_text = plan.url(cx, file, url_expr, &opts)?;

        // The fetch options.
        let init = plan.init(cx, file, c, &opts)?;

        // The call itself, edited in place so its layout and comments stay.
        let call_range = cx.range(call.span);
        let mut edits: Vec<(Range<usize>, String)> = Vec::new();
        let callee_range = cx.range(call.callee.span());
        if kind == Kind::Http {
            edits.push((callee_range.clone(), "fetch".into()));
        }
        if let Some((r, v2)) = &auditlog {
            let q = &cx.source[r.start..r.start + 1];
            edits.push((r.clone(), format!("{q}{v2}{q}")));
        }
        let options_arg = match kind {
            Kind::Http if lead.is_empty() => call.args.first(),
            Kind::Http => call.args.get(1),
            Kind::Lp => call.args.get(2),
        }
        .map(|a| cx.range(a.span()));
        let url_range = if url_arg {
            Some(cx.range(url_expr.span()))
        } else {
            None
        };
        match (url_range, options_arg) {
            (Some(url), Some(opt)) => {
                let url_end = url.end;
                edits.push((url, url_text));
                match init {
                    Some(init) => edits.push((opt, init)),
                    // Nothing left of the options: `fetch(url)`.
                    None => edits.push((url_end..opt.end, String::new())),
                }
            }
            (Some(url), None) => {
                let end = url.end;
                edits.push((url, url_text));
                if let Some(init) = init {
                    edits.push((end..end, format!(", {init}")));
                }
            }
            (None, Some(opt)) => {
                let text = match init {
                    Some(init) => format!("{url_text}, {init}"),
                    None => url_text,
                };
                edits.push((opt, text));
            }
            (None, None) => return Err("the call has no URL".into()),
        }
        let base = call_range.start;
        plan.call_text = apply_to(
            &cx.source[call_range.clone()],
            edits
                .into_iter()
                .map(|(r, t)| (r.start - base..r.end - base, t))
                .collect(),
        );
        Ok(Some(plan))
    }

    /// The URL with `baseUrl` and `qs` folded in.
    fn url(
        &mut self,
        cx: &Context,
        file: &File,
        url: &Expr,
        opts: &Options,
    ) -> Result<String, String> {
        let base = opts.get("baseUrl");
        let qs = opts.get("qs");
        if base.is_none() && qs.is_none() {
            return Ok(cx.text(url.span()).to_string());
        }
        let mut parts = Parts::of(cx, &file.vars, url);
        if let Some(base) = base {
            let base_expr = base
                .value
                .expr()
                .ok_or("`baseUrl` is a shorthand property")?;
            let Some(base_value) = options::static_string(base_expr, &file.vars, 0) else {
                return Err("`baseUrl` is not a string known here".into());
            };
            let start = options::string_pieces(url, &file.vars, 0)
                .into_iter()
                .next()
                .flatten()
                .ok_or("with `baseUrl`, the start of the uri is not known here")?;
            if start.starts_with("http://") || start.starts_with("https://") {
                return Err(
                    "`baseUrl` is set but the uri is a whole URL (request-promise rejects that)"
                        .into(),
                );
            }
            let base_slash = base_value.ends_with('/');
            let uri_slash = start.starts_with('/');
            let whole_uri_empty = start.is_empty() && parts.0.len() == 1;
            let base_text = match (base_slash, uri_slash) {
                (true, true) => {
                    parts.drop_first_char()?;
                    base_value
                }
                (true, false) | (false, true) => base_value,
                (false, false) if whole_uri_empty => base_value,
                (false, false) => format!("{base_value}/"),
            };
            parts.0.insert(0, Part::Text(base_text));
        }
        if let Some(qs) = qs {
            let pieces = options::string_pieces(url, &file.vars, 0);
            let has_query = pieces.iter().flatten().any(|p| p.contains('?'));
            if base.is_none() && pieces.iter().all(|p| p.is_none()) {
                self.reviews.push(format!(
                    "`qs` is appended to `{}` with `?`: if that URL can carry a query string of its own, join with `&` instead",
                    cx.text(url.span())
                ));
            }
            let qs_text = super::value_text(cx.source, &qs.value_range);
            let scalar_values = match qs.value.expr() {
                Some(Expr::Object(o)) => o.props.iter().all(|p| match p {
                    PropOrSpread::Prop(p) => match p.as_ref() {
                        Prop::KeyValue(kv) => super::scalar(Some(&kv.value)),
                        _ => false,
                    },
                    PropOrSpread::Spread(_) => false,
                }),
                _ => false,
            };
            if !scalar_values {
                self.reviews.push(QS_REVIEW.replace("{option}", "qs"));
            }
            parts
                .0
                .push(Part::Text(if has_query { "&" } else { "?" }.to_string()));
            parts
                .0
                .push(Part::Code(format!("new URLSearchParams({qs_text})")));
        }
        Ok(parts.render(self.quote))
    }

    /// The fetch options: `None` when there are none.
    fn init(
        &mut self,
        cx: &Context,
        file: &File,
        c: &ClientCall,
        opts: &Options,
    ) -> Result<Option<String>, String> {
        let eol = cx.style.eol;
        let literal = match &opts.source {
            Source::Inline(o) => Some(*o),
            Source::Variable(v) => Some(v.literal),
            Source::None => None,
        };
        let mut editor = match literal {
            Some(o) => {
                ObjectEditor::new(cx.source, cx.range(o.span), opts.literal_props.clone(), eol)
            }
            None => ObjectEditor::new("{}", 0..2, Vec::new(), eol),
        };
        for i in &opts.dropped {
            editor.remove(*i);
        }
        let q = self.quote;
        let has_form = opts.has("form");
        let user_headers = opts.get("headers");
        // Headers request-promise added.
        let mut added_headers: Vec<(String, String)> = Vec::new();
        let header_names: Option<Vec<String>> = match user_headers.map(|h| h.value) {
            None => Some(Vec::new()),
            Some(Value::Expr(Expr::Object(o))) => super::static_keys(o),
            Some(_) => None,
        };
        let user_has = |name: &str| {
            header_names
                .as_ref()
                .is_some_and(|names| names.iter().any(|n| n.eq_ignore_ascii_case(name)))
        };
        if self.json && opts.has("body") && !has_form && !user_has("content-type") {
            added_headers.push((
                format!("{q}Content-Type{q}"),
                format!("{q}application/json{q}"),
            ));
        }
        if self.json && self.kind == Kind::Http && !user_has("accept") {
            added_headers.push(("Accept".into(), format!("{q}application/json{q}")));
        }

        let method_index = opts.props.iter().position(|p| p.key == "method");
        let mut spread_texts: Vec<(usize, String)> = Vec::new();
        for (pi, p) in opts.props.iter().enumerate() {
            let edits = self.prop_edits(cx, file, c, p, &added_headers, header_names.is_none())?;
            match (p.index, edits) {
                (Some(i), None) => editor.remove(i),
                (Some(_), Some(edits)) => {
                    for (r, t) in edits {
                        editor.change(r, t);
                    }
                }
                (None, None) => {}
                (None, Some(edits)) => {
                    let base = p.range.start;
                    let text = apply_to(
                        &cx.source[p.range.clone()],
                        edits
                            .into_iter()
                            .map(|(r, t)| (r.start - base..r.end - base, t))
                            .collect(),
                    );
                    // A property without an index comes from a spread.
                    let at = opts
                        .spreads
                        .iter()
                        .find(|(_, brought)| brought.contains(&pi))
                        .map(|(i, _)| *i)
                        .ok_or("an option spread into the call is not found")?;
                    spread_texts.push((at, text));
                }
            }
        }
        for (at, text) in spread_texts {
            editor.add(Place::After(at), text);
        }
        if let (Some(method), None) = (c.shorthand.filter(|m| *m != "GET"), method_index) {
            editor.add(Place::Start, format!("method: {q}{method}{q}"));
        }
        if user_headers.is_none() && !added_headers.is_empty() {
            let text = format!(
                "headers: {{ {} }}",
                added_headers
                    .iter()
                    .map(|(k, v)| format!("{k}: {v}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            let place = match method_index.map(|i| &opts.props[i]) {
                Some(p) => match p.index {
                    Some(i) => Place::After(i),
                    None => Place::Start,
                },
                None if c.shorthand.is_some() => Place::Start,
                None => Place::Start,
            };
            // After the shorthand's `method`, which is also at the start.
            editor.add(place, text);
        }
        if opts.has("timeout") {
            self.reviews.push(TIMEOUT_REVIEW.to_string());
        }
        if has_form {
            let scalar_values = match opts.get("form").and_then(|f| f.value.expr()) {
                Some(Expr::Object(o)) => o.props.iter().all(|p| match p {
                    PropOrSpread::Prop(p) => match p.as_ref() {
                        Prop::KeyValue(kv) => super::scalar(Some(&kv.value)),
                        _ => false,
                    },
                    PropOrSpread::Spread(_) => false,
                }),
                _ => false,
            };
            if !scalar_values {
                self.reviews.push(QS_REVIEW.replace("{option}", "form"));
            }
        }

        let rendered = editor
            .render()
            .ok_or("a comment between the options would be lost")?;
        match &opts.source {
            Source::Variable(v) => {
                self.declaration = Some((cx.range(v.literal.span), rendered));
                Ok(Some(v.name.clone()))
            }
            _ if editor.len() == 0 => Ok(match self.kind {
                Kind::Http => None,
                Kind::Lp => Some("{}".into()),
            }),
            _ => Ok(Some(rendered)),
        }
    }

    /// The edits that turn one option into its fetch form; `None` when the option goes.
    fn prop_edits(
        &mut self,
        cx: &Context,
        _file: &File,
        c: &ClientCall,
        p: &OptionProp,
        added_headers: &[(String, String)],
        headers_unknown: bool,
    ) -> Result<Option<TextEdits>, String> {
        let q = self.quote;
        let value = super::value_text(cx.source, &p.value_range).to_string();
        // `{ body }` has no separate key and value: the whole property is rewritten.
        let rewrite = |key: &str, pre: &str, post: &str| -> Vec<(Range<usize>, String)> {
            match p.value {
                Value::Shorthand(_) => {
                    vec![(p.range.clone(), format!("{key}: {pre}{value}{post}"))]
                }
                Value::Expr(_) => {
                    let mut edits = vec![
                        (p.value_range.start..p.value_range.start, pre.to_string()),
                        (p.value_range.end..p.value_range.end, post.to_string()),
                    ];
                    if key != p.key {
                        edits.push((p.key_range.clone(), key.to_string()));
                    }
                    edits
                }
            }
        };
        Ok(match p.key.as_str() {
            "uri" | "url" | "baseUrl" | "qs" | "json" | "simple" | "resolveWithFullResponse" => {
                None
            }
            "method" => match (c.shorthand, p.value.expr()) {
                (Some(method), _) => Some(vec![(p.value_range.clone(), format!("{q}{method}{q}"))]),
                (None, Some(Expr::Lit(Lit::Str(s)))) => {
                    let v = s.value.as_atom().map(|a| a.to_string()).unwrap_or_default();
                    if v != v.to_uppercase() {
                        let quote = &cx.source[p.value_range.start..p.value_range.start + 1];
                        Some(vec![(
                            p.value_range.clone(),
                            format!("{quote}{}{quote}", v.to_uppercase()),
                        )])
                    } else {
                        Some(vec![])
                    }
                }
                _ => Some(vec![]),
            },
            "body" if self.json => Some(rewrite("body", "JSON.stringify(", ")")),
            "body" => Some(vec![]),
            "form" => Some(rewrite("body", "new URLSearchParams(", ")")),
            "timeout" => Some(rewrite("signal", "AbortSignal.timeout(", ")")),
            "headers" if added_headers.is_empty() => Some(vec![]),
            "headers" => {
                let adds: Vec<String> = added_headers
                    .iter()
                    .map(|(k, v)| format!("{k}: {v}"))
                    .collect();
                match p.value.expr() {
                    Some(Expr::Object(o)) => {
                        let props: Vec<Range<usize>> =
                            o.props.iter().map(|x| cx.range(x.span())).collect();
                        let mut editor =
                            ObjectEditor::new(cx.source, cx.range(o.span), props, cx.style.eol);
                        let place = if headers_unknown {
                            Place::Start
                        } else {
                            Place::End
                        };
                        for a in adds {
                            editor.add(place, a);
                        }
                        let text = editor
                            .render()
                            .ok_or("a comment between the headers would be lost")?;
                        Some(vec![(p.value_range.clone(), text)])
                    }
                    _ => {
                        self.reviews.push(format!(
                            "request-promise added {} unless `{value}` already named them in any letter case; they now come first, so a header of the same name in another letter case would be sent twice",
                            added_headers.iter().map(|(k, _)| format!("`{}`", k.trim_matches(q))).collect::<Vec<_>>().join(" and ")
                        ));
                        let key = if matches!(p.value, Value::Shorthand(_)) {
                            "headers: "
                        } else {
                            ""
                        };
                        let target = if key.is_empty() {
                            p.value_range.clone()
                        } else {
                            p.range.clone()
                        };
                        Some(vec![(
                            target,
                            format!("{key}{{ {}, ...{value} }}", adds.join(", ")),
                        )])
                    }
                }
            }
            _ => Some(vec![]),
        })
    }

    /// The expression that reads the body: `await readJson(response)` or `await response.text()`.
    fn read(&self, response: &str) -> String {
        if self.json {
            format!("await readJson({response})")
        } else {
            format!("await {response}.text()")
        }
    }

    /// What the call resolved with in V1, one line or an object over several.
    fn value(&self, response: &str, indent: &str, unit: &str, eol: &str) -> String {
        if self.full {
            format!(
                "{{{eol}{indent}{unit}statusCode: {response}.status,{eol}{indent}{unit}headers: Object.fromEntries({response}.headers),{eol}{indent}{unit}body: {},{eol}{indent}}}",
                self.read(response)
            )
        } else {
            self.read(response)
        }
    }

    fn status_check(&self, response: &str) -> String {
        format!(
            "if (!{response}.ok) throw new StatusCodeError({response}.status, {}){}",
            self.read(response),
            self.semi
        )
    }

    /// Whether the statements name the `Response` (not for an unchecked call whose result is
    /// unused).
    pub fn names_response(&self, form: &StatementForm) -> bool {
        self.simple || !matches!(form.target, Target::Discard)
    }

    /// The call (at `call`) as statements in place of `form`'s statement.
    pub fn statement(
        &self,
        cx: &Context,
        form: &StatementForm,
        call: &Range<usize>,
        response: &str,
    ) -> (Range<usize>, String) {
        let indent = cx.indent_at(form.stmt.start);
        let unit = cx.style.indent.clone();
        let eol = cx.style.eol;
        let s = self.semi;
        let mut lines: Vec<String> = Vec::new();
        let discard = matches!(form.target, Target::Discard);
        if discard && !self.simple {
            lines.push(format!("await {}{s}", self.call_text));
        } else {
            lines.push(format!("const {response} = await {}{s}", self.call_text));
        }
        if self.simple {
            lines.push(self.status_check(response));
        }
        let value = self.value(response, indent, &unit, eol);
        let mut kept = vec![call.clone()];
        match &form.target {
            Target::Declare { keyword, pattern } => {
                lines.push(format!(
                    "{keyword} {} = {value}{s}",
                    &cx.source[pattern.clone()]
                ));
                kept.push(pattern.clone());
            }
            Target::Assign { target } => {
                lines.push(format!("{} = {value}{s}", &cx.source[target.clone()]));
                kept.push(target.clone());
            }
            Target::Return => {
                // Inside a `try`, the body is awaited so that its failure meets the `catch`.
                let value = match form.in_try {
                    true => value.as_str(),
                    false => value.strip_prefix("await ").unwrap_or(&value),
                };
                lines.push(format!("return {value}{s}"));
            }
            Target::Discard => {}
        }
        let mut text = String::new();
        for comment in lost_comments(cx.source, &form.stmt, &kept) {
            text.push_str(&comment);
            text.push_str(eol);
            text.push_str(indent);
        }
        text.push_str(&lines.join(&format!("{eol}{indent}")));
        (form.stmt.clone(), text)
    }

    /// The call as one expression in place of the call's range.
    pub fn expression(&self, cx: &Context, range: Range<usize>) -> (Range<usize>, String) {
        let indent = cx.indent_at(range.start);
        let unit = cx.style.indent.clone();
        let eol = cx.style.eol;
        let s = self.semi;
        let call = &self.call_text;
        let then = if self.simple {
            let value = self.value("response", &format!("{indent}{unit}"), &unit, eol);
            let value = value.strip_prefix("await ").unwrap_or(&value);
            format!(
                "async (response) => {{{eol}{indent}{unit}{}{eol}{indent}{unit}return {value}{s}{eol}{indent}}}",
                self.status_check("response")
            )
        } else if self.full {
            format!(
                "async (response) => ({})",
                self.value("response", indent, &unit, eol)
            )
        } else if self.json {
            "readJson".to_string()
        } else {
            "(response) => response.text()".to_string()
        };
        (range, format!("{call}.then({then})"))
    }

    /// The helpers the rewrite uses.
    pub fn helpers(&self, target: Option<&Target>) -> Vec<Helper> {
        let discard = matches!(target, Some(Target::Discard));
        let mut out = Vec::new();
        if self.json && (self.simple || !discard) {
            out.push(Helper::ReadJson);
        }
        if self.simple {
            out.push(Helper::StatusCodeError);
        }
        out
    }

    /// Joins the call's edit with the edit of its options variable, so both are made together.
    pub fn merge_declaration(
        &self,
        cx: &Context,
        (range, text): (Range<usize>, String),
    ) -> Result<(Range<usize>, String), String> {
        match &self.declaration {
            None => Ok((range, text)),
            Some((literal, literal_text)) => {
                if literal.end > range.start {
                    return Err("the options variable is declared after the call".into());
                }
                Ok((
                    literal.start..range.end,
                    format!(
                        "{literal_text}{}{text}",
                        &cx.source[literal.end..range.start]
                    ),
                ))
            }
        }
    }
}

/// Replacements of ranges of the source.
type TextEdits = Vec<(Range<usize>, String)>;

const TIMEOUT_REVIEW: &str = "`timeout` becomes `signal: AbortSignal.timeout(ms)`: request's timeout bounded the connection and each wait for data and failed with an `ETIMEDOUT`/`ESOCKETTIMEDOUT` error (`err.error.code`); fetch's bounds the whole request and fails with a `TimeoutError` (`err.name`): check code that tells a timeout apart";

const QS_REVIEW: &str = "`{option}` becomes `URLSearchParams`, which sends `undefined`, `null`, arrays and objects differently (request left out `undefined`, sent `null` empty and arrays as `key[0]=…`): check that these values are strings, numbers or booleans";

/// Checks that an options variable can be rewritten where it is declared.
fn check_variable(
    cx: &Context,
    file: &File,
    call: &CallExpr,
    v: &options::Variable,
    opts: &Options,
) -> Result<(), String> {
    let call_start = cx.range(call.span).start;
    let arg = call
        .args
        .iter()
        .map(|a| cx.range(a.expr.span()))
        .find(|r| &cx.source[r.clone()] == v.name.as_str());
    if v.stmt.end > call_start {
        return Err(format!(
            "the options `{}` are declared after the call",
            v.name
        ));
    }
    for r in file.semantic.references_of(v.binding) {
        let r = &cx.range(r.span);
        if Some(r) == arg.as_ref() {
            continue;
        }
        let after = &cx.source[r.end..];
        let header_write = (after.starts_with(".headers[") || after.starts_with(".headers."))
            && file
                .mutations
                .iter()
                .any(|(n, at)| *n == v.name && *at == r.start)
            && r.start > v.stmt.end
            && r.start < call_start;
        if !header_write {
            return Err(format!(
                "the options `{}` are changed or used elsewhere, so they are not known here",
                v.name
            ));
        }
    }
    let same_function =
        file.scopes.function_at(v.stmt.start) == file.scopes.function_at(call_start);
    if !same_function {
        return Err(format!(
            "the options `{}` are declared in another function",
            v.name
        ));
    }
    // Values read at a different time than in V1: moved to the call (`uri`, `baseUrl`, `qs`) or
    // now computed where the options are declared (`body`, `form`).
    for p in &opts.props {
        let moved = matches!(
            p.key.as_str(),
            "uri" | "url" | "baseUrl" | "qs" | "body" | "form"
        );
        if !moved {
            continue;
        }
        let mut idents = Vec::new();
        match p.value {
            Value::Shorthand(i) => idents.push(i.sym.to_string()),
            Value::Expr(e) => collect_idents(e, &mut idents),
        }
        for name in idents {
            let changed = file.mutations.iter().any(|(n, at)| {
                *n == name && *at >= v.stmt.end && *at < call_start && name != v.name
            });
            if changed {
                return Err(format!(
                    "`{}` of the options `{}` reads `{name}`, which may change before the call",
                    p.key, v.name
                ));
            }
        }
    }
    if opts.has("timeout") {
        // The code run between the declaration and the call (an `await` right before the call
        // awaits the call itself).
        let between = cx.source[v.stmt.end..call_start].trim_end();
        let between = between.strip_suffix("await").unwrap_or(between);
        let in_loop = file.forms.loops.iter().any(|l| {
            l.start <= call_start
                && call_start < l.end
                && !(l.start <= v.stmt.start && v.stmt.start < l.end)
        });
        if between.contains("await") || in_loop {
            return Err(format!(
                "the options `{}` set `timeout`, but the call is not made right after they are declared",
                v.name
            ));
        }
    }
    Ok(())
}

fn collect_idents(expr: &Expr, out: &mut Vec<String>) {
    use swc_ecma_visit::{Visit, VisitWith};
    struct Collect<'o>(&'o mut Vec<String>);
    impl Visit for Collect<'_> {
        fn visit_ident(&mut self, i: &Ident) {
            self.0.push(i.sym.to_string());
        }
        fn visit_member_prop(&mut self, p: &MemberProp) {
            if let MemberProp::Computed(c) = p {
                c.visit_with(self);
            }
        }
        fn visit_prop_name(&mut self, p: &PropName) {
            if let PropName::Computed(c) = p {
                c.visit_with(self);
            }
        }
    }
    expr.visit_with(&mut Collect(out));
}

/// The comments in `outer` outside the `kept` ranges: a rewrite that replaces `outer` and keeps
/// only those ranges' text would drop them. Only code tokens stand outside the kept ranges (no
/// strings), so a `//` or `/*` there starts a comment.
fn lost_comments(source: &str, outer: &Range<usize>, kept: &[Range<usize>]) -> Vec<String> {
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
struct Parts(Vec<Part>);

enum Part {
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
    fn of(cx: &Context, vars: &options::Vars, expr: &Expr) -> Parts {
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
    fn drop_first_char(&mut self) -> Result<(), String> {
        match self.0.first_mut() {
            Some(Part::Text(t) | Part::Raw(t)) if t.starts_with('/') => {
                t.remove(0);
                Ok(())
            }
            _ => Err("with `baseUrl`, the start of the uri is not known here".into()),
        }
    }

    fn render(&self, quote: char) -> String {
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

fn string_literal(text: &str, quote: char) -> String {
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
