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

// V2 has no HTTPClient (request-promise): this makes a request as it did, with fetch, for calls
// whose options are only known when they run or that pass request's callback.
async function requestPromise(uri, options, callback) {
  if (typeof options === "function") [options, callback] = [undefined, options];
  const params = typeof uri === "string" ? { ...options, uri } : { ...uri, ...options };
  if (callback) {
    return requestPromise({ ...params, simple: false, resolveWithFullResponse: true }).then(
      (response) => callback(null, response, response.body),
      (error) => callback(error),
    );
  }
  const known = ["uri", "url", "baseUrl", "method", "headers", "body", "json", "qs", "form", "timeout", "simple", "resolveWithFullResponse"];
  const unknown = Object.keys(params).find((key) => params[key] !== undefined && !known.includes(key));
  if (unknown) throw new Error(`request option "${unknown}" is not supported over fetch`);
  const { baseUrl, qs, json, form, timeout } = params;
  let url = params.uri ?? params.url;
  if (baseUrl) url = url === "" ? baseUrl : `${baseUrl.replace(/\/$/, "")}/${url.replace(/^\//, "")}`;
  const query = new URLSearchParams(qs ?? {}).toString();
  if (query) url += (url.includes("?") ? "&" : "?") + query;
  const headers = { ...params.headers };
  const has = (name) => Object.keys(headers).some((key) => key.toLowerCase() === name);
  const credentials = /^([a-z][a-z\d+.-]*:\/\/)([^/?#\\]*)@/i.exec(url);
  if (credentials) {
    url = credentials[1] + url.slice(credentials[0].length);
    const user = decodeURIComponent(credentials[2]);
    if (user && !has("authorization")) {
      headers.authorization = `Basic ${Buffer.from(user.includes(":") ? user : `${user}:`).toString("base64")}`;
    }
  }
  let body = form ? new URLSearchParams(form) : params.body;
  if (json) {
    if (typeof json !== "boolean") body = json;
    if (body !== undefined && !form) {
      body = JSON.stringify(body);
      if (!has("content-type")) headers["content-type"] = "application/json";
    }
    if (!has("accept")) headers.accept = "application/json";
  }
  const response = await fetch(url, {
    method: params.method?.toUpperCase(),
    headers,
    body,
    signal: timeout ? AbortSignal.timeout(timeout) : undefined,
  });
  const data = json ? await readJson(response) : await response.text();
  if (params.simple !== false && !response.ok) throw new StatusCodeError(response.status, data);
  if (!params.resolveWithFullResponse) return data;
  return { statusCode: response.status, headers: Object.fromEntries(response.headers), body: data };
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
async function k(u) { if (u) return fetch(u, { headers: { Accept: "application/json" } }).then(async (response) => {
  if (!response.ok) throw new StatusCodeError(response.status, await readJson(response));
  return readJson(response);
}); else return requestPromise(u, { method: "GET" }); }
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
