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

use super::names::Names;
use super::{lone_token, Check, Context, RuleInfo};
use crate::finding::FixClass;
use crate::parse::Parsed;
use crate::tables::{self, PackageKind};
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::{Path, PathBuf};
use swc_common::{Span, Spanned};
use swc_ecma_ast::*;
use swc_ecma_visit::{Visit, VisitWith};

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
    let names = Names::collect(cx.parsed);
    if names.declarations("require") > 0 {
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
    Planner::new(cx, &names, &modules).run(&sites);
}

/// How the whole module is imported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Whole {
    /// `import m from "m"`: a CommonJS module's `module.exports`, a built-in module, JSON.
    Default,
    /// `import * as m from "m"`: an ES module.
    Namespace,
}

/// What a module is, for importing it.
#[derive(Clone, Debug)]
struct Module {
    /// The specifier to import: the V2 name, a relative path with its extension.
    spec: String,
    whole: Whole,
    /// Whether its names can be imported by name.
    named: bool,
    json: bool,
    /// Node's built-in modules and the V2 toolbelt: always there, nothing happens when they load.
    always_loads: bool,
    /// `review` findings to report where it is imported.
    notes: Vec<String>,
}

fn classify(spec: &str, path: &Path) -> Module {
    let table = tables::modules();
    let mut module = Module {
        spec: spec.to_string(),
        whole: Whole::Default,
        named: false,
        json: false,
        always_loads: false,
        notes: Vec::new(),
    };
    if let Some(v2) = table.v2_name(spec) {
        module.spec = v2.to_string();
        module.always_loads = true;
    }
    let spec = module.spec.clone();
    if table.is_builtin(&spec) {
        module.named = true;
        module.always_loads = true;
    } else if spec.starts_with("./") || spec.starts_with("../") || spec.starts_with('/') || spec == "." || spec == ".." {
        relative(&mut module, path);
    } else {
        let package = match spec.strip_prefix('@') {
            Some(_) => spec.splitn(3, '/').take(2).collect::<Vec<_>>().join("/"),
            None => spec.split('/').next().unwrap_or_default().to_string(),
        };
        let entry = table.package(&spec).or_else(|| table.package(&package));
        match entry.map(|p| p.kind) {
            Some(PackageKind::Esm) => {
                module.whole = Whole::Namespace;
                module.named = true;
            }
            Some(PackageKind::CommonJs) => {}
            None => module.notes.push(format!(
                "`{spec}` is imported as a CommonJS package (its default export); if it is an ES module without a default export, import its names instead (`rules/modules.toml` lists known packages)"
            )),
        }
        if spec != package && !module.named && Path::new(&spec).extension().is_none() {
            module.notes.push(format!(
                "Node's ES module loader does not add file extensions inside a package without an \"exports\" map: check that `{spec}` resolves (e.g. `{spec}.js`)"
            ));
        }
        if let Some(note) = entry.and_then(|p| p.note.as_ref()) {
            module.notes.push(note.clone());
        }
    }
    module
}

/// A relative specifier: finds the file the way `require` does and names it with its extension.
fn relative(module: &mut Module, path: &Path) {
    let spec = module.spec.clone();
    let dir = path.parent().unwrap_or(Path::new(""));
    let base = dir.join(&spec);
    let has_extension = [".js", ".cjs", ".mjs", ".json"]
        .iter()
        .any(|e| spec.ends_with(e));
    let mut candidates: Vec<(String, PathBuf)> = Vec::new();
    if has_extension {
        candidates.push((spec.clone(), base.clone()));
    }
    if !spec.ends_with('/') {
        for ext in [".js", ".json"] {
            candidates.push((format!("{spec}{ext}"), dir.join(format!("{spec}{ext}"))));
        }
    }
    let sep = if spec.ends_with('/') { "" } else { "/" };
    for index in ["index.js", "index.json"] {
        candidates.push((format!("{spec}{sep}{index}"), base.join(index)));
    }
    let found = candidates.into_iter().find(|(_, p)| p.is_file());
    let target = match &found {
        Some((name, file)) => {
            module.spec = name.clone();
            Some(file.clone())
        }
        None => {
            if !has_extension {
                module.spec = format!("{spec}.js");
            }
            module.notes.push(format!(
                "`{spec}` was not found next to this file; check that `{}` is the file to import",
                module.spec
            ));
            None
        }
    };
    let spec = module.spec.clone();
    if spec.ends_with(".json") {
        module.json = true;
    } else if spec.ends_with(".cjs") {
        // Stays CommonJS: its `module.exports` is the default export.
    } else if spec.ends_with(".mjs") {
        module.whole = Whole::Namespace;
        module.named = true;
    } else {
        if !target.as_deref().is_some_and(exports_one_value) {
            module.whole = Whole::Namespace;
            module.named = true;
        }
        module.notes.push(format!(
            "`{spec}` is imported as an ES module: migrate that file with faas-migrate too"
        ));
    }
}

/// Whether a JavaScript file exports a single value (`module.exports = value` with something
/// other than an object literal, or `export default`): then it is imported by its default export.
fn exports_one_value(file: &Path) -> bool {
    let Ok(text) = std::fs::read_to_string(file) else {
        return false;
    };
    let Ok(parsed) = crate::parse::parse_program(text.trim_start_matches('\u{feff}')) else {
        return false;
    };
    let items: Vec<&Stmt> = match &parsed.program {
        Program::Script(s) => s.body.iter().collect(),
        Program::Module(m) => {
            if m.body.iter().any(|i| {
                matches!(
                    i,
                    ModuleItem::ModuleDecl(ModuleDecl::ExportDefaultDecl(_) | ModuleDecl::ExportDefaultExpr(_))
                )
            }) {
                return true;
            }
            m.body.iter().filter_map(|i| i.as_stmt()).collect()
        }
    };
    items.iter().any(|stmt| {
        let Stmt::Expr(ExprStmt { expr, .. }) = stmt else {
            return false;
        };
        let Expr::Assign(assign) = expr.as_ref() else {
            return false;
        };
        let AssignTarget::Simple(SimpleAssignTarget::Member(m)) = &assign.left else {
            return false;
        };
        matches!(m.obj.as_ref(), Expr::Ident(i) if &*i.sym == "module")
            && matches!(&m.prop, MemberProp::Ident(p) if &*p.sym == "exports")
            && !matches!(assign.right.as_ref(), Expr::Object(_))
    })
}

/// A name bound by a declaration: `n` in `const n = …`, `c` in `const { b: c } = …`.
#[derive(Clone, Debug)]
struct Bound {
    /// The export it reads: `b` in `{ b: c }`; `None` for the whole value.
    key: Option<String>,
    local: String,
    local_range: Range<usize>,
    /// Where the key is written, when it is written apart from the local name.
    key_range: Option<Range<usize>>,
}

#[derive(Clone, Debug)]
enum Binding {
    Ident(Bound),
    /// An object pattern of plain names.
    Object(Vec<Bound>),
    /// Any other pattern.
    Other,
}

#[derive(Clone, Debug)]
struct DeclSite {
    stmt: Range<usize>,
    kind: VarDeclKind,
    binding: Binding,
    /// The pattern.
    pattern: Range<usize>,
    /// `y` in `require("m").y`.
    prop: Option<String>,
    /// `require("m")` or `require("m").y`.
    init: Range<usize>,
}

#[derive(Clone, Debug)]
enum Form {
    /// `const <pattern> = require("m")` or `= require("m").y`, one declarator, a statement.
    Decl(DeclSite),
    /// `require("m");`
    SideEffect { stmt: Range<usize> },
    /// Anywhere else.
    Expr,
}

#[derive(Clone, Debug)]
struct Site {
    /// The `require("m")` call.
    call: Range<usize>,
    span: Span,
    spec: String,
    quote: char,
    form: Form,
    /// The statement is a top-level statement.
    top: bool,
    /// The innermost function holding the site: its range, and whether `await` may be used there.
    function: Option<(Range<usize>, bool)>,
    /// Under a condition, in a loop, or in a `try` block.
    conditional: bool,
}

/// Finds every `require`.
struct Collector<'p> {
    parsed: &'p Parsed,
    source: &'p str,
    functions: Vec<(Range<usize>, bool)>,
    params: bool,
    conditional: usize,
    depth: usize,
    /// The statement being visited stands in a list of statements (a block, a function body, the
    /// file), not alone as the body of `if`, `for`, …: only there can it be removed.
    listed: bool,
    sites: Vec<Site>,
    computed: Vec<Span>,
    other_uses: Vec<Span>,
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
    fn new(parsed: &'p Parsed, source: &'p str) -> Self {
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

/// What an import binds: a module's default export, its namespace, or one of its exports.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Export {
    Default,
    Namespace,
    Named(String),
}

/// One declaration of a name: the module, the export, and the site (`None` for an import).
type Meaning = (String, Export, Option<usize>);

/// An import to add at the top.
#[derive(Clone, Debug)]
struct NewImport {
    spec: String,
    quote: char,
    json: bool,
    /// `None`: a side-effect import.
    clause: Option<(Export, String)>,
}

struct Planner<'c, 'a> {
    cx: &'c mut Context<'a>,
    names: &'c Names,
    modules: &'c HashMap<String, Module>,
    /// Names bound at the top level to an export of a module: (module spec, export) → locals.
    providers: HashMap<(String, Export), Vec<String>>,
    /// Declarations that are at the top level or gone after this pass: a name declared only
    /// there can be used anywhere to mean the top-level binding.
    settled: HashSet<Range<usize>>,
    /// Names this pass adds.
    chosen: HashSet<String>,
    imports: Vec<NewImport>,
    removals: Vec<Range<usize>>,
    /// Top-level statements that become imports where they stand.
    in_place: Vec<Range<usize>>,
    /// Modules whose notes were reported.
    noted: HashSet<String>,
}

impl<'c, 'a> Planner<'c, 'a> {
    fn new(cx: &'c mut Context<'a>, names: &'c Names, modules: &'c HashMap<String, Module>) -> Self {
        Planner {
            cx,
            names,
            modules,
            providers: HashMap::new(),
            settled: HashSet::new(),
            chosen: HashSet::new(),
            imports: Vec::new(),
            removals: Vec::new(),
            in_place: Vec::new(),
            noted: HashSet::new(),
        }
    }

    fn module(&self, site: &Site) -> &'c Module {
        &self.modules[&site.spec]
    }

    /// What each name of a declaration reads, if its names can be imported by name.
    fn things(&self, site: &Site) -> Option<Vec<(Bound, Export)>> {
        let Form::Decl(decl) = &site.form else {
            return None;
        };
        let module = self.module(site);
        match (&decl.binding, &decl.prop) {
            (Binding::Ident(b), None) => Some(vec![(
                b.clone(),
                match module.whole {
                    Whole::Default => Export::Default,
                    Whole::Namespace => Export::Namespace,
                },
            )]),
            (Binding::Ident(b), Some(prop)) if module.named => {
                Some(vec![(b.clone(), Export::Named(prop.clone()))])
            }
            (Binding::Object(bound), None) if module.named => Some(
                bound
                    .iter()
                    .map(|b| (b.clone(), Export::Named(b.key.clone().unwrap_or_default())))
                    .collect(),
            ),
            _ => None,
        }
    }

    fn hoistable(&self, site: &Site) -> bool {
        site.top || self.module(site).always_loads || !site.conditional
    }

    fn has_comments(&self, range: Range<usize>) -> bool {
        let text = &self.cx.source[range];
        text.contains("//") || text.contains("/*")
    }

    /// A comment on the line above the statement (ending there) or after it on its last line:
    /// removing the statement would leave it describing other code.
    fn comment_beside(&self, stmt: Range<usize>) -> bool {
        let source = self.cx.source;
        let line_end = source[stmt.end..].find('\n').map_or(source.len(), |i| stmt.end + i);
        if !source[stmt.end..line_end].trim().is_empty() {
            return true;
        }
        let line_start = super::support::line_start(source, stmt.start);
        if line_start == 0 {
            return false;
        }
        let above = &source[..line_start - 1];
        let prev = above[above.rfind('\n').map_or(0, |i| i + 1)..].trim();
        prev.starts_with("//") || prev.ends_with("*/")
    }

    fn run(mut self, sites: &[Site]) {
        // Imports already in the file.
        if let Program::Module(module) = &self.cx.parsed.program {
            for item in &module.body {
                let ModuleItem::ModuleDecl(ModuleDecl::Import(import)) = item else {
                    continue;
                };
                let Some(src) = import.src.value.as_atom() else {
                    continue;
                };
                for specifier in &import.specifiers {
                    let export = match specifier {
                        ImportSpecifier::Default(_) => Export::Default,
                        ImportSpecifier::Namespace(_) => Export::Namespace,
                        ImportSpecifier::Named(n) => Export::Named(match &n.imported {
                            Some(ModuleExportName::Ident(i)) => i.sym.to_string(),
                            Some(ModuleExportName::Str(s)) => match s.value.as_atom() {
                                Some(a) => a.to_string(),
                                None => continue,
                            },
                            None => n.local.sym.to_string(),
                        }),
                    };
                    self.provide((src.to_string(), export), specifier.local().sym.to_string());
                    let range = self.cx.range(specifier.local().span);
                    self.settled.insert(range);
                }
            }
        }

        let (by_name, top_names) = self.by_name(sites);
        // Declarations whose names become top-level names: they provide those names.
        for (i, site) in sites.iter().enumerate() {
            if by_name[i] {
                let spec = self.module(site).spec.clone();
                for (bound, export) in self.things(site).unwrap_or_default() {
                    self.settled.insert(bound.local_range.clone());
                    self.provide((spec.clone(), export), bound.local);
                }
            }
        }
        for (i, site) in sites.iter().enumerate() {
            let module = self.module(site);
            if !self.hoistable(site) {
                self.not_hoisted(site);
                continue;
            }
            self.note(site);
            match &site.form {
                Form::Decl(decl) if by_name[i] && site.top => {
                    self.in_place.push(decl.stmt.clone());
                    self.in_place(site, decl)
                }
                Form::Decl(decl) if by_name[i] => {
                    self.removals.push(decl.stmt.clone());
                    for (bound, export) in self.things(site).unwrap_or_default() {
                        if !top_names.contains(&bound.local)
                            && !self.imports.iter().any(|imp| {
                                imp.spec == module.spec
                                    && imp.clause.as_ref().is_some_and(|(_, l)| *l == bound.local)
                            })
                        {
                            self.add_import(site, Some((export, bound.local)));
                        }
                    }
                }
                Form::Decl(decl) => self.through_binding(site, decl),
                Form::SideEffect { stmt } if site.top => {
                    self.in_place.push(stmt.clone());
                    let text = self.import_source(site, false);
                    self.cx.replace(site.call.clone(), format!("import {text}"));
                }
                Form::SideEffect { stmt } => {
                    self.removals.push(stmt.clone());
                    if !self.imports.iter().any(|imp| imp.spec == module.spec) {
                        self.add_import(site, None);
                    }
                    if !module.always_loads {
                        self.cx.report(
                            site.span,
                            FixClass::Review,
                            format!("`{}` is loaded for its side effects, which now happen when the function loads instead of at this point", module.spec),
                        );
                    }
                }
                Form::Expr => {
                    let local = self.module_binding(site);
                    self.cx.replace(site.call.clone(), local);
                }
            }
        }
        let removals = std::mem::take(&mut self.removals);
        self.cx.remove_statements(&removals);
        self.insert_imports();
    }

    /// Which declarations keep their names: at the top level they become an import in place, in
    /// a function they are removed and a top-level import binds the same names.
    ///
    /// Also returns the names such declarations bind that the top level already declares (by an
    /// import, or a top-level declaration of the same export): no import is added for those.
    fn by_name(&self, sites: &[Site]) -> (Vec<bool>, HashSet<String>) {
        // Every declaration of a name as an export of a module, by name.
        let mut meaning: HashMap<&str, Vec<Meaning>> = HashMap::new();
        for (i, site) in sites.iter().enumerate() {
            let spec = &self.module(site).spec;
            for (bound, export) in self.things(site).unwrap_or_default() {
                if let Some(name) = self.names.declared.get_key_value(&bound.local).map(|(k, _)| k.as_str()) {
                    meaning.entry(name).or_default().push((spec.clone(), export, Some(i)));
                }
            }
        }
        let imported: Vec<(String, Export, String)> = self
            .providers
            .iter()
            .flat_map(|((spec, export), locals)| {
                locals
                    .iter()
                    .map(move |local| (spec.clone(), export.clone(), local.clone()))
            })
            .collect();
        for (spec, export, local) in &imported {
            if let Some(name) = self.names.declared.get_key_value(local).map(|(k, _)| k.as_str()) {
                meaning.entry(name).or_default().push((spec.clone(), export.clone(), None));
            }
        }

        let at_top = |i: &Option<usize>| i.is_none_or(|i| sites[i].top);
        let top_names: HashSet<String> = meaning
            .iter()
            .filter(|(_, declarations)| declarations.iter().any(|(_, _, i)| at_top(i)))
            .map(|(name, _)| name.to_string())
            .collect();
        let by_name = sites
            .iter()
            .map(|site| {
                let Some(things) = self.things(site) else {
                    return false;
                };
                let Form::Decl(decl) = &site.form else {
                    return false;
                };
                if !self.hoistable(site) {
                    return false;
                }
                if site.top {
                    if self.in_place_edits(site, decl).is_none() {
                        return false;
                    }
                } else if site.function.is_none()
                    || self.has_comments(decl.stmt.clone())
                    || self.comment_beside(decl.stmt.clone())
                {
                    return false;
                }
                let spec = &self.module(site).spec;
                things.iter().all(|(bound, export)| {
                    let name = bound.local.as_str();
                    if decl.kind != VarDeclKind::Const && self.names.reassigned.contains(name) {
                        return false;
                    }
                    if site.top {
                        // Where it stands, the binding keeps its scope: it only must not clash
                        // with another top-level declaration.
                        return self.names.module_scope_declarations(name) == 1;
                    }
                    let Some(declarations) = meaning.get(name) else {
                        return false;
                    };
                    if declarations.len() != self.names.declarations(name)
                        || declarations.iter().any(|(s, e, _)| s != spec || e != export)
                    {
                        return false;
                    }
                    // Declared at the top level (or imported): every use already means it.
                    if declarations.iter().any(|(_, _, i)| at_top(i)) {
                        return true;
                    }
                    let scopes: Vec<Range<usize>> = declarations
                        .iter()
                        .filter_map(|(_, _, i)| i.and_then(|i| sites[i].function.clone()).map(|f| f.0))
                        .collect();
                    self.names
                        .references(name)
                        .all(|r| scopes.iter().any(|s| s.start <= r.start && r.end <= s.end))
                })
            })
            .collect();
        (by_name, top_names)
    }

    /// The edits that turn a top-level declaration into an import where it stands, if it has a
    /// shape that allows it.
    fn in_place_edits(&self, site: &Site, decl: &DeclSite) -> Option<Vec<(Range<usize>, String)>> {
        let source = self.cx.source;
        let module = self.module(site);
        if self.has_comments(decl.init.clone()) {
            return None;
        }
        let keyword = decl.stmt.start..decl.stmt.start + decl.kind.as_str().len();
        let gap = decl.pattern.end..decl.init.start;
        let equals = gap.start + lone_token(&source[gap.clone()], "=")?;
        let needs_space = |c: Option<char>| c.is_some_and(|c| !c.is_whitespace());
        let from = format!(
            "{}from{}",
            if needs_space(source[..equals].chars().next_back()) { " " } else { "" },
            if needs_space(source[equals + 1..].chars().next()) { " " } else { "" },
        );
        let mut edits = vec![(keyword, "import".to_string())];
        let literal = self.import_source(site, false);
        match (&decl.binding, &decl.prop) {
            (Binding::Ident(b), None) => {
                if module.whole == Whole::Namespace {
                    edits.push((b.local_range.start..b.local_range.start, "* as ".into()));
                }
                edits.push((equals..equals + 1, from));
                edits.push((decl.init.clone(), literal));
            }
            (Binding::Ident(b), Some(prop)) => {
                let range = decl.pattern.start..decl.init.end;
                if self.has_comments(range.clone()) || !is_identifier(prop) {
                    return None;
                }
                let clause = if *prop == b.local {
                    format!("{{ {prop} }}")
                } else {
                    format!("{{ {prop} as {} }}", b.local)
                };
                edits.push((range, format!("{clause} from {literal}")));
            }
            (Binding::Object(bound), None) => {
                for b in bound {
                    // `key: local` → `key as local`, keeping any comment around the colon.
                    if let Some(key) = &b.key_range {
                        let gap = key.end..b.local_range.start;
                        let colon = gap.start + lone_token(&source[gap.clone()], ":")?;
                        let before = if colon == gap.start { " " } else { "" };
                        let after = if colon + 1 == gap.end { " " } else { "" };
                        edits.push((colon..colon + 1, format!("{before}as{after}")));
                    }
                }
                edits.push((equals..equals + 1, from));
                edits.push((decl.init.clone(), literal));
            }
            _ => return None,
        }
        Some(edits)
    }

    fn in_place(&mut self, site: &Site, decl: &DeclSite) {
        for (range, text) in self.in_place_edits(site, decl).unwrap_or_default() {
            if range.is_empty() {
                self.cx.insert(range.start, text);
            } else {
                self.cx.replace(range, text);
            }
        }
        self.warn_if_prepared(site);
    }

    /// A top-level import after code that sets `process.env`, `global` or `globalThis`: the module
    /// now loads before that code runs.
    fn warn_if_prepared(&mut self, site: &Site) {
        if self.module(site).always_loads {
            return;
        }
        let body: Vec<&Stmt> = match &self.cx.parsed.program {
            Program::Script(s) => s.body.iter().collect(),
            Program::Module(m) => m.body.iter().filter_map(|i| i.as_stmt()).collect(),
        };
        let prepares = body
            .iter()
            .take_while(|s| self.cx.range(s.span()).end <= site.call.start)
            .any(|s| prepares_globals(s));
        if prepares {
            self.cx.report(
                site.span,
                FixClass::Review,
                "ES imports load before the file's code runs: check that this module does not depend on the `process.env` or global setup above it",
            );
        }
    }

    /// Keeps the declaration and replaces `require("m")` (or `require("m").y`) by a top-level
    /// name bound to the same value.
    fn through_binding(&mut self, site: &Site, decl: &DeclSite) {
        let module = self.module(site);
        if let (Some(prop), true) = (&decl.prop, module.named) {
            let key = (module.spec.clone(), Export::Named(prop.clone()));
            let local = match self.provider(&key) {
                Some(local) => Some(local),
                None if is_identifier(prop) && self.free(prop) => {
                    self.chosen.insert(prop.clone());
                    self.add_import(site, Some((key.1.clone(), prop.clone())));
                    self.provide(key, prop.clone());
                    Some(prop.clone())
                }
                None => None,
            };
            if let Some(local) = local {
                self.cx.replace(decl.init.clone(), local);
                return;
            }
        }
        let local = self.module_binding(site);
        self.cx.replace(site.call.clone(), local);
    }

    /// A top-level name bound to the whole module: an existing one, or a new import.
    fn module_binding(&mut self, site: &Site) -> String {
        let module = self.module(site);
        let export = match module.whole {
            Whole::Default => Export::Default,
            Whole::Namespace => Export::Namespace,
        };
        let key = (module.spec.clone(), export.clone());
        if let Some(local) = self.provider(&key) {
            return local;
        }
        let local = self.fresh(&module.spec);
        self.add_import(site, Some((export, local.clone())));
        self.provide(key, local.clone());
        local
    }

    fn provide(&mut self, key: (String, Export), local: String) {
        let locals = self.providers.entry(key).or_default();
        if !locals.contains(&local) {
            locals.push(local);
        }
    }

    /// A top-level name bound to `key` that means that binding wherever it is used: no other
    /// declaration that stays after this pass could shadow it.
    fn provider(&self, key: &(String, Export)) -> Option<String> {
        self.providers.get(key)?.iter().find_map(|local| {
            let declared = self.names.declared.get(local);
            declared
                .is_none_or(|ranges| ranges.iter().all(|r| self.settled.contains(r)))
                .then(|| local.clone())
        })
    }

    fn free(&self, name: &str) -> bool {
        !self.names.used(name) && !self.chosen.contains(name) && !RESERVED.contains(&name)
    }

    /// A name for a module that nothing in the file uses.
    fn fresh(&mut self, spec: &str) -> String {
        let base = base_name(spec);
        let mut candidates = vec![base.clone(), format!("{base}Module")];
        candidates.extend((2..).map(|n| format!("{base}Module{n}")).take(1000));
        let name = candidates
            .into_iter()
            .find(|n| self.free(n))
            .unwrap_or_else(|| format!("{base}Module0"));
        self.chosen.insert(name.clone());
        name
    }

    fn add_import(&mut self, site: &Site, clause: Option<(Export, String)>) {
        let module = self.module(site);
        self.imports.push(NewImport {
            spec: module.spec.clone(),
            quote: site.quote,
            json: module.json,
            clause,
        });
    }

    /// `"m"`, or `"m" with { type: "json" }` for JSON (`dynamic`: the arguments of `import()`).
    fn import_source(&self, site: &Site, dynamic: bool) -> String {
        let module = self.module(site);
        let q = site.quote;
        let literal = quoted(&module.spec, q);
        match (module.json, dynamic) {
            (false, _) => literal,
            (true, false) => format!("{literal} with {{ type: {q}json{q} }}"),
            (true, true) => format!("{literal}, {{ with: {{ type: {q}json{q} }} }}"),
        }
    }

    fn note(&mut self, site: &Site) {
        let module = self.module(site);
        if !self.noted.insert(module.spec.clone()) {
            return;
        }
        for note in &module.notes {
            self.cx.report(site.span, FixClass::Review, note.clone());
        }
    }

    /// A `require` that may fail or must not run unconditionally: `await import()` in an async
    /// function, a marker elsewhere.
    fn not_hoisted(&mut self, site: &Site) {
        let module = self.module(site);
        let awaitable = site.function.as_ref().is_some_and(|(_, ok)| *ok);
        if !awaitable {
            self.cx.todo(
                site.span,
                format!(
                    "`require(\"{}\")` runs only under a condition or in `try` here; import it at the top level if it always loads, or use `await import()` in an async function",
                    site.spec
                ),
            );
            return;
        }
        self.note(site);
        let source = self.import_source(site, true);
        let whole_init = matches!(&site.form, Form::Decl(d) if d.init == site.call);
        let text = match (&site.form, module.whole) {
            (Form::SideEffect { .. }, _) => format!("await import({source})"),
            (_, Whole::Namespace) if whole_init => format!("await import({source})"),
            (_, Whole::Namespace) => format!("(await import({source}))"),
            (_, Whole::Default) => format!("(await import({source})).default"),
        };
        self.cx.replace(site.call.clone(), text);
        self.cx.report(
            site.span,
            FixClass::Review,
            "this module now loads asynchronously with `await import()`; a failure to load has the code `ERR_MODULE_NOT_FOUND` instead of `MODULE_NOT_FOUND`",
        );
    }

    /// Inserts the new imports after the shebang, the comment banner and the imports and
    /// `require`s at the top of the file.
    fn insert_imports(&mut self) {
        if self.imports.is_empty() {
            return;
        }
        let eol = self.cx.style.eol;
        let semi = self.cx.style.semi();
        // One statement per module for its names; one per default or namespace binding.
        let mut lines: Vec<String> = Vec::new();
        let mut done: HashSet<usize> = HashSet::new();
        for (i, import) in self.imports.iter().enumerate() {
            if done.contains(&i) {
                continue;
            }
            let q = import.quote;
            let mut from = quoted(&import.spec, q);
            if import.json {
                from = format!("{from} with {{ type: {q}json{q} }}");
            }
            let clause = match &import.clause {
                None => {
                    lines.push(format!("import {from}{semi}"));
                    continue;
                }
                Some((Export::Default, local)) => local.clone(),
                Some((Export::Namespace, local)) => format!("* as {local}"),
                Some((Export::Named(_), _)) => {
                    let mut names = Vec::new();
                    for (j, other) in self.imports.iter().enumerate().skip(i) {
                        if let (true, Some((Export::Named(key), local))) = (other.spec == import.spec, &other.clause) {
                            done.insert(j);
                            names.push(if key == local {
                                key.clone()
                            } else {
                                format!("{key} as {local}")
                            });
                        }
                    }
                    format!("{{ {} }}", names.join(", "))
                }
            };
            lines.push(format!("import {clause} from {from}{semi}"));
        }
        let (at, text) = import_point(self.cx, &self.in_place);
        let text = match text {
            Placement::AfterLine => lines.iter().map(|l| format!("{l}{eol}")).collect(),
            Placement::AtEnd => lines.iter().map(|l| format!("{eol}{l}")).collect(),
            Placement::BeforeCode => {
                let block: String = lines.iter().map(|l| format!("{l}{eol}")).collect();
                format!("{block}{eol}")
            }
        };
        self.cx.insert(at, text);
    }
}

enum Placement {
    /// At the start of the line after the last import or `require` at the top.
    AfterLine,
    /// At the end of a file whose last line is that `require`.
    AtEnd,
    /// Before the file's first code, with a blank line after.
    BeforeCode,
}

/// Where new imports go. `imports` are the top-level statements that become imports in this pass.
fn import_point(cx: &Context, imports: &[Range<usize>]) -> (usize, Placement) {
    let source = cx.source;
    let header = |stmt: &Stmt| {
        let range = cx.range(stmt.span());
        imports.contains(&range) || is_directive_text(&source[range])
    };
    let items: Vec<(Range<usize>, bool)> = match &cx.parsed.program {
        Program::Script(s) => s.body.iter().map(|stmt| (cx.range(stmt.span()), header(stmt))).collect(),
        Program::Module(m) => m
            .body
            .iter()
            .map(|item| {
                let is_header = match item {
                    ModuleItem::ModuleDecl(ModuleDecl::Import(_)) => true,
                    ModuleItem::ModuleDecl(_) => false,
                    ModuleItem::Stmt(stmt) => header(stmt),
                };
                (cx.range(item.span()), is_header)
            })
            .collect(),
    };
    let header_end = items
        .iter()
        .take_while(|(_, header)| *header)
        .filter(|(range, _)| !is_directive_text(&source[range.clone()]))
        .map(|(range, _)| range.end)
        .last();
    if let Some(end) = header_end {
        return match source[end..].find('\n') {
            Some(i) => (end + i + 1, Placement::AfterLine),
            None => (source.len(), Placement::AtEnd),
        };
    }
    // After the shebang and the directives, then after the banner: the comments up to the last
    // blank line before the first statement.
    let mut start = if source.starts_with("#!") {
        source.find('\n').map_or(source.len(), |i| i + 1)
    } else {
        0
    };
    for (range, _) in items.iter().take_while(|(r, h)| *h && is_directive_text(&source[r.clone()])) {
        start = super::support::next_line_start(source, range.end);
    }
    let first = items
        .iter()
        .map(|(r, _)| r.start)
        .find(|s| *s >= start)
        .unwrap_or(source.len());
    let trivia = &source[start..first];
    let mut at = start;
    let mut offset = start;
    for line in trivia.split_inclusive('\n') {
        offset += line.len();
        if line.ends_with('\n') && line.trim().is_empty() && offset <= first {
            at = offset;
        }
    }
    if at > first {
        at = first;
    }
    (at, Placement::BeforeCode)
}

fn is_directive_text(text: &str) -> bool {
    text.starts_with(['"', '\''])
}

/// A top-level statement that sets `process.env.*`, `global.*` or `globalThis.*`.
fn prepares_globals(stmt: &Stmt) -> bool {
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

/// A string literal with the quote `q`.
fn quoted(value: &str, q: char) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push(q);
    for c in value.chars() {
        if c == q || c == '\\' {
            out.push('\\');
        }
        out.push(c);
    }
    out.push(q);
    out
}

fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_' || c == '$')
        && chars.all(|c| c.is_alphanumeric() || c == '_' || c == '$')
        && !RESERVED.contains(&name)
}

/// A name for a module: `crypto`, `fsPromises`, `coreFunctionsToolbelt`, `data` for `./data.json`.
fn base_name(spec: &str) -> String {
    let spec = spec.strip_prefix("node:").unwrap_or(spec);
    let words: Vec<&str> = if spec.starts_with('.') || spec.starts_with('/') {
        let path = Path::new(spec);
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        let stem = if stem == "index" {
            path.parent()
                .and_then(|p| p.file_name())
                .and_then(|s| s.to_str())
                .unwrap_or(stem)
        } else {
            stem
        };
        vec![stem]
    } else {
        let unscoped = match spec.strip_prefix('@') {
            Some(rest) => rest.split_once('/').map_or(rest, |(_, name)| name),
            None => spec,
        };
        unscoped.split('/').collect()
    };
    let mut name = String::new();
    for word in words {
        for part in word.split(|c: char| !c.is_alphanumeric() && c != '_' && c != '$') {
            let mut chars = part.chars();
            if let Some(first) = chars.next() {
                if name.is_empty() {
                    name.push(first);
                } else {
                    name.extend(first.to_uppercase());
                }
                name.extend(chars);
            }
        }
    }
    if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) || RESERVED.contains(&name.as_str()) {
        name.insert(0, '_');
    }
    name
}

const RESERVED: &[&str] = &[
    "arguments", "await", "break", "case", "catch", "class", "const", "continue", "debugger",
    "default", "delete", "do", "else", "enum", "eval", "export", "extends", "false", "finally",
    "for", "function", "if", "implements", "import", "in", "instanceof", "interface", "let", "new",
    "null", "package", "private", "protected", "public", "return", "static", "super", "switch",
    "this", "throw", "true", "try", "typeof", "undefined", "var", "void", "while", "with", "yield",
    "require", "module", "exports", "lambda",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn module_names() {
        assert_eq!(base_name("crypto"), "crypto");
        assert_eq!(base_name("node:fs/promises"), "fsPromises");
        assert_eq!(base_name("core-functions-toolbelt"), "coreFunctionsToolbelt");
        assert_eq!(base_name("@jsforce/jsforce-node"), "jsforceNode");
        assert_eq!(base_name("./data.json"), "data");
        assert_eq!(base_name("../lib/index.js"), "lib");
        assert_eq!(base_name("oauth-1.0a"), "oauth10a");
        assert_eq!(base_name("1password"), "_1password");
    }

    #[test]
    fn quoting() {
        assert_eq!(quoted("a'b", '\''), "'a\\'b'");
        assert_eq!(quoted("m", '"'), "\"m\"");
    }
}
