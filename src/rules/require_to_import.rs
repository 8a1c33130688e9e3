//! ## What it does
//! Turns every `require` of a module into an `import`, renaming modules V2 renamed
//! (`lp-faas-toolbelt` becomes `core-functions-toolbelt`, see `rules/modules.toml`):
//!
//! - At the top level, `const { a, b: c } = require("m")`, `const m = require("m")`,
//!   `const x = require("m").y` and `require("m");` become an `import` where they stand
//!   (`import { a, b as c } from "m";`, `import m from "m";`, `import { y as x } from "m";`,
//!   `import "m";`). ES modules load every import before the file's first statement, whatever
//!   its position, so this changes when a module loads only if code above it prepares something
//!   the module reads while loading (the rule reports a top-level assignment to `process.env`,
//!   `global` or `globalThis` above such an import).
//! - A `require` inside a function (most V1 files load the toolbelt inside `lambda`) moves to a
//!   top-level import, placed after a shebang, the leading comment banner (the comments up to the
//!   last blank line before the first statement) and the imports at the top (including the
//!   top-level `require`s that become imports where they stand). When
//!   the declaration's names mean the same thing everywhere in the file, the declaration goes and
//!   the import binds those names; otherwise the `require("m")` call is replaced by a name the new
//!   import binds (`const { get } = lodash;`), chosen so that it clashes with nothing. The module
//!   now loads with the file instead of at the first call, which changes nothing for Node's
//!   built-in modules and the toolbelt (they always load and do nothing when they load).
//! - A `require` of another package that runs only under a condition, or inside `try` (an
//!   optional dependency, a fallback), is not moved: it becomes `await import("m")` inside an async
//!   function (with a `review` finding), and gets a marker elsewhere.
//!
//! How a module is imported follows Node's ES module loader: Node's built-in modules (`crypto`,
//! `fs`, …) and packages with ES module exports (the toolbelt, `luxon`, …) are imported by name,
//! or as a namespace for the whole module; a CommonJS package (`lodash`, `jsonwebtoken`, …, and
//! any package `rules/modules.toml` does not list) only has a default export, so it is a default
//! import and its names are destructured from it. A relative path gets its file extension (the
//! file is looked up next to the migrated file: `./x` becomes `./x.js`, `./x/index.js` or
//! `./x.json`), and a JSON file is imported with `with { type: "json" }`. The quotes and
//! semicolons of the file are kept.
//!
//! ## Why V2 needs it
//! V2 functions are ES modules: `require` does not exist there (V2 guide §1.2), and only packages
//! that load as ES modules can be used. The toolbelt is published as `core-functions-toolbelt`.
//!
//! ## Example
//! ```js
//! // before
//! const { Toolbelt } = require('lp-faas-toolbelt');
//! const _ = require('lodash');
//!
//! async function lambda(input, callback) {
//!   const crypto = require('crypto');
//!   const { get } = require('lodash');
//!   // …
//! }
//! // after
//! import { Toolbelt } from 'core-functions-toolbelt';
//! import _ from 'lodash';
//! import crypto from 'crypto';
//!
//! async function lambda(input, callback) {
//!   const { get } = _;
//!   // …
//! }
//! ```
//!
//! ## Limits
//! A `require` with a computed name (`require(name)`), a conditional `require` outside an async
//! function, and other uses of `require` (`require.resolve`, `require.main`, passing `require`
//! around) get a marker. A file that declares its own `require` is left alone. Whether a package
//! not in `rules/modules.toml` really is CommonJS is not checked (a `review` finding says so), nor
//! whether the package is installed in V2 (the table's notes name the V1 packages V2 does not
//! provide). A relative file is imported as an ES module (its exports by name) unless it assigns
//! `module.exports` a single value, and must be migrated too. Code above a top-level `require`
//! that the module depends on while loading is only detected in the simple form described above.

mod collect;
mod module;
mod plan;
mod naming;

use super::{Check, Context, RuleInfo};
use crate::finding::FixClass;
use collect::Collector;
use module::{classify, Module};
use plan::Planner;
use std::collections::HashMap;
use swc_ecma_visit::VisitWith;


pub(super) const INFO: RuleInfo = RuleInfo {
    name: "require-to-import",
    class: FixClass::Auto,
    summary: "`require` becomes `import` (hoisted out of functions; lp-faas-toolbelt becomes core-functions-toolbelt)",
    applies: |source| source.contains("require"),
    check: Check::JavaScript(check),
    after: &[],
    source: include_str!("require_to_import.rs"),
};

const COMPUTED: &str = "`require` with a computed module name cannot become an import; use `await import(…)` in an async function (its `.default` for a CommonJS module)";
const OTHER_USE: &str = "`require` does not exist in ES modules; replace this use (`import.meta.resolve`, or `createRequire` from \"node:module\")";

fn check(cx: &mut Context) {
    if cx.semantic.declares("require") {
        return;
    }
    let mut collector = Collector::new(cx.parsed, cx.source);
    cx.parsed.program.visit_with(&mut collector);
    let Collector {
        sites,
        computed,
        other_uses,
        ..
    } = collector;
    for span in computed {
        cx.todo(span, COMPUTED);
    }
    for span in other_uses {
        cx.todo(span, OTHER_USE);
    }
    if sites.is_empty() {
        return;
    }
    let mut modules: HashMap<String, Module> = HashMap::new();
    for site in &sites {
        if !modules.contains_key(&site.spec) {
            let module = classify(&site.spec, cx.path);
            modules.insert(site.spec.clone(), module);
        }
    }
    Planner::new(cx, &modules).run(&sites);
}
