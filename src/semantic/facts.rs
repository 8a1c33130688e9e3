//! Facts about the file that several rules need, computed once per pass on the semantic model:
//! the handler and its callback, every way the toolbelt is reached, `process.env` and the
//! variables that hold it, and the functions one invocation can run.

use super::{BindingId, Semantic};
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use swc_common::{Span, Spanned};
use swc_ecma_ast::*;
use swc_ecma_visit::{Visit, VisitWith};

/// Module names the toolbelt is imported or required from (V1 and V2).
pub const TOOLBELT_MODULES: [&str; 2] = ["lp-faas-toolbelt", "core-functions-toolbelt"];

/// What a pass knows about the file beyond names.
pub struct Facts {
    pub handler: Option<Handler>,
    pub toolbelt: Toolbelt,
    /// Whole ranges (byte offsets) of the handler and of every top-level function it can reach,
    /// directly or through others (a reference counts as a call), sorted, not overlapping.
    pub reachable: Vec<Range<usize>>,
    /// `process.env` and the variables that hold it.
    pub env: Env,
}

/// `process.env`, however the file reaches it: the global's property, or a variable that holds
/// it (`const env = process.env`, `const { env } = process`, `const { env: e } = process`).
#[derive(Default)]
pub struct Env {
    /// Such variables declared once and never assigned again: they always hold it.
    aliases: HashSet<Id>,
    /// Such variables assigned again: they may hold something else where they are read.
    pub ambiguous: HashSet<Id>,
    /// Candidates found in the walk, sorted into the two sets once it ends.
    candidates: Vec<Ident>,
}

impl Env {
    /// Whether `expr` evaluates to `process.env`: `process.env` (or `process["env"]`, `process?.env`)
    /// on the global `process`, or a variable that always holds it.
    pub fn is_env(&self, expr: &Expr, semantic: &Semantic) -> bool {
        match expr {
            Expr::Paren(p) => self.is_env(&p.expr, semantic),
            Expr::Ident(i) => self.aliases.contains(&i.to_id()),
            Expr::Member(m) => is_process_env(m, semantic),
            Expr::OptChain(OptChainExpr { base, .. }) => match base.as_ref() {
                OptChainBase::Member(m) => is_process_env(m, semantic),
                _ => false,
            },
            _ => false,
        }
    }

    /// A declaration that may bind `process.env` to a name.
    fn learn(&mut self, name: &Pat, mut init: &Expr, semantic: &Semantic) {
        while let Expr::Paren(p) = init {
            init = &p.expr;
        }
        match (name, init) {
            (Pat::Ident(b), Expr::Member(m)) if is_process_env(m, semantic) => {
                self.candidates.push(b.id.clone());
            }
            (Pat::Object(pattern), init) if is_process(init, semantic) => {
                for prop in &pattern.props {
                    match prop {
                        ObjectPatProp::Assign(AssignPatProp {
                            key, value: None, ..
                        }) if &*key.id.sym == "env" => {
                            self.candidates.push(key.id.clone());
                        }
                        ObjectPatProp::KeyValue(KeyValuePatProp { key, value })
                            if prop_key(key) == Some("env") =>
                        {
                            if let Pat::Ident(b) = value.as_ref() {
                                self.candidates.push(b.id.clone());
                            }
                        }
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }

    /// Sorts the candidates: kept (declared once, never assigned again) or ambiguous.
    fn settle(&mut self, semantic: &Semantic) {
        for ident in std::mem::take(&mut self.candidates) {
            let kept = semantic.binding_of(&ident).is_some_and(|b| {
                let b = semantic.binding(b);
                b.declarations.len() == 1 && !b.reassigned
            });
            if kept {
                self.aliases.insert(ident.to_id());
            } else {
                self.ambiguous.insert(ident.to_id());
            }
        }
    }
}

/// The global `process` (not a variable of the file that happens to be called so).
fn is_process(expr: &Expr, semantic: &Semantic) -> bool {
    match expr {
        Expr::Ident(i) => semantic.is_global_named(i, "process"),
        Expr::Paren(p) => is_process(&p.expr, semantic),
        _ => false,
    }
}

/// `process.env` on the global `process`.
fn is_process_env(m: &MemberExpr, semantic: &Semantic) -> bool {
    is_process(&m.obj, semantic) && prop_name(&m.prop) == Some("env")
}

impl Facts {
    /// Whether `offset` is in code the handler can run: in one of the [`Facts::reachable`]
    /// functions, or anywhere in a file without a handler (a binary search, not a scan).
    pub fn runs_in_handler(&self, offset: usize) -> bool {
        if self.handler.is_none() {
            return true;
        }
        let i = self.reachable.partition_point(|r| r.start <= offset);
        i > 0 && offset < self.reachable[i - 1].end
    }
}

/// The V1 handler: a top-level `function lambda(...)`, or `const lambda = function/arrow`.
pub struct Handler {
    /// The function (for a `const`, its initializer); `async` goes at its start.
    pub span: Span,
    pub is_async: bool,
    /// The binding of its second parameter, V1's `callback`, when it is a plain name.
    pub callback: Option<BindingId>,
}

/// Every way the file reaches the toolbelt's `Toolbelt` object (and its `LpServices`).
#[derive(Default)]
pub struct Toolbelt {
    /// Bindings that hold `Toolbelt`: `const { Toolbelt } = require(…)`, `{ Toolbelt: TB }`,
    /// `const TB = tb.Toolbelt`, `import { Toolbelt } from …`, `const T = Toolbelt`.
    objects: HashSet<Id>,
    /// Bindings that hold the module itself: `const tb = require("lp-faas-toolbelt")`,
    /// `import * as tb from "core-functions-toolbelt"`.
    namespaces: HashSet<Id>,
    /// Bindings that hold `LpServices`.
    services: HashSet<Id>,
    unresolved: Option<swc_common::SyntaxContext>,
}

impl Toolbelt {
    /// Whether `expr` evaluates to the toolbelt's `Toolbelt` object: a binding of it,
    /// `<module>.Toolbelt` (a namespace binding or an inline `require`), or the global name
    /// `Toolbelt` (a file that uses it without binding it).
    pub fn is_object(&self, expr: &Expr) -> bool {
        match expr {
            Expr::Paren(p) => self.is_object(&p.expr),
            Expr::Ident(i) => self.is_object_ident(i),
            Expr::Member(m) => prop_name(&m.prop) == Some("Toolbelt") && self.is_module(&m.obj),
            _ => false,
        }
    }

    /// [`Toolbelt::is_object`] for an identifier.
    pub fn is_object_ident(&self, i: &Ident) -> bool {
        self.objects.contains(&i.to_id())
            || (&*i.sym == "Toolbelt" && Some(i.ctxt) == self.unresolved)
    }

    /// Whether `expr` evaluates to the toolbelt module: a namespace binding, or
    /// `require("lp-faas-toolbelt")`.
    pub fn is_module(&self, expr: &Expr) -> bool {
        match expr {
            Expr::Paren(p) => self.is_module(&p.expr),
            Expr::Ident(i) => self.namespaces.contains(&i.to_id()),
            Expr::Call(call) => require_of(call, self.unresolved)
                .is_some_and(|(m, _)| TOOLBELT_MODULES.contains(&m.as_str())),
            _ => false,
        }
    }

    /// Whether `expr` evaluates to `LpServices` (a binding of it, or `<module>.LpServices`).
    pub fn is_services(&self, expr: &Expr) -> bool {
        match expr {
            Expr::Paren(p) => self.is_services(&p.expr),
            Expr::Ident(i) => self.services.contains(&i.to_id()),
            Expr::Member(m) => prop_name(&m.prop) == Some("LpServices") && self.is_module(&m.obj),
            _ => false,
        }
    }

    /// `<Toolbelt>.<name>`: the name.
    pub fn member<'e>(&self, expr: &'e Expr) -> Option<&'e str> {
        match expr {
            Expr::Paren(p) => self.member(&p.expr),
            Expr::Member(m) => self.member_of(m),
            _ => None,
        }
    }

    /// [`Toolbelt::member`] for a member expression.
    pub fn member_of<'e>(&self, member: &'e MemberExpr) -> Option<&'e str> {
        if !self.is_object(&member.obj) {
            return None;
        }
        prop_name(&member.prop)
    }

    /// `<Toolbelt>.<factory>(...)`: the factory's name and the call.
    pub fn call<'e>(&self, expr: &'e Expr) -> Option<(&'e str, &'e CallExpr)> {
        let call = expr.as_call()?;
        let Callee::Expr(callee) = &call.callee else {
            return None;
        };
        self.member(callee).map(|name| (name, call))
    }

    fn learn(&mut self, name: &Pat, init: &Expr) {
        match name {
            Pat::Ident(b) => {
                if self.is_object(init) {
                    self.objects.insert(b.id.to_id());
                } else if self.is_module(init) {
                    self.namespaces.insert(b.id.to_id());
                } else if self.is_services(init) {
                    self.services.insert(b.id.to_id());
                }
            }
            Pat::Object(pattern) if self.is_module(init) => {
                for prop in &pattern.props {
                    let (key, local) = match prop {
                        ObjectPatProp::Assign(a) => (Some(&*a.key.id.sym), &a.key.id),
                        ObjectPatProp::KeyValue(kv) => match (&kv.key, kv.value.as_ref()) {
                            (key, Pat::Ident(b)) => (prop_key(key), &b.id),
                            _ => continue,
                        },
                        ObjectPatProp::Rest(_) => continue,
                    };
                    match key {
                        Some("Toolbelt") => self.objects.insert(local.to_id()),
                        Some("LpServices") => self.services.insert(local.to_id()),
                        _ => false,
                    };
                }
            }
            _ => {}
        }
    }

    fn learn_import(&mut self, import: &ImportDecl) {
        let Some(module) = import.src.value.as_atom() else {
            return;
        };
        if import.type_only || !TOOLBELT_MODULES.contains(&&**module) {
            return;
        }
        for s in &import.specifiers {
            match s {
                ImportSpecifier::Named(n) => {
                    let imported = match &n.imported {
                        Some(ModuleExportName::Ident(i)) => Some(&*i.sym),
                        Some(ModuleExportName::Str(s)) => s.value.as_atom().map(|a| &**a),
                        None => Some(&*n.local.sym),
                    };
                    match imported {
                        Some("Toolbelt") => self.objects.insert(n.local.to_id()),
                        Some("LpServices") => self.services.insert(n.local.to_id()),
                        _ => false,
                    };
                }
                ImportSpecifier::Namespace(ns) => {
                    self.namespaces.insert(ns.local.to_id());
                }
                ImportSpecifier::Default(d) => {
                    self.namespaces.insert(d.local.to_id());
                }
            }
        }
    }
}

/// A property name written as an identifier or a string (`a.b`, `a["b"]`).
pub fn prop_name(prop: &MemberProp) -> Option<&str> {
    match prop {
        MemberProp::Ident(i) => Some(&i.sym),
        MemberProp::Computed(c) => match c.expr.as_ref() {
            Expr::Lit(Lit::Str(s)) => s.value.as_atom().map(|a| &**a),
            _ => None,
        },
        MemberProp::PrivateName(_) => None,
    }
}

/// An object literal's key written as an identifier or a string (`key`, `"key"`).
pub fn prop_key(key: &PropName) -> Option<&str> {
    match key {
        PropName::Ident(i) => Some(&i.sym),
        PropName::Str(s) => s.value.as_atom().map(|a| &**a),
        _ => None,
    }
}

/// `require("m")` of the global `require` with a string literal: the module name and the
/// literal's span.
fn require_of(
    call: &CallExpr,
    unresolved: Option<swc_common::SyntaxContext>,
) -> Option<(String, Span)> {
    let callee = call.callee.as_expr()?.as_ident()?;
    if callee.ctxt != unresolved? {
        return None;
    }
    require_literal(call)
}

/// The module a call loads, as its first argument's string literal: `import("m")`, or
/// `require("m")` as written (whatever `require` is bound to).
pub fn loaded_module(call: &CallExpr) -> Option<&Str> {
    let loads = match &call.callee {
        Callee::Import(_) => true,
        Callee::Expr(e) => e.as_ident().is_some_and(|i| &*i.sym == "require"),
        Callee::Super(_) => false,
    };
    match call.args.first().map(|a| a.expr.as_ref()) {
        Some(Expr::Lit(Lit::Str(s))) if loads => Some(s),
        _ => None,
    }
}

/// `require("m")` as written (whatever `require` is bound to): the module name and the
/// literal's span.
pub fn require_literal(call: &CallExpr) -> Option<(String, Span)> {
    let Callee::Expr(callee) = &call.callee else {
        return None;
    };
    if callee.as_ident().is_none_or(|i| &*i.sym != "require") {
        return None;
    }
    let [arg] = call.args.as_slice() else {
        return None;
    };
    if arg.spread.is_some() {
        return None;
    }
    let Expr::Lit(Lit::Str(s)) = arg.expr.as_ref() else {
        return None;
    };
    Some((s.value.as_atom()?.to_string(), s.span))
}

impl Facts {
    /// One walk for the toolbelt, then the handler and what it reaches from the model.
    pub fn build(
        program: &Program,
        semantic: &Semantic,
        range: impl Fn(Span) -> Range<usize>,
    ) -> Facts {
        let mut toolbelt = Toolbelt {
            unresolved: Some(semantic.marks.unresolved),
            ..Toolbelt::default()
        };
        let mut env = Env::default();
        struct Learn<'t> {
            toolbelt: &'t mut Toolbelt,
            env: &'t mut Env,
            semantic: &'t Semantic<'t>,
        }
        impl Visit for Learn<'_> {
            fn visit_var_declarator(&mut self, d: &VarDeclarator) {
                if let Some(init) = d.init.as_deref() {
                    self.toolbelt.learn(&d.name, init);
                    self.env.learn(&d.name, init, self.semantic);
                }
                d.visit_children_with(self);
            }
            fn visit_import_decl(&mut self, import: &ImportDecl) {
                self.toolbelt.learn_import(import);
            }
        }
        program.visit_with(&mut Learn {
            toolbelt: &mut toolbelt,
            env: &mut env,
            semantic,
        });
        env.settle(semantic);
        let handler = handler(program, semantic);
        let reachable = handler
            .as_ref()
            .map(|h| reachable(program, semantic, h, &range))
            .unwrap_or_default();
        Facts {
            handler,
            toolbelt,
            reachable,
            env,
        }
    }
}

fn top_statements(program: &Program) -> Vec<&Stmt> {
    match program {
        Program::Module(m) => m.body.iter().filter_map(|i| i.as_stmt()).collect(),
        Program::Script(s) => s.body.iter().collect(),
    }
}

fn callback_of(params: &[&Pat], semantic: &Semantic) -> Option<BindingId> {
    semantic.binding_of(&params.get(1)?.as_ident()?.id)
}

fn handler(program: &Program, semantic: &Semantic) -> Option<Handler> {
    top_statements(program)
        .into_iter()
        .find_map(|stmt| match stmt {
            Stmt::Decl(Decl::Fn(f)) if &*f.ident.sym == "lambda" => {
                let params: Vec<&Pat> = f.function.params.iter().map(|p| &p.pat).collect();
                Some(Handler {
                    span: f.function.span,
                    is_async: f.function.is_async,
                    callback: callback_of(&params, semantic),
                })
            }
            Stmt::Decl(Decl::Var(var)) => var.decls.iter().find_map(|d| {
                let name = d.name.as_ident()?;
                if &*name.id.sym != "lambda" {
                    return None;
                }
                match d.init.as_deref()? {
                    Expr::Fn(f) => {
                        let params: Vec<&Pat> = f.function.params.iter().map(|p| &p.pat).collect();
                        Some(Handler {
                            span: f.function.span,
                            is_async: f.function.is_async,
                            callback: callback_of(&params, semantic),
                        })
                    }
                    Expr::Arrow(a) => {
                        let params: Vec<&Pat> = a.params.iter().collect();
                        Some(Handler {
                            span: a.span,
                            is_async: a.is_async,
                            callback: callback_of(&params, semantic),
                        })
                    }
                    _ => None,
                }
            }),
            _ => None,
        })
}

/// The handler and the top-level functions it reaches: one pass over the references, each
/// placed in the top-level function that holds it (they do not overlap), then a walk of the
/// graph.
fn reachable(
    program: &Program,
    semantic: &Semantic,
    handler: &Handler,
    range: &impl Fn(Span) -> Range<usize>,
) -> Vec<Range<usize>> {
    // Top-level functions: their binding (if any) and range, sorted by position.
    let mut functions: Vec<(Option<BindingId>, Range<usize>)> = Vec::new();
    for stmt in top_statements(program) {
        match stmt {
            Stmt::Decl(Decl::Fn(f)) => {
                functions.push((semantic.binding_of(&f.ident), range(f.function.span)))
            }
            Stmt::Decl(Decl::Var(var)) => {
                for d in &var.decls {
                    if let (Some(name), Some(init)) = (d.name.as_ident(), d.init.as_deref()) {
                        if matches!(init, Expr::Fn(_) | Expr::Arrow(_)) {
                            functions.push((semantic.binding_of(&name.id), range(init.span())));
                        }
                    }
                }
            }
            _ => {}
        }
    }
    functions.sort_by_key(|(_, r)| r.start);
    let index_of: HashMap<BindingId, usize> = functions
        .iter()
        .enumerate()
        .filter_map(|(i, (b, _))| b.map(|b| (b, i)))
        .collect();
    let holding = |offset: usize| {
        let i = functions.partition_point(|(_, r)| r.start <= offset);
        (i > 0 && offset < functions[i - 1].1.end).then(|| i - 1)
    };
    let mut edges: Vec<Vec<usize>> = vec![Vec::new(); functions.len()];
    for reference in &semantic.references {
        let Some(target) = reference.binding.and_then(|b| index_of.get(&b)) else {
            continue;
        };
        if let Some(from) = holding(range(reference.span).start) {
            edges[from].push(*target);
        }
    }
    let handler_range = range(handler.span);
    let Some(start) = functions.iter().position(|(_, r)| *r == handler_range) else {
        return vec![handler_range];
    };
    let mut seen = vec![false; functions.len()];
    seen[start] = true;
    let mut queue = vec![start];
    let mut order = Vec::new();
    while let Some(i) = queue.pop() {
        order.push(i);
        for &next in &edges[i] {
            if !seen[next] {
                seen[next] = true;
                queue.push(next);
            }
        }
    }
    order.sort_unstable();
    order.into_iter().map(|i| functions[i].1.clone()).collect()
}
