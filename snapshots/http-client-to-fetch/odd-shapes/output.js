const { Toolbelt } = require("lp-faas-toolbelt");

// The body as request-promise's `json: true` read it: parsed JSON, or the text itself
// when it is not JSON (undefined when empty).
async function readJson(response) {
  const text = await response.text();
  try {
    return text === "" ? undefined : JSON.parse(text);
  } catch {
    return text;
  }
}

// request-promise's rejection of a response with a status outside 2xx (its `simple` option).
class StatusCodeError extends Error {
  constructor(statusCode, body) {
    super(`${statusCode} - ${JSON.stringify(body)}`);
    this.name = "StatusCodeError";
    this.statusCode = statusCode;
    this.error = body;
  }
}

// TODO(faas-migrate): V2's toolbelt has no `HTTPClient`, so this throws: remove it once the uses of `http` marked below call `fetch` [http-client-to-fetch]
const http = Toolbelt.HTTPClient();
const other = 1;
const opts = { json: true, ...{ a: 1 } };
// TODO(faas-migrate): the call spreads its arguments: rewrite this call with `fetch` by hand [http-client-to-fetch]
async function f(...args) { return http(...args); }
// TODO(faas-migrate): the call has no arguments: rewrite this call with `fetch` by hand [http-client-to-fetch]
async function g() { return http(); }
// TODO(faas-migrate): the call has no URL: rewrite this call with `fetch` by hand [http-client-to-fetch]
async function h() { const x = await http({}); return x; }
async function i() { const response = await fetch(`u?${new URLSearchParams({})}`, { headers: { Accept: "application/json" }, body: new URLSearchParams({}) });
if (!response.ok) throw new StatusCodeError(response.status, await readJson(response));
const { a = 1 } = await readJson(response); return a; }
// TODO(faas-migrate): V2 has no HTTPClient: `http` is used here other than by calling it; use `fetch` instead [http-client-to-fetch]
async function j() { return await http`tagged`; }
// TODO(faas-migrate): `u` may hold a URL or request options, and which is not known here: rewrite this call with `fetch` by hand [http-client-to-fetch]
async function k(u) { if (u) return fetch(u, { headers: { Accept: "application/json" } }).then(async (response) => {
  if (!response.ok) throw new StatusCodeError(response.status, await readJson(response));
  return readJson(response);
}); else return http.get(u); }
async function l() { label: { await fetch("x", { headers: { Accept: "application/json", ...{ Accept: 'x' } } }); } }
async function m() { for (const u of ["a", "b"]) await fetch(u, { signal: AbortSignal.timeout(5) }).then(async (response) => {
  if (!response.ok) throw new StatusCodeError(response.status, await response.text());
  return response.text();
}); }
async function n() { const opts2 = {}; const response = await fetch("https://x/", opts2);
if (!response.ok) throw new StatusCodeError(response.status, await response.text());
return response.text(); }
async function o() { const response = await fetch("u", { method: "POST", body: "s" });
if (!response.ok) throw new StatusCodeError(response.status, await response.text());
const r = await response.text(); return r; }
async function p() { switch (1) { case 1: const response = await fetch("u");
if (!response.ok) throw new StatusCodeError(response.status, await response.text());
const z = await response.text(); return z; } }
const q = async () => fetch("u", { method: `post`, headers: { "Content-Type": "application/json", Accept: "application/json" }, body: JSON.stringify([1, 2]) }).then(async (response) => {
  if (!response.ok) throw new StatusCodeError(response.status, await readJson(response));
  return readJson(response);
});
class C { async m() { const response = await fetch(`u?${new URLSearchParams({ a: [1] })}`);
if (!response.ok) throw new StatusCodeError(response.status, await response.text());
return response.text(); } }
module.exports = { f, g, h, i, j, k, l, m, n, o, p, q, C, opts, other };
async function lambda(input, callback) { callback(null, await h()); }
