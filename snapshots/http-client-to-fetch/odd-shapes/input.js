const { Toolbelt } = require("lp-faas-toolbelt");
const http = Toolbelt.HTTPClient();
const h2 = Toolbelt.HTTPClient(), other = 1;
const opts = { json: true, ...{ a: 1 } };
async function f(...args) { return http(...args); }
async function g() { return http(); }
async function h() { const x = await http({}); return x; }
async function i() { const { a = 1 } = await http("u", { json: true, qs: {}, form: {}, }); return a; }
async function j() { return await http`tagged`; }
async function k(u) { if (u) return http(u, { json: true }); else return http.get(u); }
async function l() { label: { await http("x", { "json": true, 'simple': false, headers: { ...{ Accept: 'x' } } }); } }
async function m() { for (const u of ["a", "b"]) await http(u, { timeout: 5 }); }
async function n() { const opts2 = { baseUrl: "https://x/", uri: "" }; return http(opts2); }
async function o() { const r = await h2.post("u", { body: "s", json: false }); return r; }
async function p() { switch (1) { case 1: const z = await http("u"); return z; } }
const q = async () => http("u", { method: `post`, json: true, body: [1, 2] });
class C { async m() { return http("u", { qs: { a: [1] } }); } }
module.exports = { f, g, h, i, j, k, l, m, n, o, p, q, C, opts, other };
async function lambda(input, callback) { callback(null, await h()); }
