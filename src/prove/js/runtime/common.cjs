'use strict';
// What the V1 and V2 child runtimes share: the run configuration, the routing of every outgoing
// HTTP request to the harness server, the invocation bookkeeping and the report to the parent.

const fs = require('node:fs');
const http = require('node:http');
const https = require('node:https');
const net = require('node:net');
const { syncBuiltinESMExports } = require('node:module');

const HOST_HEADER = 'x-equivalence-host';
const SCHEME_HEADER = 'x-equivalence-scheme';
const RUN_HEADER = 'x-equivalence-run';

/** The JSON file named by the first argument, written by the parent (lib/execute.mjs). */
function readConfig() {
  const file = process.argv[2];
  if (!file) {
    throw new Error('usage: node <runtime> CONFIG.json');
  }
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function isError(value) {
  return value instanceof Error || Object.prototype.toString.call(value) === '[object Error]';
}

/** The message a platform reports for a failure: `err.message` for an Error, else `String(err)`. */
function failureMessage(err) {
  if (isError(err)) {
    return String(err.message);
  }
  try {
    return String(err);
  } catch {
    return Object.prototype.toString.call(err);
  }
}

/** A value as the platform would hand it on: after a JSON round trip. */
function encodeValue(value) {
  if (value === undefined) {
    return { undefined: true };
  }
  try {
    const text = JSON.stringify(value);
    return text === undefined ? { undefined: true } : { json: JSON.parse(text) };
  } catch (err) {
    return { unserializable: failureMessage(err) };
  }
}

function withDefaultPort(hostname, port, protocol) {
  const standard = protocol === 'http:' ? 80 : 443;
  const host = String(hostname).toLowerCase();
  return port && Number(port) !== standard ? `${host}:${port}` : host;
}

/**
 * Sends every `http.request`/`https.request` (the `request` library uses these) to the harness
 * server as plain HTTP, with the original host and scheme in headers.
 */
/**
 * Requests under way, and when the last one started or ended: after the result, the report waits
 * until the network has been quiet for a while, so requests the function makes after its result
 * are recorded however loaded the machine is.
 */
const activity = { inflight: 0, last: Date.now() };

function track(promiseOrRequest) {
  activity.inflight += 1;
  activity.last = Date.now();
  let done = false;
  const end = () => {
    if (!done) {
      done = true;
      activity.inflight -= 1;
      activity.last = Date.now();
    }
  };
  if (typeof promiseOrRequest.then === 'function') {
    promiseOrRequest.then(end, end);
  } else {
    promiseOrRequest.on('response', end);
    promiseOrRequest.on('error', end);
    promiseOrRequest.on('close', end);
  }
  return promiseOrRequest;
}

function routeNodeHttp({ port, runId }) {
  const realRequest = http.request;
  const agent = new http.Agent({ keepAlive: false });

  function routed(defaultProtocol) {
    return function request(...args) {
      let url;
      let options = {};
      let callback;
      for (const arg of args) {
        if (typeof arg === 'function') {
          callback = arg;
        } else if (typeof arg === 'string' || arg instanceof URL) {
          url = new URL(arg);
        } else if (arg && typeof arg === 'object') {
          options = arg;
        }
      }
      const merged = url
        ? {
            protocol: url.protocol,
            hostname: url.hostname,
            port: url.port,
            path: url.pathname + url.search,
            ...options,
          }
        : { ...options };
      const protocol = merged.protocol || defaultProtocol;
      const hostname = merged.hostname || String(merged.host || 'localhost').replace(/:\d+$/, '');
      const headers = { ...(merged.headers || {}) };
      headers[HOST_HEADER] = withDefaultPort(hostname, merged.port, protocol);
      headers[SCHEME_HEADER] = protocol.replace(/:$/, '');
      headers[RUN_HEADER] = runId;
      const target = {
        ...merged,
        protocol: 'http:',
        host: '127.0.0.1',
        hostname: '127.0.0.1',
        port,
        agent,
        headers,
        socketPath: undefined,
        createConnection: undefined,
        lookup: undefined,
      };
      const req = track(realRequest(target, callback));
      // `request` with `strictSSL: true` checks that the socket was authorized; the routed
      // socket is plain, so mark it as the TLS socket it stands in for.
      req.on('response', (res) => {
        if (res.socket) {
          res.socket.authorized = true;
        }
      });
      return req;
    };
  }

  for (const [mod, protocol] of [
    [http, 'http:'],
    [https, 'https:'],
  ]) {
    const request = routed(protocol);
    mod.request = request;
    mod.get = (...args) => {
      const req = request(...args);
      req.end();
      return req;
    };
  }
  syncBuiltinESMExports();
}

const LOAD_LIMIT_MS = 10000;
/** The longest wait for the network to go quiet after the result. */
const QUIET_LIMIT_MS = 5000;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Wraps the global `fetch` so every request goes to the harness server, keeping host and scheme. */
function routeFetch({ port, runId }) {
  const realFetch = globalThis.fetch;

  async function send(request, hops) {
    const url = new URL(request.url);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      return realFetch(request);
    }
    const headers = new Headers(request.headers);
    headers.set(HOST_HEADER, url.host.toLowerCase());
    headers.set(SCHEME_HEADER, url.protocol.replace(/:$/, ''));
    headers.set(RUN_HEADER, runId);
    const body = request.body === null ? undefined : await request.arrayBuffer();
    const response = await realFetch(`http://127.0.0.1:${port}${url.pathname}${url.search}`, {
      method: request.method,
      headers,
      body,
      signal: request.signal,
      redirect: 'manual',
    });
    const location = response.headers.get('location');
    if (REDIRECT_STATUSES.has(response.status) && location && request.redirect !== 'manual') {
      if (request.redirect === 'error' || hops >= 20) {
        throw new TypeError('fetch failed');
      }
      const next = new URL(location, url);
      const toGet =
        (response.status === 303 && request.method !== 'HEAD') ||
        ((response.status === 301 || response.status === 302) && request.method === 'POST');
      const nextHeaders = new Headers(request.headers);
      if (toGet) {
        for (const name of ['content-type', 'content-length', 'content-encoding', 'content-language', 'content-location']) {
          nextHeaders.delete(name);
        }
      }
      if (next.origin !== url.origin) {
        nextHeaders.delete('authorization');
      }
      await response.arrayBuffer();
      const followed = new Request(next, {
        method: toGet ? 'GET' : request.method,
        headers: nextHeaders,
        body: toGet ? undefined : body,
        signal: request.signal,
        redirect: request.redirect,
      });
      return send(followed, hops + 1);
    }
    Object.defineProperty(response, 'url', { value: url.href });
    Object.defineProperty(response, 'redirected', { value: hops > 0 });
    return response;
  }

  globalThis.fetch = async function fetch(input, init) {
    return track(send(new Request(input, init), 0));
  };
}

/**
 * Refuses every connection but the one to the local server: a socket opened any other way (a raw
 * `net`/`tls` connection, a client library with its own transport) fails with an error instead of
 * reaching the real network.
 */
function refuseOtherConnections({ port }) {
  const realConnect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function connect(...args) {
    const normalized = Array.isArray(args[0]) ? args[0] : net._normalizeArgs(args);
    const options = normalized[0] || {};
    const host = options.host ?? 'localhost';
    // As in `net`: a `path` makes it a local (IPC) socket.
    const pipe = Boolean(options.path);
    const allowed = !pipe && Number(options.port) === Number(port) && host === '127.0.0.1';
    if (allowed) {
      return realConnect.apply(this, args);
    }
    const target = pipe ? options.path : `${host}:${options.port}`;
    const error = new Error(`connect ECONNREFUSED ${target} (network access is refused: only the local server answers)`);
    error.code = 'ECONNREFUSED';
    process.nextTick(() => this.destroy(error));
    return this;
  };
}

function routeNetwork(config) {
  routeNodeHttp(config);
  routeFetch(config);
  refuseOtherConnections(config);
}

/**
 * One invocation: the first `settle` wins, a timer started by `start()` (once the function is
 * loaded: a cold start does not count, as on the platforms) turns "no result" into a timeout
 * failure, and once no request is under way and none started or ended for `settleMs` (so that
 * requests made after the result are recorded too; at most QUIET_LIMIT_MS) the outcome is
 * reported.
 */
function createInvocation({ timeoutMs, settleMs, report }) {
  const notes = [];
  let outcome;
  // Loading gets its own limit: a module whose top-level await never settles is a load failure.
  let timer = setTimeout(() => {
    invocationApi.loadError(new Error(`the function did not load within ${LOAD_LIMIT_MS} ms`));
  }, LOAD_LIMIT_MS);

  function settle(result) {
    if (outcome) {
      return false;
    }
    outcome = result;
    clearTimeout(timer);
    const settledAt = Date.now();
    const overdue = () => Date.now() - settledAt >= QUIET_LIMIT_MS;
    const waitForQuiet = () => {
      const quiet = activity.inflight === 0 && Date.now() - Math.max(activity.last, settledAt) >= settleMs;
      if (!quiet && !overdue()) {
        setTimeout(waitForQuiet, 5);
        return;
      }
      // Timers run before the immediates queued in the same turn of the event loop (`request`
      // starts its requests in one): let those run, then make sure it is still quiet.
      const last = activity.last;
      setImmediate(() => {
        if ((activity.inflight === 0 && activity.last === last) || overdue()) {
          report({ outcome, notes });
        } else {
          setTimeout(waitForQuiet, 5);
        }
      });
    };
    setTimeout(waitForQuiet, settleMs);
    return true;
  }

  process.on('unhandledRejection', (reason) => {
    notes.push(`unhandled rejection: ${failureMessage(reason)}`);
  });
  process.on('uncaughtException', (err) => {
    if (!settle({ ok: false, error: failureMessage(err) })) {
      notes.push(`uncaught exception after the result: ${failureMessage(err)}`);
    }
  });

  const invocationApi = {
    notes,
    start() {
      clearTimeout(timer);
      timer = setTimeout(() => {
        settle({ ok: false, error: `timed out after ${timeoutMs} ms`, timeout: true });
      }, timeoutMs);
    },
    succeed: (value) => settle({ ok: true, value: encodeValue(value) }),
    fail: (err) => settle({ ok: false, error: failureMessage(err) }),
    loadError: (err) => {
      clearTimeout(timer);
      if (!outcome) {
        outcome = { ok: false, error: failureMessage(err), load: true };
        report({ outcome, notes });
      }
    },
  };
  return invocationApi;
}

/** Sends the final message to the parent and exits. */
function sendReport(message) {
  const done = () => process.exit(0);
  if (typeof process.send === 'function') {
    process.send({ type: 'result', ...message }, done);
  } else {
    process.stdout.write(`${JSON.stringify(message, null, 2)}\n`, done);
  }
}

module.exports = {
  HOST_HEADER,
  SCHEME_HEADER,
  RUN_HEADER,
  readConfig,
  failureMessage,
  encodeValue,
  routeNetwork,
  createInvocation,
  sendReport,
};
