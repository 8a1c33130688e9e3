//! The one walk that fills the [`Semantic`] model: declarations become bindings, every other
//! identifier a reference.

use super::{Binding, BindingKind, Marks, Named, Reference, ReferenceKind, Semantic};
use std::collections::HashMap;
use swc_atoms::Atom;
use swc_ecma_ast::*;
use swc_ecma_visit::{Visit, VisitWith};

pub(super) fn build(program: &Program, marks: Marks) -> Semantic<'_> {
    let mut walker = Walker {
        bindings: Vec::new(),
        by_id: HashMap::new(),
        references: Vec::new(),
        ids: Vec::new(),
        mutations: Vec::new(),
        mode: Mode::Use,
    };
    program.visit_with(&mut walker);
    let Walker {
        mut bindings,
        by_id,
        mut references,
        ids,
        mutations,
        ..
    } = walker;
    for id in mutations {
        if let Some(&binding) = by_id.get(&id) {
            bindings[binding].mutated = true;
        }
    }
    for (index, (reference, id)) in references.iter_mut().zip(ids).enumerate() {
        if id.1 == marks.unresolved {
            continue;
        }
        if let Some(&binding) = by_id.get(&id) {
            reference.binding = Some(binding);
            let b = &mut bindings[binding];
            b.references.push(index);
            if matches!(
                reference.kind,
                ReferenceKind::Write | ReferenceKind::ReadWrite
            ) {
                b.reassigned = true;
            }
        }
    }
    let mut by_name: HashMap<Atom, Named> = HashMap::new();
    for (id, binding) in bindings.iter().enumerate() {
        by_name
            .entry(binding.name.clone())
            .or_default()
            .bindings
            .push(id);
    }
    for (index, reference) in references.iter().enumerate() {
        by_name
            .entry(reference.name.clone())
            .or_default()
            .references
            .push(index);
    }
    Semantic {
        marks,
        bindings,
        references,
        by_id,
        by_name,
    }
}

/// What a binding identifier met during the walk means.
#[derive(Clone, Copy)]
enum Mode {
    /// An ordinary identifier: a reference.
    Use,
    /// Inside the pattern of a declaration of this kind.
    Declare(BindingKind),
    /// Inside an assignment target: a write (or read and write).
    Assign(ReferenceKind),
}

struct Walker<'a> {
    bindings: Vec<Binding<'a>>,
    by_id: HashMap<Id, usize>,
    references: Vec<Reference>,
    /// The identifier of each reference, resolved to a binding at the end (a function may be
    /// used before its declaration).
    ids: Vec<Id>,
    /// The identifiers at the root of mutated member chains, resolved at the end too.
    mutations: Vec<Id>,
    mode: Mode,
}

impl<'a> Walker<'a> {
    fn declare(&mut self, ident: &Ident, kind: BindingKind, init: Option<&'a Expr>) {
        let id = ident.to_id();
        match self.by_id.get(&id) {
            Some(&existing) => {
                let b = &mut self.bindings[existing];
                b.declarations.push(ident.span);
                b.init = None;
                // `var x = 1; var x = 2;` assigns the name twice.
                if init.is_some() || kind == BindingKind::Function {
                    b.reassigned = true;
                }
            }
            None => {
                self.by_id.insert(id, self.bindings.len());
                self.bindings.push(Binding {
                    name: ident.sym.clone(),
                    ctxt: ident.ctxt,
                    kind,
                    declarations: vec![ident.span],
                    init,
                    reassigned: false,
                    mutated: false,
                    references: Vec::new(),
                });
            }
        }
    }

    fn reference(&mut self, ident: &Ident, kind: ReferenceKind) {
        self.references.push(Reference {
            span: ident.span,
            name: ident.sym.clone(),
            kind,
            binding: None,
        });
        self.ids.push(ident.to_id());
    }

    /// Marks the object at the root of a member chain as mutated (`a.b.c = 1` mutates `a`).
    fn mutate(&mut self, member: &MemberExpr) {
        let mut obj = member.obj.as_ref();
        loop {
            match obj {
                Expr::Member(m) => obj = &m.obj,
                Expr::Paren(p) => obj = &p.expr,
                Expr::OptChain(_) => return,
                Expr::Ident(ident) => {
                    self.mutations.push(ident.to_id());
                    return;
                }
                _ => return,
            }
        }
    }

    fn declare_param(&mut self, pat: &Pat) {
        self.with_mode(Mode::Declare(BindingKind::Param), |w| pat.visit_with(w));
    }

    fn with_mode(&mut self, mode: Mode, f: impl FnOnce(&mut Self)) {
        let saved = std::mem::replace(&mut self.mode, mode);
        f(self);
        self.mode = saved;
    }
}

impl<'a> Visit for Walker<'a> {
    fn visit_ident(&mut self, ident: &Ident) {
        self.reference(ident, ReferenceKind::Read);
    }

    fn visit_binding_ident(&mut self, b: &BindingIdent) {
        match self.mode {
            Mode::Declare(kind) => self.declare(&b.id, kind, None),
            Mode::Assign(kind) => self.reference(&b.id, kind),
            Mode::Use => self.reference(&b.id, ReferenceKind::Read),
        }
    }

    fn visit_pat(&mut self, pat: &Pat) {
        match pat {
            Pat::Expr(expr) => {
                if let (Mode::Assign(_), Expr::Member(m)) = (self.mode, expr.as_ref()) {
                    self.mutate(m);
                }
                self.with_mode(Mode::Use, |w| expr.visit_with(w));
            }
            Pat::Assign(assign) => {
                assign.left.visit_with(self);
                self.with_mode(Mode::Use, |w| assign.right.visit_with(w));
            }
            _ => pat.visit_children_with(self),
        }
    }

    fn visit_key_value_pat_prop(&mut self, p: &KeyValuePatProp) {
        self.with_mode(Mode::Use, |w| p.key.visit_with(w));
        p.value.visit_with(self);
    }

    fn visit_assign_pat_prop(&mut self, p: &AssignPatProp) {
        p.key.visit_with(self);
        self.with_mode(Mode::Use, |w| p.value.visit_with(w));
    }

    fn visit_var_decl(&mut self, var: &VarDecl) {
        let kind = match var.kind {
            VarDeclKind::Var => BindingKind::Var,
            VarDeclKind::Let => BindingKind::Let,
            VarDeclKind::Const => BindingKind::Const,
        };
        for d in &var.decls {
            self.visit_var_declarator_of(d, kind);
        }
    }

    fn visit_fn_decl(&mut self, f: &FnDecl) {
        self.declare(&f.ident, BindingKind::Function, None);
        f.function.visit_with(self);
    }

    fn visit_fn_expr(&mut self, f: &FnExpr) {
        if let Some(ident) = &f.ident {
            self.declare(ident, BindingKind::Function, None);
        }
        f.function.visit_with(self);
    }

    fn visit_class_decl(&mut self, c: &ClassDecl) {
        self.declare(&c.ident, BindingKind::Class, None);
        c.class.visit_with(self);
    }

    fn visit_class_expr(&mut self, c: &ClassExpr) {
        if let Some(ident) = &c.ident {
            self.declare(ident, BindingKind::Class, None);
        }
        c.class.visit_with(self);
    }

    fn visit_param(&mut self, p: &Param) {
        p.decorators.visit_with(self);
        self.declare_param(&p.pat);
    }

    fn visit_arrow_expr(&mut self, a: &ArrowExpr) {
        self.with_mode(Mode::Declare(BindingKind::Param), |w| {
            a.params.visit_with(w)
        });
        self.with_mode(Mode::Use, |w| a.body.visit_with(w));
    }

    fn visit_catch_clause(&mut self, c: &CatchClause) {
        if let Some(param) = &c.param {
            self.with_mode(Mode::Declare(BindingKind::Catch), |w| param.visit_with(w));
        }
        c.body.visit_with(self);
    }

    fn visit_import_named_specifier(&mut self, s: &ImportNamedSpecifier) {
        self.declare(&s.local, BindingKind::Import, None);
    }

    fn visit_import_default_specifier(&mut self, s: &ImportDefaultSpecifier) {
        self.declare(&s.local, BindingKind::Import, None);
    }

    fn visit_import_star_as_specifier(&mut self, s: &ImportStarAsSpecifier) {
        self.declare(&s.local, BindingKind::Import, None);
    }

    fn visit_export_named_specifier(&mut self, s: &ExportNamedSpecifier) {
        // `export { a as b }`: `a` is a use; `b` is a name of the module, not a binding.
        if let ModuleExportName::Ident(ident) = &s.orig {
            self.reference(ident, ReferenceKind::Read);
        }
    }

    fn visit_named_export(&mut self, e: &NamedExport) {
        // `export { a } from "m"` re-exports: nothing of this file is used.
        if e.src.is_none() {
            e.specifiers.visit_with(self);
        }
    }

    fn visit_labeled_stmt(&mut self, s: &LabeledStmt) {
        s.body.visit_with(self);
    }

    fn visit_break_stmt(&mut self, _: &BreakStmt) {}

    fn visit_continue_stmt(&mut self, _: &ContinueStmt) {}

    fn visit_assign_expr(&mut self, a: &AssignExpr) {
        let kind = if a.op == AssignOp::Assign {
            ReferenceKind::Write
        } else {
            ReferenceKind::ReadWrite
        };
        match &a.left {
            AssignTarget::Simple(SimpleAssignTarget::Ident(b)) => self.reference(&b.id, kind),
            AssignTarget::Simple(SimpleAssignTarget::Member(m)) => {
                self.mutate(m);
                m.visit_with(self);
            }
            AssignTarget::Simple(other) => other.visit_with(self),
            AssignTarget::Pat(pat) => self.with_mode(Mode::Assign(kind), |w| pat.visit_with(w)),
        }
        a.right.visit_with(self);
    }

    fn visit_update_expr(&mut self, u: &UpdateExpr) {
        match u.arg.as_ref() {
            Expr::Ident(ident) => self.reference(ident, ReferenceKind::ReadWrite),
            Expr::Member(m) => {
                self.mutate(m);
                m.visit_with(self);
            }
            other => other.visit_with(self),
        }
    }

    fn visit_unary_expr(&mut self, u: &UnaryExpr) {
        if u.op == UnaryOp::Delete {
            if let Expr::Member(m) = u.arg.as_ref() {
                self.mutate(m);
            }
        }
        u.arg.visit_with(self);
    }

    fn visit_call_expr(&mut self, c: &CallExpr) {
        match &c.callee {
            Callee::Expr(callee) if callee.is_ident() => {
                let ident = callee.as_ident().expect("an identifier");
                self.reference(ident, ReferenceKind::Call);
            }
            callee => callee.visit_with(self),
        }
        c.args.visit_with(self);
    }

    fn visit_for_in_stmt(&mut self, s: &ForInStmt) {
        self.visit_for_head(&s.left);
        s.right.visit_with(self);
        s.body.visit_with(self);
    }

    fn visit_for_of_stmt(&mut self, s: &ForOfStmt) {
        self.visit_for_head(&s.left);
        s.right.visit_with(self);
        s.body.visit_with(self);
    }

    fn visit_for_head(&mut self, head: &ForHead) {
        match head {
            ForHead::Pat(pat) => {
                self.with_mode(Mode::Assign(ReferenceKind::Write), |w| pat.visit_with(w))
            }
            other => other.visit_children_with(self),
        }
    }
}

impl<'a> Walker<'a> {
    fn visit_var_declarator_of(&mut self, d: &VarDeclarator, kind: BindingKind) {
        match &d.name {
            Pat::Ident(b) => {
                let init = d.init.as_deref().map(|e| {
                    // SAFETY: `build` walks a `&'a Program`, and swc's visitor hands each method a
                    // reference to a node inside that program: the node lives for `'a`, only the
                    // visitor's signature forgets it.
                    unsafe { &*(e as *const Expr) }
                });
                self.declare(&b.id, kind, init);
            }
            pat => self.with_mode(Mode::Declare(kind), |w| pat.visit_with(w)),
        }
        self.with_mode(Mode::Use, |w| d.init.visit_with(w));
    }
}
