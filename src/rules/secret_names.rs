//! ## What it does
//! Checks how the function uses the secret store against V2's rules:
//!
//! - A `readSecret(key)` of a key that the same file also writes with `updateSecret` gets
//!   `{ useCache: false }` as its second argument. Keys match when they are the same string (or a
//!   top-level constant holding it), or the same variable name inside one function. The whole
//!   file counts, not only one function: a helper that refreshes a token and the handler that
//!   reads it again are the common case.
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
//! Keys computed differently at the read and the write are not matched. A secret written by
//! another function (or another instance) is still read through the 5-minute cache: add
//! `{ useCache: false }` by hand where a read must see such writes at once. The cache check
//! follows values by variable name only.

use super::{Check, Context, RuleInfo};
use crate::finding::FixClass;
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

/// A secret key as the code writes it.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
enum Key {
    /// A string (or a top-level constant holding one).
    Literal(String),
    /// A variable, in the function (its range) where it is used.
    Variable(String, Range<usize>),
}

fn check(cx: &mut Context) {
    let parsed = cx.parsed;
    let constants = string_constants(&parsed.program);
    let mut visitor = SecretVisitor {
        cx,
        constants,
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

    for (key, arg_end) in reads {
        if writes.contains(&key) {
            cx.insert(arg_end, ", { useCache: false }");
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
    constants: HashMap<String, String>,
    /// Ranges of the functions around the current node, innermost last.
    functions: Vec<Range<usize>>,
    /// `readSecret(key)` with one argument: its key and where the argument ends.
    reads: Vec<(Key, usize)>,
    writes: HashSet<Key>,
    /// Names bound to values read from the secret store.
    derived: HashSet<String>,
    /// Module-level candidates written inside functions: the name, and whether the value
    /// written is a secret.
    cache_writes: Vec<(String, bool)>,
    in_app_key: bool,
}

impl SecretVisitor<'_, '_> {
    fn key(&self, expr: &Expr) -> Option<Key> {
        match expr {
            Expr::Lit(Lit::Str(s)) => s.value.as_atom().map(|a| Key::Literal(a.to_string())),
            Expr::Tpl(t) if t.exprs.is_empty() => t
                .quasis
                .first()
                .and_then(|q| q.cooked.as_ref())
                .and_then(|c| c.as_atom())
                .map(|a| Key::Literal(a.to_string())),
            Expr::Ident(i) => Some(match self.constants.get(&*i.sym) {
                Some(value) => Key::Literal(value.clone()),
                None => Key::Variable(i.sym.to_string(), self.functions.last().cloned().unwrap_or(0..0)),
            }),
            Expr::Paren(p) => self.key(&p.expr),
            _ => None,
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
        if is_method(call, "readSecret") && call.args.len() == 1 && call.args[0].spread.is_none() {
            if let Some(key) = self.key(&call.args[0].expr) {
                let end = self.cx.range(call.args[0].expr.span()).end;
                self.reads.push((key, end));
            }
        }
        if is_method(call, "updateSecret") {
            if let Some(Expr::Object(object)) = call.args.first().map(|a| a.expr.as_ref()) {
                for prop in &object.props {
                    let PropOrSpread::Prop(prop) = prop else { continue };
                    let (value, span): (Expr, Span) = match prop.as_ref() {
                        Prop::Shorthand(i) if &*i.sym == "key" => (Expr::Ident(i.clone()), i.span),
                        Prop::KeyValue(kv) if kv.key.as_ident().is_some_and(|k| &*k.sym == "key")
                            || matches!(&kv.key, PropName::Str(s) if s.value.as_atom().is_some_and(|a| &**a == "key")) =>
                        {
                            ((*kv.value).clone(), kv.value.span())
                        }
                        _ => continue,
                    };
                    if let Some(key) = self.key(&value) {
                        if let Key::Literal(name) = &key {
                            let prefix = &tables::platform().secrets.reserved_prefix;
                            if name.starts_with(prefix.as_str()) {
                                self.cx.todo(
                                    span,
                                    format!("V2 forbids secret keys starting with `{prefix}`: store this value under another key (and create that secret in V2)"),
                                );
                            }
                        }
                        self.writes.insert(key);
                    }
                }
            }
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

/// Top-level `const NAME = "string"` declared once: name → value.
fn string_constants(program: &Program) -> HashMap<String, String> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    struct Count<'m>(&'m mut HashMap<String, usize>);
    impl Visit for Count<'_> {
        fn visit_binding_ident(&mut self, b: &BindingIdent) {
            *self.0.entry(b.id.sym.to_string()).or_default() += 1;
        }
    }
    program.visit_with(&mut Count(&mut counts));
    let mut constants = HashMap::new();
    for stmt in super::support::top_statements(program) {
        let Some(var) = stmt.as_decl().and_then(|d| d.as_var()) else {
            continue;
        };
        if var.kind != VarDeclKind::Const {
            continue;
        }
        for d in &var.decls {
            if let (Some(name), Some(Expr::Lit(Lit::Str(s)))) = (d.name.as_ident(), d.init.as_deref()) {
                if counts.get(&*name.id.sym) == Some(&1) {
                    if let Some(v) = s.value.as_atom() {
                        constants.insert(name.id.sym.to_string(), v.to_string());
                    }
                }
            }
        }
    }
    constants
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
