// The Context Session Store, emulated by the local server when a scenario gives `context`: the
// requests the toolbelts' ContextServiceClient makes (runtime/context-service.cjs) read and change
// an in-memory store, `{ <namespace>: { <sessionId>: { <property>: value } } }`, whose final state
// is compared between V1 and V2 like the secret store.

/** Hosts the store answers on: V1's fixed host, and V2's CSDS `mavenContext` host. */
export function contextHosts(csds) {
  return new Set(['z1.context.liveperson.net', ...(csds && csds.mavenContext ? [csds.mavenContext] : [])]);
}

const clone = (value) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

/** A store to start a run with, from the scenario's `context`. */
export function createStore(initial) {
  return clone(initial ?? {});
}

function missing(namespace) {
  return { status: 404, body: { message: `namespace ${namespace} does not exist` } };
}

/**
 * Answers one request (`record` as the server recorded it, body parsed), or returns null when the
 * request is not one of the store's (`/v1/account/<account>[/...]`).
 */
export function answer(store, record) {
  const match = /^\/v1\/account\/[^/]+(\/.*)?$/.exec(record.path);
  if (!match) {
    return null;
  }
  const parts = (match[1] ?? '').split('/').slice(1);
  const { method } = record;
  const [namespace, session, properties, name] = parts;
  const has = (ns) => Object.prototype.hasOwnProperty.call(store, ns);

  if (parts.length === 0) {
    if (method === 'GET') {
      return { status: 200, body: Object.keys(store).map((ns) => ({ name: ns })) };
    }
    if (method === 'POST' && record.body && typeof record.body.name === 'string') {
      if (!has(record.body.name)) {
        store[record.body.name] = {};
      }
      return { status: 204 };
    }
    return null;
  }
  if (parts.length === 1 && method === 'DELETE') {
    if (!has(namespace)) {
      return missing(namespace);
    }
    delete store[namespace];
    return { status: 204 };
  }
  if (parts.length === 2 && session === 'session-ids' && method === 'GET') {
    return has(namespace) ? { status: 200, body: Object.keys(store[namespace]) } : missing(namespace);
  }
  if (parts.length < 3 || properties !== 'properties' || parts.length > 4) {
    return null;
  }
  if (!has(namespace)) {
    return missing(namespace);
  }
  const sessions = store[namespace];
  const current = sessions[session] ?? {};
  if (parts.length === 3 || name === '') {
    if (method === 'GET' && parts.length === 3) {
      return { status: 200, body: current };
    }
    if (method === 'PATCH' && parts.length === 3 && record.body && typeof record.body === 'object') {
      sessions[session] = { ...current, ...clone(record.body) };
      return { status: 204 };
    }
    if (method === 'DELETE') {
      delete sessions[session];
      return { status: 204 };
    }
    return null;
  }
  if (method === 'GET') {
    return Object.prototype.hasOwnProperty.call(current, name)
      ? { status: 200, body: current[name] }
      : { status: 404, body: { message: `property ${name} does not exist` } };
  }
  if (method === 'DELETE') {
    if (sessions[session]) {
      delete sessions[session][name];
    }
    return { status: 204 };
  }
  return null;
}

/** The store's final state, keys sorted (for the report and the comparison). */
export function snapshot(store) {
  const sorted = (object) =>
    Object.fromEntries(
      Object.keys(object)
        .sort()
        .map((key) => [key, object[key]]),
    );
  return Object.fromEntries(
    Object.keys(store)
      .sort()
      .map((ns) => [ns, Object.fromEntries(Object.keys(store[ns]).sort().map((s) => [s, sorted(store[ns][s])]))]),
  );
}
