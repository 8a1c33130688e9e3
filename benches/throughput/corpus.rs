//! A deterministic generator of V1 `lpf` projects for the throughput benchmark and the robustness
//! tests.
//!
//! Its material is the project's own V1 code: the equivalence cases
//! (`tests/equivalence/cases/*/v1/index.js`) and the example functions
//! (`examples/functions/*/index.js`, with their `config.json`). Each generated function takes one
//! of them as its main file and varies it: declared names get a suffix (consistently, everywhere in
//! the file, except names used as shorthand properties, whose renaming would change a key), plain
//! string and number literals change, and two to five more sources are appended, each wrapped in one
//! or two extra levels of functions (`function helper_…() { … }`), until the file is about 3 KB.
//! One file in eight gets CRLF line endings. The same seed and count give the same bytes.
//!
//! Layout (an `lpf` project): `functions/<name>/index.js`, `functions/<name>/config.json` (an
//! example's `config.json` with the name replaced) and `functions/settings.json`.

// Shared by the benchmark and `tests/robustness/`, which each use part of it.
#![allow(dead_code)]

use faas_migrate::parse::{parse_program, Parsed};
use std::collections::HashSet;
use std::fs;
use std::io;
use std::ops::Range;
use std::path::{Path, PathBuf};
use swc_ecma_ast::{
    AssignPatProp, CallExpr, Callee, ClassDecl, Expr, FnDecl, FnExpr, Ident, Lit, MemberExpr,
    MemberProp, Number, Prop, PropName, Str,
};
use swc_ecma_visit::{Visit, VisitWith};

/// Names never renamed: the V1 platform's and JavaScript's own.
const KEEP: &[&str] = &[
    "lambda",
    "require",
    "module",
    "exports",
    "process",
    "console",
    "Toolbelt",
    "LpServices",
    "arguments",
    "undefined",
];

/// A small, fast, seedable generator (SplitMix64).
#[derive(Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
}

/// One V1 source the generator varies.
#[derive(Clone, Debug)]
pub struct Base {
    /// Where it comes from, e.g. `case/handler-switch` or `example/order-status`.
    pub name: String,
    pub source: String,
}

/// The V1 sources of the repository at `root`: the equivalence cases and the examples, sorted.
pub fn bases(root: &Path) -> io::Result<Vec<Base>> {
    let mut bases = Vec::new();
    let cases = root.join("tests/equivalence/cases");
    for dir in sorted_dirs(&cases)? {
        let file = dir.join("v1/index.js");
        if file.is_file() {
            bases.push(Base {
                name: format!("case/{}", file_name(&dir)),
                source: fs::read_to_string(&file)?,
            });
        }
    }
    for dir in sorted_dirs(&root.join("examples/functions"))? {
        let file = dir.join("index.js");
        if file.is_file() {
            bases.push(Base {
                name: format!("example/{}", file_name(&dir)),
                source: fs::read_to_string(&file)?,
            });
        }
    }
    // Only sources that parse: a varied file must be as valid as its material.
    bases.retain(|b| parse_program(&b.source).is_ok());
    Ok(bases)
}

/// The examples' `config.json` files, sorted.
pub fn configs(root: &Path) -> io::Result<Vec<String>> {
    let mut configs = Vec::new();
    for dir in sorted_dirs(&root.join("examples/functions"))? {
        let file = dir.join("config.json");
        if file.is_file() {
            configs.push(fs::read_to_string(file)?);
        }
    }
    Ok(configs)
}

fn sorted_dirs(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut dirs: Vec<PathBuf> = fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    Ok(dirs)
}

fn file_name(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}

/// What [`generate`] made.
#[derive(Debug, Default)]
pub struct Generated {
    /// Every `index.js`, in order.
    pub functions: Vec<PathBuf>,
    /// Every file written (index.js, config.json, settings.json).
    pub files: usize,
    pub bytes: u64,
}

/// Writes an `lpf` project of `count` functions under `out` (`out/functions/...`).
pub fn generate(root: &Path, out: &Path, count: usize, seed: u64) -> io::Result<Generated> {
    let bases = bases(root)?;
    let configs = configs(root)?;
    assert!(!bases.is_empty(), "no V1 sources under {}", root.display());
    let functions = out.join("functions");
    fs::create_dir_all(&functions)?;
    let mut generated = Generated::default();
    if let Ok(settings) = fs::read(root.join("examples/functions/settings.json")) {
        fs::write(functions.join("settings.json"), &settings)?;
        generated.files += 1;
        generated.bytes += settings.len() as u64;
    }
    for i in 0..count {
        let mut rng = Rng::new(seed ^ (i as u64).wrapping_mul(0xA24B_AED4_963E_E407));
        let (name, source) = function(&bases, i, &mut rng);
        let dir = functions.join(&name);
        fs::create_dir_all(&dir)?;
        let index = dir.join("index.js");
        fs::write(&index, &source)?;
        generated.bytes += source.len() as u64;
        generated.functions.push(index);
        if !configs.is_empty() {
            let config = config(&configs[rng.below(configs.len())], &name);
            fs::write(dir.join("config.json"), &config)?;
            generated.bytes += config.len() as u64;
            generated.files += 1;
        }
        generated.files += 1;
    }
    Ok(generated)
}

/// Function number `i`: its folder name and its `index.js`.
pub fn function(bases: &[Base], i: usize, rng: &mut Rng) -> (String, String) {
    let main = &bases[rng.below(bases.len())];
    let short = main.name.rsplit('/').next().unwrap_or("fn");
    let name = format!("fn-{i:06}-{short}");
    let mut source = format!("// {name}: generated from {}\n", main.name);
    source.push_str(&vary(&main.source, rng, false));
    let target = 2_000 + rng.below(1_000);
    let mut helpers = 0;
    // A strict file takes no helper written in sloppy-only syntax (a legacy octal): the result
    // would not be valid JavaScript at all.
    let strict = main.source.contains("\"use strict\"") || main.source.contains("'use strict'");
    while source.len() < target || helpers < 2 {
        let extra = &bases[rng.below(bases.len())];
        if strict && faas_migrate::parse::parse_module(&extra.source).is_err() {
            continue;
        }
        // A helper is not a second handler: its `lambda` is renamed like any other name.
        let body = vary(&extra.source, rng, true);
        let tag = format!("{i}_{helpers}");
        source.push('\n');
        if rng.below(3) == 0 {
            // Two levels: a helper inside a helper.
            source.push_str(&format!("function outer_{tag}() {{\n"));
            source.push_str(&format!("  function helper_{tag}() {{\n"));
            source.push_str(&indent(&body, "    "));
            source.push_str("  }\n");
            source.push_str(&format!("  return helper_{tag};\n}}\n"));
        } else {
            source.push_str(&format!("function helper_{tag}() {{\n"));
            source.push_str(&indent(&body, "  "));
            source.push_str("}\n");
        }
        helpers += 1;
        if helpers == 5 {
            break;
        }
    }
    if rng.below(8) == 0 {
        source = source.replace("\r\n", "\n").replace('\n', "\r\n");
    }
    (name, source)
}

/// An example's `config.json` with its `name` replaced.
pub fn config(example: &str, name: &str) -> String {
    let Some(at) = example.find("\"name\"") else {
        return example.to_string();
    };
    let value_start = at + example[at..].find(':').unwrap() + 1;
    let open = value_start + example[value_start..].find('"').unwrap();
    let close = open + 1 + example[open + 1..].find('"').unwrap();
    format!("{}\"{name}\"{}", &example[..open], &example[close + 1..])
}

fn indent(text: &str, by: &str) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    for line in text.split_inclusive('\n') {
        if line.trim().is_empty() {
            out.push_str(line);
        } else {
            out.push_str(by);
            out.push_str(line);
        }
    }
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// The source with its declared names suffixed and some literals changed (`lambda` too when
/// `rename_lambda`).
pub fn vary(source: &str, rng: &mut Rng, rename_lambda: bool) -> String {
    let Ok(parsed) = parse_program(source) else {
        return source.to_string();
    };
    let mut collect = Collect {
        parsed: &parsed,
        declared: HashSet::new(),
        shorthand: HashSet::new(),
        protected: Vec::new(),
    };
    parsed.program.visit_with(&mut collect);
    let Collect {
        declared,
        shorthand,
        protected,
        ..
    } = collect;
    let rename: HashSet<String> = declared
        .into_iter()
        .filter(|n| {
            (!shorthand.contains(n) && !KEEP.contains(&n.as_str()))
                || (rename_lambda && n == "lambda")
        })
        .collect();
    let suffix = format!("_{:x}", rng.next_u64() & 0xfff);
    let mut edits = Edits {
        parsed: &parsed,
        source,
        rename: &rename,
        protected: &protected,
        suffix: &suffix,
        rng,
        edits: Vec::new(),
    };
    parsed.program.visit_with(&mut edits);
    let mut list = edits.edits;
    list.sort_by_key(|(r, _)| r.start);
    let mut out = String::with_capacity(source.len() + list.len() * 6);
    let mut at = 0;
    for (range, text) in list {
        if range.start < at {
            continue;
        }
        out.push_str(&source[at..range.start]);
        out.push_str(&text);
        at = range.end;
    }
    out.push_str(&source[at..]);
    out
}

/// Declared names, names used as shorthand properties, and literals that must stay.
struct Collect<'a> {
    parsed: &'a Parsed,
    declared: HashSet<String>,
    shorthand: HashSet<String>,
    protected: Vec<Range<usize>>,
}

impl Visit for Collect<'_> {
    fn visit_binding_ident(&mut self, b: &swc_ecma_ast::BindingIdent) {
        self.declared.insert(b.id.sym.to_string());
    }

    fn visit_fn_decl(&mut self, f: &FnDecl) {
        self.declared.insert(f.ident.sym.to_string());
        f.visit_children_with(self);
    }

    fn visit_fn_expr(&mut self, f: &FnExpr) {
        if let Some(ident) = &f.ident {
            self.declared.insert(ident.sym.to_string());
        }
        f.visit_children_with(self);
    }

    fn visit_class_decl(&mut self, c: &ClassDecl) {
        self.declared.insert(c.ident.sym.to_string());
        c.visit_children_with(self);
    }

    fn visit_prop(&mut self, p: &Prop) {
        if let Prop::Shorthand(ident) = p {
            self.shorthand.insert(ident.sym.to_string());
        }
        p.visit_children_with(self);
    }

    fn visit_assign_pat_prop(&mut self, p: &AssignPatProp) {
        self.shorthand.insert(p.key.id.sym.to_string());
        p.visit_children_with(self);
    }

    fn visit_call_expr(&mut self, call: &CallExpr) {
        let is_require = matches!(&call.callee, Callee::Expr(e) if matches!(&**e, Expr::Ident(i) if i.sym == *"require"));
        if is_require || matches!(call.callee, Callee::Import(_)) {
            for arg in &call.args {
                self.protected
                    .push(self.parsed.range(swc_common::Spanned::span(&*arg.expr)));
            }
        }
        call.visit_children_with(self);
    }

    fn visit_member_expr(&mut self, m: &MemberExpr) {
        if let MemberProp::Computed(c) = &m.prop {
            if let Expr::Lit(_) = &*c.expr {
                self.protected
                    .push(self.parsed.range(swc_common::Spanned::span(&*c.expr)));
            }
        }
        m.visit_children_with(self);
    }

    fn visit_prop_name(&mut self, p: &PropName) {
        match p {
            PropName::Str(s) => self.protected.push(self.parsed.range(s.span)),
            PropName::Computed(c) => c.visit_with(self),
            _ => {}
        }
    }
}

struct Edits<'a, 'r> {
    parsed: &'a Parsed,
    source: &'a str,
    rename: &'a HashSet<String>,
    protected: &'a [Range<usize>],
    suffix: &'a str,
    rng: &'r mut Rng,
    edits: Vec<(Range<usize>, String)>,
}

impl Edits<'_, '_> {
    fn is_protected(&self, range: &Range<usize>) -> bool {
        self.protected
            .iter()
            .any(|p| p.start <= range.start && range.end <= p.end)
    }
}

impl Visit for Edits<'_, '_> {
    fn visit_ident(&mut self, ident: &Ident) {
        if self.rename.contains(ident.sym.as_ref()) {
            let range = self.parsed.range(ident.span);
            // An identifier written with escapes is left as it is.
            if &self.source[range.clone()] == ident.sym.as_ref() {
                let text = format!("{}{}", ident.sym, self.suffix);
                self.edits.push((range, text));
            }
        }
    }

    fn visit_prop_name(&mut self, p: &PropName) {
        // Keys stay; computed keys are expressions like any other.
        if let PropName::Computed(c) = p {
            c.visit_with(self);
        }
    }

    fn visit_str(&mut self, s: &Str) {
        let range = self.parsed.range(s.span);
        if self.is_protected(&range) || self.rng.below(2) == 0 {
            return;
        }
        let raw = &self.source[range.clone()];
        let inner = &raw[1..raw.len() - 1];
        let plain = inner.chars().any(|c| c.is_ascii_lowercase())
            && inner
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || " -:,.!?".contains(c))
            && !inner.contains("liveperson")
            && !inner.contains("use strict")
            && !inner.contains('.');
        if plain {
            let n = self.rng.below(1000);
            self.edits
                .push((range.end - 1..range.end - 1, format!("-{n}")));
        }
    }

    fn visit_lit(&mut self, lit: &Lit) {
        match lit {
            Lit::Num(Number { span, value, .. }) => {
                let range = self.parsed.range(*span);
                let raw = &self.source[range.clone()];
                if *value >= 10.0
                    && raw.bytes().all(|b| b.is_ascii_digit())
                    && !self.is_protected(&range)
                {
                    let n = *value as u64 + self.rng.below(100) as u64;
                    self.edits.push((range, n.to_string()));
                }
            }
            Lit::Str(s) => self.visit_str(s),
            _ => {}
        }
    }
}
