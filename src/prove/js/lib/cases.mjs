// Reading the case corpus: `<dir>/<name>/v1/index.js` (+ optional `v1/config.json`) and
// `<dir>/<name>/scenario.json`. See ../README.md for the format.

import fs from 'node:fs';
import path from 'node:path';

export const DEFAULT_TIMEOUT_MS = 2000;

/** The CSDS map a case gets when its scenario has no `csds`. */
export const DEFAULT_CSDS = Object.freeze({
  msgHist: 'va.msghist.liveperson.net',
  agentVep: 'va.agentvep.liveperson.net',
  accountConfigReadOnly: 'va.ac.liveperson.net',
  accountConfigReadWrite: 'va.ac.liveperson.net',
  asyncMessaging: 'va.msg.liveperson.net',
  asyncMessagingEnt: 'va.msg.liveperson.net',
  engHistDomain: 'va.enghist.liveperson.net',
  rtbf: 'va.rtbf.liveperson.net',
  auditLog: 'va.auditlog.liveperson.net',
  smt: 'va.smt.liveperson.net',
  pusher: 'va.push.liveperson.net',
  leDataReporting: 'va.data.liveperson.net',
  msgEwtAPI: 'va.msg.liveperson.net',
  msdkgw: 'va.msdkgw.liveperson.net',
  mavenContext: 'z1.context.liveperson.net',
});

/** V1 environment variable names and their V2 names; all others keep their name. */
export const V2_ENV_NAMES = Object.freeze({
  BRAND_ID: 'X_LIVEPERSON_BRAND_ID',
  LAMBDA_UUID: 'X_LIVEPERSON_FUNCTION_UUID',
  CSDS_DOMAIN: 'X_LIVEPERSON_CSDS_DOMAIN',
});

export function v2Env(env) {
  return Object.fromEntries(Object.entries(env).map(([key, value]) => [V2_ENV_NAMES[key] ?? key, value]));
}

const SCENARIO_FIELDS = new Set(['description', 'input', 'env', 'secrets', 'csds', 'context', 'http', 'errorMessage', 'timeoutMs']);
const HTTP_FIELDS = new Set(['method', 'url', 'host', 'path', 'query', 'status', 'headers', 'body', 'delayMs']);

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Case names: the sub-folders of `dir`, sorted; none when `dir` does not exist. */
export function listCases(dir) {
  if (!fs.existsSync(dir)) {
    return [];
  }
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort();
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${path.basename(file)}: ${err.message}`);
  }
}

/** Environment variables from a V1 `config.json` (`[{ key, value }]`, empty keys meaning none). */
function configEnv(config) {
  const env = {};
  for (const entry of Array.isArray(config.environmentVariables) ? config.environmentVariables : []) {
    if (entry && typeof entry.key === 'string' && entry.key !== '') {
      env[entry.key] = String(entry.value ?? '');
    }
  }
  return env;
}

function validate(scenario) {
  if (!isObject(scenario)) {
    throw new Error('scenario.json: not a JSON object');
  }
  for (const key of Object.keys(scenario)) {
    if (!SCENARIO_FIELDS.has(key)) {
      throw new Error(`scenario.json: unknown field ${JSON.stringify(key)}`);
    }
  }
  for (const key of ['env', 'secrets', 'csds', 'context']) {
    if (scenario[key] !== undefined && !isObject(scenario[key])) {
      throw new Error(`scenario.json: ${key} must be an object`);
    }
  }
  for (const [key, value] of Object.entries(scenario.env ?? {})) {
    if (typeof value !== 'string') {
      throw new Error(`scenario.json: env ${key} must be a string`);
    }
  }
  if (scenario.http !== undefined) {
    if (!Array.isArray(scenario.http)) {
      throw new Error('scenario.json: http must be a list');
    }
    scenario.http.forEach((entry, i) => {
      if (!isObject(entry)) {
        throw new Error(`scenario.json: http[${i}] must be an object`);
      }
      for (const key of Object.keys(entry)) {
        if (!HTTP_FIELDS.has(key)) {
          throw new Error(`scenario.json: http[${i}]: unknown field ${JSON.stringify(key)}`);
        }
      }
      const byUrl = typeof entry.url === 'string' && entry.host === undefined && entry.path === undefined;
      if (!byUrl && (typeof entry.host !== 'string' || typeof entry.path !== 'string')) {
        throw new Error(`scenario.json: http[${i}] needs url, or host and path`);
      }
    });
  }
  const { errorMessage, timeoutMs } = scenario;
  if (errorMessage !== undefined && typeof errorMessage !== 'boolean' && typeof errorMessage !== 'string') {
    throw new Error('scenario.json: errorMessage must be true, false or a string');
  }
  if (timeoutMs !== undefined && !(Number.isInteger(timeoutMs) && timeoutMs > 0 && timeoutMs <= 30000)) {
    throw new Error('scenario.json: timeoutMs must be an integer from 1 to 30000');
  }
}

/**
 * Loads one case. Returns `{ name, dir, v1Path, scenario }`, the scenario with defaults filled in,
 * or `{ name, dir, error }` when the case is malformed.
 */
export function loadCase(casesDir, name) {
  const dir = path.resolve(casesDir, name);
  const v1Path = path.join(dir, 'v1', 'index.js');
  try {
    if (!fs.existsSync(v1Path)) {
      throw new Error('missing v1/index.js');
    }
    const scenarioPath = path.join(dir, 'scenario.json');
    if (!fs.existsSync(scenarioPath)) {
      throw new Error('missing scenario.json');
    }
    const raw = readJson(scenarioPath);
    validate(raw);
    const configPath = path.join(dir, 'v1', 'config.json');
    const config = fs.existsSync(configPath) ? readJson(configPath) : {};
    const scenario = {
      description: raw.description ?? '',
      input: raw.input ?? {},
      env: { ...configEnv(config), ...(raw.env ?? {}) },
      secrets: raw.secrets ?? {},
      csds: raw.csds ?? { ...DEFAULT_CSDS },
      context: raw.context,
      http: raw.http ?? [],
      errorMessage: raw.errorMessage ?? false,
      timeoutMs: raw.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    };
    return { name, dir, v1Path, scenario };
  } catch (err) {
    return { name, dir, error: err.message };
  }
}
