//! The edits: a callback call becomes a `return` or a `throw`, a `try` that only hands its error
//! to the callback is unwrapped, and a handler that keeps its callback gets the adapter.

use super::collect::{is_pure, try_layout, Site};
use super::ERROR_TYPES;
use crate::rules::Context;
use swc_common::Spanned;
use swc_ecma_ast::*;
use swc_ecma_visit::{Visit, VisitWith};

/// Replaces a `try` with its block, one indentation step shallower.
pub(super) fn unwrap_try(cx: &mut Context, body: &FunctionBody, pos: swc_common::BytePos) {
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
        let next = crate::rules::support::next_line_start(cx.source, at);
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


/// The edits that turn one callback statement into a `return` or a `throw`. The argument's own
/// text is kept where it stands, so edits inside it (by other rules) do not collide.
pub(super) fn rewrite(cx: &Context, site: &Site) -> Option<Vec<(std::ops::Range<usize>, String)>> {
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
        e => classify_error(cx, e),
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

/// `null` or the global `undefined`: the error argument of a call that reports no error.
pub(super) fn no_error(cx: &Context, expr: &Expr) -> bool {
    match expr {
        Expr::Lit(Lit::Null(_)) => true,
        Expr::Ident(i) => cx.semantic.is_global_named(i, "undefined"),
        _ => false,
    }
}

/// A callback call that reports no error, and the value it delivers (`None` for none).
pub(super) fn success<'c>(cx: &Context, call: &'c CallExpr) -> Option<Option<&'c Expr>> {
    if call.args.iter().any(|a| a.spread.is_some()) {
        return None;
    }
    match call.args.as_slice() {
        [] => Some(None),
        [e] if no_error(cx, &e.expr) => Some(None),
        [e, v] if no_error(cx, &e.expr) => Some(Some(&*v.expr)),
        _ => None,
    }
}

fn classify_error(cx: &Context, expr: &Expr) -> ErrorArg {
    match expr {
        Expr::Paren(p) => classify_error(cx, &p.expr),
        e if no_error(cx, e) => ErrorArg::Null,
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


/// Keeps the body as it is inside a Promise whose local `callback` settles it: the first call
/// wins, a promise result is adopted, a throw (or an async body's rejection) fails it, and a
/// body that never calls back never settles, as in V1.
pub(super) fn adapter(cx: &mut Context, stmt: &Stmt, body: &FunctionBody, callback: &str) {
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
    // The body moves two levels in: every line of it that starts code (not a line inside a
    // multi-line string or template, whose text would change).
    let literals = literal_ranges(cx, body);
    let shift = format!("{unit}{unit}");
    let mut at = crate::rules::support::next_line_start(cx.source, body_range.start);
    while at < closing {
        let next = crate::rules::support::next_line_start(cx.source, at);
        let line = &cx.source[at..next.min(closing)];
        let inside = literals.iter().any(|r| r.start < at && at < r.end);
        if !inside && !line.trim().is_empty() {
            cx.insert(at, shift.clone());
        }
        at = next;
    }
    let line_start = crate::rules::support::line_start(cx.source, closing);
    if cx.source[line_start..closing].trim().is_empty() {
        cx.insert(line_start, close);
    } else {
        cx.insert(closing, format!("{eol}{close}"));
    }
}

/// The byte ranges of the string literals and templates in `body`.
fn literal_ranges(cx: &Context, body: &FunctionBody) -> Vec<std::ops::Range<usize>> {
    struct Literals<'c, 'a>(&'c Context<'a>, Vec<std::ops::Range<usize>>);
    impl swc_ecma_visit::Visit for Literals<'_, '_> {
        fn visit_str(&mut self, s: &Str) {
            self.1.push(self.0.range(s.span));
        }
        fn visit_tpl(&mut self, t: &Tpl) {
            self.1.push(self.0.range(t.span));
            swc_ecma_visit::VisitWith::visit_children_with(t, self);
        }
    }
    let mut literals = Literals(cx, Vec::new());
    swc_ecma_visit::VisitWith::visit_with(body, &mut literals);
    literals.1
}
