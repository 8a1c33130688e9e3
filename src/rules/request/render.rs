//! The text of a rewritten call: the URL, the fetch options, the statements or the expression
//! that read the `Response` as request-promise did, and the two helpers.

mod helpers;
mod output;
mod text;
mod variable;

use super::credentials::{self, Scan};
use super::object::{apply_to, ObjectEditor, Place};
use super::options::{self, OptionProp, Options, Source, Value};
use super::{ClientCall, File, Kind, Refusal};
use crate::rules::Context;
pub use helpers::{check_helpers, insert_helpers, Helper};
use std::ops::Range;
use swc_common::Spanned;
use swc_ecma_ast::*;
use text::{Part, Parts};
use variable::check_variable;

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
    /// Credentials the URL carried (`user:password`, decoded), now sent as an `Authorization`
    /// header.
    authorization: Option<String>,
    /// Credentials to take out of the string constant the URL starts with: its binding and the
    /// range of `user:password@` (taken out once every use of the constant is rewritten).
    pub constant_edit: Option<(crate::semantic::BindingId, Range<usize>)>,
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
    ) -> Result<Option<Plan>, Refusal> {
        let call = c.call;
        if let Some(member) = file.forms.members.get(&cx.range(call.span)) {
            if !matches!(member.as_str(), "then" | "catch" | "finally") {
                return Err(format!(
                    "the request object's `.{member}` is used, which a fetch promise does not have"
                )
                .into());
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
                )
                .into());
            }
            if kind == Kind::Lp && matches!(p.key.as_str(), "uri" | "url" | "baseUrl") {
                return Err(format!("the LpClient option `{}` has no V2 equivalent", p.key).into());
            }
        }
        let json = opts.flag("json", false).map_err(Refusal::run_time)?;
        let simple = opts.flag("simple", true).map_err(Refusal::run_time)?;
        let full = opts
            .flag("resolveWithFullResponse", false)
            .map_err(Refusal::run_time)?;
        if opts.has("body") && opts.has("form") {
            return Err("the call sets both `body` and `form`".into());
        }
        if kind == Kind::Http && file.semantic.declares("fetch") {
            return Err("the name `fetch` is taken in this file".into());
        }
        for &(helper, is_ours) in file.helpers(cx) {
            let used = match helper {
                Helper::ReadJson => json,
                Helper::StatusCodeError => simple,
            };
            if used && !is_ours {
                return Err(format!("the name `{}` is taken in this file", helper.name()).into());
            }
        }
        if let Source::Variable(v) = &opts.source {
            check_variable(cx, file, call, v, &opts).map_err(Refusal::run_time)?;
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
            authorization: None,
            constant_edit: None,
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
                        None => return Err(Refusal::run_time("the URL is a shorthand property")),
                    },
                    (None, None) => return Err("the call has no URL".into()),
                }
            }
            Kind::Lp => (lead[1], true),
        };
        let url_text = plan.url(cx, file, url_expr, &opts)?;
        if let (Some(_), Source::Variable(v)) = (&plan.authorization, &opts.source) {
            // Its headers may be set after it is declared, in another letter case than the
            // `Authorization` added here: request then sent no credentials.
            if file.semantic.references_of(v.binding).count() > 1 {
                return Err(Refusal::run_time(format!(
                    "the URL has credentials and the headers of `{}` are set before the call",
                    v.name
                )));
            }
        }

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
    ) -> Result<String, Refusal> {
        let base = opts.get("baseUrl");
        let qs = opts.get("qs");
        let user_info = match (self.kind, base) {
            (Kind::Http, None) => self.credentials(cx, file, url)?,
            _ => None,
        };
        if base.is_none() && qs.is_none() {
            let range = cx.range(url.span());
            let mut text = cx.text(url.span()).to_string();
            if let Some(r) = user_info {
                text.replace_range(r.start - range.start..r.end - range.start, "");
            }
            return Ok(text);
        }
        let mut parts = Parts::of(cx, &file.vars, url);
        if let Some(r) = user_info {
            parts.strip_user_info(&cx.source[r])?;
        }
        if let Some(base) = base {
            let base_expr = base
                .value
                .expr()
                .ok_or(Refusal::run_time("`baseUrl` is a shorthand property"))?;
            let Some(mut base_value) = options::static_string(base_expr, &file.vars, 0) else {
                return Err(Refusal::run_time("`baseUrl` is not a string known here"));
            };
            if let Scan::Known(info) = credentials::scan(&[Some(base_value.clone())]) {
                self.authorization = Some(credentials::decoded(&info).ok_or(format!(
                    "the credentials `{info}@` of `baseUrl` are escaped in a way this tool does not decode as request did"
                ))?);
                base_value = base_value.replacen(&format!("{info}@"), "", 1);
            }
            let start = options::string_pieces(url, &file.vars, 0)
                .into_iter()
                .next()
                .flatten()
                .ok_or(Refusal::run_time(
                    "with `baseUrl`, the start of the uri is not known here",
                ))?;
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

    /// Credentials in the URL: the header they become, and where they are written at the call
    /// (the range of `user:password@` to take out); those in a string constant the URL starts
    /// with are taken out there, with the call's edit.
    fn credentials(
        &mut self,
        cx: &Context,
        file: &File,
        url: &Expr,
    ) -> Result<Option<Range<usize>>, Refusal> {
        let info = match credentials::scan(&options::string_pieces(url, &file.vars, 0)) {
            Scan::None => return Ok(None),
            Scan::RunTime => {
                return Err(Refusal::run_time(
                    "the URL's credentials (`user:password@`) are only known at run time",
                ))
            }
            Scan::Known(info) => info,
        };
        let decoded = credentials::decoded(&info).ok_or(format!(
            "the URL's credentials `{info}@` are escaped in a way this tool does not decode as request did; fetch refuses a URL with credentials: send them as an `Authorization` header"
        ))?;
        let place = credentials::place(cx.source, cx.parsed, &file.vars, url, &info).ok_or(
            "the URL carries credentials (`user:password@`) written in a way this tool cannot take out of it; fetch refuses such a URL: send them as an `Authorization` header",
        )?;
        self.authorization = Some(decoded);
        match place {
            credentials::Place::AtCall(range) => Ok(Some(range)),
            credentials::Place::Constant(binding, range) => {
                self.constant_edit = Some((binding, range));
                Ok(None)
            }
        }
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
        // request sent the URL's credentials unless the headers had an `Authorization`.
        if let Some(user_pass) = self
            .authorization
            .as_deref()
            .filter(|_| !user_has("authorization"))
        {
            added_headers.push((
                "Authorization".into(),
                format!(
                    "{q}Basic {q} + Buffer.from({}).toString({q}base64{q})",
                    text::string_literal(user_pass, q)
                ),
            ));
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
}

/// Replacements of ranges of the source.
type TextEdits = Vec<(Range<usize>, String)>;

const TIMEOUT_REVIEW: &str = "`timeout` becomes `signal: AbortSignal.timeout(ms)`: request's timeout bounded the connection and each wait for data and failed with an `ETIMEDOUT`/`ESOCKETTIMEDOUT` error (`err.error.code`); fetch's bounds the whole request and fails with a `TimeoutError` (`err.name`): check code that tells a timeout apart";

const QS_REVIEW: &str = "`{option}` becomes `URLSearchParams`, which sends `undefined`, `null`, arrays and objects differently (request left out `undefined`, sent `null` empty and arrays as `key[0]=…`): check that these values are strings, numbers or booleans";
