//! ## What it does
//! Reports synchronous, CPU- or I/O-blocking calls in the code an invocation runs (the handler
//! `lambda` and every top-level function it refers to): any call of a function or method whose
//! name ends in `Sync` (`fs.readFileSync`, `crypto.pbkdf2Sync`, `execSync`, `zlib.gzipSync`, …)
//! and synchronous crypto without that suffix (`crypto.sign`, `crypto.privateDecrypt`, … without
//! a callback). Each gets a marker with the asynchronous alternative. Nothing is rewritten.
//! Module-level code (run once per instance, at load) is left alone.
//!
//! ## Why V2 needs it
//! V2 batches many invocations into one Node.js instance: while one blocks the event loop, every
//! other invocation of the instance waits, and may hit the 30-second limit (seeds: "Avoid (CPU)
//! blocking code", "Concurrency"). The names and alternatives are in `rules/platform.toml`.
//!
//! ## Example
//! ```js
//! async function lambda(input, callback) {
//!   // TODO(faas-migrate): `crypto.pbkdf2Sync` blocks the event loop, stalling every invocation batched into this instance: use `await util.promisify(crypto.pbkdf2)(...)` [blocking-call]
//!   const key = crypto.pbkdf2Sync(input.payload.pin, salt, 100000, 32, "sha256");
//! }
//! ```
//!
//! ## Limits
//! Functions reached other than by name from the handler (object methods, callbacks from
//! elsewhere) are not checked, and neither are blocking loops or heavy synchronous libraries.
//! Without a top-level `lambda`, every function in the file is checked.

use super::{Check, Context, RuleInfo};
use crate::finding::FixClass;
use crate::tables;
use swc_common::Span;
use swc_ecma_ast::*;
use swc_ecma_visit::{Visit, VisitWith};

pub(super) const INFO: RuleInfo = RuleInfo {
    name: "blocking-call",
    class: FixClass::Manual,
    summary: "synchronous crypto and `*Sync` calls in the handler are reported (they stall every batched invocation)",
    applies: |source| source.contains("Sync") || source.contains("crypto"),
    check: Check::JavaScript(check),
    after: &[],
    source: include_str!("blocking_call.rs"),
};

fn check(cx: &mut Context) {
    let parsed = cx.parsed;
    let mut finder = Finder {
        calls: Vec::new(),
        depth: 0,
    };
    parsed.program.visit_with(&mut finder);
    if finder.calls.is_empty() {
        return;
    }
    let table = &tables::platform().blocking;
    for (name, callee, span) in finder.calls {
        let at = cx.range(span).start;
        if !cx.facts.runs_in_handler(at) {
            continue;
        }
        let text = cx.text(callee);
        let shown = if text.len() <= 40 && !text.contains('\n') {
            text.to_string()
        } else {
            name.clone()
        };
        let instead = table
            .alternative(&name)
            .map(str::to_string)
            .unwrap_or_else(|| "its asynchronous form with `await`".to_string());
        cx.todo(
            span,
            format!("`{shown}` blocks the event loop, stalling every invocation batched into this instance: use {instead}"),
        );
    }
}

struct Finder {
    /// (called name, callee span, call span) of blocking calls inside functions.
    calls: Vec<(String, Span, Span)>,
    depth: usize,
}

fn is_crypto(expr: &Expr) -> bool {
    expr.as_ident().is_some_and(|i| &*i.sym == "crypto")
}

impl Visit for Finder {
    fn visit_call_expr(&mut self, call: &CallExpr) {
        if self.depth > 0 {
            if let Callee::Expr(callee) = &call.callee {
                let (name, object) = match callee.as_ref() {
                    Expr::Ident(i) => (Some(i.sym.to_string()), None),
                    Expr::Member(m) => (m.prop.as_ident().map(|p| p.sym.to_string()), Some(&m.obj)),
                    _ => (None, None),
                };
                if let Some(name) = name {
                    let table = &tables::platform().blocking;
                    let sync = name.len() > table.sync_suffix.len()
                        && name.ends_with(table.sync_suffix.as_str())
                        && name.starts_with(|c: char| c.is_ascii_lowercase());
                    let has_callback = call
                        .args
                        .last()
                        .is_some_and(|a| matches!(a.expr.as_ref(), Expr::Fn(_) | Expr::Arrow(_)));
                    let crypto = object.is_some_and(|o| is_crypto(o))
                        && table.crypto_calls.contains(&name)
                        && !has_callback;
                    if sync || crypto {
                        self.calls.push((name, swc_common::Spanned::span(callee.as_ref()), call.span));
                    }
                }
            }
        }
        call.visit_children_with(self);
    }

    fn visit_function(&mut self, f: &Function) {
        self.depth += 1;
        f.visit_children_with(self);
        self.depth -= 1;
    }

    fn visit_arrow_expr(&mut self, a: &ArrowExpr) {
        self.depth += 1;
        a.visit_children_with(self);
        self.depth -= 1;
    }
}
