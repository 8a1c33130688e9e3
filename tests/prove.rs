//! `faas-migrate prove`, the real binary with real Node: the bundled examples pass, a broken V2
//! fails and names the difference, unscripted requests are listed, and what cannot run exits 2.
//!
//! Needs `node` (20 or later) and `npm` on PATH. The runtime is installed once into
//! `<target>/tmp/prove-cache` (the tests take turns, so only the first one installs it).

use serde_json::Value;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{Mutex, MutexGuard};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn example(name: &str) -> PathBuf {
    root().join("examples").join("functions").join(name)
}

/// One `prove` at a time: the first installs the runtime, and runs do not compete for the CPU.
fn turn() -> MutexGuard<'static, ()> {
    static LOCK: Mutex<()> = Mutex::new(());
    LOCK.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn prove_command(args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_faas-migrate"));
    command
        .arg("prove")
        .args(args)
        .env(
            "XDG_CACHE_HOME",
            Path::new(env!("CARGO_TARGET_TMPDIR")).join("prove-cache"),
        )
        .env("NO_COLOR", "1")
        .current_dir(root());
    command
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Run {
    fn lines(&self) -> Vec<&str> {
        self.stdout.lines().collect()
    }
}

impl std::fmt::Display for Run {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "exit {:?}\n--- stdout ---\n{}--- stderr ---\n{}",
            self.code, self.stdout, self.stderr
        )
    }
}

fn finished(output: Output) -> Run {
    Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

fn prove(args: &[&str]) -> Run {
    let _turn = turn();
    finished(
        prove_command(args)
            .output()
            .expect("run faas-migrate prove"),
    )
}

/// The names `prove` gives the scenarios of an example's prove.json.
fn scenario_names(name: &str) -> Vec<String> {
    let text = std::fs::read_to_string(example(name).join("prove.json")).unwrap();
    let file: Value = serde_json::from_str(&text).unwrap();
    match file["scenarios"].as_array() {
        Some(list) => list
            .iter()
            .map(|s| format!("{name}/{}", s["name"].as_str().unwrap()))
            .collect(),
        None => vec![name.to_string()],
    }
}

fn examples() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root().join("examples").join("functions"))
        .unwrap()
        .filter_map(|entry| {
            let entry = entry.unwrap();
            entry
                .path()
                .join("index.js")
                .is_file()
                .then(|| entry.file_name().to_string_lossy().into_owned())
        })
        .collect();
    names.sort();
    names
}

/// An example whose migration leaves `manual` work: proved with its hand-finished V2 instead.
const FINISHED_BY_HAND: &str = "conversation-context";

#[test]
fn every_example_passes() {
    for name in examples() {
        assert!(
            example(&name).join("prove.json").is_file(),
            "examples/functions/{name} has no prove.json"
        );
        let dir = format!("examples/functions/{name}");
        let hand = format!("tests/prove/{name}.mjs");
        let run = if name == FINISHED_BY_HAND {
            prove(&[&dir, "--v2", &hand])
        } else {
            prove(&[&dir])
        };
        let expected: Vec<String> = scenario_names(&name)
            .into_iter()
            .map(|n| format!("PASS {n}"))
            .collect();
        assert_eq!(run.lines(), expected, "{run}");
        assert_eq!(run.code, Some(0), "{run}");
        assert!(
            run.stderr.ends_with(&format!(
                "faas-migrate prove: {} passed, 0 failed, 0 could not run\n",
                expected.len()
            )),
            "{run}"
        );
    }
}

#[test]
fn an_unfinished_migration_fails_and_says_why() {
    let run = prove(&["examples/functions/conversation-context"]);
    assert_eq!(run.code, Some(1), "{run}");
    let lines = run.lines();
    assert_eq!(lines[0], "FAIL conversation-context", "{run}");
    assert_eq!(
        lines[1], "  - V2 does not load: Toolbelt.Logger is not a function",
        "{run}"
    );
    assert!(
        run.stderr.contains(
            "conversation-context: the migration left 3 `manual` finding(s); run `faas-migrate "
        ),
        "{run}"
    );
}

#[test]
fn a_broken_v2_fails_and_names_the_differences() {
    let run = prove(&[
        "examples/functions/order-status",
        "--v2",
        "tests/prove/order-status-broken.mjs",
    ]);
    assert_eq!(run.code, Some(1), "{run}");
    let lines = run.lines();
    let expected_shipped = [
        "FAIL order-status/shipped",
        "  - results differ: V1 {\"eta\":\"2026-12-03\",\"text\":\"Order A-1001 is shipped.\"} vs V2 {\"eta\":null,\"text\":\"Order A-1001 is shipped.\"}",
        "    V1                                       V2",
        "    {                                        {",
        "      \"result\": {                              \"result\": {",
        "        \"eta\": \"2026-12-03\",               |     \"eta\": null,",
        "        \"text\": \"Order A-1001 is shipped.\"       \"text\": \"Order A-1001 is shipped.\"",
        "      }                                        }",
        "    }                                        }",
        "  - request #1 differs (GET api.example.com/shop/v2/orders/A-1001): headers V1 {\"x-client\":\"liveperson-bot\"} vs V2 {}",
    ];
    let trimmed: Vec<&str> = lines.iter().map(|l| l.trim_end()).collect();
    assert_eq!(trimmed[..expected_shipped.len()], expected_shipped, "{run}");
    assert!(
        trimmed.contains(&"        \"x-client\": \"liveperson-bot\"    <"),
        "the side-by-side view shows the header only V1 sent\n{run}"
    );
    for name in ["unknown-order", "service-down"] {
        assert!(
            lines.contains(&format!("FAIL order-status/{name}").as_str()),
            "{run}"
        );
    }
    assert!(
        lines.contains(&"PASS order-status/no-order-number"),
        "{run}"
    );
    assert!(
        run.stderr
            .ends_with("faas-migrate prove: 1 passed, 3 failed, 0 could not run\n"),
        "{run}"
    );
}

fn scratch() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("prove-test-")
        .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
        .unwrap()
}

#[test]
fn unscripted_requests_are_answered_404_and_listed() {
    let dir = scratch();
    let scenario = dir.path().join("no-responses.json");
    std::fs::write(&scenario, r#"{ "name": "nothing-scripted" }"#).unwrap();
    let run = prove(&[
        "examples/functions/order-status",
        "--scenario",
        scenario.to_str().unwrap(),
    ]);
    // Both sides got 404 and said the order does not exist: the same behaviour.
    assert_eq!(
        run.lines(),
        [
            "PASS order-status/nothing-scripted",
            "  requests without a scripted response (answered 404; add them to `http`):",
            "    V1 and V2: GET https://api.example.com/shop/v2/orders/A-1001",
        ],
        "{run}"
    );
    assert_eq!(run.code, Some(0), "{run}");
}

#[test]
fn json_output_for_ci() {
    let run = prove(&["examples/functions/survey-forwarder", "--format", "json"]);
    assert_eq!(run.code, Some(0), "{run}");
    let document: Value = serde_json::from_str(&run.stdout).expect("one JSON document");
    assert_eq!(document["passed"], 1);
    assert_eq!(document["failed"], 0);
    assert_eq!(document["exitCode"], 0);
    let result = &document["results"][0];
    assert_eq!(result["name"], "survey-forwarder");
    assert_eq!(result["status"], "pass");
    assert_eq!(result["differences"], serde_json::json!([]));
    let request = &result["v2"]["requests"][0];
    assert_eq!(request["method"], "POST");
    assert_eq!(request["host"], "api.example.com");
    assert_eq!(request["path"], "/feedback/v1/responses");
    assert_eq!(
        request["headers"]["x-source"],
        "liveperson/12345678/5c1c1f2e-0d7a-4b7e-9f57-3d2b8a1c0e11"
    );
    assert_eq!(result["v1"]["requests"], result["v2"]["requests"]);
}

#[test]
fn without_node_on_path_it_exits_2_and_says_so() {
    let empty = scratch();
    let _turn = turn();
    let run = finished(
        prove_command(&["examples/functions/order-status"])
            .env("PATH", empty.path())
            .output()
            .unwrap(),
    );
    assert_eq!(run.code, Some(2), "{run}");
    assert_eq!(run.stdout, "", "{run}");
    assert!(
        run.stderr.starts_with(
            "faas-migrate prove: error: `prove` runs the functions with Node.js 20 or later, but \
             `node` could not be started ("
        ),
        "{run}"
    );
    assert!(
        run.stderr
            .ends_with("faas-migrate prove: 0 passed, 0 failed, 1 could not run\n"),
        "{run}"
    );
}

#[cfg(unix)]
#[test]
fn without_npm_the_first_run_exits_2_and_says_so() {
    let bin = scratch();
    let which = Command::new("which").arg("node").output().unwrap();
    let node = String::from_utf8(which.stdout).unwrap();
    std::os::unix::fs::symlink(node.trim(), bin.path().join("node")).unwrap();
    let cache = scratch();
    let _turn = turn();
    let run = finished(
        prove_command(&["examples/functions/order-status"])
            .env("PATH", bin.path())
            .env("XDG_CACHE_HOME", cache.path())
            .output()
            .unwrap(),
    );
    assert_eq!(run.code, Some(2), "{run}");
    assert!(
        run.stderr.contains(
            "faas-migrate prove: error: `prove` installs its runtime's dependencies with npm once, \
             but `npm` could not be started ("
        ),
        "{run}"
    );
}

#[test]
fn what_cannot_run_exits_2_with_the_reason() {
    let dir = scratch();
    let bad = dir.path().join("bad.json");
    std::fs::write(
        &bad,
        r#"{ "http": [ { "url": "https://a.com/", "stauts": 200 } ] }"#,
    )
    .unwrap();
    let run = prove(&[
        "examples/functions/order-status",
        "--scenario",
        bad.to_str().unwrap(),
    ]);
    assert_eq!(run.code, Some(2), "{run}");
    assert!(
        run.stderr
            .contains("bad.json: http[0]: unknown field `stauts`"),
        "{run}"
    );

    let function = dir.path().join("broken");
    std::fs::create_dir(&function).unwrap();
    std::fs::write(
        function.join("index.js"),
        "function lambda(input, callback) {\n",
    )
    .unwrap();
    std::fs::write(function.join("prove.json"), "{}").unwrap();
    let run = prove(&[function.to_str().unwrap()]);
    assert_eq!(run.code, Some(2), "{run}");
    assert!(
        run.stderr.contains("index.js cannot be migrated: "),
        "{run}"
    );

    let missing = dir.path().join("no-scenario");
    std::fs::create_dir(&missing).unwrap();
    std::fs::write(
        missing.join("index.js"),
        "function lambda(i, cb) { cb(null, 1); }\n",
    )
    .unwrap();
    let run = prove(&[missing.to_str().unwrap()]);
    assert_eq!(run.code, Some(2), "{run}");
    assert!(
        run.stderr.contains("prove.json: ") && run.stderr.contains("faas-migrate prove --schema"),
        "{run}"
    );
}

#[test]
fn a_v1_that_does_not_run_exits_2() {
    let dir = scratch();
    std::fs::write(
        dir.path().join("index.js"),
        "const x = require('no-such-package');\nfunction lambda(i, cb) { cb(null, 1); }\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("prove.json"), "{}").unwrap();
    let run = prove(&[dir.path().to_str().unwrap()]);
    assert_eq!(run.code, Some(2), "{run}");
    let name = dir.path().file_name().unwrap().to_string_lossy();
    assert!(
        run.stdout.starts_with(&format!(
            "ERROR {name}: the V1 function does not load: Cannot find module 'no-such-package'"
        )),
        "{run}"
    );
}

#[test]
fn schema_is_json() {
    let run = prove(&["--schema"]);
    assert_eq!(run.code, Some(0), "{run}");
    let schema: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(
        schema["title"],
        "faas-migrate prove scenario file (prove.json)"
    );
}

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
        .args(args)
        .current_dir(dir)
        .status()
        .unwrap();
    assert!(status.success(), "git {args:?}");
}

#[test]
fn after_write_v1_comes_from_git() {
    let dir = scratch();
    let function = dir.path().join("survey-forwarder");
    std::fs::create_dir(&function).unwrap();
    for file in ["index.js", "config.json", "prove.json"] {
        std::fs::copy(example("survey-forwarder").join(file), function.join(file)).unwrap();
    }
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-qm", "v1"]);
    let written = Command::new(env!("CARGO_BIN_EXE_faas-migrate"))
        .args(["--write", "-q"])
        .arg(&function)
        .output()
        .unwrap();
    assert!(written.status.success(), "{written:?}");

    let run = prove(&[function.to_str().unwrap(), "--v1-rev", "HEAD"]);
    assert_eq!(run.lines(), ["PASS survey-forwarder"], "{run}");
    let original = example("survey-forwarder").join("index.js");
    let run = prove(&[
        function.to_str().unwrap(),
        "--v1",
        original.to_str().unwrap(),
    ]);
    assert_eq!(run.lines(), ["PASS survey-forwarder"], "{run}");

    // The written file with a mistake in it: the V2 side really is the folder's index.js.
    let index = function.join("index.js");
    let text = std::fs::read_to_string(&index).unwrap();
    std::fs::write(
        &index,
        text.replace("forwarded: answers.length", "forwarded: 0"),
    )
    .unwrap();
    let run = prove(&[function.to_str().unwrap(), "--v1-rev", "HEAD"]);
    assert_eq!(run.code, Some(1), "{run}");
    assert_eq!(
        run.lines()[..2],
        [
            "FAIL survey-forwarder",
            "  - results differ: V1 {\"forwarded\":1} vs V2 {\"forwarded\":0}"
        ],
        "{run}"
    );
}

/// A one-connection-at-a-time HTTP server on 127.0.0.1 that answers every request with JSON
/// naming its path; returns its port.
fn serve_real_service() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut request_line = String::new();
            let _ = reader.read_line(&mut request_line);
            let mut length = 0;
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                    break;
                }
                if let Some(value) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                    length = value.trim().parse().unwrap_or(0);
                }
            }
            let mut body = vec![0; length];
            let _ = std::io::Read::read_exact(&mut reader, &mut body);
            let path = request_line.split(' ').nth(1).unwrap_or("").to_string();
            let payload = format!("{{\"served\":\"{path}\"}}");
            let _ = write!(
                stream,
                "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{payload}",
                payload.len()
            );
        }
    });
    port
}

#[test]
fn record_saves_the_real_exchanges_for_replay() {
    let port = serve_real_service();
    let dir = scratch();
    let function = dir.path().join("lookup");
    std::fs::create_dir(&function).unwrap();
    std::fs::write(
        function.join("index.js"),
        format!(
            "const {{ Toolbelt }} = require('lp-faas-toolbelt');\n\
             function lambda(input, callback) {{\n  \
               const httpClient = Toolbelt.HTTPClient();\n  \
               httpClient('http://127.0.0.1:{port}/items/' + input.id, {{ json: true }})\n    \
                 .then((item) => callback(null, item), callback);\n\
             }}\n"
        ),
    )
    .unwrap();
    std::fs::write(
        function.join("config.json"),
        r#"{ "input": { "id": "7" }, "environmentVariables": [] }"#,
    )
    .unwrap();

    let run = prove(&[function.to_str().unwrap(), "--record"]);
    assert_eq!(run.code, Some(0), "{run}");
    assert_eq!(
        run.lines(),
        ["RECORDED lookup: 1 exchange(s); V1 result {\"served\":\"/items/7\"}"],
        "{run}"
    );
    let saved: Value =
        serde_json::from_str(&std::fs::read_to_string(function.join("prove.json")).unwrap())
            .unwrap();
    assert_eq!(
        saved,
        serde_json::json!({
            "input": { "id": "7" },
            "http": [{
                "method": "GET",
                "url": format!("http://127.0.0.1:{port}/items/7"),
                "status": 200,
                "headers": { "content-type": "application/json" },
                "body": { "served": "/items/7" }
            }]
        })
    );

    // The replay needs no network: the recorded answer is scripted.
    let run = prove(&[function.to_str().unwrap()]);
    assert_eq!(run.lines(), ["PASS lookup"], "{run}");
    assert_eq!(run.code, Some(0), "{run}");
}

#[test]
fn several_folders_in_one_run() {
    let run = prove(&[
        "examples/functions/survey-forwarder",
        "examples/functions/crm-case-sync",
    ]);
    assert_eq!(
        run.lines(),
        [
            "PASS survey-forwarder",
            "PASS crm-case-sync/case-created",
            "PASS crm-case-sync/crm-rejects-the-case",
        ],
        "{run}"
    );
    assert_eq!(run.code, Some(0), "{run}");

    let run = prove(&[
        "examples/functions/survey-forwarder",
        "examples/functions/crm-case-sync",
        "--v2",
        "x.mjs",
    ]);
    assert_eq!(run.code, Some(2), "{run}");
    assert!(
        run.stderr
            .contains("--v1, --v2 and --scenario name one function's files: give one FUNCTION_DIR"),
        "{run}"
    );
}

#[test]
fn an_already_migrated_index_js_gets_a_hint() {
    let dir = scratch();
    std::fs::write(
        dir.path().join("index.js"),
        "import { Toolbelt } from 'core-functions-toolbelt';\nasync function lambda(input) { return 1; }\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("prove.json"), "{}").unwrap();
    let run = prove(&[dir.path().to_str().unwrap()]);
    assert_eq!(run.code, Some(2), "{run}");
    assert!(
        run.stdout.contains(
            "Cannot use import statement outside a module (is index.js migrated already? Then take \
             V1 from git with --v1-rev GIT_REV, or from a file with --v1 FILE)"
        ),
        "{run}"
    );
}

#[test]
fn the_context_store_is_emulated_and_compared() {
    let dir = scratch();
    let function = dir.path().join("remember-intent");
    std::fs::create_dir(&function).unwrap();
    std::fs::write(
        function.join("index.js"),
        "const { Toolbelt } = require('lp-faas-toolbelt');\n\
         async function lambda(input, callback) {\n  \
           const client = Toolbelt.ContextServiceClient({ apiKey: process.env.CONTEXT_KEY, accountId: process.env.BRAND_ID });\n  \
           const props = await client.setPropertiesInNamespace('bot', { intent: input.payload.intent }, input.payload.conversationId);\n  \
           callback(null, props);\n\
         }\n",
    )
    .unwrap();
    std::fs::write(
        function.join("prove.json"),
        r#"{ "input": { "payload": { "intent": "refund", "conversationId": "c-1" } },
             "env": { "BRAND_ID": "123", "CONTEXT_KEY": "k-1" },
             "context": { "bot": { "c-1": { "visits": 1 } } } }"#,
    )
    .unwrap();
    let run = prove(&[function.to_str().unwrap(), "--format", "json"]);
    assert_eq!(run.code, Some(0), "{run}");
    let document: Value = serde_json::from_str(&run.stdout).unwrap();
    let result = &document["results"][0];
    assert_eq!(result["status"], "pass", "{run}");
    let expected = serde_json::json!({ "bot": { "c-1": { "intent": "refund", "visits": 1 } } });
    assert_eq!(result["v1"]["context"], expected);
    assert_eq!(result["v2"]["context"], expected);
    assert_eq!(
        result["v2"]["outcome"],
        serde_json::json!({ "result": { "intent": "refund", "visits": 1 } })
    );
    assert_eq!(result["unmatched"], serde_json::json!([]));

    let broken = dir.path().join("broken.mjs");
    std::fs::write(
        &broken,
        "import { Toolbelt } from 'core-functions-toolbelt';\n\
         async function lambda(input) {\n  \
           const client = Toolbelt.ContextServiceClient(process.env.CONTEXT_KEY);\n  \
           await client.setPropertiesInNamespace('bot', { intent: input.payload.intent, step: 2 }, input.payload.conversationId);\n  \
           return { intent: 'refund', visits: 1 };\n\
         }\n",
    )
    .unwrap();
    let run = prove(&[function.to_str().unwrap(), "--v2", broken.to_str().unwrap()]);
    assert_eq!(run.code, Some(1), "{run}");
    let lines = run.lines();
    assert_eq!(lines[0], "FAIL remember-intent", "{run}");
    assert!(
        lines.contains(
            &"  - context store bot/c-1 ends as V1 {\"intent\":\"refund\",\"visits\":1} vs V2 {\"intent\":\"refund\",\"step\":2,\"visits\":1}"
        ),
        "{run}"
    );
}
