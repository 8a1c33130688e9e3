//! Helper functions the handler hands its callback to: `return handleSuccess(data, callback);`
//! where `function handleSuccess(data, callback) { …; callback(null, { … }); }` (or a constant
//! holding a function: `const handleSuccess = (data, callback) => { … };`).
//!
//! When a helper answers through the callback (`callback(null, value)`) at the end of every path
//! it takes, and the callback is its only way out, it can return that value instead: the
//! parameter goes, each call becomes `return value;`, and each call site `h(args, callback)`
//! becomes `callback(null, h(args))`, which the next pass turns into `return h(args)` like any
//! other callback call. A helper that answers at once and also calls the callback in promise
//! handlers, which V1 ignored since they came later, loses those calls (see `late.rs`). An error
//! it reports (`callback(new Error(…))`) becomes `throw` when no
//! call site sits in a `try` block (which would now catch it). A helper that reports an error
//! that may be null, calls the callback from a nested function or a loop, may end without
//! calling it, or is used other than called with the callback, is left alone (the handler keeps
//! its adapter).

use crate::rules::text::{list_item_removal, removal_edits};
use crate::rules::Context;
use crate::semantic::{BindingId, BindingKind};
use std::ops::Range;
use swc_common::{Span, Spanned};
use swc_ecma_ast::*;
use swc_ecma_visit::{Visit, VisitWith};

/// Text edits: what to replace, and with what.
type Edits = Vec<(Range<usize>, String)>;

/// Findings to report with the edits: where, and what.
type Notes = Vec<(Span, String)>;

/// A call `h(…, callback, …)` in the handler.
struct CallSite {
    call: Span,
    args: Vec<Range<usize>>,
    helper: BindingId,
    index: usize,
    /// Inside a `try` block: an error thrown by the helper there would be caught.
    in_try: bool,
}

/// Rewrites the helpers `body` hands `callback` to. Returns whether it did.
pub(super) fn convert(cx: &mut Context, body: &FunctionBody, callback: BindingId) -> bool {
    let program = &cx.parsed.program;
    let mut finder = Finder { cx, callback, sites: Vec::new(), other: false, tries: 0 };
    body.visit_with(&mut finder);
    let Finder { sites, other, .. } = finder;
    if other || sites.is_empty() {
        return false;
    }
    let mut helpers: Vec<BindingId> = sites.iter().map(|s| s.helper).collect();
    helpers.sort_unstable();
    helpers.dedup();
    let mut edits: Edits = Vec::new();
    let mut notes: Notes = Vec::new();
    for &helper in &helpers {
        let calls: Vec<&CallSite> = sites.iter().filter(|s| s.helper == helper).collect();
        let index = calls[0].index;
        let binding = cx.semantic.binding(helper);
        // Only called, only here, always with the callback in the same place.
        if binding.reassigned
            || binding.declarations.len() != 1
            || calls.iter().any(|c| c.index != index)
            || cx.semantic.references_of(helper).count() != calls.len()
        {
            return false;
        }
        // The helper may throw where V1 reported an error only if nothing around a call catches.
        let may_throw = calls.iter().all(|c| !c.in_try);
        let Some((helper_edits, helper_notes)) = declaration_edits(cx, program, binding.declarations[0], index, may_throw) else {
            return false;
        };
        edits.extend(helper_edits);
        notes.extend(helper_notes);
        for site in calls {
            edits.push(site_edit(cx, site));
        }
    }
    for (range, text) in edits {
        cx.replace(range, text);
    }
    for (span, message) in notes {
        cx.report(span, crate::finding::FixClass::Review, message);
    }
    true
}

/// The calls in the handler that pass the callback on.
struct Finder<'c, 'a> {
    cx: &'c Context<'a>,
    callback: BindingId,
    sites: Vec<CallSite>,
    /// The callback is passed to something that is not a function declaration of the file.
    other: bool,
    /// How many `try` blocks hold the current node.
    tries: usize,
}

impl Visit for Finder<'_, '_> {
    fn visit_call_expr(&mut self, call: &CallExpr) {
        let is_callback = |e: &ExprOrSpread| {
            e.spread.is_none()
                && e.expr
                    .as_ident()
                    .is_some_and(|i| self.cx.semantic.binding_of(i) == Some(self.callback))
        };
        let positions: Vec<usize> = call.args.iter().enumerate().filter(|(_, a)| is_callback(a)).map(|(i, _)| i).collect();
        if !positions.is_empty() {
            let helper = call
                .callee
                .as_expr()
                .and_then(|c| c.as_ident())
                .and_then(|i| self.cx.semantic.binding_of(i))
                .filter(|&b| is_function(self.cx.semantic.binding(b)));
            match (helper, positions.as_slice()) {
                (Some(helper), [index]) => self.sites.push(CallSite {
                    call: call.span,
                    args: call.args.iter().map(|a| self.cx.range(a.span())).collect(),
                    helper,
                    index: *index,
                    in_try: self.tries > 0,
                }),
                _ => self.other = true,
            }
        }
        call.visit_children_with(self);
    }

    fn visit_try_stmt(&mut self, t: &TryStmt) {
        self.tries += 1;
        t.block.visit_with(self);
        self.tries -= 1;
        t.handler.visit_with(self);
        t.finalizer.visit_with(self);
    }
}

/// The edits of [`helper_edits`] for the function declared by the identifier at `span`.
fn declaration_edits(
    cx: &Context,
    program: &Program,
    span: Span,
    index: usize,
    may_throw: bool,
) -> Option<(Edits, Notes)> {
    struct Find<'c, 'a> {
        cx: &'c Context<'a>,
        span: Span,
        index: usize,
        may_throw: bool,
        found: Option<Option<(Edits, Notes)>>,
    }
    impl Visit for Find<'_, '_> {
        fn visit_fn_decl(&mut self, f: &FnDecl) {
            if f.ident.span == self.span {
                self.found = Some(function_edits(self.cx, &f.function, self.index, self.may_throw));
                return;
            }
            f.visit_children_with(self);
        }
        fn visit_var_declarator(&mut self, d: &VarDeclarator) {
            let declares = d.name.as_ident().is_some_and(|i| i.id.span == self.span);
            match d.init.as_deref() {
                Some(Expr::Fn(f)) if declares => {
                    self.found = Some(function_edits(self.cx, &f.function, self.index, self.may_throw));
                }
                Some(Expr::Arrow(a)) if declares => {
                    self.found = match &*a.body {
                        ArrowFunctionBody::FunctionBody(body) => {
                            let params: Vec<&Pat> = a.params.iter().collect();
                            Some(helper_edits(self.cx, &params, body, self.index, self.may_throw))
                        }
                        ArrowFunctionBody::Expr(_) => None,
                    };
                }
                _ => d.visit_children_with(self),
            }
        }
    }
    let mut find = Find { cx, span, index, may_throw, found: None };
    program.visit_with(&mut find);
    find.found.flatten()
}

/// [`helper_edits`] for a function declaration or expression.
fn function_edits(cx: &Context, function: &Function, index: usize, may_throw: bool) -> Option<(Edits, Notes)> {
    let params: Vec<&Pat> = function.params.iter().map(|p| &p.pat).collect();
    helper_edits(cx, &params, function.body.as_ref()?, index, may_throw)
}

/// The edits that make a function (its parameters and body) return what it passed to its
/// parameter `index`, or `None` when it does not have the shape this needs.
fn helper_edits(cx: &Context, params: &[&Pat], body: &FunctionBody, index: usize, may_throw: bool) -> Option<(Edits, Notes)> {
    let id = cx.semantic.binding_of(&params.get(index)?.as_ident()?.id)?;
    let mut calls = Vec::new();
    if !ends_with_calls(cx, &body.stmts, id, may_throw, &mut calls) {
        return None;
    }
    // Every use of the parameter is one of those calls, or a call V1 ignored because it came
    // after the only one (which goes).
    let uses = cx.semantic.references_of(id).count();
    let (ignored, steps) = match calls.as_slice() {
        _ if uses == calls.len() => (Vec::new(), Vec::new()),
        [(_, last)] => {
            let late = super::late::late_calls(cx, body, id, last)
                .filter(|late| uses == late.statements.len() + 1)?;
            (late.statements, late.steps)
        }
        _ => return None,
    };
    let semi = cx.style.semi();
    let param = params[index];
    let params: Vec<Range<usize>> = params.iter().map(|p| cx.range(p.span())).collect();
    let mut edits = vec![(list_item_removal(cx.source, &params, index), String::new())];
    let ignored: Vec<Range<usize>> = ignored.iter().map(|s| cx.range(*s)).collect();
    // A step that only made ignored calls goes whole; other ignored calls go as statements.
    let alone: Vec<Range<usize>> = ignored
        .iter()
        .filter(|r| !steps.iter().any(|s| s.start <= r.start && r.end <= s.end))
        .cloned()
        .collect();
    edits.extend(removal_edits(cx.source, &alone).into_iter().map(|(r, t)| (r, t.to_string())));
    edits.extend(steps.into_iter().map(|s| (s, String::new())));
    let notes: Notes = match calls.as_slice() {
        [(answer, _)] if !ignored.is_empty() => {
            let lines: Vec<String> = ignored.iter().map(|r| cx.line_number(r.start).to_string()).collect();
            let name = &*param.as_ident()?.id.sym;
            let message = format!(
                "V1 ignored the `{name}` {} (in promise handlers, which run after this function answered on line {}): removed",
                if lines.len() == 1 { format!("call on line {}", lines[0]) } else { format!("calls on lines {}", lines.join(", ")) },
                cx.line_number(cx.range(*answer).start)
            );
            vec![(param.span(), message)]
        }
        _ => Vec::new(),
    };
    for (stmt, call) in calls {
        let text = match (call.args.first(), call.args.get(1)) {
            (Some(error), _) if is_error(&error.expr) => format!("throw {}{semi}", cx.text(error.expr.span())),
            (_, Some(value)) => format!("return {}{semi}", cx.text(value.expr.span())),
            (_, None) => format!("return{semi}"),
        };
        edits.push((cx.range(stmt), text));
    }
    Some((edits, notes))
}

/// Whether every path through `stmts` ends with a call of `param` with no error (`param(null,
/// v)`, `param(undefined, v)`, `param()`) or, when `may_throw`, with an error that is certainly
/// not null (`param(new Error(…))`), collecting those statements and calls.
fn ends_with_calls<'s>(
    cx: &Context,
    stmts: &'s [Stmt],
    param: BindingId,
    may_throw: bool,
    calls: &mut Vec<(Span, &'s CallExpr)>,
) -> bool {
    let Some((last, _)) = stmts.split_last() else {
        return false;
    };
    match last {
        Stmt::Expr(ExprStmt { expr, span }) | Stmt::Return(ReturnStmt { arg: Some(expr), span }) => {
            let Some(call) = expr.as_call() else {
                return false;
            };
            let to_param = call
                .callee
                .as_expr()
                .and_then(|c| c.as_ident())
                .is_some_and(|i| cx.semantic.binding_of(i) == Some(param));
            let no_error = match call.args.first() {
                None => true,
                Some(a) => {
                    a.spread.is_none()
                        && (super::render::no_error(cx, &a.expr) || (may_throw && is_error(&a.expr)))
                }
            };
            if !to_param || !no_error || call.args.len() > 2 || call.args.iter().any(|a| a.spread.is_some()) {
                return false;
            }
            calls.push((*span, call));
            true
        }
        Stmt::If(IfStmt { cons, alt: Some(alt), .. }) => {
            branch(cx, cons, param, may_throw, calls) && branch(cx, alt, param, may_throw, calls)
        }
        Stmt::Block(b) => ends_with_calls(cx, &b.stmts, param, may_throw, calls),
        _ => false,
    }
}

fn branch<'s>(
    cx: &Context,
    stmt: &'s Stmt,
    param: BindingId,
    may_throw: bool,
    calls: &mut Vec<(Span, &'s CallExpr)>,
) -> bool {
    match stmt {
        Stmt::Block(b) => ends_with_calls(cx, &b.stmts, param, may_throw, calls),
        other => ends_with_calls(cx, std::slice::from_ref(other), param, may_throw, calls),
    }
}

/// A function declaration, or a constant that holds a function.
fn is_function(binding: &crate::semantic::Binding) -> bool {
    match binding.kind {
        BindingKind::Function => true,
        BindingKind::Const => matches!(binding.init, Some(Expr::Fn(_) | Expr::Arrow(_))),
        _ => false,
    }
}

/// An error V1 reported through the callback that cannot be null: `new Error(…)` and the like.
fn is_error(expr: &Expr) -> bool {
    matches!(expr, Expr::New(_))
}

/// `h(a, callback)` → `callback(null, h(a))`.
fn site_edit(cx: &Context, site: &CallSite) -> (Range<usize>, String) {
    let callback = &cx.source[site.args[site.index].clone()];
    let range = cx.range(site.call);
    let cut = list_item_removal(cx.source, &site.args, site.index);
    let inner = format!("{}{}", &cx.source[range.start..cut.start], &cx.source[cut.end..range.end]);
    (range, format!("{callback}(null, {inner})"))
}

