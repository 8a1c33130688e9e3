//! ## What it does
//! Declares the names a V1 function assigns without declaring them (implicit globals), where
//! declaring them keeps what the code does:
//!
//! - a name used only in `for (k in obj)` / `for (k of list)` loops, or in a `for (i = 0; …)`
//!   loop that assigns it, with no function inside the loop using it, is declared in each loop:
//!   `for (const k in obj)` (`let` when the body assigns it, and in a `for (;;)` loop);
//! - a name used only inside one function (nested functions included), where every call assigns
//!   it before reading it, gets `let name;` at the start of that function's body (the value never
//!   had to outlive a call);
//! - any other name gets `let name;` at the top level of the module, before the first top-level
//!   statement that uses it (never among the imports): like V1's global, it keeps its value
//!   between invocations. This is done only when nothing can read it before the first
//!   assignment (at load, or in the handler), where V1 threw a ReferenceError.
//!
//! Each declaration gets a `review` finding that says what was declared and where. A name read
//! with `typeof`, deleted, reached through `globalThis`/`global`, or that may be read before it
//! is first assigned, is left to `v1-residue`, which marks it; so is every name of a file that
//! reaches the global object in ways that cannot be followed, calls `eval`, or loads a module of
//! its own (`./util.js` may use the same globals).
//!
//! ## Why V2 needs it
//! V1 ran the function as a sloppy CommonJS script, where assigning an undeclared name creates a
//! global. V2 loads it as an ES module, which is always strict: the same assignment throws a
//! ReferenceError (`total is not defined`) at run time.
//!
//! ## Example
//! ```js
//! // before
//! function lambda(input, callback) {
//!     total = 0;
//!     for (key in input.payload) total += input.payload[key];
//!     callback(null, total);
//! }
//! // after
//! function lambda(input, callback) {
//!     let total;
//!     total = 0;
//!     for (const key in input.payload) total += input.payload[key];
//!     callback(null, total);
//! }
//! ```
//!
//! ## Limits
//! Which code can run before which is judged statically and conservatively (a function counts
//! as used wherever its name is mentioned): a name this rule cannot prove safe to declare is left
//! to the marker. A function-level `let` gives each call its own variable: calls of one function
//! that overlap in time (an `async` handler serving several invocations at once) no longer see
//! each other's value, which V1 code that relied on it would notice. Functions reached through
//! properties (`obj.run = function () {…}`) are not followed. A call assigns the name only when
//! it is a statement of its own (`init(input);`, `await load();`) calling a function of the file
//! that assigns it before anything reads it and before it can return; any other use of code that
//! touches the name counts as reading it. Writes to a property of the global
//! object that Node already has (`process`, `Promise`, …) do not throw and are left alone.

mod order;
mod shape;

use super::{Check, Context, RuleInfo};
use order::{any_in, any_ref_in, contains, is_directive, offsets_of, top_items, touched_by, with_body, Item, Sequence};
use shape::{Func, Loop, Shape};
use crate::finding::FixClass;
use crate::semantic::ReferenceKind;
use std::collections::BTreeMap;
use std::ops::Range;
use swc_atoms::Atom;
use swc_common::comments::Comments;
use swc_common::{Span, Spanned};

pub(super) const INFO: RuleInfo = RuleInfo {
    name: "implicit-globals",
    class: FixClass::Review,
    summary: "names assigned without a declaration (implicit globals, a ReferenceError in a strict module) are declared in their loop, function or module where that keeps V1's meaning",
    applies: |_| true,
    check: Check::JavaScript(check),
    after: &[
        "legacy-octal",
        "require-to-import",
        "module-exports",
        "use-strict",
        "esm-globals",
        "env-rename",
        "handler-callback",
        "http-client-to-fetch",
        "lp-client-json",
        "csds-host",
        "salesforce-client",
        "context-service-client",
        "secret-names",
        "lodash",
        "log-limits",
        "blocking-call",
        "unknown-toolbelt-api",
    ],
    source: include_str!("implicit_globals.rs"),
};

/// Globals that exist in Node (assigning them does not throw), names of the CommonJS wrapper
/// (`v1-residue` reports them), and names a strict module cannot declare.
const LEFT_ALONE: &[&str] = &[
    "process", "console", "globalThis", "global", "Buffer", "setTimeout", "setInterval",
    "setImmediate", "clearTimeout", "clearInterval", "clearImmediate", "queueMicrotask",
    "structuredClone", "fetch", "URL", "URLSearchParams", "TextEncoder", "TextDecoder",
    "AbortController", "AbortSignal", "Headers", "Request", "Response", "FormData", "Blob",
    "Event", "EventTarget", "performance", "crypto", "atob", "btoa", "Object", "Array",
    "Function", "String", "Number", "Boolean", "Symbol", "BigInt", "Math", "JSON", "Date",
    "RegExp", "Error", "TypeError", "RangeError", "SyntaxError", "ReferenceError", "EvalError",
    "URIError", "AggregateError", "Promise", "Proxy", "Reflect", "Map", "Set", "WeakMap",
    "WeakSet", "WeakRef", "FinalizationRegistry", "ArrayBuffer", "SharedArrayBuffer",
    "DataView", "Atomics", "Intl", "Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array",
    "Uint16Array", "Int32Array", "Uint32Array", "Float32Array", "Float64Array", "BigInt64Array",
    "BigUint64Array", "parseInt", "parseFloat", "isNaN", "isFinite", "encodeURI",
    "encodeURIComponent", "decodeURI", "decodeURIComponent", "escape", "unescape", "eval",
    "arguments", "undefined", "NaN", "Infinity", "require", "module", "exports", "__dirname",
    "__filename", "let", "static", "yield", "await", "implements", "interface", "package",
    "private", "protected", "public",
];

fn check(cx: &mut Context) {
    let semantic = cx.semantic;
    // Undeclared names that are assigned, in the order of their first assignment.
    let mut names: Vec<(usize, Atom)> = Vec::new();
    for r in semantic.implicit_globals() {
        if LEFT_ALONE.contains(&&*r.name) {
            continue;
        }
        let at = cx.range(r.span).start;
        match names.iter_mut().find(|(_, n)| *n == r.name) {
            Some(entry) => entry.0 = entry.0.min(at),
            None => names.push((at, r.name.clone())),
        }
    }
    if names.is_empty() {
        return;
    }
    names.sort();
    let shape = Shape::collect(cx);
    if shape.opaque {
        return;
    }
    let mut plan = Plan::default();
    for (_, name) in names {
        if shape.excluded.contains(&name) {
            continue;
        }
        Decision::new(cx, &shape, &name).decide(&mut plan);
    }
    plan.apply(cx);
}

/// The insertions to make: text per offset, with the findings of the names declared there.
#[derive(Default)]
struct Plan {
    at: BTreeMap<usize, (String, Vec<(Span, String)>)>,
}

impl Plan {
    fn add(&mut self, at: usize, text: String, span: Span, message: String) {
        let entry = self.at.entry(at).or_default();
        entry.0.push_str(&text);
        entry.1.push((span, message));
    }

    fn apply(self, cx: &mut Context) {
        for (at, (text, findings)) in self.at {
            cx.new_fix();
            cx.insert(at, text);
            for (span, message) in findings {
                cx.report(span, FixClass::Review, message);
            }
        }
    }
}

/// One undeclared name: its references, and what runs before what.
struct Decision<'s, 'c, 'a> {
    cx: &'c Context<'a>,
    shape: &'s Shape,
    name: &'s Atom,
    /// Its references: offset, kind, span.
    refs: Vec<(usize, ReferenceKind, Span)>,
    /// Offsets of code that touches the name: its references, and references to the bindings
    /// that hold code touching it (functions that use it, and so on).
    touched: Vec<usize>,
}

const UNDECLARED: &str = "was declared nowhere (an implicit global of the V1 script, which throws a ReferenceError in a strict module)";

impl<'s, 'c, 'a> Decision<'s, 'c, 'a> {
    fn new(cx: &'c Context<'a>, shape: &'s Shape, name: &'s Atom) -> Self {
        let mut refs: Vec<(usize, ReferenceKind, Span)> = cx
            .semantic
            .references
            .iter()
            .filter(|r| r.binding.is_none() && r.name == *name)
            .map(|r| (cx.range(r.span).start, r.kind, r.span))
            .collect();
        refs.sort_by_key(|r| r.0);
        let touched = touched_by(cx, shape, refs.iter().map(|r| r.0).collect());
        Decision {
            cx,
            shape,
            name,
            refs,
            touched,
        }
    }

    fn first_write(&self) -> Span {
        self.refs
            .iter()
            .find(|r| matches!(r.1, ReferenceKind::Write | ReferenceKind::ReadWrite))
            .map_or(self.refs[0].2, |r| r.2)
    }

    fn touches(&self, range: &Range<usize>) -> bool {
        any_in(&self.touched, range)
    }

    fn decide(&self, plan: &mut Plan) {
        if self.refs.is_empty() || self.in_loops(plan) {
            return;
        }
        if self.in_function(plan) {
            return;
        }
        self.at_module_level(plan);
    }

    /// Every use is in loops that assign the name in their head: each loop declares it.
    fn in_loops(&self, plan: &mut Plan) -> bool {
        let loops: Vec<&Loop> = self
            .shape
            .loops
            .iter()
            .filter(|l| l.name == *self.name)
            .collect();
        if loops.is_empty() {
            return false;
        }
        let nested = loops.iter().any(|a| {
            loops
                .iter()
                .any(|b| a.range != b.range && contains(&a.range, &b.range))
        });
        if nested {
            return false;
        }
        let owner = |at: usize| {
            loops
                .iter()
                .find(|l| l.range.contains(&at) && !l.before.contains(&at))
        };
        if self.refs.iter().any(|r| owner(r.0).is_none()) {
            return false;
        }
        // A call in a loop of code that uses the name (another such loop) changes it there.
        let calls = loops.iter().any(|l| {
            let start = self.touched.partition_point(|&x| x < l.range.start);
            self.touched[start..]
                .iter()
                .take_while(|&&x| x < l.range.end)
                .any(|x| self.refs.binary_search_by_key(x, |r| r.0).is_err())
        });
        // A function inside a loop that uses the name could run after the iteration.
        let closure = calls || self.shape.funcs.iter().any(|f| {
            loops.iter().any(|l| contains(&l.range, &f.range)) && any_ref_in(&self.refs, &f.range)
        });
        if closure {
            return false;
        }
        for l in loops {
            let assigned = self.refs.iter().any(|r| {
                l.range.contains(&r.0)
                    && !l.head.contains(&r.0)
                    && matches!(r.1, ReferenceKind::Write | ReferenceKind::ReadWrite)
            });
            let keyword = if l.classic || assigned { "let" } else { "const" };
            let span = self
                .refs
                .iter()
                .find(|r| r.0 == l.head.start)
                .map_or(self.refs[0].2, |r| r.2);
            plan.add(
                l.head.start,
                format!("{keyword} "),
                span,
                format!(
                    "`{}` {UNDECLARED}: declared in its loop (`{keyword} {}`), the only place it is used",
                    self.name, self.name
                ),
            );
        }
        true
    }

    /// Every use is in one function that assigns the name before reading it on every call.
    fn in_function(&self, plan: &mut Plan) -> bool {
        let first = self.refs[0].0;
        let last = self.refs[self.refs.len() - 1].0;
        let Some(func) = self
            .shape
            .funcs
            .iter()
            .filter(|f| f.range.start <= first && last < f.range.end)
            .min_by_key(|f| f.range.len())
        else {
            return false;
        };
        let Some(body) = &func.body else {
            return false;
        };
        if !(body.start <= first && last < body.end) || self.recursive(func) {
            return false;
        }
        let found = with_body(self.cx, body, |stmts| {
            let directives = stmts.iter().take_while(|s| is_directive(s)).count();
            let ok = self.sequence(stmts.iter().map(Item::Stmt)) != Sequence::Fails;
            let first = stmts.get(directives).map(|s| self.cx.range(s.span()));
            (ok, directives > 0, first)
        });
        let Some((true, directives, Some(first))) = found else {
            return false;
        };
        let (at, text) = self.function_start(body, &first, directives);
        let place = match func.binding {
            Some(b) => format!("`{}`", self.cx.semantic.binding(b).name),
            None => "the function that uses it".to_string(),
        };
        plan.add(
            at,
            text,
            self.first_write(),
            format!(
                "`{}` {UNDECLARED}: declared `let {};` at the start of {place}, which assigns it before reading it on every call (the value need not outlive a call)",
                self.name, self.name
            ),
        );
        true
    }

    /// Whether `func` can call itself, directly or through other functions.
    fn recursive(&self, func: &Func) -> bool {
        let Some(binding) = func.binding else {
            return false;
        };
        let seed = offsets_of(self.cx, binding);
        let reaching = touched_by(self.cx, self.shape, seed);
        any_in(&reaching, func.body.as_ref().unwrap_or(&func.range))
    }

    /// Where `let name;` goes at the start of a function body, and the text.
    fn function_start(
        &self,
        body: &Range<usize>,
        first: &Range<usize>,
        directives: bool,
    ) -> (usize, String) {
        let cx = self.cx;
        let source = cx.source;
        let brace = body.start + 1;
        let brace_line_end = super::support::line_end(source, brace);
        let rest = &source[brace..brace_line_end];
        let own_line = super::support::line_start(source, first.start) > brace;
        let semi = self.semicolon(first.start);
        if own_line && !directives && super::trivia_len(rest) == rest.len() && !rest.contains("/*")
        {
            let indent = cx.indent_at(first.start);
            let at = super::support::next_line_start(source, brace);
            (at, format!("{indent}let {}{semi}{}", self.name, cx.style.eol))
        } else if own_line && cx.source[super::support::line_start(source, first.start)..first.start]
            .trim()
            .is_empty()
        {
            let indent = cx.indent_at(first.start);
            let at = super::support::line_start(source, first.start);
            (at, format!("{indent}let {}{semi}{}", self.name, cx.style.eol))
        } else {
            (first.start, format!("let {}; ", self.name))
        }
    }

    /// `;` after an inserted `let name`, unless the file goes without and the next line cannot
    /// continue it.
    fn semicolon(&self, next: usize) -> &'static str {
        let next = &self.cx.source[next..];
        if self.cx.style.semicolons || next.starts_with(['(', '[', '`', '+', '-', '/']) {
            ";"
        } else {
            ""
        }
    }

    /// `let name;` at the top level, when nothing reads the name before it is first assigned.
    fn at_module_level(&self, plan: &mut Plan) {
        let cx = self.cx;
        let items = top_items(&cx.parsed.program);
        let safe = match self.sequence(items.iter().copied()) {
            Sequence::Fails => false,
            Sequence::Assigns => true,
            // Nothing at load touches it: the handler must assign it before anything reads it.
            Sequence::Untouched => cx.facts.handler.as_ref().is_some_and(|handler| {
                let range = cx.range(handler.span);
                let Some(body) = self
                    .shape
                    .funcs
                    .iter()
                    .find(|f| f.range == range)
                    .and_then(|f| f.body.clone())
                else {
                    return false;
                };
                with_body(cx, &body, |stmts| {
                    self.sequence(stmts.iter().map(Item::Stmt)) != Sequence::Fails
                }) == Some(true)
            }),
        };
        if !safe {
            return;
        }
        // Before the first top-level statement that uses it, after the imports.
        let imports = items.iter().take_while(|i| i.is_import()).count();
        let first = items
            .iter()
            .position(|i| any_ref_in(&self.refs, &cx.range(i.span())))
            .unwrap_or(items.len())
            .max(imports);
        let (at, text) = match items.get(first) {
            Some(item) => {
                let start = cx.range(item.span()).start;
                let line = super::support::line_start(cx.source, start);
                if cx.source[line..start].trim().is_empty() {
                    let at = self.leading_comments(start).unwrap_or(line);
                    let semi = self.semicolon(start);
                    (at, format!("let {}{semi}{}", self.name, cx.style.eol))
                } else {
                    (start, format!("let {}; ", self.name))
                }
            }
            None => {
                let end = items.last().map_or(0, |i| cx.range(i.span()).end);
                let at = super::support::line_end(cx.source, end);
                let semi = if cx.style.semicolons { ";" } else { "" };
                (at, format!("{}let {}{semi}", cx.style.eol, self.name))
            }
        };
        plan.add(
            at,
            text,
            self.first_write(),
            format!(
                "`{}` {UNDECLARED}: declared `let {};` at the top level of the module, before the first statement that uses it; like V1's global, it keeps its value between invocations",
                self.name, self.name
            ),
        );
    }

    /// The start of the line where the comments right above the statement at `start` begin,
    /// when they stand on lines of their own.
    fn leading_comments(&self, start: usize) -> Option<usize> {
        let cx = self.cx;
        let comments = cx.parsed.comments.get_leading(cx.parsed.pos(start))?;
        let first = comments
            .iter()
            .map(|c| cx.range(c.span).start)
            .filter(|&at| {
                let line = super::support::line_start(cx.source, at);
                cx.source[line..at].trim().is_empty()
            })
            .min()?;
        // Only comments that run up to the statement, with no blank line after them.
        let between = &cx.source[first..start];
        (!between.contains("\n\n") && !between.contains("\n\r\n"))
            .then(|| super::support::line_start(cx.source, first))
    }

}
