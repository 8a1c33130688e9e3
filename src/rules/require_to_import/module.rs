//! What a required module is: its V2 specifier and how Node's ES module loader imports it.

use crate::tables::{self, PackageKind};
use std::path::{Path, PathBuf};
use swc_ecma_ast::*;

/// How the whole module is imported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) enum Whole {
    /// `import m from "m"`: a CommonJS module's `module.exports`, a built-in module, JSON.
    Default,
    /// `import * as m from "m"`: an ES module.
    Namespace,
}

/// What a module is, for importing it.
#[derive(Clone, Debug)]
pub(super) struct Module {
    /// The specifier to import: the V2 name, a relative path with its extension.
    pub(super) spec: String,
    pub(super) whole: Whole,
    /// Whether its names can be imported by name.
    pub(super) named: bool,
    pub(super) json: bool,
    /// Node's built-in modules and the V2 toolbelt: always there, nothing happens when they load.
    pub(super) always_loads: bool,
    /// `review` findings to report where it is imported.
    pub(super) notes: Vec<String>,
}

pub(super) fn classify(spec: &str, path: &Path) -> Module {
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
