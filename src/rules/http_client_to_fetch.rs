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
//!   empty body is `undefined` and a body that is not JSON stays text, as in V1;
//! - credentials in the URL (`https://user:password@host/…`, in a string or template literal at
//!   the call, in `baseUrl`, or in a string constant the URL starts with): request sent them as
//!   `Authorization: Basic base64(user:password)` (percent-escapes decoded) unless the headers
//!   already had an `Authorization`, and fetch refuses such a URL, so they are taken out of the
//!   URL and the header is added (`"Basic " + Buffer.from("user:password").toString("base64")`).
//!   A constant is changed only when every use of it is a call rewritten in the same pass.
//!
//! A call whose options are only known when it runs (a parameter, an object changed before the
//! call or declared elsewhere, a spread of an object from elsewhere, a `json`, `simple` or
//! `resolveWithFullResponse` that is not a literal, credentials built at run time) and a call with
//! request's callback (`client.post(url, { form }, (err, response, body) => …)`,
//! `client(options, callback)`) keep their arguments and call `requestPromise` instead (a
//! `review` finding): one helper inserted once per file (named `requestPromise2`, … when the file
//! has another `requestPromise`) that takes request-promise's `(uri, options, callback)` and
//! applies its options over fetch when the call runs: `uri`/`url`, `baseUrl`, `qs`, credentials
//! in the URL, `headers`, `method`, `body`, `json` (`true` or a body), `form`, `timeout`, `simple`
//! (with the same `StatusCodeError`), `resolveWithFullResponse`. It throws on any other option
//! rather than ignore it. A shorthand passes its method on (`{ method: "POST" }`), as request's
//! shorthands set it. With a callback, the callback is called with `(error)` when the request
//! fails and with `(null, response, body)` for any status, `response` being
//! `{ statusCode, headers, body }`.
//!
//! A call that is a statement of its own in an async function (`const x = await client(…)`,
//! `x = await …`, `await client(…)`, `return client(…)` outside a `try`) becomes statements; any
//! other call (a `.then` chain, an argument, `JSON.parse(await client(…))`) becomes
//! `fetch(…).then(…)`. Two small helpers are inserted once per file, each only when a call needs
//! it (both when `requestPromise` is): `readJson(response)`, request's JSON reading
//! (`response.json()` would throw on the empty body of a 204 and on text that is not JSON, where
//! V1 resolved `undefined` or the text), and `class StatusCodeError`. A client variable, a parameter that received it, and an object of
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
//!
//! // before: credentials in the URL, and options that are a parameter
//! const SHOP = "https://key:secret@shop.example.com/admin/orders.json";
//! const orders = await httpClient(SHOP, { method: "GET" });
//! async function call(options) { return httpClient(options); }
//! // after
//! const SHOP = "https://shop.example.com/admin/orders.json";
//! const response = await fetch(SHOP, { method: "GET", headers: { Authorization: "Basic " + Buffer.from("key:secret").toString("base64") } });
//! if (!response.ok) throw new StatusCodeError(response.status, await response.text());
//! const orders = await response.text();
//! async function call(options) { return requestPromise(options); }
//! ```
//!
//! ## Limits
//! A call gets a marker, and is left as it is, when it names an option written at the call that
//! has no fetch equivalent here (`encoding`, `gzip`, `auth`, `followRedirect`, `transform`, …),
//! sets both `body` and `form`, gives the URL twice, uses the request object beyond
//! `.then`/`.catch`/`.finally` (`.promise()`, `.pipe(…)`), is a shorthand whose second argument
//! may be options or a callback (a parameter: the method could not be passed on safely), or when
//! the names the rewrite needs are taken at the top of the file (`fetch`, `readJson`,
//! `StatusCodeError`, or a global the helper reads such as `URL` or `Buffer`); also a client used
//! other than by calling it or passing it to a local function that only calls it (each such use
//! gets a marker, and the `Toolbelt.HTTPClient()` it came from stays, with a marker of its own).
//! A string constant with credentials that is also used other than as the start of a rewritten
//! call's URL keeps them, and those calls get a marker. A client is found by name in the whole
//! file; `require("lp-faas-toolbelt").Toolbelt.HTTPClient()` is not followed.
//!
//! Credentials: request took them from the URL with Node's `url.parse` (percent-escapes decoded)
//! and decoded each part once more; the rewrite decodes once and marks user-info whose decoded
//! text still holds a `%` escape. `requestPromise` decodes once, with `decodeURIComponent`. A URL
//! whose authority is only known at run time (`${base}/items`, a parameter) is an ordinary URL
//! and is passed to fetch as it is: were it ever to carry credentials, fetch would throw a
//! `TypeError` for it rather than send a different request.
//!
//! The callback style, and the evidence for it: V1's `HTTPClient()` is request-promise (the V1
//! toolbelt returns `request-promise-native`; docs/faas-v1-to-v2.md §2). In request-promise-core
//! (`lib/plumbing.js`, `plumbing.callback`, as request-promise-native 1.0.9 ships it) a callback
//! passed to a call is called first with request's own `(err, response, body)`: `err` only when
//! no response came, and a response of any status (`simple` does not apply to it); only the
//! promise the call also returns rejects on a status outside 2xx, and in callback-style code
//! nothing handles that promise. So the callback gets no error for a 404. What differs:
//! `response` is `{ statusCode, headers, body }`, not request's `IncomingMessage`; the error is
//! fetch's; an exception thrown by the callback rejects the promise `requestPromise` returns
//! (an unhandled rejection) where in V1 it was thrown from request's event handler.
//!
//! `requestPromise` reads the options as they are when the call runs, so it keeps what V1 did
//! with them; what it cannot keep is listed below for every rewrite, and it sends `qs` and `form`
//! with `URLSearchParams` (see below) and a `HEAD` request resolves with the body, not with the
//! headers as request-promise's default transform did. Options not known at the call are never
//! passed to `fetch` itself.
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
