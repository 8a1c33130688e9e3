//! A handler whose last statement only defers its work to a function that calls back:
//! `(async () => { … callback(…) … })();` or `setTimeout(() => { … callback(…) … }, ms);`. The
//! function's body becomes the rest of the handler (after an awaited delay for `setTimeout`),
//! so the next pass turns its callback calls into `return`/`throw` like any other.
//!
//! The handler ended there in V1 and its result came from the callback, so running the body in
//! the handler itself changes nothing, provided the body does not return a value (that would
//! become the handler's result; a bare `return;` ends the handler without calling back, as it
//! ended the function in V1), does not read `this` or `arguments` (which would change meaning)
//! and declares no name the handler declares too.

use super::chain::reindent;
use crate::rules::support::bound_names;
use crate::rules::Context;
use crate::semantic::BindingId;
use swc_common::Spanned;
use swc_ecma_ast::*;
use swc_ecma_visit::{Visit, VisitWith};

/// Inlines the deferred function at the end of `body`, if there is one that calls `callback`.
/// Returns whether it did.
pub(super) fn inline(cx: &mut Context, body: &FunctionBody, callback: BindingId) -> bool {
    let Some((last, rest)) = body.stmts.split_last() else {
        return false;
    };
    let Some(expr) = last.as_expr().map(|e| &*e.expr) else {
        return false;
    };
    let Some(call) = expr.as_call() else {
        return false;
    };
    let Some(callee) = call.callee.as_expr() else {
        return false;
    };
    let (function, delay) = match unparen(callee) {
        // `(async () => { … })()`
        Expr::Arrow(_) | Expr::Fn(_) if call.args.is_empty() => (unparen(callee), None),
        // `setTimeout(() => { … }, ms)`
        Expr::Ident(i) if &*i.sym == "setTimeout" && cx.semantic.is_global(i) && call.args.len() == 2 => {
            match (&call.args[0], &call.args[1]) {
                (f, ms) if f.spread.is_none() && ms.spread.is_none() => (unparen(&f.expr), Some(&*ms.expr)),
                _ => return false,
            }
        }
        _ => return false,
    };
    let (block, is_async, params_empty, own_this) = match function {
        Expr::Arrow(a) => match &*a.body {
            ArrowFunctionBody::FunctionBody(b) => (b, a.is_async, a.params.is_empty(), false),
            ArrowFunctionBody::Expr(_) => return false,
        },
        Expr::Fn(f) => match &f.function.body {
            Some(b) => (b, f.function.is_async, f.function.params.is_empty(), true),
            None => return false,
        },
        _ => return false,
    };
    // A deferred function that is not async runs to its end at once: only `setTimeout`'s may be.
    let block_range = cx.range(block.span);
    let calls = cx.semantic.references_of(callback).any(|r| {
        let r = cx.range(r.span);
        block_range.start <= r.start && r.end <= block_range.end
    });
    if !params_empty || (delay.is_none() && !is_async) || !calls {
        return false;
    }
    let mut own = OwnLevel::default();
    block.visit_with(&mut own);
    if own.returns || own.arguments || (own_this && own.this) || (!is_async && own.awaits) {
        return false;
    }
    // The names its body declares at its own level move into the handler's scope: the rest of
    // the handler must not mention them.
    let range = cx.range(last.span());
    let rest_range = rest.first().map_or(range.start, |s| cx.range(s.span()).start)..range.start;
    let in_rest = |span: swc_common::Span| {
        let r = cx.range(span);
        rest_range.start <= r.start && r.end <= rest_range.end
    };
    let clashes = own_declarations(block).iter().any(|name| {
        cx.semantic.bindings_named(name).any(|b| b.declarations.iter().any(|d| in_rest(*d)))
            || cx.semantic.references_named(name).any(|r| in_rest(r.span))
    });
    if clashes {
        return false;
    }
    let indent = cx.indent_at(range.start).to_string();
    let start = cx.range(block.span).start + 1;
    let end = cx.range(block.span).end - 1;
    let mut lines = reindent(cx.source[start..end].to_string(), &indent);
    if lines.is_empty() {
        return false;
    }
    if let Some(ms) = delay {
        let semi = cx.style.semi();
        lines.insert(
            0,
            format!("{indent}await new Promise((resolve) => setTimeout(resolve, {})){semi}", cx.text(ms.span())),
        );
    }
    let text = lines.join(cx.style.eol);
    let line_start = crate::rules::support::line_start(cx.source, range.start);
    let semi_end = range.end;
    cx.replace(line_start..semi_end, text);
    true
}

/// The names a body declares at its own level (`var`s anywhere in it, since they belong to the
/// function; `let`, `const`, functions and classes in its statement list).
fn own_declarations(body: &FunctionBody) -> Vec<String> {
    let mut names = Vec::new();
    for stmt in &body.stmts {
        match stmt {
            Stmt::Decl(Decl::Var(v)) => v.decls.iter().for_each(|d| names.extend(bound_names(&d.name))),
            Stmt::Decl(Decl::Fn(f)) => names.push(f.ident.sym.to_string()),
            Stmt::Decl(Decl::Class(c)) => names.push(c.ident.sym.to_string()),
            _ => {}
        }
    }
    struct Vars<'a>(&'a mut Vec<String>);
    impl Visit for Vars<'_> {
        fn visit_var_decl(&mut self, v: &VarDecl) {
            if v.kind == VarDeclKind::Var {
                v.decls.iter().for_each(|d| self.0.extend(bound_names(&d.name)));
            }
            v.visit_children_with(self);
        }
        fn visit_function(&mut self, _: &Function) {}
        fn visit_arrow_expr(&mut self, _: &ArrowExpr) {}
    }
    body.visit_with(&mut Vars(&mut names));
    names
}

fn unparen(expr: &Expr) -> &Expr {
    match expr {
        Expr::Paren(p) => unparen(&p.expr),
        other => other,
    }
}

/// What a function body does at its own level (not inside the functions it holds; arrows share
/// `this` and `arguments` with it, so those count).
#[derive(Default)]
struct OwnLevel {
    /// A `return` with a value (a bare `return;` ends the handler the same way: without a
    /// result, which the next pass reports where V1 timed out).
    returns: bool,
    this: bool,
    arguments: bool,
    awaits: bool,
}

impl Visit for OwnLevel {
    fn visit_return_stmt(&mut self, r: &ReturnStmt) {
        self.returns |= r.arg.is_some();
        r.visit_children_with(self);
    }
    fn visit_this_expr(&mut self, _: &ThisExpr) {
        self.this = true;
    }
    fn visit_ident(&mut self, i: &Ident) {
        self.arguments |= &*i.sym == "arguments";
    }
    fn visit_await_expr(&mut self, a: &AwaitExpr) {
        self.awaits = true;
        a.visit_children_with(self);
    }
    fn visit_function(&mut self, _: &Function) {}
    fn visit_class(&mut self, _: &Class) {}
    fn visit_arrow_expr(&mut self, a: &ArrowExpr) {
        // An arrow's `return` is its own; its `this` and `arguments` are the enclosing ones.
        let returns = self.returns;
        let awaits = self.awaits;
        a.visit_children_with(self);
        self.returns = returns;
        self.awaits = awaits;
    }
}
