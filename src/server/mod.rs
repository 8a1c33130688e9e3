//! `faas-migrate server`: a Language Server Protocol server over stdio.
//!
//! The main loop keeps the open documents and the workspace settings and answers at once;
//! migrating happens on other threads ([`analysis`]). What it offers:
//!
//! - diagnostics for open JavaScript files and `lpf` project files, one per finding
//!   ([`diagnostics`]), published on open and, debounced, on change;
//! - code actions: each finding's fix, and "Migrate this file to V2" ([`actions`]);
//! - settings from the workspace's `faas-migrate.toml` ([`settings`]), reloaded when it changes;
//! - the command `faas-migrate.migrateWorkspace` ([`workspace`]).

mod actions;
mod analysis;
mod diagnostics;
mod document;
mod outcome;
mod settings;
mod uri;
mod workspace;

use crate::line_index::LineIndex;
use actions::EditSupport;
use analysis::{Analysis, Job, Outcome, Shared};
use document::Document;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::Notification as _;
use lsp_types::request::Request as _;
use lsp_types::{notification as note, request as req};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionProviderCapability, ExecuteCommandOptions,
    InitializeParams, MessageType, PositionEncodingKind, SaveOptions, ServerCapabilities,
    ServerInfo, ShowMessageParams, TextDocumentSyncCapability, TextDocumentSyncKind,
    TextDocumentSyncOptions, TextDocumentSyncSaveOptions, Uri,
};
use settings::Settings;
use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

const USAGE: &str = "\
Usage: faas-migrate server

Runs faas-migrate as a language server over stdin and stdout (JSON-RPC, Language Server
Protocol), for editors: diagnostics for V1 code, a quick fix per finding and \"Migrate this
file to V2\". Settings come from faas-migrate.toml at the workspace root. See README, Editors.";

/// Runs the server until the client says `exit`; the exit status is 0 after a `shutdown`.
pub fn run() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(2).collect();
    if args.iter().any(|a| a == "--help" || a == "-h") {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    // `--stdio` is what some clients add; anything else is a mistake.
    if let Some(other) = args.iter().find(|a| *a != "--stdio") {
        eprintln!("faas-migrate server: unexpected argument `{other}`\n\n{USAGE}");
        return ExitCode::from(2);
    }
    crate::panics::quiet_hook();
    let (connection, _io_threads) = Connection::stdio();
    // The I/O threads are not joined: analysis threads that are still winding down hold the
    // sender, and everything said before `exit` has been written.
    match serve(&connection) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("faas-migrate server: {message}");
            ExitCode::from(1)
        }
    }
}

fn serve(connection: &Connection) -> Result<ExitCode, String> {
    let (id, params) = connection.initialize_start().map_err(|e| e.to_string())?;
    let params: InitializeParams = serde_json::from_value(params).map_err(|e| e.to_string())?;
    let result = serde_json::json!({
        "capabilities": capabilities(),
        "serverInfo": ServerInfo {
            name: "faas-migrate".into(),
            version: Some(env!("CARGO_PKG_VERSION").into()),
        },
    });
    connection
        .initialize_finish(id, result)
        .map_err(|e| e.to_string())?;
    // `initialize_finish` has also read the client's `initialized`.
    let mut server = Server::new(connection, &params);
    server.watch_settings();
    server.main_loop(connection)
}

fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(PositionEncodingKind::UTF16),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                    include_text: Some(false),
                })),
                ..TextDocumentSyncOptions::default()
            },
        )),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![
                CodeActionKind::QUICKFIX,
                CodeActionKind::SOURCE,
                CodeActionKind::from(actions::FIX_ALL),
            ]),
            ..CodeActionOptions::default()
        })),
        execute_command_provider: Some(ExecuteCommandOptions {
            commands: vec![workspace::MIGRATE_WORKSPACE.into()],
            ..ExecuteCommandOptions::default()
        }),
        ..ServerCapabilities::default()
    }
}

struct Server {
    shared: Arc<Shared>,
    documents: HashMap<Uri, Document>,
    /// The settings of each workspace folder.
    workspaces: Vec<Arc<Settings>>,
    /// Whether the client watches files for us when asked.
    can_watch: bool,
    shutting_down: bool,
    next_request: i32,
}

impl Server {
    fn new(connection: &Connection, params: &InitializeParams) -> Server {
        let workspace = params.capabilities.workspace.as_ref();
        let versioned = workspace
            .and_then(|w| w.workspace_edit.as_ref())
            .and_then(|e| e.document_changes)
            .unwrap_or(false);
        let can_watch = workspace
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|w| w.dynamic_registration)
            .unwrap_or(false);
        let support = if versioned {
            EditSupport::Versioned
        } else {
            EditSupport::Plain
        };
        let shared = Shared::new(
            connection.sender.clone(),
            diagnostics::RuleDocs::write(),
            support,
        );
        let mut server = Server {
            shared: Arc::new(shared),
            documents: HashMap::new(),
            workspaces: Vec::new(),
            can_watch,
            shutting_down: false,
            next_request: 0,
        };
        server.load_settings(&roots(params));
        server
    }

    fn main_loop(&mut self, connection: &Connection) -> Result<ExitCode, String> {
        for message in &connection.receiver {
            match message {
                Message::Request(request) => {
                    if self.shutting_down {
                        self.shared.send(Response::new_err(
                            request.id,
                            ErrorCode::InvalidRequest as i32,
                            "the server is shutting down".into(),
                        ));
                    } else if request.method == req::Shutdown::METHOD {
                        self.shutting_down = true;
                        for doc in self.documents.values() {
                            doc.cancel.store(true, Ordering::Relaxed);
                        }
                        self.shared.shut_down();
                        self.shared.send(Response::new_ok(request.id, ()));
                    } else {
                        let id = request.id.clone();
                        let handled = catch_unwind(AssertUnwindSafe(|| self.request(request)));
                        if let Err(panic) = handled {
                            self.shared.send(Response::new_err(
                                id,
                                ErrorCode::InternalError as i32,
                                format!("internal error: {}", analysis::panic_message(&*panic)),
                            ));
                        }
                    }
                }
                Message::Notification(n) if n.method == note::Exit::METHOD => {
                    return Ok(if self.shutting_down {
                        ExitCode::SUCCESS
                    } else {
                        ExitCode::from(1)
                    });
                }
                Message::Notification(n) if !self.shutting_down => {
                    let method = n.method.clone();
                    if let Err(panic) = catch_unwind(AssertUnwindSafe(|| self.notification(n))) {
                        eprintln!(
                            "faas-migrate server: internal error handling {method}: {}",
                            analysis::panic_message(&*panic)
                        );
                    }
                }
                Message::Notification(_) | Message::Response(_) => {}
            }
        }
        // The client went away without `exit`.
        Ok(ExitCode::from(1))
    }

    fn request(&mut self, request: Request) {
        let id = request.id.clone();
        let result = match request.method.as_str() {
            req::CodeActionRequest::METHOD => {
                serde_json::from_value(request.params).map(|params| {
                    self.shared.code_actions(id.clone(), params);
                })
            }
            req::ExecuteCommand::METHOD => serde_json::from_value(request.params)
                .map(|params| self.execute_command(id.clone(), params)),
            _ => {
                self.shared.send(Response::new_err(
                    id,
                    ErrorCode::MethodNotFound as i32,
                    format!("unknown method {}", request.method),
                ));
                return;
            }
        };
        if let Err(e) = result {
            self.shared.send(Response::new_err(
                id,
                ErrorCode::InvalidParams as i32,
                e.to_string(),
            ));
        }
    }

    fn notification(&mut self, n: Notification) {
        let Notification { method, params } = n;
        match method.as_str() {
            note::DidOpenTextDocument::METHOD => {
                if let Ok(p) =
                    serde_json::from_value::<lsp_types::DidOpenTextDocumentParams>(params)
                {
                    let d = p.text_document;
                    let uri = d.uri.clone();
                    let doc = Document::new(d.uri, d.version, d.text, &d.language_id);
                    if let Some(old) = self.documents.insert(uri.clone(), doc) {
                        old.cancel.store(true, Ordering::Relaxed);
                    }
                    self.analyze(&uri, Duration::ZERO);
                }
            }
            note::DidChangeTextDocument::METHOD => {
                if let Ok(p) =
                    serde_json::from_value::<lsp_types::DidChangeTextDocumentParams>(params)
                {
                    let uri = p.text_document.uri;
                    if let Some(doc) = self.documents.get_mut(&uri) {
                        doc.change(p.text_document.version, p.content_changes);
                        self.analyze(&uri, analysis::DEBOUNCE);
                    }
                }
            }
            note::DidCloseTextDocument::METHOD => {
                if let Ok(p) =
                    serde_json::from_value::<lsp_types::DidCloseTextDocumentParams>(params)
                {
                    let uri = p.text_document.uri;
                    if let Some(doc) = self.documents.remove(&uri) {
                        doc.cancel.store(true, Ordering::Relaxed);
                    }
                    self.shared.close(&uri);
                }
            }
            note::DidSaveTextDocument::METHOD => {
                if let Ok(p) =
                    serde_json::from_value::<lsp_types::DidSaveTextDocumentParams>(params)
                {
                    let saved = uri::to_path(&p.text_document.uri);
                    if saved.is_some_and(|p| settings::is_settings_file(&p)) {
                        self.reload_settings();
                    }
                }
            }
            note::DidChangeWatchedFiles::METHOD => {
                if let Ok(p) =
                    serde_json::from_value::<lsp_types::DidChangeWatchedFilesParams>(params)
                {
                    let settings_changed = p.changes.iter().any(|c| {
                        uri::to_path(&c.uri).is_some_and(|p| settings::is_settings_file(&p))
                    });
                    if settings_changed {
                        self.reload_settings();
                    }
                }
            }
            note::DidChangeWorkspaceFolders::METHOD => {
                if let Ok(p) =
                    serde_json::from_value::<lsp_types::DidChangeWorkspaceFoldersParams>(params)
                {
                    let removed: Vec<PathBuf> = (p.event.removed.iter())
                        .filter_map(|f| uri::to_path(&f.uri))
                        .collect();
                    let mut roots: Vec<PathBuf> = (self.workspaces.iter())
                        .map(|s| s.root.clone())
                        .filter(|r| !removed.contains(r))
                        .collect();
                    roots.extend(p.event.added.iter().filter_map(|f| uri::to_path(&f.uri)));
                    self.load_settings(&roots);
                    self.reanalyze_all();
                }
            }
            _ => {}
        }
    }

    /// Starts the analysis of a document's current text, after `delay`.
    fn analyze(&mut self, uri: &Uri, delay: Duration) {
        let Some(doc) = self.documents.get_mut(uri) else {
            return;
        };
        doc.cancel.store(true, Ordering::Relaxed);
        doc.cancel = Arc::new(AtomicBool::new(false));
        let generation = self.shared.begin(uri);
        let settings = match (&doc.path, doc.on_disk) {
            (Some(path), true) => settings_for(&self.workspaces, path),
            _ => None,
        };
        let path = match &doc.path {
            Some(path) if !settings.as_ref().is_some_and(|s| s.excludes(path)) => path.clone(),
            _ => {
                let analysis = Analysis {
                    generation,
                    version: doc.version,
                    lines: LineIndex::new(""),
                    text: "".into(),
                    outcome: Outcome::Skipped,
                };
                self.shared.finish(analysis, uri);
                return;
            }
        };
        let mut options = settings.map_or_else(Default::default, |s| s.options.clone());
        options.cancel = Some(Arc::clone(&doc.cancel));
        let job = Job {
            uri: uri.clone(),
            generation,
            version: doc.version,
            text: Arc::clone(&doc.text),
            path,
            options,
            delay,
        };
        self.shared.spawn(job, Arc::clone(&doc.cancel));
    }

    fn reanalyze_all(&mut self) {
        let uris: Vec<Uri> = self.documents.keys().cloned().collect();
        for uri in uris {
            self.analyze(&uri, Duration::ZERO);
        }
    }

    fn load_settings(&mut self, roots: &[PathBuf]) {
        self.workspaces.clear();
        for root in roots {
            let (settings, problem) = Settings::load(root);
            if let Some(problem) = problem {
                self.shared.send(Notification::new(
                    note::ShowMessage::METHOD.into(),
                    ShowMessageParams {
                        typ: MessageType::WARNING,
                        message: problem,
                    },
                ));
            }
            self.workspaces.push(Arc::new(settings));
        }
    }

    fn reload_settings(&mut self) {
        let roots: Vec<PathBuf> = self.workspaces.iter().map(|s| s.root.clone()).collect();
        self.load_settings(&roots);
        self.reanalyze_all();
    }

    /// Asks the client to tell us when a settings file changes.
    fn watch_settings(&mut self) {
        if !self.can_watch {
            return;
        }
        self.next_request += 1;
        let registration = lsp_types::Registration {
            id: "faas-migrate-settings".into(),
            method: note::DidChangeWatchedFiles::METHOD.into(),
            register_options: Some(serde_json::json!({
                "watchers": [{ "globPattern": "**/{faas-migrate.toml,.faas-migrate.toml}" }],
            })),
        };
        self.shared.send(Request::new(
            RequestId::from(format!("faas-migrate-{}", self.next_request)),
            req::RegisterCapability::METHOD.into(),
            lsp_types::RegistrationParams {
                registrations: vec![registration],
            },
        ));
    }

    fn execute_command(&mut self, id: RequestId, params: lsp_types::ExecuteCommandParams) {
        if params.command != workspace::MIGRATE_WORKSPACE {
            self.shared.send(Response::new_err(
                id,
                ErrorCode::InvalidParams as i32,
                format!("unknown command {}", params.command),
            ));
            return;
        }
        let workspaces = self.workspaces.clone();
        let open: HashMap<PathBuf, Arc<str>> = (self.documents.values())
            .filter_map(|d| Some((uri::to_path(&d.uri)?, Arc::clone(&d.text))))
            .collect();
        let shared = Arc::clone(&self.shared);
        let started = std::thread::Builder::new()
            .name("faas-migrate-workspace".into())
            .stack_size(256 << 20)
            .spawn(move || {
                let summary = std::panic::catch_unwind(|| workspace::summarize(&workspaces, &open));
                shared.send(match summary {
                    Ok(summary) => Response::new_ok(id, summary),
                    Err(panic) => Response::new_err(
                        id,
                        ErrorCode::InternalError as i32,
                        format!("internal error: {}", analysis::panic_message(&*panic)),
                    ),
                });
            });
        if let Err(e) = started {
            eprintln!("faas-migrate server: cannot start a thread: {e}");
        }
    }
}

/// The workspace folders of the client.
fn roots(params: &InitializeParams) -> Vec<PathBuf> {
    let mut roots: Vec<PathBuf> = (params.workspace_folders.iter().flatten())
        .filter_map(|f| uri::to_path(&f.uri))
        .collect();
    if roots.is_empty() {
        #[allow(deprecated)]
        roots.extend(params.root_uri.as_ref().and_then(uri::to_path));
    }
    roots
}

/// The settings of the innermost workspace folder holding `path`.
fn settings_for(workspaces: &[Arc<Settings>], path: &Path) -> Option<Arc<Settings>> {
    workspaces
        .iter()
        .filter(|s| path.starts_with(&s.root))
        .max_by_key(|s| s.root.components().count())
        .cloned()
}
