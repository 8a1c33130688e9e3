const locale = process.env.LOCALE || "en";
// TODO(faas-migrate): `require` with a computed module name cannot become an import; use `await import(…)` in an async function (its `.default` for a CommonJS module) [require-to-import]
const messages = require("./messages/" + locale + ".json");

function lambda(input, callback) {
  const name = input.payload.module;
  // TODO(faas-migrate): `require` with a computed module name cannot become an import; use `await import(…)` in an async function (its `.default` for a CommonJS module) [require-to-import]
  const mod = require(name);
  // TODO(faas-migrate): `require` does not exist in ES modules; replace this use (`import.meta.resolve`, or `createRequire` from "node:module") [require-to-import]
  const resolved = require.resolve("./messages/en.json");
  // TODO(faas-migrate): `require` does not exist in ES modules; replace this use (`import.meta.resolve`, or `createRequire` from "node:module") [require-to-import]
  callback(null, { messages, mod: typeof mod, resolved, hasRequire: typeof require });
}
