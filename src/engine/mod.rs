//! Migrating one file: the fix loop of [`driver`] (parse → rules → edits → apply → parse again,
//! until no rule has anything left to change) with JavaScript's passes (parse, resolve, analyse,
//! rules) here and a project file's JSON passes in [`project`]; then [`crate::verify`] checks the
//! result is an ES module Node would load, and the findings and edits are mapped to the input.

use crate::edit::AppliedEdit;
use crate::edit::{self, Edit};
use crate::finding::{marker_text, Finding, FixClass, MARKER_PREFIX};
use crate::line_index::LineIndex;
use crate::model::{Error, Migration, Options};
use crate::parse;
use crate::rules::Indexes;
use crate::rules::{Check, Context, PassFinding, RuleInfo};
use crate::semantic::facts::Facts;
use crate::semantic::{self, Semantic};
use crate::style::{FileStyle, Style};
use crate::verify;
use std::path::Path;

mod driver;
pub(crate) mod project;

const BOM: &str = "\u{feff}";

pub(crate) fn migrate(source: &str, path: &Path, options: &Options) -> Result<Migration, Error> {
    let (bom, text) = split_bom(source);
    let rules = applicable(options, text);

    let (current, composed, findings, passes) = if rules.is_empty() {
        // No rule has anything to do here, but a file that does not parse is still an error.
        if let Err(error) = parse::parse_program(text) {
            return Err(syntax_error(text, bom, error));
        }
        (text.to_string(), Vec::new(), Vec::new(), 0)
    } else {
        let mut js = JavaScript {
            bom,
            input: text,
            path,
            options,
            first_rules: Some(rules),
            style: std::cell::OnceCell::new(),
            findings: Vec::new(),
        };
        let settled = driver::run(&mut js, text, options)?;
        let mut findings = js.findings;
        let current = settled.current;
        findings.retain(|f| !f.marker || current.contains(&marker_text(f.rule, &f.message)));
        // The output must be an ES module that Node loads: its grammar and its names.
        if !settled.composed.is_empty() {
            let (parsed, resolution) = settled.last;
            let resolution = resolution.expect("every pass resolves its tree");
            if let Err(error) = verify::check_output(&current, parsed, &resolution) {
                return Err(
                    verify::not_a_module(text, &settled.composed, &current, &error)
                        .shifted(bom.len()),
                );
            }
        }
        (current, settled.composed, findings, settled.passes)
    };

    let input_lines = LineIndex::new(text);
    let output_lines = if composed.is_empty() {
        input_lines.clone()
    } else {
        LineIndex::new(&current)
    };
    let location_in_output = |offset: usize| output_lines.location(&current, offset);
    let offsets = edit::Offsets::new(&composed);
    let applied = |e: &Edit| AppliedEdit {
        rule: e.rule,
        start: input_lines.location(text, e.start),
        end: input_lines.location(text, e.end),
        range: bom.len() + e.start..bom.len() + e.end,
        text: e.text.clone(),
    };
    let mut findings: Vec<Finding> = findings
        .into_iter()
        .map(|f| Finding {
            fix: f.fix_edits.as_ref().map(|edits| crate::finding::Fix {
                rule: f.rule,
                edits: edits.iter().map(applied).collect(),
            }),
            rule: f.rule,
            class: f.class,
            location: input_lines.location(text, f.range.start),
            output_location: location_in_output(offsets.forward(f.range.start)),
            range: bom.len() + f.range.start..bom.len() + f.range.end,
            message: f.message,
            marker: f.marker,
        })
        .collect();
    findings.extend(leftover_markers(
        &current,
        &findings,
        (&input_lines, &output_lines),
        &composed,
        text,
        bom,
    ));
    Ok(finish(
        source,
        bom,
        &input_lines,
        &current,
        &composed,
        findings,
        passes,
    ))
}

/// The JavaScript rules whose cheap text test passes on `text`. Asked again every pass: one
/// rule's edit can give another something to do (an exported function becomes `lambda`).
fn applicable(options: &Options, text: &str) -> Vec<(&'static RuleInfo, JavaScriptCheck)> {
    options
        .rules
        .iter()
        .filter_map(|&rule| match rule.check {
            Check::JavaScript(check) if (rule.applies)(text) => Some((rule, check)),
            _ => None,
        })
        .collect()
}

fn syntax_error(text: &str, bom: &str, error: parse::SyntaxError) -> Error {
    Error::Syntax {
        location: LineIndex::new(text).location(text, error.offset),
        offset: bom.len() + error.offset,
        message: error.message,
    }
}

/// A JavaScript file in the fix loop: its passes parse, resolve and analyse the text once and
/// run the rules over that model; the findings are kept, mapped back to the input, across passes.
struct JavaScript<'o> {
    bom: &'static str,
    /// The text the first pass works on.
    input: &'o str,
    path: &'o Path,
    options: &'o Options,
    /// The rules of the first pass (already chosen on the input).
    first_rules: Option<Vec<(&'static RuleInfo, JavaScriptCheck)>>,
    /// The file's style, from the input, once a rule asks.
    style: std::cell::OnceCell<Style>,
    /// Findings with their range already mapped back to the input text.
    findings: Vec<PassFinding>,
}

impl driver::Passes for JavaScript<'_> {
    /// A pass's parse, and its resolution once the pass has analysed it.
    type Tree = (parse::Parsed, Option<semantic::Resolution>);
    type ParseError = parse::SyntaxError;

    fn parse(&mut self, text: &str) -> Result<Self::Tree, Self::ParseError> {
        parse::parse_program(text).map(|parsed| (parsed, None))
    }

    fn invalid_input(&self, input: &str, error: parse::SyntaxError) -> Error {
        syntax_error(input, self.bom, error)
    }

    fn broken(
        &self,
        input: &str,
        before: &str,
        edits: &[Edit],
        error: parse::SyntaxError,
    ) -> Error {
        verify::broken_by(input, before, edits, &error).shifted(self.bom.len())
    }

    fn pass(
        &mut self,
        current: &str,
        tree: &mut Self::Tree,
        composed: &[Edit],
    ) -> Result<Vec<Edit>, Error> {
        let rules = match self.first_rules.take() {
            Some(rules) => rules,
            None => applicable(self.options, current),
        };
        let (parsed, resolved) = tree;
        // One analysis per pass, shared by every rule.
        let resolution = semantic::resolve(&mut parsed.program);
        let parsed = &*parsed;
        let first = composed.is_empty().then_some(parsed);
        let style = FileStyle::new(&self.style, self.input, first);
        let model = Semantic::build(&parsed.program, resolution.marks);
        let facts = Facts::build(&parsed.program, &model, |span| parsed.range(span));
        let (edits, pass_findings) = run_rules(
            &rules,
            current,
            self.path,
            parsed,
            (&model, &facts),
            &style,
            self.options,
        )?;
        if first.is_some() && !edits.is_empty() {
            // Later passes see edited text: the style comes from the input's tree, now.
            let _ = &*style;
        }
        let edits = keep_findings(&mut self.findings, edits, pass_findings, composed);
        *resolved = Some(resolution);
        Ok(edits)
    }
}

/// Takes the fixes of a pass and keeps its findings in `findings`, mapped back to the input
/// (`composed`): a finding whose fix was deferred is dropped (its rule reports it again), and
/// each links to its fix when that fix stands alone on the input.
fn keep_findings(
    findings: &mut Vec<PassFinding>,
    edits: Vec<Edit>,
    pass_findings: Vec<PassFinding>,
    composed: &[Edit],
) -> Vec<Edit> {
    // The fixes findings link to, as their rules made them (selection keeps an edit another
    // rule made too only once), when they can stand alone on the input: a fix made on the input
    // itself, or a marker (a later pass's rewrite builds on the passes before it).
    let offsets = edit::Offsets::new(composed);
    let standalone = |f: &PassFinding| composed.is_empty() || f.marker;
    let linked: std::collections::HashSet<usize> = pass_findings
        .iter()
        .filter(|f| standalone(f))
        .filter_map(|f| f.fix)
        .collect();
    let mut requested: std::collections::HashMap<usize, Vec<Edit>> =
        std::collections::HashMap::new();
    for e in edits.iter().filter(|e| linked.contains(&e.fix)) {
        requested.entry(e.fix).or_default().push(e.clone());
    }
    let (edits, deferred) = edit::select_deferring(edits);
    // A `manual` finding without a marker stands only if the last pass still makes it: a later
    // pass may have fixed that code. Marked ones are checked against the output at the end;
    // `review` notes describe rewrites made along the way.
    findings.retain(|f| f.class != FixClass::Manual || f.marker);
    // A rule whose edit lost an overlap asks again next pass and reports that place again then:
    // drop what it said this pass about the place of that edit.
    let deferred_fixes: std::collections::HashSet<usize> = deferred.iter().map(|d| d.fix).collect();
    let pass_findings = pass_findings.into_iter().filter(|f| {
        !f.fix.is_some_and(|fix| deferred_fixes.contains(&fix))
            && !deferred
                .iter()
                .any(|d| d.rule == f.rule && d.start <= f.range.end && f.range.start <= d.end)
    });
    // What is already kept: a finding said again in a later pass is kept once.
    let mut seen: std::collections::HashSet<(&'static str, String, std::ops::Range<usize>)> =
        findings
            .iter()
            .map(|f| (f.rule, f.message.clone(), f.range.clone()))
            .collect();
    for mut finding in pass_findings {
        // The finding's fix, against the input.
        finding.fix_edits = finding.fix.and_then(|fix| {
            let mut own: Vec<&Edit> = requested.get(&fix)?.iter().collect();
            own.sort_by_key(|e| (e.start, e.end, e.start == e.end && !e.text.contains('\n')));
            own.into_iter().map(|e| offsets.back_to_input(e)).collect()
        });
        let start = offsets.back(finding.range.start);
        let end = offsets.back(finding.range.end).max(start);
        finding.range = start..end;
        if seen.insert((finding.rule, finding.message.clone(), finding.range.clone())) {
            findings.push(finding);
        }
    }
    edits
}

/// Splits a leading byte order mark off a source: rules and parsers see the text after it.
pub(crate) fn split_bom(source: &str) -> (&'static str, &str) {
    match source.strip_prefix(BOM) {
        Some(rest) => (BOM, rest),
        None => ("", source),
    }
}

/// The [`Migration`] of a file whose text after the byte order mark `bom` (indexed by
/// `input_lines`) became `current` through `composed` (edits against that text), its findings in
/// order of place.
pub(crate) fn finish(
    source: &str,
    bom: &str,
    input_lines: &LineIndex,
    current: &str,
    composed: &[Edit],
    mut findings: Vec<Finding>,
    passes: usize,
) -> Migration {
    findings.sort_by_key(|f| (f.range.start, f.rule));
    let text = &source[bom.len()..];
    let edits = composed
        .iter()
        .map(|e| AppliedEdit {
            rule: e.rule,
            start: input_lines.location(text, e.start),
            end: input_lines.location(text, e.end),
            range: bom.len() + e.start..bom.len() + e.end,
            text: e.text.clone(),
        })
        .collect();
    let output = if composed.is_empty() {
        source.to_string()
    } else {
        format!("{bom}{current}")
    };
    Migration {
        output,
        edits,
        findings,
        passes,
    }
}

type PassResult = (Vec<Edit>, Vec<PassFinding>);
type JavaScriptCheck = fn(&mut Context);

fn run_rules(
    rules: &[(&'static RuleInfo, JavaScriptCheck)],
    source: &str,
    path: &Path,
    parsed: &parse::Parsed,
    analysis: (&Semantic, &Facts),
    style: &FileStyle,
    options: &Options,
) -> Result<PassResult, Error> {
    let indexes = Indexes::default();
    let fixes = std::cell::Cell::new(0);
    let mut edits = Vec::new();
    let mut findings = Vec::new();
    // The rules that changed something in this pass.
    let mut edited: Vec<&'static str> = Vec::new();
    for &(rule, check) in rules {
        options.check_cancelled()?;
        // A rule waits for the rules it comes after: while one of them changes the file, it
        // would work on code that is about to move.
        if !edited.is_empty() && rule.comes_after().iter().any(|a| edited.contains(a)) {
            continue;
        }
        let before = edits.len();
        let mut cx = Context::new(
            source,
            path,
            parsed,
            analysis,
            style,
            rule,
            &indexes,
            &fixes,
            &mut edits,
            &mut findings,
        );
        guarded(rule, || check(&mut cx))?;
        for e in &edits[before..] {
            if !edited.contains(&e.rule) {
                edited.push(e.rule);
            }
        }
    }
    Ok((edits, findings))
}

/// Runs one rule; a panic in it becomes an internal error that names it.
pub(crate) fn guarded(rule: &'static RuleInfo, check: impl FnOnce()) -> Result<(), Error> {
    crate::panics::catch(|| {
        crate::panics::maybe_inject(rule.name);
        check()
    })
    .map_err(|panic| Error::Internal {
        rules: vec![rule.name],
        message: format!("the rule panicked: {panic}"),
    })
}

/// Markers in the output that no rule reported this time (the code below was fixed, or a rule
/// was not selected): each is still a `manual` finding until someone deletes it.
fn leftover_markers(
    output: &str,
    reported: &[Finding],
    (input_lines, output_lines): (&LineIndex, &LineIndex),
    composed: &[Edit],
    input: &str,
    bom: &str,
) -> Vec<Finding> {
    if !output.contains(MARKER_PREFIX) {
        return Vec::new();
    }
    let offsets = edit::Offsets::new(composed);
    let markers: std::collections::HashSet<(&str, &str)> = reported
        .iter()
        .filter(|f| f.marker)
        .map(|f| (f.rule, f.message.as_str()))
        .collect();
    let mut found = Vec::new();
    for (at, _) in output.match_indices(MARKER_PREFIX) {
        let line_end = output[at..].find('\n').map_or(output.len(), |i| at + i);
        let body = output[at + MARKER_PREFIX.len()..line_end].trim_end();
        let body = body.strip_suffix("*/").unwrap_or(body).trim();
        let (message, rule) = match body.rfind(" [") {
            Some(i) if body.ends_with(']') => (&body[..i], &body[i + 2..body.len() - 1]),
            _ => (body, ""),
        };
        if markers.contains(&(rule, message.trim())) {
            continue;
        }
        // Point at the comment itself, not at the words inside it.
        let line_start = output[..at].rfind('\n').map_or(0, |i| i + 1);
        let at = output[line_start..at]
            .rfind("//")
            .or_else(|| output[line_start..at].rfind("/*"))
            .map_or(at, |i| line_start + i);
        let input_at = offsets.back(at);
        found.push(Finding {
            rule: crate::rules::by_name(rule).map_or("marker", |r| r.name),
            class: FixClass::Manual,
            message: format!("marker left: {}", message.trim()),
            range: bom.len() + input_at
                ..bom.len() + input_at + (line_end - at).min(input.len() - input_at),
            location: input_lines.location(input, input_at),
            output_location: output_lines.location(output, at),
            marker: true,
            fix: None,
        });
    }
    found
}
