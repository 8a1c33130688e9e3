//! ## What it does
//! Removes the `"use strict";` directive at the top of the file and at the top of function
//! bodies, with its line when it stands alone (and the blank line after it at the top of the
//! file).
//!
//! ## Why V2 needs it
//! V2 functions are ES modules, and ES modules are always strict: the directive does nothing
//! there. A file that relied on sloppy-mode syntax without it (`with`) cannot become an ES
//! module; faas-migrate reports such a file as an error (`legacy-octal` rewrites octal literals).
//!
//! ## Example
//! ```js
//! // before
//! "use strict";
//!
//! const { Toolbelt } = require("lp-faas-toolbelt");
//! // after
//! const { Toolbelt } = require("lp-faas-toolbelt");
//! ```
//!
//! ## Limits
//! Code that was not strict in V1 becomes strict in V2 whether or not it had the directive:
//! assigning an undeclared variable throws (`implicit-globals` declares such names where it can,
//! `v1-residue` marks the rest), and `this` is `undefined` in a plain function call. This rule
//! does not look for such code.

use super::{Check, Context, RuleInfo};
use crate::finding::FixClass;
use swc_common::Spanned;
use swc_ecma_ast::*;
use swc_ecma_visit::{Visit, VisitWith};

pub(super) const INFO: RuleInfo = RuleInfo {
    name: "use-strict",
    class: FixClass::Auto,
    summary: "`\"use strict\"` directives are removed (ES modules are always strict)",
    applies: |source| source.contains("use strict"),
    check: Check::JavaScript(check),
    after: &[],
    source: include_str!("use_strict.rs"),
};

fn check(cx: &mut Context) {
    let mut finder = Directives {
        cx,
        found: Vec::new(),
    };
    match &cx.parsed.program {
        Program::Script(s) => finder.prologue(s.body.iter()),
        Program::Module(m) => finder.prologue(m.body.iter().map_while(|i| i.as_stmt())),
    }
    cx.parsed.program.visit_with(&mut finder);
    let found = finder.found;
    cx.remove_statements(&found);
}

struct Directives<'c> {
    cx: &'c Context<'c>,
    found: Vec<std::ops::Range<usize>>,
}

impl<'c> Directives<'c> {
    /// The `"use strict"` statements among the string statements that start a body.
    fn prologue<'s>(&mut self, stmts: impl Iterator<Item = &'s Stmt>) {
        for stmt in stmts {
            let Stmt::Expr(ExprStmt { expr, .. }) = stmt else {
                break;
            };
            let Expr::Lit(Lit::Str(s)) = expr.as_ref() else {
                break;
            };
            let text = self.cx.text(s.span);
            if text == "\"use strict\"" || text == "'use strict'" {
                self.found.push(self.cx.range(stmt.span()));
            }
        }
    }
}

impl Visit for Directives<'_> {
    fn visit_function(&mut self, f: &Function) {
        if let Some(body) = &f.body {
            self.prologue(body.stmts.iter());
        }
        f.visit_children_with(self);
    }

    fn visit_arrow_expr(&mut self, a: &ArrowExpr) {
        if let ArrowFunctionBody::FunctionBody(body) = a.body.as_ref() {
            self.prologue(body.stmts.iter());
        }
        a.visit_children_with(self);
    }
}
