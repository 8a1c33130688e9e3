//! A handler that ends with `try { … callback(null, r); } catch (e) { … } finally { …; callback(null, r); }`:
//! the `finally` answers on the paths where the `try` did not.
//!
//! In V1 the first call wins. When the `try` block called back, the `finally`'s call is ignored;
//! when the block threw, the `catch` ran (and may have thrown in turn) and the `finally`'s call
//! delivered `r`, whatever the `catch` did. In V2 the `finally`'s call becomes `return r;` and
//! every call in the `try` block and the `catch` becomes `return r;` too. A `return` in a
//! `finally` replaces whatever the `try` or `catch` completed with (a return, or a throw), so:
//! - after the block's `return r`, the `finally` returns `r` again: the same value, because
//!   only the `finally`'s own statements run in between and they do not write `r`;
//! - after the block threw, the `finally` returns `r` whether the `catch` ended or threw, as V1
//!   delivered it.
//!
//! This holds only when every call in the `try` statement delivers the same `r` (no error), the
//! `try` is the handler's last statement, nothing else returns from the `try` block or the
//! `catch` (such a path would now get `r` too, which V1 gave it as well, but the timeout check
//! would misread it), the `finally`'s other statements only log or compute (no call with
//! lasting effects, no `await`, no jump, no write to `r`), and no inner `try` has a `finally` of
//! its own.

use super::collect::{effect, Site};
use super::data::Data;
use crate::rules::Context;
use crate::semantic::ReferenceKind;
use std::collections::HashSet;
use swc_common::{BytePos, Spanned};
use swc_ecma_ast::*;
use swc_ecma_visit::{Visit, VisitWith};

/// The positions of the sites in a `finally` block that may become `return` (see the module
/// documentation), or none.
pub(super) fn returns_in_finally(
    cx: &Context,
    body: &FunctionBody,
    sites: &[Site],
    callback: &str,
    locals: &HashSet<String>,
) -> HashSet<BytePos> {
    let mut allowed = HashSet::new();
    let Some(Stmt::Try(t)) = body.stmts.iter().rev().find(|s| !matches!(s, Stmt::Empty(_))) else {
        return allowed;
    };
    let Some(finalizer) = &t.finalizer else {
        return allowed;
    };
    let Some((last, before)) = finalizer.stmts.split_last() else {
        return allowed;
    };
    let Some(final_site) = sites.iter().find(|s| s.stmt.span() == last.span()) else {
        return allowed;
    };
    let Some(value) = delivered(cx, final_site.call) else {
        return allowed;
    };
    let t_range = cx.range(t.span);
    let f_range = cx.range(finalizer.span);
    let within = |span: swc_common::Span, r: &std::ops::Range<usize>| {
        let s = cx.range(span);
        r.start <= s.start && s.end <= r.end
    };
    for site in sites.iter().filter(|s| within(s.stmt.span(), &t_range)) {
        // The `finally`'s call is its only one.
        if within(site.stmt.span(), &f_range) && site.stmt.span() != last.span() {
            return allowed;
        }
        if site.dropped || delivered(cx, site.call).as_ref() != Some(&value) {
            return allowed;
        }
    }
    // The `finally`'s other statements only log or compute, and do not jump. (They run in V2
    // before the answer, so a call that could throw, even on the input's data, is not allowed.)
    let mut own = Own::default();
    let no_data = Data::none(cx.semantic);
    for stmt in before {
        if effect(stmt, callback, locals, &no_data, true).is_some() {
            return allowed;
        }
        stmt.visit_with(&mut own);
    }
    if own.jumps {
        return allowed;
    }
    // No other way out of the `try` block or the `catch`, and no inner `finally`.
    let mut inner = Own::default();
    t.block.visit_with(&mut inner);
    t.handler.visit_with(&mut inner);
    let site_returns = sites
        .iter()
        .filter(|s| within(s.stmt.span(), &t_range) && !within(s.stmt.span(), &f_range) && s.stmt.is_return_stmt())
        .count();
    if inner.finally || inner.returns != site_returns {
        return allowed;
    }
    // The `finally` does not write the variable it delivers.
    if let Value::Binding(id) = value {
        let written = cx
            .semantic
            .references_of(id)
            .any(|r| r.kind != ReferenceKind::Read && r.kind != ReferenceKind::Call && within(r.span, &f_range));
        if written {
            return allowed;
        }
    }
    allowed.insert(final_site.stmt.span().lo);
    allowed
}

/// What a call with no error delivers.
#[derive(PartialEq)]
enum Value {
    Nothing,
    Binding(crate::semantic::BindingId),
}

fn delivered(cx: &Context, call: &CallExpr) -> Option<Value> {
    match super::render::success(cx, call)? {
        None => Some(Value::Nothing),
        Some(r) => Some(Value::Binding(cx.semantic.binding_of(r.as_ident()?)?)),
    }
}

/// Statements that leave a block, and `finally` blocks, at the function's own level.
#[derive(Default)]
struct Own {
    jumps: bool,
    returns: usize,
    finally: bool,
}

impl Visit for Own {
    fn visit_return_stmt(&mut self, r: &ReturnStmt) {
        self.jumps = true;
        self.returns += 1;
        r.visit_children_with(self);
    }
    fn visit_throw_stmt(&mut self, t: &ThrowStmt) {
        self.jumps = true;
        t.visit_children_with(self);
    }
    fn visit_break_stmt(&mut self, _: &BreakStmt) {
        self.jumps = true;
    }
    fn visit_continue_stmt(&mut self, _: &ContinueStmt) {
        self.jumps = true;
    }
    fn visit_try_stmt(&mut self, t: &TryStmt) {
        self.finally |= t.finalizer.is_some();
        t.visit_children_with(self);
    }
    fn visit_function(&mut self, _: &Function) {}
    fn visit_arrow_expr(&mut self, _: &ArrowExpr) {}
    fn visit_class(&mut self, _: &Class) {}
}
