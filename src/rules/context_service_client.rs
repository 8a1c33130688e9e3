//! ## What it does
//! Rewrites `Toolbelt.ContextServiceClient({ apiKey, accountId })` to the V2 call shape
//! `Toolbelt.ContextServiceClient(apiKey)`: the object argument becomes its `apiKey` value
//! (`{ apiKey: key }` becomes `key`, `{ apiKey }` becomes `apiKey`).
//!
//! When `accountId` is the function's own account (`process.env.BRAND_ID`,
//! `process.env.X_LIVEPERSON_BRAND_ID`, or a variable declared once in the file as one of those)
//! nothing else is said. Any other `accountId` is reported (`review`): V2 always uses the
//! function's own account. A variable that always holds such an object (declared once with an
//! object literal, directly or through `const config = CONFIG` aliases) becomes `config.apiKey`,
//! read when the call is made as V1 read it; its `accountId` is checked the same way, unless
//! the code writes the object's properties (`config.accountId = …`), when the call is reported
//! with `config.accountId`, whatever the literal said. `process.env` is followed through the
//! variables that hold it (`const env = process.env`). Other
//! arguments that may be V1's object (a spread, other properties, comments inside the object, an
//! object literal without `apiKey`) get a marker; a variable whose value is not known is taken
//! to hold the key already.
//!
//! ## Why V2 needs it
//! V2's `ContextServiceClient` takes only the API key; the account comes from
//! `X_LIVEPERSON_BRAND_ID` (docs/faas-v1-to-v2.md §2). Passing V1's object would hand the whole
//! object to V2 as the key, and every Context Session Store call would fail.
//!
//! ## Example
//! ```js
//! // before
//! const client = Toolbelt.ContextServiceClient({ apiKey: key, accountId: process.env.BRAND_ID });
//! // after
//! const client = Toolbelt.ContextServiceClient(key);
//! ```
//!
//! ## Limits
//! An `accountId` that is the brand's id by some other route (a parameter, a config object, a
//! literal) is reported: check it is the function's own account, or call the Context Session
//! Store REST API with `fetch` for other accounts.

use super::{Check, Context, RuleInfo};
use crate::finding::FixClass;
use crate::semantic::Semantic;
use std::collections::HashSet;
use crate::semantic::facts::{prop_key, Env, Toolbelt};
use crate::parse::Parsed;
use swc_common::comments::Comments;
use swc_common::Spanned;
use swc_ecma_ast::*;
use swc_ecma_visit::{Visit, VisitWith};

pub(super) const INFO: RuleInfo = RuleInfo {
    name: "context-service-client",
    class: FixClass::Review,
    summary: "`Toolbelt.ContextServiceClient({ apiKey, accountId })` becomes `(apiKey)`; another account is reported",
    applies: |source| source.contains("ContextServiceClient"),
    check: Check::JavaScript(check),
    after: &[],
    source: include_str!("context_service_client.rs"),
};

const BRAND_IDS: [&str; 2] = ["BRAND_ID", "X_LIVEPERSON_BRAND_ID"];

fn check(cx: &mut Context) {
    let parsed = cx.parsed;
    let toolbelt = &cx.facts.toolbelt;
    let brand_vars = brand_variables(parsed, cx.semantic, &cx.facts.env);
    let mut calls = Calls {
        cx,
        toolbelt,
        brand_vars: &brand_vars,
    };
    parsed.program.visit_with(&mut calls);
}

fn rewrite(cx: &mut Context, call: &CallExpr, brand_vars: &HashSet<Id>) {
    let marker = "V2's ContextServiceClient takes only the API key (`ContextServiceClient(apiKey)`) and always uses this function's account; pass the key here";
    let [arg] = call.args.as_slice() else {
        if call.args.len() > 1 {
            cx.todo(call.span, marker);
        }
        return;
    };
    let object = match arg.expr.as_ref() {
        _ if arg.spread.is_some() => return cx.todo(call.span, marker),
        Expr::Object(object) => object,
        // Already the V2 shape (or a variable holding the key): nothing to say for strings.
        Expr::Lit(Lit::Str(_)) | Expr::Tpl(_) => return,
        Expr::Ident(ident) => {
            // A variable could be the V1 options object or the key itself: the model says
            // which, when it always holds an object literal (directly or through aliases).
            // Its `apiKey` is read when the call is made, as V1 did, so later changes to the
            // object's properties do not matter.
            match object_of(cx.semantic, ident, 0) {
                Some((object, mutated)) => {
                    let options = OptionsVariable {
                        ident,
                        object,
                        mutated,
                    };
                    return rewrite_options_variable(cx, call, &options, marker, brand_vars);
                }
                None => return,
            }
        }
        Expr::Member(_) => return,
        _ => return,
    };
    let mut api_key = None;
    let mut account = None;
    for prop in &object.props {
        let PropOrSpread::Prop(prop) = prop else {
            return cx.todo(call.span, marker);
        };
        match prop.as_ref() {
            Prop::Shorthand(i) if &*i.sym == "apiKey" => api_key = Some(i.span),
            Prop::Shorthand(i) if &*i.sym == "accountId" => account = Some(Expr::Ident(i.clone())),
            Prop::KeyValue(kv) => match prop_key(&kv.key) {
                Some("apiKey") => api_key = Some(kv.value.span()),
                Some("accountId") => account = Some((*kv.value).clone()),
                _ => return cx.todo(call.span, marker),
            },
            _ => return cx.todo(call.span, marker),
        }
    }
    let Some(key) = api_key else {
        return cx.todo(call.span, marker);
    };
    // Comments inside the object, outside the key's value, would be lost.
    let object_range = cx.range(object.span);
    let key_range = cx.range(key);
    if comments_between(cx, object_range.start, key_range.start)
        || comments_between(cx, key_range.end, object_range.end)
    {
        return cx.todo(call.span, "V2's ContextServiceClient takes only the API key: replace this object by its `apiKey` value (and keep the comments)");
    }
    let key_text = cx.source[key_range].to_string();
    cx.replace(object_range, key_text);
    check_account(cx, call, account.as_ref(), brand_vars);
}

/// The account a V1 call passed: V2 always uses the function's own.
fn check_account(cx: &mut Context, call: &CallExpr, account: Option<&Expr>, brand_vars: &HashSet<Id>) {
    let Some(account) = account else {
        return;
    };
    if !is_brand_id(account, brand_vars, &cx.facts.env, cx.semantic) {
        let text = cx.text(account.span()).to_string();
        report_account(cx, call, &text);
    }
}

/// A call that passed `account` (its text) as the account, which may not be the function's own.
fn report_account(cx: &mut Context, call: &CallExpr, account: &str) {
    cx.report(
        call.span,
        FixClass::Review,
        format!("V2's ContextServiceClient always uses this function's account (X_LIVEPERSON_BRAND_ID); this call passed `{account}` as the account: if that is another account, call the Context Session Store API with fetch instead"),
    );
}

/// The object literal `ident` always refers to, following `const a = b` aliases, and whether a
/// property of it is written through any of them (`config.accountId = …`): then the literal
/// does not say what the object holds when the call is made.
fn object_of<'a>(
    semantic: &Semantic<'a>,
    ident: &Ident,
    depth: usize,
) -> Option<(&'a ObjectLit, bool)> {
    let mutated = semantic
        .binding_of(ident)
        .is_some_and(|b| semantic.binding(b).mutated);
    match semantic.constant_init(ident)? {
        Expr::Object(object) => Some((object, mutated)),
        Expr::Ident(alias) if depth < 4 => object_of(semantic, alias, depth + 1)
            .map(|(object, further)| (object, mutated || further)),
        _ => None,
    }
}

/// A variable passed as the options: the object literal it always holds, and whether its
/// properties are written after it is made.
struct OptionsVariable<'o> {
    ident: &'o Ident,
    object: &'o ObjectLit,
    mutated: bool,
}

/// `ContextServiceClient(config)` where `config` always holds `{ apiKey, accountId }`: the
/// argument becomes `config.apiKey`.
fn rewrite_options_variable(
    cx: &mut Context,
    call: &CallExpr,
    options: &OptionsVariable,
    marker: &str,
    brand_vars: &HashSet<Id>,
) {
    let (ident, object) = (options.ident, options.object);
    let mut has_key = false;
    let mut account = None;
    for prop in &object.props {
        let PropOrSpread::Prop(prop) = prop else {
            // A spread could bring `apiKey` in or not.
            return cx.todo(call.span, marker);
        };
        match prop.as_ref() {
            Prop::Shorthand(i) if &*i.sym == "apiKey" => has_key = true,
            Prop::Shorthand(i) if &*i.sym == "accountId" => account = Some(Expr::Ident(i.clone())),
            Prop::KeyValue(kv) => match prop_key(&kv.key) {
                Some("apiKey") => has_key = true,
                Some("accountId") => account = Some((*kv.value).clone()),
                _ => {}
            },
            _ => return cx.todo(call.span, marker),
        }
    }
    if !has_key {
        return cx.todo(call.span, marker);
    }
    cx.replace(cx.range(ident.span), format!("{}.apiKey", ident.sym));
    if options.mutated {
        // What the object holds at the call is not the literal: the account is whatever
        // `config.accountId` is then.
        report_account(cx, call, &format!("{}.accountId", ident.sym));
    } else {
        check_account(cx, call, account.as_ref(), brand_vars);
    }
}

/// Whether the text between two offsets holds a comment (by the parser's comment store).
fn comments_between(cx: &Context, from: usize, to: usize) -> bool {
    let mut found = false;
    let mut at = from;
    while at < to && !found {
        let pos = cx.parsed.pos(at);
        found |= cx.parsed.comments.has_leading(pos) || cx.parsed.comments.has_trailing(pos);
        at += 1;
    }
    found
}

/// `process.env.BRAND_ID` (or the V2 name), in any of its spellings, `process.env` reached
/// however the file reaches it.
fn is_env_brand_id(expr: &Expr, env: &Env, semantic: &Semantic) -> bool {
    let Expr::Member(m) = expr else {
        return matches!(expr, Expr::Paren(p) if is_env_brand_id(&p.expr, env, semantic));
    };
    let name = match &m.prop {
        MemberProp::Ident(i) => Some(i.sym.to_string()),
        MemberProp::Computed(c) => match c.expr.as_ref() {
            Expr::Lit(Lit::Str(s)) => s.value.as_atom().map(|a| a.to_string()),
            _ => None,
        },
        _ => None,
    };
    name.is_some_and(|n| BRAND_IDS.contains(&n.as_str())) && env.is_env(&m.obj, semantic)
}

fn is_brand_id(expr: &Expr, brand_vars: &HashSet<Id>, env: &Env, semantic: &Semantic) -> bool {
    match expr {
        Expr::Ident(i) => brand_vars.contains(&i.to_id()),
        Expr::Paren(p) => is_brand_id(&p.expr, brand_vars, env, semantic),
        _ => is_env_brand_id(expr, env, semantic),
    }
}

/// Names declared exactly once in the file, as `process.env.BRAND_ID` (or destructured from
/// `process.env` under that name).
fn brand_variables(parsed: &Parsed, semantic: &Semantic, env: &Env) -> HashSet<Id> {
    struct Collector<'s> {
        candidates: Vec<Ident>,
        env: &'s Env,
        semantic: &'s Semantic<'s>,
    }
    impl Visit for Collector<'_> {
        fn visit_var_declarator(&mut self, d: &VarDeclarator) {
            match (&d.name, d.init.as_deref()) {
                (Pat::Ident(name), Some(init)) if is_env_brand_id(init, self.env, self.semantic) => {
                    self.candidates.push(name.id.clone());
                }
                (Pat::Object(pattern), Some(init)) if self.env.is_env(init, self.semantic) => {
                    for prop in &pattern.props {
                        match prop {
                            ObjectPatProp::Assign(a) if BRAND_IDS.contains(&&*a.key.id.sym) => {
                                self.candidates.push(a.key.id.clone());
                            }
                            ObjectPatProp::KeyValue(kv) => {
                                let is_brand = prop_key(&kv.key)
                                    .is_some_and(|k| BRAND_IDS.contains(&k));
                                if let (true, Some(b)) = (is_brand, kv.value.as_ident()) {
                                    self.candidates.push(b.id.clone());
                                }
                            }
                            _ => {}
                        }
                    }
                }
                _ => {}
            }
            d.visit_children_with(self);
        }
    }
    let mut c = Collector {
        candidates: Vec::new(),
        env,
        semantic,
    };
    parsed.program.visit_with(&mut c);
    // A variable that keeps that value: declared once, never assigned again.
    c.candidates
        .into_iter()
        .filter(|i| {
            semantic.binding_of(i).is_some_and(|b| {
                let b = semantic.binding(b);
                b.declarations.len() == 1 && !b.reassigned
            })
        })
        .map(|i| i.to_id())
        .collect()
}

struct Calls<'c, 'a, 'n> {
    cx: &'c mut Context<'a>,
    toolbelt: &'n Toolbelt,
    brand_vars: &'n HashSet<Id>,
}

impl Visit for Calls<'_, '_, '_> {
    fn visit_call_expr(&mut self, call: &CallExpr) {
        let factory = call
            .callee
            .as_expr()
            .and_then(|c| self.toolbelt.member(c));
        if factory == Some("ContextServiceClient") {
            rewrite(self.cx, call, self.brand_vars);
        }
        call.visit_children_with(self);
    }
}
