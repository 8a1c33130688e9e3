const locale = process.env.LOCALE || "en";
const messages = require("./messages/" + locale + ".json");

function lambda(input, callback) {
  const name = input.payload.module;
  const mod = require(name);
  const resolved = require.resolve("./messages/en.json");
  callback(null, { messages, mod: typeof mod, resolved, hasRequire: typeof require });
}
