//! `faas-migrate server`: the real binary, spoken to over its stdin and stdout with JSON-RPC
//! (Content-Length framing), as an editor would.

#[path = "lsp/client.rs"]
mod client;

use client::*;
use serde_json::{json, Value};
use std::path::Path;

/// The V1 example `conversation-context`: diagnostics with their exact ranges, code actions,
/// the whole migration against the command line's, one quick fix, an edit that breaks the
/// syntax and the edit that repairs it, and a clean shutdown.
#[test]
fn a_session_on_an_example_function() {
    let (dir, path, text) = workspace("conversation-context");
    let uri = file_uri(&path);
    let mut client = Client::start(dir.path(), &[]);
    client.open(&uri, &text);

    let diagnostics = client.diagnostics(&uri, 1);
    let summaries: Vec<String> = diagnostics.iter().map(summary).collect();
    assert_eq!(
        summaries,
        [
            "5:15-5:30 1 unknown-toolbelt-api V2's toolbelt has no `Logger`: use `console.info` / `console.warn` / `console.error` (V2 keeps 10 logs per invocation)",
            "7:52-7:61 2 esm-globals `import.meta.dirname` and `import.meta.filename` need Node.js 20.11 or later; on an older runtime use `path.dirname(fileURLToPath(import.meta.url))` and `fileURLToPath(import.meta.url)`",
            "17:21-17:99 1 blocking-call `crypto.pbkdf2Sync` blocks the event loop, stalling every invocation batched into this instance: use `await util.promisify(crypto.pbkdf2)(...)`",
            "21:4-21:33 1 log-limits logging inside a loop: V2 keeps only 10 logs (16384 characters) per invocation; collect what matters and log once after the loop",
            "0:0-0:5 4 would-migrate 20 edits would migrate this file to V2",
        ]
    );
    for d in &diagnostics {
        assert_eq!(d["source"], "faas-migrate");
    }
    // The code links to the rule's documentation, as `--explain` prints it.
    let href = diagnostics[0]["codeDescription"]["href"].as_str().unwrap();
    assert!(href.ends_with("/unknown-toolbelt-api.md"), "{href}");
    let doc = std::fs::read_to_string(href.strip_prefix("file://").unwrap()).unwrap();
    assert!(
        doc.starts_with("# unknown-toolbelt-api (manual)\n\n"),
        "{doc}"
    );

    // Every action for the whole file: the findings' fixes, the migration on the hint, and the
    // migration as a source action.
    let everything = range((0, 0), (40, 0));
    let actions = client.code_actions(&uri, everything.clone(), None);
    let listed: Vec<String> = actions
        .iter()
        .map(|a| {
            format!(
                "{} {}",
                a["kind"].as_str().unwrap(),
                a["title"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(listed.len(), 6, "{listed:#?}");
    assert!(listed[0]
        .starts_with("quickfix Add a TODO(faas-migrate) marker: V2's toolbelt has no `Logger`"));
    assert!(listed[1].starts_with("quickfix Apply esm-globals: `import.meta.dirname`"));
    assert!(listed[2].starts_with("quickfix Add a TODO(faas-migrate) marker: `crypto.pbkdf2Sync`"));
    assert!(
        listed[3].starts_with("quickfix Add a TODO(faas-migrate) marker: logging inside a loop")
    );
    assert_eq!(listed[4], "quickfix Migrate this file to V2 (20 edits)");
    assert_eq!(listed[5], "source Migrate this file to V2");

    // The whole migration, as a fix-all: byte for byte what the command line makes.
    let cli = cli_output(&text, "index.js");
    assert_ne!(cli, text);
    for only in [
        &["source.fixAll"][..],
        &["source"],
        &["source.fixAll.faas-migrate"],
    ] {
        let actions = client.code_actions(&uri, range((3, 0), (3, 0)), Some(only));
        assert_eq!(actions.len(), 1, "{only:?}: {actions:#?}");
        assert_eq!(actions[0]["kind"], "source.fixAll.faas-migrate");
        assert_eq!(actions[0]["title"], "Migrate this file to V2");
        assert_eq!(apply(&text, &actions[0]["edit"], &uri, 1), cli);
    }
    assert_eq!(apply(&text, &actions[5]["edit"], &uri, 1), cli);
    assert_eq!(apply(&text, &actions[4]["edit"], &uri, 1), cli);
    let quick_only = client.code_actions(&uri, everything, Some(&["quickfix"]));
    assert_eq!(quick_only.len(), 5);

    // One finding's own fix, asked for where the cursor is.
    let at = client.code_actions(&uri, range((7, 55), (7, 55)), None);
    let fix = find(&at, "Apply esm-globals");
    assert_eq!(fix["isPreferred"], true);
    assert_eq!(fix["diagnostics"][0]["code"], "esm-globals");
    let edits = &fix["edit"]["documentChanges"][0]["edits"];
    assert_eq!(
        edits,
        &json!([{ "range": range((7, 52), (7, 61)), "newText": "import.meta.dirname" }])
    );
    assert_eq!(
        apply(&text, &fix["edit"], &uri, 1),
        text.replacen("__dirname", "import.meta.dirname", 1)
    );
    let marker = find(&at, "Migrate this file"); // the source action is offered everywhere
    assert_eq!(marker["kind"], "source");
    let marker = client.code_actions(&uri, range((21, 10), (21, 10)), Some(&["quickfix"]));
    assert_eq!(marker.len(), 1);
    assert_eq!(
        marker[0]["edit"]["documentChanges"][0]["edits"],
        json!([{
            "range": range((21, 0), (21, 0)),
            "newText": "    // TODO(faas-migrate): logging inside a loop: V2 keeps only 10 logs (16384 characters) per invocation; collect what matters and log once after the loop [log-limits]\n",
        }])
    );

    // An edit that breaks the syntax (incremental: `conversationId` deleted), then its undo.
    let line = text.lines().nth(15).unwrap();
    assert_eq!(line, "  const sessionId = input.payload.conversationId;");
    let column = line.find("conversationId").unwrap() as u64;
    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": { "uri": uri, "version": 2 },
            "contentChanges": [{ "range": range((15, column), (15, column + 14)), "text": "" }],
        }),
    );
    let broken = client.diagnostics(&uri, 2);
    assert_eq!(broken.len(), 1, "{broken:#?}");
    assert_eq!(
        summary(&broken[0]),
        format!(
            "15:{column}-15:{} 1 syntax-error syntax error: Expected ident",
            column + 1
        )
    );
    assert!(client
        .code_actions(&uri, range((0, 0), (40, 0)), None)
        .is_empty());
    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": { "uri": uri, "version": 3 },
            "contentChanges": [{ "range": range((15, column), (15, column)), "text": "conversationId" }],
        }),
    );
    // Asked for at once, the actions wait for the analysis of version 3.
    let fix_all = client.code_actions(&uri, range((0, 0), (0, 0)), Some(&["source.fixAll"]));
    assert_eq!(apply(&text, &fix_all[0]["edit"], &uri, 3), cli);
    assert_eq!(client.diagnostics(&uri, 3), diagnostics);

    // Unknown requests are refused, the server goes on.
    let unknown = client.call("textDocument/hover", json!({}));
    assert_eq!(unknown["error"]["code"], -32601);

    assert!(client.shut_down().success());
}

/// Positions are LSP's: 0-based lines, columns in UTF-16 code units, CRLF line ends.
#[test]
fn positions_count_utf16_units_on_crlf_lines() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("emoji.js");
    let text = "// 😀 first line\r\nconst dir = \"😀é😀\" + __dirname; const port = process.env.PORT;\r\nmodule.exports = { dir, port };\r\n";
    let uri = file_uri(&path);
    let mut client = Client::start(dir.path(), &[]);
    client.open(&uri, text);
    let diagnostics = client.diagnostics(&uri, 1);
    let line = text.split("\r\n").nth(1).unwrap();
    let units = |s: &str| s.encode_utf16().count() as u64;
    let dirname = units(&line[..line.find("__dirname").unwrap()]);
    assert_eq!(dirname, 22); // 15 characters before, of which two emoji
    let esm = diagnostics
        .iter()
        .find(|d| d["code"] == "esm-globals")
        .unwrap();
    assert_eq!(esm["range"], range((1, dirname), (1, dirname + 9)));
    let port = diagnostics
        .iter()
        .find(|d| d["code"] == "env-rename")
        .unwrap();
    let at = units(&line[..line.find("process.env.PORT").unwrap()]);
    assert_eq!(
        port["range"]["start"],
        json!({ "line": 1, "character": at })
    );
    assert_eq!(port["severity"], 1);

    let actions = client.code_actions(&uri, range((0, 0), (0, 0)), Some(&["source.fixAll"]));
    let migrated = apply(text, &actions[0]["edit"], &uri, 1);
    assert_eq!(migrated, cli_output(text, "emoji.js"));
    assert!(migrated.contains("import.meta.dirname; "));
    assert!(!migrated.replace("\r\n", "").contains('\n'), "{migrated:?}");

    // A file no rule is interested in still reports its syntax error, once.
    let other = file_uri(&dir.path().join("broken.mjs"));
    client.open(&other, "let 😀 = 1;\r\n");
    let broken = client.diagnostics(&other, 1);
    assert_eq!(broken.len(), 1);
    assert_eq!(broken[0]["range"], range((0, 4), (0, 6)));
    assert_eq!(broken[0]["severity"], 1);
    client.change(&other, 2, "let smile = 1;\r\n");
    assert!(client.diagnostics(&other, 2).is_empty());
    client.change(&other, 3, "function (\n");
    let broken = client.diagnostics(&other, 3);
    assert_eq!(broken.len(), 1);
    assert_eq!(
        summary(&broken[0]),
        "0:9-0:10 1 syntax-error syntax error: Expected ident"
    );
    // Closing a document clears its diagnostics.
    client.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": other } }),
    );
    let cleared = client.wait_for("cleared diagnostics", |m| {
        m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == other
    });
    assert_eq!(cleared["params"]["diagnostics"], json!([]));
    assert!(client.shut_down().success());
}

/// `faas-migrate.toml` at the workspace root: rules selected and ignored, files excluded, read
/// again when the client says it changed; `faas-migrate.migrateWorkspace` sums the workspace up.
#[test]
fn settings_apply_and_reload_and_the_workspace_is_summed_up() {
    let (dir, path, text) = workspace("conversation-context");
    let root = dir.path();
    let settings = root.join("faas-migrate.toml");
    std::fs::write(
        &settings,
        "ignore = [\"log-limits\", \"blocking-call\"]\nexclude = [\"vendor/\"]\n",
    )
    .unwrap();
    std::fs::create_dir_all(root.join("vendor")).unwrap();
    std::fs::write(root.join("vendor/lib.js"), &text).unwrap();
    let uri = file_uri(&path);
    let mut client = Client::start(root, &[]);
    // The server asks the client to watch its settings files.
    let watch = client.wait_for("a registration", |m| {
        m["method"] == "client/registerCapability"
    });
    let registration = &watch["params"]["registrations"][0];
    assert_eq!(registration["method"], "workspace/didChangeWatchedFiles");
    assert_eq!(
        registration["registerOptions"]["watchers"][0]["globPattern"],
        "**/{faas-migrate.toml,.faas-migrate.toml}"
    );
    client.open(&uri, &text);
    let codes = |ds: &[Value]| -> Vec<String> {
        ds.iter()
            .map(|d| d["code"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        codes(&client.diagnostics(&uri, 1)),
        ["unknown-toolbelt-api", "esm-globals", "would-migrate"]
    );
    // Excluded: nothing to say.
    let vendor = file_uri(&root.join("vendor/lib.js"));
    client.open(&vendor, &text);
    assert!(client.diagnostics(&vendor, 1).is_empty());
    assert!(client
        .code_actions(&vendor, range((0, 0), (0, 0)), None)
        .is_empty());

    // The project file beside the function is read too.
    let config = file_uri(&path.with_file_name("config.json"));
    let config_text = std::fs::read_to_string(path.with_file_name("config.json")).unwrap();
    client.notify(
        "textDocument/didOpen",
        json!({ "textDocument": {
            "uri": config, "languageId": "json", "version": 1, "text": config_text,
        }}),
    );
    let config_diagnostics = client.diagnostics(&config, 1);
    assert_eq!(
        config_diagnostics.iter().map(summary).collect::<Vec<_>>(),
        ["11:26-13:3 4 would-migrate 1 edit would migrate this file to V2"]
    );

    // And the project's settings.json.
    let project_settings = root.join("functions/settings.json");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/functions/settings.json"),
        &project_settings,
    )
    .unwrap();
    let settings_uri = file_uri(&project_settings);
    let settings_text = std::fs::read_to_string(&project_settings).unwrap();
    client.notify(
        "textDocument/didOpen",
        json!({ "textDocument": {
            "uri": settings_uri, "languageId": "json", "version": 1, "text": settings_text,
        }}),
    );
    let secrets = client.diagnostics(&settings_uri, 1);
    assert_eq!(codes(&secrets), ["settings-secrets", "would-migrate"]);
    assert_eq!(
        secrets[0]["range"]["start"],
        json!({ "line": 5, "character": 4 })
    );
    assert_eq!(secrets[0]["severity"], 1);
    client.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": settings_uri } }),
    );
    std::fs::remove_file(&project_settings).unwrap();

    let result = client.request(
        "workspace/executeCommand",
        json!({ "command": "faas-migrate.migrateWorkspace", "arguments": [] }),
    );
    assert_eq!(result["files"], 2, "{result:#}");
    assert_eq!(result["wouldChange"], 2);
    assert_eq!(result["edits"], 19);
    assert_eq!(
        result["findings"],
        json!({ "auto": 0, "review": 1, "manual": 1 })
    );
    assert_eq!(result["errors"], 0);
    assert_eq!(result["changed"], json!([config, uri]));
    // Nothing was applied.
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);

    // New settings, announced as the client's file watcher would.
    std::fs::write(
        &settings,
        "select = [\"esm-globals\"]\nexclude = [\"vendor/\"]\n",
    )
    .unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": file_uri(&settings), "type": 2 }] }),
    );
    // Its one edit is the finding's own fix: no hint.
    assert_eq!(codes(&client.diagnostics(&uri, 1)), ["esm-globals"]);
    assert!(client.diagnostics(&vendor, 1).is_empty());
    // Saved from the editor, with a mistake: the defaults, and a message saying why.
    std::fs::write(&settings, "select = [\"no-such-rule\"]\n").unwrap();
    client.notify(
        "textDocument/didSave",
        json!({ "textDocument": { "uri": file_uri(&settings) } }),
    );
    let message = client.wait_for("a message", |m| m["method"] == "window/showMessage");
    let message = message["params"]["message"].as_str().unwrap();
    assert!(
        message.contains("unknown rule `no-such-rule`") && message.contains("default settings"),
        "{message}"
    );
    assert_eq!(codes(&client.diagnostics(&uri, 1)).len(), 5);
    assert_eq!(codes(&client.diagnostics(&vendor, 1)).len(), 5);
    assert!(client.shut_down().success());
}

/// Changes sent one after another, without waiting: whatever is published for the older
/// versions comes before the newest one's, never after it.
#[test]
fn newer_versions_supersede_older_work() {
    let (dir, path, text) = workspace("crm-case-sync");
    let uri = file_uri(&path);
    let mut client = Client::start(dir.path(), &[]);
    client.open(&uri, &text);
    for version in 2..=12 {
        let body = if version % 2 == 0 {
            format!("{text}// edit {version}\n")
        } else {
            format!("{text}function (\n")
        };
        client.change(&uri, version, &body);
    }
    client.change(&uri, 13, &text);
    let last = client.diagnostics(&uri, 13);
    // Everything the server says up to the answer to a later request: no older diagnostics.
    let answer = client.call(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": uri },
            "range": range((0, 0), (0, 0)),
            "context": { "diagnostics": [], "only": ["source.fixAll"] },
        }),
    );
    let fix_all = answer["result"].as_array().unwrap();
    assert_eq!(fix_all.len(), 1);
    assert_eq!(
        apply(&text, &fix_all[0]["edit"], &uri, 13),
        cli_output(&text, "index.js")
    );
    let mut seen = vec![];
    for m in &client.backlog {
        if m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri {
            seen.push(m["params"]["version"].as_i64().unwrap());
        }
    }
    assert!(
        seen.iter().all(|&v| v == 13),
        "published after version 13: {seen:?}"
    );
    let codes: Vec<&str> = last.iter().map(|d| d["code"].as_str().unwrap()).collect();
    assert_eq!(
        codes,
        ["secret-names", "http-client-to-fetch", "would-migrate"]
    );
    assert!(client.shut_down().success());
}

/// A rule that panics costs that file its diagnostics, not the server.
#[test]
fn a_panicking_rule_does_not_stop_the_server() {
    let (dir, path, text) = workspace("conversation-context");
    let mut client = Client::start(dir.path(), &[("FAAS_MIGRATE_PANIC_IN_RULE", "esm-globals")]);
    let uri = file_uri(&path);
    client.open(&uri, &text);
    let diagnostics = client.diagnostics(&uri, 1);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    assert_eq!(diagnostics[0]["code"], "internal-error");
    let message = diagnostics[0]["message"].as_str().unwrap();
    assert!(
        message.starts_with("internal error in rule esm-globals: the rule panicked"),
        "{message}"
    );
    // Other files are still migrated.
    let other = file_uri(&dir.path().join("other.js"));
    client.open(&other, "const brand = process.env.BRAND_ID;\n");
    let hint = client.diagnostics(&other, 1);
    assert_eq!(
        summary(&hint[0]),
        "0:26-0:34 4 would-migrate 1 edit would migrate this file to V2"
    );
    assert!(client.shut_down().success());
}

/// `exit` without `shutdown` first: exit status 1, as the protocol says.
#[test]
fn exit_without_shutdown_is_a_failure() {
    let dir = tempfile::tempdir().unwrap();
    let mut client = Client::start(dir.path(), &[]);
    client.notify("exit", Value::Null);
    drop(client.stdin.take());
    assert_eq!(client.child.wait().unwrap().code(), Some(1));
}

/// The library calls the server relies on.
mod library {
    use faas_migrate::{migrate, Error, Options};
    use std::path::Path;
    use std::sync::atomic::AtomicBool;
    use std::sync::Arc;

    #[test]
    fn a_syntax_error_is_reported_when_no_rule_applies() {
        let error =
            migrate("function (\n", Path::new("index.js"), &Options::default()).unwrap_err();
        let Error::Syntax {
            offset, location, ..
        } = error
        else {
            panic!("{error:?}")
        };
        assert_eq!(offset, 9);
        assert_eq!(location.lsp_position(), (0, 9));
        let none = Options::with_rules(&["config-env".into()], &[]).unwrap();
        assert!(matches!(
            migrate("\u{feff}let x = ;\n", Path::new("a.js"), &none),
            Err(Error::Syntax { offset: 11, .. })
        ));
    }

    #[test]
    fn a_set_cancel_flag_stops_the_migration() {
        let v1 = "const { Toolbelt } = require('lp-faas-toolbelt');\n";
        let flag = Arc::new(AtomicBool::new(true));
        let options = Options {
            cancel: Some(Arc::clone(&flag)),
            ..Options::default()
        };
        assert_eq!(
            migrate(v1, Path::new("index.js"), &options).unwrap_err(),
            Error::Cancelled
        );
        let config = "{ \"environmentVariables\": [] }";
        assert_eq!(
            migrate(config, Path::new("config.json"), &options).unwrap_err(),
            Error::Cancelled
        );
        flag.store(false, std::sync::atomic::Ordering::Relaxed);
        assert!(migrate(v1, Path::new("index.js"), &options)
            .unwrap()
            .changed());
    }
}
