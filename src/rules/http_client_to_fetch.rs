//! ## What it does
//! Rewrites every call of a client made by `Toolbelt.HTTPClient()` (a variable at module level or
//! in a function, any name, also through `const { HTTPClient } = Toolbelt`, or a parameter that
//! every call of its function passes such a client) to the global `fetch`, keeping what
//! request-promise did:
//!
//! - call shapes `client(url, options)`, `client({ uri | url, … })`, `client(optionsVariable)`
//!   (an object literal declared once, before the call, in the same function) and the shorthands
//!   `.get`, `.post`, `.put`, `.patch`, `.del`/`.delete`, `.head`, `.options`;
//! - `method` and `headers` stay; `json: true` JSON-stringifies `body`, adds the
//!   `Content-Type: application/json` and `Accept: application/json` headers request added (unless
//!   the headers already name them) and reads the answer as JSON; `qs` is appended to the URL with
//!   `URLSearchParams`; `form` becomes a `URLSearchParams` body; `baseUrl` is joined to the uri
//!   the way request joined them; `timeout` becomes `signal: AbortSignal.timeout(ms)`;
//! - `simple` (default `true`): a status outside 2xx throws a `StatusCodeError` with the
//!   `statusCode`, `error` (the body) and `message` (`"<status> - <body as JSON>"`) V1 code reads;
//! - `resolveWithFullResponse`: the result is `{ statusCode, headers, body }`;
//! - without `json`, the body is returned as text (so `JSON.parse(res)` keeps working); with it, an
//!   empty body is `undefined` and a body that is not JSON stays text, as in V1.
//!
//! A call that is a statement of its own in an async function (`const x = await client(…)`,
//! `x = await …`, `await client(…)`, `return client(…)` outside a `try`) becomes statements; any
//! other call (a `.then` chain, an argument, `JSON.parse(await client(…))`) becomes
//! `fetch(…).then(…)`. Two small helpers are inserted once per file, each only when a call needs
//! it: `readJson(response)`, request's JSON reading (`response.json()` would throw on the empty
//! body of a 204 and on text that is not JSON, where V1 resolved `undefined` or the text), and
//! `class StatusCodeError`. A client variable, a parameter that received it, and an object of
//! options that calls only spread are removed once nothing uses them.
//!
//! ## Why V2 needs it
//! V2's toolbelt has no `HTTPClient`: `Toolbelt.HTTPClient()` throws `TypeError:
//! Toolbelt.HTTPClient is not a function`, and V2 functions use the global `fetch` (V2 guide §1.3).
//! fetch has none of request-promise's defaults: it does not reject on a 404, does not parse JSON,
//! does not serialize a body and returns a `Response`, so a plain swap silently changes what a
//! function does (docs/faas-v1-to-v2.md §3).
//!
//! ## Example
//! ```js
//! // before
//! const httpClient = Toolbelt.HTTPClient();
//! const created = await httpClient("https://api.example.com/bookings", {
//!   method: "POST",
//!   json: true,
//!   body: { slot },
//! });
//! // after
//! const response = await fetch("https://api.example.com/bookings", {
//!   method: "POST",
//!   headers: { "Content-Type": "application/json", Accept: "application/json" },
//!   body: JSON.stringify({ slot }),
//! });
//! if (!response.ok) throw new StatusCodeError(response.status, await readJson(response));
//! const created = await readJson(response);
//! ```
//!
//! ## Limits
//! A call gets a marker, and is left as it is, when its options are not all known where it is
//! made: options built across statements (other than assigning headers of an options variable),
//! spread from an object that is not a constant literal used only in such spreads, with a computed
//! key, an option other than those above (`encoding`, `gzip`, `auth`, `followRedirect`,
//! `transform`, …), or a `json`, `simple` or `resolveWithFullResponse` that is not `true`/`false`;
//! also a callback argument, a request object used beyond `.then`/`.catch`/`.finally`
//! (`.promise()`, `.pipe(…)`), an options variable changed or read elsewhere, declared in
//! another function, whose moved values may change before the call, or with a `timeout` while the
//! call is not made right after it, and a client used other than by calling it or passing it to a
//! local function that only calls it (each such use gets a marker, and the
//! `Toolbelt.HTTPClient()` it came from stays, with a marker of its own). A client is found by
//! name in the whole file; `require("lp-faas-toolbelt").Toolbelt.HTTPClient()` is not followed.
//!
//! What still differs, by design of fetch: a request that fails without a response (DNS,
//! connection refused) rejects with fetch's `TypeError: fetch failed` instead of request's
//! `RequestError` (`"Error: connect ECONNREFUSED …"`, `err.error.code`); a timeout rejects with a
//! `TimeoutError` and bounds the whole request, where request bounded the connection and each wait
//! for data (reported as `review`); fetch follows redirects of every method, request only of GET
//! and HEAD (a redirected POST was a `StatusCodeError` with `simple`); the `StatusCodeError` has no
//! `options` and `response`, and the full response has only `statusCode`, `headers` (a plain object
//! with lower-case names; several `Set-Cookie` headers keep only the last) and `body`; `qs` and
//! `form` values that are `undefined`, `null`, arrays or objects are encoded differently by
//! `URLSearchParams` (reported as `review` unless every value is plainly a string, number or
//! boolean); a string body without a `Content-Type` is labelled `text/plain` by fetch.

use super::request::{self, Kind};
use super::{Check, Context, RuleInfo};
use crate::finding::FixClass;

pub(super) const INFO: RuleInfo = RuleInfo {
    name: "http-client-to-fetch",
    class: FixClass::Auto,
    summary: "calls of `Toolbelt.HTTPClient()` (request-promise) become `fetch` with request-promise's defaults kept",
    applies: |source| {
        source.contains("HTTPClient")
            || source.contains("readJson")
            || source.contains("StatusCodeError")
            || source.contains("requestPromise")
    },
    check: Check::JavaScript(check),
    after: &["handler-callback"],
    source: include_str!("http_client_to_fetch.rs"),
};

fn check(cx: &mut Context) {
    request::check(cx, Kind::Http);
}
