//! A small LSP client for the tests: Content-Length framing over the server's stdin and
//! stdout, and helpers to read and apply what it answers.

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// A safety net only: no test depends on how long anything takes.
const PATIENCE: Duration = Duration::from_secs(60);

pub const BIN: &str = env!("CARGO_BIN_EXE_faas-migrate");

pub struct Client {
    pub child: Child,
    pub stdin: Option<ChildStdin>,
    incoming: mpsc::Receiver<Value>,
    /// Messages read while waiting for something else.
    pub backlog: Vec<Value>,
    next_id: i64,
    /// Every message, both ways, for a failing test to show.
    log: Vec<String>,
}

impl Client {
    pub fn start(root: &Path, envs: &[(&str, &str)]) -> Client {
        let mut command = Command::new(BIN);
        command
            .arg("server")
            .current_dir(root)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit());
        for (k, v) in envs {
            command.env(k, v);
        }
        let mut child = command.spawn().expect("start faas-migrate server");
        let stdout = child.stdout.take().unwrap();
        let (tx, incoming) = mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(message) = read_message(&mut reader) {
                if tx.send(message).is_err() {
                    break;
                }
            }
        });
        let stdin = child.stdin.take();
        let mut client = Client {
            child,
            stdin,
            incoming,
            backlog: Vec::new(),
            next_id: 0,
            log: Vec::new(),
        };
        let root_uri = file_uri(root);
        let result = client.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": root_uri,
                "workspaceFolders": [{ "uri": root_uri, "name": "project" }],
                "capabilities": {
                    "workspace": {
                        "workspaceEdit": { "documentChanges": true },
                        "didChangeWatchedFiles": { "dynamicRegistration": true },
                    },
                    "textDocument": { "publishDiagnostics": { "versionSupport": true } },
                },
            }),
        );
        assert_eq!(result["serverInfo"]["name"], "faas-migrate");
        let caps = &result["capabilities"];
        assert_eq!(caps["textDocumentSync"]["change"], 2, "incremental sync");
        assert_eq!(
            caps["codeActionProvider"]["codeActionKinds"],
            json!(["quickfix", "source", "source.fixAll.faas-migrate"])
        );
        assert_eq!(
            caps["executeCommandProvider"]["commands"],
            json!(["faas-migrate.migrateWorkspace"])
        );
        client.notify("initialized", json!({}));
        client
    }

    pub fn send(&mut self, message: Value) {
        let body = message.to_string();
        self.log.push(format!("--> {body}"));
        let stdin = self.stdin.as_mut().expect("stdin open");
        write!(stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        stdin.flush().unwrap();
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    /// The next message from the server that `pick` accepts; the others wait in the backlog.
    pub fn wait_for(&mut self, what: &str, pick: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.backlog.iter().position(&pick) {
            return self.backlog.remove(i);
        }
        loop {
            let message = match self.incoming.recv_timeout(PATIENCE) {
                Ok(message) => message,
                Err(e) => panic!(
                    "no {what} from the server ({e}); the session so far:\n{}",
                    self.log.join("\n")
                ),
            };
            self.log.push(format!("<-- {message}"));
            // A request from the server (to watch the settings files): answer it.
            if message.get("method").is_some() && message.get("id").is_some() {
                let id = message["id"].clone();
                self.send(json!({ "jsonrpc": "2.0", "id": id, "result": null }));
            }
            if pick(&message) {
                return message;
            }
            self.backlog.push(message);
        }
    }

    /// The whole response to a request.
    pub fn call(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        self.wait_for(&format!("answer to {method}"), |m| {
            m["id"] == id && m.get("method").is_none()
        })
    }

    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let response = self.call(method, params);
        assert!(
            response.get("error").is_none(),
            "{method} failed: {response}"
        );
        response["result"].clone()
    }

    /// The diagnostics published for this version of a document (older ones are skipped).
    pub fn diagnostics(&mut self, uri: &str, version: i64) -> Vec<Value> {
        loop {
            let message = self.wait_for("diagnostics", |m| {
                m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
            });
            let params = &message["params"];
            let published = params["version"].as_i64().expect("a version");
            assert!(published <= version, "diagnostics of a newer version");
            if published == version {
                return params["diagnostics"].as_array().unwrap().clone();
            }
        }
    }

    pub fn open(&mut self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": {
                "uri": uri, "languageId": "javascript", "version": 1, "text": text,
            }}),
        );
    }

    pub fn change(&mut self, uri: &str, version: i64, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({
                "textDocument": { "uri": uri, "version": version },
                "contentChanges": [{ "text": text }],
            }),
        );
    }

    pub fn code_actions(&mut self, uri: &str, range: Value, only: Option<&[&str]>) -> Vec<Value> {
        let mut context = json!({ "diagnostics": [] });
        if let Some(only) = only {
            context["only"] = json!(only);
        }
        let result = self.request(
            "textDocument/codeAction",
            json!({ "textDocument": { "uri": uri }, "range": range, "context": context }),
        );
        result.as_array().unwrap().clone()
    }

    /// `shutdown`, `exit`, and the exit status.
    pub fn shut_down(mut self) -> std::process::ExitStatus {
        let result = self.call("shutdown", Value::Null);
        assert_eq!(result["result"], Value::Null, "{result}");
        assert!(result.get("error").is_none(), "{result}");
        self.notify("exit", Value::Null);
        drop(self.stdin.take());
        self.child.wait().unwrap()
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        if std::thread::panicking() {
            let _ = self.child.kill();
        }
    }
}

pub fn read_message(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(n) = line.strip_prefix("Content-Length: ") {
            length = n.parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

pub fn file_uri(path: &Path) -> String {
    let mut uri = String::from("file://");
    for byte in path.to_str().unwrap().bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                uri.push(byte as char)
            }
            _ => uri.push_str(&format!("%{byte:02X}")),
        }
    }
    uri
}

pub fn range(start: (u64, u64), end: (u64, u64)) -> Value {
    json!({
        "start": { "line": start.0, "character": start.1 },
        "end": { "line": end.0, "character": end.1 },
    })
}

/// The byte offset of an LSP position (UTF-16 columns) in `text`.
pub fn offset(text: &str, position: &Value) -> usize {
    let line = position["line"].as_u64().unwrap() as usize;
    let character = position["character"].as_u64().unwrap() as usize;
    let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
    let mut units = 0;
    for (i, c) in text[start..].char_indices() {
        if units == character {
            return start + i;
        }
        assert!(units < character, "a position inside a character");
        units += c.len_utf16();
    }
    assert_eq!(units, character, "a position past the end");
    text.len()
}

/// Applies the edits of a workspace edit for `uri` (document changes, in order, against the
/// text as it was), checking the version it is for.
pub fn apply(text: &str, edit: &Value, uri: &str, version: i64) -> String {
    let changes = edit["documentChanges"].as_array().expect("documentChanges");
    assert_eq!(changes.len(), 1, "{edit}");
    assert_eq!(changes[0]["textDocument"]["uri"], uri);
    assert_eq!(changes[0]["textDocument"]["version"], version);
    let edits = changes[0]["edits"].as_array().unwrap();
    let mut spans: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|e| {
            (
                offset(text, &e["range"]["start"]),
                offset(text, &e["range"]["end"]),
                e["newText"].as_str().unwrap(),
            )
        })
        .collect();
    // LSP: edits never overlap; inserts at one place apply in the order given.
    for pair in spans.windows(2) {
        assert!(pair[0].1 <= pair[1].0, "overlapping edits: {edit}");
    }
    let mut out = text.to_string();
    spans.reverse();
    for (start, end, new) in spans {
        out.replace_range(start..end, new);
    }
    out
}

/// What `faas-migrate --stdin-filename NAME` prints for `text`.
pub fn cli_output(text: &str, name: &str) -> String {
    let mut child = Command::new(BIN)
        .args(["--stdin-filename", name])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    String::from_utf8(out.stdout).unwrap()
}

/// A workspace with one function copied from `examples/functions/<name>/`.
pub fn workspace(name: &str) -> (tempfile::TempDir, PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    let function = dir.path().join("functions").join(name);
    std::fs::create_dir_all(&function).unwrap();
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/functions");
    for file in ["index.js", "config.json"] {
        std::fs::copy(examples.join(name).join(file), function.join(file)).unwrap();
    }
    let path = function.join("index.js");
    let text = std::fs::read_to_string(&path).unwrap();
    (dir, path, text)
}

pub fn summary(d: &Value) -> String {
    let r = &d["range"];
    format!(
        "{}:{}-{}:{} {} {} {}",
        r["start"]["line"],
        r["start"]["character"],
        r["end"]["line"],
        r["end"]["character"],
        d["severity"],
        d["code"].as_str().unwrap_or(""),
        d["message"].as_str().unwrap()
    )
}

pub fn find<'a>(actions: &'a [Value], title_starts: &str) -> &'a Value {
    actions
        .iter()
        .find(|a| a["title"].as_str().unwrap().starts_with(title_starts))
        .unwrap_or_else(|| panic!("no action `{title_starts}…` in {actions:#?}"))
}
