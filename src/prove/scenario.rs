//! Scenario files (`prove.json`): what one invocation gets (input, environment, secrets, CSDS
//! hosts) and how the local server answers its requests. Checked here, so that a typo is an error
//! before anything runs, and completed with the defaults taken from the function's `config.json`.

use serde::Deserialize;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;
use std::path::Path;

/// The JSON Schema of the scenario file, printed by `faas-migrate prove --schema`.
pub const SCHEMA: &str = include_str!("scenario.schema.json");

/// The platform's limit on one invocation, and the default.
pub const MAX_TIMEOUT_MS: u64 = 30_000;

/// V1 environment variables that V2 renamed; a V2 `config.json` is read back with the V1 names.
const RENAMED_ENV: [(&str, &str); 3] = [
    ("BRAND_ID", "X_LIVEPERSON_BRAND_ID"),
    ("LAMBDA_UUID", "X_LIVEPERSON_FUNCTION_UUID"),
    ("CSDS_DOMAIN", "X_LIVEPERSON_CSDS_DOMAIN"),
];

/// The Context Session Store: namespace → session id → properties.
type ContextStore = BTreeMap<String, BTreeMap<String, Map<String, Value>>>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawScenario {
    #[serde(rename = "$schema")]
    _schema: Option<String>,
    name: Option<String>,
    description: Option<String>,
    input: Option<Value>,
    env: Option<BTreeMap<String, String>>,
    secrets: Option<Map<String, Value>>,
    csds: Option<BTreeMap<String, String>>,
    context: Option<ContextStore>,
    http: Option<Vec<Value>>,
    #[serde(rename = "errorMessage")]
    error_message: Option<ErrorMessage>,
    #[serde(rename = "timeoutMs")]
    timeout_ms: Option<u64>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum ErrorMessage {
    Compare(bool),
    Exactly(String),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)] // read only to check the entry
struct HttpEntry {
    method: Option<String>,
    url: Option<String>,
    host: Option<String>,
    path: Option<String>,
    query: Option<Map<String, Value>>,
    status: Option<u16>,
    headers: Option<BTreeMap<String, String>>,
    body: Option<Value>,
    #[serde(rename = "delayMs")]
    delay_ms: Option<u64>,
}

/// One scenario, defaults filled in, as the runner takes it.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    /// What the output calls it: the function's folder name, plus `/<name>` (or `/<n>`) when the
    /// file has several scenarios.
    pub name: String,
    /// The scenario as JSON for the runner (`csds` is null for the default map).
    pub json: Value,
}

/// The scenario file's text as read, before defaults: one scenario object, or `{"scenarios": […]}`.
pub fn parse_file(text: &str) -> Result<Vec<Value>, String> {
    let value: Value = serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
    let Value::Object(object) = &value else {
        return Err("must be a JSON object".into());
    };
    if let Some(list) = object.get("scenarios") {
        if let Some(key) = object
            .keys()
            .find(|key| !matches!(key.as_str(), "scenarios" | "$schema" | "description"))
        {
            return Err(format!(
                "unknown field `{key}` beside `scenarios` (each scenario's fields go inside the list)"
            ));
        }
        let Value::Array(list) = list else {
            return Err("`scenarios` must be a list".into());
        };
        if list.is_empty() {
            return Err("`scenarios` is empty".into());
        }
        return Ok(list.clone());
    }
    Ok(vec![value])
}

/// Checks the scenarios of a file and fills in the defaults from the function's `config.json`
/// (`input`, `environmentVariables`). `function` is the folder name that names them.
pub fn complete(
    raw: &[Value],
    config: Option<&Value>,
    function: &str,
) -> Result<Vec<Scenario>, String> {
    let several = raw.len() > 1;
    raw.iter()
        .enumerate()
        .map(|(index, value)| {
            let at = if several {
                format!("scenarios[{index}]: ")
            } else {
                String::new()
            };
            let scenario: RawScenario =
                serde_json::from_value(value.clone()).map_err(|e| format!("{at}{e}"))?;
            check(&scenario).map_err(|e| format!("{at}{e}"))?;
            let name = match (&scenario.name, several) {
                (Some(name), _) => format!("{function}/{name}"),
                (None, true) => format!("{function}/{}", index + 1),
                (None, false) => function.to_string(),
            };
            let mut env = config.map(config_env).unwrap_or_default();
            env.extend(scenario.env.clone().unwrap_or_default());
            let input = scenario
                .input
                .clone()
                .or_else(|| config.and_then(|c| c.get("input")).cloned())
                .unwrap_or_else(|| json!({}));
            let error_message = match &scenario.error_message {
                None => json!(false),
                Some(ErrorMessage::Compare(compare)) => json!(compare),
                Some(ErrorMessage::Exactly(message)) => json!(message),
            };
            let json = json!({
                "name": name,
                "description": scenario.description.clone().unwrap_or_default(),
                "input": input,
                "env": env,
                "secrets": scenario.secrets.clone().unwrap_or_default(),
                "csds": scenario.csds,
                "context": scenario.context,
                "http": scenario.http.clone().unwrap_or_default(),
                "errorMessage": error_message,
                "timeoutMs": scenario.timeout_ms.unwrap_or(MAX_TIMEOUT_MS),
            });
            Ok(Scenario { name, json })
        })
        .collect()
}

fn check(scenario: &RawScenario) -> Result<(), String> {
    if let Some(timeout) = scenario.timeout_ms {
        if !(1..=MAX_TIMEOUT_MS).contains(&timeout) {
            return Err(format!("timeoutMs must be from 1 to {MAX_TIMEOUT_MS}"));
        }
    }
    if let Some(name) = &scenario.name {
        if name.is_empty() || name.contains(char::is_whitespace) {
            return Err(format!(
                "name {name:?} must be a word without spaces (it names the scenario in the output)"
            ));
        }
    }
    for (index, entry) in scenario.http.iter().flatten().enumerate() {
        let parsed: HttpEntry =
            serde_json::from_value(entry.clone()).map_err(|e| format!("http[{index}]: {e}"))?;
        match (&parsed.url, &parsed.host, &parsed.path) {
            (Some(url), None, None) => {
                if !(url.starts_with("https://") || url.starts_with("http://")) {
                    return Err(format!(
                        "http[{index}]: url {url:?} must start with https:// or http://"
                    ));
                }
            }
            (None, Some(_), Some(_)) => {}
            _ => return Err(format!("http[{index}]: give `url`, or `host` and `path`")),
        }
    }
    Ok(())
}

/// `environmentVariables` of a V1 (`[{key, value}]`) or V2 (`{KEY: value}`) `config.json`, by
/// their V1 names.
fn config_env(config: &Value) -> BTreeMap<String, String> {
    let text = |value: Option<&Value>| match value {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Null) | None => String::new(),
        Some(other) => other.to_string(),
    };
    let mut env = BTreeMap::new();
    match config.get("environmentVariables") {
        Some(Value::Array(list)) => {
            for entry in list {
                if let Some(Value::String(key)) = entry.get("key") {
                    if !key.is_empty() {
                        env.insert(key.clone(), text(entry.get("value")));
                    }
                }
            }
        }
        Some(Value::Object(map)) => {
            for (key, value) in map {
                let v1 = RENAMED_ENV
                    .iter()
                    .find(|(_, v2)| v2 == key)
                    .map_or(key.as_str(), |(v1, _)| v1);
                env.insert(v1.to_string(), text(Some(value)));
            }
        }
        _ => {}
    }
    env
}

/// Reads `config.json` beside the function, if there is one.
pub fn read_config(dir: &Path) -> Result<Option<Value>, String> {
    let path = dir.join("config.json");
    match std::fs::read_to_string(&path) {
        Ok(text) => serde_json::from_str(&text)
            .map(Some)
            .map_err(|e| format!("{}: not JSON: {e}", path.display())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(format!("{}: {e}", path.display())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str, config: Option<Value>) -> Result<Value, String> {
        let raw = parse_file(text)?;
        Ok(complete(&raw, config.as_ref(), "f")?.remove(0).json)
    }

    #[test]
    fn defaults_come_from_config_json() {
        let config = json!({
            "input": { "payload": { "a": 1 } },
            "environmentVariables": [{ "key": "A", "value": "1" }, { "key": "", "value": "" }]
        });
        let scenario = one(r#"{ "env": { "B": "2" } }"#, Some(config)).unwrap();
        assert_eq!(scenario["input"], json!({ "payload": { "a": 1 } }));
        assert_eq!(scenario["env"], json!({ "A": "1", "B": "2" }));
        assert_eq!(scenario["timeoutMs"], json!(30000));
        assert_eq!(scenario["errorMessage"], json!(false));
        assert_eq!(scenario["csds"], Value::Null);
        assert_eq!(scenario["context"], Value::Null);
        assert_eq!(scenario["name"], json!("f"));
    }

    #[test]
    fn a_v2_config_is_read_with_v1_names() {
        let config = json!({ "environmentVariables": { "X_LIVEPERSON_BRAND_ID": "9", "A": "1" } });
        let scenario = one("{}", Some(config)).unwrap();
        assert_eq!(scenario["env"], json!({ "A": "1", "BRAND_ID": "9" }));
    }

    #[test]
    fn several_scenarios_are_named() {
        let raw = parse_file(r#"{ "scenarios": [ { "name": "found" }, {} ] }"#).unwrap();
        let names: Vec<String> = complete(&raw, None, "f")
            .unwrap()
            .into_iter()
            .map(|s| s.name)
            .collect();
        assert_eq!(names, ["f/found", "f/2"]);
    }

    #[test]
    fn mistakes_are_named() {
        let error = |text: &str| one(text, None).unwrap_err();
        assert!(error(r#"{ "inptu": {} }"#).starts_with("unknown field `inptu`"));
        assert_eq!(
            error(r#"{ "http": [ { "host": "a.com" } ] }"#),
            "http[0]: give `url`, or `host` and `path`"
        );
        assert!(
            error(r#"{ "http": [ { "url": "https://a.com/", "stauts": 1 } ] }"#)
                .starts_with("http[0]: unknown field `stauts`")
        );
        assert_eq!(
            error(r#"{ "http": [ { "url": "a.com/x" } ] }"#),
            "http[0]: url \"a.com/x\" must start with https:// or http://"
        );
        assert_eq!(
            error(r#"{ "timeoutMs": 0 }"#),
            "timeoutMs must be from 1 to 30000"
        );
        assert_eq!(error("[]"), "must be a JSON object");
        assert_eq!(
            error(r#"{ "scenarios": [], "input": {} }"#),
            "unknown field `input` beside `scenarios` (each scenario's fields go inside the list)"
        );
        assert!(error(r#"{ "context": { "bot": { "s1": 3 } } }"#)
            .starts_with("invalid type: integer `3`, expected a map"));
        assert!(error(r#"{ "scenarios": [ {}, { "env": { "A": 1 } } ] }"#)
            .starts_with("scenarios[1]: invalid type: integer `1`"));
    }

    #[test]
    fn the_schema_lists_every_field() {
        let schema: Value = serde_json::from_str(SCHEMA).unwrap();
        let scenario = &schema["$defs"]["scenario"]["properties"];
        let mut fields: Vec<&String> = scenario.as_object().unwrap().keys().collect();
        fields.sort();
        assert_eq!(
            fields,
            [
                "$schema",
                "context",
                "csds",
                "description",
                "env",
                "errorMessage",
                "http",
                "input",
                "name",
                "secrets",
                "timeoutMs"
            ]
        );
        let http = &schema["$defs"]["http"]["properties"];
        let mut fields: Vec<&String> = http.as_object().unwrap().keys().collect();
        fields.sort();
        assert_eq!(
            fields,
            ["body", "delayMs", "headers", "host", "method", "path", "query", "status", "url"]
        );
    }
}
