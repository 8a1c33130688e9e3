/*
 * Order status lookup.
 * Owner: the commerce team.
 */

// Called from the order bot.
async function lambda(input, callback) {
  const crypto = require("crypto");
  callback(null, crypto.randomUUID().length);
}
