//! `cargo +nightly fuzz run migrate`: any bytes, as `index.js`, `config.json` or
//! `settings.json`. The promises of `tests/robustness/`: no panic (caught or not), a changed
//! output parses as an ES module (a project file: as JSON), an unchanged one is the input.

#![no_main]

use faas_migrate::{migrate, Error, Options};
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let path = match which % 4 {
        0 => Path::new("functions/f/config.json"),
        1 => Path::new("functions/settings.json"),
        _ => Path::new("functions/f/index.js"),
    };
    match migrate(text, path, &Options::default()) {
        Ok(m) if m.changed() => {
            let output = m.output.strip_prefix('\u{feff}').unwrap_or(&m.output);
            if path.extension().is_some_and(|e| e == "json") {
                serde_json::from_str::<serde_json::Value>(output).expect("output is JSON");
            } else {
                faas_migrate::parse::parse_module(output).expect("output is an ES module");
            }
        }
        Ok(m) => assert_eq!(m.output, text),
        Err(Error::Internal { message, .. }) => {
            assert!(!message.contains("panicked"), "{message}")
        }
        Err(_) => {}
    }
});
