// Signs a payload.

async function lambda(input, callback) {
  // the secret store
  const { Toolbelt } = require("lp-faas-toolbelt");
  const crypto = require("crypto"); // for HMAC
  const { get } = require("lodash"); /* deep reads */

  const client = Toolbelt.SecretClient();
  callback(null, [typeof client, get(input, "payload"), crypto.createHash("sha1").update("a").digest("hex")]);
}
