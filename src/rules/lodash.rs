//! ## What it does
//! Moves lodash imports to `es-toolkit/compat`. Only the module name is edited, so it works on
//! `require("lodash")` and on `import … from "lodash"` alike (whichever runs first, this rule or
//! the one turning requires into imports). The members the file uses are collected from
//! `_.get(...)` (for the name bound to the module), `const { get } = require("lodash")`,
//! `import { get } from "lodash"` and `require("lodash").get`; when every one of them is in
//! `es-toolkit/compat` (`rules/es_toolkit.toml`), `"lodash"` becomes `"es-toolkit/compat"`.
//! Per-method modules follow the same way: `lodash/get` and the `lodash.get` package become
//! `es-toolkit/compat/get`. `lodash-es` is treated like `lodash`.
//!
//! When a used member is missing from `es-toolkit/compat` (`_.chain`, `_.mixin`), when the
//! module is used as a value (`_(list)`, `_[name]`, passed to a function), or for `lodash/fp`,
//! nothing is rewritten and the import gets a marker naming what is missing.
//!
//! ## Why V2 needs it
//! V2 no longer provides lodash; it provides `es-toolkit`, whose `es-toolkit/compat` follows
//! lodash's API (docs/faas-v1-to-v2.md §5). A V1 function that requires lodash fails to load in
//! V2. The rewrite is `review`: es-toolkit/compat aims at lodash's behaviour, and the finding
//! lists the members worth a test.
//!
//! ## Example
//! ```js
//! // before
//! const _ = require("lodash");
//! const name = _.get(input, "payload.name", "unknown");
//! // after
//! const _ = require("es-toolkit/compat");
//! const name = _.get(input, "payload.name", "unknown");
//! ```
//!
//! ## Limits
//! Members reached through another variable (`const l = _; l.get(...)`) or a computed name are
//! not followed: the module counts as used as a value and is reported. A name bound to lodash is
//! followed file-wide by name.

use super::{Check, Context, RuleInfo};
use crate::finding::FixClass;
use crate::tables;
use std::collections::BTreeSet;
use swc_common::{Span, Spanned};
use swc_ecma_ast::*;
use swc_ecma_visit::{Visit, VisitWith};

pub(super) const INFO: RuleInfo = RuleInfo {
    name: "lodash",
    class: FixClass::Review,
    summary: "lodash imports move to `es-toolkit/compat` when every used member exists there",
    applies: |source| source.contains("lodash"),
    check: Check::JavaScript(check),
    after: &[],
    source: include_str!("lodash.rs"),
};

const TARGET: &str = "es-toolkit/compat";

/// One place the file loads lodash.
struct Load {
    /// The module string literal.
    literal: Span,
    /// The statement (or expression) to report on.
    at: Span,
    module: String,
    /// Names bound to the whole module.
    locals: Vec<String>,
    /// Members named directly (destructured, imported, `require(..).get`).
    members: BTreeSet<String>,
    /// The module is used in a way whose members cannot be listed.
    opaque: bool,
}

enum Module {
    /// `lodash` / `lodash-es`.
    Whole,
    /// `lodash/get`, `lodash.get`, `lodash-es/get`: the member name as written.
    Member(String),
    /// `lodash/fp` and other entry points.
    Other,
}

fn classify(module: &str) -> Option<Module> {
    if module == "lodash" || module == "lodash-es" {
        return Some(Module::Whole);
    }
    let rest = module
        .strip_prefix("lodash/")
        .or_else(|| module.strip_prefix("lodash-es/"))
        .or_else(|| module.strip_prefix("lodash."))?;
    let rest = rest.strip_suffix(".js").unwrap_or(rest);
    if rest == "fp" || rest.starts_with("fp/") || rest.contains('/') {
        return Some(Module::Other);
    }
    Some(Module::Member(rest.to_string()))
}

fn check(cx: &mut Context) {
    let parsed = cx.parsed;
    let mut finder = Finder { loads: Vec::new() };
    parsed.program.visit_with(&mut finder);
    let mut loads = finder.loads;
    if loads.is_empty() {
        return;
    }
    // Members and other uses of the names bound to the whole module.
    let locals: Vec<String> = loads.iter().flat_map(|l| l.locals.clone()).collect();
    let mut uses = Uses {
        locals: &locals,
        members: Vec::new(),
        opaque: Vec::new(),
    };
    parsed.program.visit_with(&mut uses);
    for load in &mut loads {
        for (local, member) in &uses.members {
            if load.locals.contains(local) {
                load.members.insert(member.clone());
            }
        }
        if uses.opaque.iter().any(|l| load.locals.contains(l)) {
            load.opaque = true;
        }
    }

    let table = tables::es_toolkit();
    for load in loads {
        let quote = cx.text(load.literal).chars().next().unwrap_or('"');
        match classify(&load.module) {
            Some(Module::Whole) => {
                let missing: Vec<&String> = load.members.iter().filter(|m| !table.has(m)).collect();
                if load.opaque {
                    cx.todo(
                        load.at,
                        format!("V2 does not provide lodash, and `{}` is used as a value here (called, indexed or passed on): rewrite those uses with members of \"{TARGET}\", then import that instead", load.module),
                    );
                } else if !missing.is_empty() {
                    let names: Vec<String> = missing.iter().map(|m| format!("`{m}`")).collect();
                    cx.todo(
                        load.at,
                        format!("V2 does not provide lodash, and \"{TARGET}\" has no {}: rewrite those uses, then import \"{TARGET}\" instead", names.join(", ")),
                    );
                } else {
                    cx.replace(cx.range(load.literal), format!("{quote}{TARGET}{quote}"));
                    let names: Vec<String> = load.members.iter().map(|m| format!("`{m}`")).collect();
                    let used = if names.is_empty() {
                        String::new()
                    } else {
                        format!(" (used here: {})", names.join(", "))
                    };
                    cx.report(
                        load.at,
                        FixClass::Review,
                        format!("V2 does not provide lodash: now loaded from \"{TARGET}\", which follows lodash's behaviour{used}; test these calls"),
                    );
                }
            }
            Some(Module::Member(name)) => match table.find_ignoring_case(&name) {
                Some(member) if table.has_subpath(member) => {
                    cx.replace(cx.range(load.literal), format!("{quote}{TARGET}/{member}{quote}"));
                    cx.report(
                        load.at,
                        FixClass::Review,
                        format!("V2 does not provide lodash: `{member}` now comes from \"{TARGET}/{member}\", which follows lodash's behaviour; test its calls"),
                    );
                }
                _ => cx.todo(
                    load.at,
                    format!("V2 does not provide lodash, and \"{TARGET}\" has no `{name}` module: rewrite its uses with plain JavaScript or es-toolkit"),
                ),
            },
            Some(Module::Other) | None => cx.todo(
                load.at,
                format!("V2 does not provide lodash, and \"{}\" has no counterpart in \"{TARGET}\": rewrite its uses with es-toolkit", load.module),
            ),
        }
    }
}

fn string_of(lit: &Str) -> Option<String> {
    lit.value.as_atom().map(|a| a.to_string())
}

/// `require("<lodash module>")`: the module and its literal.
fn lodash_require(expr: &Expr) -> Option<(String, Span)> {
    let (module, span) = super::support::require_call(expr)?;
    classify(&module).map(|_| (module, span))
}

struct Finder {
    loads: Vec<Load>,
}

impl Finder {
    fn pattern(load: &mut Load, pat: &Pat) {
        match pat {
            Pat::Ident(i) => load.locals.push(i.id.sym.to_string()),
            Pat::Object(o) => {
                for prop in &o.props {
                    match prop {
                        ObjectPatProp::Assign(a) => {
                            load.members.insert(a.key.id.sym.to_string());
                        }
                        ObjectPatProp::KeyValue(kv) => match &kv.key {
                            PropName::Ident(i) => {
                                load.members.insert(i.sym.to_string());
                            }
                            PropName::Str(s) => {
                                if let Some(v) = string_of(s) {
                                    load.members.insert(v);
                                }
                            }
                            _ => load.opaque = true,
                        },
                        ObjectPatProp::Rest(_) => load.opaque = true,
                    }
                }
            }
            _ => load.opaque = true,
        }
    }
}

impl Visit for Finder {
    fn visit_import_decl(&mut self, import: &ImportDecl) {
        let Some(module) = string_of(&import.src) else {
            return;
        };
        if classify(&module).is_none() {
            return;
        }
        let mut load = Load {
            literal: import.src.span,
            at: import.span,
            module,
            locals: Vec::new(),
            members: BTreeSet::new(),
            opaque: false,
        };
        for s in &import.specifiers {
            match s {
                ImportSpecifier::Default(d) => load.locals.push(d.local.sym.to_string()),
                ImportSpecifier::Namespace(n) => load.locals.push(n.local.sym.to_string()),
                ImportSpecifier::Named(n) => {
                    let name = match &n.imported {
                        Some(ModuleExportName::Ident(i)) => i.sym.to_string(),
                        Some(ModuleExportName::Str(s)) => string_of(s).unwrap_or_default(),
                        None => n.local.sym.to_string(),
                    };
                    // `import { default as _ }` binds the whole module.
                    if name == "default" {
                        load.locals.push(n.local.sym.to_string());
                    } else {
                        load.members.insert(name);
                    }
                }
            }
        }
        self.loads.push(load);
    }

    fn visit_var_declarator(&mut self, d: &VarDeclarator) {
        if let Some((module, literal)) = d.init.as_deref().and_then(lodash_require) {
            let mut load = Load {
                literal,
                at: d.span,
                module,
                locals: Vec::new(),
                members: BTreeSet::new(),
                opaque: false,
            };
            Finder::pattern(&mut load, &d.name);
            self.loads.push(load);
            return;
        }
        d.visit_children_with(self);
    }

    fn visit_member_expr(&mut self, m: &MemberExpr) {
        // `require("lodash").get`
        if let Some((module, literal)) = lodash_require(&m.obj) {
            let mut load = Load {
                literal,
                at: m.span,
                module,
                locals: Vec::new(),
                members: BTreeSet::new(),
                opaque: false,
            };
            match &m.prop {
                MemberProp::Ident(i) => {
                    load.members.insert(i.sym.to_string());
                }
                _ => load.opaque = true,
            }
            self.loads.push(load);
            return;
        }
        m.visit_children_with(self);
    }

    fn visit_call_expr(&mut self, call: &CallExpr) {
        // Any other `require("lodash")`: used as a value.
        let found = super::support::require_of(call).filter(|(m, _)| classify(m).is_some());
        if let Some((module, literal)) = found {
            let opaque = matches!(classify(&module), Some(Module::Whole));
            self.loads.push(Load {
                literal,
                at: call.span(),
                module,
                locals: Vec::new(),
                members: BTreeSet::new(),
                opaque,
            });
            return;
        }
        call.visit_children_with(self);
    }
}

struct Uses<'l> {
    locals: &'l [String],
    /// (local, member) for `local.member`.
    members: Vec<(String, String)>,
    /// Locals used other than as `local.member`.
    opaque: Vec<String>,
}

impl Visit for Uses<'_> {
    /// `const { get, set: put } = _` reads members, as `_.get` does (the shape an ES-module
    /// default import of a CommonJS package takes).
    fn visit_var_declarator(&mut self, d: &VarDeclarator) {
        if let (Pat::Object(pattern), Some(Expr::Ident(obj))) = (&d.name, d.init.as_deref()) {
            if self.locals.iter().any(|l| *l == *obj.sym) {
                let mut members = Vec::new();
                for prop in &pattern.props {
                    match prop {
                        ObjectPatProp::Assign(a) => members.push(a.key.id.sym.to_string()),
                        ObjectPatProp::KeyValue(KeyValuePatProp {
                            key: PropName::Ident(k),
                            ..
                        }) => members.push(k.sym.to_string()),
                        _ => {
                            members.clear();
                            break;
                        }
                    }
                }
                if members.len() == pattern.props.len() {
                    let local = obj.sym.to_string();
                    self.members.extend(members.into_iter().map(|m| (local.clone(), m)));
                    d.name.visit_with(self);
                    return;
                }
            }
        }
        d.visit_children_with(self);
    }

    fn visit_member_expr(&mut self, m: &MemberExpr) {
        if let (Expr::Ident(obj), MemberProp::Ident(prop)) = (m.obj.as_ref(), &m.prop) {
            if self.locals.iter().any(|l| *l == *obj.sym) {
                self.members.push((obj.sym.to_string(), prop.sym.to_string()));
                return;
            }
        }
        m.visit_children_with(self);
    }

    fn visit_expr(&mut self, e: &Expr) {
        if let Expr::Ident(i) = e {
            self.ident(i);
        }
        e.visit_children_with(self);
    }

    fn visit_prop(&mut self, p: &Prop) {
        if let Prop::Shorthand(i) = p {
            self.ident(i);
        }
        p.visit_children_with(self);
    }
}

impl Uses<'_> {
    fn ident(&mut self, i: &Ident) {
        if self.locals.iter().any(|l| *l == *i.sym) {
            self.opaque.push(i.sym.to_string());
        }
    }
}
