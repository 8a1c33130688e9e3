//! The semantic model of one pass: what every identifier refers to.
//!
//! Scope comes from swc's own resolver ([`resolve`]): it gives every identifier the
//! `SyntaxContext` of the binding it refers to, and identifiers that refer to nothing the
//! unresolved context (globals). One walk ([`Semantic::build`]) then records every binding (its
//! kind, where it is declared, its initializer, whether it is reassigned or its object mutated)
//! and every reference (read, write or call). Rules ask the model, never the names: two
//! `options` in two functions are two bindings, and a write to an undeclared name is an implicit
//! global.
//!
//! [`facts`] builds the answers rules share on top of it (the handler, the toolbelt however it is
//! reached, the clients), once per pass.

pub mod facts;
mod walk;

use std::collections::HashMap;
use swc_atoms::Atom;
use swc_common::{Globals, Mark, Span, SyntaxContext, GLOBALS};
use swc_ecma_ast::{Expr, Id, Ident, Program};
use swc_ecma_visit::VisitMutWith;

/// The syntax contexts the resolver gave the file.
#[derive(Clone, Copy, Debug)]
pub struct Marks {
    /// The context of identifiers that refer to no binding: globals.
    pub unresolved: SyntaxContext,
    /// The context of bindings at the top level of the file.
    pub top_level: SyntaxContext,
}

/// What resolving a program made: the syntax contexts, and the swc globals they belong to (the
/// final check of the output runs swc's lints in the same globals).
pub struct Resolution {
    /// The contexts the resolver gave unbound and top-level identifiers.
    pub marks: Marks,
    /// The swc globals the marks were made in.
    pub globals: Globals,
}

/// Runs swc's resolver over `program`: afterwards each identifier's `ctxt` names its binding.
pub fn resolve(program: &mut Program) -> Resolution {
    let globals = Globals::new();
    let marks = GLOBALS.set(&globals, || {
        let unresolved_mark = Mark::new();
        let top_level_mark = Mark::new();
        program.visit_mut_with(&mut swc_ecma_transforms_base::resolver(
            unresolved_mark,
            top_level_mark,
            false,
        ));
        Marks {
            unresolved: SyntaxContext::empty().apply_mark(unresolved_mark),
            top_level: SyntaxContext::empty().apply_mark(top_level_mark),
        }
    });
    Resolution { marks, globals }
}

/// An index into [`Semantic::bindings`].
pub type BindingId = usize;

/// How a name is declared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BindingKind {
    Var,
    Let,
    Const,
    Function,
    Class,
    Param,
    Import,
    Catch,
}

/// One binding: a declared name in one scope.
#[derive(Debug)]
pub struct Binding<'a> {
    pub name: Atom,
    pub ctxt: SyntaxContext,
    pub kind: BindingKind,
    /// The identifier of each declaration (`var` can declare a name more than once).
    pub declarations: Vec<Span>,
    /// The initializer of a variable declared once as `name = init` (not a pattern).
    pub init: Option<&'a Expr>,
    /// Whether the binding is assigned to or updated after its declaration.
    pub reassigned: bool,
    /// Whether a property of the bound object is assigned, updated or deleted
    /// (`x.a = 1`, `x.a.b++`, `delete x.a`), or the object is spread into an assignment target.
    pub mutated: bool,
    /// Its references, as indices into [`Semantic::references`].
    pub references: Vec<usize>,
}

/// How an identifier is used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReferenceKind {
    Read,
    /// Assigned (`x = 1`, `for (x in o)`, `[x] = a`).
    Write,
    /// Read and written (`x += 1`, `x++`).
    ReadWrite,
    /// Called (`x()`).
    Call,
}

/// One use of a name that is not its declaration.
#[derive(Clone, Debug)]
pub struct Reference {
    pub span: Span,
    pub name: Atom,
    pub kind: ReferenceKind,
    /// The binding it refers to, or `None` for a global.
    pub binding: Option<BindingId>,
}

/// Bindings and references of one parsed, resolved program.
pub struct Semantic<'a> {
    pub marks: Marks,
    pub bindings: Vec<Binding<'a>>,
    pub references: Vec<Reference>,
    by_id: HashMap<Id, BindingId>,
    /// The bindings and references of each name: answers questions about a name (is it free
    /// for a new binding?) without a scan of the file.
    by_name: HashMap<Atom, Named>,
}

/// The bindings and references that share a name.
#[derive(Default)]
struct Named {
    bindings: Vec<BindingId>,
    references: Vec<usize>,
}

impl<'a> Semantic<'a> {
    /// One walk over a program that [`resolve`] has run on.
    pub fn build(program: &'a Program, marks: Marks) -> Semantic<'a> {
        walk::build(program, marks)
    }

    /// The binding an identifier refers to (or declares); `None` for a global.
    pub fn binding_of(&self, ident: &Ident) -> Option<BindingId> {
        if ident.ctxt == self.marks.unresolved {
            return None;
        }
        self.by_id.get(&(ident.sym.clone(), ident.ctxt)).copied()
    }

    /// Whether nothing refers to the binding (its declarations aside).
    pub fn unused(&self, id: BindingId) -> bool {
        self.bindings[id].references.is_empty()
    }

    pub fn binding(&self, id: BindingId) -> &Binding<'a> {
        &self.bindings[id]
    }

    /// Whether `ident` refers to no binding of the file (a global such as `process`).
    pub fn is_global(&self, ident: &Ident) -> bool {
        ident.ctxt == self.marks.unresolved || !self.by_id.contains_key(&ident.to_id())
    }

    /// Whether `expr` is a property of the global object `name` (`console.log` for `console`).
    pub fn is_global_member(&self, expr: &Expr, name: &str) -> bool {
        expr.as_member()
            .and_then(|m| m.obj.as_ident())
            .is_some_and(|o| self.is_global_named(o, name))
    }

    /// Whether `ident` is the global `name`.
    pub fn is_global_named(&self, ident: &Ident, name: &str) -> bool {
        &*ident.sym == name && self.is_global(ident)
    }

    /// The value `ident` always holds: the initializer of a binding declared once and never
    /// reassigned (`const`, or a `let`/`var` nobody assigns to).
    pub fn constant_init(&self, ident: &Ident) -> Option<&'a Expr> {
        let binding = self.binding(self.binding_of(ident)?);
        if binding.reassigned || binding.declarations.len() != 1 {
            return None;
        }
        binding.init
    }

    /// The references of a binding.
    pub fn references_of(&self, id: BindingId) -> impl Iterator<Item = &Reference> + '_ {
        self.bindings[id]
            .references
            .iter()
            .map(|&i| &self.references[i])
    }

    /// Writes to names that are declared nowhere: implicit globals in a sloppy script, and
    /// ReferenceErrors in a strict module.
    pub fn implicit_globals(&self) -> impl Iterator<Item = &Reference> + '_ {
        self.references.iter().filter(|r| {
            r.binding.is_none() && matches!(r.kind, ReferenceKind::Write | ReferenceKind::ReadWrite)
        })
    }

    /// The bindings called `name`, anywhere in the file.
    pub fn bindings_named<'s>(&'s self, name: &str) -> impl Iterator<Item = &'s Binding<'a>> + 's {
        let ids = self
            .by_name
            .get(&Atom::from(name))
            .map_or(&[][..], |n| &n.bindings[..]);
        ids.iter().map(|&id| &self.bindings[id])
    }

    /// The references to a name (to any binding of it, or to the global), anywhere in the file.
    pub fn references_named<'s>(&'s self, name: &str) -> impl Iterator<Item = &'s Reference> + 's {
        let ids = self
            .by_name
            .get(&Atom::from(name))
            .map_or(&[][..], |n| &n.references[..]);
        ids.iter().map(|&i| &self.references[i])
    }

    /// Whether any binding anywhere in the file is called `name` (a new binding with that name
    /// could shadow it or clash with it).
    pub fn declares(&self, name: &str) -> bool {
        self.bindings_named(name).next().is_some()
    }

    /// Whether the top level of the file declares `name` (a new top-level binding of that name
    /// would clash with it).
    pub fn declares_at_top_level(&self, name: &str) -> bool {
        self.bindings_named(name)
            .any(|b| b.ctxt == self.marks.top_level)
    }

    /// How many declarations of `name` the file has, in any scope.
    pub fn declarations_named(&self, name: &str) -> usize {
        self.bindings_named(name)
            .map(|b| b.declarations.len())
            .sum()
    }

    /// How many times the file writes `name` as a variable: declarations and references.
    pub fn mentions_count(&self, name: &str) -> usize {
        self.declarations_named(name) + self.references_named(name).count()
    }

    /// Every place `name` stands as a variable: its declarations and its references.
    pub fn occurrences_named<'s>(&'s self, name: &str) -> impl Iterator<Item = Span> + 's {
        let declarations = self
            .bindings_named(name)
            .flat_map(|b| b.declarations.iter().copied());
        declarations.chain(self.references_named(name).map(|r| r.span))
    }

    /// Whether the file mentions `name` at all, declared or global.
    pub fn mentions(&self, name: &str) -> bool {
        self.by_name.contains_key(&Atom::from(name))
    }

    /// Whether `name` is assigned or updated anywhere (any binding of it, or the global).
    pub fn written_named(&self, name: &str) -> bool {
        self.references_named(name)
            .any(|r| matches!(r.kind, ReferenceKind::Write | ReferenceKind::ReadWrite))
    }
}

#[cfg(test)]
mod tests;
