//! ## What it does
//! Replaces the CommonJS variables `__dirname` and `__filename` by their ES module equivalents,
//! `import.meta.dirname` and `import.meta.filename` (`{ __dirname }` in an object literal becomes
//! `{ __dirname: import.meta.dirname }`).
//!
//! ## Why V2 needs it
//! V2 functions are ES modules, where `__dirname` and `__filename` are not defined: reading them
//! throws a `ReferenceError`. `import.meta.dirname` and `import.meta.filename` hold the same
//! values.
//!
//! ## Example
//! ```js
//! // before
//! const templates = path.join(__dirname, "templates");
//! // after
//! const templates = path.join(import.meta.dirname, "templates");
//! ```
//!
//! ## Limits
//! `import.meta.dirname` and `import.meta.filename` exist from Node.js 20.11 on; a `review`
//! finding says so once per file (on an older runtime, use
//! `path.dirname(fileURLToPath(import.meta.url))`). Where the function's file lies in V2, and
//! whether files next to it are deployed, is not checked. A file that declares its own
//! `__dirname` or `__filename` keeps it.

use crate::semantic::Semantic;
use super::{Check, Context, RuleInfo};
use crate::finding::FixClass;
use swc_common::Span;
use swc_ecma_ast::*;
use swc_ecma_visit::{Visit, VisitWith};

pub(super) const INFO: RuleInfo = RuleInfo {
    name: "esm-globals",
    class: FixClass::Auto,
    summary: "`__dirname` and `__filename` become `import.meta.dirname` and `import.meta.filename`",
    applies: |source| source.contains("__dirname") || source.contains("__filename"),
    check: Check::JavaScript(check),
    after: &[],
    source: include_str!("esm_globals.rs"),
};

const NODE_VERSION: &str = "`import.meta.dirname` and `import.meta.filename` need Node.js 20.11 or later; on an older runtime use `path.dirname(fileURLToPath(import.meta.url))` and `fileURLToPath(import.meta.url)`";

fn check(cx: &mut Context) {
    let mut finder = Finder {
        semantic: cx.semantic,
        found: Vec::new(),
    };
    cx.parsed.program.visit_with(&mut finder);
    let Some((first, ..)) = finder.found.first().copied() else {
        return;
    };
    for (span, name, shorthand) in finder.found {
        let replacement = match name {
            Name::Dirname => "import.meta.dirname",
            Name::Filename => "import.meta.filename",
        };
        let range = cx.range(span);
        if shorthand {
            cx.insert(range.end, format!(": {replacement}"));
        } else {
            cx.replace(range, replacement);
        }
    }
    cx.report(first, FixClass::Review, NODE_VERSION);
}

#[derive(Clone, Copy)]
enum Name {
    Dirname,
    Filename,
}

struct Finder<'s> {
    /// Only the globals count: a file may declare its own `__dirname`.
    semantic: &'s Semantic<'s>,
    /// Each use: where, which, and whether it is a shorthand property.
    found: Vec<(Span, Name, bool)>,
}

impl Finder<'_> {
    fn name(&self, ident: &Ident) -> Option<Name> {
        if !self.semantic.is_global(ident) {
            return None;
        }
        match &*ident.sym {
            "__dirname" => Some(Name::Dirname),
            "__filename" => Some(Name::Filename),
            _ => None,
        }
    }
}

impl Visit for Finder<'_> {
    fn visit_ident(&mut self, ident: &Ident) {
        if let Some(name) = self.name(ident) {
            self.found.push((ident.span, name, false));
        }
    }

    fn visit_prop(&mut self, prop: &Prop) {
        if let Prop::Shorthand(ident) = prop {
            if let Some(name) = self.name(ident) {
                self.found.push((ident.span, name, true));
            }
            return;
        }
        prop.visit_children_with(self);
    }
}
