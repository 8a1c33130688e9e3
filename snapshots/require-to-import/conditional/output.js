import { inspect } from "util";

async function loadFormatter(input) {
  let format = (x) => String(x);
  try {
    const pretty = (await import("pretty-format")).default;
    format = pretty.format;
  } catch (e) {
    // optional dependency
  }
  if (input.payload.legacy) {
    format = inspect;
  }
  return format;
}

function syncHelper(flag) {
  // TODO(faas-migrate): `require("moment")` runs only under a condition or in `try` here; import it at the top level if it always loads, or use `await import()` in an async function [require-to-import]
  return flag ? require("moment")() : null;
}

async function lambda(input, callback) {
  const format = await loadFormatter(input);
  const driver = input.payload.fast ? (await import("fast-json-stringify")).default : JSON.stringify;
  callback(null, { text: format(input.payload), driver: typeof driver, when: syncHelper(false) });
}
