//! ## What it does
//! Turns the V1 handler `function lambda(input, callback)` (sync or async, the callback may have
//! any name) into the V2 handler `async function lambda(input)` whose result is what the first
//! callback call delivered.
//!
//! When every use of the callback is a call statement in the handler's own body (in `if`/`else`,
//! `try`/`catch`, `switch`, loops, blocks), each call becomes a `return` or a `throw`:
//! `callback(null, x)` and `return callback(null, x)` become `return x;`, `callback(null)` and
//! `callback()` become `return;`, `callback(new Error("…"))` becomes `throw new Error("…");`. An
//! error argument that may be null at run time keeps V1's meaning:
//! `callback(err, data)` becomes `if (err != null) throw err;` then `return data;`. Inside a `try`
//! whose `catch` would catch that `throw`, the failure is returned as `return Promise.reject(err);`
//! so the local `catch` does not run, as in V1. A promise passed as the result is returned, and so
//! awaited, as V1 did.
//!
//! A handler that ends with a `try` whose `finally` ends with `callback(null, r)`, answering
//! where the `try` block did not, keeps that call as `return r;` in the `finally` (and the block's
//! `callback(null, r)` becomes `return r;`): a `return` in `finally` wins over a throw of the
//! `catch`, as V1's call did, and returns the value the block returned, since the `finally` does
//! not write `r` (see `handler_callback/finally.rs`).
//!
//! A helper the callback is handed to (`h(x, callback)`, a function declaration or a constant
//! holding a function) that answers through it at the end of every path returns that answer
//! instead, and the call becomes `return h(x)` (see `handler_callback/helpers.rs`). When the
//! helper answers at once (it only declares things before its call, whose arguments cannot
//! throw), its other calls inside `.then`/`.catch` handlers came later and V1 ignored them: they
//! are removed, with a `review` finding (see `handler_callback/late.rs`).
//!
//! When code with lasting effects follows a call that answers with a literal value, and nothing
//! after that call can end the handler (no `return`; only a `try` whose `catch` just logs, or
//! other code that cannot throw) up to a last call that ends the handler, the calls keep their
//! answer instead: `let answer;`, `answer = value;` (`??=` when there are several), and
//! `return answer ?? last;`, with a `review` finding that the answer now waits for that code
//! (see `handler_callback/guarded.rs`).
//!
//! When the callback is used anywhere else (inside `.then`/`.catch` handlers or other nested
//! functions, passed to a helper, called in an expression), or code with lasting effects runs
//! after a call, the body is kept as it is inside a `new Promise` with a local adapter named like
//! the old parameter, so the first call still wins and the rest still runs; a `review` finding
//! suggests the idiomatic refactor. (`.then`/`.catch` chains that end the handler are first turned
//! into `await` in `try`/`catch`, see `handler_callback/chain.rs`.)
//!
//! ## Why V2 needs it
//! V2 calls `lambda(input)` and takes the resolved value as the result and a rejection as the
//! failure; there is no callback (V2 guide §1.1).
//!
//! ## Example
//! ```js
//! // before
//! function lambda(input, callback) {
//!   if (!input.payload) {
//!     return callback(new Error("no payload"));
//!   }
//!   callback(null, { ok: true });
//! }
//! // after
//! async function lambda(input) {
//!   if (!input.payload) {
//!     throw new Error("no payload");
//!   }
//!   return { ok: true };
//! }
//! ```
//!
//! ## Limits
//! - In V1 the code after a callback call kept running. Where that code has lasting effects (calls,
//!   awaits, writes outside the handler) the handler keeps the adapter, so it still runs after the
//!   result (unless the guarded answer above applies); where it only logs, the call becomes a `return` and a `review` finding says the
//!   logging no longer happens. Reading the input (parsed JSON) with string and array methods that
//!   compute a value (`args.join(" ").trim()`) is no effect, as long as the handler never hands
//!   the input on or writes into it (see `handler_callback/data.rs`).
//! - A path on which V1 never called back (the invocation timed out) would return `undefined`, a
//!   success, in V2: it throws an error instead, with a marker; decide what it should do.
//! - The ignored calls in promise handlers are only removed from chains on a toolbelt client's
//!   call, whose handlers run after the current job.
//! - Logging in a `finally` block runs before the result in V2 (V1 logged after it); should that
//!   logging throw, V2 fails where V1 had answered.
//! - A `catch` parameter passed as the error is taken to be non-null (`throw null` and promises
//!   rejected with nothing are treated as errors).
//! - The adapter form keeps the original body's indentation (run your formatter), and a handler
//!   that reads `arguments` gets a marker instead.
//! - Only a top-level `function lambda` declaration is migrated; other handler shapes get a marker.

mod chain;
mod collect;
mod data;
mod finally;
mod flow;
mod guarded;
mod helpers;
mod late;
mod render;
mod tail;

use super::{Check, Context, RuleInfo};
use crate::finding::FixClass;
use collect::{count_idents, is_pure, mentions, unwrappable, Sites};
use flow::{Flow, State};
use render::{adapter, rewrite, unwrap_try};
use swc_common::Spanned;
use swc_ecma_ast::*;


pub(super) const INFO: RuleInfo = RuleInfo {
    name: "handler-callback",
    class: FixClass::Auto,
    summary: "`function lambda(input, callback)` becomes `async function lambda(input)`; callbacks become return/throw",
    applies: |source| source.contains("lambda"),
    check: Check::JavaScript(check),
    after: &[],
    source: include_str!("handler_callback.rs"),
};

/// The error V2 throws where V1 timed out.
const TIMEOUT_ERROR: &str = "lambda ended without a result (in V1 this invocation timed out)";

/// Error constructors whose `new` has no effect beyond building the error.
const ERROR_TYPES: &[&str] = &[
    "Error",
    "TypeError",
    "RangeError",
    "SyntaxError",
    "ReferenceError",
    "EvalError",
    "URIError",
    "AggregateError",
];

fn check(cx: &mut Context) {
    let Some(handler) = &cx.facts.handler else {
        return;
    };
    let Some((stmt, decl)) = find_lambda(&cx.parsed.program, handler) else {
        return;
    };
    let function = &decl.function;
    let [input, callback, rest @ ..] = function.params.as_slice() else {
        return;
    };
    let Some(body) = &function.body else {
        return;
    };
    let callback_name = match &callback.pat {
        Pat::Ident(binding) if rest.is_empty() && binding.type_ann.is_none() => binding.id.sym.to_string(),
        _ => {
            cx.todo(
                decl.ident.span,
                "this handler's parameters are not `(input, callback)`; rewrite it as `async function lambda(input)` that returns the result or throws",
            );
            return;
        }
    };
    if mentions(body, "arguments") {
        cx.todo(
            decl.ident.span,
            "the handler reads `arguments`, which changes when the callback parameter goes; rewrite it as `async function lambda(input)` by hand",
        );
        return;
    }

    let data = data::Data::of(cx, &input.pat, handler.callback, body);
    let mut sites = Sites {
        callback: &callback_name,
        locals: super::support::bound_names(body),
        data: &data,
        frames: Vec::new(),
        caught: Vec::new(),
        found: Vec::new(),
        chains: Vec::new(),
        unwrap: unwrappable(cx, body, &callback_name),
    };
    // Helpers the callback is handed to return their result instead; the next pass converts
    // the call sites like any other callback call.
    if let Some(callback_id) = handler.callback {
        if helpers::convert(cx, body, callback_id) {
            return;
        }
        // A handler that ends by deferring to a function that calls back runs that function's
        // body itself; the next pass converts its callback calls.
        if tail::inline(cx, body, callback_id) {
            make_async(cx, stmt, function);
            return;
        }
    }
    sites.list(&body.stmts);
    // Promise chains first: once they are `await`s, their callback calls are plain statements
    // that the next pass rewrites.
    let mut converted = false;
    for &(chain_stmt, in_try_catch) in &sites.chains {
        converted |= chain::convert(cx, chain_stmt, body, &callback_name, in_try_catch);
    }
    if converted {
        make_async(cx, stmt, function);
        return;
    }
    let unwrap = std::mem::take(&mut sites.unwrap);
    let locals = std::mem::take(&mut sites.locals);
    let sites = sites.found;
    // Uses of the handler's callback binding (a nested function's own `callback` parameter is
    // another binding).
    let uses = match handler.callback {
        Some(id) => cx.semantic.references_of(id).count(),
        None => count_idents(body, &callback_name),
    };
    // Code with lasting effects (a request, a write) that V1 ran after a callback must still run:
    // a `return` there would drop it, so such a handler keeps the adapter.
    let lasting = sites.iter().find_map(|s| s.lasting_effect_after.map(|e| (s, e)));
    // A `finally` that answers where its `try` did not may return instead.
    let in_finally = finally::returns_in_finally(cx, body, &sites, &callback_name, &locals);
    let direct = uses == sites.len()
        && !sites.is_empty()
        && lasting.is_none()
        && sites
            .iter()
            .all(|s| s.dropped || ((!s.in_finally || in_finally.contains(&s.stmt.span().lo)) && rewrite(cx, s).is_some()));

    // The signature: drop the callback parameter and make the handler async.
    let gap = cx.range(input.span()).end..cx.range(callback.span()).start;
    let Some(comma) = super::lone_token(&cx.source[gap.clone()], ",") else {
        return;
    };
    // A trailing comma after the callback goes with it.
    let end = cx.range(callback.span()).end;
    let after = &cx.source[end..];
    let trivia = super::trivia_len(after);
    let end = if after[trivia..].starts_with(',') { end + trivia + 1 } else { end };
    let start_edits = vec![(gap.start + comma..end, String::new())];

    if direct {
        for (range, text) in start_edits {
            cx.replace(range, text);
        }
        make_async(cx, stmt, function);
        for &pos in &unwrap {
            unwrap_try(cx, body, pos);
        }
        for site in sites.iter().filter(|s| !s.dropped) {
            for (range, text) in rewrite(cx, site).expect("checked above") {
                cx.replace(range, text);
            }
            // A bare `return;` or `break;` right after the call is now unreachable.
            match site.next {
                Some(Stmt::Return(ReturnStmt { arg: None, span })) | Some(Stmt::Break(BreakStmt { label: None, span })) => {
                    let range = cx.range(*span);
                    cx.remove_statements(&[range])
                }
                _ => {}
            }
            if let Some(effect) = site.effect_after {
                let line = cx.line_number(cx.range(effect).start);
                cx.report(
                    site.stmt.span(),
                    FixClass::Review,
                    format!(
                        "V1 kept running the code after this callback (from line {line}: `{}`); V2 returns here, so that code no longer runs",
                        first_line(cx.text(effect))
                    ),
                );
            }
        }
        let mut flow = Flow {
            sites: sites.iter().map(|s| s.stmt.span().lo).collect(),
            timeouts: Vec::new(),
            breaks: Vec::new(),
        };
        let end = flow.list(&body.stmts, State { reachable: true, called: false });
        // V1 failed with a timeout where no callback came: fail explicitly rather than succeed.
        let message = "in V1 this path never called back (the invocation timed out); V2 fails here instead: return a value or throw a clearer error";
        let failure = format!("throw new Error({})", cx.style.string(TIMEOUT_ERROR));
        for ret in flow.timeouts {
            if ret.arg.as_deref().is_none_or(is_pure) {
                cx.todo(ret.span, message);
                let range = cx.range(ret.span);
                let semi = if cx.source[..range.end].ends_with(';') { ";" } else { "" };
                cx.replace(range, format!("{failure}{semi}"));
            } else {
                cx.todo(ret.span, message);
            }
        }
        if end.reachable && !end.called {
            let closing = cx.range(body.span).end - 1;
            let line_start = super::support::line_start(cx.source, closing);
            let base = cx.indent_at(closing).to_string();
            let indent = body
                .stmts
                .last()
                .map_or_else(|| format!("{base}  "), |s| cx.indent_at(cx.range(s.span()).start).to_string());
            let semi = cx.style.semi();
            let eol = cx.style.eol;
            let marker = crate::finding::marker_text(INFO.name, message);
            let text = format!("{indent}// {marker}{eol}{indent}{failure}{semi}{eol}");
            if cx.source[line_start..closing].trim().is_empty() {
                cx.insert(line_start, text);
            } else {
                cx.insert(closing, format!("{eol}{text}"));
            }
            cx.manual_with_marker(body.stmts.last().map_or(body.span, |s| s.span()), message);
        }
    } else {
        // Code that V1 ran after a call may run before a kept answer instead.
        let guarded = match lasting {
            Some(_) if uses == sites.len() && unwrap.is_empty() => guarded::plan(cx, body, &sites, &callback_name, &locals, &data),
            _ => None,
        };
        for (range, text) in start_edits {
            cx.replace(range, text);
        }
        make_async(cx, stmt, function);
        if let Some(plan) = guarded {
            for (range, text) in plan.edits {
                cx.replace(range, text);
            }
            for (span, message) in plan.notes {
                cx.report(span, FixClass::Review, message);
            }
            return;
        }
        adapter(cx, stmt, body, &callback_name);
        let message = match lasting {
            Some((site, effect)) => {
                let line = cx.line_number(cx.range(effect).start);
                format!(
                    "V1 kept running code after the `{callback_name}` call on line {} (from line {line}: `{}`), so `{callback_name}` is kept as a local adapter inside a Promise: the result is delivered at the first call and that code still runs; if it need not run after the result, move it before the call",
                    cx.line_number(cx.range(site.stmt.span()).start),
                    first_line(cx.text(effect))
                )
            }
            None => format!(
                "`{callback_name}` is used inside nested functions or passed on, so it is kept as a local adapter inside a Promise (the first call still wins); consider awaiting the calls and returning or throwing directly"
            ),
        };
        cx.report(decl.ident.span, FixClass::Review, message);
    }
}

/// The top-level `function lambda` declaration.
/// The handler the facts found, when it is a function declaration (the statement and the
/// declaration).
fn find_lambda<'p>(program: &'p Program, handler: &crate::semantic::facts::Handler) -> Option<(&'p Stmt, &'p FnDecl)> {
    let stmts: Vec<&Stmt> = match program {
        Program::Script(s) => s.body.iter().collect(),
        Program::Module(m) => m.body.iter().filter_map(|i| i.as_stmt()).collect(),
    };
    stmts.into_iter().find_map(|stmt| match stmt {
        Stmt::Decl(Decl::Fn(f)) if f.function.span == handler.span => Some((stmt, f)),
        _ => None,
    })
}

fn make_async(cx: &mut Context, stmt: &Stmt, function: &Function) {
    if !function.is_async {
        let at = cx.range(stmt.span()).start;
        cx.insert(at, "async ");
    }
}


fn first_line(text: &str) -> &str {
    let line = text.lines().next().unwrap_or("").trim_end();
    match line.char_indices().nth(60) {
        Some((i, _)) => &line[..i],
        None => line,
    }
}
