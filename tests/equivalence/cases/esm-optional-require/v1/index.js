async function loadFormatter() {
  try {
    const fancy = require("fancy-formatter-that-is-not-installed");
    return fancy.format;
  } catch (err) {
    return function (text) {
      return "plain: " + text;
    };
  }
}

async function lambda(input, callback) {
  const format = await loadFormatter();
  callback(null, { text: format(input.payload.text) });
}
