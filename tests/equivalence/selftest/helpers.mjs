// Shared by the self-tests: run a snippet of V1 or V2 source through its runtime emulator.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_CSDS, DEFAULT_TIMEOUT_MS } from '../../../src/prove/js/lib/cases.mjs';
import { prepareV2Module, runSide } from '../../../src/prove/js/lib/execute.mjs';
import { startServer } from '../../../src/prove/js/lib/server.mjs';

export const TEST_TIMEOUT = { timeout: 30000 };

export function scenario(overrides = {}) {
  return {
    description: '',
    input: {},
    env: {},
    secrets: {},
    csds: { ...DEFAULT_CSDS },
    http: [],
    errorMessage: false,
    timeoutMs: DEFAULT_TIMEOUT_MS,
    ...overrides,
  };
}

/** A server and a scratch folder for one test file; call `close()` when done. */
export async function createBench() {
  const server = await startServer();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'faas-equivalence-selftest-'));
  let count = 0;
  const scratch = () => {
    count += 1;
    const dir = path.join(root, String(count));
    fs.mkdirSync(dir);
    return dir;
  };
  return {
    server,
    root,
    /** Runs V1 source text; resolves to the run (see lib/execute.mjs). */
    async v1(source, overrides) {
      const workDir = scratch();
      const file = path.join(workDir, 'index.js');
      fs.writeFileSync(file, source);
      return runSide({ side: 'v1', source: file, scenario: scenario(overrides), server, workDir });
    },
    /** Runs V2 module source text. */
    async v2(source, overrides) {
      const workDir = scratch();
      const file = prepareV2Module(path.join(workDir, 'v2'), source);
      return runSide({ side: 'v2', source: file, scenario: scenario(overrides), server, workDir });
    },
    async close() {
      await server.close();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

/** The JSON result of a successful run (throws with the failure otherwise). */
export function resultOf(run) {
  if (!run.outcome.ok) {
    throw new Error(`expected a result, got failure: ${run.outcome.error}\n${run.stderr}`);
  }
  return run.outcome.value.undefined ? undefined : run.outcome.value.json;
}

/** The failure message of a failed run (throws with the result otherwise). */
export function failureOf(run) {
  if (run.outcome.ok) {
    throw new Error(`expected a failure, got ${JSON.stringify(run.outcome.value)}`);
  }
  return run.outcome.error;
}

export const records = (run) => run.requests.map((entry) => entry.record);
