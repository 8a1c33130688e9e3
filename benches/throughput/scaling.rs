//! The scaling series: one V1 file with 400, 800, 1600, 3200 and 6400 (and 12800) helper functions, each
//! making an HTTP call through `Toolbelt.HTTPClient()` in a `.then` chain and reading the
//! environment, all called from the handler. Migrating 16 times the code should cost at most 24
//! times the time: the cost of a file must grow about linearly with its size.

use faas_migrate::{migrate, Options};
use std::fmt::Write as _;
use std::path::Path;
use std::time::Instant;

/// The helper counts of the series; the first row is the base of the ratios. The last runs only
/// with `--scaling-max 12800`: it shows whether doubling the code past the others still doubles
/// the time.
pub const HELPERS: &[usize] = &[400, 800, 1600, 3200, 6400, 12800];

/// A V1 function with `helpers` helper functions.
pub fn source(helpers: usize) -> String {
    let mut out = String::from(
        "const { Toolbelt } = require(\"lp-faas-toolbelt\");\nconst httpClient = Toolbelt.HTTPClient();\n\n",
    );
    for i in 0..helpers {
        let _ = write!(
            out,
            r#"function fetchItem{i}(input) {{
  const base = process.env.SERVICE_URL || "https://service{i}.example.com";
  const options = {{
    method: "GET",
    uri: base + "/items/{i}/" + input.id,
    headers: {{ "X-Brand": process.env.BRAND_ID }},
    json: true,
  }};
  return httpClient(options)
    .then((body) => {{
      return {{ index: {i}, name: body.name }};
    }})
    .catch((err) => {{
      console.error("item {i} failed", err.message);
      return null;
    }});
}}

"#
        );
    }
    out.push_str("function lambda(input, callback) {\n  Promise.all([\n");
    for i in 0..helpers {
        let _ = writeln!(out, "    fetchItem{i}(input),");
    }
    out.push_str(
        "  ])\n    .then((items) => callback(null, items.filter(Boolean)))\n    .catch((err) => callback(err));\n}\n",
    );
    out
}

/// One row of the series.
pub struct Row {
    pub helpers: usize,
    pub bytes: usize,
    pub secs: f64,
    pub passes: usize,
    /// `None` when the migration succeeded, else its error.
    pub error: Option<String>,
}

/// Migrates each file of the series up to `max` helpers and returns the rows: the best of at
/// least `reps` runs, and of more (up to 50) until the runs of a size add up to two seconds, so a
/// small file's time, the base of every ratio, is a minimum over many runs; one run once a file
/// takes over five seconds.
pub fn measure(reps: usize, max: usize) -> Vec<Row> {
    let options = Options::default();
    let mut rows = Vec::new();
    let mut reps = reps.max(1);
    for &helpers in HELPERS.iter().filter(|&&h| h <= max) {
        let text = source(helpers);
        let mut best = f64::INFINITY;
        let mut passes = 0;
        let mut error = None;
        let mut spent = 0.0;
        let mut runs = 0;
        while runs < reps || (spent < 2.0 && runs < 50) {
            runs += 1;
            let start = Instant::now();
            let result = migrate(&text, Path::new("functions/scaling/index.js"), &options);
            let secs = start.elapsed().as_secs_f64();
            best = best.min(secs);
            spent += secs;
            match result {
                Ok(m) => passes = m.passes,
                Err(e) => error = Some(e.to_string()),
            }
            if secs > 5.0 {
                reps = 1;
                break;
            }
        }
        eprintln!("scaling: {helpers} helpers measured ({best:.2}s)");
        rows.push(Row {
            helpers,
            bytes: text.len(),
            secs: best,
            passes,
            error,
        });
    }
    rows
}

/// The table of the series, as Markdown.
pub fn table(rows: &[Row]) -> String {
    let mut out = String::from(
        "| helpers | bytes | seconds | passes | code vs first | time vs first | time vs previous |\n|---|---|---|---|---|---|---|\n",
    );
    let first = &rows[0];
    for (i, row) in rows.iter().enumerate() {
        let previous = &rows[i.saturating_sub(1)];
        let _ = writeln!(
            out,
            "| {} | {} | {:.3} | {} | {:.0}x | {:.1}x | {:.1}x |{}",
            row.helpers,
            row.bytes,
            row.secs,
            row.passes,
            row.bytes as f64 / first.bytes as f64,
            row.secs / first.secs,
            row.secs / previous.secs,
            row.error
                .as_ref()
                .map_or(String::new(), |e| format!(" error: {e}"))
        );
    }
    // The target's row: 16 times the code of the first (the last when the series stops short).
    let last = rows
        .iter()
        .find(|r| r.helpers == 16 * first.helpers)
        .unwrap_or(&rows[rows.len() - 1]);
    let _ = writeln!(
        out,
        "\n{:.0}x the code took {:.1}x the time (target: 16x the code in at most 24x the time; 8x in at most 12x).",
        last.bytes as f64 / first.bytes as f64,
        last.secs / first.secs
    );
    out
}
