//! Where a client call stands, which decides the shape of its rewrite: a statement of its own
//! (`const x = await client(…);`, `x = await client(…);`, `await client(…);`, `return client(…);`)
//! becomes several statements; anywhere else the call is replaced by an expression.

use crate::parse::Parsed;
use std::collections::HashMap;
use std::ops::Range;
use swc_common::Spanned;
use swc_ecma_ast::*;
use swc_ecma_visit::{Visit, VisitWith};

/// What the statement does with the call's result.
#[derive(Clone, Debug)]
pub enum Target {
    /// `const|let|var <pattern> = await call;`
    Declare {
        keyword: &'static str,
        pattern: Range<usize>,
    },
    /// `<target> = await call;`
    Assign { target: Range<usize> },
    /// `return await call;` or `return call;`
    Return,
    /// `await call;`
    Discard,
}

/// A call that is a statement of its own.
#[derive(Clone, Debug)]
pub struct StatementForm {
    /// The whole statement.
    pub stmt: Range<usize>,
    pub target: Target,
    /// Inside a `try` statement of its function (a returned promise must be awaited there).
    pub in_try: bool,
}

/// How a call's promise is consumed, when it is consumed by `.then(…)`.
#[derive(Clone, Debug)]
pub enum ThenUse {
    /// `.then(name)`
    Named(String),
    /// `.then((param) => …)` or `.then(function (param) {…})`: the parameter and the body.
    Function {
        param: Option<String>,
        body: Range<usize>,
    },
}

pub struct Forms {
    /// By the call's range.
    pub statements: HashMap<Range<usize>, StatementForm>,
    /// By the call's range: the first argument of `.then` on the call.
    pub thens: HashMap<Range<usize>, ThenUse>,
    /// Ranges of loop statements.
    pub loops: Vec<Range<usize>>,
    /// By the call's range: a member read on the call's result (`call.then`, `call.pipe`).
    pub members: HashMap<Range<usize>, String>,
}

impl Forms {
    pub fn find(parsed: &Parsed) -> Forms {
        let mut finder = Finder {
            parsed,
            forms: Forms {
                statements: HashMap::new(),
                thens: HashMap::new(),
                loops: Vec::new(),
                members: HashMap::new(),
            },
            in_try: false,
        };
        parsed.program.visit_with(&mut finder);
        finder.forms
    }
}

struct Finder<'p> {
    parsed: &'p Parsed,
    forms: Forms,
    /// Inside a `try` statement of the current function.
    in_try: bool,
}

fn unparen(expr: &Expr) -> &Expr {
    match expr {
        Expr::Paren(p) => unparen(&p.expr),
        e => e,
    }
}

fn awaited_call(expr: &Expr) -> Option<&CallExpr> {
    match unparen(expr) {
        Expr::Await(a) => unparen(&a.arg).as_call(),
        _ => None,
    }
}

impl Finder<'_> {
    fn statement(&mut self, stmt: &Stmt) {
        let range = self.parsed.range(stmt.span());
        let (call, target) = match stmt {
            Stmt::Decl(Decl::Var(var)) if var.decls.len() == 1 => {
                let d = &var.decls[0];
                let Some(call) = d.init.as_deref().and_then(awaited_call) else {
                    return;
                };
                let keyword = match var.kind {
                    VarDeclKind::Const => "const",
                    VarDeclKind::Let => "let",
                    VarDeclKind::Var => "var",
                };
                (
                    call,
                    Target::Declare {
                        keyword,
                        pattern: self.parsed.range(d.name.span()),
                    },
                )
            }
            Stmt::Expr(e) => match unparen(&e.expr) {
                Expr::Assign(a) if a.op == AssignOp::Assign => {
                    let Some(call) = awaited_call(&a.right) else {
                        return;
                    };
                    (
                        call,
                        Target::Assign {
                            target: self.parsed.range(a.left.span()),
                        },
                    )
                }
                other => {
                    let Some(call) = awaited_call(other) else {
                        return;
                    };
                    (call, Target::Discard)
                }
            },
            Stmt::Return(r) => {
                let Some(arg) = r.arg.as_deref() else {
                    return;
                };
                match awaited_call(arg) {
                    Some(call) => (call, Target::Return),
                    // `return call;` settles after a surrounding `try` has finished, so it can only
                    // become awaiting statements outside one.
                    None if !self.in_try => match unparen(arg).as_call() {
                        Some(call) => (call, Target::Return),
                        None => return,
                    },
                    None => return,
                }
            }
            _ => return,
        };
        self.forms.statements.insert(
            self.parsed.range(call.span),
            StatementForm {
                stmt: range,
                target,
                in_try: self.in_try,
            },
        );
    }

    fn in_function(&mut self, visit: impl FnOnce(&mut Self)) {
        let outer = std::mem::replace(&mut self.in_try, false);
        visit(self);
        self.in_try = outer;
    }
}

impl Visit for Finder<'_> {
    fn visit_stmts(&mut self, stmts: &[Stmt]) {
        for stmt in stmts {
            self.statement(stmt);
        }
        stmts.visit_children_with(self);
    }

    fn visit_function(&mut self, f: &Function) {
        self.in_function(|this| f.visit_children_with(this));
    }

    fn visit_arrow_expr(&mut self, a: &ArrowExpr) {
        self.in_function(|this| a.visit_children_with(this));
    }

    fn visit_try_stmt(&mut self, t: &TryStmt) {
        let outer = std::mem::replace(&mut self.in_try, true);
        t.visit_children_with(self);
        self.in_try = outer;
    }

    fn visit_stmt(&mut self, stmt: &Stmt) {
        if matches!(
            stmt,
            Stmt::For(_) | Stmt::ForIn(_) | Stmt::ForOf(_) | Stmt::While(_) | Stmt::DoWhile(_)
        ) {
            self.forms.loops.push(self.parsed.range(stmt.span()));
        }
        stmt.visit_children_with(self);
    }

    fn visit_member_expr(&mut self, member: &MemberExpr) {
        if let (Some(call), Some(prop)) = (unparen(&member.obj).as_call(), member.prop.as_ident()) {
            self.forms
                .members
                .insert(self.parsed.range(call.span), prop.sym.to_string());
        }
        member.visit_children_with(self);
    }

    fn visit_call_expr(&mut self, call: &CallExpr) {
        if let Some(member) = call.callee.as_expr().and_then(|c| c.as_member()) {
            let is_then = member.prop.as_ident().is_some_and(|p| &*p.sym == "then");
            if let (true, Some(inner), Some(first)) =
                (is_then, unparen(&member.obj).as_call(), call.args.first())
            {
                let use_ = match unparen(&first.expr) {
                    Expr::Ident(i) => Some(ThenUse::Named(i.sym.to_string())),
                    Expr::Arrow(a) => Some(ThenUse::Function {
                        param: a
                            .params
                            .first()
                            .and_then(|p| p.as_ident())
                            .map(|b| b.id.sym.to_string()),
                        body: self.parsed.range(a.body.span()),
                    }),
                    Expr::Fn(f) => f.function.body.as_ref().map(|body| ThenUse::Function {
                        param: f
                            .function
                            .params
                            .first()
                            .and_then(|p| p.pat.as_ident())
                            .map(|b| b.id.sym.to_string()),
                        body: self.parsed.range(body.span),
                    }),
                    _ => None,
                };
                if let Some(use_) = use_ {
                    self.forms.thens.insert(self.parsed.range(inner.span), use_);
                }
            }
        }
        call.visit_children_with(self);
    }
}
