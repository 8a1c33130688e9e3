//! What the rule needs of the file beyond the semantic model: its functions, the bindings that
//! hold code, the loops that assign a name in their head, and the names used in ways a
//! declaration would change.

use crate::rules::Context;
use crate::semantic::BindingId;
use std::collections::HashSet;
use std::ops::Range;
use swc_atoms::Atom;
use swc_common::{Span, Spanned};
use swc_ecma_ast::*;
use swc_ecma_visit::{Visit, VisitWith};

/// A function of the file.
pub(super) struct Func {
    pub(super) range: Range<usize>,
    /// Its block body, braces included (an arrow with an expression body has none).
    pub(super) body: Option<Range<usize>>,
    /// The binding that holds it, if any: `function f`, `const f = () => …`, `function f` as an
    /// expression.
    pub(super) binding: Option<BindingId>,
    /// A generator: calling it runs nothing of its body.
    pub(super) generator: bool,
}

/// A loop that assigns an undeclared name in its head.
pub(super) struct Loop {
    pub(super) name: Atom,
    /// The name in the head.
    pub(super) head: Range<usize>,
    pub(super) range: Range<usize>,
    /// What is evaluated before the head assigns the name (`obj` in `for (k in obj)`, `0` in
    /// `for (i = 0; …)`).
    pub(super) before: Range<usize>,
    pub(super) classic: bool,
}

/// What the rule needs of the file, beyond the semantic model.
#[derive(Default)]
pub(super) struct Shape {
    pub(super) funcs: Vec<Func>,
    /// Bindings and the ranges of code they hold (a function, a class, a declarator).
    pub(super) holders: Vec<(BindingId, Range<usize>)>,
    pub(super) loops: Vec<Loop>,
    /// Names used in ways a declaration would change: `typeof x`, `delete x`, `globalThis.x`.
    pub(super) excluded: HashSet<Atom>,
    /// The global object is reached in a way that cannot be followed, or `eval` is called
    /// (or the file loads a module of its own, which may share the global object with it).
    pub(super) opaque: bool,
}


impl Shape {
    pub(super) fn collect(cx: &Context) -> Shape {
        let mut collector = Collector {
            cx,
            shape: Shape::default(),
            holder: None,
        };
        cx.parsed.program.visit_with(&mut collector);
        collector.shape
    }
}

pub(super) struct Collector<'c, 'a> {
    cx: &'c Context<'a>,
    shape: Shape,
    /// The binding of the declarator whose initializer (a function) is visited next.
    holder: Option<BindingId>,
}

impl Collector<'_, '_> {
    fn unbound(&self, ident: &Ident) -> bool {
        self.cx.semantic.binding_of(ident).is_none()
    }

    fn function(&mut self, f: &Function, binding: Option<BindingId>) {
        self.shape.funcs.push(Func {
            range: self.cx.range(f.span),
            body: f.body.as_ref().map(|b| self.cx.range(b.span)),
            binding,
            generator: f.is_generator,
        });
    }

    fn hold(&mut self, ident: &Ident, span: Span) {
        if let Some(b) = self.cx.semantic.binding_of(ident) {
            self.shape.holders.push((b, self.cx.range(span)));
        }
    }

    /// A module of the function's own (`./util.js`) may read or write the same globals.
    fn local_module(&mut self, name: Option<&str>) {
        if name.is_some_and(|n| n.starts_with('.') || n.starts_with('/')) {
            self.shape.opaque = true;
        }
    }

    fn for_each_head(&mut self, head: &ForHead, right: &Expr, span: Span) {
        if let ForHead::Pat(p) = head {
            if let Some(b) = p.as_ident().filter(|b| self.unbound(&b.id)) {
                self.shape.loops.push(Loop {
                    name: b.id.sym.clone(),
                    head: self.cx.range(b.id.span),
                    range: self.cx.range(span),
                    before: self.cx.range(right.span()),
                    classic: false,
                });
            }
        }
    }
}

impl Visit for Collector<'_, '_> {
    fn visit_fn_decl(&mut self, f: &FnDecl) {
        let binding = self.cx.semantic.binding_of(&f.ident);
        self.hold(&f.ident, f.function.span);
        self.function(&f.function, binding);
        self.holder = None;
        f.function.visit_children_with(self);
    }

    fn visit_fn_expr(&mut self, f: &FnExpr) {
        let mut binding = self.holder.take();
        if let Some(ident) = &f.ident {
            self.hold(ident, f.function.span);
            binding = binding.or_else(|| self.cx.semantic.binding_of(ident));
        }
        self.function(&f.function, binding);
        f.function.visit_children_with(self);
    }

    fn visit_function(&mut self, f: &Function) {
        // Methods, getters and setters (declarations and expressions are handled above).
        self.holder = None;
        self.function(f, None);
        f.visit_children_with(self);
    }

    fn visit_arrow_expr(&mut self, a: &ArrowExpr) {
        let binding = self.holder.take();
        let body = match a.body.as_ref() {
            ArrowFunctionBody::FunctionBody(b) => Some(b.span),
            _ => None,
        };
        self.shape.funcs.push(Func {
            range: self.cx.range(a.span),
            body: body.map(|b| self.cx.range(b)),
            binding,
            generator: false,
        });
        a.visit_children_with(self);
    }

    fn visit_class_decl(&mut self, c: &ClassDecl) {
        self.hold(&c.ident, c.class.span);
        self.holder = None;
        c.visit_children_with(self);
    }

    fn visit_var_declarator(&mut self, d: &VarDeclarator) {
        if let Pat::Ident(b) = &d.name {
            // A variable holds code when its value has a function in it (`{ run() {…} }`); one
            // that holds a value computed when it is declared does not.
            if d.init.as_deref().is_some_and(holds_code) {
                self.hold(&b.id, d.span);
            }
            if matches!(d.init.as_deref(), Some(Expr::Fn(_) | Expr::Arrow(_))) {
                self.holder = self.cx.semantic.binding_of(&b.id);
            }
        }
        d.init.visit_with(self);
        self.holder = None;
        d.name.visit_with(self);
    }

    fn visit_for_in_stmt(&mut self, s: &ForInStmt) {
        self.for_each_head(&s.left, &s.right, s.span);
        s.visit_children_with(self);
    }

    fn visit_for_of_stmt(&mut self, s: &ForOfStmt) {
        self.for_each_head(&s.left, &s.right, s.span);
        s.visit_children_with(self);
    }

    fn visit_for_stmt(&mut self, s: &ForStmt) {
        if let Some(VarDeclOrExpr::Expr(init)) = &s.init {
            if let Expr::Assign(a) = init.as_ref() {
                if let (AssignOp::Assign, AssignTarget::Simple(SimpleAssignTarget::Ident(b))) =
                    (a.op, &a.left)
                {
                    if self.unbound(&b.id) {
                        self.shape.loops.push(Loop {
                            name: b.id.sym.clone(),
                            head: self.cx.range(b.id.span),
                            range: self.cx.range(s.span),
                            before: self.cx.range(a.right.span()),
                            classic: true,
                        });
                    }
                }
            }
        }
        s.visit_children_with(self);
    }

    fn visit_unary_expr(&mut self, u: &UnaryExpr) {
        if matches!(u.op, UnaryOp::TypeOf | UnaryOp::Delete) {
            let mut arg = u.arg.as_ref();
            while let Expr::Paren(p) = arg {
                arg = &p.expr;
            }
            if let Expr::Ident(i) = arg {
                if self.unbound(i) {
                    self.shape.excluded.insert(i.sym.clone());
                }
            }
        }
        u.visit_children_with(self);
    }

    fn visit_member_expr(&mut self, m: &MemberExpr) {
        if let Expr::Ident(obj) = m.obj.as_ref() {
            if matches!(&*obj.sym, "globalThis" | "global") && self.unbound(obj) {
                match crate::semantic::facts::prop_name(&m.prop) {
                    Some(name) => {
                        self.shape.excluded.insert(name.into());
                    }
                    None => self.shape.opaque = true,
                }
                m.prop.visit_with(self);
                return;
            }
        }
        m.visit_children_with(self);
    }

    fn visit_import_decl(&mut self, import: &ImportDecl) {
        self.local_module(import.src.value.as_atom().map(|a| &**a));
    }

    fn visit_call_expr(&mut self, call: &CallExpr) {
        if let Some(s) = crate::semantic::facts::loaded_module(call) {
            self.local_module(s.value.as_atom().map(|a| &**a));
        }
        call.visit_children_with(self);
    }

    fn visit_ident(&mut self, i: &Ident) {
        if matches!(&*i.sym, "globalThis" | "global" | "eval") && self.unbound(i) {
            self.shape.opaque = true;
        }
    }
}

/// Whether an expression has a function or a class in it.
fn holds_code(expr: &Expr) -> bool {
    struct Code(bool);
    impl Visit for Code {
        fn visit_function(&mut self, _: &Function) {
            self.0 = true;
        }
        fn visit_arrow_expr(&mut self, _: &ArrowExpr) {
            self.0 = true;
        }
        fn visit_class(&mut self, _: &Class) {
            self.0 = true;
        }
        fn visit_getter_prop(&mut self, _: &GetterProp) {
            self.0 = true;
        }
        fn visit_setter_prop(&mut self, _: &SetterProp) {
            self.0 = true;
        }
    }
    let mut code = Code(false);
    expr.visit_with(&mut code);
    code.0
}
