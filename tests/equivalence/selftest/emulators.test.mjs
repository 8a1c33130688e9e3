// The runtime emulators behave like the platforms (docs: faas-v1-to-v2.md §1-§3).
//   node --test selftest/emulators.test.mjs

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TEST_TIMEOUT, createBench, failureOf, records, resultOf } from './helpers.mjs';

let bench;
before(async () => {
  bench = await createBench();
});
after(async () => {
  await bench.close();
});

describe('V1 callback semantics', () => {
  test('the first callback call wins; later ones are ignored', TEST_TIMEOUT, async () => {
    const run = await bench.v1(`
      function lambda(input, callback) {
        callback(null, { n: 1 });
        callback(null, { n: 2 });
        callback(new Error("late"));
      }`);
    assert.deepEqual(resultOf(run), { n: 1 });
  });

  test('a first error wins over a later success', TEST_TIMEOUT, async () => {
    const run = await bench.v1(`
      function lambda(input, callback) {
        callback(new Error("bad input"), null);
        callback(null, "ignored");
      }`);
    assert.equal(failureOf(run), 'bad input');
  });

  test('a non-Error err fails with String(err)', TEST_TIMEOUT, async () => {
    assert.equal(failureOf(await bench.v1(`function lambda(i, cb) { cb("oops"); }`)), 'oops');
    assert.equal(failureOf(await bench.v1(`function lambda(i, cb) { cb({ code: 1 }); }`)), '[object Object]');
  });

  test('no callback within the timeout is a timeout failure', TEST_TIMEOUT, async () => {
    const started = Date.now();
    const run = await bench.v1(`function lambda(input, callback) { /* never calls back */ }`, { timeoutMs: 300 });
    assert.equal(failureOf(run), 'timed out after 300 ms');
    assert.equal(run.outcome.timeout, true);
    assert.ok(Date.now() - started < 5000);
  });

  test('callback(null, promise) awaits the promise', TEST_TIMEOUT, async () => {
    const ok = await bench.v1(`
      async function main() { await new Promise((r) => setTimeout(r, 20)); return 5; }
      function lambda(input, callback) { callback(null, main()); }`);
    assert.equal(resultOf(ok), 5);
    const rejected = await bench.v1(`function lambda(i, cb) { cb(null, Promise.reject(new Error("no rates"))); }`);
    assert.equal(failureOf(rejected), 'no rates');
    const thenable = await bench.v1(`function lambda(i, cb) { cb(null, { then(resolve) { resolve("t"); } }); }`);
    assert.equal(resultOf(thenable), 't');
  });

  test('an async lambda that rejects before calling back fails', TEST_TIMEOUT, async () => {
    const run = await bench.v1(`async function lambda(input, callback) { throw new Error("async boom"); }`);
    assert.equal(failureOf(run), 'async boom');
  });

  test('an async lambda that resolves without calling back times out', TEST_TIMEOUT, async () => {
    const run = await bench.v1(`async function lambda(input, callback) { return 1; }`, { timeoutMs: 300 });
    assert.equal(failureOf(run), 'timed out after 300 ms');
  });

  test('a synchronous throw fails; a throw after the callback does not matter', TEST_TIMEOUT, async () => {
    assert.equal(failureOf(await bench.v1(`function lambda(i, cb) { throw new TypeError("sync"); }`)), 'sync');
    const late = await bench.v1(`function lambda(i, cb) { cb(null, "first"); throw new Error("after"); }`);
    assert.equal(resultOf(late), 'first');
  });

  test('an exception thrown in a later tick fails the invocation', TEST_TIMEOUT, async () => {
    const run = await bench.v1(`function lambda(i, cb) { setTimeout(() => { throw new Error("tick"); }, 5); }`);
    assert.equal(failureOf(run), 'tick');
  });

  test('callback(null) and callback(null, null) are different results', TEST_TIMEOUT, async () => {
    const none = await bench.v1(`function lambda(i, cb) { cb(null); }`);
    assert.equal(none.outcome.value.undefined, true);
    assert.equal(resultOf(await bench.v1(`function lambda(i, cb) { cb(null, null); }`)), null);
  });

  test('lambda found when exported or declared as a variable', TEST_TIMEOUT, async () => {
    const forms = [
      `const lambda = (input, callback) => callback(null, input.x); module.exports = lambda;`,
      `function handler(input, callback) { callback(null, input.x); } module.exports = { lambda: handler };`,
      `module.exports = function (input, callback) { callback(null, input.x); };`,
      `"use strict";\r\nvar helper = 1;\r\nfunction lambda(input, callback) {\r\n  callback(null, input.x);\r\n}\r\n`,
    ];
    for (const source of forms) {
      assert.equal(resultOf(await bench.v1(source, { input: { x: 'y' } })), 'y', source);
    }
  });

  test('a file that does not load is reported as a load failure', TEST_TIMEOUT, async () => {
    const syntax = await bench.v1(`function lambda(input, callback) { callback(null, ; }`);
    assert.equal(syntax.outcome.load, true);
    const missing = await bench.v1(`const _ = require("no-such-package-here"); function lambda(i, cb) { cb(null, 1); }`);
    assert.equal(missing.outcome.load, true);
    assert.match(missing.outcome.error, /no-such-package-here/);
    const none = await bench.v1(`var x = 1;`);
    assert.equal(none.outcome.load, true);
  });
});

describe('V1 HTTPClient is request-promise', () => {
  test('simple (default true) rejects a non-2xx status with "<status> - <body as JSON>"', TEST_TIMEOUT, async () => {
    const http = [{ method: 'GET', host: 'api.example.com', path: '/missing', status: 404, body: 'nope' }];
    const run = await bench.v1(
      `const { Toolbelt } = require("lp-faas-toolbelt");
       function lambda(input, callback) {
         Toolbelt.HTTPClient()("https://api.example.com/missing").then((b) => callback(null, b)).catch((e) => callback(e));
       }`,
      { http },
    );
    assert.equal(failureOf(run), '404 - "nope"');
    const json = await bench.v1(
      `const { Toolbelt } = require("lp-faas-toolbelt");
       async function lambda(input, callback) {
         try { callback(null, await Toolbelt.HTTPClient()({ uri: "https://api.example.com/missing", json: true })); }
         catch (e) { callback(e); }
       }`,
      { http: [{ ...http[0], body: { error: 'not found' } }] },
    );
    assert.equal(failureOf(json), '404 - {"error":"not found"}');
  });

  test('simple: false and resolveWithFullResponse give the status and the string body', TEST_TIMEOUT, async () => {
    const run = await bench.v1(
      `const { Toolbelt } = require("lp-faas-toolbelt");
       const rp = Toolbelt.HTTPClient();
       function lambda(input, callback) {
         rp.get("https://api.example.com/x", { simple: false, resolveWithFullResponse: true })
           .then((r) => callback(null, { status: r.statusCode, body: r.body, type: r.headers["content-type"] }));
       }`,
      { http: [{ method: 'GET', host: 'api.example.com', path: '/x', status: 409, body: { busy: true } }] },
    );
    assert.deepEqual(resultOf(run), { status: 409, body: '{"busy":true}', type: 'application/json; charset=utf-8' });
  });

  test('the timeout option rejects when the server is slow', TEST_TIMEOUT, async () => {
    const run = await bench.v1(
      `const { Toolbelt } = require("lp-faas-toolbelt");
       function lambda(input, callback) {
         Toolbelt.HTTPClient()("https://api.example.com/slow", { timeout: 100 }).then((b) => callback(null, b), callback);
       }`,
      { http: [{ method: 'GET', host: 'api.example.com', path: '/slow', body: 'late', delayMs: 1500 }] },
    );
    assert.match(failureOf(run), /TIMEDOUT/);
  });

  test('requests are recorded with host, path, query, content type and parsed body', TEST_TIMEOUT, async () => {
    const run = await bench.v1(
      `const { Toolbelt } = require("lp-faas-toolbelt");
       function lambda(input, callback) {
         Toolbelt.HTTPClient()("https://api.example.com:8443/a b", {
           method: "PUT", qs: { q: "x y", n: 1 }, json: true, body: { k: [1, 2] }, headers: { Authorization: "Bearer t", "User-Agent": "lp-functions/1.0" },
         }).then((b) => callback(null, b), callback);
       }`,
      { http: [{ method: 'PUT', host: 'api.example.com:8443', path: '/a b', status: 200, body: { done: true } }] },
    );
    assert.deepEqual(resultOf(run), { done: true });
    assert.deepEqual(records(run), [
      {
        method: 'PUT',
        scheme: 'https',
        host: 'api.example.com:8443',
        path: '/a b',
        query: { q: 'x y', n: '1' },
        contentType: 'application/json',
        headers: { authorization: 'Bearer t', 'user-agent': 'lp-functions/1.0' },
        body: { k: [1, 2] },
      },
    ]);
  });

  test('a request nobody scripted gets 599 and is marked', TEST_TIMEOUT, async () => {
    const run = await bench.v1(
      `const { Toolbelt } = require("lp-faas-toolbelt");
       function lambda(input, callback) {
         Toolbelt.HTTPClient()("https://api.example.com/nothing", { simple: false, resolveWithFullResponse: true })
           .then((r) => callback(null, r.statusCode), callback);
       }`,
    );
    assert.equal(resultOf(run), 599);
    assert.equal(records(run)[0].unmatched, true);
  });

  test('connections other than to the local server are refused, on both sides', TEST_TIMEOUT, async () => {
    const connect = `
      new Promise((resolve) => {
        const socket = require("node:net").connect(443, "203.0.113.7");
        socket.on("connect", () => resolve("connected"));
        socket.on("error", (err) => resolve(err.code + " " + err.message));
      })`;
    const v1 = await bench.v1(`function lambda(input, callback) { ${connect}.then((r) => callback(null, r)); }`);
    assert.equal(resultOf(v1), 'ECONNREFUSED connect ECONNREFUSED 203.0.113.7:443 (network access is refused: only the local server answers)');
    const v2 = await bench.v2(`import { createRequire } from "node:module";
      const require = createRequire(import.meta.url);
      async function lambda() { return ${connect.trim()}; }`);
    assert.equal(resultOf(v2), resultOf(v1));
    assert.deepEqual(records(v1), []);
  });

  test('scripted responses are used once each, in order', TEST_TIMEOUT, async () => {
    const run = await bench.v1(
      `const { Toolbelt } = require("lp-faas-toolbelt");
       const rp = Toolbelt.HTTPClient();
       async function lambda(input, callback) {
         const a = await rp("https://api.example.com/n", { json: true });
         const b = await rp("https://api.example.com/n", { json: true });
         callback(null, [a, b]);
       }`,
      {
        http: [
          { method: 'GET', host: 'api.example.com', path: '/n', body: 1 },
          { method: 'GET', host: 'api.example.com', path: '/n', body: 2 },
        ],
      },
    );
    assert.deepEqual(resultOf(run), [1, 2]);
  });
});

describe('V1 toolbelt', () => {
  test('LpClient resolves the host through CSDS, keeps the options and drops appKeySecretName', TEST_TIMEOUT, async () => {
    const run = await bench.v1(
      `const { Toolbelt, LpServices } = require("lp-faas-toolbelt");
       function lambda(input, callback) {
         Toolbelt.LpClient()(LpServices.AUDITLOG, "/log", { method: "POST", json: true, body: { a: 1 }, appKeySecretName: "k" })
           .then((b) => callback(null, { b, auditlog: LpServices.AUDITLOG }), callback);
       }`,
      { http: [{ method: 'POST', host: 'va.auditlog.liveperson.net', path: '/log', body: { ok: 1 } }] },
    );
    assert.deepEqual(resultOf(run), { b: { ok: 1 }, auditlog: 'auditlog' });
    assert.deepEqual(records(run)[0].body, { a: 1 });
  });

  test('LpClient rejects for a service CSDS does not know', TEST_TIMEOUT, async () => {
    const run = await bench.v1(`
      const { Toolbelt } = require("lp-faas-toolbelt");
      function lambda(i, cb) { Toolbelt.LpClient()("noSuchService", "/", { json: true }).then((b) => cb(null, b), cb); }`);
    assert.equal(failureOf(run), 'Service "noSuchService" could not be found.');
  });

  test('SecretClient reads and updates without a cache; a missing secret rejects', TEST_TIMEOUT, async () => {
    const run = await bench.v1(
      `const { Toolbelt } = require("lp-faas-toolbelt");
       const sc = Toolbelt.SecretClient();
       async function lambda(input, callback) {
         const first = await sc.readSecret("token");
         const updated = await sc.updateSecret({ key: "token", value: "new" });
         const second = await sc.readSecret("token");
         callback(null, { first, updated, second });
       }`,
      { secrets: { token: 'old' } },
    );
    assert.deepEqual(resultOf(run), {
      first: { key: 'token', value: 'old' },
      updated: { key: 'token', value: 'new' },
      second: { key: 'token', value: 'new' },
    });
    assert.deepEqual(run.secrets, { token: 'new' });
    const missing = await bench.v1(`
      const { Toolbelt } = require("lp-faas-toolbelt");
      function lambda(i, cb) { Toolbelt.SecretClient().readSecret("nope").then((s) => cb(null, s), cb); }`);
    assert.equal(failureOf(missing), 'There is no Secret nope for this account');
  });

  test('ContextServiceClient takes { apiKey, accountId } and calls the context service', TEST_TIMEOUT, async () => {
    const run = await bench.v1(
      `const { Toolbelt } = require("lp-faas-toolbelt");
       function lambda(input, callback) {
         Toolbelt.ContextServiceClient({ apiKey: "ak", accountId: "123" })
           .getPropertyInSession("ns", "lang", "s1").then((v) => callback(null, v), callback);
       }`,
      {
        http: [{ method: 'GET', host: 'z1.context.liveperson.net', path: '/v1/account/123/ns/s1/properties/lang', body: '"en"' }],
      },
    );
    assert.equal(resultOf(run), 'en');
    assert.deepEqual(records(run)[0].headers, { 'maven-api-key': 'ak' });
  });
});

describe('environment', () => {
  test('V1 sees V1 names, V2 sees V2 names, and nothing of the host leaks', TEST_TIMEOUT, async () => {
    process.env.FAAS_EQUIVALENCE_LEAK_PROBE = 'leaked';
    try {
      const env = { BRAND_ID: '123', LAMBDA_UUID: 'u-1', CSDS_DOMAIN: 'adminlogin.liveperson.net', MY_VAR: 'x' };
      const v1 = await bench.v1(`function lambda(i, cb) { cb(null, Object.keys(process.env).sort().map((k) => k + "=" + (k === "PATH" ? "" : process.env[k]))); }`, { env });
      assert.deepEqual(resultOf(v1), ['BRAND_ID=123', 'CSDS_DOMAIN=adminlogin.liveperson.net', 'LAMBDA_UUID=u-1', 'MY_VAR=x', 'PATH=', 'TZ=UTC']);
      const v2 = await bench.v2(`async function lambda(input) { return Object.keys(process.env).sort().map((k) => k + "=" + (k === "PATH" ? "" : process.env[k])); }`, { env });
      assert.deepEqual(resultOf(v2), [
        'MY_VAR=x',
        'PATH=',
        'TZ=UTC',
        'X_LIVEPERSON_BRAND_ID=123',
        'X_LIVEPERSON_CSDS_DOMAIN=adminlogin.liveperson.net',
        'X_LIVEPERSON_FUNCTION_UUID=u-1',
      ]);
    } finally {
      delete process.env.FAAS_EQUIVALENCE_LEAK_PROBE;
    }
  });
});

describe('V2 runtime', () => {
  test('the resolved value is the result; a rejection or throw is a failure', TEST_TIMEOUT, async () => {
    assert.deepEqual(resultOf(await bench.v2(`async function lambda(input) { return { got: input.a }; }`, { input: { a: 1 } })), { got: 1 });
    assert.equal(failureOf(await bench.v2(`async function lambda() { throw new Error("v2 boom"); }`)), 'v2 boom');
    assert.equal(failureOf(await bench.v2(`async function lambda() { throw "plain"; }`)), 'plain');
    assert.equal(failureOf(await bench.v2(`function lambda() { throw new Error("sync"); }`)), 'sync');
  });

  test('a lambda that never settles times out', TEST_TIMEOUT, async () => {
    const run = await bench.v2(`async function lambda() { await new Promise(() => {}); }`, { timeoutMs: 300 });
    assert.equal(failureOf(run), 'timed out after 300 ms');
  });

  test('unmigrated V1 source does not load or fails', TEST_TIMEOUT, async () => {
    const topLevel = await bench.v2(`const { Toolbelt } = require("lp-faas-toolbelt");\nfunction lambda(i, cb) { cb(null, 1); }`);
    assert.equal(topLevel.outcome.load, true);
    assert.match(topLevel.outcome.error, /require is not defined/);
    const callback = await bench.v2(`function lambda(input, callback) { callback(null, 1); }`);
    assert.match(failureOf(callback), /callback is not a function/);
    const noLambda = await bench.v2(`export const x = 1;`);
    assert.equal(noLambda.outcome.load, true);
  });

  test('fetch reaches the server with the original host; Response.url is the original URL', TEST_TIMEOUT, async () => {
    const run = await bench.v2(
      `async function lambda() {
         const r = await fetch("https://api.example.com/a?x=1", { method: "POST", headers: { "X-Key": "k" }, body: JSON.stringify({ b: 2 }) });
         return { status: r.status, url: r.url, body: await r.json() };
       }`,
      { http: [{ method: 'POST', host: 'api.example.com', path: '/a', query: { x: '1' }, status: 201, body: { ok: true } }] },
    );
    assert.deepEqual(resultOf(run), { status: 201, url: 'https://api.example.com/a?x=1', body: { ok: true } });
    assert.deepEqual(records(run), [
      {
        method: 'POST',
        scheme: 'https',
        host: 'api.example.com',
        path: '/a',
        query: { x: '1' },
        contentType: null,
        headers: { 'x-key': 'k' },
        body: '{"b":2}',
      },
    ]);
  });

  test('fetch follows redirects through the server', TEST_TIMEOUT, async () => {
    const run = await bench.v2(
      `async function lambda() { const r = await fetch("https://api.example.com/old"); return { url: r.url, redirected: r.redirected, text: await r.text() }; }`,
      {
        http: [
          { method: 'GET', host: 'api.example.com', path: '/old', status: 302, headers: { location: 'https://cdn.example.com/new' } },
          { method: 'GET', host: 'cdn.example.com', path: '/new', body: 'moved' },
        ],
      },
    );
    assert.deepEqual(resultOf(run), { url: 'https://cdn.example.com/new', redirected: true, text: 'moved' });
    assert.deepEqual(records(run).map((r) => r.host + r.path), ['api.example.com/old', 'cdn.example.com/new']);
  });
});

describe('V2 toolbelt', () => {
  test('SecretClient caches reads per instance; useCache: false reads the store', TEST_TIMEOUT, async () => {
    const run = await bench.v2(
      `import { Toolbelt } from "core-functions-toolbelt";
       async function lambda() {
         const sc = Toolbelt.SecretClient();
         const first = await sc.readSecret("token");
         await sc.updateSecret({ key: "token", value: "new" });
         const cached = await Toolbelt.SecretClient().readSecret("token");
         const fresh = await sc.readSecret("token", { useCache: false });
         return { first: first.value, cached: cached.value, fresh: fresh.value };
       }`,
      { secrets: { token: 'old' } },
    );
    assert.deepEqual(resultOf(run), { first: 'old', cached: 'old', fresh: 'new' });
    assert.deepEqual(run.secrets, { token: 'new' });
  });

  test('CsdsClient resolves hosts without scheme and rejects unknown services', TEST_TIMEOUT, async () => {
    const run = await bench.v2(
      `import { Toolbelt, LpServices } from "core-functions-toolbelt";
       async function lambda() {
         const csds = Toolbelt.CsdsClient();
         let unknown;
         try { await csds.get("nope"); } catch (e) { unknown = e.message; }
         return { host: await csds.get(LpServices.AGENT_VEP), all: await csds.getAll(), unknown, auditLog: LpServices.AUDITLOG };
       }`,
      { csds: { agentVep: 'va.agentvep.liveperson.net' } },
    );
    assert.deepEqual(resultOf(run), {
      host: 'va.agentvep.liveperson.net',
      all: [{ agentVep: 'va.agentvep.liveperson.net' }],
      unknown: 'Service "nope" could not be found.',
      auditLog: 'auditLog',
    });
  });

  test('LpClient returns the fetch Response and drops appKeySecretName; there is no HTTPClient', TEST_TIMEOUT, async () => {
    const run = await bench.v2(
      `import { Toolbelt } from "core-functions-toolbelt";
       async function lambda() {
         const r = await Toolbelt.LpClient()("msgHist", "/h", { method: "GET", appKeySecretName: "k", headers: { "x-a": "1" } });
         return { isResponse: r instanceof Response, status: r.status, body: await r.json(), httpClient: typeof Toolbelt.HTTPClient };
       }`,
      { http: [{ method: 'GET', host: 'va.msghist.liveperson.net', path: '/h', status: 404, body: { e: 1 } }] },
    );
    assert.deepEqual(resultOf(run), { isResponse: true, status: 404, body: { e: 1 }, httpClient: 'undefined' });
    assert.deepEqual(records(run)[0].headers, { 'x-a': '1' });
  });

  test('ContextServiceClient(apiKey) takes the account from X_LIVEPERSON_BRAND_ID', TEST_TIMEOUT, async () => {
    const run = await bench.v2(
      `import { Toolbelt } from "core-functions-toolbelt";
       async function lambda() { return Toolbelt.ContextServiceClient("ak").getPropertyInSession("ns", "lang", "s1"); }`,
      {
        env: { BRAND_ID: '123' },
        http: [{ method: 'GET', host: 'z1.context.liveperson.net', path: '/v1/account/123/ns/s1/properties/lang', body: '"en"' }],
      },
    );
    assert.equal(resultOf(run), 'en');
  });
});
