// Runs one side of one case in a child process (runtime/v1-runtime.cjs or runtime/v2-runtime.mjs)
// with a clean environment and a hard time limit, and collects what it did.

import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { v2Env } from './cases.mjs';

const RUNTIME_DIR = fileURLToPath(new URL('../runtime/', import.meta.url));
const RUNTIMES = {
  v1: path.join(RUNTIME_DIR, 'v1-runtime.cjs'),
  v2: path.join(RUNTIME_DIR, 'v2-runtime.mjs'),
};
const V2_TOOLBELT = path.join(RUNTIME_DIR, 'toolbelt-v2');
const HARNESS_MODULES = fileURLToPath(new URL('../node_modules/', import.meta.url));
/** Packages the V2 platform provides; linked next to the V2 module when they are installed. */
const V2_PROVIDED = ['es-toolkit', 'luxon', 'jsonwebtoken', 'oauth-1.0a', '@jsforce/jsforce-node'];

/** After the result, requests already under way get this long to reach the server. */
export const SETTLE_MS = 50;
/** On top of the scenario's timeout: process start-up and a loaded machine. */
const STARTUP_ALLOWANCE_MS = 15000;
const OUTPUT_CAP = 64 * 1024;

/**
 * Writes a migrated source where the V2 runtime can import it: `<dir>/index.mjs`, with the
 * top-level `lambda` exported under a private name, and beside it the emulated
 * `core-functions-toolbelt` (plus any of V2_PROVIDED that the harness has installed).
 */
export function prepareV2Module(dir, source, { besides } = {}) {
  if (besides) {
    copyBesides(besides, dir);
  }
  fs.mkdirSync(path.join(dir, 'node_modules'), { recursive: true });
  const file = path.join(dir, 'index.mjs');
  fs.writeFileSync(file, `${source}\nexport { lambda as __faasLambda };\n`);
  const links = {};
  // Packages installed beside the function come first, as they would in its deployment.
  const own = besides && path.join(besides, 'node_modules');
  if (own && fs.existsSync(own)) {
    for (const entry of fs.readdirSync(own)) {
      const scoped = entry.startsWith('@') ? fs.readdirSync(path.join(own, entry)).map((n) => `${entry}/${n}`) : [entry];
      for (const name of scoped.filter((n) => !n.startsWith('.'))) {
        links[name] = path.join(own, name);
      }
    }
  }
  for (const name of V2_PROVIDED) {
    const installed = path.join(HARNESS_MODULES, name);
    if (fs.existsSync(installed) && !links[name]) {
      links[name] = installed;
    }
  }
  links['core-functions-toolbelt'] = V2_TOOLBELT;
  for (const [name, target] of Object.entries(links)) {
    const link = path.join(dir, 'node_modules', name);
    if (!fs.existsSync(link)) {
      fs.mkdirSync(path.dirname(link), { recursive: true });
      fs.symlinkSync(target, link, process.platform === 'win32' ? 'junction' : 'dir');
    }
  }
  return file;
}

/**
 * Copies what a function folder ships besides its code (data files such as `fields.json`), so that
 * the V2 module finds them next to itself: everything but JavaScript files, `node_modules` and
 * hidden entries.
 */
function copyBesides(from, to) {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') {
      continue;
    }
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) {
      copyBesides(source, target);
    } else if (entry.isFile() && !/\.(c|m)?js$/.test(entry.name)) {
      fs.copyFileSync(source, target);
    }
  }
}

function capped(chunks) {
  const text = Buffer.concat(chunks).toString('utf8');
  return text.length > OUTPUT_CAP ? `${text.slice(0, OUTPUT_CAP)}\n[... cut]` : text;
}

/** The environment a side sees: PATH, TZ=UTC and the case's variables (V2 names on the V2 side). */
export function childEnv(side, env) {
  return {
    PATH: process.env.PATH ?? '',
    TZ: 'UTC',
    ...(side === 'v1' ? env : v2Env(env)),
  };
}

/**
 * Runs `source` (a V1 file, or a V2 module made by prepareV2Module) with the scenario.
 * Resolves to `{ outcome, notes, secrets, context, requests, crash, stdout, stderr }`:
 * - outcome: `{ ok: true, value }` or `{ ok: false, error, timeout?, load? }` (see runtime/common.cjs)
 * - requests: `[{ record, group }]` as recorded by the server
 * - crash: set when the child died without reporting (then outcome is a failure too)
 */
export async function runSide({ side, source, scenario, server, workDir, record = false }) {
  const runId = `${side}-${randomUUID()}`;
  const configPath = path.join(workDir, `${side}-config.json`);
  fs.writeFileSync(
    configPath,
    JSON.stringify({
      source,
      input: scenario.input,
      secrets: scenario.secrets,
      csds: scenario.csds,
      timeoutMs: scenario.timeoutMs,
      settleMs: SETTLE_MS,
      port: server.port,
      runId,
    }),
  );
  server.openRun(runId, scenario.http, { record, context: scenario.context, csds: scenario.csds });

  const limitMs = scenario.timeoutMs + SETTLE_MS + STARTUP_ALLOWANCE_MS;
  const stdout = [];
  const stderr = [];
  let report;
  let crash;

  await new Promise((resolve) => {
    const child = spawn(process.execPath, [RUNTIMES[side], configPath], {
      cwd: workDir,
      env: childEnv(side, scenario.env),
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    const killer = setTimeout(() => {
      crash = `killed after ${limitMs} ms`;
      child.kill('SIGKILL');
    }, limitMs);
    child.stdout.on('data', (chunk) => stdout.push(chunk));
    child.stderr.on('data', (chunk) => stderr.push(chunk));
    child.on('message', (message) => {
      if (message && message.type === 'result') {
        report = message;
      }
    });
    child.on('error', (err) => {
      crash = `cannot start node: ${err.message}`;
    });
    child.on('close', (code, signal) => {
      clearTimeout(killer);
      if (!report && !crash) {
        const lastLine = capped(stderr).trim().split('\n').pop() ?? '';
        crash = `exited with ${signal ?? code} before reporting${lastLine ? `: ${lastLine}` : ''}`;
      }
      resolve();
    });
  });

  const context = server.contextOf(runId);
  const requests = server.closeRun(runId);
  return {
    outcome: report ? report.outcome : { ok: false, error: crash },
    notes: report ? report.notes : [],
    secrets: report ? report.secrets : {},
    context,
    requests,
    crash: report ? undefined : crash,
    stdout: capped(stdout),
    stderr: capped(stderr),
  };
}
