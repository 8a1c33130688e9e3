//! ## What it does
//! Checks how the function uses the secret store against V2's rules:
//!
//! - A `readSecret(key)` of a key that the same file also writes with `updateSecret` gets
//!   `{ useCache: false }` (merged into its second argument when that is an object literal).
//!   Keys are resolved through the semantic model: a string, or a variable that always holds one
//!   (`constant_init`). The whole file counts, not only one function: a helper that refreshes a
//!   token and the handler that reads it again are the common case.
//! - When the file calls `updateSecret` with a key that cannot be resolved (a parameter, a key
//!   read from the input, an object returned by `readSecret(name)` of such a name), every
//!   `readSecret` of the file whose key cannot be proved different from every updated key gets
//!   `{ useCache: false }`: only two known, different strings are different. A second argument
//!   that is not an object literal gets a marker instead.
//! - The V1 system secrets `lp-faas-default-app-key` and `lp-faas-orchestrator-app-key`, named
//!   anywhere, get a marker (as `appKeySecretName` of `LpClient`, the marker says to drop it).
//! - `updateSecret` of a key starting with `LIVEPERSON_DEFAULT_` gets a marker.
//! - A module-level variable that a function fills with values read from the secret store (a
//!   hand-rolled cache) is reported as redundant (`review`, no marker: it still works).
//!
//! ## Why V2 needs it
//! V2's `SecretClient` caches reads for 5 minutes per instance (V2 guide §3.1); V1 had no cache,
//! so a read after a write returned the new value. `{ useCache: false }` keeps that. The V1
//! system secrets are not migrated to V2, and V2 forbids user secrets starting with
//! `LIVEPERSON_DEFAULT_`. The names are in `rules/platform.toml`.
//!
//! ## Example
//! ```js
//! // before
//! await secretClient.updateSecret({ key: "crm-token", value: token });
//! const { value } = await secretClient.readSecret("crm-token");
//! // after
//! await secretClient.updateSecret({ key: "crm-token", value: token });
//! const { value } = await secretClient.readSecret("crm-token", { useCache: false });
//! ```
//!
//! ## Limits
//! The calls count when their receiver is the toolbelt's `SecretClient` however it is reached
//! (`Toolbelt.SecretClient()`, a variable that always holds it) or a value the file cannot tell
//! (a parameter, a property): a receiver known to be something else is left alone. When every
//! updated key is a known string, a read whose key is not known is left as it is. A secret
//! written by another function (or another instance) is still read through the 5-minute cache:
//! add `{ useCache: false }` by hand where a read must see such writes at once. The cache check
//! follows values by variable name only.

use crate::semantic::facts::prop_key;
use super::{Check, Context, RuleInfo};
use crate::finding::FixClass;
use crate::semantic::facts::prop_name;
use crate::tables;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use swc_common::{Span, Spanned};
use swc_ecma_ast::*;
use swc_ecma_visit::{Visit, VisitWith};

pub(super) const INFO: RuleInfo = RuleInfo {
    name: "secret-names",
    class: FixClass::Auto,
    summary: "read-after-write gets `{ useCache: false }`; unavailable system secrets, reserved names and hand-rolled caches are reported",
    applies: |source| {
        source.contains("Secret")
            || tables::platform()
                .secrets
                .unavailable
                .iter()
                .any(|s| source.contains(s.as_str()))
    },
    check: Check::JavaScript(check),
    after: &[],
    source: include_str!("secret_names.rs"),
};

/// A secret key as far as the code tells it.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
enum Key {
    /// A string (or a variable that always holds one).
    Known(String),
    /// Anything else: a parameter, an input field, a computed name.
    Unknown,
}

/// How a `readSecret` call gets `{ useCache: false }`.
enum ReadFix {
    /// Replace this range with this text.
    Replace(Range<usize>, String),
    /// Its options already say `useCache`.
    Done,
    /// Its arguments are not a key and an object literal: a person adds the option.
    Mark(Span),
}

/// Values followed through variables at most this deep (`const a = b; const b = "k"`).
const DEPTH: usize = 8;

fn check(cx: &mut Context) {
    let parsed = cx.parsed;
    let mut visitor = SecretVisitor {
        cx,
        functions: Vec::new(),
        reads: Vec::new(),
        writes: HashSet::new(),
        derived: HashSet::new(),
        cache_writes: Vec::new(),
        in_app_key: false,
    };
    parsed.program.visit_with(&mut visitor);
    let SecretVisitor {
        cx,
        reads,
        writes,
        cache_writes,
        ..
    } = visitor;

    // A read must bypass V2's cache when its key may be one the file updates: the same known
    // string, or anything at all once one update's key is unknown.
    let any_unknown = writes.contains(&Key::Unknown);
    for (key, fix) in reads {
        if !(any_unknown || (key != Key::Unknown && writes.contains(&key))) {
            continue;
        }
        cx.new_fix();
        match fix {
            ReadFix::Replace(range, text) => cx.replace(range, text),
            ReadFix::Done => {}
            ReadFix::Mark(span) => {
                let cache = &tables::platform().secrets.cache;
                cx.todo(
                    span,
                    format!("this read may follow an `updateSecret` of the same secret, and V2's SecretClient caches reads for {cache} per instance: pass `useCache: false` in its options"),
                );
            }
        }
    }

    // Hand-rolled caches: module-level variables filled with secret values inside functions.
    let top = top_level_variables(&parsed.program);
    let mut reported = HashSet::new();
    for (name, is_secret) in cache_writes {
        if !is_secret {
            continue;
        }
        if let Some(decl) = top.get(&name) {
            if reported.insert(name.clone()) {
                let cache = &tables::platform().secrets.cache;
                cx.report(
                    *decl,
                    FixClass::Review,
                    format!("`{name}` caches secret values by hand: V2's SecretClient already caches reads for {cache} per instance, so this cache is redundant (keep it only if values must outlive that)"),
                );
            }
        }
    }
}

/// Stands for a direct `readSecret(...)` call in a list of names an expression uses.
const READ_CALL: &str = "(readSecret)";

struct SecretVisitor<'c, 'a> {
    cx: &'c mut Context<'a>,
    /// Ranges of the functions around the current node, innermost last.
    functions: Vec<Range<usize>>,
    /// Every `readSecret(...)` of the secret client: its key and how it gets the option.
    reads: Vec<(Key, ReadFix)>,
    writes: HashSet<Key>,
    /// Names bound to values read from the secret store.
    derived: HashSet<String>,
    /// Module-level candidates written inside functions: the name, and whether the value
    /// written is a secret.
    cache_writes: Vec<(String, bool)>,
    in_app_key: bool,
}

impl SecretVisitor<'_, '_> {
    /// The key an expression holds.
    fn key(&self, expr: &Expr, depth: usize) -> Key {
        match expr {
            Expr::Lit(Lit::Str(s)) => s
                .value
                .as_atom()
                .map_or(Key::Unknown, |a| Key::Known(a.to_string())),
            Expr::Tpl(t) if t.exprs.is_empty() => t
                .quasis
                .first()
                .and_then(|q| q.cooked.as_ref())
                .and_then(|c| c.as_atom())
                .map_or(Key::Unknown, |a| Key::Known(a.to_string())),
            Expr::Ident(i) if depth > 0 => match self.cx.semantic.constant_init(i) {
                Some(init) => self.key(init, depth - 1),
                None => Key::Unknown,
            },
            Expr::Paren(p) => self.key(&p.expr, depth),
            _ => Key::Unknown,
        }
    }

    /// The `key` of an object that `updateSecret` is given: an object literal's `key` (the last
    /// one that sets it, spreads included), the object a `readSecret(key)` returned, or a
    /// variable that always holds one of those and whose properties nobody assigns.
    fn object_key(&self, expr: &Expr, depth: usize) -> Key {
        match expr {
            Expr::Paren(p) => self.object_key(&p.expr, depth),
            Expr::Object(object) => {
                let mut key = Key::Unknown;
                for prop in &object.props {
                    match prop {
                        PropOrSpread::Spread(spread) => key = self.object_key(&spread.expr, depth),
                        PropOrSpread::Prop(prop) => match prop.as_ref() {
                            Prop::Shorthand(i) if &*i.sym == "key" => {
                                key = self.key(&Expr::Ident(i.clone()), depth)
                            }
                            Prop::KeyValue(kv) => match prop_key(&kv.key) {
                                Some("key") => key = self.key(&kv.value, depth),
                                Some(_) => {}
                                None => key = Key::Unknown,
                            },
                            Prop::Shorthand(_) => {}
                            // A getter, a setter or a method named `key`: not followed.
                            _ => key = Key::Unknown,
                        },
                    }
                }
                key
            }
            Expr::Await(a) => match a.arg.as_ref() {
                Expr::Call(call) if self.is_secret_call(call, "readSecret") => call
                    .args
                    .first()
                    .filter(|a| a.spread.is_none())
                    .map_or(Key::Unknown, |a| self.key(&a.expr, depth)),
                _ => Key::Unknown,
            },
            Expr::Ident(i) if depth > 0 => {
                let semantic = self.cx.semantic;
                let mutated = semantic
                    .binding_of(i)
                    .is_none_or(|b| semantic.binding(b).mutated);
                match semantic.constant_init(i) {
                    Some(init) if !mutated => self.object_key(init, depth - 1),
                    _ => Key::Unknown,
                }
            }
            _ => Key::Unknown,
        }
    }

    /// Whether `expr` may be the toolbelt's secret client: `Toolbelt.SecretClient()` however the
    /// toolbelt is reached, a variable that always holds it, or a value the file cannot tell (a
    /// parameter, a property, a call of its own). Another toolbelt client, a literal, a `new`
    /// object or a function are not.
    fn is_secret_client(&self, expr: &Expr, depth: usize) -> bool {
        match expr {
            Expr::Paren(p) => self.is_secret_client(&p.expr, depth),
            Expr::Call(_) => self
                .cx
                .facts
                .toolbelt
                .call(expr)
                .is_none_or(|(name, _)| name == "SecretClient"),
            Expr::Ident(i) => match self.cx.semantic.constant_init(i) {
                Some(init) if depth > 0 => self.is_secret_client(init, depth - 1),
                // Too deep to follow, or a value the file cannot tell.
                _ => true,
            },
            Expr::Member(_) | Expr::Await(_) | Expr::Cond(_) | Expr::Bin(_) | Expr::This(_) => {
                true
            }
            Expr::OptChain(_) | Expr::Seq(_) | Expr::Assign(_) => true,
            _ => false,
        }
    }

    /// `<secret client>.<method>(...)`.
    fn is_secret_call(&self, call: &CallExpr, method: &str) -> bool {
        call.callee
            .as_expr()
            .and_then(|c| c.as_member())
            .is_some_and(|m| {
                prop_name(&m.prop) == Some(method) && self.is_secret_client(&m.obj, DEPTH)
            })
    }

    /// How a `readSecret` call gets `{ useCache: false }`.
    fn read_fix(&self, call: &CallExpr) -> ReadFix {
        let cx = &self.cx;
        match call.args.as_slice() {
            [key] if key.spread.is_none() => {
                let end = cx.range(key.expr.span()).end;
                ReadFix::Replace(end..end, ", { useCache: false }".into())
            }
            [key, options] if key.spread.is_none() && options.spread.is_none() => {
                let Expr::Object(object) = options.expr.as_ref() else {
                    return ReadFix::Mark(options.expr.span());
                };
                let mut says_use_cache = false;
                for prop in &object.props {
                    match prop {
                        PropOrSpread::Spread(_) => return ReadFix::Mark(object.span),
                        PropOrSpread::Prop(p) => {
                            let name = match p.as_ref() {
                                Prop::Shorthand(i) => Some(&*i.sym),
                                Prop::KeyValue(kv) => prop_key(&kv.key),
                                _ => None,
                            };
                            match name {
                                Some("useCache") => says_use_cache = true,
                                Some(_) => {}
                                None => return ReadFix::Mark(object.span),
                            }
                        }
                    }
                }
                if says_use_cache {
                    return ReadFix::Done;
                }
                let Some(last) = object.props.last() else {
                    return ReadFix::Replace(cx.range(object.span), "{ useCache: false }".into());
                };
                let last_end = cx.range(last.span()).end;
                let close = cx.range(object.span).end - 1;
                let text = if cx.source[last_end..close].contains('\n') {
                    format!(",{}{}useCache: false", cx.style.eol, cx.indent_at(last_end))
                } else {
                    ", useCache: false".to_string()
                };
                ReadFix::Replace(last_end..last_end, text)
            }
            [] => ReadFix::Done,
            _ => ReadFix::Mark(call.span),
        }
    }

    fn unavailable(&mut self, value: &str, span: Span) {
        let secrets = &tables::platform().secrets;
        if !secrets.unavailable.iter().any(|s| s == value) {
            return;
        }
        let message = if self.in_app_key {
            format!("the system secret `{value}` does not exist in V2: remove `appKeySecretName` (V2's LpClient authenticates by itself)")
        } else {
            format!("the system secret `{value}` does not exist in V2: create a secret of your own in V2 and read that instead")
        };
        self.cx.todo(span, message);
    }
}

fn is_method(call: &CallExpr, name: &str) -> bool {
    call.callee
        .as_expr()
        .and_then(|c| c.as_member())
        .is_some_and(|m| m.prop.as_ident().is_some_and(|p| &*p.sym == name))
}

/// The names an expression reads, with [`READ_CALL`] for a `readSecret` call in it.
fn used_names(expr: &Expr) -> Vec<String> {
    struct Names(Vec<String>);
    impl Visit for Names {
        fn visit_ident(&mut self, i: &Ident) {
            self.0.push(i.sym.to_string());
        }
        fn visit_member_prop(&mut self, p: &MemberProp) {
            if let MemberProp::Computed(c) = p {
                c.visit_with(self);
            }
        }
        fn visit_call_expr(&mut self, call: &CallExpr) {
            if is_method(call, "readSecret") {
                self.0.push(READ_CALL.to_string());
            }
            call.visit_children_with(self);
        }
    }
    let mut names = Names(Vec::new());
    expr.visit_with(&mut names);
    names.0
}

fn contains_read(expr: &Expr) -> bool {
    used_names(expr).iter().any(|n| n == READ_CALL)
}

/// Whether an expression's value is (part of) a secret: it reads one itself, or it is a secret
/// variable seen through `await`, parentheses, property access or `JSON.parse`. Values computed
/// from a secret by other calls (a login with the credentials) are not secrets.
fn secret_valued(expr: &Expr, derived: &HashSet<String>) -> bool {
    if contains_read(expr) {
        return true;
    }
    match expr {
        Expr::Ident(i) => derived.contains(&*i.sym),
        Expr::Await(a) => secret_valued(&a.arg, derived),
        Expr::Paren(p) => secret_valued(&p.expr, derived),
        Expr::Member(m) => secret_valued(&m.obj, derived),
        Expr::Call(c) => {
            let is_json_parse = c.callee.as_expr().and_then(|e| e.as_member()).is_some_and(|m| {
                m.obj.as_ident().is_some_and(|o| &*o.sym == "JSON")
                    && m.prop.as_ident().is_some_and(|p| &*p.sym == "parse")
            });
            is_json_parse && c.args.first().is_some_and(|a| secret_valued(&a.expr, derived))
        }
        _ => false,
    }
}

fn binding_names(pat: &Pat, out: &mut HashSet<String>) {
    struct Names<'o>(&'o mut HashSet<String>);
    impl Visit for Names<'_> {
        fn visit_binding_ident(&mut self, b: &BindingIdent) {
            self.0.insert(b.id.sym.to_string());
        }
    }
    pat.visit_with(&mut Names(out));
}

/// The variable an assignment target writes: `x`, `x[k]`, `x.p` → `x`.
fn target_root(target: &AssignTarget) -> Option<String> {
    match target {
        AssignTarget::Simple(SimpleAssignTarget::Ident(i)) => Some(i.id.sym.to_string()),
        AssignTarget::Simple(SimpleAssignTarget::Member(m)) => m.obj.as_ident().map(|i| i.sym.to_string()),
        _ => None,
    }
}

impl Visit for SecretVisitor<'_, '_> {
    fn visit_function(&mut self, f: &Function) {
        self.functions.push(self.cx.range(f.span));
        f.visit_children_with(self);
        self.functions.pop();
    }

    fn visit_arrow_expr(&mut self, a: &ArrowExpr) {
        self.functions.push(self.cx.range(a.span));
        a.visit_children_with(self);
        self.functions.pop();
    }

    fn visit_call_expr(&mut self, call: &CallExpr) {
        if self.is_secret_call(call, "readSecret") {
            let key = match call.args.first() {
                Some(arg) if arg.spread.is_none() => self.key(&arg.expr, DEPTH),
                _ => Key::Unknown,
            };
            let fix = self.read_fix(call);
            self.reads.push((key, fix));
        }
        if self.is_secret_call(call, "updateSecret") {
            let key = match call.args.first() {
                Some(arg) if arg.spread.is_none() => self.object_key(&arg.expr, DEPTH),
                _ => Key::Unknown,
            };
            if let (Key::Known(name), Some(arg)) = (&key, call.args.first()) {
                let prefix = &tables::platform().secrets.reserved_prefix;
                if name.starts_with(prefix.as_str()) {
                    let span = key_span(&arg.expr).unwrap_or(arg.expr.span());
                    self.cx.todo(
                        span,
                        format!("V2 forbids secret keys starting with `{prefix}`: store this value under another key (and create that secret in V2)"),
                    );
                }
            }
            self.writes.insert(key);
        }
        // `readSecret(k).then(function (secret) { ... })`: the callback's parameters hold secrets.
        if let Some(member) = call.callee.as_expr().and_then(|c| c.as_member()) {
            let is_then = member.prop.as_ident().is_some_and(|p| &*p.sym == "then");
            if is_then && contains_read(&member.obj) {
                if let Some(first) = call.args.first() {
                    match first.expr.as_ref() {
                        Expr::Fn(f) => {
                            for p in &f.function.params {
                                binding_names(&p.pat, &mut self.derived);
                            }
                        }
                        Expr::Arrow(a) => {
                            for p in &a.params {
                                binding_names(p, &mut self.derived);
                            }
                        }
                        _ => {}
                    }
                }
            }
        }
        // `cache.set(k, value)`
        if let Some(member) = call.callee.as_expr().and_then(|c| c.as_member()) {
            if member.prop.as_ident().is_some_and(|p| &*p.sym == "set") && !self.functions.is_empty() {
                if let (Some(object), Some(value)) = (member.obj.as_ident(), call.args.get(1)) {
                    let is_secret = secret_valued(&value.expr, &self.derived);
                    self.cache_writes.push((object.sym.to_string(), is_secret));
                }
            }
        }
        call.visit_children_with(self);
    }

    fn visit_var_declarator(&mut self, d: &VarDeclarator) {
        if let Some(init) = d.init.as_deref() {
            if secret_valued(init, &self.derived) {
                binding_names(&d.name, &mut self.derived);
            }
        }
        d.visit_children_with(self);
    }

    fn visit_assign_expr(&mut self, assign: &AssignExpr) {
        let is_secret = secret_valued(&assign.right, &self.derived);
        if let Some(root) = target_root(&assign.left) {
            if !self.functions.is_empty() {
                self.cache_writes.push((root, is_secret));
            }
            // `value = (await c.readSecret(k)).value` makes `value` a secret too.
            if is_secret {
                if let AssignTarget::Simple(SimpleAssignTarget::Ident(i)) = &assign.left {
                    self.derived.insert(i.id.sym.to_string());
                }
            }
        }
        assign.visit_children_with(self);
    }

    fn visit_key_value_prop(&mut self, kv: &KeyValueProp) {
        let is_app_key = kv
            .key
            .as_ident()
            .is_some_and(|k| &*k.sym == "appKeySecretName");
        kv.key.visit_with(self);
        let was = self.in_app_key;
        self.in_app_key = is_app_key;
        kv.value.visit_with(self);
        self.in_app_key = was;
    }

    fn visit_str(&mut self, s: &Str) {
        if let Some(value) = s.value.as_atom() {
            self.unavailable(value, s.span);
        }
    }

    fn visit_tpl(&mut self, t: &Tpl) {
        if t.exprs.is_empty() {
            if let Some(value) = t.quasis.first().and_then(|q| q.cooked.as_ref()).and_then(|c| c.as_atom()) {
                self.unavailable(value, t.span);
            }
        }
        t.visit_children_with(self);
    }
}

/// Where an object literal sets its `key` (the last place), for a marker.
fn key_span(expr: &Expr) -> Option<Span> {
    let Expr::Object(object) = expr else {
        return None;
    };
    object.props.iter().rev().find_map(|prop| match prop.as_prop()?.as_ref() {
        Prop::Shorthand(i) if &*i.sym == "key" => Some(i.span),
        Prop::KeyValue(kv) if prop_key(&kv.key) == Some("key") => Some(kv.value.span()),
        _ => None,
    })
}

/// Top-level `let`/`var`/`const` names with a simple binding: name → declarator span.
fn top_level_variables(program: &Program) -> HashMap<String, Span> {
    let mut found = HashMap::new();
    for stmt in super::support::top_statements(program) {
        let Some(var) = stmt.as_decl().and_then(|d| d.as_var()) else {
            continue;
        };
        for d in &var.decls {
            if let Some(name) = d.name.as_ident() {
                let is_function = matches!(d.init.as_deref(), Some(Expr::Fn(_) | Expr::Arrow(_)));
                if !is_function {
                    found.insert(name.id.sym.to_string(), d.span);
                }
            }
        }
    }
    found
}
