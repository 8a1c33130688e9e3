// TODO(faas-migrate): V2's toolbelt is `core-functions-toolbelt`: `lp-faas-toolbelt` does not exist there [v1-residue]
import { Toolbelt } from "lp-faas-toolbelt";
// TODO(faas-migrate): `require` does not exist in a V2 ES module: load this with `import` [v1-residue]
// TODO(faas-migrate): V2's toolbelt is `core-functions-toolbelt`: `lp-faas-toolbelt` does not exist there [v1-residue]
const tb = require("lp-faas-toolbelt");
const env = process.env;

function load(name) {
  // TODO(faas-migrate): `require` does not exist in a V2 ES module: load this with `import` [v1-residue]
  return require(name);
}

// TODO(faas-migrate): V2 calls `lambda(input)` without a callback: `callback` is undefined there; return the result or throw instead [v1-residue]
async function lambda(input, callback) {
  // TODO(faas-migrate): V2's toolbelt has no `HTTPClient`: send this request with `fetch` [v1-residue]
  const client = tb.Toolbelt["HTTPClient"]();
  // TODO(faas-migrate): `total` is declared nowhere: V2 modules are strict, so assigning it throws a ReferenceError; declare it (`let total`) where it is used [v1-residue]
  total = 0;
  // TODO(faas-migrate): `key` is declared nowhere: V2 modules are strict, so assigning it throws a ReferenceError; declare it (`let key`) where it is used [v1-residue]
  for (key in input.payload) {
    total += input.payload[key];
  }
  process.exitCode = 0;
  // TODO(faas-migrate): V2 sets `X_LIVEPERSON_BRAND_ID`, not `BRAND_ID`: read `X_LIVEPERSON_BRAND_ID` [v1-residue]
  // TODO(faas-migrate): V2 sets `X_LIVEPERSON_FUNCTION_UUID`, not `LAMBDA_UUID`: read `X_LIVEPERSON_FUNCTION_UUID` [v1-residue]
  callback(null, { brand: env.BRAND_ID, uuid: process.env.LAMBDA_UUID, total, client });
}

// TODO(faas-migrate): `module` does not exist in a V2 ES module: export with `export` [v1-residue]
module.exports = { lambda, load };
