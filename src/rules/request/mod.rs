//! What `http-client-to-fetch` and `lp-client-json` share: V1's toolbelt HTTP clients are
//! request-promise, and both rules rewrite their calls to code that reads a fetch `Response` the
//! way request-promise did.
//!
//! For each call the options are read where they are written ([`options`]); a call whose options
//! cannot all be known, or that uses an option without a fetch equivalent, gets a marker. Then the
//! call becomes, where it is a statement of its own ([`forms`]):
//!
//! ```js
//! const response = await fetch(url, { method, headers, body: JSON.stringify(body) });
//! if (!response.ok) throw new StatusCodeError(response.status, await readJson(response));
//! const data = await readJson(response);
//! ```
//!
//! and elsewhere an expression, `fetch(url, init).then(…)`. `readJson` and `StatusCodeError` are
//! two small functions inserted once per file, only when a call needs them.

mod clients;
mod forms;
mod object;
mod options;
mod render;

pub use render::Helper;

use crate::parse::Parsed;
use crate::rules::names::Names;
use crate::rules::support::{self, Scopes};
use crate::rules::Context;
use crate::semantic::Semantic;
use clients::Clients;
use forms::{Forms, Target, ThenUse};
use options::{Options, Vars};
use std::collections::HashSet;
use std::ops::Range;
use swc_common::Spanned;
use swc_ecma_ast::*;
use swc_ecma_visit::{Visit, VisitWith};

/// Which toolbelt client.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `Toolbelt.HTTPClient()`: request-promise itself, called as `(url, options)`, `(options)` or
    /// through `.get`/`.post`/… shorthands. Its calls become `fetch`.
    Http,
    /// `Toolbelt.LpClient()`: `(service, path, options)`; V2's returns the fetch `Response`.
    Lp,
}

impl Kind {
    pub fn factory(self) -> &'static str {
        match self {
            Kind::Http => "HTTPClient",
            Kind::Lp => "LpClient",
        }
    }

    /// What to do instead, for markers.
    fn by_hand(self) -> &'static str {
        match self {
            Kind::Http => "rewrite this call with `fetch` by hand",
            Kind::Lp => {
                "rewrite this call by hand: V2's LpClient resolves with the fetch `Response`"
            }
        }
    }
}

/// Everything a rule needs about the file, for one pass.
struct File<'a> {
    parsed: &'a Parsed,
    semantic: &'a Semantic<'a>,
    names: Names,
    vars: Vars<'a>,
    clients: Clients,
    forms: Forms,
    scopes: Scopes,
    /// Mutation sites: names assigned, updated, passed to a call or whose method is called, with
    /// where.
    mutations: Vec<(String, usize)>,
    /// The request helpers the file declares, and whether each is ours (read once, on demand).
    helpers: std::cell::OnceCell<Vec<(render::Helper, bool)>>,
}

impl<'a> File<'a> {
    fn new(cx: &Context<'a>, kind: Kind) -> File<'a> {
        let parsed: &'a Parsed = cx.parsed;
        let names = Names::collect(parsed);
        let clients = Clients::find(parsed, &names, &cx.facts.toolbelt, kind);
        let vars = Vars::collect(parsed, cx.semantic);
        File {
            parsed,
            semantic: cx.semantic,
            forms: Forms::find(parsed),
            scopes: Scopes::new(cx),
            mutations: mutations(parsed),
            names,
            vars,
            clients,
            helpers: std::cell::OnceCell::new(),
        }
    }

    /// The request helpers the file declares, and whether each declaration is ours.
    fn helpers(&self, cx: &Context) -> &[(render::Helper, bool)] {
        self.helpers
            .get_or_init(|| render::check_helpers(cx, &self.names))
    }
}

/// A call of one of the file's clients.
fn client_call<'n>(file: &File, kind: Kind, call: &'n CallExpr) -> Option<ClientCall<'n>> {
    let callee = call.callee.as_expr()?;
    match &**callee {
        Expr::Ident(i) if file.clients.names.contains(&*i.sym) => Some(ClientCall {
            call,
            shorthand: None,
        }),
        Expr::Member(m) if kind == Kind::Http => {
            let obj = m.obj.as_ident()?;
            if !file.clients.names.contains(&*obj.sym) {
                return None;
            }
            let method = m.prop.as_ident()?;
            let shorthand = crate::tables::request().shorthand(&method.sym)?;
            Some(ClientCall {
                call,
                shorthand: Some(shorthand),
            })
        }
        _ => None,
    }
}

/// Runs one of the two rules on the file.
pub fn check(cx: &mut Context, kind: Kind) {
    // `handler-callback` rewrites callbacks and `.then` chains into statements first, and the
    // LpClient calls wait for the HTTPClient calls (both pick fresh names for responses): each
    // rule's `after` says so, and the engine runs it only once those have nothing left to do.
    let parsed: &Parsed = cx.parsed;
    let file = File::new(cx, kind);
    let mut needed: HashSet<Helper> = HashSet::new();
    // Client names with a use that could not be rewritten.
    let mut marked: HashSet<String> = HashSet::new();
    if !file.clients.names.is_empty() {
        let mut rewriter = Rewriter {
            cx,
            file: &file,
            kind,
            accounted: HashSet::new(),
            uses: Vec::new(),
            taken: Vec::new(),
            needed: &mut needed,
            edited: Vec::new(),
            marked: HashSet::new(),
        };
        parsed.program.visit_with(&mut rewriter);
        let Rewriter {
            uses,
            accounted,
            marked: marked_calls,
            ..
        } = rewriter;
        marked.extend(marked_calls);
        for (name, range) in uses {
            if !accounted.contains(&range) {
                marked.insert(name.clone());
                let message = match kind {
                    Kind::Http => format!(
                        "V2 has no HTTPClient: `{name}` is used here other than by calling it; use `fetch` instead"
                    ),
                    Kind::Lp => format!(
                        "`{name}` (an LpClient) is used here other than by calling it: its calls resolve with the fetch `Response` in V2, so check what receives it"
                    ),
                };
                cx.todo(span_of(parsed, &range), message);
            }
        }
    }
    if kind == Kind::Http {
        cleanup(cx, &file, &marked);
    }
    render::insert_helpers(cx, &file.names, &needed);
}

fn span_of(parsed: &Parsed, range: &Range<usize>) -> swc_common::Span {
    swc_common::Span::new(parsed.pos(range.start), parsed.pos(range.end))
}

/// Where names may change: assignment and update targets, the objects of method calls, and call
/// arguments (by their root name).
fn mutations(parsed: &Parsed) -> Vec<(String, usize)> {
    struct Collect<'p> {
        parsed: &'p Parsed,
        found: Vec<(String, usize)>,
    }
    fn root(expr: &Expr) -> Option<&Ident> {
        match expr {
            Expr::Ident(i) => Some(i),
            Expr::Member(m) => root(&m.obj),
            Expr::Paren(p) => root(&p.expr),
            Expr::Call(c) => c.callee.as_expr().and_then(|e| root(e)),
            _ => None,
        }
    }
    impl Collect<'_> {
        fn push(&mut self, ident: &Ident) {
            let at = self.parsed.range(ident.span).start;
            self.found.push((ident.sym.to_string(), at));
        }
    }
    impl Visit for Collect<'_> {
        fn visit_assign_expr(&mut self, a: &AssignExpr) {
            match &a.left {
                AssignTarget::Simple(SimpleAssignTarget::Ident(i)) => self.push(&i.id),
                AssignTarget::Simple(SimpleAssignTarget::Member(m)) => {
                    if let Some(i) = root(&m.obj) {
                        self.push(i);
                    }
                }
                _ => {}
            }
            a.visit_children_with(self);
        }
        fn visit_update_expr(&mut self, u: &UpdateExpr) {
            if let Some(i) = root(&u.arg) {
                self.push(i);
            }
            u.visit_children_with(self);
        }
        fn visit_call_expr(&mut self, c: &CallExpr) {
            if let Some(Expr::Member(m)) = c.callee.as_expr().map(|e| &**e) {
                if let Some(i) = root(&m.obj) {
                    self.push(i);
                }
            }
            for a in &c.args {
                if let Some(i) = root(&a.expr) {
                    self.push(i);
                }
            }
            c.visit_children_with(self);
        }
    }
    let mut collect = Collect {
        parsed,
        found: Vec::new(),
    };
    parsed.program.visit_with(&mut collect);
    collect.found
}

struct Rewriter<'c, 'a, 'f> {
    cx: &'c mut Context<'a>,
    file: &'f File<'a>,
    kind: Kind,
    /// Identifier uses of client names that are accounted for (callees, arguments to followed
    /// parameters).
    accounted: HashSet<Range<usize>>,
    /// Every identifier use of a client name.
    uses: Vec<(String, Range<usize>)>,
    /// Response names chosen this pass, with the function they are in.
    taken: Vec<(Range<usize>, String)>,
    needed: &'f mut HashSet<Helper>,
    /// The ranges this pass rewrites.
    edited: Vec<Range<usize>>,
    /// Client names with a use that could not be rewritten.
    marked: HashSet<String>,
}

/// A call of a client.
struct ClientCall<'n> {
    call: &'n CallExpr,
    /// `client.post(…)`: the method.
    shorthand: Option<&'static str>,
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
            Err(message) => {
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
        let response = form.map(|f| self.response_name(&function, &f.target));
        let edit = match (form, response) {
            (Some(form), Some(response)) => {
                if plan.names_response(form) {
                    self.taken.push((function, response.clone()));
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
        if self
            .edited
            .iter()
            .any(|r| r.start < edit_range.end && edit_range.start < r.end)
        {
            return;
        }
        self.edited.push(edit_range.clone());
        self.needed.extend(plan.helpers(form.map(|f| &f.target)));
        self.cx.replace(edit_range, text);
        for review in &plan.reviews {
            self.cx
                .report(call.span, crate::FixClass::Review, review.clone());
        }
    }

    /// A fresh name for the `Response` in `function`.
    fn response_name(&self, function: &Range<usize>, target: &Target) -> String {
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
        candidates.extend((2..100).map(|i| format!("response{i}")));
        let free = |name: &String| {
            let used_here = self.file.names.idents.get(name).is_some_and(|ranges| {
                ranges
                    .iter()
                    .any(|r| r.start >= function.start && r.end <= function.end)
            });
            let module_level = function.start == 0 && self.file.names.used(name);
            let chosen = self
                .taken
                .iter()
                .any(|(f, n)| n == name && f.start < function.end && function.start < f.end);
            !used_here && !module_level && !chosen
        };
        candidates
            .into_iter()
            .find(|n| free(n))
            .unwrap_or_else(|| "response".to_string())
    }

    /// An LpClient call without any request-promise option: V2 code, or V1 code whose result is
    /// text.
    fn lp_without_request_options(&mut self, c: &ClientCall, range: Range<usize>) {
        let file = self.file;
        let source = self.cx.source;
        let response_like = |name: &str, within: &Range<usize>| {
            file.names.idents.get(name).is_some_and(|ranges| {
                ranges.iter().any(|r| {
                    within.start <= r.start
                        && r.end <= within.end
                        && (RESPONSE_MEMBERS.iter().any(|m| {
                            source[r.end..].starts_with(m)
                                && !source[r.end + m.len()..]
                                    .starts_with(|c: char| c.is_alphanumeric() || c == '_')
                        }) || source[..r.start].ends_with("readJson("))
                })
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

/// Removes what the rewrite left unused: client variables, parameters that received a client,
/// `const { HTTPClient } = Toolbelt`, and option objects that were only spread into calls.
fn cleanup(cx: &mut Context, file: &File, marked: &HashSet<String>) {
    let names = &file.names;
    let unused = |name: &str| names.references(name).next().is_none();
    let mut statements = Vec::new();
    for d in &file.clients.declarators {
        if marked.contains(&d.name) {
            cx.todo(
                span_of(file.parsed, &d.range),
                format!("V2's toolbelt has no `HTTPClient`, so this throws: remove it once the uses of `{}` marked below call `fetch`", d.name),
            );
            continue;
        }
        if !unused_binding(file, &d.name, d.range.start) {
            continue;
        }
        if d.declarators == 1 {
            statements.push(d.stmt.clone());
        } else {
            remove_list_item(cx, &d.range);
        }
    }
    // Parameters: the parameter and the argument of every call go in one edit, so the two never
    // disagree.
    for p in &file.clients.params {
        if !unused_binding(file, &p.name, p.range.start) || names.declarations(&p.function) != 1 {
            continue;
        }
        let mut removals: Vec<Range<usize>> = vec![list_item_removal(cx.source, &p.all, p.index)];
        for args in &p.calls {
            if args.len() > p.index {
                removals.push(list_item_removal(cx.source, args, p.index));
            }
        }
        removals.sort_by_key(|r| r.start);
        if removals.windows(2).any(|w| w[0].end > w[1].start) {
            continue;
        }
        let start = removals[0].start;
        let end = removals.last().map_or(start, |r| r.end);
        let text = object::apply_to(
            &cx.source[start..end],
            removals
                .iter()
                .map(|r| (r.start - start..r.end - start, String::new()))
                .collect(),
        );
        cx.replace(start..end, text);
    }
    for b in &file.clients.factory_bindings {
        if !unused(&b.local) {
            continue;
        }
        if b.props.len() == 1 {
            statements.push(b.stmt.clone());
        } else {
            let index = b.props.iter().position(|p| *p == b.prop).unwrap_or(0);
            let r = list_item_removal(cx.source, &b.props, index);
            cx.replace(r, "");
        }
    }
    // Objects of request options that only calls spread, now unused.
    for var in file.vars.objects.values() {
        if !cx.semantic.unused(var.binding) || var.kind != VarDeclKind::Const {
            continue;
        }
        let keys: Vec<Option<String>> = var
            .literal
            .props
            .iter()
            .map(|p| match p {
                PropOrSpread::Prop(p) => match p.as_ref() {
                    Prop::KeyValue(kv) if is_plain(&kv.value) => match &kv.key {
                        PropName::Ident(i) => Some(i.sym.to_string()),
                        PropName::Str(s) => s.value.as_atom().map(|a| a.to_string()),
                        _ => None,
                    },
                    _ => None,
                },
                PropOrSpread::Spread(_) => None,
            })
            .collect();
        let all_options = !keys.is_empty()
            && keys
                .iter()
                .all(|k| k.as_deref().is_some_and(|k| options::KNOWN.contains(&k)))
            && keys
                .iter()
                .flatten()
                .any(|k| options::REQUEST_ONLY.contains(&k.as_str()));
        // The statement declares only this object.
        let single = cx.source[var.stmt.clone()]
            .trim_end_matches([';', ' '])
            .ends_with('}')
            && cx.range(var.literal.span).end
                == var.stmt.start
                    + cx.source[var.stmt.clone()]
                        .trim_end_matches([';', ' '])
                        .len();
        if all_options && single {
            statements.push(var.stmt.clone());
        }
    }
    if !statements.is_empty() {
        cx.remove_statements(&statements);
    }
}

/// Whether nothing refers to the binding of `name` declared at `at`: no reference in its scope
/// (its function, or the file), leaving out functions nested in it that declare `name` again.
fn unused_binding(file: &File, name: &str, at: usize) -> bool {
    let scope = file.scopes.function_at(at);
    let within = |r: &Range<usize>, outer: &Option<Range<usize>>| {
        outer
            .as_ref()
            .is_none_or(|o| o.start <= r.start && r.end <= o.end)
    };
    let shadows: Vec<Range<usize>> = file
        .names
        .declared
        .get(name)
        .into_iter()
        .flatten()
        .filter(|d| d.start != at)
        .filter_map(|d| file.scopes.function_at(d.start))
        .filter(|f| Some(f) != scope.as_ref() && within(f, &scope))
        .collect();
    !file
        .names
        .references(name)
        .any(|r| within(r, &scope) && !shadows.iter().any(|s| s.start <= r.start && r.end <= s.end))
}

/// Literals and other values without side effects.
fn is_plain(expr: &Expr) -> bool {
    match expr {
        Expr::Lit(_) | Expr::Ident(_) => true,
        Expr::Tpl(t) => t.exprs.iter().all(|e| is_plain(e)),
        Expr::Object(o) => o.props.iter().all(|p| match p {
            PropOrSpread::Prop(p) => {
                matches!(p.as_ref(), Prop::KeyValue(kv) if is_plain(&kv.value))
            }
            PropOrSpread::Spread(_) => false,
        }),
        Expr::Array(a) => a
            .elems
            .iter()
            .flatten()
            .all(|e| e.spread.is_none() && is_plain(&e.expr)),
        Expr::Bin(b) => is_plain(&b.left) && is_plain(&b.right),
        Expr::Unary(u) => u.op != UnaryOp::Delete && is_plain(&u.arg),
        _ => false,
    }
}

/// The range to delete to drop item `index` of a comma-separated list whose items are `items`
/// (with its comma and the blank after it).
fn list_item_removal(source: &str, items: &[Range<usize>], index: usize) -> Range<usize> {
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

fn remove_list_item(cx: &mut Context, declarator: &Range<usize>) {
    // A declarator among several: `var a = 1, client = Toolbelt.HTTPClient();`.
    let source = cx.source;
    let before = source[..declarator.start].trim_end();
    if let Some(stripped) = before.strip_suffix(',') {
        cx.replace(stripped.len()..declarator.end, "");
    } else {
        let after = &source[declarator.end..];
        let comma = after
            .trim_start()
            .strip_prefix(',')
            .map(|rest| after.len() - rest.len());
        if let Some(comma) = comma {
            let gap = after[comma..].len() - after[comma..].trim_start().len();
            cx.replace(declarator.start..declarator.end + comma + gap, "");
        }
    }
}

/// The value of an option as it is written.
fn value_text<'s>(source: &'s str, range: &Range<usize>) -> &'s str {
    &source[range.clone()]
}

/// Whether an expression is a string, number or boolean without running the code.
fn scalar(expr: Option<&Expr>) -> bool {
    let Some(expr) = expr else {
        return false;
    };
    match expr {
        Expr::Lit(Lit::Str(_) | Lit::Num(_) | Lit::Bool(_)) | Expr::Tpl(_) => true,
        Expr::Paren(p) => scalar(Some(&p.expr)),
        Expr::Bin(b) => match b.op {
            BinaryOp::Add => {
                matches!(&*b.left, Expr::Lit(Lit::Str(_)) | Expr::Tpl(_))
                    || matches!(&*b.right, Expr::Lit(Lit::Str(_)) | Expr::Tpl(_))
                    || (scalar(Some(&b.left)) && scalar(Some(&b.right)))
            }
            BinaryOp::Sub | BinaryOp::Mul | BinaryOp::Div | BinaryOp::Mod | BinaryOp::Exp => true,
            _ => false,
        },
        Expr::Unary(u) => matches!(
            u.op,
            UnaryOp::Bang | UnaryOp::Minus | UnaryOp::Plus | UnaryOp::TypeOf
        ),
        Expr::Call(c) => c
            .callee
            .as_expr()
            .and_then(|e| e.as_ident())
            .is_some_and(|i| {
                matches!(
                    &*i.sym,
                    "String"
                        | "Number"
                        | "Boolean"
                        | "encodeURIComponent"
                        | "parseInt"
                        | "parseFloat"
                )
            }),
        Expr::Member(m) => m.prop.as_ident().is_some_and(|p| &*p.sym == "length"),
        _ => false,
    }
}

/// The names of an object literal's properties, or `None` when one is computed or spread.
fn static_keys(object: &ObjectLit) -> Option<Vec<String>> {
    object
        .props
        .iter()
        .map(|p| match p {
            PropOrSpread::Prop(p) => match p.as_ref() {
                Prop::KeyValue(kv) => match &kv.key {
                    PropName::Ident(i) => Some(i.sym.to_string()),
                    PropName::Str(s) => s.value.as_atom().map(|a| a.to_string()),
                    _ => None,
                },
                Prop::Shorthand(i) => Some(i.sym.to_string()),
                _ => None,
            },
            PropOrSpread::Spread(_) => None,
        })
        .collect()
}

/// Whether `expr` is a string: a literal, a template, a `+` that starts with one, or a constant
/// holding one.
fn is_string(expr: &Expr, vars: &Vars) -> bool {
    match expr {
        Expr::Lit(Lit::Str(_)) | Expr::Tpl(_) => true,
        Expr::Paren(p) => is_string(&p.expr, vars),
        Expr::Ident(i) => vars.string(i).is_some(),
        Expr::Bin(b) if b.op == BinaryOp::Add => {
            is_string(&b.left, vars) || is_string(&b.right, vars)
        }
        _ => false,
    }
}

/// Which statement-level options a call reads, for [`Options`].
fn options_of<'a>(
    file: &'a File<'a>,
    kind: Kind,
    call: &'a CallExpr,
) -> Result<(Vec<&'a Expr>, Options<'a>), String> {
    let args: Vec<&Expr> = call.args.iter().map(|a| &*a.expr).collect();
    if call.args.iter().any(|a| a.spread.is_some()) {
        return Err("the call spreads its arguments".into());
    }
    let (lead, options) = match kind {
        Kind::Http => {
            match args.as_slice() {
                [] => return Err("the call has no arguments".into()),
                // One argument: request's options, or the URL. Only what the model knows decides;
                // a value that could be either is not guessed.
                [only] => match only {
                    Expr::Object(_) => (vec![], Some(*only)),
                    Expr::Ident(i) if file.vars.object(i).is_some() => (vec![], Some(*only)),
                    Expr::Ident(i) => match file.semantic.constant_init(i) {
                        Some(init) if is_string(init, &file.vars) => (vec![*only], None),
                        _ => {
                            return Err(format!(
                            "`{}` may hold a URL or request options, and which is not known here",
                            i.sym
                        ))
                        }
                    },
                    _ if is_string(only, &file.vars) => (vec![*only], None),
                    _ => return Err(
                        "the argument may be a URL or request options, and which is not known here"
                            .into(),
                    ),
                },
                [url, options] => (vec![*url], Some(*options)),
                _ => return Err("the call passes a callback".into()),
            }
        }
        Kind::Lp => match args.as_slice() {
            [service, path] => (vec![*service, *path], None),
            [service, path, options] => (vec![*service, *path], Some(*options)),
            _ => {
                return Err("the call does not have the arguments (service, path, options)".into())
            }
        },
    };
    let options = options::read(file.parsed, &file.vars, options)?;
    Ok((lead, options))
}
