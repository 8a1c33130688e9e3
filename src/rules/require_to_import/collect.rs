//! Finding every `require`: its module, its form and where it stands.

use crate::parse::Parsed;
use std::ops::Range;
use swc_common::{Span, Spanned};
use swc_ecma_ast::*;
use swc_ecma_visit::{Visit, VisitWith};

/// A name bound by a declaration: `n` in `const n = …`, `c` in `const { b: c } = …`.
#[derive(Clone, Debug)]
pub(super) struct Bound {
    /// The export it reads: `b` in `{ b: c }`; `None` for the whole value.
    pub(super) key: Option<String>,
    pub(super) local: String,
    pub(super) local_range: Range<usize>,
    /// Where the key is written, when it is written apart from the local name.
    pub(super) key_range: Option<Range<usize>>,
}

#[derive(Clone, Debug)]
pub(super) enum Binding {
    Ident(Bound),
    /// An object pattern of plain names.
    Object(Vec<Bound>),
    /// Any other pattern.
    Other,
}

#[derive(Clone, Debug)]
pub(super) struct DeclSite {
    pub(super) stmt: Range<usize>,
    pub(super) kind: VarDeclKind,
    pub(super) binding: Binding,
    /// The pattern.
    pub(super) pattern: Range<usize>,
    /// `y` in `require("m").y`.
    pub(super) prop: Option<String>,
    /// `require("m")` or `require("m").y`.
    pub(super) init: Range<usize>,
}

#[derive(Clone, Debug)]
pub(super) enum Form {
    /// `const <pattern> = require("m")` or `= require("m").y`, one declarator, a statement.
    Decl(DeclSite),
    /// `require("m");`
    SideEffect { stmt: Range<usize> },
    /// Anywhere else.
    Expr,
}

#[derive(Clone, Debug)]
pub(super) struct Site {
    /// The `require("m")` call.
    pub(super) call: Range<usize>,
    pub(super) span: Span,
    pub(super) spec: String,
    pub(super) quote: char,
    pub(super) form: Form,
    /// The statement is a top-level statement.
    pub(super) top: bool,
    /// The innermost function holding the site: its range, and whether `await` may be used there.
    pub(super) function: Option<(Range<usize>, bool)>,
    /// Under a condition, in a loop, or in a `try` block.
    pub(super) conditional: bool,
}

/// Finds every `require`.
pub(super) struct Collector<'p> {
    parsed: &'p Parsed,
    source: &'p str,
    functions: Vec<(Range<usize>, bool)>,
    params: bool,
    conditional: usize,
    depth: usize,
    /// The statement being visited stands in a list of statements (a block, a function body, the
    /// file), not alone as the body of `if`, `for`, …: only there can it be removed.
    listed: bool,
    pub(super) sites: Vec<Site>,
    pub(super) computed: Vec<Span>,
    pub(super) other_uses: Vec<Span>,
}

/// The module name of `require("m")` (a string, or a template without expressions).
fn require_spec(call: &CallExpr) -> Option<Option<(String, Span)>> {
    let Callee::Expr(callee) = &call.callee else {
        return None;
    };
    if callee.as_ident().is_none_or(|i| &*i.sym != "require") {
        return None;
    }
    let literal = match call.args.as_slice() {
        [arg] if arg.spread.is_none() => match arg.expr.as_ref() {
            Expr::Lit(Lit::Str(s)) => s.value.as_atom().map(|a| (a.to_string(), s.span)),
            Expr::Tpl(t) if t.exprs.is_empty() => t
                .quasis
                .first()
                .and_then(|q| q.cooked.as_ref())
                .and_then(|c| c.as_atom())
                .map(|a| (a.to_string(), t.span)),
            _ => None,
        },
        _ => None,
    };
    Some(literal.filter(|(spec, _)| !spec.is_empty()))
}

impl<'p> Collector<'p> {
    pub(super) fn new(parsed: &'p Parsed, source: &'p str) -> Self {
        Collector {
            parsed,
            source,
            functions: Vec::new(),
            params: false,
            conditional: 0,
            depth: 0,
            listed: false,
            sites: Vec::new(),
            computed: Vec::new(),
            other_uses: Vec::new(),
        }
    }

    fn site(&self, call: &CallExpr, spec: String, literal: Span, form: Form) -> Site {
        let quote = match self.source[self.parsed.range(literal)].chars().next() {
            Some('\'') => '\'',
            _ => '"',
        };
        Site {
            call: self.parsed.range(call.span),
            span: call.span,
            spec,
            quote,
            form,
            top: self.depth == 0,
            function: self
                .functions
                .last()
                .map(|(range, is_async)| (range.clone(), *is_async && !self.params)),
            conditional: self.conditional > 0,
        }
    }

    fn function(&mut self, span: Span, is_async: bool, visit: impl FnOnce(&mut Self)) {
        self.functions.push((self.parsed.range(span), is_async));
        let params = std::mem::replace(&mut self.params, false);
        visit(self);
        self.params = params;
        self.functions.pop();
    }

    fn in_params(&mut self, visit: impl FnOnce(&mut Self)) {
        let params = std::mem::replace(&mut self.params, true);
        visit(self);
        self.params = params;
    }

    fn conditionally(&mut self, visit: impl FnOnce(&mut Self)) {
        self.conditional += 1;
        visit(self);
        self.conditional -= 1;
    }

    /// A statement that is a `require` declaration or a side-effect `require`.
    fn statement_site(&mut self, stmt: &Stmt) -> bool {
        match stmt {
            Stmt::Decl(Decl::Var(var)) => {
                let [declarator] = var.decls.as_slice() else {
                    return false;
                };
                let Some(init) = declarator.init.as_deref() else {
                    return false;
                };
                let (call, prop) = match init {
                    Expr::Call(call) => (call, None),
                    Expr::Member(MemberExpr { obj, prop, .. }) => {
                        let Expr::Call(call) = obj.as_ref() else {
                            return false;
                        };
                        let name = match prop {
                            MemberProp::Ident(i) => i.sym.to_string(),
                            MemberProp::Computed(ComputedPropName { expr, .. }) => match expr.as_ref() {
                                Expr::Lit(Lit::Str(s)) => match s.value.as_atom() {
                                    Some(a) => a.to_string(),
                                    None => return false,
                                },
                                _ => return false,
                            },
                            MemberProp::PrivateName(_) => return false,
                        };
                        (call, Some(name))
                    }
                    _ => return false,
                };
                let Some(Some((spec, literal))) = require_spec(call) else {
                    return false;
                };
                let binding = binding(self.parsed, &declarator.name);
                let site = DeclSite {
                    stmt: self.parsed.range(var.span),
                    kind: var.kind,
                    binding,
                    pattern: self.parsed.range(declarator.name.span()),
                    prop,
                    init: self.parsed.range(init.span()),
                };
                let site = self.site(call, spec, literal, Form::Decl(site));
                self.sites.push(site);
                self.depth += 1;
                declarator.name.visit_with(self);
                self.depth -= 1;
                true
            }
            Stmt::Expr(ExprStmt { expr, span }) => {
                let Expr::Call(call) = expr.as_ref() else {
                    return false;
                };
                let Some(Some((spec, literal))) = require_spec(call) else {
                    return false;
                };
                let stmt = self.parsed.range(*span);
                let site = self.site(call, spec, literal, Form::SideEffect { stmt });
                self.sites.push(site);
                true
            }
            _ => false,
        }
    }
}

fn binding(parsed: &Parsed, pat: &Pat) -> Binding {
    match pat {
        Pat::Ident(b) => Binding::Ident(Bound {
            key: None,
            local: b.id.sym.to_string(),
            local_range: parsed.range(b.id.span),
            key_range: None,
        }),
        Pat::Object(o) if !o.optional && o.type_ann.is_none() => {
            let mut bound = Vec::new();
            for prop in &o.props {
                match prop {
                    ObjectPatProp::Assign(AssignPatProp { key, value: None, .. }) => {
                        bound.push(Bound {
                            key: Some(key.id.sym.to_string()),
                            local: key.id.sym.to_string(),
                            local_range: parsed.range(key.id.span),
                            key_range: None,
                        })
                    }
                    ObjectPatProp::KeyValue(KeyValuePatProp { key, value }) => {
                        let name = match key {
                            PropName::Ident(i) => i.sym.to_string(),
                            PropName::Str(s) => match s.value.as_atom() {
                                Some(a) => a.to_string(),
                                None => return Binding::Other,
                            },
                            _ => return Binding::Other,
                        };
                        let Pat::Ident(local) = value.as_ref() else {
                            return Binding::Other;
                        };
                        bound.push(Bound {
                            key: Some(name),
                            local: local.id.sym.to_string(),
                            local_range: parsed.range(local.id.span),
                            key_range: Some(parsed.range(key.span())),
                        })
                    }
                    _ => return Binding::Other,
                }
            }
            Binding::Object(bound)
        }
        _ => Binding::Other,
    }
}

impl Visit for Collector<'_> {
    fn visit_stmts(&mut self, stmts: &[Stmt]) {
        for stmt in stmts {
            self.listed = true;
            stmt.visit_with(self);
            self.listed = false;
        }
    }

    fn visit_module_items(&mut self, items: &[ModuleItem]) {
        for item in items {
            self.listed = true;
            item.visit_with(self);
            self.listed = false;
        }
    }

    fn visit_stmt(&mut self, stmt: &Stmt) {
        let listed = std::mem::replace(&mut self.listed, false);
        if listed && self.statement_site(stmt) {
            return;
        }
        self.depth += 1;
        stmt.visit_children_with(self);
        self.depth -= 1;
    }

    fn visit_module_decl(&mut self, decl: &ModuleDecl) {
        self.depth += 1;
        decl.visit_children_with(self);
        self.depth -= 1;
    }

    fn visit_call_expr(&mut self, call: &CallExpr) {
        match require_spec(call) {
            Some(Some((spec, literal))) => {
                let site = self.site(call, spec, literal, Form::Expr);
                self.sites.push(site);
            }
            Some(None) => {
                self.computed.push(call.span);
                call.args.visit_with(self);
            }
            None => call.visit_children_with(self),
        }
    }

    fn visit_ident(&mut self, ident: &Ident) {
        if &*ident.sym == "require" {
            self.other_uses.push(ident.span);
        }
    }

    fn visit_function(&mut self, f: &Function) {
        self.function(f.span, f.is_async, |this| {
            this.in_params(|this| {
                f.decorators.visit_with(this);
                f.params.visit_with(this);
            });
            f.body.visit_with(this);
        });
    }

    fn visit_arrow_expr(&mut self, a: &ArrowExpr) {
        self.function(a.span, a.is_async, |this| {
            this.in_params(|this| a.params.visit_with(this));
            a.body.visit_with(this);
        });
    }

    fn visit_constructor(&mut self, c: &Constructor) {
        self.function(c.span, false, |this| c.visit_children_with(this));
    }

    fn visit_getter_prop(&mut self, g: &GetterProp) {
        self.function(g.span, false, |this| g.visit_children_with(this));
    }

    fn visit_setter_prop(&mut self, s: &SetterProp) {
        self.function(s.span, false, |this| s.visit_children_with(this));
    }

    fn visit_class_prop(&mut self, p: &ClassProp) {
        self.function(p.span, false, |this| p.visit_children_with(this));
    }

    fn visit_private_prop(&mut self, p: &PrivateProp) {
        self.function(p.span, false, |this| p.visit_children_with(this));
    }

    fn visit_static_block(&mut self, b: &StaticBlock) {
        self.function(b.span, false, |this| b.visit_children_with(this));
    }

    fn visit_if_stmt(&mut self, s: &IfStmt) {
        s.test.visit_with(self);
        self.conditionally(|this| {
            s.cons.visit_with(this);
            s.alt.visit_with(this);
        });
    }

    fn visit_cond_expr(&mut self, e: &CondExpr) {
        e.test.visit_with(self);
        self.conditionally(|this| {
            e.cons.visit_with(this);
            e.alt.visit_with(this);
        });
    }

    fn visit_bin_expr(&mut self, e: &BinExpr) {
        e.left.visit_with(self);
        if matches!(e.op, BinaryOp::LogicalAnd | BinaryOp::LogicalOr | BinaryOp::NullishCoalescing) {
            self.conditionally(|this| e.right.visit_with(this));
        } else {
            e.right.visit_with(self);
        }
    }

    fn visit_assign_expr(&mut self, e: &AssignExpr) {
        e.left.visit_with(self);
        if matches!(e.op, AssignOp::AndAssign | AssignOp::OrAssign | AssignOp::NullishAssign) {
            self.conditionally(|this| e.right.visit_with(this));
        } else {
            e.right.visit_with(self);
        }
    }

    fn visit_assign_pat(&mut self, p: &AssignPat) {
        p.left.visit_with(self);
        self.conditionally(|this| p.right.visit_with(this));
    }

    fn visit_assign_pat_prop(&mut self, p: &AssignPatProp) {
        p.key.visit_with(self);
        self.conditionally(|this| p.value.visit_with(this));
    }

    fn visit_switch_stmt(&mut self, s: &SwitchStmt) {
        s.discriminant.visit_with(self);
        self.conditionally(|this| s.cases.visit_with(this));
    }

    fn visit_try_stmt(&mut self, s: &TryStmt) {
        self.conditionally(|this| {
            s.block.visit_with(this);
            s.handler.visit_with(this);
        });
        s.finalizer.visit_with(self);
    }

    fn visit_while_stmt(&mut self, s: &WhileStmt) {
        s.test.visit_with(self);
        self.conditionally(|this| s.body.visit_with(this));
    }

    fn visit_do_while_stmt(&mut self, s: &DoWhileStmt) {
        self.conditionally(|this| s.body.visit_with(this));
        s.test.visit_with(self);
    }

    fn visit_for_stmt(&mut self, s: &ForStmt) {
        s.init.visit_with(self);
        s.test.visit_with(self);
        self.conditionally(|this| {
            s.update.visit_with(this);
            s.body.visit_with(this);
        });
    }

    fn visit_for_in_stmt(&mut self, s: &ForInStmt) {
        s.left.visit_with(self);
        s.right.visit_with(self);
        self.conditionally(|this| s.body.visit_with(this));
    }

    fn visit_for_of_stmt(&mut self, s: &ForOfStmt) {
        s.left.visit_with(self);
        s.right.visit_with(self);
        self.conditionally(|this| s.body.visit_with(this));
    }

    fn visit_opt_chain_expr(&mut self, e: &OptChainExpr) {
        self.conditionally(|this| e.visit_children_with(this));
    }
}

/// A top-level statement that sets `process.env.*`, `global.*` or `globalThis.*`.
pub(super) fn prepares_globals(stmt: &Stmt) -> bool {
    struct Finder(bool);
    impl Visit for Finder {
        fn visit_assign_expr(&mut self, assign: &AssignExpr) {
            if let AssignTarget::Simple(SimpleAssignTarget::Member(m)) = &assign.left {
                let mut obj = m.obj.as_ref();
                while let Expr::Member(inner) = obj {
                    obj = inner.obj.as_ref();
                }
                if let Expr::Ident(i) = obj {
                    self.0 |= matches!(&*i.sym, "process" | "global" | "globalThis");
                }
            }
            assign.visit_children_with(self);
        }
        fn visit_function(&mut self, _: &Function) {}
        fn visit_arrow_expr(&mut self, _: &ArrowExpr) {}
    }
    let mut finder = Finder(false);
    stmt.visit_with(&mut finder);
    finder.0
}
