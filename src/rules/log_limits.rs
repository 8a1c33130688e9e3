//! ## What it does
//! Reports logging that V2 would cut off. It counts the `console.log`/`info`/`warn`/`error`/…
//! calls one invocation can reach: those in the handler (`lambda`) and in every top-level function
//! the handler refers to, directly or through others. More than 10 gets one marker above the
//! handler. A log call inside a loop (`for`, `while`, `do`, or the callback of `forEach`, `map`,
//! `filter`, `reduce`, …) in that code gets a marker too, one per loop. Nothing is rewritten.
//!
//! ## Why V2 needs it
//! V2 keeps at most 10 logs and 16,384 characters per invocation and drops the rest (V2 guide
//! §6.1); V1 had no such limit. A function that logged freely in V1 loses the logs that matter
//! (often the error at the end). The limits are in `rules/platform.toml`.
//!
//! ## Example
//! ```js
//! async function lambda(input, callback) {
//!   for (const item of input.payload.items) {
//!     // TODO(faas-migrate): logging inside a loop: V2 keeps only 10 logs (16384 characters) per invocation; collect what matters and log once after the loop [log-limits]
//!     console.info("item", item.id);
//!   }
//! }
//! ```
//!
//! ## Limits
//! The count is of call sites, once each, so a log in a loop counts once (the loop gets its own
//! marker). The size limit is not measured. Loggers other than `console` (a wrapper function, an
//! alias `const log = console.log`) are not recognised; neither are calls through object
//! methods or callbacks passed in from elsewhere. Without a top-level `lambda`, only loops are
//! checked, file-wide.

use super::{Check, Context, RuleInfo};
use crate::finding::FixClass;
use crate::tables;
use swc_common::{Span, Spanned};
use swc_ecma_ast::*;
use swc_ecma_visit::{Visit, VisitWith};

pub(super) const INFO: RuleInfo = RuleInfo {
    name: "log-limits",
    class: FixClass::Manual,
    summary: "more than 10 log calls reachable in one invocation, or logging in a loop, is reported (V2 keeps 10 logs)",
    applies: |source| source.contains("console"),
    check: Check::JavaScript(check),
    after: &[],
    source: include_str!("log_limits.rs"),
};

struct Log {
    span: Span,
    /// The innermost loop around it.
    in_loop: Option<Span>,
}

fn check(cx: &mut Context) {
    let parsed = cx.parsed;
    let mut finder = Finder {
        logs: Vec::new(),
        loops: Vec::new(),
    };
    parsed.program.visit_with(&mut finder);
    let facts = cx.facts;
    let handler = facts.handler.as_ref();
    let inside = |span: Span, cx: &Context| facts.runs_in_handler(cx.range(span).start);
    let limits = &tables::platform().logs;

    let counted = finder.logs.iter().filter(|l| inside(l.span, cx)).count();
    if let Some(h) = handler {
        if counted > limits.max_calls {
            cx.todo(
                h.span,
                format!(
                    "up to {counted} log calls can run in one invocation (the handler and the functions it calls): V2 keeps {} logs ({} characters) per invocation and drops the rest; log less, or combine messages",
                    limits.max_calls, limits.max_chars
                ),
            );
        }
    }
    let mut loops_reported: Vec<Span> = Vec::new();
    for log in &finder.logs {
        let Some(loop_span) = log.in_loop else { continue };
        if !inside(log.span, cx) || loops_reported.contains(&loop_span) {
            continue;
        }
        loops_reported.push(loop_span);
        cx.todo(
            log.span,
            format!(
                "logging inside a loop: V2 keeps only {} logs ({} characters) per invocation; collect what matters and log once after the loop",
                limits.max_calls, limits.max_chars
            ),
        );
    }
}

struct Finder {
    logs: Vec<Log>,
    /// Loops around the current node, innermost last; `None` marks a function boundary.
    loops: Vec<Option<Span>>,
}

impl Finder {
    fn current_loop(&self) -> Option<Span> {
        self.loops.last().copied().flatten()
    }

    fn in_loop<N: VisitWith<Self>>(&mut self, span: Span, node: &N) {
        self.loops.push(Some(span));
        node.visit_children_with(self);
        self.loops.pop();
    }
}

fn is_log(call: &CallExpr) -> bool {
    let Some(member) = call.callee.as_expr().and_then(|c| c.as_member()) else {
        return false;
    };
    member.obj.as_ident().is_some_and(|o| &*o.sym == "console")
        && member.prop.as_ident().is_some_and(|p| {
            tables::platform()
                .logs
                .console_methods
                .iter()
                .any(|m| *m == *p.sym)
        })
}

impl Visit for Finder {
    fn visit_call_expr(&mut self, call: &CallExpr) {
        if is_log(call) {
            self.logs.push(Log {
                span: call.span,
                in_loop: self.current_loop(),
            });
        }
        let loop_method = call
            .callee
            .as_expr()
            .and_then(|c| c.as_member())
            .and_then(|m| m.prop.as_ident())
            .is_some_and(|p| {
                tables::platform()
                    .logs
                    .loop_methods
                    .iter()
                    .any(|m| *m == *p.sym)
            });
        if !loop_method {
            return call.visit_children_with(self);
        }
        call.callee.visit_with(self);
        for arg in &call.args {
            match arg.expr.as_ref() {
                Expr::Fn(f) => self.in_loop(call.span, &f.function),
                Expr::Arrow(a) => self.in_loop(call.span, a),
                other => other.visit_with(self),
            }
        }
    }

    fn visit_function(&mut self, f: &Function) {
        self.loops.push(None);
        f.visit_children_with(self);
        self.loops.pop();
    }

    fn visit_arrow_expr(&mut self, a: &ArrowExpr) {
        self.loops.push(None);
        a.visit_children_with(self);
        self.loops.pop();
    }

    fn visit_for_stmt(&mut self, s: &ForStmt) {
        self.in_loop(s.span, s);
    }

    fn visit_for_in_stmt(&mut self, s: &ForInStmt) {
        self.in_loop(s.span, s);
    }

    fn visit_for_of_stmt(&mut self, s: &ForOfStmt) {
        self.in_loop(s.span(), s);
    }

    fn visit_while_stmt(&mut self, s: &WhileStmt) {
        self.in_loop(s.span, s);
    }

    fn visit_do_while_stmt(&mut self, s: &DoWhileStmt) {
        self.in_loop(s.span, s);
    }
}
