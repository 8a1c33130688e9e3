// The runner behind `faas-migrate prove`: runs a V1 function and its V2 form against one local
// server for each scenario and prints what each side did and how they differ, one JSON line per
// scenario. The scenarios come already checked and completed with their defaults.
//
//   node prove.mjs JOB.json
//
// JOB: { v1, v2Source, functionDir, workDir, record, scenarios: [{ name, input, env, secrets,
//        csds, context, http, errorMessage, timeoutMs }] }
// With `record`, only V1 runs, against the real network, and each line lists the exchanges.

import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_CSDS } from './lib/cases.mjs';
import { findDifferences, outcomeValue } from './lib/compare.mjs';
import { prepareV2Module, runSide } from './lib/execute.mjs';
import { startServer } from './lib/server.mjs';

/** The status a request no scripted response matches gets. */
const UNMATCHED_STATUS = 404;

function summary(run) {
  return {
    outcome: outcomeValue(run.outcome),
    requests: run.requests.map(({ record }) => record),
    secrets: run.secrets,
    context: run.context ?? null,
    notes: run.notes,
    crash: run.crash ?? null,
    stdout: run.stdout,
    stderr: run.stderr,
  };
}

async function prove(job, scenario, index, server) {
  const workDir = path.join(job.workDir, String(index + 1));
  fs.mkdirSync(workDir, { recursive: true });
  const v2Path = prepareV2Module(path.join(workDir, 'v2'), job.v2Source, { besides: job.functionDir });
  const [v1, v2] = await Promise.all([
    runSide({ side: 'v1', source: job.v1, scenario, server, workDir }),
    runSide({ side: 'v2', source: v2Path, scenario, server, workDir }),
  ]);
  return { name: scenario.name, differences: findDifferences(v1, v2, scenario), v1: summary(v1), v2: summary(v2) };
}

async function record(job, scenario, index, server) {
  const workDir = path.join(job.workDir, String(index + 1));
  fs.mkdirSync(workDir, { recursive: true });
  const v1 = await runSide({ side: 'v1', source: job.v1, scenario, server, workDir, record: true });
  return {
    name: scenario.name,
    v1: summary(v1),
    exchanges: v1.requests.filter((entry) => entry.exchange).map((entry) => entry.exchange),
    failed: v1.requests
      .filter((entry) => entry.failed)
      .map((entry) => ({ request: entry.record, error: entry.failed })),
  };
}

async function main() {
  const job = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const server = await startServer({ unmatchedStatus: UNMATCHED_STATUS });
  try {
    for (const [index, given] of job.scenarios.entries()) {
      const scenario = { ...given, csds: given.csds ?? { ...DEFAULT_CSDS }, context: given.context ?? undefined };
      const line = job.record ? await record(job, scenario, index, server) : await prove(job, scenario, index, server);
      await new Promise((resolve) => process.stdout.write(`${JSON.stringify(line)}\n`, resolve));
    }
  } finally {
    await server.close();
  }
}

await main();
