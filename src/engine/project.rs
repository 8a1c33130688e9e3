//! Project files in the fix loop of [`super::driver`], on JSON: [`json::parse`] validates the
//! text with `serde_json` and reads it into a tree with byte ranges → every enabled project rule
//! for this kind of file records edits and findings through a [`ProjectContext`] → the edits are
//! applied → the text is parsed again, until no rule changes anything. Re-parsing is also the
//! verification: a pass whose result `serde_json` refuses is an internal error naming the rules
//! whose edits did it, and the file is left unchanged.
//!
//! JSON has no comments, so a finding cannot leave a `// TODO` marker: findings are reported with
//! their exact line and column (`manual` ones make `--check` fail). They describe the input: they
//! come from the first pass. Their place in the output is taken from the last pass (the one that
//! changed nothing), where the same rule reported the same message, so after `--write` a finding
//! still points at its own line.

use crate::edit::{self, Edit};
use crate::finding::Finding;
use crate::line_index::LineIndex;
use crate::model::{Error, Migration, Options};
use crate::project::json::{self, Layout};
use crate::project::ProjectFile;
use crate::rules::{Check, PassFinding, ProjectContext, RuleInfo};
use crate::verify;
use std::collections::HashMap;

type ProjectCheck = fn(&mut ProjectContext);

/// Migrates one project file of the given kind.
pub(crate) fn migrate(
    source: &str,
    file: ProjectFile,
    options: &Options,
) -> Result<Migration, Error> {
    let (bom, text) = super::split_bom(source);
    let rules: Vec<(&'static RuleInfo, ProjectCheck)> = options
        .rules
        .iter()
        .filter_map(|&rule| match rule.check {
            Check::Project(kind, check) if kind == file && (rule.applies)(text) => {
                Some((rule, check))
            }
            _ => None,
        })
        .collect();

    let (current, composed, first, mut last, passes) = if rules.is_empty() {
        (text.to_string(), Vec::new(), None, Vec::new(), 0)
    } else {
        let mut json = Json {
            bom,
            rules,
            file,
            layout: Layout::detect(text),
            first: None,
            last: Vec::new(),
        };
        let settled = super::driver::run(&mut json, text, options)?;
        (
            settled.current,
            settled.composed,
            json.first,
            json.last,
            settled.passes,
        )
    };

    let input_lines = LineIndex::new(text);
    let output_lines = LineIndex::new(&current);
    let mut findings = first.unwrap_or_default();
    findings.sort_by_key(|f| f.range.start);
    last.sort_by_key(|f| f.range.start);
    let in_output = output_places(&findings, &last);
    let offsets = edit::Offsets::new(&composed);
    let findings: Vec<Finding> = findings
        .into_iter()
        .zip(in_output)
        .map(|(f, output_at)| {
            let output_at = output_at.unwrap_or_else(|| offsets.forward(f.range.start));
            Finding {
                rule: f.rule,
                class: f.class,
                location: input_lines.location(text, f.range.start),
                output_location: output_lines.location(&current, output_at),
                range: bom.len() + f.range.start..bom.len() + f.range.end,
                message: f.message,
                marker: false,
                fix: None,
            }
        })
        .collect();
    Ok(super::finish(
        source,
        bom,
        &input_lines,
        &current,
        &composed,
        findings,
        passes,
    ))
}

/// Where each first-pass finding (sorted by position) is in the output: the offset of the
/// finding with the same rule and message, in the same order, from the pass that changed
/// nothing. `None` when that pass reported a different number of them.
fn output_places(first: &[PassFinding], last: &[PassFinding]) -> Vec<Option<usize>> {
    let key = |f: &PassFinding| (f.rule, f.message.clone());
    let mut in_last: HashMap<(&str, String), Vec<usize>> = HashMap::new();
    for f in last {
        in_last.entry(key(f)).or_default().push(f.range.start);
    }
    let mut in_first: HashMap<(&str, String), usize> = HashMap::new();
    for f in first {
        *in_first.entry(key(f)).or_default() += 1;
    }
    let mut seen: HashMap<(&str, String), usize> = HashMap::new();
    first
        .iter()
        .map(|f| {
            let k = key(f);
            let n = seen.entry(k.clone()).or_default();
            let place = in_last
                .get(&k)
                .filter(|offsets| offsets.len() == in_first[&k])
                .map(|offsets| offsets[*n]);
            *n += 1;
            place
        })
        .collect()
}

/// A project file in the fix loop. Its findings describe the input: they come from the first
/// pass; the last pass (the one that changed nothing) says where they are in the output.
struct Json {
    bom: &'static str,
    rules: Vec<(&'static RuleInfo, ProjectCheck)>,
    file: ProjectFile,
    layout: Layout,
    first: Option<Vec<PassFinding>>,
    last: Vec<PassFinding>,
}

impl super::driver::Passes for Json {
    type Tree = json::Value;
    type ParseError = json::JsonError;

    fn parse(&mut self, text: &str) -> Result<json::Value, json::JsonError> {
        json::parse(text)
    }

    fn invalid_input(&self, _input: &str, error: json::JsonError) -> Error {
        Error::Syntax {
            message: format!("invalid JSON: {}", error.message),
            offset: self.bom.len() + error.offset,
            location: error.location,
        }
    }

    fn broken(&self, _input: &str, before: &str, edits: &[Edit], error: json::JsonError) -> Error {
        verify::not_json(before, edits, &error)
    }

    fn pass(
        &mut self,
        current: &str,
        root: &mut json::Value,
        _: &[Edit],
    ) -> Result<Vec<Edit>, Error> {
        let (edits, findings) = run_rules(&self.rules, current, root, self.file, &self.layout)?;
        if self.first.is_none() {
            self.first = Some(findings.clone());
        }
        self.last = findings;
        Ok(edit::select(edits))
    }
}

type PassResult = (Vec<Edit>, Vec<PassFinding>);

fn run_rules(
    rules: &[(&'static RuleInfo, ProjectCheck)],
    source: &str,
    root: &json::Value,
    file: ProjectFile,
    layout: &Layout,
) -> Result<PassResult, Error> {
    let mut edits = Vec::new();
    let mut findings = Vec::new();
    for &(rule, check) in rules {
        let mut cx =
            ProjectContext::new(source, root, file, layout, rule, &mut edits, &mut findings);
        super::guarded(rule, || check(&mut cx))?;
    }
    Ok((edits, findings))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn project_files_are_known_by_name() {
        assert_eq!(
            ProjectFile::of(Path::new("functions/a/config.json")),
            Some(ProjectFile::Config)
        );
        assert_eq!(
            ProjectFile::of(Path::new("settings.json")),
            Some(ProjectFile::Settings)
        );
        assert_eq!(ProjectFile::of(Path::new("package.json")), None);
        assert_eq!(ProjectFile::of(Path::new("config.js")), None);
    }

    #[test]
    fn invalid_json_is_a_located_syntax_error() {
        let error = migrate(
            "{\n  \"environmentVariables\": [,]\n}\n",
            ProjectFile::Config,
            &Options::default(),
        )
        .unwrap_err();
        assert_eq!(
            error.to_string(),
            "syntax error: invalid JSON: expected value"
        );
        assert_eq!(error.location().unwrap().line, 2);
    }

    fn finding(rule: &'static str, message: &str, at: usize) -> PassFinding {
        PassFinding {
            rule,
            class: crate::finding::FixClass::Manual,
            message: message.into(),
            range: at..at + 1,
            marker: false,
            fix: None,
            fix_edits: None,
        }
    }

    #[test]
    fn output_places_pair_findings_by_rule_message_and_order() {
        let first = [
            finding("a", "x", 10),
            finding("a", "x", 20),
            finding("a", "y", 30),
            finding("b", "z", 40),
        ];
        let last = [
            finding("a", "x", 5),
            finding("a", "x", 8),
            finding("a", "y", 9),
            finding("a", "y", 12),
        ];
        // `y` was reported twice at the end: no pairing; `z` not at all.
        assert_eq!(output_places(&first, &last), [Some(5), Some(8), None, None]);
    }

    fn breaks_the_json(cx: &mut ProjectContext) {
        let at = cx.root.range.start;
        cx.replace(at..at + 1, "[");
    }

    static BROKEN_RULE: RuleInfo = RuleInfo {
        name: "broken-rule",
        class: crate::finding::FixClass::Auto,
        summary: "",
        applies: |_| true,
        check: Check::Project(ProjectFile::Config, breaks_the_json),
        after: &[],
        source: "",
    };

    #[test]
    fn a_rule_that_breaks_the_json_is_named_and_nothing_changes() {
        let options = Options {
            rules: vec![&BROKEN_RULE],
            ..Options::default()
        };
        let error = migrate("{\n  \"a\": 1\n}\n", ProjectFile::Config, &options).unwrap_err();
        let Error::Internal { rules, message } = error else {
            panic!("{error:?}")
        };
        assert_eq!(rules, ["broken-rule"]);
        assert!(
            message.starts_with("the migrated file is not valid JSON"),
            "{message}"
        );
        // A rule for the other kind of project file does not run.
        assert!(migrate("{}", ProjectFile::Settings, &options).is_ok());
    }

    #[test]
    fn a_file_no_rule_can_touch_is_returned_as_it_is() {
        let text = "{ \"name\": \"x\" }";
        let m = migrate(text, ProjectFile::Config, &Options::default()).unwrap();
        assert_eq!(m.output, text);
        assert_eq!(m.passes, 0);
    }
}
