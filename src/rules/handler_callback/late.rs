//! Callback calls that V1 always ignored because they come after the helper's answer.
//!
//! A helper `const main = async (input, callback) => { …declarations…; callback(null, run()); }`
//! answers as soon as it is called: its body only declares functions and values before the
//! call, so nothing can stop it from reaching the call, and the call's arguments cannot throw
//! (`run()` calls a local async function, which never throws where it is called: it rejects).
//! Other calls of its callback that stand in functions handed to `.then`, `.catch` or `.finally`
//! of a promise (a chain on a toolbelt client's call) run, at the earliest, once the current job
//! is over (a promise calls its handlers asynchronously), so after that answer: V1 ignored them. When their arguments cannot throw
//! either (V1 evaluated them, then ignored the call), removing those statements changes nothing,
//! and the helper can return its answer like any other (see `helpers.rs`).

use crate::rules::Context;
use crate::semantic::{BindingId, BindingKind};
use std::ops::Range;
use swc_common::{Span, Spanned};
use swc_ecma_ast::*;
use swc_ecma_visit::{Visit, VisitWith};

/// The calls V1 ignored, to remove: their statements, and the `.then(…)` steps that hold nothing
/// else and that another step follows (`p.then(() => { callback(…) }).catch(…)` becomes
/// `p.catch(…)`: the step only passed on what it received).
pub(super) struct Ignored {
    pub(super) statements: Vec<Span>,
    pub(super) steps: Vec<Range<usize>>,
}

/// The calls of `param` in `body` that come after its answer `last` (the body's last
/// statement), when every other use of `param` is one, or `None`.
pub(super) fn late_calls(
    cx: &Context,
    body: &FunctionBody,
    param: BindingId,
    last: &CallExpr,
) -> Option<Ignored> {
    let (final_stmt, before) = body.stmts.split_last()?;
    let final_call = match final_stmt {
        Stmt::Expr(ExprStmt { expr, .. }) | Stmt::Return(ReturnStmt { arg: Some(expr), .. }) => expr.as_call()?,
        _ => return None,
    };
    if final_call.span != last.span {
        return None;
    }
    // Nothing before the answer can throw or wait.
    let scope = cx.range(body.span);
    if !final_call.args.iter().all(|a| a.spread.is_none() && (cannot_throw(cx, &a.expr, &scope) || async_call(cx, &a.expr, &scope))) {
        return None;
    }
    if !before.iter().all(|s| declares_only(cx, s, &scope)) {
        return None;
    }
    let mut finder = Late {
        cx,
        param,
        scope,
        depth: 0,
        found: Vec::new(),
        steps: Vec::new(),
        other: false,
    };
    for stmt in before {
        stmt.visit_with(&mut finder);
    }
    final_call.args.visit_with(&mut finder);
    if finder.other {
        return None;
    }
    Some(Ignored {
        statements: finder.found,
        steps: finder.steps,
    })
}

/// A statement that only declares: a function, or variables initialised with functions or
/// literals.
fn declares_only(cx: &Context, stmt: &Stmt, scope: &Range<usize>) -> bool {
    match stmt {
        Stmt::Decl(Decl::Fn(_)) | Stmt::Empty(_) => true,
        Stmt::Decl(Decl::Var(v)) => v.decls.iter().all(|d| {
            d.name.is_ident() && d.init.as_deref().is_none_or(|init| matches!(init, Expr::Arrow(_) | Expr::Fn(_)) || cannot_throw(cx, init, scope))
        }),
        _ => false,
    }
}

/// Evaluating the expression cannot throw: literals, functions, variables that are set by the
/// time it runs (see [`initialised`]), and arrays and objects of those.
fn cannot_throw(cx: &Context, expr: &Expr, scope: &Range<usize>) -> bool {
    cannot_throw_reading(expr, &|i| {
        initialised(cx, i, scope) || cx.semantic.is_global_named(i, "undefined")
    })
}

/// Evaluating the expression cannot throw: literals (not regular expressions), functions,
/// templates without substitutions, and arrays and objects of those, with the names `reads`
/// accepts (a read that cannot throw).
pub(super) fn cannot_throw_reading(expr: &Expr, reads: &dyn Fn(&Ident) -> bool) -> bool {
    let cannot_throw = |e: &Expr| cannot_throw_reading(e, reads);
    match expr {
        Expr::Lit(Lit::Regex(_)) => false,
        Expr::Lit(_) | Expr::Arrow(_) | Expr::Fn(_) => true,
        Expr::Ident(i) => reads(i),
        Expr::Paren(p) => cannot_throw(&p.expr),
        Expr::Array(a) => a.elems.iter().flatten().all(|e| e.spread.is_none() && cannot_throw(&e.expr)),
        Expr::Object(o) => o.props.iter().all(|p| match p {
            PropOrSpread::Prop(p) => match p.as_ref() {
                Prop::Shorthand(i) => reads(i),
                Prop::KeyValue(kv) => !matches!(kv.key, PropName::Computed(_)) && cannot_throw(&kv.value),
                _ => false,
            },
            PropOrSpread::Spread(_) => false,
        }),
        Expr::Tpl(t) => t.exprs.is_empty(),
        _ => false,
    }
}

/// A read of `i` cannot throw: it is a parameter, a `catch` parameter, a function or a `var`
/// (set, or `undefined`, whenever it is read), or a `let`, `const` or class declared in the
/// helper's body before the read (the helper's body runs from top to bottom before any promise
/// handler, and a handler's statements in order).
fn initialised(cx: &Context, i: &Ident, scope: &Range<usize>) -> bool {
    let Some(id) = cx.semantic.binding_of(i) else {
        return false;
    };
    let binding = cx.semantic.binding(id);
    let at = cx.range(i.span).start;
    match binding.kind {
        BindingKind::Param | BindingKind::Catch | BindingKind::Function | BindingKind::Var => true,
        _ => binding.declarations.iter().all(|d| {
            let d = cx.range(*d);
            scope.start <= d.start && d.end <= at
        }),
    }
}

/// A call of a constant declared before it in the helper's body that holds an async function,
/// with arguments that cannot throw: it returns a promise and throws nothing where it is called.
fn async_call(cx: &Context, expr: &Expr, scope: &Range<usize>) -> bool {
    let Some(call) = expr.as_call() else {
        return false;
    };
    let Some(callee) = call.callee.as_expr().and_then(|c| c.as_ident()) else {
        return false;
    };
    let Some(id) = cx.semantic.binding_of(callee) else {
        return false;
    };
    let binding = cx.semantic.binding(id);
    let is_async = match binding.init {
        Some(Expr::Arrow(a)) => a.is_async,
        Some(Expr::Fn(f)) => f.function.is_async,
        _ => false,
    };
    binding.kind == BindingKind::Const
        && !binding.reassigned
        && is_async
        && initialised(cx, callee, scope)
        && call.args.iter().all(|a| a.spread.is_none() && cannot_throw(cx, &a.expr, scope))
}

/// The expression is a promise, which calls its handlers after the current job: a call of a
/// toolbelt client (`secretClient.readSecret(…)`, `httpClient(…)`, where the name holds
/// `Toolbelt.SecretClient()` and the like), or a step of a chain on one.
fn is_promise(cx: &Context, expr: &Expr) -> bool {
    let client = |e: &Expr| {
        e.as_ident().and_then(|i| cx.semantic.binding_of(i)).is_some_and(|b| {
            let binding = cx.semantic.binding(b);
            binding.kind == BindingKind::Const && !binding.reassigned && binding.init.is_some_and(|init| cx.facts.toolbelt.call(init).is_some())
        })
    };
    match expr {
        Expr::Paren(p) => is_promise(cx, &p.expr),
        Expr::Call(call) => match call.callee.as_expr().map(|c| &**c) {
            Some(Expr::Member(m)) => (is_step(m) && is_promise(cx, &m.obj)) || client(&m.obj),
            Some(callee) => client(callee),
            None => false,
        },
        _ => false,
    }
}

/// Finds the calls of `param` inside promise handlers; any other use is `other`.
struct Late<'c, 'a> {
    cx: &'c Context<'a>,
    param: BindingId,
    scope: Range<usize>,
    /// How many promise handlers hold the current node.
    depth: usize,
    found: Vec<Span>,
    /// `.then(…)` steps whose handler only makes ignored calls and that another step follows.
    steps: Vec<Range<usize>>,
    other: bool,
}

impl Late<'_, '_> {
    fn is_param(&self, expr: &Expr) -> bool {
        expr.as_ident().is_some_and(|i| self.cx.semantic.binding_of(i) == Some(self.param))
    }

    /// `step` is `p.then(handler)` on a promise, whose handler's body only calls the parameter
    /// with arguments that cannot throw: the text from the end of `p` to the end of the step.
    fn ignored_step(&self, step: &CallExpr) -> Option<Range<usize>> {
        let m = step.callee.as_expr()?.as_member()?;
        if m.prop.as_ident().is_none_or(|p| &*p.sym != "then") {
            return None;
        }
        let [arg] = step.args.as_slice() else {
            return None;
        };
        let body = match (&arg.spread, &*arg.expr) {
            (None, Expr::Arrow(a)) => a.body.as_function_body().map(|b| &b.stmts),
            (None, Expr::Fn(f)) => f.function.body.as_ref().map(|b| &b.stmts),
            _ => None,
        }?;
        let ignored_call = |s: &Stmt| {
            s.as_expr().and_then(|e| e.expr.as_call()).is_some_and(|c| {
                c.callee.as_expr().is_some_and(|c| self.is_param(c))
                    && c.args.iter().all(|a| a.spread.is_none() && cannot_throw(self.cx, &a.expr, &self.scope))
            })
        };
        let only_calls = !body.is_empty() && body.iter().all(ignored_call);
        (only_calls && is_promise(self.cx, &m.obj))
            .then(|| self.cx.range(m.obj.span()).end..self.cx.range(step.span).end)
    }
}

/// `.then`, `.catch` or `.finally`: a step of a promise chain.
fn is_step(m: &MemberExpr) -> bool {
    m.prop.as_ident().is_some_and(|p| matches!(&*p.sym, "then" | "catch" | "finally"))
}

impl Visit for Late<'_, '_> {
    fn visit_expr_stmt(&mut self, s: &ExprStmt) {
        if let Some(call) = s.expr.as_call() {
            if call.callee.as_expr().is_some_and(|c| self.is_param(c)) {
                let args_safe = call.args.iter().all(|a| a.spread.is_none() && cannot_throw(self.cx, &a.expr, &self.scope));
                if self.depth > 0 && args_safe {
                    self.found.push(s.span);
                } else {
                    self.other = true;
                }
                return;
            }
        }
        s.visit_children_with(self);
    }

    fn visit_call_expr(&mut self, call: &CallExpr) {
        let step = call
            .callee
            .as_expr()
            .and_then(|c| c.as_member())
            .filter(|m| is_step(m) && is_promise(self.cx, &m.obj));
        let is_step = step.is_some();
        // The step before this one: a `.then` whose only handler only makes ignored calls.
        if let Some(Expr::Call(inner)) = step.map(|m| &*m.obj) {
            if let Some(range) = self.ignored_step(inner) {
                self.steps.push(range);
            }
        }
        call.callee.visit_with(self);
        for arg in &call.args {
            let handler = is_step && matches!(&*arg.expr, Expr::Arrow(_) | Expr::Fn(_));
            self.depth += usize::from(handler);
            arg.visit_with(self);
            self.depth -= usize::from(handler);
        }
    }

    fn visit_ident(&mut self, i: &Ident) {
        if self.cx.semantic.binding_of(i) == Some(self.param) {
            self.other = true;
        }
    }

}
