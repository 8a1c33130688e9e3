//! A guarded answer: a callback call that V1 followed with more code, kept in a variable that the
//! handler returns at its end.
//!
//! ```js
//! if (served) {
//!   callback(null, "Duplicate invocation");
//! }
//! try { await store.update(…); } catch (error) { console.error("could not update"); }
//! callback(null, "Done");
//! ```
//! becomes
//! ```js
//! let answer;
//! if (served) {
//!   answer = "Duplicate invocation";
//! }
//! try { await store.update(…); } catch (error) { console.error("could not update"); }
//! return answer ?? "Done";
//! ```
//!
//! The calls become assignments, so the code runs exactly as in V1 (the update is still made);
//! the first value wins (`??=` when there are several, each a value that cannot be null), and the
//! last call, which ends the handler, returns the kept value or its own (its argument is not
//! evaluated when V1 ignored it, so it must have no effect). V1 answered at the first call and
//! ignored what happened after it; V2 answers at the end, so this only holds when nothing after
//! the first kept call can end the handler otherwise: no `return`, and no exception that could
//! escape (code that cannot throw, or a `try` whose `catch` cannot). Calls before that code that
//! are `return callback(…)` stay `return`/`throw`. The answer now comes when the rest is done,
//! not before it: a `review` finding says so.

use super::collect::{effect, Site};
use super::data::Data;
use super::late::cannot_throw_reading;
use super::render::{rewrite, success};
use crate::rules::precedence::{self, Precedence};
use crate::rules::Context;
use std::collections::HashSet;
use std::ops::Range;
use swc_common::{Span, Spanned};
use swc_ecma_ast::*;
use swc_ecma_visit::{Visit, VisitWith};

/// The edits of a guarded answer and the findings that go with them.
pub(super) struct Plan {
    pub(super) edits: Vec<(Range<usize>, String)>,
    pub(super) notes: Vec<(Span, String)>,
}

/// The guarded form of the handler `body` whose callback calls are `sites`, if it has one.
pub(super) fn plan(
    cx: &Context,
    body: &FunctionBody,
    sites: &[Site],
    callback: &str,
    locals: &HashSet<String>,
    data: &Data,
) -> Option<Plan> {
    let stmts: Vec<&Stmt> = body.stmts.iter().filter(|s| !matches!(s, Stmt::Empty(_))).collect();
    let (&last, _) = stmts.split_last()?;
    let last_site = sites.iter().find(|s| s.stmt.span() == last.span())?;
    let last_value = success(cx, last_site.call)?;
    // V1 evaluated the last call's argument even when it ignored the call; V2 skips it then.
    if effect(&last_site.call.args, callback, locals, data, false).is_some() {
        return None;
    }
    let others: Vec<&Site> = sites.iter().filter(|s| s.stmt.span() != last.span()).collect();
    let within = |inner: Span, outer: Span| {
        let (i, o) = (cx.range(inner), cx.range(outer));
        o.start <= i.start && i.end <= o.end
    };
    // The first statement of the body that holds a call that V1 followed with more code.
    let first = stmts.iter().position(|s| {
        others.iter().any(|site| !site.stmt.is_return_stmt() && within(site.stmt.span(), s.span()))
    })?;
    let region = &stmts[first..stmts.len() - 1];
    let region_start = cx.range(region.first()?.span()).start;
    let mut kept = Vec::new();
    let mut edits = Vec::new();
    for site in &others {
        if site.dropped || site.in_finally {
            return None;
        }
        if cx.range(site.stmt.span()).start < region_start {
            // Before the kept calls, in a statement of its own: it ended V1's handler too.
            if !site.stmt.is_return_stmt() {
                return None;
            }
            edits.extend(rewrite(cx, site)?);
            continue;
        }
        let value = match success(cx, site.call)? {
            Some(v) if !site.stmt.is_return_stmt() && never_null(v) && cannot_throw(v) => v,
            _ => return None,
        };
        kept.push((site, value));
    }
    // No other `return`: a path that ended without an answer timed out in V1.
    let mut jumps = Jumps { returns: 0, labelled: false };
    body.visit_with(&mut jumps);
    if jumps.returns != sites.iter().filter(|s| s.stmt.is_return_stmt()).count() {
        return None;
    }
    let kept_spans: HashSet<_> = kept.iter().map(|(s, _)| s.stmt.span().lo).collect();
    let safe = Safe { cx, kept: &kept_spans };
    if !region.iter().all(|s| safe.stmt(s)) {
        return None;
    }

    let candidates = (0..100).map(|i| if i == 0 { "answer".to_string() } else { format!("answer{i}") });
    let name = cx.fresh_name(0..cx.source.len(), candidates)?;
    let semi = cx.style.semi();
    let eol = cx.style.eol;
    let op = if kept.len() > 1 { "??=" } else { "=" };
    for (site, value) in &kept {
        let call = cx.range(site.call.span);
        let arg = cx.range(value.span());
        edits.push((call.start..arg.start, format!("{name} {op} ")));
        edits.push((arg.end..call.end, String::new()));
    }
    let stmt_start = cx.range(region[0].span()).start;
    let indent = cx.indent_at(stmt_start);
    edits.push((stmt_start..stmt_start, format!("let {name}{semi}{eol}{indent}")));
    let start = cx.range(last_site.stmt.span()).start;
    let call_end = cx.range(last_site.call.span).end;
    match last_value {
        Some(v) => {
            let arg = cx.range(v.span());
            // The right operand of `??` is a bitwise-or expression or one that binds tighter
            // (`a ?? b || c` does not parse).
            let wrap = precedence::of(v) < Precedence::Binary(2);
            let (open, close) = if wrap { ("(", ")") } else { ("", "") };
            edits.push((start..arg.start, format!("return {name} ?? {open}")));
            edits.push((arg.end..call_end, close.to_string()));
        }
        None => edits.push((start..call_end, format!("return {name}"))),
    }
    let notes = kept
        .iter()
        .map(|(site, _)| {
            let after = site.lasting_effect_after.or(site.effect_after).map_or_else(String::new, |e| {
                format!(" (from line {}: `{}`)", cx.line_number(cx.range(e).start), super::first_line(cx.text(e)))
            });
            let message = format!(
                "V1 answered here and kept running the code after it{after}; V2 keeps this answer in `{name}` and returns it at the end, so the answer now waits for that code"
            );
            (site.stmt.span(), message)
        })
        .collect();
    Some(Plan { edits, notes })
}

/// A value that is never `null` or `undefined`, so that `??=` keeps it.
fn never_null(expr: &Expr) -> bool {
    match expr {
        Expr::Lit(Lit::Null(_)) => false,
        Expr::Lit(_) | Expr::Tpl(_) | Expr::Object(_) | Expr::Array(_) => true,
        Expr::Paren(p) => never_null(&p.expr),
        _ => false,
    }
}

/// Building the value cannot throw: literals, and arrays and objects of them (no name is read).
fn cannot_throw(expr: &Expr) -> bool {
    cannot_throw_reading(expr, &|_| false)
}

/// Statements that cannot end the handler: no `return`, and no exception can leave them.
struct Safe<'c, 'a> {
    cx: &'c Context<'a>,
    /// The kept calls (assignments of values that cannot throw, once rewritten).
    kept: &'c HashSet<swc_common::BytePos>,
}

impl Safe<'_, '_> {
    fn stmt(&self, stmt: &Stmt) -> bool {
        match stmt {
            Stmt::Empty(_) => true,
            Stmt::Expr(e) => self.kept.contains(&stmt.span().lo) || self.logs(&e.expr),
            Stmt::Block(b) => b.stmts.iter().all(|s| self.stmt(s)),
            Stmt::If(i) => {
                self.test(&i.test, self.cx.range(stmt.span()).start) && self.stmt(&i.cons) && i.alt.as_deref().is_none_or(|a| self.stmt(a))
            }
            Stmt::Try(t) => {
                let Some(handler) = &t.handler else {
                    return false;
                };
                let mut jumps = Jumps { returns: 0, labelled: false };
                t.block.visit_with(&mut jumps);
                t.finalizer.is_none() && jumps.returns == 0 && !jumps.labelled && handler.body.stmts.iter().all(|s| self.stmt(s))
            }
            _ => false,
        }
    }

    /// `console.*(…)` with literal arguments.
    fn logs(&self, expr: &Expr) -> bool {
        let Some(call) = expr.as_call() else {
            return false;
        };
        let console = call
            .callee
            .as_expr()
            .is_some_and(|c| self.cx.semantic.is_global_member(c, "console"));
        console && call.args.iter().all(|a| a.spread.is_none() && cannot_throw(&a.expr))
    }

    /// A condition that cannot throw: literals and variables declared before `at`, negated or
    /// compared strictly.
    fn test(&self, expr: &Expr, at: usize) -> bool {
        match expr {
            Expr::Lit(_) => true,
            Expr::Ident(i) => self.cx.semantic.binding_of(i).is_some_and(|b| {
                self.cx.semantic.binding(b).declarations.iter().all(|d| self.cx.range(*d).end <= at)
            }),
            Expr::Paren(p) => self.test(&p.expr, at),
            Expr::Unary(u) if u.op == UnaryOp::Bang => self.test(&u.arg, at),
            Expr::Bin(b) if matches!(b.op, BinaryOp::EqEqEq | BinaryOp::NotEqEq | BinaryOp::LogicalAnd | BinaryOp::LogicalOr) => {
                self.test(&b.left, at) && self.test(&b.right, at)
            }
            _ => false,
        }
    }
}

/// The `return`s, and whether a labelled `break`/`continue` (which could leave the statement)
/// stands, at the function's own level.
struct Jumps {
    returns: usize,
    labelled: bool,
}

impl Visit for Jumps {
    fn visit_return_stmt(&mut self, _: &ReturnStmt) {
        self.returns += 1;
    }
    fn visit_break_stmt(&mut self, b: &BreakStmt) {
        self.labelled |= b.label.is_some();
    }
    fn visit_continue_stmt(&mut self, c: &ContinueStmt) {
        self.labelled |= c.label.is_some();
    }
    fn visit_function(&mut self, _: &Function) {}
    fn visit_arrow_expr(&mut self, _: &ArrowExpr) {}
    fn visit_class(&mut self, _: &Class) {}
}
