//! Helpers several rules share: the toolbelt binding, top-level insertions in the file's style,
//! where `await` may stand, and which functions the handler can reach.

use super::Context;
use crate::parse::Parsed;
use std::collections::HashSet;
use std::ops::Range;
use swc_common::{Span, Spanned};
use swc_ecma_ast::*;
use swc_ecma_visit::{Visit, VisitWith};

/// Module names the toolbelt is imported or required from (V1 and V2).
pub const TOOLBELT_MODULES: [&str; 2] = ["lp-faas-toolbelt", "core-functions-toolbelt"];
/// The V2 toolbelt module.
pub const V2_TOOLBELT: &str = "core-functions-toolbelt";

/// The top-level statement that binds `Toolbelt` from the toolbelt module.
pub struct ToolbeltBinding {
    /// The local name (`Toolbelt`, or `TB` for `{ Toolbelt: TB }`).
    pub local: String,
    /// The whole statement.
    pub stmt: Range<usize>,
    /// Whether the statement is an `import` (anything placed after the imports may use it).
    pub import: bool,
}

/// The items at the top level of the file.
pub fn top_level(program: &Program) -> Vec<&ModuleItem> {
    match program {
        Program::Module(m) => m.body.iter().collect(),
        Program::Script(_) => Vec::new(),
    }
}

/// The statements at the top level of the file (module declarations left out).
pub fn top_statements(program: &Program) -> Vec<&Stmt> {
    match program {
        Program::Module(m) => m.body.iter().filter_map(|i| i.as_stmt()).collect(),
        Program::Script(s) => s.body.iter().collect(),
    }
}

/// `require("m")` with a string literal: the module name and the literal's span.
pub fn require_call(expr: &Expr) -> Option<(String, Span)> {
    require_of(expr.as_call()?)
}

/// [`require_call`] for a call expression.
pub fn require_of(call: &CallExpr) -> Option<(String, Span)> {
    crate::semantic::facts::require_literal(call)
}

/// The top-level binding of `Toolbelt`: `const { Toolbelt } = require("lp-faas-toolbelt")` or
/// `import { Toolbelt } from "core-functions-toolbelt"` (any quotes, renamed or not).
pub fn toolbelt_binding(cx: &Context) -> Option<ToolbeltBinding> {
    let from_import = top_level(&cx.parsed.program).into_iter().find_map(|item| {
        let ModuleItem::ModuleDecl(ModuleDecl::Import(import)) = item else {
            return None;
        };
        let module = import.src.value.as_atom()?;
        if !TOOLBELT_MODULES.contains(&&**module) || import.type_only {
            return None;
        }
        let toolbelt = Export::Named("Toolbelt".into());
        import
            .specifiers
            .iter()
            .find(|s| specifier_export(s) == toolbelt)
            .map(|s| ToolbeltBinding {
                local: s.local().sym.to_string(),
                stmt: cx.range(import.span),
                import: true,
            })
    });
    if from_import.is_some() {
        return from_import;
    }
    top_statements(&cx.parsed.program)
        .into_iter()
        .find_map(|stmt| {
            let Stmt::Decl(Decl::Var(var)) = stmt else {
                return None;
            };
            var.decls.iter().find_map(|d| {
                let init = d.init.as_deref()?;
                // `const Toolbelt = require("lp-faas-toolbelt").Toolbelt`
                if let (Pat::Ident(name), Expr::Member(m)) = (&d.name, init) {
                    let (module, _) = require_call(&m.obj)?;
                    let is_toolbelt = m.prop.as_ident().is_some_and(|p| &*p.sym == "Toolbelt");
                    return (TOOLBELT_MODULES.contains(&module.as_str()) && is_toolbelt).then(
                        || ToolbeltBinding {
                            local: name.id.sym.to_string(),
                            stmt: cx.range(var.span),
                            import: false,
                        },
                    );
                }
                let (module, _) = require_call(init)?;
                if !TOOLBELT_MODULES.contains(&module.as_str()) {
                    return None;
                }
                let Pat::Object(pattern) = &d.name else {
                    return None;
                };
                pattern
                    .props
                    .iter()
                    .find_map(|p| match p {
                        ObjectPatProp::Assign(a) if &*a.key.id.sym == "Toolbelt" => {
                            Some("Toolbelt".into())
                        }
                        ObjectPatProp::KeyValue(kv) => {
                            let key = match &kv.key {
                                PropName::Ident(i) => i.sym.to_string(),
                                PropName::Str(s) => s.value.as_atom()?.to_string(),
                                _ => return None,
                            };
                            let local = kv.value.as_ident()?.id.sym.to_string();
                            (key == "Toolbelt").then_some(local)
                        }
                        _ => None,
                    })
                    .map(|local| ToolbeltBinding {
                        local,
                        stmt: cx.range(var.span),
                        import: false,
                    })
            })
        })
}

/// The offset of the line end (the `\r\n` or `\n`, or the end of the text) of the line holding
/// `offset`.
pub fn line_end(source: &str, offset: usize) -> usize {
    match source[offset..].find('\n') {
        Some(i) if source[..offset + i].ends_with('\r') => offset + i - 1,
        Some(i) => offset + i,
        None => source.len(),
    }
}

/// The offset where the line holding `offset` starts.
pub fn line_start(source: &str, offset: usize) -> usize {
    source[..offset].rfind('\n').map_or(0, |i| i + 1)
}

/// The offset where the line after the one holding `offset` starts (the end of the text on the
/// last line).
pub fn next_line_start(source: &str, offset: usize) -> usize {
    source[offset..]
        .find('\n')
        .map_or(source.len(), |i| offset + i + 1)
}

/// Inserts top-level lines (without line ends) after the line that ends the statement binding
/// the toolbelt, or, when there is none, before the first statement.
pub fn insert_top_lines(cx: &mut Context, binding: Option<&ToolbeltBinding>, lines: &[String]) {
    let eol = cx.style.eol;
    match binding {
        Some(b) => {
            let at = line_end(cx.source, b.stmt.end);
            let indent = cx.indent_at(b.stmt.start).to_string();
            let text: String = lines.iter().map(|l| format!("{eol}{indent}{l}")).collect();
            cx.insert(at, text);
        }
        None => {
            let first = match &cx.parsed.program {
                Program::Module(m) => m.body.first().map(|i| i.span()),
                Program::Script(s) => s.body.first().map(|i| i.span()),
            };
            let at = first.map_or(0, |span| line_start(cx.source, cx.range(span).start));
            let text: String = lines.iter().map(|l| format!("{l}{eol}")).collect();
            cx.insert(at, text);
        }
    }
}

/// Every name bound anywhere in `node` (variables, functions, classes, parameters, imports).
pub fn bound_names<N: VisitWith<BoundNames>>(node: &N) -> HashSet<String> {
    let mut names = BoundNames(HashSet::new());
    node.visit_with(&mut names);
    names.0
}

/// The visitor behind [`bound_names`].
pub struct BoundNames(HashSet<String>);

impl Visit for BoundNames {
    fn visit_binding_ident(&mut self, b: &BindingIdent) {
        self.0.insert(b.id.sym.to_string());
    }
    fn visit_fn_decl(&mut self, f: &FnDecl) {
        self.0.insert(f.ident.sym.to_string());
        f.visit_children_with(self);
    }
    fn visit_class_decl(&mut self, c: &ClassDecl) {
        self.0.insert(c.ident.sym.to_string());
        c.visit_children_with(self);
    }
    fn visit_import_named_specifier(&mut self, s: &ImportNamedSpecifier) {
        self.0.insert(s.local.sym.to_string());
    }
    fn visit_import_default_specifier(&mut self, s: &ImportDefaultSpecifier) {
        self.0.insert(s.local.sym.to_string());
    }
    fn visit_import_star_as_specifier(&mut self, s: &ImportStarAsSpecifier) {
        self.0.insert(s.local.sym.to_string());
    }
}

/// Where code runs: the functions of the file (and class field initializers), so a rule can
/// tell whether `await` may stand at an offset.
pub struct Scopes {
    scopes: Vec<Scope>,
}

struct Scope {
    /// The whole function.
    span: Range<usize>,
    /// The scope that holds this one.
    parent: Option<usize>,
    /// Its body (where `await` is allowed if it is async).
    body: Range<usize>,
    is_async: bool,
}

/// Where `await` may stand.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AwaitAt {
    /// Inside an async function's body.
    Allowed,
    /// At the top level of the file.
    ModuleLevel,
    /// Inside a function that is not async, its parameters, or a class field.
    SyncFunction,
}

impl Scopes {
    pub fn new(parsed: &Parsed) -> Scopes {
        struct Collector<'c> {
            cx: &'c Parsed,
            scopes: Vec<Scope>,
        }
        impl Visit for Collector<'_> {
            fn visit_function(&mut self, f: &Function) {
                if let Some(body) = &f.body {
                    self.scopes.push(Scope {
                        parent: None,
                        span: self.cx.range(f.span),
                        body: self.cx.range(body.span),
                        is_async: f.is_async,
                    });
                }
                f.visit_children_with(self);
            }
            fn visit_arrow_expr(&mut self, a: &ArrowExpr) {
                self.scopes.push(Scope {
                    parent: None,
                    span: self.cx.range(a.span),
                    body: self.cx.range(a.body.span()),
                    is_async: a.is_async,
                });
                a.visit_children_with(self);
            }
            fn visit_class_prop(&mut self, p: &ClassProp) {
                if let Some(value) = &p.value {
                    let range = self.cx.range(value.span());
                    self.scopes.push(Scope {
                        parent: None,
                        span: range.clone(),
                        body: range,
                        is_async: false,
                    });
                }
                p.visit_children_with(self);
            }
            fn visit_static_block(&mut self, b: &StaticBlock) {
                let range = self.cx.range(b.span);
                self.scopes.push(Scope {
                    parent: None,
                    span: range.clone(),
                    body: range,
                    is_async: false,
                });
                b.visit_children_with(self);
            }
        }
        let mut collector = Collector {
            cx: parsed,
            scopes: Vec::new(),
        };
        parsed.program.visit_with(&mut collector);
        let mut scopes = collector.scopes;
        let mut open: Vec<usize> = Vec::new();
        for i in 0..scopes.len() {
            while open
                .last()
                .is_some_and(|&o| scopes[o].span.end <= scopes[i].span.start)
            {
                open.pop();
            }
            scopes[i].parent = open.last().copied();
            open.push(i);
        }
        Scopes { scopes }
    }

    /// Whether `await` may stand at `offset`.
    pub fn await_at(&self, offset: usize) -> AwaitAt {
        match self.innermost(offset) {
            None => AwaitAt::ModuleLevel,
            Some(s) if s.is_async && s.body.start <= offset && offset < s.body.end => {
                AwaitAt::Allowed
            }
            Some(_) => AwaitAt::SyncFunction,
        }
    }

    /// The innermost scope holding `offset`: the last one starting at or before it (scopes are
    /// in the order the walk met them, so by start, and nest), or the nearest of its parents
    /// that holds it. Logarithmic plus the nesting depth, not linear in the file.
    fn innermost(&self, offset: usize) -> Option<&Scope> {
        let mut i = self
            .scopes
            .partition_point(|s| s.span.start <= offset)
            .checked_sub(1)?;
        loop {
            let scope = &self.scopes[i];
            if offset < scope.span.end {
                return Some(scope);
            }
            i = scope.parent?;
        }
    }

    /// The innermost function holding `offset`: its whole range.
    pub fn function_at(&self, offset: usize) -> Option<Range<usize>> {
        self.innermost(offset).map(|s| s.span.clone())
    }

    /// Whether `offset` is in the body (not the parameters) of the innermost function holding it.
    pub fn in_body(&self, offset: usize) -> bool {
        self.innermost(offset)
            .is_some_and(|s| s.body.start <= offset && offset < s.body.end)
    }
}

/// Deletes the marker `// TODO(faas-migrate): <message> [<rule>]` that an earlier run put above
/// the statement holding `offset`, now that the rule could rewrite the code below it.
pub fn remove_own_marker(cx: &mut Context, offset: usize, message: &str) {
    let marker = crate::finding::marker_text(cx.rule.name, message);
    let Some(stmt) = cx.statement_at(offset) else {
        return;
    };
    let block = format!("/* {marker} */ ");
    if cx.source[..stmt.start].ends_with(&block) {
        cx.replace(stmt.start - block.len()..stmt.start, "");
        return;
    }
    let mut end = line_start(cx.source, stmt.start);
    while end > 0 {
        let start = line_start(cx.source, end - 1);
        let line = cx.source[start..end].trim();
        if !line.starts_with("//") {
            return;
        }
        if line == format!("// {marker}") {
            cx.replace(start..end, "");
            return;
        }
        end = start;
    }
}

/// What an import binds: a module's default export, its namespace, or one of its exports.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Export {
    Default,
    Namespace,
    Named(String),
}

/// What an import specifier binds.
pub(crate) fn specifier_export(s: &ImportSpecifier) -> Export {
    match s {
        ImportSpecifier::Default(_) => Export::Default,
        ImportSpecifier::Namespace(_) => Export::Namespace,
        ImportSpecifier::Named(n) => Export::Named(match &n.imported {
            Some(ModuleExportName::Ident(i)) => i.sym.to_string(),
            Some(ModuleExportName::Str(s)) => s
                .value
                .as_atom()
                .map_or_else(String::new, |a| a.to_string()),
            None => n.local.sym.to_string(),
        }),
    }
}
