//! Migrating open documents off the main loop.
//!
//! Every change of a document starts a new *generation* of its analysis: the main loop records
//! it, sets the cancel flag of the one before (whose `migrate` then stops between passes or
//! rules) and starts a thread that waits a moment (changes arriving while one types supersede
//! each other before any work starts), migrates the text and, if its generation is still the
//! document's latest, keeps the result and publishes its diagnostics. A result that arrives late
//! is dropped, so diagnostics never go back to an older version. Code action requests for a
//! document whose latest analysis is not ready wait for it here, and are answered when it is.

use super::actions::{self, EditSupport};
use super::diagnostics::{self, RuleDocs};
pub use super::outcome::{Analysis, Outcome};
use crate::line_index::LineIndex;
use crate::{migrate, Error, Options};
use lsp_server::{ErrorCode, Message, Notification, RequestId, Response};
use lsp_types::{CodeActionParams, PublishDiagnosticsParams, Uri};
use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

/// How long a change waits for the next before its analysis starts.
pub const DEBOUNCE: Duration = Duration::from_millis(150);

/// Stack of an analysis thread: parsing and visiting recurse per level of nesting (the command
/// line's workers have the same). Only what is used is touched.
const STACK: usize = 256 << 20;

/// One piece of work: migrate this text of this document.
pub struct Job {
    pub uri: Uri,
    pub generation: u64,
    pub version: i32,
    pub text: Arc<str>,
    pub path: PathBuf,
    /// The rules, with the document's cancel flag.
    pub options: Options,
    pub delay: Duration,
}

/// A code action request waiting for the analysis of its document.
struct Parked {
    id: RequestId,
    params: CodeActionParams,
}

#[derive(Default)]
struct State {
    /// Each open document's latest generation.
    latest: HashMap<Uri, u64>,
    /// Each open document's latest analysis, once ready.
    results: HashMap<Uri, Arc<Analysis>>,
    parked: HashMap<Uri, Vec<Parked>>,
    next: u64,
    /// After `shutdown`: nothing more is published.
    closed: bool,
}

/// What the main loop and the analysis threads share.
pub struct Shared {
    state: Mutex<State>,
    sender: crossbeam_channel::Sender<Message>,
    docs: RuleDocs,
    edits: EditSupport,
}

impl Shared {
    pub fn new(
        sender: crossbeam_channel::Sender<Message>,
        docs: RuleDocs,
        edits: EditSupport,
    ) -> Shared {
        Shared {
            state: Mutex::default(),
            sender,
            docs,
            edits,
        }
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        // A panic while the lock was held leaves nothing half-changed that matters here.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn send(&self, message: impl Into<Message>) {
        let _ = self.sender.send(message.into());
    }

    /// Starts a new generation of a document's analysis: the older one's result, and the code
    /// action requests waiting for it, are obsolete.
    pub fn begin(&self, uri: &Uri) -> u64 {
        let mut state = self.lock();
        state.next += 1;
        let generation = state.next;
        state.latest.insert(uri.clone(), generation);
        for parked in state.parked.remove(uri).unwrap_or_default() {
            self.send(Response::new_err(
                parked.id,
                ErrorCode::ContentModified as i32,
                "the document changed".into(),
            ));
        }
        generation
    }

    /// Runs a job on a thread of its own.
    pub fn spawn(self: &Arc<Self>, job: Job, cancel: Arc<AtomicBool>) {
        let shared = Arc::clone(self);
        let started = std::thread::Builder::new()
            .name("faas-migrate-analysis".into())
            .stack_size(STACK)
            .spawn(move || shared.run(job, &cancel));
        if let Err(e) = started {
            eprintln!("faas-migrate server: cannot start an analysis thread: {e}");
        }
    }

    fn run(&self, job: Job, cancel: &AtomicBool) {
        if !job.delay.is_zero() {
            std::thread::sleep(job.delay);
        }
        if cancel.load(Ordering::Relaxed) {
            return;
        }
        // `migrate` turns a panic in a rule into an error; anything else that panics is caught
        // here, and the server goes on.
        let result = catch_unwind(AssertUnwindSafe(|| {
            migrate(&job.text, &job.path, &job.options)
        }))
        .unwrap_or_else(|panic| {
            Err(Error::Internal {
                rules: Vec::new(),
                message: format!("panicked: {}", panic_message(&*panic)),
            })
        });
        let outcome = match result {
            Err(Error::Cancelled) => return,
            Ok(m) => Outcome::Migrated(m),
            Err(e) => Outcome::Failed(e),
        };
        self.finish(
            Analysis {
                generation: job.generation,
                version: job.version,
                lines: LineIndex::new(&job.text),
                text: job.text,
                outcome,
            },
            &job.uri,
        );
    }

    /// Keeps an analysis and publishes its diagnostics, if it is still the document's latest;
    /// answers the code action requests that waited for it.
    pub fn finish(&self, analysis: Analysis, uri: &Uri) {
        let diagnostics = catch_unwind(AssertUnwindSafe(|| {
            diagnostics::diagnostics(&analysis, &self.docs)
        }))
        .unwrap_or_default();
        let mut state = self.lock();
        if state.closed || state.latest.get(uri) != Some(&analysis.generation) {
            return;
        }
        // Sent while the lock is held, so that no older generation can publish after it.
        self.send(Notification::new(
            "textDocument/publishDiagnostics".into(),
            PublishDiagnosticsParams {
                uri: uri.clone(),
                diagnostics,
                version: Some(analysis.version),
            },
        ));
        let analysis = Arc::new(analysis);
        state.results.insert(uri.clone(), Arc::clone(&analysis));
        for parked in state.parked.remove(uri).unwrap_or_default() {
            self.answer(parked.id, &analysis, uri, &parked.params);
        }
    }

    /// Answers a code action request now, or once the document's latest analysis is ready.
    pub fn code_actions(&self, id: RequestId, params: CodeActionParams) {
        let uri = params.text_document.uri.clone();
        let mut state = self.lock();
        let Some(&latest) = state.latest.get(&uri) else {
            drop(state);
            self.send(Response::new_ok(id, Vec::<()>::new()));
            return;
        };
        match state.results.get(&uri) {
            Some(analysis) if analysis.generation == latest => {
                let analysis = Arc::clone(analysis);
                drop(state);
                self.answer(id, &analysis, &uri, &params);
            }
            _ => state
                .parked
                .entry(uri)
                .or_default()
                .push(Parked { id, params }),
        }
    }

    fn answer(&self, id: RequestId, analysis: &Analysis, uri: &Uri, params: &CodeActionParams) {
        let response = catch_unwind(AssertUnwindSafe(|| {
            actions::code_actions(analysis, uri, params, &self.docs, self.edits)
        }))
        .map_or_else(
            |panic| {
                Response::new_err(
                    id.clone(),
                    ErrorCode::InternalError as i32,
                    format!("internal error: {}", panic_message(&*panic)),
                )
            },
            |actions| Response::new_ok(id.clone(), actions),
        );
        self.send(response);
    }

    /// Forgets a closed document and clears its diagnostics.
    pub fn close(&self, uri: &Uri) {
        let mut state = self.lock();
        state.latest.remove(uri);
        state.results.remove(uri);
        for parked in state.parked.remove(uri).unwrap_or_default() {
            self.send(Response::new_ok(parked.id, Vec::<()>::new()));
        }
        if !state.closed {
            self.send(Notification::new(
                "textDocument/publishDiagnostics".into(),
                PublishDiagnosticsParams {
                    uri: uri.clone(),
                    diagnostics: Vec::new(),
                    version: None,
                },
            ));
        }
    }

    /// After `shutdown`: publish nothing more; waiting requests get an empty answer.
    pub fn shut_down(&self) {
        let mut state = self.lock();
        state.closed = true;
        for (_, parked) in state.parked.drain() {
            for p in parked {
                self.send(Response::new_ok(p.id, Vec::<()>::new()));
            }
        }
    }
}

pub fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = panic.downcast_ref::<&str>() {
        s.to_string()
    } else if let Some(s) = panic.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic".into()
    }
}
