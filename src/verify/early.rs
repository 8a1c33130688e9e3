//! Early errors of a module that `swc_ecma_lints`' critical rules miss, checked on the resolved
//! tree: a local name in `export { … }` the module does not declare, a name exported twice when
//! one of the exports is a declaration (`export const a = 1; export { a };`), and a `var` inside
//! a block that also declares the name lexically (`{ let a; var a; }`: the resolver gives the
//! `var` the function's context and the `let` the block's, so they look like two names).

use std::collections::HashSet;
use swc_atoms::Atom;
use swc_common::{BytePos, Span, SyntaxContext};
use swc_ecma_ast::{
    ArrowExpr, ArrowFunctionBody, BlockStmt, Constructor, Decl, ExportSpecifier, ForHead,
    ForInStmt, ForOfStmt, ForStmt, Function, FunctionBody, Module, ModuleDecl, ModuleExportName,
    ModuleItem, ObjectPatProp, Pat, StaticBlock, Stmt, SwitchStmt, VarDecl, VarDeclKind,
    VarDeclOrExpr,
};
use swc_ecma_visit::{Visit, VisitWith};

/// Early errors found: where (a swc position) and what.
pub(super) type Found = Vec<(BytePos, String)>;

/// Every error of this module's kinds in `module`.
pub(super) fn errors(module: &Module, unresolved: SyntaxContext) -> Found {
    let mut found = exports(module, unresolved);
    let mut blocks = VarOverLexical::default();
    module.visit_with(&mut blocks);
    found.extend(blocks.found);
    found
}

fn duplicate(name: &str) -> String {
    format!("the name `{name}` is defined multiple times")
}

/// Undeclared and duplicate exports.
fn exports(module: &Module, unresolved: SyntaxContext) -> Found {
    let mut found = Vec::new();
    let mut exported: HashSet<Atom> = HashSet::new();
    let mut export = |name: Atom, at: BytePos, found: &mut Found| {
        if !exported.insert(name.clone()) {
            found.push((at, format!("the name `{name}` is exported multiple times")));
        }
    };
    for item in &module.body {
        let ModuleItem::ModuleDecl(decl) = item else {
            continue;
        };
        match decl {
            ModuleDecl::ExportDecl(export_decl) => {
                let mut names = Vec::new();
                decl_names(&export_decl.decl, &mut names);
                for (name, span) in names {
                    export(name, span.lo, &mut found);
                }
            }
            ModuleDecl::ExportDefaultDecl(d) => export("default".into(), d.span.lo, &mut found),
            ModuleDecl::ExportDefaultExpr(d) => export("default".into(), d.span.lo, &mut found),
            ModuleDecl::ExportNamed(named) => {
                for specifier in &named.specifiers {
                    let (name, at) = match specifier {
                        ExportSpecifier::Named(s) => {
                            if let (None, ModuleExportName::Ident(orig)) = (&named.src, &s.orig) {
                                if orig.ctxt == unresolved {
                                    found.push((
                                        orig.span.lo,
                                        format!(
                                            "`{}` is exported but not declared in this module",
                                            orig.sym
                                        ),
                                    ));
                                }
                            }
                            let name = s.exported.as_ref().unwrap_or(&s.orig);
                            (name.atom().into_owned(), export_name_span(name).lo)
                        }
                        ExportSpecifier::Namespace(s) => {
                            (s.name.atom().into_owned(), export_name_span(&s.name).lo)
                        }
                        ExportSpecifier::Default(s) => (s.exported.sym.clone(), s.exported.span.lo),
                    };
                    export(name, at, &mut found);
                }
            }
            _ => {}
        }
    }
    found
}

fn export_name_span(name: &ModuleExportName) -> Span {
    match name {
        ModuleExportName::Ident(ident) => ident.span,
        ModuleExportName::Str(s) => s.span,
    }
}

/// The names a declaration binds.
fn decl_names(decl: &Decl, names: &mut Vec<(Atom, Span)>) {
    match decl {
        Decl::Var(var) => var.decls.iter().for_each(|d| pat_names(&d.name, names)),
        Decl::Fn(f) => names.push((f.ident.sym.clone(), f.ident.span)),
        Decl::Class(c) => names.push((c.ident.sym.clone(), c.ident.span)),
        _ => {}
    }
}

/// The names a binding pattern binds.
fn pat_names(pat: &Pat, names: &mut Vec<(Atom, Span)>) {
    match pat {
        Pat::Ident(ident) => names.push((ident.sym.clone(), ident.span)),
        Pat::Array(array) => array
            .elems
            .iter()
            .flatten()
            .for_each(|p| pat_names(p, names)),
        Pat::Object(object) => {
            for prop in &object.props {
                match prop {
                    ObjectPatProp::KeyValue(kv) => pat_names(&kv.value, names),
                    ObjectPatProp::Assign(a) => names.push((a.key.sym.clone(), a.key.span)),
                    ObjectPatProp::Rest(r) => pat_names(&r.arg, names),
                }
            }
        }
        Pat::Rest(rest) => pat_names(&rest.arg, names),
        Pat::Assign(assign) => pat_names(&assign.left, names),
        _ => {}
    }
}

/// The names a list of statements declares lexically: `let`, `const`, classes, and with
/// `functions` function declarations (lexical in a block of strict code, not at the top of a
/// function's body).
fn lexical_names<'a>(stmts: impl IntoIterator<Item = &'a Stmt>, functions: bool) -> Vec<Atom> {
    let mut names = Vec::new();
    for stmt in stmts {
        match stmt {
            Stmt::Decl(Decl::Var(var)) if var.kind != VarDeclKind::Var => var
                .decls
                .iter()
                .for_each(|d| pat_names(&d.name, &mut names)),
            Stmt::Decl(decl @ Decl::Class(_)) => decl_names(decl, &mut names),
            Stmt::Decl(decl @ Decl::Fn(_)) if functions => decl_names(decl, &mut names),
            _ => {}
        }
    }
    names.into_iter().map(|(name, _)| name).collect()
}

/// Finds a `var` whose name a block around it (inside the same function) declares lexically.
#[derive(Default)]
struct VarOverLexical {
    /// The lexical names of each block from the function's body inwards.
    blocks: Vec<Vec<Atom>>,
    found: Found,
}

impl VarOverLexical {
    fn in_function(&mut self, visit: impl FnOnce(&mut Self)) {
        let outer = std::mem::take(&mut self.blocks);
        visit(self);
        self.blocks = outer;
    }

    /// A function's body: a new `var` scope, whose own function declarations are not lexical.
    fn body(&mut self, stmts: &[Stmt]) {
        self.in_function(|v| v.in_block(lexical_names(stmts, false), |v| stmts.visit_with(v)));
    }

    fn in_block(&mut self, names: Vec<Atom>, visit: impl FnOnce(&mut Self)) {
        if names.is_empty() {
            return visit(self);
        }
        self.blocks.push(names);
        visit(self);
        self.blocks.pop();
    }

    fn for_head(&mut self, head: Option<&VarDecl>, visit: impl FnOnce(&mut Self)) {
        let mut names = Vec::new();
        if let Some(var) = head.filter(|v| v.kind != VarDeclKind::Var) {
            var.decls
                .iter()
                .for_each(|d| pat_names(&d.name, &mut names));
        }
        self.in_block(names.into_iter().map(|(n, _)| n).collect(), visit);
    }
}

impl Visit for VarOverLexical {
    fn visit_function(&mut self, f: &Function) {
        self.in_function(|v| f.params.visit_with(v));
        f.body.iter().for_each(|body| self.body(&body.stmts));
    }

    fn visit_arrow_expr(&mut self, f: &ArrowExpr) {
        self.in_function(|v| f.params.visit_with(v));
        match &*f.body {
            ArrowFunctionBody::FunctionBody(FunctionBody { stmts, .. }) => self.body(stmts),
            ArrowFunctionBody::Expr(expr) => self.in_function(|v| expr.visit_with(v)),
        }
    }

    fn visit_constructor(&mut self, f: &Constructor) {
        self.in_function(|v| f.params.visit_with(v));
        f.body.iter().for_each(|body| self.body(&body.stmts));
    }

    fn visit_static_block(&mut self, f: &StaticBlock) {
        self.body(&f.body.stmts);
    }

    fn visit_block_stmt(&mut self, block: &BlockStmt) {
        self.in_block(lexical_names(&block.stmts, true), |v| {
            block.visit_children_with(v)
        });
    }

    fn visit_switch_stmt(&mut self, switch: &SwitchStmt) {
        let names = lexical_names(switch.cases.iter().flat_map(|c| &c.cons), true);
        self.in_block(names, |v| switch.visit_children_with(v));
    }

    fn visit_for_stmt(&mut self, f: &ForStmt) {
        let head = match &f.init {
            Some(VarDeclOrExpr::VarDecl(var)) => Some(&**var),
            _ => None,
        };
        self.for_head(head, |v| f.visit_children_with(v));
    }

    fn visit_for_in_stmt(&mut self, f: &ForInStmt) {
        let head = match &f.left {
            ForHead::VarDecl(var) => Some(&**var),
            _ => None,
        };
        self.for_head(head, |v| f.visit_children_with(v));
    }

    fn visit_for_of_stmt(&mut self, f: &ForOfStmt) {
        let head = match &f.left {
            ForHead::VarDecl(var) => Some(&**var),
            _ => None,
        };
        self.for_head(head, |v| f.visit_children_with(v));
    }

    fn visit_var_decl(&mut self, var: &VarDecl) {
        if var.kind == VarDeclKind::Var && !self.blocks.is_empty() {
            let mut names = Vec::new();
            var.decls
                .iter()
                .for_each(|d| pat_names(&d.name, &mut names));
            for (name, span) in names {
                if self.blocks.iter().any(|block| block.contains(&name)) {
                    self.found.push((span.lo, duplicate(&name)));
                }
            }
        }
        var.visit_children_with(self);
    }
}
