async function loadFormatter(input) {
  let format = (x) => String(x);
  try {
    const pretty = require("pretty-format");
    format = pretty.format;
  } catch (e) {
    // optional dependency
  }
  if (input.payload.legacy) {
    const { inspect } = require("util");
    format = inspect;
  }
  return format;
}

function syncHelper(flag) {
  return flag ? require("moment")() : null;
}

async function lambda(input, callback) {
  const format = await loadFormatter(input);
  const driver = input.payload.fast ? require("fast-json-stringify") : JSON.stringify;
  callback(null, { text: format(input.payload), driver: typeof driver, when: syncHelper(false) });
}
