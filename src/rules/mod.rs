//! The rules, and what a rule sees while it runs.
//!
//! A rule is one file in this folder: a module doc comment with the sections `## What it does`,
//! `## Why V2 needs it`, `## Example` and `## Limits` (printed by `--explain`), a [`RuleInfo`]
//! constant named `INFO`, and a `check` function that walks the parsed file and records edits
//! and findings. Add the module to the `rules!` list below, and a folder of fixtures under
//! `snapshots/<rule-name>/`.
//!
//! A rule reads one kind of file, which its [`Check`] names: the function's JavaScript (it gets
//! a [`Context`] with the swc tree) or a project file, `config.json` or `settings.json` (it gets
//! a [`ProjectContext`] with the JSON tree). Project rules are named `config-*` and
//! `settings-*`.

use crate::edit::Edit;
use crate::finding::{marker_text, FixClass, IGNORE_DIRECTIVE};
use crate::parse::Parsed;
use crate::project::json::{self, Layout};
use crate::project::ProjectFile;
use crate::semantic::facts::Facts;
use crate::semantic::Semantic;
use std::cell::OnceCell;
use std::ops::Range;
use std::path::Path;
use swc_common::Span;
use swc_ecma_ast::{ModuleDecl, Stmt};
use swc_ecma_visit::{Visit, VisitWith};

macro_rules! rules {
    ($($module:ident),* $(,)?) => {
        $(mod $module;)*
        /// Every rule, in the order they run.
        pub static RULES: &[&RuleInfo] = &[$(&$module::INFO),*];
    };
}

rules![
    legacy_octal,
    require_to_import,
    module_exports,
    use_strict,
    esm_globals,
    env_rename,
    handler_callback,
    http_client_to_fetch,
    lp_client_json,
    csds_host,
    salesforce_client,
    context_service_client,
    secret_names,
    lodash,
    log_limits,
    blocking_call,
    unknown_toolbelt_api,
    implicit_globals,
    v1_residue,
    config_env,
    config_event,
    config_dependencies,
    settings_whitelist,
    settings_secrets,
];

mod importer;
mod precedence;
mod request;
mod support;
mod text;

pub use text::{lone_token, removal_edits, trivia_len};

/// A rule's identity and entry points.
pub struct RuleInfo {
    /// Kebab-case name, used by `--select`, `--ignore`, `--explain` and in markers.
    pub name: &'static str,
    /// How far its rewrite can be trusted.
    pub class: FixClass,
    /// One line for `--list-rules`.
    pub summary: &'static str,
    /// A cheap text test: `false` means the rule can have nothing to do in a file with this text.
    /// It must never say `false` for a file the rule would change or report.
    pub applies: fn(&str) -> bool,
    /// The kind of file the rule reads, and the function that walks it and records edits and
    /// findings.
    pub check: Check,
    /// Rules whose rewrites this rule must see first: in a pass where one of them changes
    /// something, this rule does not run (it runs on the next pass, on their result). Each one
    /// comes before this rule in [`RULES`]. The order is transitive: a rule also waits for the
    /// rules those come after ([`RuleInfo::comes_after`]).
    pub after: &'static [&'static str],
    /// The rule file's own source; its `//!` doc comment is the rule's documentation.
    pub source: &'static str,
}

/// What a rule reads, and its entry point.
#[derive(Clone, Copy)]
pub enum Check {
    /// The function's JavaScript source (`index.js`).
    JavaScript(fn(&mut Context)),
    /// A project file of this kind, as JSON.
    Project(ProjectFile, fn(&mut ProjectContext)),
}

impl RuleInfo {
    /// Every rule this one waits for: its [`RuleInfo::after`], and theirs in turn (looked up in
    /// [`RULES`]).
    pub fn comes_after(&self) -> Vec<&'static str> {
        let mut all: Vec<&'static str> = Vec::new();
        let mut todo: Vec<&'static str> = self.after.to_vec();
        while let Some(name) = todo.pop() {
            if !all.contains(&name) {
                all.push(name);
                todo.extend(by_name(name).map_or(&[][..], |r| r.after));
            }
        }
        all
    }

    /// The files the rule reads, for `--list-rules`: `*.js`, `config.json` or `settings.json`.
    pub fn reads(&self) -> &'static str {
        match self.check {
            Check::JavaScript(_) => "*.js",
            Check::Project(file, _) => file.file_name(),
        }
    }

    /// The rule's documentation: its module doc comment, as Markdown.
    pub fn doc(&self) -> String {
        let mut doc = String::new();
        for line in self.source.lines() {
            let Some(rest) = line.strip_prefix("//!") else {
                break;
            };
            doc.push_str(rest.strip_prefix(' ').unwrap_or(rest));
            doc.push('\n');
        }
        doc
    }
}

impl std::fmt::Debug for RuleInfo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name)
    }
}

/// Looks a rule up by name.
pub fn by_name(name: &str) -> Option<&'static RuleInfo> {
    RULES.iter().copied().find(|r| r.name == name)
}

pub use crate::style::{FileStyle, Style};

/// A finding as a rule records it during one pass: its range is in that pass's text.
#[derive(Clone, Debug)]
pub(crate) struct PassFinding {
    pub rule: &'static str,
    pub class: FixClass,
    pub message: String,
    pub range: Range<usize>,
    pub marker: bool,
    /// The fix this finding is about (its edits carry the same id), if any.
    pub fix: Option<usize>,
    /// That fix's edits against the input (filled by the engine).
    pub fix_edits: Option<Vec<Edit>>,
}

/// What a rule gets: the text and tree of the file for this pass, and a place to record edits
/// and findings.
pub struct Context<'a> {
    /// The text of the file for this pass.
    pub source: &'a str,
    /// What each identifier refers to (built once per pass, shared by every rule).
    pub semantic: &'a Semantic<'a>,
    /// The handler, the toolbelt and what the handler reaches (built once per pass).
    pub facts: &'a Facts,
    /// The file's path as given to [`crate::migrate`] (relative paths are relative to the working
    /// directory; the file need not exist, e.g. for stdin).
    pub path: &'a Path,
    /// `source` parsed: the tree and its comments.
    pub parsed: &'a Parsed,
    /// How the file writes code (quotes, semicolons, indentation, line ending), for inserted text.
    pub style: &'a FileStyle<'a>,
    pub(crate) rule: &'static RuleInfo,
    indexes: &'a Indexes,
    /// Whether the source holds an ignore directive at all, once asked.
    any_ignore_directive: OnceCell<bool>,
    /// The last fix id handed out in this pass (shared by the pass's rules).
    fixes: &'a std::cell::Cell<usize>,
    /// The fix the rule's edits go to now.
    fix: usize,
    pub(crate) edits: &'a mut Vec<Edit>,
    pub(crate) findings: &'a mut Vec<PassFinding>,
}

impl<'a> Context<'a> {
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn new(
        source: &'a str,
        path: &'a Path,
        parsed: &'a Parsed,
        (semantic, facts): (&'a Semantic<'a>, &'a Facts),
        style: &'a FileStyle<'a>,
        rule: &'static RuleInfo,
        indexes: &'a Indexes,
        fixes: &'a std::cell::Cell<usize>,
        edits: &'a mut Vec<Edit>,
        findings: &'a mut Vec<PassFinding>,
    ) -> Self {
        Context {
            source,
            semantic,
            facts,
            path,
            parsed,
            style,
            rule,
            indexes,
            any_ignore_directive: OnceCell::new(),
            fix: next_fix(fixes),
            fixes,
            edits,
            findings,
        }
    }

    /// Byte range of a span in [`Context::source`].
    pub fn range(&self, span: Span) -> Range<usize> {
        self.parsed.range(span)
    }

    /// The source text of a span.
    pub fn text(&self, span: Span) -> &'a str {
        &self.source[self.parsed.range(span)]
    }

    /// Replaces a byte range of the source (part of the current fix).
    pub fn replace(&mut self, range: Range<usize>, text: impl Into<String>) {
        let mut edit = Edit::replace(range, text, self.rule.name);
        edit.fix = self.fix;
        self.edits.push(edit);
    }

    /// Inserts text at a byte offset of the source (part of the current fix).
    pub fn insert(&mut self, at: usize, text: impl Into<String>) {
        self.replace(at..at, text);
    }

    /// Starts a new fix: the edits made from now on are applied together, independently of
    /// the edits made before. A rule's edits are one fix until it says otherwise: use this
    /// between changes that stand alone (each call site, each finding).
    pub fn new_fix(&mut self) {
        self.fix = next_fix(self.fixes);
    }

    /// Runs `f` with its edits in a fix of their own, then returns to the current fix.
    fn in_own_fix(&mut self, f: impl FnOnce(&mut Self)) -> usize {
        let saved = self.fix;
        self.fix = next_fix(self.fixes);
        let fix = self.fix;
        f(self);
        self.fix = saved;
        fix
    }

    /// Deletes whole statements (byte ranges), see [`removal_edits`].
    pub fn remove_statements(&mut self, statements: &[Range<usize>]) {
        for (range, text) in removal_edits(self.source, statements) {
            self.replace(range, text);
        }
    }

    /// The 1-based line number of `offset` in [`Context::source`] (for messages).
    pub fn line_number(&self, offset: usize) -> usize {
        self.source[..offset].matches('\n').count() + 1
    }

    /// The whitespace that starts the line holding `offset`.
    pub fn indent_at(&self, offset: usize) -> &'a str {
        let line = &self.source[support::line_start(self.source, offset)..];
        &line[..line.len() - line.trim_start_matches([' ', '\t']).len()]
    }

    /// The functions of the file, to tell where `await` may stand (built once per pass).
    pub fn scopes(&self) -> &'a support::Scopes {
        self.indexes
            .scopes
            .get_or_init(|| support::Scopes::new(self.parsed))
    }

    /// Whether a new binding `name`, declared in `scope` (a function's range, or the whole text
    /// for the top level), collides with nothing: the name stands nowhere in the scope (for the
    /// top level, nowhere in the file), and no fix of this pass declares it in a scope that
    /// overlaps. The one answer for every rule that declares a name of its own.
    pub(crate) fn name_free(&self, scope: &Range<usize>, name: &str) -> bool {
        let used = if scope.start == 0 && scope.end >= self.source.len() {
            self.semantic.mentions(name)
        } else {
            self.semantic.occurrences_named(name).any(|span| {
                let r = self.range(span);
                r.start >= scope.start && r.end <= scope.end
            })
        };
        !used && !self.name_claimed(scope, name)
    }

    /// The first of `candidates` that is [free](Self::name_free) in `scope`, claimed for the
    /// rest of the pass.
    pub(crate) fn fresh_name(
        &self,
        scope: Range<usize>,
        candidates: impl IntoIterator<Item = String>,
    ) -> Option<String> {
        let name = candidates.into_iter().find(|n| self.name_free(&scope, n))?;
        self.claim_name(scope, &name);
        Some(name)
    }

    /// Records that this pass's fix declares `name` in `function` (a range of the source).
    pub(crate) fn claim_name(&self, function: Range<usize>, name: &str) {
        self.indexes
            .claimed
            .borrow_mut()
            .push((function, name.to_string()));
    }

    /// Whether a fix of this pass (of any rule) declares `name` in a function that overlaps
    /// `function`.
    pub(crate) fn name_claimed(&self, function: &Range<usize>, name: &str) -> bool {
        self.indexes
            .claimed
            .borrow()
            .iter()
            .any(|(f, n)| n == name && f.start < function.end && function.start < f.end)
    }

    /// Reports a finding without a marker (e.g. a `review` note on a rewrite just made).
    pub fn report(&mut self, span: Span, class: FixClass, message: impl Into<String>) {
        let range = self.range(span);
        if self.ignored(range.start) {
            return;
        }
        self.findings.push(PassFinding {
            rule: self.rule.name,
            class,
            message: message.into(),
            range,
            marker: false,
            fix: Some(self.fix),
            fix_edits: None,
        });
    }

    /// Reports a `manual` finding whose marker the rule writes itself, as part of an edit (use
    /// `finding::marker_text`).
    pub fn manual_with_marker(&mut self, span: Span, message: impl Into<String>) {
        let range = self.range(span);
        self.findings.push(PassFinding {
            rule: self.rule.name,
            class: FixClass::Manual,
            message: message.into(),
            range,
            marker: true,
            fix: Some(self.fix),
            fix_edits: None,
        });
    }

    /// Reports a `manual` finding and puts a `// TODO(faas-migrate): <message> [<rule>]` marker on
    /// its own line above the statement that holds `span` (unless the same marker is already
    /// there: re-running never adds a second one).
    pub fn todo(&mut self, span: Span, message: impl Into<String>) {
        let message = message.into();
        debug_assert!(!message.contains('\n') && !message.contains("*/"));
        let range = self.range(span);
        if self.ignored(range.start) {
            return;
        }
        let marker = marker_text(self.rule.name, &message);
        // The marker is a fix of its own: it stands whatever happens to the rule's other edits.
        let fix = self.in_own_fix(|cx| match cx.statement_at(range.start) {
            Some(stmt) if cx.starts_line(stmt.start) => {
                let line_start = cx.line_start(stmt.start);
                if !cx
                    .comment_lines_above(line_start)
                    .any(|c| c == format!("// {marker}"))
                {
                    let text = format!("{}// {marker}{}", cx.indent_at(stmt.start), cx.style.eol);
                    cx.insert(line_start, text);
                }
            }
            Some(stmt) => {
                let block = format!("/* {marker} */ ");
                if !cx.source[..stmt.start].ends_with(&block) {
                    cx.insert(stmt.start, block);
                }
            }
            None => {}
        });
        self.findings.push(PassFinding {
            rule: self.rule.name,
            class: FixClass::Manual,
            message,
            range,
            marker: true,
            fix: Some(fix),
            fix_edits: None,
        });
    }

    fn line_start(&self, offset: usize) -> usize {
        support::line_start(self.source, offset)
    }

    fn starts_line(&self, offset: usize) -> bool {
        self.source[self.line_start(offset)..offset]
            .chars()
            .all(|c| c == ' ' || c == '\t')
    }

    /// Whether a marker (of any rule) already stands above the statement holding `offset`, or
    /// before it on its line.
    pub fn marked(&self, offset: usize) -> bool {
        let Some(stmt) = self.statement_at(offset) else {
            return false;
        };
        let line_start = self.line_start(stmt.start);
        let before = &self.source[line_start..stmt.start];
        before.contains(crate::finding::MARKER_PREFIX)
            || self
                .comment_lines_above(line_start)
                .any(|c| c.contains(crate::finding::MARKER_PREFIX))
    }

    /// The `//` comment lines directly above the line starting at `line_start`, nearest first,
    /// trimmed.
    fn comment_lines_above(&self, line_start: usize) -> impl Iterator<Item = &'a str> {
        let source = self.source;
        let mut end = line_start;
        std::iter::from_fn(move || {
            if end == 0 {
                return None;
            }
            let above = &source[..end - 1];
            let start = above.rfind('\n').map_or(0, |i| i + 1);
            let line = above[start..].trim();
            end = start;
            line.starts_with("//").then_some(line)
        })
    }

    /// Whether a `// faas-migrate-ignore` comment above the statement holding `offset` silences
    /// this rule.
    fn ignored(&self, offset: usize) -> bool {
        if !*self
            .any_ignore_directive
            .get_or_init(|| self.source.contains(IGNORE_DIRECTIVE))
        {
            return false;
        }
        let Some(stmt) = self.statement_at(offset) else {
            return false;
        };
        let rule = self.rule.name;
        let silences = |comment: &str| {
            let Some(rest) = comment
                .trim_start_matches('/')
                .trim()
                .strip_prefix(IGNORE_DIRECTIVE)
            else {
                return false;
            };
            match rest.trim().strip_prefix(':') {
                Some(list) => list.split([',', ' ']).any(|r| r.trim() == rule),
                None => rest.trim().is_empty(),
            }
        };
        // At the end of the line where the statement starts, or of the finding's own line.
        let trailing = |at: usize| {
            let line = &self.source[at..support::line_end(self.source, at)];
            line.rfind("//").is_some_and(|i| silences(&line[i..]))
        };
        self.comment_lines_above(self.line_start(stmt.start))
            .any(silences)
            || trailing(stmt.start)
            || trailing(offset)
    }

    /// The innermost statement that holds `offset` and starts its own line, or failing that the
    /// innermost statement that holds it.
    fn statement_at(&self, offset: usize) -> Option<Range<usize>> {
        let statements = self.indexes.statements.get_or_init(|| {
            let mut collector = StatementRanges {
                parsed: self.parsed,
                statements: Statements::default(),
                open: Vec::new(),
            };
            self.parsed.program.visit_with(&mut collector);
            collector.statements
        });
        let mut holding = statements.holding(offset);
        let innermost = holding.next()?;
        let on_own_line = std::iter::once(innermost)
            .chain(holding)
            .find(|r| self.starts_line(r.start));
        Some(on_own_line.unwrap_or(innermost).clone())
    }
}

/// Indexes of a pass's tree that some rules need, built at the first request and shared by the
/// pass's rules.
#[derive(Default)]
pub(crate) struct Indexes {
    statements: OnceCell<Statements>,
    scopes: OnceCell<support::Scopes>,
    /// Names the pass's fixes declare, with the function each goes in: two rules of one pass
    /// never pick the same fresh name for one scope.
    claimed: std::cell::RefCell<Vec<(Range<usize>, String)>>,
}

/// The statements of a pass's tree (module declarations too), in source order, each with the
/// innermost statement around it: finding the statements that hold an offset costs a binary
/// search and a walk out, not a scan of the file.
#[derive(Default)]
pub(crate) struct Statements {
    ranges: Vec<Range<usize>>,
    parents: Vec<Option<usize>>,
}

impl Statements {
    /// The statements holding `offset`, innermost first.
    fn holding(&self, offset: usize) -> impl Iterator<Item = &Range<usize>> {
        let holds = move |r: &Range<usize>| r.start <= offset && offset < r.end.max(r.start + 1);
        // Every statement holding `offset` starts at or before it and so is the last statement
        // starting there, or one around it.
        let mut at = self
            .ranges
            .partition_point(|r| r.start <= offset)
            .checked_sub(1);
        while let Some(i) = at {
            if holds(&self.ranges[i]) {
                break;
            }
            at = self.parents[i];
        }
        std::iter::successors(at, |&i| self.parents[i]).map(|i| &self.ranges[i])
    }
}

/// The next fix id of a pass (ids start at 1; 0 is an edit made outside any fix).
fn next_fix(fixes: &std::cell::Cell<usize>) -> usize {
    fixes.set(fixes.get() + 1);
    fixes.get()
}

/// What a project-file rule gets: the text and JSON tree of the file for this pass, and a place
/// to record edits and findings. JSON has no comments, so there are no markers: a finding that
/// needs a person is a `manual` finding at its exact place.
pub struct ProjectContext<'a> {
    /// The text of the file for this pass.
    pub source: &'a str,
    /// The document's top-level value.
    pub root: &'a json::Value,
    /// Which project file this is.
    pub file: ProjectFile,
    /// The file's line ending and indentation unit, for inserted text.
    pub layout: &'a Layout,
    pub(crate) rule: &'static RuleInfo,
    pub(crate) edits: &'a mut Vec<Edit>,
    pub(crate) findings: &'a mut Vec<PassFinding>,
}

impl<'a> ProjectContext<'a> {
    pub(crate) fn new(
        source: &'a str,
        root: &'a json::Value,
        file: ProjectFile,
        layout: &'a Layout,
        rule: &'static RuleInfo,
        edits: &'a mut Vec<Edit>,
        findings: &'a mut Vec<PassFinding>,
    ) -> Self {
        ProjectContext {
            source,
            root,
            file,
            layout,
            rule,
            edits,
            findings,
        }
    }

    /// The source text of a byte range.
    pub fn text(&self, range: Range<usize>) -> &'a str {
        &self.source[range]
    }

    /// Replaces a byte range of the source.
    pub fn replace(&mut self, range: Range<usize>, text: impl Into<String>) {
        self.edits.push(Edit::replace(range, text, self.rule.name));
    }

    /// Removes member `index` of `object`, with its comma, keeping the layout of the rest.
    pub fn remove_member(&mut self, object: &json::Value, index: usize) {
        let range = json::member_removal(self.source, object, index);
        self.replace(range, "");
    }

    /// The whitespace that starts the line holding `offset`.
    pub fn indent_at(&self, offset: usize) -> &'a str {
        json::indent_at(self.source, offset)
    }

    /// Reports a finding at a byte range (a `manual` one makes `--check` fail).
    pub fn report(&mut self, range: Range<usize>, class: FixClass, message: impl Into<String>) {
        self.findings.push(PassFinding {
            rule: self.rule.name,
            class,
            message: message.into(),
            range,
            marker: false,
            fix: None,
            fix_edits: None,
        });
    }
}

struct StatementRanges<'a> {
    parsed: &'a Parsed,
    statements: Statements,
    /// The statements being visited, outermost first.
    open: Vec<usize>,
}

impl StatementRanges<'_> {
    fn enter(&mut self, span: Span, visit: impl FnOnce(&mut Self)) {
        let i = self.statements.ranges.len();
        self.statements.ranges.push(self.parsed.range(span));
        self.statements.parents.push(self.open.last().copied());
        self.open.push(i);
        visit(self);
        self.open.pop();
    }
}

impl Visit for StatementRanges<'_> {
    fn visit_stmt(&mut self, stmt: &Stmt) {
        self.enter(swc_common::Spanned::span(stmt), |v| {
            stmt.visit_children_with(v)
        });
    }

    fn visit_module_decl(&mut self, decl: &ModuleDecl) {
        self.enter(swc_common::Spanned::span(decl), |v| {
            decl.visit_children_with(v)
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The statements holding an offset, innermost first, are those a scan of every statement
    /// finds.
    #[test]
    fn statements_holding_an_offset_match_a_scan() {
        let text = "import a from 'a';\nfunction f(x) {\n  if (x) { g(); h(); } else { for (;;) {} }\n  return () => { k(); };\n}\nlabel: while (1) break label;\nexport const y = 1;;\n";
        let parsed = crate::parse::parse_program(text).unwrap();
        let mut collector = StatementRanges {
            parsed: &parsed,
            statements: Statements::default(),
            open: Vec::new(),
        };
        parsed.program.visit_with(&mut collector);
        let statements = collector.statements;
        for offset in 0..=text.len() {
            let mut scan: Vec<&Range<usize>> = statements
                .ranges
                .iter()
                .filter(|r| r.start <= offset && offset < r.end.max(r.start + 1))
                .collect();
            scan.reverse();
            let found: Vec<&Range<usize>> = statements.holding(offset).collect();
            assert_eq!(found, scan, "offset {offset}");
        }
    }

    #[test]
    fn the_residue_net_comes_after_every_other_javascript_rule() {
        let after = by_name("v1-residue").unwrap().comes_after();
        for rule in RULES {
            if matches!(rule.check, Check::JavaScript(_)) && rule.name != "v1-residue" {
                assert!(
                    after.contains(&rule.name),
                    "v1-residue does not wait for {}",
                    rule.name
                );
            }
        }
        // A rule whose `after` rules wait for nothing waits for them alone.
        assert_eq!(
            by_name("csds-host").unwrap().comes_after(),
            ["require-to-import"]
        );
    }

    #[test]
    fn rules_come_after_earlier_rules_only() {
        for (i, rule) in RULES.iter().enumerate() {
            for after in rule.after {
                let at = RULES.iter().position(|r| r.name == *after);
                assert!(
                    at.is_some_and(|at| at < i),
                    "`{}` comes after `{after}`, which is not an earlier rule",
                    rule.name
                );
            }
        }
    }
}
