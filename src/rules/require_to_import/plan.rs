//! Deciding, for every `require`, the import it becomes, where it goes and what is removed.

use super::collect::{prepares_globals, Binding, Bound, DeclSite, Form, Site};
use super::module::{Module, Whole};
use super::naming::{base_name, is_identifier, RESERVED};
use crate::rules::importer::{quoted, specifier_export, Export, Importer, Joinable, NewImport};
use crate::finding::FixClass;
use crate::rules::{lone_token, support, Context};
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use swc_common::Spanned;
use swc_ecma_ast::*;

/// One declaration of a name: the module, the export, and the site (`None` for an import).
type Meaning = (String, Export, Option<usize>);

pub(super) struct Planner<'c, 'a> {
    cx: &'c mut Context<'a>,
    modules: &'c HashMap<String, Module>,
    /// Names bound at the top level to an export of a module: (module spec, export) → locals.
    providers: HashMap<(String, Export), Vec<String>>,
    /// Declarations that are at the top level or gone after this pass: a name declared only
    /// there can be used anywhere to mean the top-level binding.
    settled: HashSet<Range<usize>>,
    /// Names this pass adds.
    chosen: HashSet<String>,
    importer: Importer,
    removals: Vec<Range<usize>>,
    /// Top-level statements that become imports where they stand.
    in_place: Vec<Range<usize>>,
    /// Modules whose notes were reported.
    noted: HashSet<String>,
}

impl<'c, 'a> Planner<'c, 'a> {
    pub(super) fn new(cx: &'c mut Context<'a>, modules: &'c HashMap<String, Module>) -> Self {
        Planner {
            cx,
            modules,
            providers: HashMap::new(),
            settled: HashSet::new(),
            chosen: HashSet::new(),
            importer: Importer::new(),
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

    /// The comment lines right above a statement, which move with it: where the first starts
    /// and their text. `None` when a comment beside it cannot move with it (after it on its
    /// line, or a block comment over several lines above it).
    fn leading_comments(&self, stmt: Range<usize>) -> Option<(usize, Vec<String>)> {
        let source = self.cx.source;
        let line_end = source[stmt.end..].find('\n').map_or(source.len(), |i| stmt.end + i);
        if !source[stmt.end..line_end].trim().is_empty() {
            return None;
        }
        let mut start = support::line_start(source, stmt.start);
        let mut lines = Vec::new();
        while start > 0 {
            let above = support::line_start(source, start - 1);
            let line = source[above..start].trim();
            let whole = line.starts_with("//")
                || (line.len() >= 4
                    && line.starts_with("/*")
                    && line.ends_with("*/")
                    && !line[2..line.len() - 2].contains("*/"));
            if whole {
                lines.push(line.to_string());
                start = above;
            } else if line.ends_with("*/") {
                return None;
            } else {
                break;
            }
        }
        lines.reverse();
        Some((start, lines))
    }

    pub(super) fn run(mut self, sites: &[Site]) {
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
                    let export = specifier_export(specifier);
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
                    let joinable = match (&decl.binding, &decl.prop) {
                        (Binding::Object(bound), None) => bound.last().map(|b| Joinable {
                            spec: module.spec.clone(),
                            after_last: b.local_range.end,
                            line_start: crate::rules::support::line_start(self.cx.source, decl.stmt.start),
                        }),
                        _ => None,
                    };
                    self.importer.in_place(decl.stmt.clone(), joinable);
                    self.in_place(site, decl)
                }
                Form::Decl(decl) if by_name[i] => {
                    // Comments above the declaration move with it to its import.
                    let (start, mut comments) =
                        self.leading_comments(decl.stmt.clone()).unwrap_or((decl.stmt.start, Vec::new()));
                    self.removals.push(start..decl.stmt.end);
                    for (bound, export) in self.things(site).unwrap_or_default() {
                        if !top_names.contains(&bound.local)
                            && !self.importer.adds(&module.spec, &bound.local)
                        {
                            self.add_import_with(site, Some((export, bound.local)), std::mem::take(&mut comments));
                        }
                    }
                }
                Form::Decl(decl) => self.through_binding(site, decl),
                Form::SideEffect { stmt } if site.top => {
                    self.in_place.push(stmt.clone());
                    self.importer.in_place(stmt.clone(), None);
                    let text = self.import_source(site, false);
                    self.cx.replace(site.call.clone(), format!("import {text}"));
                }
                Form::SideEffect { stmt } => {
                    self.removals.push(stmt.clone());
                    if !self.importer.adds_module(&module.spec) {
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
        let importer = std::mem::take(&mut self.importer);
        importer.finish(self.cx);
    }

    /// Which declarations keep their names: at the top level they become an import in place, in
    /// a function they are removed and a top-level import binds the same names.
    ///
    /// Also returns the names such declarations bind that the top level already declares (by an
    /// import, or a top-level declaration of the same export): no import is added for those.
    fn by_name(&self, sites: &[Site]) -> (Vec<bool>, HashSet<String>) {
        // Every declaration of a name as an export of a module, by name.
        let semantic = self.cx.semantic;
        let mut meaning: HashMap<String, Vec<Meaning>> = HashMap::new();
        for (i, site) in sites.iter().enumerate() {
            let spec = &self.module(site).spec;
            for (bound, export) in self.things(site).unwrap_or_default() {
                if semantic.declares(&bound.local) {
                    meaning.entry(bound.local.clone()).or_default().push((spec.clone(), export, Some(i)));
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
            if semantic.declares(local) {
                meaning.entry(local.clone()).or_default().push((spec.clone(), export.clone(), None));
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
                    || self.leading_comments(decl.stmt.clone()).is_none()
                {
                    return false;
                }
                let spec = &self.module(site).spec;
                things.iter().all(|(bound, export)| {
                    let name = bound.local.as_str();
                    if decl.kind != VarDeclKind::Const && semantic.written_named(name) {
                        return false;
                    }
                    if site.top {
                        // Where it stands, the binding keeps its scope: it only must not clash
                        // with another top-level declaration.
                        return semantic
                            .bindings_named(name)
                            .filter(|b| b.ctxt == semantic.marks.top_level)
                            .map(|b| b.declarations.len())
                            .sum::<usize>()
                            == 1;
                    }
                    let Some(declarations) = meaning.get(name) else {
                        return false;
                    };
                    if declarations.len() != semantic.declarations_named(name)
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
                    semantic.references_named(name).all(|r| {
                        let r = self.cx.range(r.span);
                        scopes.iter().any(|s| s.start <= r.start && r.end <= s.end)
                    })
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
            let semantic = self.cx.semantic;
            semantic
                .bindings_named(local)
                .flat_map(|b| &b.declarations)
                .all(|span| self.settled.contains(&self.cx.range(*span)))
                .then(|| local.clone())
        })
    }

    fn free(&self, name: &str) -> bool {
        self.cx.name_free(&(0..self.cx.source.len()), name)
            && !self.chosen.contains(name)
            && !RESERVED.contains(&name)
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
        self.cx.claim_name(0..self.cx.source.len(), &name);
        self.chosen.insert(name.clone());
        name
    }

    fn add_import(&mut self, site: &Site, clause: Option<(Export, String)>) {
        self.add_import_with(site, clause, Vec::new());
    }

    /// [`Self::add_import`] with comment lines to keep above the import.
    fn add_import_with(&mut self, site: &Site, clause: Option<(Export, String)>, comments: Vec<String>) {
        let module = self.module(site);
        self.importer.add(NewImport {
            spec: module.spec.clone(),
            quote: site.quote,
            json: module.json,
            clause,
            comments,
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
}
