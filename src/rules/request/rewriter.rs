//! The walk that finds the clients' calls and rewrites each one.

use super::forms::{Target, ThenUse};
use super::{client_call, render, run_time, ClientCall, File, Helper, Kind};
use crate::rules::support;
use crate::rules::Context;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use swc_common::Spanned;
use swc_ecma_ast::*;
use swc_ecma_visit::{Visit, VisitWith};

pub(super) struct Rewriter<'c, 'a, 'f> {
    pub(super) cx: &'c mut Context<'a>,
    pub(super) file: &'f File<'a>,
    pub(super) kind: Kind,
    /// Identifier uses of client names that are accounted for (callees, arguments to followed
    /// parameters).
    pub(super) accounted: HashSet<Range<usize>>,
    /// Every identifier use of a client name.
    pub(super) uses: Vec<(String, Range<usize>)>,
    pub(super) needed: &'f mut HashSet<Helper>,
    /// The ranges this pass rewrites.
    pub(super) edited: Vec<Range<usize>>,
    /// Client names with a use that could not be rewritten.
    pub(super) marked: HashSet<String>,
    /// The run-time helper's name and whether the file declares it, once asked.
    pub(super) run_time_helper: Option<Result<(String, bool), String>>,
    /// Whether a call of this pass goes through the run-time helper.
    pub(super) run_time_used: bool,
    /// String constants holding credentials that URLs of this pass start with.
    pub(super) constants: HashMap<crate::semantic::BindingId, CredentialConstant>,
}

/// A call's rewrite, ready to be made.
struct Rewrite {
    span: swc_common::Span,
    client: String,
    edit: (Range<usize>, String),
    helpers: Vec<Helper>,
    reviews: Vec<String>,
}

/// A string constant holding credentials, and the rewritten calls whose URL starts with it.
#[derive(Default)]
pub(super) struct CredentialConstant {
    /// The range of `user:password@` in its literal.
    user_info: Range<usize>,
    calls: Vec<Rewrite>,
    /// A call whose URL starts with it waits for the next pass.
    deferred: bool,
}

impl Rewriter<'_, '_, '_> {
    fn process(&mut self, c: &ClientCall) {
        let call = c.call;
        let range = self.cx.range(call.span);
        let client_ident = match call.callee.as_expr().map(|c| &**c) {
            Some(Expr::Ident(i)) => i,
            Some(Expr::Member(m)) => match m.obj.as_ident() {
                Some(i) => i,
                None => return,
            },
            _ => return,
        };
        self.accounted.insert(self.cx.range(client_ident.span));

        // The service string V1 spelled `auditlog`.
        let auditlog = match (self.kind, call.args.first().map(|a| &*a.expr)) {
            (Kind::Lp, Some(Expr::Lit(Lit::Str(s)))) => {
                let v1 = s.value.as_atom().map(|a| a.to_string());
                crate::tables::request()
                    .lp_service(v1.as_deref().unwrap_or(""))
                    .map(|v2| (self.cx.range(s.span), v2.to_string()))
            }
            _ => None,
        };

        let plan = render::Plan::new(self.cx, self.file, self.kind, c, auditlog.clone());
        let plan = match plan {
            Ok(Some(plan)) => plan,
            Ok(None) => {
                // An LpClient call that may already be V2 code.
                self.lp_without_request_options(c, range.clone());
                if let Some((r, text)) = auditlog {
                    let quote = &self.cx.source[r.start..r.start + 1];
                    self.cx.replace(r, format!("{quote}{text}{quote}"));
                }
                return;
            }
            Err(refusal) => {
                let message = match (refusal.run_time, self.kind) {
                    (true, Kind::Http) => match self.run_time(c, &refusal.message) {
                        Ok(()) => return,
                        Err(message) => message,
                    },
                    _ => refusal.message,
                };
                self.cx
                    .todo(call.span, format!("{message}: {}", self.kind.by_hand()));
                self.marked.insert(client_ident.sym.to_string());
                if let Some((r, text)) = auditlog {
                    let quote = &self.cx.source[r.start..r.start + 1];
                    self.cx.replace(r, format!("{quote}{text}{quote}"));
                }
                return;
            }
        };
        let form = self.file.forms.statements.get(&range).filter(|f| {
            matches!(
                f.target,
                Target::Return | Target::Declare { .. } | Target::Assign { .. } | Target::Discard
            ) && self.file.scopes.await_at(range.start) == support::AwaitAt::Allowed
        });
        let function = self
            .file
            .scopes
            .function_at(range.start)
            .unwrap_or(0..self.cx.source.len());
        // The URL: an LpClient call's second argument (its first names the service).
        let url_arg = match self.kind {
            Kind::Lp => call.args.get(1),
            Kind::Http => call.args.first(),
        };
        let url = url_arg.and_then(|a| url_hint(&a.expr));
        let response = form.map(|f| self.response_name(&function, &f.target, url.as_deref()));
        let edit = match (form, response) {
            (Some(form), Some(response)) => {
                if plan.names_response(form) {
                    self.cx.claim_name(function, &response);
                }
                plan.statement(self.cx, form, &range, &response)
            }
            _ => plan.expression(self.cx, range.clone()),
        };
        let (edit_range, text) = match plan.merge_declaration(self.cx, edit) {
            Ok(e) => e,
            Err(message) => {
                self.cx
                    .todo(call.span, format!("{message}: {}", self.kind.by_hand()));
                self.marked.insert(client_ident.sym.to_string());
                return;
            }
        };
        // A call whose edit would overlap another of this pass (a call in the options of another,
        // or between an options variable and its call) waits for the next pass.
        if !self.free(std::slice::from_ref(&edit_range)) {
            if let Some((binding, _)) = plan.constant_edit {
                self.constants.entry(binding).or_default().deferred = true;
            }
            return;
        }
        self.edited.push(edit_range.clone());
        let rewrite = Rewrite {
            span: call.span,
            client: client_ident.sym.to_string(),
            edit: (edit_range, text),
            helpers: plan.helpers(form.map(|f| &f.target)),
            reviews: plan.reviews,
        };
        match plan.constant_edit {
            // Credentials in a string constant the URL starts with: taken out of it once every
            // use of it is rewritten (see `finish`).
            Some((binding, range)) => {
                let constant = self.constants.entry(binding).or_default();
                constant.user_info = range;
                constant.calls.push(rewrite);
            }
            None => self.apply(rewrite),
        }
    }

    fn apply(&mut self, rewrite: Rewrite) {
        self.needed.extend(rewrite.helpers);
        self.cx.replace(rewrite.edit.0, rewrite.edit.1);
        for review in rewrite.reviews {
            self.cx
                .report(rewrite.span, crate::FixClass::Review, review);
        }
    }

    /// After the walk: the calls whose URL starts with a string constant holding credentials.
    /// When every use of the constant is such a call, rewritten in this pass, the credentials go
    /// from the constant and the calls are rewritten; when a use is something else, each call
    /// gets a marker; when a call waits for the next pass, they all do.
    pub(super) fn finish(&mut self) {
        let mut constants: Vec<_> = std::mem::take(&mut self.constants).into_iter().collect();
        constants.sort_by_key(|(_, c)| c.user_info.start);
        for (binding, constant) in constants {
            if constant.deferred {
                continue;
            }
            let uses = self.file.semantic.references_of(binding).count();
            if uses == constant.calls.len() && self.free(std::slice::from_ref(&constant.user_info))
            {
                self.edited.push(constant.user_info.clone());
                self.cx.replace(constant.user_info, "");
                for rewrite in constant.calls {
                    self.apply(rewrite);
                }
                continue;
            }
            let name = &self.file.semantic.binding(binding).name;
            let message = format!(
                "`{name}` holds a URL with credentials (`user:password@`), which fetch refuses (request sent them as an `Authorization: Basic` header), and is also used where this rule does not rewrite it: {}",
                self.kind.by_hand()
            );
            for rewrite in constant.calls {
                self.cx.todo(rewrite.span, message.clone());
                self.marked.insert(rewrite.client);
            }
        }
    }

    /// Whether none of `ranges` overlaps an edit of this pass.
    fn free(&self, ranges: &[Range<usize>]) -> bool {
        !ranges.iter().any(|e| {
            self.edited
                .iter()
                .any(|r| r.start < e.end.max(e.start + 1) && e.start < r.end.max(r.start + 1))
        })
    }

    /// A call whose options are only known when it runs, or that passes request's callback:
    /// it goes through the run-time helper.
    fn run_time(&mut self, c: &ClientCall, reason: &str) -> Result<(), String> {
        if self.file.semantic.declares("fetch") {
            return Err("the name `fetch` is taken in this file".into());
        }
        for &(helper, is_ours) in self.file.helpers(self.cx) {
            if !is_ours {
                return Err(format!(
                    "the name `{}` is taken in this file",
                    helper.name()
                ));
            }
        }
        let cx: &Context = self.cx;
        let (name, _) = self
            .run_time_helper
            .get_or_insert_with(|| run_time::helper_name(cx))
            .clone()?;
        let (edits, callback) = run_time::call_edits(self.cx, self.file, c, &name)?;
        let ranges: Vec<Range<usize>> = edits.iter().map(|(r, _)| r.clone()).collect();
        if !self.free(&ranges) {
            return Ok(());
        }
        self.edited.extend(ranges);
        for (range, text) in edits {
            self.cx.replace(range, text);
        }
        self.needed
            .extend([Helper::ReadJson, Helper::StatusCodeError]);
        self.run_time_used = true;
        self.cx.report(
            c.call.span,
            crate::FixClass::Review,
            run_time::review(&name, reason, callback),
        );
        Ok(())
    }

    /// A fresh name for the `Response` in `function` that reads well: `response`, else one
    /// named for the variable the result goes to or the URL variable (`ordersResponse` for
    /// `ordersUrl`), else `res` or `fetchResponse`; numbered only when all those are taken.
    fn response_name(&self, function: &Range<usize>, target: &Target, url: Option<&str>) -> String {
        let target_name = match target {
            Target::Declare { pattern, .. } | Target::Assign { target: pattern } => {
                let text = &self.cx.source[pattern.clone()];
                text.chars()
                    .all(|c| c.is_alphanumeric() || c == '_' || c == '$')
                    .then(|| text.to_string())
            }
            _ => None,
        };
        let mut candidates = vec!["response".to_string()];
        if let Some(t) = target_name.filter(|t| {
            let t = t.to_lowercase();
            !matches!(t.as_str(), "res" | "resp") && !t.ends_with("response")
        }) {
            candidates.push(format!("{t}Response"));
        }
        candidates.extend(url.map(|w| format!("{w}Response")));
        candidates.extend(["res".to_string(), "fetchResponse".to_string()]);
        candidates.extend((2..100).map(|i| format!("response{i}")));
        candidates
            .into_iter()
            .find(|n| self.cx.name_free(function, n))
            .unwrap_or_else(|| "response".to_string())
    }

    /// An LpClient call without any request-promise option: V2 code, or V1 code whose result is
    /// text.
    fn lp_without_request_options(&mut self, c: &ClientCall, range: Range<usize>) {
        let file = self.file;
        let source = self.cx.source;
        let response_like = |name: &str, within: &Range<usize>| {
            file.semantic.occurrences_named(name).any(|span| {
                let r = file.parsed.range(span);
                within.start <= r.start
                    && r.end <= within.end
                    && (RESPONSE_MEMBERS.iter().any(|m| {
                        source[r.end..].starts_with(m)
                            && !source[r.end + m.len()..]
                                .starts_with(|c: char| c.is_alphanumeric() || c == '_')
                    }) || source[..r.start].ends_with("readJson("))
            })
        };
        let use_ = match file.forms.statements.get(&range) {
            Some(form) => match &form.target {
                Target::Declare { pattern, .. } => {
                    let name = &source[pattern.clone()];
                    let function = file
                        .scopes
                        .function_at(range.start)
                        .unwrap_or(0..source.len());
                    if response_like(name, &function) {
                        LpUse::Response
                    } else {
                        LpUse::Data
                    }
                }
                Target::Discard => LpUse::Unused,
                _ => LpUse::Data,
            },
            None => match file.forms.thens.get(&range) {
                Some(ThenUse::Named(n)) if n == "readJson" => LpUse::Response,
                Some(ThenUse::Function {
                    param: Some(p),
                    body,
                }) if response_like(p, body) => LpUse::Response,
                _ => LpUse::Data,
            },
        };
        let message = match use_ {
            // Unused: the status outside 2xx V1 rejected on is not checked, but V2 code (and this
            // rule's own rewrite of a `simple: false` call) looks the same.
            LpUse::Response | LpUse::Unused => return,
            LpUse::Data => "without `json: true`, V1's LpClient resolved with the body as text and rejected on a status outside 2xx; V2's resolves with the fetch `Response`: check `response.ok` and read `await response.text()`",
        };
        self.cx.todo(c.call.span, message);
    }
}

/// Members only a fetch `Response` has.
const RESPONSE_MEMBERS: [&str; 8] = [
    ".ok",
    ".status",
    ".statusText",
    ".json(",
    ".text(",
    ".arrayBuffer(",
    ".blob(",
    ".clone(",
];

enum LpUse {
    Response,
    Data,
    Unused,
}

impl Visit for Rewriter<'_, '_, '_> {
    fn visit_call_expr(&mut self, call: &CallExpr) {
        if let Some(c) = client_call(self.file, self.kind, call) {
            self.process(&c);
        } else if let Some(callee) = call.callee.as_expr().and_then(|c| c.as_ident()) {
            // A client passed on to a parameter that receives one at every call.
            for p in &self.file.clients.params {
                if *p.function == *callee.sym {
                    if let Some(arg) = call.args.get(p.index) {
                        self.accounted.insert(self.cx.range(arg.expr.span()));
                    }
                }
            }
        }
        call.visit_children_with(self);
    }

    fn visit_expr(&mut self, expr: &Expr) {
        if let Expr::Ident(i) = expr {
            if self.file.clients.names.contains(&*i.sym) {
                self.uses.push((i.sym.to_string(), self.cx.range(i.span)));
            }
        }
        expr.visit_children_with(self);
    }
}

/// A word for what a request's URL is about: from a URL variable's name (`ordersUrl`), or the
/// last word of a literal URL's path (`…/v3/quotes` → `quotes`, `…/tickets/${id}` → `tickets`).
fn url_hint(expr: &Expr) -> Option<String> {
    match expr {
        Expr::Ident(i) => url_word(&i.sym),
        Expr::Lit(Lit::Str(s)) => path_word(s.value.as_atom()?.as_ref()),
        Expr::Tpl(t) => {
            // Each interpolation stands as a NUL, so a segment holding one is not a word.
            let text: Vec<&str> = t.quasis.iter().map(|q| &*q.raw).collect();
            path_word(&text.join("\0"))
        }
        _ => None,
    }
}

/// The last segment of a URL's path that is a word (not a version such as `v2`, a number, or
/// a segment built at run time), in camel case.
fn path_word(url: &str) -> Option<String> {
    let after_host = match url.find("://") {
        Some(i) => &url[i + 3..],
        None => url,
    };
    let path = after_host.find('/').map_or("", |i| &after_host[i..]);
    let path = path.split(['?', '#']).next().unwrap_or("");
    let segment = path.split('/').rev().find(|s| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            && s.chars().any(|c| c.is_ascii_alphabetic())
            && !(s.starts_with('v') && s[1..].chars().all(|c| c.is_ascii_digit()))
            && s.starts_with(|c: char| c.is_ascii_alphabetic())
    })?;
    let mut word = String::new();
    for (i, part) in segment
        .split(['-', '_'])
        .filter(|p| !p.is_empty())
        .enumerate()
    {
        let mut chars = part.chars();
        let first = chars.next()?;
        word.push(if i == 0 {
            first.to_ascii_lowercase()
        } else {
            first.to_ascii_uppercase()
        });
        word.extend(chars);
    }
    Some(word)
}

/// What a URL variable names: `orders` for `ordersUrl`, `shopify` for `shopifyURL`, `api` for
/// `API_URL`; `None` for a name that does not end like a URL's.
fn url_word(name: &str) -> Option<String> {
    let stem = ["URL", "Url", "URI", "Uri", "Endpoint", "ENDPOINT"]
        .iter()
        .find_map(|suffix| name.strip_suffix(suffix))?
        .trim_end_matches('_');
    if stem.is_empty() || !stem.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return None;
    }
    if stem.chars().all(|c| !c.is_ascii_lowercase()) {
        // SCREAMING_CASE: `API_BASE` → `apiBase`.
        let mut word = String::new();
        for (i, part) in stem.split('_').filter(|p| !p.is_empty()).enumerate() {
            let lower = part.to_ascii_lowercase();
            if i == 0 {
                word.push_str(&lower);
            } else {
                let mut chars = lower.chars();
                word.extend(chars.next().map(|c| c.to_ascii_uppercase()));
                word.extend(chars);
            }
        }
        return (!word.is_empty()).then_some(word);
    }
    let mut chars = stem.chars();
    let first = chars.next()?.to_ascii_lowercase();
    Some(std::iter::once(first).chain(chars).collect())
}

#[cfg(test)]
mod tests {
    use super::url_word;

    #[test]
    fn url_words() {
        assert_eq!(url_word("shopifyURL").as_deref(), Some("shopify"));
        assert_eq!(url_word("ordersUrl").as_deref(), Some("orders"));
        assert_eq!(url_word("API_URL").as_deref(), Some("api"));
        assert_eq!(url_word("AUTH_BASE_URI").as_deref(), Some("authBase"));
        assert_eq!(url_word("URL"), None);
        assert_eq!(url_word("options"), None);
    }

    #[test]
    fn path_words() {
        use super::path_word;
        assert_eq!(
            path_word("https://api.example.com/v3/quotes").as_deref(),
            Some("quotes")
        );
        assert_eq!(
            path_word("https://x.com/tickets/\0").as_deref(),
            Some("tickets")
        );
        assert_eq!(
            path_word("https://x.com/order-items/42?x=1").as_deref(),
            Some("orderItems")
        );
        assert_eq!(path_word("https://api.example.com/"), None);
        assert_eq!(path_word("https://api.example.com/v2"), None);
    }
}
