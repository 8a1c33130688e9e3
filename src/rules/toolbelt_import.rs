//! ## What it does
//! Turns the top-level `require` of the V1 toolbelt into an `import` of the V2 toolbelt:
//! `const { Toolbelt, LpServices } = require("lp-faas-toolbelt")` becomes
//! `import { Toolbelt, LpServices } from "core-functions-toolbelt";`. Any subset of names works,
//! renamed ones too (`{ Toolbelt: TB }` becomes `{ Toolbelt as TB }`), on one line or several;
//! the quotes, the semicolon (or its absence) and any comments inside the braces are kept.
//!
//! ## Why V2 needs it
//! V2 functions are ES modules: `require` does not exist there, and the toolbelt is published
//! as `core-functions-toolbelt` (V2 guide §1.2). The module renames live in `rules/modules.toml`.
//!
//! ## Example
//! ```js
//! // before
//! const { Toolbelt, LpServices } = require('lp-faas-toolbelt');
//! // after
//! import { Toolbelt, LpServices } from 'core-functions-toolbelt';
//! ```
//!
//! ## Limits
//! Only a top-level `const`/`let`/`var` with one destructuring declarator and plain names is
//! rewritten. Every other `require("lp-faas-toolbelt")` (inside a function, `require(..).Toolbelt`,
//! default values in the pattern, a `let` binding that is later reassigned) gets a marker.

use super::{lone_token, Check, Context, RuleInfo};
use crate::finding::FixClass;
use crate::tables;
use swc_common::Spanned;
use swc_ecma_ast::*;
use swc_ecma_visit::{Visit, VisitWith};

pub(super) const INFO: RuleInfo = RuleInfo {
    name: "toolbelt-import",
    class: FixClass::Auto,
    summary: "`const { Toolbelt } = require(\"lp-faas-toolbelt\")` becomes an import of core-functions-toolbelt",
    applies: |source| tables::modules().rename.iter().any(|m| source.contains(m.v1.as_str())),
    check: Check::JavaScript(check),
    source: include_str!("toolbelt_import.rs"),
};

fn check(cx: &mut Context) {
    let top_level: Vec<&Stmt> = match &cx.parsed.program {
        Program::Script(script) => script.body.iter().collect(),
        Program::Module(module) => module.body.iter().filter_map(|item| item.as_stmt()).collect(),
    };
    let mut rewritten = Vec::new();
    if !declares_require(&top_level) {
        for stmt in &top_level {
            if let Some(call_span) = rewrite(cx, stmt) {
                rewritten.push(call_span);
            }
        }
    }
    // Every other require of a renamed module needs a person (or a later rule).
    let mut requires = Requires::default();
    cx.parsed.program.visit_with(&mut requires);
    for (span, module) in requires.found {
        if !rewritten.contains(&span) {
            let v2 = tables::modules().v2_name(&module).unwrap_or_default();
            cx.todo(
                span,
                format!("`require(\"{module}\")` in this form is not rewritten; import it from \"{v2}\" at the top level"),
            );
        }
    }
}

/// Rewrites one top-level declaration if it has the supported shape; returns the span of the
/// `require` call it replaced.
fn rewrite(cx: &mut Context, stmt: &Stmt) -> Option<swc_common::Span> {
    let Stmt::Decl(Decl::Var(var)) = stmt else {
        return None;
    };
    let [declarator] = var.decls.as_slice() else {
        return None;
    };
    let Pat::Object(pattern) = &declarator.name else {
        return None;
    };
    let call = declarator.init.as_deref()?.as_call()?;
    let (module, literal) = require_of(call)?;
    let v2 = tables::modules().v2_name(&module)?;
    if pattern.optional || pattern.type_ann.is_some() {
        return None;
    }

    let mut edits = Vec::new();
    let mut names = Vec::new();
    for prop in &pattern.props {
        match prop {
            ObjectPatProp::Assign(AssignPatProp { key, value: None, .. }) => {
                names.push(key.id.sym.to_string());
            }
            ObjectPatProp::KeyValue(KeyValuePatProp { key, value }) => {
                let (PropName::Ident(_) | PropName::Str(_)) = key else {
                    return None;
                };
                let Pat::Ident(binding) = value.as_ref() else {
                    return None;
                };
                // `Toolbelt: TB` → `Toolbelt as TB`, keeping any comment around the colon.
                let gap = cx.range(key.span()).end..cx.range(binding.span()).start;
                let colon = gap.start + lone_token(&cx.source[gap.clone()], ":")?;
                let before = if colon == gap.start { " " } else { "" };
                let after = if colon + 1 == gap.end { " " } else { "" };
                edits.push((colon..colon + 1, format!("{before}as{after}")));
                names.push(binding.id.sym.to_string());
            }
            _ => return None,
        }
    }
    if var.kind != VarDeclKind::Const && reassigns(&cx.parsed.program, &names) {
        return None;
    }
    // `= require("…")` → `from "…"`: `=` and the call are replaced, comments around them stay.
    let call_range = cx.range(call.span());
    let gap = cx.range(pattern.span()).end..call_range.start;
    let equals = gap.start + lone_token(&cx.source[gap.clone()], "=")?;
    if cx.text(call.callee.span()) != "require" || cx.text(call.span()).contains("/*") || cx.text(call.span()).contains("//") {
        return None;
    }
    let quote = cx.text(literal.span()).chars().next().unwrap_or('"');
    let keyword = cx.range(var.span());
    let keyword = keyword.start..keyword.start + var.kind.as_str().len();

    cx.replace(keyword, "import");
    for (range, text) in edits {
        cx.replace(range, text);
    }
    let needs_space = |c: Option<char>| c.is_some_and(|c| !c.is_whitespace());
    let before = if needs_space(cx.source[..equals].chars().next_back()) { " " } else { "" };
    let after = if needs_space(cx.source[equals + 1..].chars().next()) { " " } else { "" };
    cx.replace(equals..equals + 1, format!("{before}from{after}"));
    cx.replace(call_range, format!("{quote}{v2}{quote}"));
    Some(call.span())
}

/// `require("m")` with a renamed module `m`: the module name and its literal.
fn require_of(call: &CallExpr) -> Option<(String, &Str)> {
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
    let Expr::Lit(Lit::Str(literal)) = arg.expr.as_ref() else {
        return None;
    };
    let module = literal.value.as_atom()?.to_string();
    tables::modules().v2_name(&module)?;
    Some((module, literal))
}

/// Whether the file defines its own `require` at the top level.
fn declares_require(top_level: &[&Stmt]) -> bool {
    top_level.iter().any(|stmt| match stmt {
        Stmt::Decl(Decl::Fn(f)) => &*f.ident.sym == "require",
        Stmt::Decl(Decl::Var(v)) => v
            .decls
            .iter()
            .any(|d| d.name.as_ident().is_some_and(|i| &*i.id.sym == "require")),
        _ => false,
    })
}

/// Whether any of `names` is assigned to anywhere (an import binding cannot be).
fn reassigns(program: &Program, names: &[String]) -> bool {
    struct Finder<'a> {
        names: &'a [String],
        found: bool,
    }
    impl Visit for Finder<'_> {
        fn visit_simple_assign_target(&mut self, target: &SimpleAssignTarget) {
            if let SimpleAssignTarget::Ident(i) = target {
                self.found |= self.names.iter().any(|n| *n == *i.id.sym);
            }
            target.visit_children_with(self);
        }
        fn visit_update_expr(&mut self, update: &UpdateExpr) {
            if let Expr::Ident(i) = update.arg.as_ref() {
                self.found |= self.names.iter().any(|n| *n == *i.sym);
            }
            update.visit_children_with(self);
        }
        fn visit_assign_target_pat(&mut self, pat: &AssignTargetPat) {
            // Destructuring assignment: every binding in `({ Toolbelt } = other)` is assigned.
            let mut found = false;
            pat.visit_with(&mut BindingNames(&mut |name: &str| {
                found |= self.names.iter().any(|n| n == name);
            }));
            self.found |= found;
        }
    }
    let mut finder = Finder { names, found: false };
    program.visit_with(&mut finder);
    finder.found
}

#[derive(Default)]
struct Requires {
    found: Vec<(swc_common::Span, String)>,
}

impl Visit for Requires {
    fn visit_call_expr(&mut self, call: &CallExpr) {
        if let Some((module, _)) = require_of(call) {
            self.found.push((call.span(), module));
        }
        call.visit_children_with(self);
    }
}

/// Calls a function with the name of every binding identifier it visits.
struct BindingNames<'f>(&'f mut dyn FnMut(&str));

impl Visit for BindingNames<'_> {
    fn visit_binding_ident(&mut self, ident: &BindingIdent) {
        (self.0)(&ident.id.sym);
    }
}
