//! Code actions: each finding's own fix, and the whole migration of the file.
//!
//! - A `quickfix` per finding that has a fix, titled after the finding, applying exactly the
//!   edits of that fix (a `review` rewrite, or the marker of a `manual` finding).
//! - "Migrate this file to V2": every edit of the migration, markers included, as one workspace
//!   edit for the analysed version of the document. Its kind is `source.fixAll.faas-migrate`
//!   when the client asks for kinds (`source`, `source.fixAll`: a source action menu, fix all on
//!   save), and plain `source` when it asks for every action, so no menu lists it twice.
//! - On the hint "N edits would migrate this file to V2", the same migration as a `quickfix`,
//!   for clients whose light bulb lists only quick fixes.

use super::diagnostics::{self, RuleDocs};
use super::document;
use super::outcome::{Analysis, Outcome};
use crate::{AppliedEdit, Finding};
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, DocumentChanges, OneOf,
    OptionalVersionedTextDocumentIdentifier, TextDocumentEdit, TextEdit, Uri, WorkspaceEdit,
};
use std::collections::HashMap;

/// The kind of "Migrate this file to V2".
pub const FIX_ALL: &str = "source.fixAll.faas-migrate";

/// The title of the whole migration.
pub const MIGRATE_FILE: &str = "Migrate this file to V2";

/// How the client takes a workspace edit.
#[derive(Clone, Copy, Debug)]
pub enum EditSupport {
    /// `documentChanges`, with the document's version.
    Versioned,
    /// Only `changes`.
    Plain,
}

/// The code actions for the request's range.
pub fn code_actions(
    analysis: &Analysis,
    uri: &Uri,
    params: &CodeActionParams,
    docs: &RuleDocs,
    support: EditSupport,
) -> Vec<CodeActionOrCommand> {
    let Outcome::Migrated(m) = &analysis.outcome else {
        return Vec::new();
    };
    let only = params.context.only.as_ref();
    let wants = |kind: &str| {
        only.is_none_or(|only| {
            only.iter().any(|o| {
                let o = o.as_str();
                kind == o || kind.strip_prefix(o).is_some_and(|r| r.starts_with('.'))
            })
        })
    };
    let mut actions = Vec::new();
    if wants(CodeActionKind::QUICKFIX.as_str()) {
        for f in &m.findings {
            let Some(fix) = &f.fix else { continue };
            let diagnostic = diagnostics::finding(analysis, f, docs);
            if !diagnostics::touches(&diagnostic.range, &params.range) {
                continue;
            }
            actions.push(CodeAction {
                title: fix_title(f),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![diagnostic]),
                edit: Some(workspace_edit(analysis, uri, &fix.edits, support)),
                is_preferred: Some(!f.marker),
                ..CodeAction::default()
            });
        }
        if let Some(hint) = diagnostics::would_change(analysis, m) {
            if diagnostics::touches(&hint.range, &params.range) {
                actions.push(CodeAction {
                    title: format!("{MIGRATE_FILE} ({})", edits(m.edits.len())),
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![hint]),
                    edit: Some(workspace_edit(analysis, uri, &m.edits, support)),
                    ..CodeAction::default()
                });
            }
        }
    }
    if m.changed() {
        let kind = match only {
            None => Some(CodeActionKind::SOURCE),
            Some(_) if wants(FIX_ALL) => Some(CodeActionKind::from(FIX_ALL)),
            Some(_) => None,
        };
        if let Some(kind) = kind {
            actions.push(CodeAction {
                title: MIGRATE_FILE.into(),
                kind: Some(kind),
                edit: Some(workspace_edit(analysis, uri, &m.edits, support)),
                ..CodeAction::default()
            });
        }
    }
    actions
        .into_iter()
        .map(CodeActionOrCommand::CodeAction)
        .collect()
}

fn edits(n: usize) -> String {
    format!("{n} edit{}", if n == 1 { "" } else { "s" })
}

/// "Add a marker: …" for a `manual` finding's marker, "Apply rule: …" for a rewrite.
fn fix_title(f: &Finding) -> String {
    const MAX: usize = 100;
    let mut message = f.message.clone();
    if message.chars().count() > MAX {
        message = message.chars().take(MAX - 1).collect::<String>() + "…";
    }
    if f.marker {
        format!("Add a TODO(faas-migrate) marker: {message}")
    } else {
        format!("Apply {}: {message}", f.rule)
    }
}

/// Edits of the analysed text as one workspace edit.
pub fn workspace_edit(
    analysis: &Analysis,
    uri: &Uri,
    edits: &[AppliedEdit],
    support: EditSupport,
) -> WorkspaceEdit {
    let text_edits: Vec<TextEdit> = edits
        .iter()
        .map(|e| TextEdit {
            range: document::range(&analysis.text, &analysis.lines, e.range.clone()),
            new_text: e.text.clone(),
        })
        .collect();
    match support {
        EditSupport::Versioned => WorkspaceEdit {
            document_changes: Some(DocumentChanges::Edits(vec![TextDocumentEdit {
                text_document: OptionalVersionedTextDocumentIdentifier {
                    uri: uri.clone(),
                    version: Some(analysis.version),
                },
                edits: text_edits.into_iter().map(OneOf::Left).collect(),
            }])),
            ..WorkspaceEdit::default()
        },
        EditSupport::Plain => WorkspaceEdit {
            changes: Some(HashMap::from([(uri.clone(), text_edits)])),
            ..WorkspaceEdit::default()
        },
    }
}
