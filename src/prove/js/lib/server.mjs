// The one local HTTP server both runtimes reach. Each run (one side of one case) has an id that the
// child sends in a header; the server answers from that run's scripted responses and records every
// request in a normalized form, so that differences a server cannot observe do not count.

import http from 'node:http';
import * as contextStore from './context-store.mjs';

const HOST_HEADER = 'x-equivalence-host';
const SCHEME_HEADER = 'x-equivalence-scheme';
const RUN_HEADER = 'x-equivalence-run';

/** Every response is held this long, so requests sent together are seen overlapping (see compare.mjs). */
const HOLD_MS = 15;

/** Headers the HTTP stacks manage themselves (or that are compared separately): never recorded. */
const TRANSPORT_HEADERS = new Set([
  'host',
  'connection',
  'keep-alive',
  'content-length',
  'transfer-encoding',
  'sec-fetch-mode',
  'content-type',
  HOST_HEADER,
  SCHEME_HEADER,
  RUN_HEADER,
]);

/**
 * Values that `fetch` or `request` send on their own (`accept: application/json` comes with
 * request's `json: true`): recorded only when the function sent something else, so a header the
 * function set explicitly, e.g. its own user-agent, still has to survive the migration.
 */
const STACK_DEFAULTS = {
  accept: new Set(['*/*', 'application/json']),
  'accept-language': new Set(['*']),
  'accept-encoding': new Set(['gzip, deflate', 'gzip, deflate, br']),
  'user-agent': new Set(['node', 'undici']),
};

/**
 * `fetch` labels a string body it was given without a content type like this; `request` sends no
 * content type for it. Both mean "not said", so this exact value counts as absent.
 */
const FETCH_STRING_BODY_TYPE = 'text/plain;charset=UTF-8';

/** `application/json; charset=utf-8` -> `application/json`; absent -> null. */
export function mediaType(value) {
  if (!value || value === FETCH_STRING_BODY_TYPE) {
    return null;
  }
  return String(value).split(';')[0].trim().toLowerCase() || null;
}

function isJsonType(type) {
  return type === 'application/json' || type === 'text/json' || (type !== null && type.endsWith('+json'));
}

/** A query string or URLSearchParams as an object; a repeated key becomes an array. */
export function paramsToObject(params) {
  const result = {};
  for (const [key, value] of params) {
    if (Object.prototype.hasOwnProperty.call(result, key)) {
      result[key] = [].concat(result[key], value);
    } else {
      result[key] = value;
    }
  }
  return result;
}

/**
 * Percent-escapes that every server decodes the same way are decoded, so `a%27b` and `a'b` (the two
 * HTTP stacks escape different sets) compare equal; `/`, `?`, `#` and `%` stay escaped.
 */
export function normalizePath(path) {
  return path.replace(/%([0-9A-Fa-f]{2})/g, (escape, hex) => {
    const char = String.fromCharCode(parseInt(hex, 16));
    return /[A-Za-z0-9\-._~!$&'()*+,;=:@|^`{}[\]\\<> "]/.test(char) ? char : escape.toUpperCase();
  });
}

/** The body as the server understands it: JSON and urlencoded forms parsed, else the text. */
export function parseBody(text, type) {
  if (text === '') {
    return null;
  }
  if (isJsonType(type)) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  if (type === 'application/x-www-form-urlencoded') {
    return paramsToObject(new URLSearchParams(text));
  }
  return text;
}

function recordedHeaders(headers) {
  const kept = {};
  for (const name of Object.keys(headers).sort()) {
    const value = Array.isArray(headers[name]) ? headers[name].join(', ') : String(headers[name]).trim();
    if (!TRANSPORT_HEADERS.has(name) && !STACK_DEFAULTS[name]?.has(value)) {
      kept[name] = value;
    }
  }
  return kept;
}

function normalizeQueryValue(value) {
  return Array.isArray(value) ? value.map(String) : String(value);
}

/**
 * A scripted entry ready for matching: `url` (`https://host/path?query`) or `host` and `path` (a
 * `?query` in the path is the same as `query`).
 */
function scriptedEntry(entry, index) {
  let host = entry.host;
  let target = entry.path ?? '/';
  if (entry.url !== undefined) {
    const url = new URL(entry.url);
    host = url.host;
    target = `${url.pathname}${url.search}`;
  }
  const [path, search] = String(target).split(/\?(.*)/s);
  let query = entry.query;
  if (query === undefined && search !== undefined) {
    query = paramsToObject(new URLSearchParams(search));
  }
  if (query !== undefined) {
    query = Object.fromEntries(Object.entries(query).map(([k, v]) => [k, normalizeQueryValue(v)]));
  }
  return {
    index,
    method: String(entry.method ?? 'GET').toUpperCase(),
    host: String(host ?? '').toLowerCase(),
    path: normalizePath(path),
    query,
    status: entry.status ?? 200,
    headers: entry.headers ?? {},
    body: entry.body,
    delayMs: entry.delayMs ?? 0,
    used: false,
  };
}

function sameQuery(expected, actual) {
  const keys = Object.keys(expected);
  if (keys.length !== Object.keys(actual).length) {
    return false;
  }
  return keys.every((key) => JSON.stringify(expected[key]) === JSON.stringify(actual[key]));
}

function writeScripted(res, entry) {
  const headers = { ...entry.headers };
  const has = (name) => Object.keys(headers).some((key) => key.toLowerCase() === name);
  let payload = '';
  if (entry.body !== undefined) {
    if (typeof entry.body === 'string') {
      payload = entry.body;
      if (!has('content-type')) {
        headers['content-type'] = 'text/plain; charset=utf-8';
      }
    } else {
      payload = JSON.stringify(entry.body);
      if (!has('content-type')) {
        headers['content-type'] = 'application/json; charset=utf-8';
      }
    }
  }
  res.writeHead(entry.status, headers);
  res.end(payload);
}

/** Response headers that belong to one connection or that `fetch` undid (decompression). */
const HOP_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding']);

/**
 * Record mode: sends the request on to the real host and answers with the real response.
 * Resolves to the exchange as a scripted entry (see the scenario format), so it can be replayed.
 */
async function forward(req, record, body) {
  const url = `${record.scheme}://${record.host}${req.url}`;
  const headers = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (!['host', 'connection', 'keep-alive', 'content-length', 'transfer-encoding', HOST_HEADER, SCHEME_HEADER, RUN_HEADER].includes(name)) {
      headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
  }
  const response = await fetch(url, {
    method: req.method,
    headers,
    body: ['GET', 'HEAD'].includes(req.method) || body.length === 0 ? undefined : body,
    redirect: 'manual',
  });
  const payload = Buffer.from(await response.arrayBuffer());
  const responseHeaders = {};
  response.headers.forEach((value, name) => {
    if (!HOP_HEADERS.has(name)) {
      responseHeaders[name] = value;
    }
  });
  const type = mediaType(response.headers.get('content-type'));
  const text = payload.toString('utf8');
  const exchange = { method: req.method, url, status: response.status };
  const kept = Object.fromEntries(
    Object.entries(responseHeaders).filter(([name]) => name === 'content-type' || name === 'location'),
  );
  if (Object.keys(kept).length) {
    exchange.headers = kept;
  }
  if (text !== '') {
    exchange.body = isJsonType(type) ? parseBody(text, type) : text;
  }
  return { status: response.status, headers: responseHeaders, payload, exchange };
}

/**
 * Starts the local server on 127.0.0.1. A request no scripted response matches is answered with
 * `unmatchedStatus` and marked `unmatched` in its record.
 */
export async function startServer({ unmatchedStatus = 599 } = {}) {
  const runs = new Map();

  const server = http.createServer((req, res) => {
    const run = runs.get(req.headers[RUN_HEADER]);
    if (!run) {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('equivalence: request from an unknown run');
      return;
    }
    const url = new URL(req.url, 'http://placeholder');
    const record = {
      method: req.method,
      scheme: req.headers[SCHEME_HEADER] || 'https',
      host: String(req.headers[HOST_HEADER] || '').toLowerCase(),
      path: normalizePath(url.pathname),
      query: paramsToObject(url.searchParams),
      contentType: mediaType(req.headers['content-type']),
      headers: recordedHeaders(req.headers),
      body: null,
    };
    // Requests that arrive while another one of the run is unanswered overlap: their relative
    // order is timing, not behaviour.
    if (run.inFlight === 0) {
      run.group += 1;
    }
    run.inFlight += 1;
    const entry = { record, group: run.group, receivedAt: Date.now() };
    run.requests.push(entry);

    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      record.body = parseBody(raw.toString('utf8'), record.contentType);
      if (run.record) {
        forward(req, record, raw).then(
          (answer) => {
            run.inFlight -= 1;
            entry.exchange = answer.exchange;
            if (!res.destroyed) {
              res.writeHead(answer.status, answer.headers);
              res.end(answer.payload);
            }
          },
          (err) => {
            run.inFlight -= 1;
            entry.failed = `${err.message}${err.cause ? ` (${err.cause.message ?? err.cause})` : ''}`;
            res.destroy();
          },
        );
        return;
      }
      const scripted = run.script.find(
        (candidate) =>
          !candidate.used &&
          candidate.method === record.method &&
          candidate.host === record.host &&
          candidate.path === record.path &&
          (candidate.query === undefined || sameQuery(candidate.query, record.query)),
      );
      // Scripted answers come first, so a scenario can make the context store fail.
      const stored =
        !scripted && run.context && run.contextHosts.has(record.host) ? contextStore.answer(run.context, record) : null;
      if (scripted) {
        scripted.used = true;
      } else if (!stored) {
        record.unmatched = true;
      }
      setTimeout(() => {
        run.inFlight -= 1;
        if (res.destroyed) {
          return;
        }
        if (scripted) {
          writeScripted(res, scripted);
        } else if (stored) {
          const json = stored.body !== undefined;
          writeScripted(res, {
            status: stored.status,
            headers: json ? { 'content-type': 'application/json; charset=utf-8' } : {},
            body: json ? JSON.stringify(stored.body) : undefined,
          });
        } else {
          res.writeHead(unmatchedStatus, { 'content-type': 'application/json; charset=utf-8' });
          res.end(
            JSON.stringify({
              error: `equivalence: no scripted response for ${record.method} ${record.host}${record.path}`,
            }),
          );
        }
      }, HOLD_MS + (scripted ? scripted.delayMs : 0));
    });
    req.on('error', () => {});
  });
  server.keepAliveTimeout = 1000;

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });

  return {
    port: server.address().port,

    /**
     * Starts recording a run that is answered from `script` (the scenario's `http` list), or with
     * `{ record: true }` from the real network.
     */
    openRun(runId, script = [], { record = false, context, csds } = {}) {
      runs.set(runId, {
        script: script.map(scriptedEntry),
        requests: [],
        inFlight: 0,
        group: 0,
        record,
        context: context ? contextStore.createStore(context) : undefined,
        contextHosts: contextStore.contextHosts(csds),
      });
    },

    /** The run's context store as it is now (undefined when the scenario has none). */
    contextOf(runId) {
      const run = runs.get(runId);
      return run && run.context ? contextStore.snapshot(run.context) : undefined;
    },

    /**
     * Stops the run and returns its requests: `[{ record, group }]` in order of arrival; in record
     * mode each also has `exchange` (a scripted entry) or `failed` (why the real request failed).
     */
    closeRun(runId) {
      const run = runs.get(runId);
      runs.delete(runId);
      return run
        ? run.requests.map(({ record, group, exchange, failed }) => ({
            record,
            group,
            ...(exchange ? { exchange } : {}),
            ...(failed ? { failed } : {}),
          }))
        : [];
    },

    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}
