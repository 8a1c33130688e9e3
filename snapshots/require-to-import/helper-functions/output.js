/**
 * Reads a secret and signs the payload with it.
 */

import { Toolbelt, LpServices } from 'core-functions-toolbelt';
import crypto from 'crypto';

function readKey(name) {
  return Toolbelt.SecretClient().readSecret(name);
}

function sign(key, body) {
  return crypto.createHmac('sha256', key).update(body).digest('hex');
}

async function lambda(input, callback) {
  const { value } = await readKey('signing-key');
  callback(null, { service: LpServices.MSG_HIST, signature: sign(value, input.payload.text), id: crypto.randomUUID(), tb: typeof Toolbelt });
}
