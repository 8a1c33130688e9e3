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
//!   result; where it only logs, the call becomes a `return` and a `review` finding says the
//!   logging no longer happens.
//! - A path on which V1 never called back (the invocation timed out) would return `undefined`, a
//!   success, in V2: it throws an error instead, with a marker; decide what it should do.
//! - A `catch` parameter passed as the error is taken to be non-null (`throw null` and promises
//!   rejected with nothing are treated as errors).
//! - The adapter form keeps the original body's indentation (run your formatter), and a handler
//!   that reads `arguments` gets a marker instead.
//! - Only a top-level `function lambda` declaration is migrated; other handler shapes get a marker.

mod chain;

use super::{Check, Context, RuleInfo};
use crate::finding::FixClass;
use std::collections::HashSet;
use swc_common::{Span, Spanned};
use swc_ecma_ast::*;
use swc_ecma_visit::{Visit, VisitWith};

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
    let Some((stmt, decl)) = find_lambda(&cx.parsed.program) else {
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

    let mut sites = Sites {
        callback: &callback_name,
        locals: super::support::bound_names(body),
        frames: Vec::new(),
        caught: Vec::new(),
        found: Vec::new(),
        chains: Vec::new(),
        unwrap: unwrappable(cx, body, &callback_name),
    };
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
    let sites = sites.found;
    let uses = count_idents(body, &callback_name);
    // Code with lasting effects (a request, a write) that V1 ran after a callback must still run:
    // a `return` there would drop it, so such a handler keeps the adapter.
    let lasting = sites.iter().find_map(|s| s.lasting_effect_after.map(|e| (s, e)));
    let direct = uses == sites.len()
        && !sites.is_empty()
        && lasting.is_none()
        && sites.iter().all(|s| s.dropped || (!s.in_finally && rewrite(cx, s).is_some()));

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
        for (range, text) in start_edits {
            cx.replace(range, text);
        }
        make_async(cx, stmt, function);
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
fn find_lambda(program: &Program) -> Option<(&Stmt, &FnDecl)> {
    let stmts: Vec<&Stmt> = match program {
        Program::Script(s) => s.body.iter().collect(),
        Program::Module(m) => m.body.iter().filter_map(|i| i.as_stmt()).collect(),
    };
    stmts.into_iter().find_map(|stmt| match stmt {
        Stmt::Decl(Decl::Fn(f)) if &*f.ident.sym == "lambda" => Some((stmt, f)),
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

/// `try` statements of the handler whose `catch (e)` only calls `callback(e)` (no `finally`),
/// laid out one statement a line so that the block can be unwrapped line by line. Such a `try` is
/// the same as its block once the callback call is a `throw e`.
fn unwrappable(cx: &Context, body: &FunctionBody, callback: &str) -> HashSet<swc_common::BytePos> {
    struct Find<'c, 'a> {
        cx: &'c Context<'a>,
        callback: &'c str,
        found: HashSet<swc_common::BytePos>,
    }
    impl Visit for Find<'_, '_> {
        fn visit_try_stmt(&mut self, t: &TryStmt) {
            if t.finalizer.is_none() && try_layout(self.cx, t).is_some() {
                if let Some(handler) = &t.handler {
                    let param = handler.param.as_ref().and_then(|p| p.as_ident());
                    let only_call = match handler.body.stmts.as_slice() {
                        [stmt] => site_call(stmt, self.callback),
                        _ => None,
                    };
                    if let (Some(param), Some((call, _))) = (param, only_call) {
                        let passes_error = match call.args.as_slice() {
                            [e] | [e, _] => e.expr.as_ident().is_some_and(|i| i.sym == param.id.sym),
                            _ => false,
                        };
                        let result_pure = call.args.get(1).is_none_or(|a| is_pure(&a.expr));
                        if passes_error && result_pure && call.args.iter().all(|a| a.spread.is_none()) {
                            self.found.insert(t.span.lo);
                        }
                    }
                }
            }
            t.visit_children_with(self);
        }
        fn visit_function(&mut self, _: &Function) {}
        fn visit_arrow_expr(&mut self, _: &ArrowExpr) {}
    }
    let mut find = Find {
        cx,
        callback,
        found: HashSet::new(),
    };
    body.visit_with(&mut find);
    find.found
}

/// The line ranges of `try {` / the block / `} catch (e) { … }` when each stands on its own lines.
struct TryLayout {
    /// The `try {` line, with its line ending.
    head: std::ops::Range<usize>,
    /// The lines of the block.
    block: std::ops::Range<usize>,
    /// From the line of the block's `}` to the end of the catch's line, with its line ending.
    tail: std::ops::Range<usize>,
}

fn try_layout(cx: &Context, t: &TryStmt) -> Option<TryLayout> {
    let src = cx.source;
    let line_start = |at: usize| super::support::line_start(src, at);
    let line_end = |at: usize| super::support::next_line_start(src, at);
    let only_space = |r: std::ops::Range<usize>| src[r].trim().is_empty();
    let start = cx.range(t.span).start;
    let block = cx.range(t.block.span);
    let handler = t.handler.as_ref()?;
    let end = cx.range(handler.span).end;
    let head = line_start(start)..line_end(block.start);
    let close = block.end - 1;
    let tail = line_start(close)..line_end(end);
    let ok = only_space(head.start..start)
        && src[start..block.start].trim() == "try"
        && only_space(block.start + 1..head.end)
        && only_space(tail.start..close)
        && src[end..tail.end].trim().trim_end_matches(';').is_empty()
        && head.end <= tail.start;
    ok.then_some(TryLayout {
        block: head.end..tail.start,
        head,
        tail,
    })
}

/// Replaces a `try` with its block, one indentation step shallower.
fn unwrap_try(cx: &mut Context, body: &FunctionBody, pos: swc_common::BytePos) {
    struct Find(swc_common::BytePos, Option<TryStmt>);
    impl Visit for Find {
        fn visit_try_stmt(&mut self, t: &TryStmt) {
            if t.span.lo == self.0 {
                self.1 = Some(t.clone());
            }
            t.visit_children_with(self);
        }
    }
    let mut find = Find(pos, None);
    body.visit_with(&mut find);
    let Some(t) = find.1 else { return };
    let Some(layout) = try_layout(cx, &t) else { return };
    let outer = cx.indent_at(layout.head.start).to_string();
    let inner = t
        .block
        .stmts
        .first()
        .map(|s| cx.indent_at(cx.range(s.span()).start).to_string())
        .unwrap_or_default();
    let Some(unit) = inner.strip_prefix(outer.as_str()).filter(|u| !u.is_empty()).map(str::len) else {
        return;
    };
    let templates = multiline_templates(cx, &t.block);
    cx.replace(layout.head, "");
    cx.replace(layout.tail, "");
    let mut at = layout.block.start;
    while at < layout.block.end {
        let next = super::support::next_line_start(cx.source, at);
        let line = &cx.source[at..next];
        let inside_template = templates.iter().any(|r| r.start < at && at < r.end);
        if !inside_template && line.starts_with(inner.as_str()) {
            cx.replace(at + outer.len()..at + outer.len() + unit, "");
        }
        at = next;
    }
}

/// The byte ranges of template literals that span lines.
fn multiline_templates(cx: &Context, block: &BlockStmt) -> Vec<std::ops::Range<usize>> {
    struct Find<'c, 'a>(&'c Context<'a>, Vec<std::ops::Range<usize>>);
    impl Visit for Find<'_, '_> {
        fn visit_tpl(&mut self, t: &Tpl) {
            let r = self.0.range(t.span);
            if self.0.source[r.clone()].contains('\n') {
                self.1.push(r);
            }
            t.visit_children_with(self);
        }
    }
    let mut find = Find(cx, Vec::new());
    block.visit_with(&mut find);
    find.1
}

/// A callback call that is a statement of the handler's own body.
struct Site<'a> {
    stmt: &'a Stmt,
    call: &'a CallExpr,
    /// The statement is the body of an `if` or a loop, not an item of a list.
    bare: bool,
    /// Inside a `try` block that has a `catch`.
    in_try_catch: bool,
    in_finally: bool,
    /// Names of the `catch` parameters in scope.
    caught: Vec<String>,
    /// The first code with effects that V1 ran after this call.
    effect_after: Option<Span>,
    /// The same, not counting logging: code whose effects outlast the invocation's result.
    lasting_effect_after: Option<Span>,
    /// The next statement in the same list.
    next: Option<&'a Stmt>,
    /// The call goes with the `try`/`catch` around it (see [`unwrappable`]).
    dropped: bool,
}

/// What happens, in V1, after a statement.
enum Frame<'a> {
    /// These statements run next.
    Rest(&'a [Stmt]),
    /// The enclosing loop may run again.
    Loop(&'a Stmt),
    /// The enclosing switch falls through into these cases.
    Cases(&'a [SwitchCase]),
    /// A `finally` block runs next.
    Finally(&'a BlockStmt),
    /// Inside a `try` block with a `catch`.
    TryCatch,
    /// Inside a `finally` block.
    InFinally,
}

struct Sites<'a, 'n> {
    callback: &'n str,
    locals: HashSet<String>,
    frames: Vec<Frame<'a>>,
    caught: Vec<String>,
    found: Vec<Site<'a>>,
    /// Statements that are `.then`/`.catch` chains using the callback, after which nothing
    /// runs, and whether they sit in a `try` with a `catch`.
    chains: Vec<(&'a Stmt, bool)>,
    /// `try` statements whose `catch` only hands the error to the callback, by position.
    unwrap: HashSet<swc_common::BytePos>,
}

impl<'a> Sites<'a, '_> {
    fn list(&mut self, stmts: &'a [Stmt]) {
        for (i, stmt) in stmts.iter().enumerate() {
            self.frames.push(Frame::Rest(&stmts[i + 1..]));
            self.stmt(stmt, false, stmts.get(i + 1));
            self.frames.pop();
        }
    }

    fn stmt(&mut self, stmt: &'a Stmt, bare: bool, next: Option<&'a Stmt>) {
        if let Some((call, is_return)) = site_call(stmt, self.callback) {
            // `return callback(…)` returned in V1 as well.
            let effect_after = if is_return { None } else { self.effect_after(false) };
            let lasting_effect_after = if is_return { None } else { self.effect_after(true) };
            self.found.push(Site {
                stmt,
                call,
                bare,
                in_try_catch: self.frames.iter().any(|f| matches!(f, Frame::TryCatch)),
                in_finally: self.frames.iter().any(|f| matches!(f, Frame::InFinally)),
                caught: self.caught.clone(),
                effect_after,
                lasting_effect_after,
                next,
                dropped: false,
            });
            return;
        }
        if self.is_chain(stmt) && self.nothing_after() {
            let in_try_catch = self.frames.iter().any(|f| matches!(f, Frame::TryCatch));
            self.chains.push((stmt, in_try_catch));
            return;
        }
        match stmt {
            Stmt::Block(b) => self.list(&b.stmts),
            Stmt::If(i) => {
                self.stmt(&i.cons, !i.cons.is_block(), None);
                if let Some(alt) = &i.alt {
                    self.stmt(alt, !alt.is_block(), None);
                }
            }
            Stmt::For(ForStmt { body, .. })
            | Stmt::ForIn(ForInStmt { body, .. })
            | Stmt::ForOf(ForOfStmt { body, .. })
            | Stmt::While(WhileStmt { body, .. })
            | Stmt::DoWhile(DoWhileStmt { body, .. }) => {
                self.frames.push(Frame::Loop(stmt));
                self.stmt(body, !body.is_block(), None);
                self.frames.pop();
            }
            Stmt::Try(t) if self.unwrap.contains(&t.span.lo) => {
                // `try { … } catch (e) { callback(e); }` becomes its block: errors propagate.
                self.list(&t.block.stmts);
                let handler = t.handler.as_ref().expect("unwrappable try has a catch");
                let call_stmt = &handler.body.stmts[0];
                let (call, _) = site_call(call_stmt, self.callback).expect("unwrappable catch calls back");
                self.found.push(Site {
                    stmt: call_stmt,
                    call,
                    bare: false,
                    in_try_catch: false,
                    in_finally: false,
                    caught: Vec::new(),
                    effect_after: None,
                    lasting_effect_after: None,
                    next: None,
                    dropped: true,
                });
            }
            Stmt::Try(t) => {
                let frames = self.frames.len();
                if let Some(finalizer) = &t.finalizer {
                    self.frames.push(Frame::Finally(finalizer));
                }
                if t.handler.is_some() {
                    self.frames.push(Frame::TryCatch);
                }
                self.list(&t.block.stmts);
                self.frames.truncate(frames);
                if let Some(handler) = &t.handler {
                    if let Some(finalizer) = &t.finalizer {
                        self.frames.push(Frame::Finally(finalizer));
                    }
                    let param = handler.param.as_ref().and_then(|p| p.as_ident()).map(|i| i.id.sym.to_string());
                    self.caught.extend(param.clone());
                    self.list(&handler.body.stmts);
                    if param.is_some() {
                        self.caught.pop();
                    }
                    self.frames.truncate(frames);
                }
                if let Some(finalizer) = &t.finalizer {
                    self.frames.push(Frame::InFinally);
                    self.list(&finalizer.stmts);
                    self.frames.pop();
                }
            }
            Stmt::Switch(s) => {
                for (i, case) in s.cases.iter().enumerate() {
                    self.frames.push(Frame::Cases(&s.cases[i + 1..]));
                    self.list(&case.cons);
                    self.frames.pop();
                }
            }
            Stmt::Labeled(l) => self.stmt(&l.body, bare, next),
            _ => {}
        }
    }

    /// A `….then(…)` or `….catch(…)` statement that mentions the callback.
    fn is_chain(&self, stmt: &Stmt) -> bool {
        let expr = match stmt {
            Stmt::Expr(e) => e.expr.as_ref(),
            Stmt::Return(ReturnStmt { arg: Some(arg), .. }) => arg.as_ref(),
            _ => return false,
        };
        let Expr::Call(call) = expr else {
            return false;
        };
        let is_step = call
            .callee
            .as_expr()
            .and_then(|c| c.as_member())
            .and_then(|m| m.prop.as_ident())
            .is_some_and(|p| &*p.sym == "then" || &*p.sym == "catch");
        is_step && count_idents(expr, self.callback) > 0
    }

    /// No statement runs after the current one (and it is not in a loop).
    fn nothing_after(&self) -> bool {
        let empty = |stmts: &[Stmt]| stmts.iter().all(|s| matches!(s, Stmt::Empty(_)));
        self.frames.iter().all(|f| match f {
            Frame::Rest(stmts) => empty(stmts),
            Frame::Cases(cases) => cases.iter().all(|c| empty(&c.cons)),
            Frame::Finally(block) => empty(&block.stmts),
            Frame::Loop(_) => false,
            Frame::TryCatch | Frame::InFinally => true,
        })
    }

    /// The first code with effects that V1 runs after the current statement, following the
    /// frames outward.
    fn effect_after(&self, ignore_logging: bool) -> Option<Span> {
        // `break` skips to after the innermost loop or switch; `continue` to the loop itself.
        #[derive(PartialEq)]
        enum Jump {
            None,
            Break,
            Continue,
        }
        let mut jump = Jump::None;
        for frame in self.frames.iter().rev() {
            let stmts: Vec<&Stmt> = match frame {
                Frame::Rest(stmts) if jump == Jump::None => stmts.iter().collect(),
                Frame::Cases(cases) if jump == Jump::None => cases.iter().flat_map(|c| &c.cons).collect(),
                Frame::Cases(_) if jump == Jump::Break => {
                    jump = Jump::None;
                    continue;
                }
                Frame::Loop(stmt) => {
                    if jump != Jump::Break {
                        if let Some(span) = effect(*stmt, self.callback, &self.locals, ignore_logging) {
                            return Some(span);
                        }
                    }
                    jump = Jump::None;
                    continue;
                }
                Frame::Finally(block) => block.stmts.iter().collect(),
                _ => continue,
            };
            for stmt in stmts {
                if let Some(span) = effect(stmt, self.callback, &self.locals, ignore_logging) {
                    return Some(span);
                }
                match stmt {
                    Stmt::Return(_) | Stmt::Throw(_) => return None,
                    Stmt::Break(_) => {
                        jump = Jump::Break;
                        break;
                    }
                    Stmt::Continue(_) => {
                        jump = Jump::Continue;
                        break;
                    }
                    _ => {}
                }
            }
        }
        None
    }
}

/// `callback(…);` or `return callback(…);`.
fn site_call<'a>(stmt: &'a Stmt, callback: &str) -> Option<(&'a CallExpr, bool)> {
    let (expr, is_return) = match stmt {
        Stmt::Expr(e) => (e.expr.as_ref(), false),
        Stmt::Return(ReturnStmt { arg: Some(arg), .. }) => (arg.as_ref(), true),
        _ => return None,
    };
    match expr {
        Expr::Call(call) if call.callee.as_expr().and_then(|c| c.as_ident()).is_some_and(|i| &*i.sym == callback) => {
            Some((call, is_return))
        }
        _ => None,
    }
}

/// The edits that turn one callback statement into a `return` or a `throw`. The argument's own
/// text is kept where it stands, so edits inside it (by other rules) do not collide.
fn rewrite(cx: &Context, site: &Site) -> Option<Vec<(std::ops::Range<usize>, String)>> {
    let call = site.call;
    if call.args.iter().any(|a| a.spread.is_some()) || call.args.len() > 2 {
        return None;
    }
    // Comments inside the call's punctuation would be lost.
    let call_range = cx.range(call.span);
    let mut punctuation = cx.source[call_range.clone()].to_string();
    for arg in call.args.iter().rev() {
        let r = cx.range(arg.expr.span());
        punctuation.replace_range(r.start - call_range.start..r.end - call_range.start, "");
    }
    if punctuation.contains("/*") || punctuation.contains("//") {
        return None;
    }
    let stmt_range = cx.range(site.stmt.span());
    // From the statement's start (`return callback(` or `callback(`) to the call's end; the
    // semicolon, if any, stays.
    let start = stmt_range.start;
    let end = call_range.end;
    // `callback(a, b)` → `<before>a<after>`: everything around one argument is replaced.
    let around = |arg: &Expr, before: &str, after: &str| {
        let r = cx.range(arg.span());
        vec![(start..r.start, before.to_string()), (r.end..end, after.to_string())]
    };
    let error = call.args.first().map(|a| a.expr.as_ref());
    let result = call.args.get(1).map(|a| a.expr.as_ref());
    let result_pure = result.is_none_or(is_pure);
    let kind = error.map(|e| match e {
        Expr::Ident(i) if site.caught.iter().any(|c| *c == *i.sym) => ErrorArg::Error,
        e => classify_error(e),
    });
    match (kind, error, result) {
        (None | Some(ErrorArg::Null), _, Some(result)) => Some(around(result, "return ", "")),
        (None | Some(ErrorArg::Null), _, None) => Some(vec![(start..end, "return".to_string())]),
        (Some(ErrorArg::Error), Some(error), _) if result_pure => Some(if site.in_try_catch {
            around(error, "return Promise.reject(", ")")
        } else {
            around(error, "throw ", "")
        }),
        (Some(ErrorArg::Maybe), Some(error), _) if result_pure && is_pure(error) => {
            let e = cx.text(error.span());
            let fail = if site.in_try_catch {
                format!("return Promise.reject({e})")
            } else {
                format!("throw {e}")
            };
            let return_result = match result {
                Some(r) => format!("return {}", cx.text(r.span())),
                None => "return".to_string(),
            };
            if site.bare {
                return Some(vec![(stmt_range, format!("{{ if ({e} != null) {fail}; {return_result}; }}"))]);
            }
            let semi = if cx.source[..stmt_range.end].ends_with(';') { ";" } else { "" };
            let indent = cx.indent_at(start);
            let eol = cx.style.eol;
            Some(vec![(start..end, format!("if ({e} != null) {fail}{semi}{eol}{indent}{return_result}"))])
        }
        _ => None,
    }
}

enum ErrorArg {
    Null,
    Error,
    Maybe,
}

fn classify_error(expr: &Expr) -> ErrorArg {
    match expr {
        Expr::Paren(p) => classify_error(&p.expr),
        Expr::Lit(Lit::Null(_)) => ErrorArg::Null,
        Expr::Ident(i) if &*i.sym == "undefined" => ErrorArg::Null,
        Expr::Unary(UnaryExpr { op: UnaryOp::Void, .. }) => ErrorArg::Null,
        Expr::New(_)
        | Expr::Lit(_)
        | Expr::Tpl(_)
        | Expr::Object(_)
        | Expr::Array(_)
        | Expr::Fn(_)
        | Expr::Arrow(_)
        | Expr::Class(_) => ErrorArg::Error,
        Expr::Call(c)
            if c.callee
                .as_expr()
                .and_then(|e| e.as_ident())
                .is_some_and(|i| ERROR_TYPES.contains(&&*i.sym)) =>
        {
            ErrorArg::Error
        }
        _ => ErrorArg::Maybe,
    }
}

/// Evaluating the expression has no effect and reading it twice gives the same value.
fn is_pure(expr: &Expr) -> bool {
    match expr {
        Expr::Ident(_) | Expr::Lit(_) | Expr::This(_) | Expr::Fn(_) | Expr::Arrow(_) => true,
        Expr::Paren(p) => is_pure(&p.expr),
        Expr::Member(m) => {
            is_pure(&m.obj)
                && match &m.prop {
                    MemberProp::Computed(c) => is_pure(&c.expr),
                    _ => true,
                }
        }
        Expr::Tpl(t) => t.exprs.iter().all(|e| is_pure(e)),
        Expr::Array(a) => a.elems.iter().flatten().all(|e| is_pure(&e.expr)),
        Expr::Object(o) => o.props.iter().all(|p| match p {
            PropOrSpread::Spread(s) => is_pure(&s.expr),
            PropOrSpread::Prop(p) => match p.as_ref() {
                Prop::Shorthand(_) => true,
                Prop::KeyValue(kv) => !matches!(kv.key, PropName::Computed(_)) && is_pure(&kv.value),
                _ => false,
            },
        }),
        Expr::Unary(u) => u.op != UnaryOp::Delete && is_pure(&u.arg),
        Expr::Bin(b) => is_pure(&b.left) && is_pure(&b.right),
        Expr::Cond(c) => is_pure(&c.test) && is_pure(&c.cons) && is_pure(&c.alt),
        _ => false,
    }
}

/// The first expression in `node` whose evaluation has an effect outside the handler: a call
/// (other than a callback call, which V1 ignores after the first), `new` (other than an error), `await`,
/// `delete`, or a write to anything but a local variable. Nested functions are not entered.
fn effect<'a, N: VisitWith<EffectFinder<'a>>>(
    node: &N,
    callback: &'a str,
    locals: &'a HashSet<String>,
    ignore_logging: bool,
) -> Option<Span> {
    let mut finder = EffectFinder {
        callback,
        locals,
        ignore_logging,
        found: None,
    };
    node.visit_with(&mut finder);
    finder.found
}

struct EffectFinder<'a> {
    callback: &'a str,
    locals: &'a HashSet<String>,
    /// `console.*` calls do not count.
    ignore_logging: bool,
    found: Option<Span>,
}

impl Visit for EffectFinder<'_> {
    fn visit_expr(&mut self, expr: &Expr) {
        if self.found.is_some() {
            return;
        }
        let effect = match expr {
            // A later callback call is ignored by V1; only its arguments may have effects.
            Expr::Call(call) => {
                let callee = call.callee.as_expr();
                let is_callback = callee.and_then(|c| c.as_ident()).is_some_and(|i| &*i.sym == self.callback);
                let is_logging = callee
                    .and_then(|c| c.as_member())
                    .and_then(|m| m.obj.as_ident())
                    .is_some_and(|o| &*o.sym == "console");
                !(is_callback || (self.ignore_logging && is_logging))
            }
            Expr::New(n) => !n.callee.as_ident().is_some_and(|i| ERROR_TYPES.contains(&&*i.sym)),
            Expr::Await(_) | Expr::Yield(_) | Expr::TaggedTpl(_) => true,
            Expr::Unary(u) => u.op == UnaryOp::Delete,
            Expr::Update(u) => !u.arg.as_ident().is_some_and(|i| self.locals.contains(&*i.sym)),
            Expr::Assign(a) => !matches!(&a.left, AssignTarget::Simple(SimpleAssignTarget::Ident(i)) if self.locals.contains(&*i.id.sym)),
            _ => false,
        };
        if effect {
            self.found = Some(expr.span());
        } else {
            expr.visit_children_with(self);
        }
    }

    fn visit_function(&mut self, _: &Function) {}
    fn visit_arrow_expr(&mut self, _: &ArrowExpr) {}
    fn visit_class(&mut self, _: &Class) {}
}


/// How often `name` occurs as an identifier in `node`.
fn count_idents<'a, N: VisitWith<Count<'a>>>(node: &N, name: &'a str) -> usize {
    let mut count = Count(name, 0);
    node.visit_with(&mut count);
    count.1
}

struct Count<'a>(&'a str, usize);

impl Visit for Count<'_> {
    fn visit_ident(&mut self, i: &Ident) {
        if &*i.sym == self.0 {
            self.1 += 1;
        }
    }
}

/// Whether the handler's own code (not nested non-arrow functions) reads `name`.
fn mentions(body: &FunctionBody, name: &str) -> bool {
    struct Find<'a>(&'a str, bool);
    impl Visit for Find<'_> {
        fn visit_ident(&mut self, i: &Ident) {
            self.1 |= &*i.sym == self.0;
        }
        fn visit_function(&mut self, _: &Function) {}
    }
    let mut find = Find(name, false);
    body.visit_with(&mut find);
    find.1
}

/// Where control can be, in V1, while walking the handler's statements.
#[derive(Clone, Copy, Debug)]
struct State {
    /// Control can get here.
    reachable: bool,
    /// On every way here, the callback was called.
    called: bool,
}

const UNREACHABLE: State = State {
    reachable: false,
    called: true,
};

fn merge(a: State, b: State) -> State {
    match (a.reachable, b.reachable) {
        (false, _) => b,
        (_, false) => a,
        _ => State {
            reachable: true,
            called: a.called && b.called,
        },
    }
}

/// Finds the ways out of the handler on which V1 never called back.
struct Flow {
    sites: HashSet<swc_common::BytePos>,
    /// `return` statements reached without a callback call.
    timeouts: Vec<ReturnStmt>,
    /// The states at `break`s of the enclosing loops and switches.
    breaks: Vec<State>,
}

impl Flow {
    fn list(&mut self, stmts: &[Stmt], mut state: State) -> State {
        for stmt in stmts {
            state = self.stmt(stmt, state);
        }
        state
    }

    fn stmt(&mut self, stmt: &Stmt, state: State) -> State {
        if !state.reachable {
            return state;
        }
        if self.sites.contains(&stmt.span().lo) {
            return match stmt {
                Stmt::Return(_) => UNREACHABLE,
                _ => State {
                    reachable: true,
                    called: true,
                },
            };
        }
        match stmt {
            Stmt::Block(b) => self.list(&b.stmts, state),
            Stmt::Return(r) => {
                if !state.called {
                    self.timeouts.push(r.clone());
                }
                UNREACHABLE
            }
            Stmt::Throw(_) | Stmt::Continue(_) => UNREACHABLE,
            Stmt::Break(_) => {
                if let Some(top) = self.breaks.last_mut() {
                    *top = merge(*top, state);
                }
                UNREACHABLE
            }
            Stmt::If(i) => {
                let cons = self.stmt(&i.cons, state);
                let alt = match &i.alt {
                    Some(alt) => self.stmt(alt, state),
                    None => state,
                };
                merge(cons, alt)
            }
            Stmt::For(ForStmt { body, test, .. }) => {
                let endless = test.is_none();
                self.looped(body, state, endless)
            }
            Stmt::While(WhileStmt { body, test, .. }) => {
                let endless = matches!(test.as_ref(), Expr::Lit(Lit::Bool(Bool { value: true, .. })));
                self.looped(body, state, endless)
            }
            Stmt::DoWhile(DoWhileStmt { body, .. }) => {
                self.breaks.push(UNREACHABLE);
                let end = self.stmt(body, state);
                let breaks = self.breaks.pop().unwrap_or(UNREACHABLE);
                merge(end, breaks)
            }
            Stmt::ForIn(ForInStmt { body, .. }) | Stmt::ForOf(ForOfStmt { body, .. }) => self.looped(body, state, false),
            Stmt::Try(t) => {
                let block = self.list(&t.block.stmts, state);
                let end = match &t.handler {
                    // The exception may come before any callback call.
                    Some(h) => merge(block, self.list(&h.body.stmts, state)),
                    None => block,
                };
                match &t.finalizer {
                    Some(f) => self.list(&f.stmts, end),
                    None => end,
                }
            }
            Stmt::Switch(s) => {
                self.breaks.push(UNREACHABLE);
                let mut fall = UNREACHABLE;
                for case in &s.cases {
                    fall = self.list(&case.cons, merge(state, fall));
                }
                let breaks = self.breaks.pop().unwrap_or(UNREACHABLE);
                let end = merge(fall, breaks);
                if s.cases.iter().any(|c| c.test.is_none()) {
                    end
                } else {
                    merge(end, state)
                }
            }
            Stmt::Labeled(l) => self.stmt(&l.body, state),
            _ => state,
        }
    }

    /// A loop whose body may run any number of times (at least once if `endless`, which only a
    /// `break` leaves).
    fn looped(&mut self, body: &Stmt, state: State, endless: bool) -> State {
        self.breaks.push(UNREACHABLE);
        self.stmt(body, state);
        let breaks = self.breaks.pop().unwrap_or(UNREACHABLE);
        if endless {
            breaks
        } else {
            merge(state, breaks)
        }
    }
}

/// Keeps the body as it is inside a Promise whose local `callback` settles it: the first call
/// wins, a promise result is adopted, a throw (or an async body's rejection) fails it, and a
/// body that never calls back never settles, as in V1.
fn adapter(cx: &mut Context, stmt: &Stmt, body: &FunctionBody, callback: &str) {
    let eol = cx.style.eol;
    let body_range = cx.range(body.span);
    let base = cx.indent_at(cx.range(stmt.span()).start).to_string();
    let unit = body
        .stmts
        .first()
        .map(|s| cx.indent_at(cx.range(s.span()).start))
        .and_then(|i| i.strip_prefix(base.as_str()))
        .filter(|u| !u.is_empty())
        .unwrap_or("  ")
        .to_string();
    let semi = cx.style.semi();
    let i1 = format!("{base}{unit}");
    let i2 = format!("{i1}{unit}");
    // The body runs in an async function whatever V1's was: a sync body behaves the same there
    // (a throw rejects), and an `await` another rule adds in the same pass stays valid.
    let open = format!(
        "{eol}{i1}return new Promise((resolve, reject) => {{{eol}{i2}const {callback} = (err, result) => (err === null || err === undefined ? resolve(result) : reject(err)){semi}{eol}{i2}(async () => {{"
    );
    let close = format!("{i2}}})().catch(reject){semi}{eol}{i1}}}){semi}{eol}");
    cx.insert(body_range.start + 1, open);
    let closing = body_range.end - 1;
    let line_start = super::support::line_start(cx.source, closing);
    if cx.source[line_start..closing].trim().is_empty() {
        cx.insert(line_start, close);
    } else {
        cx.insert(closing, format!("{eol}{close}"));
    }
}
