//! Which names a file declares, uses and reassigns: what rules need before they add a binding,
//! move one to the top level or turn one into an import.
//!
//! This is a whole-file view, not a scope analysis: a name declared twice anywhere counts twice.
//! Rules use it conservatively (a rewrite that needs a name to be unambiguous checks that the name
//! is declared once, or only in the places it is rewriting).

use crate::parse::Parsed;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use swc_ecma_ast::*;
use swc_ecma_visit::{Visit, VisitWith};

#[derive(Default)]
pub struct Names {
    /// Every place a name is declared: variables, parameters, functions, classes, imports,
    /// `catch` parameters, and the names of function and class expressions.
    pub declared: HashMap<String, Vec<Range<usize>>>,
    /// Every identifier in the file (declarations and uses; not property names).
    pub idents: HashMap<String, Vec<Range<usize>>>,
    /// Names that are assigned to or updated somewhere (`x = …`, `x++`, `({ x } = …)`).
    pub reassigned: HashSet<String>,
}

impl Names {
    pub fn collect(parsed: &Parsed) -> Names {
        let mut collector = Collector {
            parsed,
            names: Names::default(),
            assigning: false,
        };
        parsed.program.visit_with(&mut collector);
        collector.names
    }

    /// Whether the file has an identifier `name` anywhere.
    pub fn used(&self, name: &str) -> bool {
        self.idents.contains_key(name)
    }

    /// How many times `name` is declared.
    pub fn declarations(&self, name: &str) -> usize {
        self.declared.get(name).map_or(0, Vec::len)
    }

    /// The places `name` is used other than where it is declared.
    pub fn references<'s>(&'s self, name: &str) -> impl Iterator<Item = &'s Range<usize>> + 's {
        let declared = self.declared.get(name);
        self.idents
            .get(name)
            .into_iter()
            .flatten()
            .filter(move |r| !declared.is_some_and(|d| d.contains(r)))
    }
}

struct Collector<'p> {
    parsed: &'p Parsed,
    names: Names,
    /// Inside the target of an assignment: binding identifiers there are not declarations.
    assigning: bool,
}

impl Collector<'_> {
    fn declare(&mut self, ident: &Ident) {
        let range = self.parsed.range(ident.span);
        self.names
            .declared
            .entry(ident.sym.to_string())
            .or_default()
            .push(range);
    }

    /// An assignment target: its names are reassigned, not declared.
    fn assigned<T: VisitWith<BindingNames> + VisitWith<Self>>(&mut self, target: &T) {
        let mut names = BindingNames(Vec::new());
        target.visit_with(&mut names);
        self.names.reassigned.extend(names.0);
        let outer = std::mem::replace(&mut self.assigning, true);
        target.visit_children_with(self);
        self.assigning = outer;
    }
}

impl Visit for Collector<'_> {
    fn visit_ident(&mut self, ident: &Ident) {
        let range = self.parsed.range(ident.span);
        self.names
            .idents
            .entry(ident.sym.to_string())
            .or_default()
            .push(range);
    }

    fn visit_binding_ident(&mut self, ident: &BindingIdent) {
        if !self.assigning {
            self.declare(&ident.id);
        }
        ident.visit_children_with(self);
    }

    fn visit_fn_decl(&mut self, f: &FnDecl) {
        self.declare(&f.ident);
        f.visit_children_with(self);
    }

    fn visit_fn_expr(&mut self, f: &FnExpr) {
        if let Some(ident) = &f.ident {
            self.declare(ident);
        }
        f.visit_children_with(self);
    }

    fn visit_class_decl(&mut self, c: &ClassDecl) {
        self.declare(&c.ident);
        c.visit_children_with(self);
    }

    fn visit_class_expr(&mut self, c: &ClassExpr) {
        if let Some(ident) = &c.ident {
            self.declare(ident);
        }
        c.visit_children_with(self);
    }

    fn visit_import_specifier(&mut self, s: &ImportSpecifier) {
        self.declare(s.local());
        s.visit_children_with(self);
    }

    fn visit_simple_assign_target(&mut self, target: &SimpleAssignTarget) {
        match target {
            SimpleAssignTarget::Ident(_) => self.assigned(target),
            _ => target.visit_children_with(self),
        }
    }

    fn visit_update_expr(&mut self, update: &UpdateExpr) {
        if let Expr::Ident(i) = update.arg.as_ref() {
            self.names.reassigned.insert(i.sym.to_string());
        }
        update.visit_children_with(self);
    }

    fn visit_assign_target_pat(&mut self, pat: &AssignTargetPat) {
        self.assigned(pat);
    }

    fn visit_for_head(&mut self, head: &ForHead) {
        match head {
            ForHead::Pat(pat) => self.assigned(pat.as_ref()),
            _ => head.visit_children_with(self),
        }
    }
}

/// The names of the binding identifiers in a pattern.
pub struct BindingNames(pub Vec<String>);

impl Visit for BindingNames {
    fn visit_binding_ident(&mut self, ident: &BindingIdent) {
        self.0.push(ident.id.sym.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declarations_uses_and_assignments() {
        let parsed = crate::parse::parse_program(
            "const { a, b: c } = x;\nfunction f(d) { let e = a; e = 2; }\nimport g from 'g';\n({ h } = y); for (i of z) {}\nk++;\n",
        )
        .unwrap();
        let names = Names::collect(&parsed);
        for name in ["a", "c", "f", "d", "e", "g"] {
            assert_eq!(names.declarations(name), 1, "{name}");
        }
        assert_eq!(names.declarations("b"), 0);
        assert_eq!(names.references("a").count(), 1);
        assert!(names.used("x") && !names.used("b"));
        for name in ["e", "h", "i", "k"] {
            assert!(names.reassigned.contains(name), "{name}");
        }
        assert!(!names.reassigned.contains("a"));
    }
}
