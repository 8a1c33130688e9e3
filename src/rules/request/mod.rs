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
//! two small functions inserted once per file, only when a call needs them. Credentials in the URL
//! become an `Authorization` header ([`credentials`]). An HTTPClient call whose options are only
//! known when it runs, or that passes request's callback, calls a helper that applies
//! request-promise's options over fetch then ([`run_time`]).

mod cleanup;
mod clients;
mod credentials;
mod forms;
mod object;
mod options;
mod render;
mod rewriter;
mod run_time;

pub use render::Helper;

use crate::parse::Parsed;
use crate::rules::support::Scopes;
use crate::rules::Context;
use crate::semantic::facts::prop_key;
use crate::semantic::Semantic;
use cleanup::cleanup;
use clients::Clients;
use forms::Forms;
use options::{Options, Vars};
use rewriter::Rewriter;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
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
    vars: Vars<'a>,
    clients: Clients,
    forms: Forms,
    scopes: &'a Scopes,
    /// Mutation sites: names assigned, updated, passed to a call or whose method is called, with
    /// where.
    mutations: Mutations,
    /// The request helpers the file declares, and whether each is ours (read once, on demand).
    helpers: std::cell::OnceCell<Vec<(render::Helper, bool)>>,
}

impl<'a> File<'a> {
    /// The file's analysis, when it has clients of this kind.
    fn new(cx: &Context<'a>, kind: Kind) -> Option<File<'a>> {
        let parsed: &'a Parsed = cx.parsed;
        let clients = Clients::find(parsed, cx.semantic, &cx.facts.toolbelt, kind);
        if clients.names.is_empty()
            && clients.declarators.is_empty()
            && clients.params.is_empty()
            && clients.factory_bindings.is_empty()
        {
            return None;
        }
        let vars = Vars::collect(parsed, cx.semantic);
        Some(File {
            parsed,
            semantic: cx.semantic,
            forms: Forms::find(parsed),
            scopes: cx.scopes(),
            mutations: mutations(parsed),
            vars,
            clients,
            helpers: std::cell::OnceCell::new(),
        })
    }

    /// The request helpers the file declares, and whether each declaration is ours.
    fn helpers(&self, cx: &Context) -> &[(render::Helper, bool)] {
        self.helpers.get_or_init(|| render::check_helpers(cx))
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
    // `handler-callback` rewrites callbacks and `.then` chains into statements first: each
    // rule's `after` says so, and the engine runs it only once that has nothing left to do. The
    // two rules run in one pass: the response names they pick are claimed for the whole pass.
    let parsed: &Parsed = cx.parsed;
    let mut needed: HashSet<Helper> = HashSet::new();
    // Client names with a use that could not be rewritten.
    let mut marked: HashSet<String> = HashSet::new();
    let mut used_run_time = false;
    // A client is reached only through its factory's name (`Toolbelt.HTTPClient`, `{ LpClient }`):
    // without it there are no calls to rewrite and no client to clean up, only helpers to check.
    let file = cx
        .source
        .contains(kind.factory())
        .then(|| File::new(cx, kind))
        .flatten();
    if let Some(file) = file.as_ref().filter(|f| !f.clients.names.is_empty()) {
        let mut rewriter = Rewriter {
            cx,
            file,
            kind,
            accounted: HashSet::new(),
            uses: Vec::new(),
            needed: &mut needed,
            edited: Vec::new(),
            marked: HashSet::new(),
            run_time_helper: None,
            run_time_used: false,
            constants: HashMap::new(),
        };
        parsed.program.visit_with(&mut rewriter);
        rewriter.finish();
        let Rewriter {
            uses,
            accounted,
            marked: marked_calls,
            run_time_used,
            ..
        } = rewriter;
        used_run_time = run_time_used;
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
    if let (Kind::Http, Some(file)) = (kind, &file) {
        cleanup(cx, file, &marked);
    }
    // The run-time helper, when this pass's calls use it or an earlier pass's do (their helper
    // came in the same fix as they did: a file that declares the name has nothing to add).
    let mut run_time_text = None;
    let earlier =
        cx.semantic.mentions(run_time::NAME) && !cx.semantic.declares_at_top_level(run_time::NAME);
    if kind == Kind::Http && (used_run_time || earlier) {
        if let Ok((name, false)) = run_time::helper_name(cx) {
            if used_run_time || cx.semantic.mentions(&name) {
                needed.extend([Helper::ReadJson, Helper::StatusCodeError]);
                run_time_text = Some(run_time::text(&name, cx));
            }
        }
    }
    render::insert_helpers(cx, &needed, run_time_text);
}

fn span_of(parsed: &Parsed, range: &Range<usize>) -> swc_common::Span {
    swc_common::Span::new(parsed.pos(range.start), parsed.pos(range.end))
}

/// Where names may change: assignment and update targets, the objects of method calls, and call
/// arguments (by their root name).
fn mutations(parsed: &Parsed) -> Mutations {
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
    let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
    for (name, at) in collect.found {
        by_name.entry(name).or_default().push(at);
    }
    for places in by_name.values_mut() {
        places.sort_unstable();
    }
    Mutations(by_name)
}

/// Mutation sites by name, each list sorted: asked per call, so looked up, not scanned.
struct Mutations(HashMap<String, Vec<usize>>);

impl Mutations {
    /// Whether `name` is mutated at exactly `at`.
    fn at(&self, name: &str, at: usize) -> bool {
        self.0
            .get(name)
            .is_some_and(|places| places.binary_search(&at).is_ok())
    }

    /// Whether `name` is mutated somewhere in `range`.
    fn within(&self, name: &str, range: std::ops::Range<usize>) -> bool {
        self.0.get(name).is_some_and(|places| {
            let i = places.partition_point(|&p| p < range.start);
            places.get(i).is_some_and(|&p| p < range.end)
        })
    }
}

/// A call of a client.
struct ClientCall<'n> {
    call: &'n CallExpr,
    /// `client.post(…)`: the method.
    shorthand: Option<&'static str>,
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
                Prop::KeyValue(kv) => prop_key(&kv.key).map(str::to_string),
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

/// Why a call is not rewritten to `fetch` where it stands.
pub struct Refusal {
    pub message: String,
    /// The options are only known when the call runs: the run-time helper can make it.
    pub run_time: bool,
}

impl Refusal {
    fn run_time(message: impl Into<String>) -> Refusal {
        Refusal {
            message: message.into(),
            run_time: true,
        }
    }
}

impl From<String> for Refusal {
    fn from(message: String) -> Refusal {
        Refusal {
            message,
            run_time: false,
        }
    }
}

impl From<&str> for Refusal {
    fn from(message: &str) -> Refusal {
        Refusal::from(message.to_string())
    }
}

/// Which statement-level options a call reads, for [`Options`].
fn options_of<'a>(
    file: &'a File<'a>,
    kind: Kind,
    call: &'a CallExpr,
) -> Result<(Vec<&'a Expr>, Options<'a>), Refusal> {
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
                            return Err(Refusal::run_time(format!(
                            "`{}` may hold a URL or request options, and which is not known here",
                            i.sym
                        )))
                        }
                    },
                    _ if is_string(only, &file.vars) => (vec![*only], None),
                    _ => return Err(Refusal::run_time(
                        "the argument may be a URL or request options, and which is not known here",
                    )),
                },
                [url, options] => (vec![*url], Some(*options)),
                _ => return Err(Refusal::run_time("the call passes a callback")),
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
    let options = options::read(file.parsed, &file.vars, options).map_err(Refusal::run_time)?;
    Ok((lead, options))
}
