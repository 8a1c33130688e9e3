/*
 * Order status lookup.
 * Owner: the commerce team.
 */

import crypto from "crypto";

// Called from the order bot.
async function lambda(input, callback) {
  callback(null, crypto.randomUUID().length);
}
