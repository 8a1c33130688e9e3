//! `.then`/`.catch` chains in the handler become `await` inside `try`/`catch`.
//!
//! A chain statement `base.then(f1).then(f2).catch(h)` that is the last thing the handler does
//! becomes
//!
//! ```js
//! try {
//!   const a = await base;
//!   …f1's body, whose final `return x` becomes `const b = await x;`…
//!   …f2's body…
//! } catch (err) {
//!   …h's body…
//! }
//! ```
//!
//! The callback calls in the inlined bodies are then plain statements of the handler, which the
//! next pass of the rule turns into `return`/`throw`. A chain is only converted when nothing runs
//! after it (V1 ran later statements before the handlers; awaiting would reorder them), it is not
//! in a loop, a chain without `.catch` is not inside a `try` with a `catch`, every handler is a function with at most one simple parameter whose body returns only
//! at its end, and no name declared in one handler is used by another or by the rest of the
//! handler.

use super::Context;
use crate::rules::precedence::{self, Precedence};
use crate::finding::FixClass;
use std::collections::HashSet;
use swc_common::{Span, Spanned};
use swc_ecma_ast::*;
use swc_ecma_visit::{Visit, VisitWith};

/// One `.then(handler)` or `.catch(handler)`.
struct Step<'a> {
    catch: bool,
    handler: &'a Expr,
}

/// A handler, understood.
struct Handler<'a> {
    /// The parameter's source text, if any.
    param: Option<&'a Pat>,
    /// The statements to inline (everything but a final `return`).
    body: Option<&'a FunctionBody>,
    /// The value the handler returns: a final `return x`, or an arrow's expression body.
    value: Option<&'a Expr>,
    /// `f` in `.then(f)` for a function passed by name: the value is `f(previous)`.
    named: Option<&'a Expr>,
    /// Where the handler's inlined statements end (the final `return`, or the closing brace).
    body_end: usize,
}

/// Converts the chain statement `stmt` if it has a supported shape; returns whether it did.
pub(super) fn convert(
    cx: &mut Context,
    stmt: &Stmt,
    lambda_body: &FunctionBody,
    callback: &str,
    in_try_catch: bool,
) -> bool {
    let expr = match stmt {
        Stmt::Expr(e) => e.expr.as_ref(),
        Stmt::Return(ReturnStmt { arg: Some(arg), .. }) => arg.as_ref(),
        _ => return false,
    };
    let Some((base, steps)) = decompose(expr) else {
        return false;
    };
    if mentions_ident(base, callback) {
        return false;
    }
    // Without a `.catch`, a rejection would now reach the enclosing `catch`; in V1 it did not.
    if in_try_catch && !steps.last().is_some_and(|s| s.catch) {
        return false;
    }
    let Some(handlers) = steps.iter().map(|s| handler(cx, s.handler)).collect::<Option<Vec<_>>>() else {
        return false;
    };
    if handlers.iter().zip(&steps).any(|(h, s)| s.catch && h.param.is_some_and(|p| !p.is_ident())) {
        return false;
    }
    if !names_are_separate(stmt, lambda_body, &steps, callback) {
        return false;
    }
    let stmt_range = cx.range(stmt.span());
    let mut outside = cx.source[stmt_range.clone()].to_string();
    for step in steps.iter().rev() {
        let r = cx.range(step.handler.span());
        outside.replace_range(r.start - stmt_range.start..r.end - stmt_range.start, "");
    }
    let base_range = cx.range(base.span());
    outside.replace_range(base_range.start - stmt_range.start..base_range.end - stmt_range.start, "");
    // Comments between the steps (outside the handlers' bodies) stay, above the new code.
    let comments = comments_in(&outside);

    let eol = cx.style.eol;
    let semi = cx.style.semi();
    let indent = cx.indent_at(stmt_range.start).to_string();
    let unit = indent_unit(cx, lambda_body);
    let has_catch = steps.last().is_some_and(|s| s.catch);
    let inner = if has_catch { format!("{indent}{unit}") } else { indent.clone() };

    let mut lines: Vec<String> = Vec::new();
    // The value flowing into the next step: the source of an expression, and whether it must be
    // awaited (a handler's return value is adopted by the chain when it is a promise).
    // A base over several lines keeps its layout, moved to the new statement's indentation.
    let base_text = cx.text(base.span());
    let joined = one_line(base_text);
    let base_text = if joined != base_text {
        joined
    } else {
        shifted(cx, base, "", &inner).join(eol).trim_start().to_string()
    };
    let mut pending = (base_text, true, precedence::of(base));
    let thens = if has_catch { &handlers[..handlers.len() - 1] } else { &handlers[..] };
    let reused = reused_params(thens);
    let mut declared: HashSet<String> = HashSet::new();
    for h in thens {
        let awaited = if pending.1 { format!("await {}", precedence::fit_level(&pending.0, pending.2, Precedence::Unary)) } else { pending.0.clone() };
        if let Some(f) = h.named {
            // `.then(f)` calls `f(value)`; `JSON.parse` is known not to return a promise.
            let is_json_parse = cx.text(f.span()) == "JSON.parse";
            pending = (format!("{}({awaited})", cx.text(f.span())), !is_json_parse, Precedence::Call);
            continue;
        }
        // Nothing flows from the step before (it returned nothing): no line for the value,
        // unless the handler reads its parameter.
        let nothing = pending.0 == "undefined" && !pending.1;
        let unused = |p: &Pat| {
            p.as_ident()
                .and_then(|b| cx.semantic.binding_of(&b.id))
                .is_some_and(|id| cx.semantic.unused(id))
        };
        match h.param {
            _ if nothing && h.param.is_none_or(unused) => {}
            // A value nothing reads is awaited without a name.
            Some(p) if unused(p) => lines.push(format!("{inner}{awaited}{semi}")),
            Some(p) => {
                let name = cx.text(p.span());
                if declared.contains(name) {
                    lines.push(format!("{inner}{name} = {awaited}{semi}"));
                } else {
                    let keyword = if reused.contains(name) || assigns_to(h, p) { "let" } else { "const" };
                    lines.push(format!("{inner}{keyword} {name} = {awaited}{semi}"));
                    declared.insert(name.to_string());
                }
            }
            None => lines.push(format!("{inner}{awaited}{semi}")),
        }
        if let Some(body) = h.body {
            lines.extend(reindent(body_text(cx, body, h.body_end), &inner));
        }
        pending = match h.value {
            Some(value) if is_callback_call(value, callback) => {
                lines.extend(shifted(cx, value, semi, &inner));
                ("undefined".into(), false, Precedence::Primary)
            }
            Some(value) => {
                let text = shifted(cx, value, "", &inner).join(cx.style.eol);
                (text.trim_start().to_string(), true, precedence::of(value))
            }
            None => ("undefined".into(), false, Precedence::Primary),
        };
    }
    // The last step's value is awaited too: V1's chain waited for it (and its rejection reached
    // the `.catch`).
    if pending.0 != "undefined" {
        let awaited = if pending.1 { format!("await {}", precedence::fit_level(&pending.0, pending.2, Precedence::Unary)) } else { pending.0.clone() };
        lines.push(format!("{inner}{awaited}{semi}"));
    }
    let converted = if has_catch {
        let h = handlers.last().expect("a catch step");
        let param = h.param.map(|p| format!(" ({})", cx.text(p.span()))).unwrap_or_default();
        let mut catch_lines = Vec::new();
        if let Some(body) = h.body {
            catch_lines.extend(reindent(body_text(cx, body, h.body_end), &inner));
        }
        if let Some(value) = h.value {
            if is_callback_call(value, callback) {
                catch_lines.extend(shifted(cx, value, semi, &inner));
            } else {
                let text = shifted(cx, value, "", &inner).join(cx.style.eol);
                catch_lines.push(format!("{inner}{}{semi}", precedence::awaited(value, text.trim_start())));
            }
        }
        if let Some(f) = h.named {
            catch_lines.push(format!("{inner}await {}(err){semi}", cx.text(f.span())));
        }
        let param = if h.named.is_some() && param.is_empty() { " (err)".to_string() } else { param };
        let catch_block = if catch_lines.is_empty() {
            "{}".to_string()
        } else {
            format!("{{{eol}{}{eol}{indent}}}", catch_lines.join(eol))
        };
        format!("try {{{eol}{}{eol}{indent}}} catch{param} {catch_block}", lines.join(eol))
    } else {
        lines.join(eol).trim_start().to_string()
    };
    let converted = if comments.is_empty() {
        converted
    } else {
        let above: String = comments.iter().map(|c| format!("{c}{eol}{indent}")).collect();
        format!("{above}{converted}")
    };
    cx.replace(stmt_range, converted);
    if !has_catch {
        cx.report(
            stmt.span(),
            FixClass::Review,
            "this chain had no `.catch`: in V1 a rejection left the invocation hanging until it timed out; it now fails the invocation with the error",
        );
    }
    true
}

/// The comments in what is left of a chain statement once its base and handlers are cut out
/// (only punctuation, `.then(`/`.catch(` and comments remain), in order.
fn comments_in(outside: &str) -> Vec<String> {
    let mut comments = Vec::new();
    let mut rest = outside;
    while let Some(start) = rest.find("//").into_iter().chain(rest.find("/*")).min() {
        let text = &rest[start..];
        let len = if text.starts_with("//") {
            text.find(['\n', '\r']).unwrap_or(text.len())
        } else {
            text.find("*/").map_or(text.len(), |i| i + 2)
        };
        comments.push(text[..len].trim_end().to_string());
        rest = &text[len..];
    }
    comments
}

/// `base.then(a).then(b).catch(c)` → `base` and the steps in order. `.catch` may only end the
/// chain; `.then(f, g)` and `.finally` are not supported.
fn decompose(expr: &Expr) -> Option<(&Expr, Vec<Step<'_>>)> {
    let mut steps = Vec::new();
    let mut current = expr;
    while let Expr::Call(call) = current {
        let Some(member) = call.callee.as_expr().and_then(|c| c.as_member()) else {
            break;
        };
        let Some(name) = member.prop.as_ident() else {
            break;
        };
        let catch = match &*name.sym {
            "then" => false,
            "catch" => true,
            _ => break,
        };
        let [arg] = call.args.as_slice() else {
            return None;
        };
        if arg.spread.is_some() {
            return None;
        }
        steps.push(Step {
            catch,
            handler: &arg.expr,
        });
        current = &member.obj;
    }
    steps.reverse();
    let last = steps.len().checked_sub(1)?;
    if steps.iter().enumerate().any(|(i, s)| s.catch && i != last) {
        return None;
    }
    Some((current, steps))
}

fn handler<'a>(cx: &Context, expr: &'a Expr) -> Option<Handler<'a>> {
    match expr {
        Expr::Paren(p) => handler(cx, &p.expr),
        Expr::Arrow(arrow) if !arrow.is_generator => {
            let param = match arrow.params.as_slice() {
                [] => None,
                [p] if simple_param(p) => Some(p),
                _ => return None,
            };
            match arrow.body.as_ref() {
                ArrowFunctionBody::Expr(e) => Some(Handler {
                    param,
                    body: None,
                    value: Some(e),
                    named: None,
                    body_end: 0,
                }),
                ArrowFunctionBody::FunctionBody(block) => block_handler(cx, param, block),
            }
        }
        Expr::Fn(f) if f.ident.is_none() && !f.function.is_generator => {
            let param = match f.function.params.as_slice() {
                [] => None,
                [p] if simple_param(&p.pat) => Some(&p.pat),
                _ => return None,
            };
            let block = f.function.body.as_ref()?;
            if mentions_this_or_arguments(block) {
                return None;
            }
            block_handler(cx, param, block)
        }
        Expr::Ident(_) => Some(Handler {
            param: None,
            body: None,
            value: None,
            named: Some(expr),
            body_end: 0,
        }),
        Expr::Member(m) if cx.text(m.span) == "JSON.parse" => Some(Handler {
            param: None,
            body: None,
            value: None,
            named: Some(expr),
            body_end: 0,
        }),
        _ => None,
    }
}

fn block_handler<'a>(cx: &Context, param: Option<&'a Pat>, block: &'a FunctionBody) -> Option<Handler<'a>> {
    let (value, body_end) = match block.stmts.last() {
        Some(Stmt::Return(r)) => (r.arg.as_deref(), cx.range(r.span).start),
        _ => (None, cx.range(block.span).end - 1),
    };
    // Only that final `return` may leave the handler.
    let returns = count_returns(block);
    let tail = usize::from(matches!(block.stmts.last(), Some(Stmt::Return(_))));
    if returns != tail {
        return None;
    }
    Some(Handler {
        param,
        body: Some(block),
        value,
        named: None,
        body_end,
    })
}

fn simple_param(p: &Pat) -> bool {
    match p {
        Pat::Ident(i) => i.type_ann.is_none(),
        Pat::Object(o) => o.props.iter().all(|p| !matches!(p, ObjectPatProp::Rest(_))),
        Pat::Array(_) => true,
        _ => false,
    }
}

/// An expression's lines at `indent`: the first line starts there, later lines move by as much as
/// the first did.
fn shifted(cx: &Context, expr: &Expr, suffix: &str, indent: &str) -> Vec<String> {
    let range = cx.range(expr.span());
    let from = cx.indent_at(range.start);
    let text = format!("{}{suffix}", &cx.source[range]);
    let mut lines = Vec::new();
    for (i, line) in text.split('\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        lines.push(match (i, line.strip_prefix(from)) {
            (0, _) => format!("{indent}{line}"),
            (_, Some(rest)) => format!("{indent}{rest}"),
            _ => line.to_string(),
        });
    }
    lines
}

/// A call chain written over several lines (`client\n  .readSecret(k)`) joined into one; any
/// other multi-line text is kept as it is.
fn one_line(text: &str) -> String {
    let mut lines = text.lines();
    let first = lines.next().unwrap_or_default().to_string();
    let rest: Vec<&str> = lines.map(str::trim).collect();
    if rest.iter().all(|l| l.starts_with('.') || l.starts_with(')')) {
        rest.iter().fold(first.trim_end().to_string(), |acc, l| acc + l)
    } else {
        text.to_string()
    }
}

fn is_callback_call(expr: &Expr, callback: &str) -> bool {
    matches!(expr, Expr::Call(c) if c.callee.as_expr().and_then(|e| e.as_ident()).is_some_and(|i| &*i.sym == callback))
}

/// The source of a handler's statements, from after its `{` to `end`.
fn body_text(cx: &Context, block: &FunctionBody, end: usize) -> String {
    let start = cx.range(block.span).start + 1;
    cx.source[start..end].to_string()
}

/// Re-indents `text` (lines of one handler) to `indent`: the indentation of its first non-blank
/// line is replaced on every line that starts with it. Blank lines at both ends go; lines inside
/// multi-line template literals are not touched.
pub(super) fn reindent(text: String, indent: &str) -> Vec<String> {
    let lines: Vec<&str> = text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l)).collect();
    let first = lines.iter().position(|l| !l.trim().is_empty());
    let last = lines.iter().rposition(|l| !l.trim().is_empty());
    let (Some(first), Some(last)) = (first, last) else {
        return Vec::new();
    };
    let lines = &lines[first..=last];
    // The common indentation of the lines that start code (not those inside a multi-line
    // template), so that the lines keep their indentation relative to each other.
    let mut from: Option<&str> = None;
    let mut in_template = false;
    for line in lines {
        if !in_template && !line.trim().is_empty() {
            let indent = &line[..line.len() - line.trim_start().len()];
            from = Some(from.map_or(indent, |f| common_prefix(f, indent)));
        }
        in_template ^= line.matches('`').count() % 2 == 1;
    }
    let from = from.unwrap_or("");
    let mut in_template = false;
    let mut out = Vec::with_capacity(lines.len());
    for line in lines {
        let reindented = if in_template {
            line.to_string()
        } else if line.trim().is_empty() {
            String::new()
        } else if let Some(rest) = line.strip_prefix(from) {
            format!("{indent}{rest}")
        } else {
            format!("{indent}{}", line.trim_start())
        };
        in_template ^= line.matches('`').count() % 2 == 1;
        out.push(reindented);
    }
    out
}

/// The longest common prefix of two indentations.
fn common_prefix<'s>(a: &'s str, b: &str) -> &'s str {
    let len = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    &a[..len]
}

/// The indentation step of the handler's body.
fn indent_unit(cx: &Context, body: &FunctionBody) -> String {
    let body_indent = body
        .stmts
        .first()
        .map(|s| cx.indent_at(cx.range(s.span()).start))
        .unwrap_or("");
    let outer = cx.indent_at(cx.range(body.span).start);
    body_indent
        .strip_prefix(outer)
        .filter(|u| !u.is_empty())
        .unwrap_or("  ")
        .to_string()
}

/// Whether the handler assigns to its parameter (then it must stay a `let`).
fn assigns_to(h: &Handler, param: &Pat) -> bool {
    let Some(body) = h.body else {
        return false;
    };
    let names = super::super::support::bound_names(param);
    struct Find<'a>(&'a HashSet<String>, bool);
    impl Visit for Find<'_> {
        fn visit_simple_assign_target(&mut self, t: &SimpleAssignTarget) {
            if let SimpleAssignTarget::Ident(i) = t {
                self.1 |= self.0.contains(&*i.id.sym);
            }
            t.visit_children_with(self);
        }
        fn visit_update_expr(&mut self, u: &UpdateExpr) {
            if let Expr::Ident(i) = u.arg.as_ref() {
                self.1 |= self.0.contains(&*i.sym);
            }
            u.visit_children_with(self);
        }
    }
    let mut find = Find(&names, false);
    body.visit_with(&mut find);
    find.1
}

fn referenced<N: VisitWith<Refs>>(node: &N) -> HashSet<String> {
    let mut refs = Refs(HashSet::new());
    node.visit_with(&mut refs);
    refs.0
}

pub(super) struct Refs(HashSet<String>);

impl Visit for Refs {
    fn visit_ident(&mut self, i: &Ident) {
        self.0.insert(i.sym.to_string());
    }
}

/// Simple parameter names that more than one `.then` handler uses: they become one `let`,
/// assigned again by each later step, when no earlier handler keeps it in a closure.
fn reused_params(handlers: &[Handler]) -> HashSet<String> {
    let mut seen = HashSet::new();
    let mut reused = HashSet::new();
    for h in handlers {
        if let Some(Pat::Ident(p)) = h.param {
            if !seen.insert(p.id.sym.to_string()) {
                reused.insert(p.id.sym.to_string());
            }
        }
    }
    reused
}

/// The names a handler adds to the scope it is inlined into: its parameter (for `.then`), its
/// top-level declarations, and `var`s anywhere in its own code.
fn scope_names(step: &Step) -> HashSet<String> {
    let mut names = HashSet::new();
    let (params, body): (Vec<&Pat>, Option<&FunctionBody>) = match step.handler {
        Expr::Arrow(a) => (
            a.params.iter().collect(),
            match a.body.as_ref() {
                ArrowFunctionBody::FunctionBody(b) => Some(b),
                ArrowFunctionBody::Expr(_) => None,
            },
        ),
        Expr::Fn(f) => (f.function.params.iter().map(|p| &p.pat).collect(), f.function.body.as_ref()),
        _ => (Vec::new(), None),
    };
    if !step.catch {
        for p in params {
            names.extend(super::super::support::bound_names(p));
        }
    }
    if let Some(body) = body {
        for stmt in &body.stmts {
            match stmt {
                Stmt::Decl(Decl::Var(v)) if v.kind != VarDeclKind::Var => names.extend(super::super::support::bound_names(v.as_ref())),
                Stmt::Decl(Decl::Fn(f)) => {
                    names.insert(f.ident.sym.to_string());
                }
                Stmt::Decl(Decl::Class(c)) => {
                    names.insert(c.ident.sym.to_string());
                }
                _ => {}
            }
        }
        struct Vars(HashSet<String>);
        impl Visit for Vars {
            fn visit_var_decl(&mut self, v: &VarDecl) {
                if v.kind == VarDeclKind::Var {
                    self.0.extend(super::super::support::bound_names(v));
                }
                v.visit_children_with(self);
            }
            fn visit_function(&mut self, _: &Function) {}
            fn visit_arrow_expr(&mut self, _: &ArrowExpr) {}
            fn visit_class(&mut self, _: &Class) {}
        }
        let mut vars = Vars(HashSet::new());
        body.visit_with(&mut vars);
        names.extend(vars.0);
    }
    names
}

/// No name a handler adds to the shared scope is added or used by another handler, or used
/// anywhere else in the lambda, nor is it the callback; a parameter name shared by `.then`
/// handlers is allowed when none of them mentions it in a closure.
fn names_are_separate(stmt: &Stmt, lambda_body: &FunctionBody, steps: &[Step], callback: &str) -> bool {
    let declared: Vec<HashSet<String>> = steps.iter().map(scope_names).collect();
    let used: Vec<HashSet<String>> = steps.iter().map(|s| referenced(s.handler)).collect();
    let params: Vec<Option<String>> = steps
        .iter()
        .map(|s| match s.handler {
            Expr::Arrow(a) if !s.catch => a.params.first().and_then(|p| p.as_ident()).map(|i| i.id.sym.to_string()),
            Expr::Fn(f) if !s.catch => f.function.params.first().and_then(|p| p.pat.as_ident()).map(|i| i.id.sym.to_string()),
            _ => None,
        })
        .collect();
    struct Outside {
        skip: Span,
        names: HashSet<String>,
    }
    impl Visit for Outside {
        fn visit_stmt(&mut self, s: &Stmt) {
            if s.span() != self.skip {
                s.visit_children_with(self);
            }
        }
        fn visit_ident(&mut self, i: &Ident) {
            self.names.insert(i.sym.to_string());
        }
    }
    let mut outside = Outside {
        skip: stmt.span(),
        names: HashSet::new(),
    };
    lambda_body.visit_with(&mut outside);
    for (i, names) in declared.iter().enumerate() {
        if names.contains(callback) || names.iter().any(|n| outside.names.contains(n)) {
            return false;
        }
        for (j, other) in declared.iter().enumerate() {
            if i == j {
                continue;
            }
            for n in names {
                let shared_param = params[i].as_deref() == Some(n.as_str()) && params[j].as_deref() == Some(n.as_str());
                if shared_param {
                    // One `let` serves both, so neither may keep the name alive in a closure.
                    if closes_over(steps[i].handler, n) || closes_over(steps[j].handler, n) {
                        return false;
                    }
                    continue;
                }
                if other.contains(n) || used[j].contains(n) {
                    return false;
                }
            }
        }
    }
    true
}

/// Whether a nested function inside `handler` mentions `name`.
fn closes_over(handler: &Expr, name: &str) -> bool {
    struct Find<'a>(&'a str, u32, bool);
    impl Visit for Find<'_> {
        fn visit_function(&mut self, f: &Function) {
            self.1 += 1;
            f.visit_children_with(self);
            self.1 -= 1;
        }
        fn visit_arrow_expr(&mut self, a: &ArrowExpr) {
            self.1 += 1;
            a.visit_children_with(self);
            self.1 -= 1;
        }
        fn visit_ident(&mut self, i: &Ident) {
            self.2 |= self.1 > 1 && &*i.sym == self.0;
        }
    }
    let mut find = Find(name, 0, false);
    handler.visit_with(&mut find);
    find.2
}

fn count_returns(block: &FunctionBody) -> usize {
    struct Count(usize);
    impl Visit for Count {
        fn visit_return_stmt(&mut self, r: &ReturnStmt) {
            self.0 += 1;
            r.visit_children_with(self);
        }
        fn visit_function(&mut self, _: &Function) {}
        fn visit_arrow_expr(&mut self, _: &ArrowExpr) {}
        fn visit_class(&mut self, _: &Class) {}
    }
    let mut count = Count(0);
    block.visit_with(&mut count);
    count.0
}

fn mentions_ident(expr: &Expr, name: &str) -> bool {
    referenced(expr).contains(name)
}

/// `this` or `arguments` in a `function` handler's own code (arrows inside share them).
fn mentions_this_or_arguments(body: &FunctionBody) -> bool {
    struct Find(bool);
    impl Visit for Find {
        fn visit_this_expr(&mut self, _: &ThisExpr) {
            self.0 = true;
        }
        fn visit_ident(&mut self, i: &Ident) {
            self.0 |= &*i.sym == "arguments";
        }
        fn visit_function(&mut self, _: &Function) {}
        fn visit_class(&mut self, _: &Class) {}
    }
    let mut find = Find(false);
    body.visit_with(&mut find);
    find.0
}
