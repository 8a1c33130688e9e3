//! In which order code runs: whether a run of statements assigns a name before anything reads
//! it, and which code touches it (directly, or by calling code that does).

use super::shape::Shape;
use super::Decision;
use crate::rules::Context;
use crate::semantic::{BindingId, ReferenceKind};
use std::collections::HashSet;
use std::ops::Range;
use swc_common::{Span, Spanned};
use swc_ecma_ast::*;
use swc_ecma_visit::{Visit, VisitWith};

/// How deep calls are followed when a call statement may assign a name.
const CALLS: usize = 3;

/// Whether a statement can return (or `yield`) from its function, and whether it can `await`
/// (nested functions aside).
fn exits(stmt: &Stmt) -> (bool, bool) {
    struct Exits(bool, bool);
    impl Visit for Exits {
        fn visit_return_stmt(&mut self, _: &ReturnStmt) {
            self.0 = true;
        }
        fn visit_yield_expr(&mut self, _: &YieldExpr) {
            self.0 = true;
        }
        fn visit_await_expr(&mut self, a: &AwaitExpr) {
            self.1 = true;
            a.visit_children_with(self);
        }
        fn visit_for_of_stmt(&mut self, s: &ForOfStmt) {
            self.1 |= s.is_await;
            s.visit_children_with(self);
        }
        fn visit_function(&mut self, _: &Function) {}
        fn visit_arrow_expr(&mut self, _: &ArrowExpr) {}
    }
    let mut exits = Exits(false, false);
    stmt.visit_with(&mut exits);
    (exits.0, exits.1)
}

impl Decision<'_, '_, '_> {
    /// Whether a run of statements, executed in order, assigns the name before anything reads
    /// it: the first statement that touches it must assign it first.
    pub(super) fn sequence<'i>(&self, items: impl Iterator<Item = Item<'i>>) -> Sequence {
        for item in items {
            let stmt = match item {
                Item::Stmt(s) => s,
                Item::Module(ModuleItem::Stmt(s)) => s,
                Item::Module(ModuleItem::ModuleDecl(decl)) => match decl {
                    ModuleDecl::Import(_)
                    | ModuleDecl::ExportNamed(_)
                    | ModuleDecl::ExportAll(_)
                    | ModuleDecl::ExportDefaultDecl(ExportDefaultDecl {
                        decl: DefaultDecl::Fn(_),
                        ..
                    }) => continue,
                    ModuleDecl::ExportDecl(e) => match &e.decl {
                        Decl::Fn(_) => continue,
                        Decl::Var(var) if only_functions(var) => continue,
                        Decl::Var(var) => {
                            match self.step(&self.cx.range(var.span), |d| d.var_assigns(var)) {
                                Some(s) => return s,
                                None => continue,
                            }
                        }
                        _ if self.touches(&self.cx.range(e.span)) => return Sequence::Fails,
                        _ => continue,
                    },
                    other if self.touches(&self.cx.range(other.span())) => {
                        return Sequence::Fails
                    }
                    _ => continue,
                },
            };
            match stmt {
                Stmt::Decl(Decl::Fn(_)) => continue,
                Stmt::Decl(Decl::Var(var)) if only_functions(var) => continue,
                Stmt::ForIn(ForInStmt { left, right, .. })
                | Stmt::ForOf(ForOfStmt { left, right, .. })
                    if self.head_is_name(left) && !self.touches(&self.cx.range(right.span())) =>
                {
                    // Each iteration assigns it before the body runs; after the loop it may be
                    // unassigned still.
                    continue;
                }
                _ => {}
            }
            if let Some(s) = self.step(&self.cx.range(stmt.span()), |d| d.stmt_assigns(stmt)) {
                return s;
            }
        }
        Sequence::Untouched
    }

    /// One statement of a sequence: `None` when it does not touch the name.
    fn step(&self, range: &Range<usize>, assigns: impl Fn(&Self) -> bool) -> Option<Sequence> {
        if !self.touches(range) {
            return None;
        }
        Some(if assigns(self) {
            Sequence::Assigns
        } else {
            Sequence::Fails
        })
    }

    fn head_is_name(&self, head: &ForHead) -> bool {
        match head {
            ForHead::Pat(p) => p.as_ident().is_some_and(|b| self.is_name(&b.id)),
            _ => false,
        }
    }

    fn is_name(&self, ident: &Ident) -> bool {
        ident.sym == *self.name && self.cx.semantic.binding_of(ident).is_none()
    }

    /// Whether a statement assigns the name before anything in it reads it.
    fn stmt_assigns(&self, stmt: &Stmt) -> bool {
        match stmt {
            Stmt::Expr(e) => self.expr_assigns(&e.expr) || self.call_assigns(&e.expr, CALLS),
            Stmt::For(ForStmt {
                init: Some(init), ..
            }) => match init {
                VarDeclOrExpr::Expr(e) => self.expr_assigns(e),
                VarDeclOrExpr::VarDecl(var) => self.var_assigns(var),
            },
            Stmt::Decl(Decl::Var(var)) => self.var_assigns(var),
            _ => false,
        }
    }

    /// `f(…)` or `await f(…)`, a statement of its own, where `f` always holds a function of the
    /// file whose body assigns the name before anything reads it and before it can return (and,
    /// when the call is not awaited, before its first `await`), with arguments that do not
    /// touch the name.
    fn call_assigns(&self, expr: &Expr, depth: usize) -> bool {
        let (call, awaited) = match expr {
            Expr::Await(a) => (a.arg.as_call(), true),
            e => (e.as_call(), false),
        };
        let Some(call) = call.filter(|_| depth > 0) else {
            return false;
        };
        let semantic = self.cx.semantic;
        let Some(binding) = call
            .callee
            .as_expr()
            .and_then(|c| c.as_ident())
            .and_then(|i| semantic.binding_of(i))
            .filter(|&b| !semantic.binding(b).reassigned)
        else {
            return false;
        };
        if call
            .args
            .iter()
            .any(|a| self.touches(&self.cx.range(a.expr.span())))
        {
            return false;
        }
        let Some(body) = self
            .shape
            .funcs
            .iter()
            .find(|f| f.binding == Some(binding) && !f.generator)
            .and_then(|f| f.body.clone())
        else {
            return false;
        };
        with_body(self.cx, &body, |stmts| {
            for stmt in stmts {
                if matches!(stmt, Stmt::Decl(Decl::Fn(_)))
                    || matches!(stmt, Stmt::Decl(Decl::Var(v)) if only_functions(v))
                {
                    continue;
                }
                if self.touches(&self.cx.range(stmt.span())) {
                    // `x = await load()` assigns only once the call has been awaited.
                    return (awaited || !exits(stmt).1) && self.stmt_assigns(stmt)
                        || matches!(stmt, Stmt::Expr(e) if self.call_assigns(&e.expr, depth - 1));
                }
                let (returns, waits) = exits(stmt);
                if returns || (waits && !awaited) {
                    return false;
                }
            }
            false
        }) == Some(true)
    }

    fn var_assigns(&self, var: &VarDecl) -> bool {
        for d in &var.decls {
            if !self.touches(&self.cx.range(d.span)) {
                continue;
            }
            return !self.touches(&self.cx.range(d.name.span()))
                && d.init.as_deref().is_some_and(|e| self.expr_assigns(e));
        }
        false
    }

    fn expr_assigns(&self, expr: &Expr) -> bool {
        match expr {
            Expr::Paren(p) => self.expr_assigns(&p.expr),
            Expr::Assign(a) if a.op == AssignOp::Assign => {
                let right = || self.touches(&self.cx.range(a.right.span()));
                match &a.left {
                    AssignTarget::Simple(SimpleAssignTarget::Ident(b)) if self.is_name(&b.id) => {
                        !right()
                    }
                    left => {
                        !self.touches(&self.cx.range(left.span())) && self.expr_assigns(&a.right)
                    }
                }
            }
            Expr::Seq(seq) => seq
                .exprs
                .iter()
                .find(|e| self.touches(&self.cx.range(e.span())))
                .is_some_and(|e| self.expr_assigns(e)),
            _ => false,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Sequence {
    /// Something may read the name before the statements assign it.
    Fails,
    /// A statement assigns it before anything reads it.
    Assigns,
    /// Nothing reads it (loops that assign it in their head aside).
    Untouched,
}

/// A statement of a function body or an item of the top level.
#[derive(Clone, Copy)]
pub(super) enum Item<'i> {
    Stmt(&'i Stmt),
    Module(&'i ModuleItem),
}

impl Item<'_> {
    pub(super) fn span(&self) -> Span {
        match self {
            Item::Stmt(s) => s.span(),
            Item::Module(m) => m.span(),
        }
    }

    /// An import, a `require`, or a directive: the block at the top of the file that a
    /// declaration does not go into.
    pub(super) fn is_import(&self) -> bool {
        let stmt = match self {
            Item::Module(ModuleItem::ModuleDecl(ModuleDecl::Import(_))) => return true,
            Item::Module(ModuleItem::ModuleDecl(_)) => return false,
            Item::Module(ModuleItem::Stmt(s)) => s,
            Item::Stmt(s) => *s,
        };
        let loads = |e: &Expr| {
            let e = match e {
                Expr::Member(m) => &*m.obj,
                Expr::Await(a) => &*a.arg,
                e => e,
            };
            crate::rules::support::require_call(e).is_some()
                || e.as_call().is_some_and(|c| matches!(c.callee, Callee::Import(_)))
        };
        match stmt {
            Stmt::Decl(Decl::Var(var)) => var
                .decls
                .iter()
                .all(|d| d.init.as_deref().is_some_and(loads)),
            Stmt::Expr(e) => loads(&e.expr) || is_directive(stmt),
            _ => false,
        }
    }
}

pub(super) fn top_items(program: &Program) -> Vec<Item<'_>> {
    match program {
        Program::Module(m) => m.body.iter().map(Item::Module).collect(),
        Program::Script(s) => s.body.iter().map(Item::Stmt).collect(),
    }
}

pub(super) fn is_directive(stmt: &Stmt) -> bool {
    stmt.as_expr()
        .is_some_and(|e| matches!(e.expr.as_ref(), Expr::Lit(Lit::Str(_))))
}

/// A declaration whose every initializer is a function: declaring it runs nothing.
pub(super) fn only_functions(var: &VarDecl) -> bool {
    var.decls.iter().all(|d| {
        matches!(
            d.init.as_deref(),
            Some(Expr::Fn(_) | Expr::Arrow(_) | Expr::Class(_))
        )
    })
}

pub(super) fn contains(outer: &Range<usize>, inner: &Range<usize>) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

/// Whether a sorted list of offsets has one in `range`.
pub(super) fn any_in(sorted: &[usize], range: &Range<usize>) -> bool {
    let i = sorted.partition_point(|&x| x < range.start);
    i < sorted.len() && sorted[i] < range.end
}

pub(super) fn any_ref_in(refs: &[(usize, ReferenceKind, Span)], range: &Range<usize>) -> bool {
    refs.iter().any(|r| range.contains(&r.0))
}

pub(super) fn offsets_of(cx: &Context, binding: BindingId) -> Vec<usize> {
    cx.semantic
        .references_of(binding)
        .map(|r| cx.range(r.span).start)
        .collect()
}

/// The offsets of `seed`, and of every reference to a binding that holds code containing one of
/// them (repeated until nothing is added), sorted.
pub(super) fn touched_by(cx: &Context, shape: &Shape, mut touched: Vec<usize>) -> Vec<usize> {
    touched.sort_unstable();
    let mut holding: HashSet<BindingId> = HashSet::new();
    loop {
        let mut added = Vec::new();
        for (binding, range) in &shape.holders {
            if !holding.contains(binding) && any_in(&touched, range) {
                holding.insert(*binding);
                added.extend(offsets_of(cx, *binding));
            }
        }
        if added.is_empty() {
            return touched;
        }
        touched.extend(added);
        touched.sort_unstable();
    }
}

/// Runs `f` on the statements of the function body at `body`.
pub(super) fn with_body<R>(cx: &Context, body: &Range<usize>, f: impl FnOnce(&[Stmt]) -> R) -> Option<R> {
    struct Find<'c, 'a, F, R> {
        cx: &'c Context<'a>,
        body: Range<usize>,
        f: Option<F>,
        result: Option<R>,
    }
    impl<F: FnOnce(&[Stmt]) -> R, R> Find<'_, '_, F, R> {
        /// Runs `f` when `span` is the body; says whether the node may hold it.
        fn found(&mut self, span: Span, stmts: &[Stmt]) -> bool {
            let range = self.cx.range(span);
            if self.result.is_none() && range == self.body {
                if let Some(f) = self.f.take() {
                    self.result = Some(f(stmts));
                }
                return false;
            }
            self.result.is_none() && contains(&range, &self.body)
        }
    }
    impl<F: FnOnce(&[Stmt]) -> R, R> Visit for Find<'_, '_, F, R> {
        fn visit_function_body(&mut self, body: &FunctionBody) {
            if self.found(body.span, &body.stmts) {
                body.visit_children_with(self);
            }
        }
        fn visit_block_stmt(&mut self, block: &BlockStmt) {
            if self.found(block.span, &block.stmts) {
                block.visit_children_with(self);
            }
        }
    }
    let mut find = Find {
        cx,
        body: body.clone(),
        f: Some(f),
        result: None,
    };
    cx.parsed.program.visit_with(&mut find);
    find.result
}
