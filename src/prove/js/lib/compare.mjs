// The judgement: do the V1 run and the V2 run do the same thing? Same outcome (result, or failure
// and where the scenario asks, its message), the same requests in the same order, the same secrets.

import { isDeepStrictEqual } from 'node:util';

const MAX_SHOWN = 160;

/** JSON with sorted keys: a canonical text for sorting and showing values. */
export function canonical(value) {
  if (Array.isArray(value)) {
    return `[${value.map(canonical).join(',')}]`;
  }
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`).join(',')}}`;
  }
  return value === undefined ? 'undefined' : JSON.stringify(value);
}

export function shorten(text, max = MAX_SHOWN) {
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

function showValue(encoded) {
  if (encoded.undefined) {
    return 'undefined';
  }
  if ('unserializable' in encoded) {
    return `<not JSON: ${encoded.unserializable}>`;
  }
  return shorten(canonical(encoded.json));
}

function showOutcome(outcome) {
  return outcome.ok ? `result ${showValue(outcome.value)}` : `failure ${JSON.stringify(shorten(outcome.error))}`;
}

export function showRequest(record) {
  const query = Object.keys(record.query).length ? `?${new URLSearchParams(record.query)}` : '';
  const scheme = record.scheme === 'https' ? '' : `${record.scheme}://`;
  return `${record.method} ${scheme}${record.host}${record.path}${query}`;
}

/**
 * Requests in a canonical order. Requests that overlapped in time (same group) in either run may
 * arrive in any order, so each stretch between points where BOTH runs had nothing in flight is
 * sorted; sequential requests keep their order.
 */
export function canonicalRequestOrder(a, b) {
  const boundaries = (list) => {
    const set = new Set();
    for (let i = 1; i < list.length; i += 1) {
      if (list[i].group !== list[i - 1].group) {
        set.add(i);
      }
    }
    return set;
  };
  const inA = boundaries(a);
  const inB = boundaries(b);
  const cuts = [...inA].filter((i) => inB.has(i));
  const arrange = (list) => {
    const points = [0, ...cuts.filter((i) => i < list.length), list.length];
    const out = [];
    for (let k = 0; k + 1 < points.length; k += 1) {
      const segment = list.slice(points[k], points[k + 1]).map((entry) => entry.record);
      if (segment.length > 1) {
        segment.sort((x, y) => (canonical(x) < canonical(y) ? -1 : canonical(x) > canonical(y) ? 1 : 0));
      }
      out.push(...segment);
    }
    return out;
  };
  return [arrange(a), arrange(b)];
}

const showField = (value) => (value === undefined ? 'absent' : shorten(canonical(value), 80));

/**
 * A difference between the runs: `text` says it in one line; `v1` and `v2` are the two values it
 * is about (a request record, a result, a secret's value), for a side-by-side view.
 */
const difference = (kind, text, v1, v2) => ({ kind, text, v1, v2 });

function requestDifference(v1Requests, v2Requests) {
  const [a, b] = canonicalRequestOrder(v1Requests, v2Requests);
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i += 1) {
    const x = a[i];
    const y = b[i];
    if (x && y && isDeepStrictEqual(x, y)) {
      continue;
    }
    const where = `request #${i + 1}`;
    if (!y) {
      return difference('request', `V1 made ${a.length} request(s), V2 ${b.length}; ${where} missing in V2: ${showRequest(x)}`, x, null);
    }
    if (!x) {
      return difference('request', `V1 made ${a.length} request(s), V2 ${b.length}; ${where} only in V2: ${showRequest(y)}`, null, y);
    }
    const fields = Object.keys({ ...x, ...y }).filter((key) => !isDeepStrictEqual(x[key], y[key]));
    const details = fields
      .map((key) => `${key} V1 ${showField(x[key])} vs V2 ${showField(y[key])}`)
      .join('; ');
    return difference('request', `${where} differs (${showRequest(x)}): ${details}`, x, y);
  }
  return null;
}

function secretDifference(v1Secrets, v2Secrets) {
  const keys = [...new Set([...Object.keys(v1Secrets), ...Object.keys(v2Secrets)])].sort();
  for (const key of keys) {
    if (!isDeepStrictEqual(v1Secrets[key], v2Secrets[key])) {
      return difference(
        'secret',
        `secret ${JSON.stringify(key)} ends as V1 ${shorten(canonical(v1Secrets[key]), 80)} vs V2 ${shorten(canonical(v2Secrets[key]), 80)}`,
        v1Secrets[key] ?? null,
        v2Secrets[key] ?? null,
      );
    }
  }
  return null;
}

/** The context store (when the scenario has one): the first session that ends differently. */
function contextDifference(v1Context, v2Context) {
  if (v1Context === undefined && v2Context === undefined) {
    return null;
  }
  const a = v1Context ?? {};
  const b = v2Context ?? {};
  const namespaces = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  for (const ns of namespaces) {
    if (!(ns in a) || !(ns in b)) {
      const side = ns in a ? 'V1' : 'V2';
      return difference('context', `context store: namespace ${JSON.stringify(ns)} exists only in ${side}`, a[ns] ?? null, b[ns] ?? null);
    }
    const sessions = [...new Set([...Object.keys(a[ns]), ...Object.keys(b[ns])])].sort();
    for (const session of sessions) {
      if (!isDeepStrictEqual(a[ns][session], b[ns][session])) {
        return difference(
          'context',
          `context store ${ns}/${session} ends as V1 ${shorten(canonical(a[ns][session]), 80)} vs V2 ${shorten(canonical(b[ns][session]), 80)}`,
          a[ns][session] ?? null,
          b[ns][session] ?? null,
        );
      }
    }
  }
  return null;
}

/** An outcome as one JSON value: `{ result }` (absent for undefined) or `{ failure }`. */
export function outcomeValue(outcome) {
  if (!outcome.ok) {
    return { failure: outcome.error };
  }
  if (outcome.value.undefined) {
    return { result: '<undefined>' };
  }
  if ('unserializable' in outcome.value) {
    return { result: `<not JSON: ${outcome.value.unserializable}>` };
  }
  return { result: outcome.value.json };
}

function outcomeDifference(v1, v2, errorMessage) {
  const found = (text) => difference('outcome', text, outcomeValue(v1), outcomeValue(v2));
  if (v1.ok && v2.ok) {
    return isDeepStrictEqual(v1.value, v2.value)
      ? null
      : found(`results differ: V1 ${showValue(v1.value)} vs V2 ${showValue(v2.value)}`);
  }
  if (v1.ok !== v2.ok) {
    return found(`V1 ${showOutcome(v1)} but V2 ${showOutcome(v2)}`);
  }
  if (typeof errorMessage === 'string') {
    if (v1.error !== errorMessage || v2.error !== errorMessage) {
      return found(
        `expected failure message ${JSON.stringify(errorMessage)}: V1 ${JSON.stringify(shorten(v1.error))}, V2 ${JSON.stringify(shorten(v2.error))}`,
      );
    }
  } else if (errorMessage === true && v1.error !== v2.error) {
    return found(`failure messages differ: V1 ${JSON.stringify(shorten(v1.error))} vs V2 ${JSON.stringify(shorten(v2.error))}`);
  }
  return null;
}

/**
 * Why the comparison cannot be made (`kind: 'error'`: the V1 side did not run, or the scenario
 * contradicts V1), else every difference found (`[]` when the runs are equivalent): the first
 * difference of each kind, outcome first.
 */
export function findDifferences(v1, v2, scenario) {
  if (v1.crash) {
    return [difference('error', `case error: the V1 runtime died: ${v1.crash}`)];
  }
  if (v1.outcome.load) {
    return [difference('error', `case error: the V1 function does not load: ${shorten(v1.outcome.error)}`)];
  }
  if (v2.crash) {
    return [difference('outcome', `the V2 runtime died: ${v2.crash}`, outcomeValue(v1.outcome), outcomeValue(v2.outcome))];
  }
  if (v2.outcome.load) {
    return [difference('outcome', `V2 does not load: ${shorten(v2.outcome.error)}`, outcomeValue(v1.outcome), outcomeValue(v2.outcome))];
  }
  if (typeof scenario.errorMessage === 'string' && v1.outcome.ok) {
    return [
      difference(
        'error',
        `case error: the scenario expects the failure ${JSON.stringify(scenario.errorMessage)} but V1 has ${showOutcome(v1.outcome)}`,
      ),
    ];
  }
  return [
    outcomeDifference(v1.outcome, v2.outcome, scenario.errorMessage),
    requestDifference(v1.requests, v2.requests),
    secretDifference(v1.secrets, v2.secrets),
    contextDifference(v1.context, v2.context),
  ].filter(Boolean);
}

/**
 * Compares two runs (see lib/execute.mjs for their shape). Returns null when they are equivalent,
 * else a short reason naming the first difference of each kind.
 */
export function compareRuns(v1, v2, scenario) {
  const found = findDifferences(v1, v2, scenario);
  return found.length ? found.map((d) => d.text).join('; ') : null;
}
