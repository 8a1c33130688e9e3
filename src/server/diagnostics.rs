//! A migration as diagnostics: one per finding, one for a file that cannot be migrated, and a
//! hint where the file would change without a finding saying so.

use super::document;
use super::outcome::{Analysis, Outcome};
use crate::{AppliedEdit, Error, Finding, FixClass, Migration};
use lsp_types::{
    CodeDescription, Diagnostic, DiagnosticSeverity, NumberOrString, Position, Range, Uri,
};
use std::collections::HashMap;

/// The `source` of every diagnostic.
pub const SOURCE: &str = "faas-migrate";

/// The `code` of the hint that the file would change.
pub const WOULD_CHANGE: &str = "would-migrate";

/// The diagnostics of an analysis.
pub fn diagnostics(analysis: &Analysis, docs: &RuleDocs) -> Vec<Diagnostic> {
    match &analysis.outcome {
        Outcome::Skipped => Vec::new(),
        Outcome::Migrated(m) => {
            let mut all: Vec<Diagnostic> = m
                .findings
                .iter()
                .map(|f| finding(analysis, f, docs))
                .collect();
            all.extend(would_change(analysis, m));
            all
        }
        Outcome::Failed(error) => failed(analysis, error).into_iter().collect(),
    }
}

/// The diagnostic of one finding.
pub fn finding(analysis: &Analysis, f: &Finding, docs: &RuleDocs) -> Diagnostic {
    Diagnostic {
        range: document::range(&analysis.text, &analysis.lines, f.range.clone()),
        severity: Some(match f.class {
            FixClass::Manual => DiagnosticSeverity::ERROR,
            FixClass::Review => DiagnosticSeverity::WARNING,
            FixClass::Auto => DiagnosticSeverity::INFORMATION,
        }),
        code: Some(NumberOrString::String(f.rule.to_string())),
        code_description: docs.link(f.rule),
        source: Some(SOURCE.into()),
        message: f.message.clone(),
        ..Diagnostic::default()
    }
}

/// Whether an edit of the migration is one a finding's own fix makes.
fn described(edit: &AppliedEdit, findings: &[Finding]) -> bool {
    findings.iter().filter_map(|f| f.fix.as_ref()).any(|fix| {
        fix.edits
            .iter()
            .any(|e| e.range == edit.range && e.text == edit.text)
    })
}

/// The hint that the file would change, at its first edit, when some change has no finding of
/// its own: "Migrate this file to V2" is offered there.
pub fn would_change(analysis: &Analysis, m: &Migration) -> Option<Diagnostic> {
    if !m.edits.iter().any(|e| !described(e, &m.findings)) {
        return None;
    }
    let first = m.edits.first()?;
    let n = m.edits.len();
    Some(Diagnostic {
        range: document::range(&analysis.text, &analysis.lines, first.range.clone()),
        severity: Some(DiagnosticSeverity::HINT),
        code: Some(NumberOrString::String(WOULD_CHANGE.into())),
        source: Some(SOURCE.into()),
        message: format!(
            "{n} edit{} would migrate this file to V2",
            if n == 1 { "" } else { "s" }
        ),
        ..Diagnostic::default()
    })
}

/// The one diagnostic of a file that cannot be migrated (none when the work was cancelled).
fn failed(analysis: &Analysis, error: &Error) -> Option<Diagnostic> {
    let text = &*analysis.text;
    let (range, severity) = match error {
        Error::Syntax { offset, .. } | Error::NotModule { offset, .. } => {
            let start = document::position(text, &analysis.lines, *offset);
            // The character at the error, unless it ends a line.
            let next = text
                .get(*offset..)
                .and_then(|rest| rest.chars().next())
                .filter(|c| *c != '\n' && *c != '\r')
                .map_or(0, char::len_utf8);
            let end = document::position(text, &analysis.lines, offset + next);
            (Range { start, end }, DiagnosticSeverity::ERROR)
        }
        Error::Unsupported { .. } => (Range::default(), DiagnosticSeverity::WARNING),
        Error::Internal { .. } => (Range::default(), DiagnosticSeverity::ERROR),
        Error::Cancelled => return None,
    };
    let code = match error {
        Error::Syntax { .. } => "syntax-error",
        Error::NotModule { .. } => "not-a-module",
        Error::Unsupported { .. } => "not-migrated",
        _ => "internal-error",
    };
    Some(Diagnostic {
        range,
        severity: Some(severity),
        code: Some(NumberOrString::String(code.into())),
        source: Some(SOURCE.into()),
        message: error.to_string(),
        ..Diagnostic::default()
    })
}

/// Whether two LSP ranges share a position (touching counts).
pub fn touches(a: &Range, b: &Range) -> bool {
    let le = |p: &Position, q: &Position| (p.line, p.character) <= (q.line, q.character);
    le(&a.start, &b.end) && le(&b.start, &a.end)
}

/// Each rule's documentation (what `faas-migrate --explain` prints) as a Markdown file the
/// diagnostics link to, in a folder of the server's own that goes when it exits.
pub struct RuleDocs {
    _dir: Option<tempfile::TempDir>,
    links: HashMap<&'static str, Uri>,
}

impl RuleDocs {
    pub fn write() -> RuleDocs {
        let mut links = HashMap::new();
        let dir = tempfile::Builder::new()
            .prefix("faas-migrate-rules-")
            .tempdir()
            .ok();
        if let Some(dir) = &dir {
            for rule in crate::rules::RULES {
                let path = dir.path().join(format!("{}.md", rule.name));
                let doc = format!(
                    "# {} ({})\n\n{}",
                    rule.name,
                    rule.class,
                    rule.doc().trim_end()
                );
                if std::fs::write(&path, doc + "\n").is_ok() {
                    if let Some(uri) = super::uri::from_path(&path) {
                        links.insert(rule.name, uri);
                    }
                }
            }
        }
        RuleDocs { _dir: dir, links }
    }

    pub fn link(&self, rule: &str) -> Option<CodeDescription> {
        self.links
            .get(rule)
            .map(|href| CodeDescription { href: href.clone() })
    }
}
