//! ## What it does
//! Rewrites the calls of a `Toolbelt.LpClient()` client that use request-promise options
//! (`json`, `simple`, `resolveWithFullResponse`, `qs`, `form`, `timeout`) so that they read V2's
//! fetch `Response` the way V1 read the answer: with `json: true` the body is JSON-stringified
//! with `Content-Type: application/json` and the answer is read as JSON where V1 code used the
//! parsed body; a status outside 2xx still throws a `StatusCodeError` with `statusCode`, `error`
//! and `message` (unless `simple: false`); `resolveWithFullResponse` still gives
//! `{ statusCode, headers, body }`. `appKeySecretName` stays. The client is followed into local
//! functions that every call passes it to. A service given as the string `'auditlog'` (V1's
//! `LpServices.AUDITLOG`) becomes `'auditLog'`, V2's name.
//!
//! The call shapes and the helpers (`readJson`, `StatusCodeError`) are those of
//! `http-client-to-fetch`.
//!
//! ## Why V2 needs it
//! V1's LpClient was request-promise with OAuth: `json: true` serialized the body, set the
//! header and returned the parsed body, and a 4xx rejected. V2's LpClient is fetch: it returns the
//! raw `Response` and does none of this (V2 guide §1.4), so `skills.find(…)` on its result fails,
//! and a body object is sent as `[object Object]`.
//!
//! ## Example
//! ```js
//! // before
//! const skills = await lpClient(LpServices.ACCOUNT_CONFIG_READ_ONLY, path, { method: "GET", json: true });
//! // after
//! const response = await lpClient(LpServices.ACCOUNT_CONFIG_READ_ONLY, path, { method: "GET" });
//! if (!response.ok) throw new StatusCodeError(response.status, await readJson(response));
//! const skills = await readJson(response);
//! ```
//!
//! ## Limits
//! A call without any request-promise option looks the same in V1 and V2, so it is not rewritten:
//! when its result is used as data (V1 resolved with the body as text) it gets a marker; a call
//! whose result is read as a `Response` (`.ok`, `.status`, `.json()`, `.text()`, …) is left
//! alone, and so is one whose result is unused (V1 rejected on a status outside 2xx there, which
//! nothing reports). Options that are not known where the call is made, `uri`/`url`/`baseUrl`,
//! and options without a fetch equivalent get a marker, as in `http-client-to-fetch`, whose other
//! limits (errors without a response, timeouts, encoding of `qs` values) apply too. Unlike there,
//! options known only at run time are not handed to a run-time helper: V2's LpClient is not
//! fetch (it adds the service's host and its own authorization from `appKeySecretName`), so a
//! helper would have to wrap it and read its `Response` per option; such a call keeps its
//! marker. The `Accept`
//! header request added with `json: true` is not added: V2's LpClient talks to LivePerson APIs,
//! which answer JSON.

use super::request::{self, Kind};
use super::{Check, Context, RuleInfo};
use crate::finding::FixClass;

pub(super) const INFO: RuleInfo = RuleInfo {
    name: "lp-client-json",
    class: FixClass::Auto,
    summary: "LpClient calls with request-promise options (`json: true`, …) read V2's fetch Response as V1 did",
    applies: |source| source.contains("LpClient"),
    check: Check::JavaScript(check),
    after: &["handler-callback"],
    source: include_str!("lp_client_json.rs"),
};

fn check(cx: &mut Context) {
    request::check(cx, Kind::Lp);
}
