'use strict';
// The platform state one invocation sees, shared by both toolbelt emulations: the secret store and
// the CSDS map (service name -> host without scheme).

const secrets = new Map();
let csds = {};

function clone(value) {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

function configure(config) {
  secrets.clear();
  for (const [key, value] of Object.entries(config.secrets || {})) {
    secrets.set(key, clone(value));
  }
  csds = { ...(config.csds || {}) };
}

/** `{ key, value }`; rejects when the secret does not exist (message as in both toolbelts). */
async function readSecret(key) {
  if (!secrets.has(key)) {
    throw new Error(`There is no Secret ${key} for this account`);
  }
  return { key, value: clone(secrets.get(key)) };
}

/** Stores an existing secret's new value and resolves with the entry; rejects for an unknown key. */
async function updateSecret(entry) {
  const key = entry && entry.key;
  if (typeof key !== 'string' || !secrets.has(key)) {
    throw new Error(`Updating Secret ${key} failed`);
  }
  secrets.set(key, clone(entry.value));
  return { key, value: clone(entry.value) };
}

function secretSnapshot() {
  return Object.fromEntries([...secrets.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The host of a CSDS service, or undefined. */
function csdsHost(service) {
  return Object.prototype.hasOwnProperty.call(csds, service) ? csds[service] : undefined;
}

function csdsEntries() {
  return Object.entries(csds);
}

module.exports = { configure, readSecret, updateSecret, secretSnapshot, csdsHost, csdsEntries };
