//! Which names hold a toolbelt HTTP client (`Toolbelt.HTTPClient()` or `Toolbelt.LpClient()`),
//! and every place such a name is used.
//!
//! This is a whole-file, name-based view (see [`super::super::names`]): a name is a client when
//! every declaration of it is a client, i.e. a variable initialised by the factory, or the parameter
//! of a local function that every call passes a client in that position.

use super::Kind;
use crate::parse::Parsed;
use crate::semantic::facts::Toolbelt;
use crate::semantic::Semantic;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use swc_common::Spanned;
use swc_ecma_ast::*;
use swc_ecma_visit::{Visit, VisitWith};

/// `const client = Toolbelt.HTTPClient();`
pub struct Declarator {
    pub name: String,
    /// The declarator (`client = Toolbelt.HTTPClient()`).
    pub range: Range<usize>,
    /// The whole `const …;` statement, and how many declarators it has.
    pub stmt: Range<usize>,
    pub declarators: usize,
}

/// A parameter that receives a client at every call of its function.
pub struct Param {
    pub name: String,
    /// The function's name.
    pub function: String,
    pub index: usize,
    pub range: Range<usize>,
    /// The ranges of all the function's parameters.
    pub all: Vec<Range<usize>>,
    /// Every call of the function: the ranges of its arguments.
    pub calls: Vec<Vec<Range<usize>>>,
}

/// `const { HTTPClient } = Toolbelt;` (the property, the pattern's properties, the statement).
pub struct FactoryBinding {
    pub local: String,
    pub prop: Range<usize>,
    pub props: Vec<Range<usize>>,
    pub stmt: Range<usize>,
}

pub struct Clients {
    /// Names that hold a client wherever they are declared.
    pub names: HashSet<String>,
    pub declarators: Vec<Declarator>,
    pub params: Vec<Param>,
    pub factory_bindings: Vec<FactoryBinding>,
}

impl Clients {
    pub fn find(parsed: &Parsed, semantic: &Semantic, toolbelt: &Toolbelt, kind: Kind) -> Clients {
        let factory = kind.factory();
        let mut found = Finder {
            parsed,
            toolbelt,
            factory,
            aliases: Vec::new(),
            declarators: Vec::new(),
            functions: Vec::new(),
            calls: HashMap::new(),
        };
        // Aliases of the factory first (`const { HTTPClient } = Toolbelt`), then everything else.
        parsed.program.visit_with(&mut AliasFinder(&mut found));
        parsed.program.visit_with(&mut found);

        let mut client_declarations: HashMap<String, usize> = HashMap::new();
        for d in &found.declarators {
            *client_declarations.entry(d.name.clone()).or_default() += 1;
        }
        let is_client = |name: &str, counts: &HashMap<String, usize>| {
            let n = semantic.declarations_named(name);
            n > 0 && counts.get(name) == Some(&n)
        };

        // Parameters that receive a client at every call: start from every parameter that every
        // call passes a name, and drop those that get a name that is not a client until nothing
        // changes (a parameter and the variable passed to it often share their name).
        let mut candidates: Vec<Param> = Vec::new();
        for f in &found.functions {
            if semantic.declarations_named(&f.name) != 1 {
                continue;
            }
            let Some(calls) = found.calls.get(&f.name) else {
                continue;
            };
            // Every use of the function is a direct call.
            if semantic.references_named(&f.name).count() != calls.len() {
                continue;
            }
            for (index, param) in f.params.iter().enumerate() {
                let Some((pname, prange)) = param else {
                    continue;
                };
                let passes_names = calls.iter().all(|c| {
                    c.args.get(index).is_some_and(|a| a.ident.is_some())
                        && c.args[..=index].iter().all(|a| !a.spread)
                });
                if passes_names {
                    candidates.push(Param {
                        name: pname.clone(),
                        function: f.name.clone(),
                        index,
                        range: prange.clone(),
                        all: f
                            .params
                            .iter()
                            .map(|p| p.as_ref().map_or(0..0, |p| p.1.clone()))
                            .collect(),
                        calls: calls
                            .iter()
                            .map(|c| c.args.iter().map(|a| a.range.clone()).collect())
                            .collect(),
                    });
                }
            }
        }
        let mut params = candidates;
        loop {
            let mut counts = client_declarations.clone();
            for p in &params {
                *counts.entry(p.name.clone()).or_default() += 1;
            }
            let clients: HashSet<String> = counts
                .keys()
                .filter(|n| is_client(n, &counts))
                .cloned()
                .collect();
            let before = params.len();
            params.retain(|p| {
                clients.contains(&p.name)
                    && found.calls[&p.function].iter().all(|c| {
                        c.args[p.index]
                            .ident
                            .as_ref()
                            .is_some_and(|n| clients.contains(n))
                    })
            });
            if params.len() == before {
                client_declarations = counts;
                break;
            }
        }
        let names_set: HashSet<String> = client_declarations
            .keys()
            .filter(|n| is_client(n, &client_declarations))
            .cloned()
            .collect();
        params.retain(|p| names_set.contains(&p.name));
        let declarators = found
            .declarators
            .into_iter()
            .filter(|d| names_set.contains(&d.name))
            .collect();
        Clients {
            names: names_set,
            declarators,
            params,
            factory_bindings: found.aliases,
        }
    }
}

struct FunctionInfo {
    name: String,
    /// Each parameter: its name and range when it is a plain identifier.
    params: Vec<Option<(String, Range<usize>)>>,
}

struct CallInfo {
    args: Vec<ArgInfo>,
}

struct ArgInfo {
    ident: Option<String>,
    spread: bool,
    range: Range<usize>,
}

struct Finder<'p> {
    parsed: &'p Parsed,
    toolbelt: &'p Toolbelt,
    factory: &'static str,
    aliases: Vec<FactoryBinding>,
    declarators: Vec<Declarator>,
    functions: Vec<FunctionInfo>,
    /// Direct calls `f(...)` by callee name.
    calls: HashMap<String, Vec<CallInfo>>,
}

impl Finder<'_> {
    /// `Toolbelt.HTTPClient()` or `HTTPClient()` through an alias.
    fn is_factory_call(&self, expr: &Expr) -> bool {
        let Some(call) = expr.as_call() else {
            return false;
        };
        let Some(callee) = call.callee.as_expr() else {
            return false;
        };
        if let Some(name) = self.toolbelt.member(callee) {
            return name == self.factory;
        }
        callee
            .as_ident()
            .is_some_and(|i| self.aliases.iter().any(|a| *a.local == *i.sym))
    }

    fn params_of(&self, params: &[&Pat]) -> Vec<Option<(String, Range<usize>)>> {
        params
            .iter()
            .map(|p| match p {
                Pat::Ident(b) => Some((b.id.sym.to_string(), self.parsed.range(b.span()))),
                _ => None,
            })
            .collect()
    }
}

struct AliasFinder<'f, 'p>(&'f mut Finder<'p>);

impl Visit for AliasFinder<'_, '_> {
    fn visit_var_decl(&mut self, var: &VarDecl) {
        for d in &var.decls {
            let (Pat::Object(pattern), Some(Expr::Ident(init))) = (&d.name, d.init.as_deref())
            else {
                continue;
            };
            if !self.0.toolbelt.is_object_ident(init) {
                continue;
            }
            let props: Vec<Range<usize>> = pattern
                .props
                .iter()
                .map(|p| self.0.parsed.range(p.span()))
                .collect();
            for (i, prop) in pattern.props.iter().enumerate() {
                let local = match prop {
                    ObjectPatProp::Assign(a)
                        if a.value.is_none() && *a.key.id.sym == *self.0.factory =>
                    {
                        Some(a.key.id.sym.to_string())
                    }
                    ObjectPatProp::KeyValue(kv) => match (&kv.key, kv.value.as_ref()) {
                        (PropName::Ident(k), Pat::Ident(v)) if *k.sym == *self.0.factory => {
                            Some(v.id.sym.to_string())
                        }
                        _ => None,
                    },
                    _ => None,
                };
                if let Some(local) = local {
                    self.0.aliases.push(FactoryBinding {
                        local,
                        prop: props[i].clone(),
                        props: props.clone(),
                        stmt: self.0.parsed.range(var.span),
                    });
                }
            }
        }
        var.visit_children_with(self);
    }
}

impl Visit for Finder<'_> {
    fn visit_var_decl(&mut self, var: &VarDecl) {
        for d in &var.decls {
            let (Pat::Ident(name), Some(init)) = (&d.name, d.init.as_deref()) else {
                continue;
            };
            if self.is_factory_call(init) {
                self.declarators.push(Declarator {
                    name: name.id.sym.to_string(),
                    range: self.parsed.range(d.span),
                    stmt: self.parsed.range(var.span),
                    declarators: var.decls.len(),
                });
            }
            match init {
                Expr::Fn(f) => {
                    let params: Vec<&Pat> = f.function.params.iter().map(|p| &p.pat).collect();
                    let params = self.params_of(&params);
                    self.functions.push(FunctionInfo {
                        name: name.id.sym.to_string(),
                        params,
                    });
                }
                Expr::Arrow(a) => {
                    let params: Vec<&Pat> = a.params.iter().collect();
                    let params = self.params_of(&params);
                    self.functions.push(FunctionInfo {
                        name: name.id.sym.to_string(),
                        params,
                    });
                }
                _ => {}
            }
        }
        var.visit_children_with(self);
    }

    fn visit_fn_decl(&mut self, f: &FnDecl) {
        let params: Vec<&Pat> = f.function.params.iter().map(|p| &p.pat).collect();
        let params = self.params_of(&params);
        self.functions.push(FunctionInfo {
            name: f.ident.sym.to_string(),
            params,
        });
        f.visit_children_with(self);
    }

    fn visit_call_expr(&mut self, call: &CallExpr) {
        if let Some(callee) = call.callee.as_expr().and_then(|c| c.as_ident()) {
            let args = call
                .args
                .iter()
                .map(|a| ArgInfo {
                    ident: a.expr.as_ident().map(|i| i.sym.to_string()),
                    spread: a.spread.is_some(),
                    range: self.parsed.range(a.span()),
                })
                .collect();
            self.calls
                .entry(callee.sym.to_string())
                .or_default()
                .push(CallInfo { args });
        }
        call.visit_children_with(self);
    }
}
