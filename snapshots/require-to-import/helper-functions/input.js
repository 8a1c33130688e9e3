/**
 * Reads a secret and signs the payload with it.
 */

function readKey(name) {
  const { Toolbelt } = require('lp-faas-toolbelt');
  return Toolbelt.SecretClient().readSecret(name);
}

function sign(key, body) {
  const crypto = require('crypto');
  return crypto.createHmac('sha256', key).update(body).digest('hex');
}

async function lambda(input, callback) {
  const { Toolbelt, LpServices } = require('lp-faas-toolbelt');
  const crypto = require('crypto');
  const { value } = await readKey('signing-key');
  callback(null, { service: LpServices.MSG_HIST, signature: sign(value, input.payload.text), id: crypto.randomUUID(), tb: typeof Toolbelt });
}
