//! ## What it does
//! Runs last, once no other rule has anything left to change, and looks at the result through
//! the semantic model for anything of the V1 platform still there, however it is written:
//! - `require` (called or passed around), and `module` or `exports`, where they are the globals
//!   of a CommonJS script;
//! - the module name `lp-faas-toolbelt`;
//! - the toolbelt's `HTTPClient`, however the toolbelt is reached (`Toolbelt.HTTPClient`,
//!   `tb.Toolbelt.HTTPClient`, `require("lp-faas-toolbelt").Toolbelt["HTTPClient"]`, a renamed
//!   binding);
//! - a `lambda` whose second parameter, V1's callback, is still used;
//! - a V1 platform variable (`BRAND_ID`, `LAMBDA_UUID`, `CSDS_DOMAIN`) read from `process.env`
//!   or from a variable that always holds it;
//! - an assignment to a name declared nowhere (an implicit global) that `implicit-globals`, which
//!   runs before it, could not declare safely;
//! - what a sloppy script may do that a strict module does not allow at run time:
//!   `arguments.callee` and `arguments.caller` (a TypeError), and `this` outside every function
//!   (an object in V1, `undefined` in a module).
//!
//! Each one that no marker already covers gets a marker and a `manual` finding of its own, so a
//! migrated file either has no V1 API left or says where (and `--check` fails until it is done).
//!
//! ## Why V2 needs it
//! V2 functions are strict ES modules with another toolbelt and no callback: each of these
//! throws or misbehaves at run time (`require is not defined`, `Toolbelt.HTTPClient is not a
//! function`, a ReferenceError on the implicit global, an undefined brand id). The rules rewrite
//! the shapes they know; this net catches the shapes they do not, so nothing V1 is left behind
//! silently.
//!
//! ## Example
//! ```js
//! // before (a shape no rule rewrites: `hits` is read before it is ever assigned)
//! hits = (hits || 0) + 1;
//! // after
//! // TODO(faas-migrate): `hits` is declared nowhere: V2 modules are strict, so assigning it throws a ReferenceError; declare it (`let hits`) where it is used [v1-residue]
//! hits = (hits || 0) + 1;
//! ```
//!
//! ## Limits
//! It reports, it does not rewrite. A V1 name reached through computed keys or copies of
//! `process.env` (`{ ...process.env }[name]`) is not seen. Writes to properties of the global
//! object that exist in Node (`process`, `console`, …) are not implicit globals and are not
//! reported.

use super::{Check, Context, RuleInfo};
use crate::finding::FixClass;
use crate::semantic::facts::{loaded_module, prop_name, TOOLBELT_MODULES};
use crate::semantic::Reference;
use std::collections::HashSet;
use swc_common::Span;
use swc_ecma_ast::*;
use swc_ecma_visit::{Visit, VisitWith};

pub(super) const INFO: RuleInfo = RuleInfo {
    name: "v1-residue",
    class: FixClass::Manual,
    summary: "anything V1 left after the other rules (require, module/exports, lp-faas-toolbelt, HTTPClient, a callback, V1 variables, implicit globals) gets a marker",
    applies: |_| true,
    check: Check::JavaScript(check),
    // After every other JavaScript rule: `implicit-globals` comes after all the others.
    after: &["implicit-globals"],
    source: include_str!("v1_residue.rs"),
};

/// Globals of Node that a sloppy script may assign without declaring them.
const NODE_GLOBALS: [&str; 12] = [
    "process",
    "console",
    "globalThis",
    "global",
    "Buffer",
    "setTimeout",
    "setInterval",
    "clearTimeout",
    "clearInterval",
    "fetch",
    "URL",
    "URLSearchParams",
];

fn check(cx: &mut Context) {
    let mut found: Vec<(Span, String)> = Vec::new();
    let semantic = cx.semantic;
    let facts = cx.facts;
    // The globals of a CommonJS script, however they are used.
    for r in semantic.references.iter().filter(|r| r.binding.is_none()) {
        match &*r.name {
            "require" => found.push((
                r.span,
                "`require` does not exist in a V2 ES module: load this with `import`".into(),
            )),
            name @ ("module" | "exports") => found.push((
                r.span,
                format!("`{name}` does not exist in a V2 ES module: export with `export`"),
            )),
            _ => {}
        }
    }

    // Implicit globals, each marked once, where it is first assigned.
    let mut writes: Vec<&Reference> = semantic
        .implicit_globals()
        .filter(|r| !NODE_GLOBALS.contains(&&*r.name))
        .filter(|r| !matches!(&*r.name, "require" | "module" | "exports"))
        .collect();
    writes.sort_by_key(|r| r.span.lo);
    let mut seen: HashSet<&str> = HashSet::new();
    for r in writes {
        let name = &*r.name;
        if seen.insert(name) {
            found.push((
                r.span,
                format!("`{name}` is declared nowhere: V2 modules are strict, so assigning it throws a ReferenceError; declare it (`let {name}`) where it is used"),
            ));
        }
    }

    if let Some(handler) = &facts.handler {
        if let Some(callback) = handler.callback {
            let binding = semantic.binding(callback);
            if !binding.references.is_empty() {
                found.push((
                    binding.declarations[0],
                    format!("V2 calls `lambda(input)` without a callback: `{}` is undefined there; return the result or throw instead", binding.name),
                ));
            }
        }
    }

    let mut visitor = Visitor {
        cx,
        found: &mut found,
        functions: 0,
    };
    cx.parsed.program.visit_with(&mut visitor);

    found.sort_by_key(|(span, _)| span.lo);
    for (span, message) in found {
        let at = cx.range(span).start;
        if cx.marked(at) {
            continue;
        }
        cx.todo(span, message);
    }
}

struct Visitor<'v, 'c, 'a> {
    cx: &'c Context<'a>,
    found: &'v mut Vec<(Span, String)>,
    /// How many functions (or classes) hold the current node: `this` means something else there.
    functions: usize,
}

impl Visitor<'_, '_, '_> {
    fn module_name(&mut self, s: &Str) {
        if s.value.as_atom().is_some_and(|v| &**v == TOOLBELT_MODULES[0]) {
            self.found.push((
                s.span,
                "V2's toolbelt is `core-functions-toolbelt`: `lp-faas-toolbelt` does not exist there".into(),
            ));
        }
    }

    /// `process.env`, or a variable that always holds it.
    fn is_env(&self, expr: &Expr) -> bool {
        self.cx.facts.env.is_env(expr, self.cx.semantic)
    }
}

impl Visit for Visitor<'_, '_, '_> {
    fn visit_function(&mut self, f: &Function) {
        self.functions += 1;
        f.visit_children_with(self);
        self.functions -= 1;
    }

    fn visit_class(&mut self, c: &Class) {
        self.functions += 1;
        c.visit_children_with(self);
        self.functions -= 1;
    }

    fn visit_getter_prop(&mut self, g: &GetterProp) {
        self.functions += 1;
        g.visit_children_with(self);
        self.functions -= 1;
    }

    fn visit_setter_prop(&mut self, s: &SetterProp) {
        self.functions += 1;
        s.visit_children_with(self);
        self.functions -= 1;
    }

    fn visit_this_expr(&mut self, this: &ThisExpr) {
        if self.functions == 0 {
            self.found.push((
                this.span,
                "`this` outside every function is `undefined` in a V2 ES module (in V1 it was an object): use the object this code means".into(),
            ));
        }
    }

    fn visit_import_decl(&mut self, import: &ImportDecl) {
        self.module_name(&import.src);
    }

    fn visit_call_expr(&mut self, call: &CallExpr) {
        // `require("…")` and `import("…")`.
        if let Some(s) = loaded_module(call) {
            self.module_name(s);
        }
        call.visit_children_with(self);
    }

    fn visit_member_expr(&mut self, m: &MemberExpr) {
        let arguments = m.obj.as_ident().is_some_and(|i| &*i.sym == "arguments" && self.cx.semantic.binding_of(i).is_none());
        if let (true, Some(name @ ("callee" | "caller"))) = (arguments, prop_name(&m.prop)) {
            self.found.push((
                m.span,
                format!("`arguments.{name}` throws a TypeError in a V2 module (strict mode): refer to the function by its name"),
            ));
        } else if self.cx.facts.toolbelt.member_of(m) == Some("HTTPClient") {
            self.found.push((
                m.span,
                "V2's toolbelt has no `HTTPClient`: send this request with `fetch`".into(),
            ));
        } else if let Some(name) = prop_name(&m.prop) {
            if let Some(v2) = crate::tables::env().v2_name(name) {
                if self.is_env(&m.obj) {
                    self.found.push((
                        m.span,
                        format!("V2 sets `{v2}`, not `{name}`: read `{v2}`"),
                    ));
                }
            }
        }
        m.visit_children_with(self);
    }
}
