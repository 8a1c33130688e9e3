//! The early errors of an ES module that Node's loader reports and swc's parser does not.
//!
//! swc's parser checks the grammar (strict mode included) but not the names: it accepts
//! `import { A } from "m"; import { A } from "m";` and `const a = 1; const a = 2;`, which Node
//! refuses to load. This check runs swc's resolver (every identifier gets the syntax context of
//! its binding) and the critical rules of `swc_ecma_lints` over the module:
//!
//! - a name declared twice in one scope where one of the declarations is lexical (`let`,
//!   `const`, `class`, an import, a function at the top level of the module or in a block),
//!   a parameter listed twice;
//! - a name exported twice;
//! - an assignment to a `const` or to an import (Node throws a `TypeError` when it runs; no
//!   migration may produce one);
//!
//! and, in [`early`], what those rules miss: a name in `export { … }` the module does not
//! declare, a declaration exported twice, a `var` in a block that declares its name lexically.

use super::early::{self, Found};
use crate::parse::{self, Parsed, SyntaxError};
use crate::semantic::{self, Resolution};
use std::sync::{Arc, Mutex};
use swc_common::errors::{DiagnosticBuilder, Emitter, Handler, HANDLER};
use swc_common::{BytePos, SourceMap, GLOBALS};
use swc_ecma_ast::{EsVersion, Module, ModuleItem, Program};
use swc_ecma_lints::config::LintConfig;
use swc_ecma_lints::rule::Rule;
use swc_ecma_lints::rules::LintParams;

/// An early error of a module: where (a byte offset in the checked text) and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StrictError {
    /// Byte offset in the checked text.
    pub offset: usize,
    /// What strict mode rejects.
    pub message: String,
}

impl From<StrictError> for SyntaxError {
    fn from(error: StrictError) -> SyntaxError {
        SyntaxError {
            offset: error.offset,
            message: error.message,
        }
    }
}

/// Checks `parsed`, whose program swc's resolver has already run over (`resolution`), as an ES
/// module (a program parsed as a script, having no module syntax, is checked as a module all
/// the same). Call inside `GLOBALS.set(&resolution.globals, ..)`. Returns the first error in the
/// text.
pub(crate) fn strict_module(parsed: &Parsed, resolution: &Resolution) -> Result<(), StrictError> {
    let start = parsed.pos(0);
    let program = &parsed.program;
    let script_as_module;
    let module = match program {
        Program::Module(module) => module,
        Program::Script(script) => {
            script_as_module = Module {
                span: script.span,
                body: script.body.iter().cloned().map(ModuleItem::Stmt).collect(),
                shebang: script.shebang.clone(),
            };
            &script_as_module
        }
    };
    let mut errors = lint(program, resolution, |rules| rules.lint_module(module));
    errors.extend(early::errors(module, resolution.marks.unresolved));
    first(errors, start)
}

/// Parses `text` as an ES module, resolves it and checks it (swc's critical lints and the early
/// errors they miss, as Node reports them): the whole check a migrated file must pass. A parse
/// error and an early error both come back as a [`SyntaxError`].
pub fn check_module_text(text: &str) -> Result<(), SyntaxError> {
    let parsed = parse::parse_module_program(text)?;
    resolved(parsed, strict_module)
}

/// Resolves `parsed` in a `Globals` of its own and runs `check` on it.
pub(crate) fn resolved<T>(
    mut parsed: Parsed,
    check: impl FnOnce(&Parsed, &Resolution) -> Result<(), T>,
) -> Result<(), SyntaxError>
where
    SyntaxError: From<T>,
{
    let resolution = semantic::resolve(&mut parsed.program);
    GLOBALS.set(&resolution.globals, || {
        check(&parsed, &resolution).map_err(SyntaxError::from)
    })
}

/// The same rules over a V1 script as a script: top-level functions and `var`s may share names
/// there. Only used to tell an input that was wrong from the start from one that cannot become
/// a module. (swc's rules treat a block's function declarations as lexical even in sloppy code,
/// where two of one name in one block are allowed: such a script counts as wrong here.)
pub(crate) fn check_script_text(text: &str) -> Result<(), SyntaxError> {
    let parsed = parse::parse_program(text)?;
    resolved(parsed, |parsed, resolution| match &parsed.program {
        Program::Script(script) => {
            let errors = lint(&parsed.program, resolution, |rules| {
                rules.lint_script(script)
            });
            first(errors, parsed.pos(0))
        }
        Program::Module(_) => strict_module(parsed, resolution),
    })
}

/// Runs `swc_ecma_lints`' critical rules through `run`, collecting what they report.
fn lint(
    program: &Program,
    resolution: &Resolution,
    run: impl FnOnce(&mut Vec<Box<dyn Rule>>),
) -> Found {
    let config = LintConfig::default();
    let mut rules = swc_ecma_lints::rules::all(LintParams {
        program,
        lint_config: &config,
        unresolved_ctxt: resolution.marks.unresolved,
        top_level_ctxt: resolution.marks.top_level,
        es_version: EsVersion::latest(),
        source_map: Arc::new(SourceMap::default()),
    });
    let found = Collect::default();
    let handler = Handler::with_emitter(false, false, Box::new(found.clone()));
    HANDLER.set(&handler, || run(&mut rules));
    let errors = std::mem::take(&mut *found.0.lock().unwrap_or_else(|e| e.into_inner()));
    errors
}

fn first(errors: Found, start: BytePos) -> Result<(), StrictError> {
    match errors.into_iter().min_by_key(|(pos, _)| *pos) {
        None => Ok(()),
        Some((pos, message)) => Err(StrictError {
            offset: pos.0.saturating_sub(start.0) as usize,
            message,
        }),
    }
}

/// An emitter that keeps the position and message of every diagnostic.
#[derive(Clone, Default)]
struct Collect(Arc<Mutex<Found>>);

impl Emitter for Collect {
    fn emit(&mut self, db: &mut DiagnosticBuilder<'_>) {
        let pos = db.span.primary_span().map_or(BytePos(0), |span| span.lo);
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((pos, db.message()));
    }
}

#[cfg(test)]
#[path = "strict_tests.rs"]
mod tests;
