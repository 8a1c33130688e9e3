#!/usr/bin/env node
// Differential execution of V1 functions and their V2 migrations. See README.md.
//
//   node run.mjs --cases DIR (--bin PATH | --v2 DIR) [--only NAME]... [--known-failures FILE]
//                [--jobs N] [--keep] [--verbose]

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { listCases, loadCase } from '../../src/prove/js/lib/cases.mjs';
import { readKnownFailures } from './lib/known-failures.mjs';
import { runCase } from './lib/run-case.mjs';
import { startServer } from '../../src/prove/js/lib/server.mjs';

const USAGE = `usage: node run.mjs --cases DIR (--bin PATH | --v2 DIR) [options]

  --cases DIR            folder of cases (<name>/v1/index.js + <name>/scenario.json)
  --bin PATH             faas-migrate binary that migrates each case's V1 file
  --v2 DIR               use DIR/<name>/index.mjs as the V2 side instead of migrating
  --only NAME            run only this case (repeatable, or comma-separated)
  --known-failures FILE  cases expected to fail, one per line (# comments)
  --jobs N               cases run at once (default 2)
  --keep                 keep the temporary folder (migrated sources, configs)
  --verbose              print each failing side's output and notes
`;

function usageError(message) {
  process.stderr.write(`run.mjs: ${message}\n\n${USAGE}`);
  process.exit(2);
}

function parseOptions() {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        cases: { type: 'string' },
        bin: { type: 'string' },
        v2: { type: 'string' },
        only: { type: 'string', multiple: true },
        'known-failures': { type: 'string' },
        jobs: { type: 'string' },
        keep: { type: 'boolean' },
        verbose: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (err) {
    usageError(err.message);
  }
  if (parsed.help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  if (!parsed.cases) {
    usageError('--cases is required');
  }
  if (!parsed.bin === !parsed.v2) {
    usageError('give exactly one of --bin and --v2');
  }
  const jobs = parsed.jobs === undefined ? 2 : Number(parsed.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) {
    usageError('--jobs must be a positive integer');
  }
  return {
    casesDir: path.resolve(parsed.cases),
    bin: parsed.bin && path.resolve(parsed.bin),
    v2Dir: parsed.v2 && path.resolve(parsed.v2),
    only: parsed.only ? parsed.only.flatMap((value) => value.split(',')).filter(Boolean) : undefined,
    knownFailuresFile: parsed['known-failures'],
    jobs,
    keep: Boolean(parsed.keep),
    verbose: Boolean(parsed.verbose),
  };
}

function indent(text) {
  return text
    .trimEnd()
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}

function details(result) {
  const parts = [];
  for (const side of ['v1', 'v2']) {
    const run = result[side];
    if (!run) {
      continue;
    }
    for (const [label, text] of [
      ['stdout', run.stdout],
      ['stderr', run.stderr],
      ['notes', run.notes.join('\n')],
    ]) {
      if (text && text.trim()) {
        parts.push(`  ${side} ${label}:\n${indent(text)}`);
      }
    }
  }
  return parts.join('\n');
}

async function main() {
  const options = parseOptions();
  let names = listCases(options.casesDir);
  if (options.only) {
    const missing = options.only.filter((name) => !names.includes(name));
    if (missing.length) {
      usageError(`no such case in ${options.casesDir}: ${missing.join(', ')}`);
    }
    names = names.filter((name) => options.only.includes(name));
  }
  let known = [];
  if (options.knownFailuresFile) {
    try {
      known = readKnownFailures(options.knownFailuresFile);
    } catch (err) {
      usageError(err.message);
    }
  }
  const knownSet = new Set(known);

  const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'faas-equivalence-'));
  const server = await startServer();
  const say = (line) => process.stdout.write(`${line}\n`);

  let passed = 0;
  let failed = 0;
  let expected = 0;
  let unexpected = 0;
  let problems = 0;

  const report = (result) => {
    for (const warning of result.warnings ?? []) {
      process.stderr.write(`warning: ${result.name}: ${warning}\n`);
    }
    const listed = knownSet.has(result.name);
    if (result.pass) {
      passed += 1;
      if (listed) {
        unexpected += 1;
        say(`UNEXPECTED PASS ${result.name}: remove it from known-failures`);
      } else {
        say(`PASS ${result.name}`);
      }
      return;
    }
    failed += 1;
    if (listed) {
      expected += 1;
      say(`XFAIL ${result.name}: ${result.reason}`);
    } else {
      problems += 1;
      say(`FAIL ${result.name}: ${result.reason}`);
    }
    if (options.verbose) {
      const text = details(result);
      if (text) {
        say(text);
      }
    }
  };

  const results = new Array(names.length);
  let next = 0;
  let printed = 0;
  const worker = async () => {
    while (next < names.length) {
      const index = next;
      next += 1;
      const testCase = loadCase(options.casesDir, names[index]);
      try {
        results[index] = await runCase({ testCase, server, bin: options.bin, v2Dir: options.v2Dir, tmpRoot });
      } catch (err) {
        results[index] = { name: names[index], pass: false, reason: `harness error: ${err.stack ?? err}` };
      }
      while (printed < names.length && results[printed]) {
        report(results[printed]);
        printed += 1;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(options.jobs, Math.max(names.length, 1)) }, worker));
  } finally {
    await server.close();
    if (options.keep) {
      process.stderr.write(`kept ${tmpRoot}\n`);
    } else {
      fs.rmSync(tmpRoot, { recursive: true, force: true });
    }
  }

  if (names.length === 0) {
    say(`no cases in ${options.casesDir}`);
  }
  let stale = 0;
  if (options.knownFailuresFile) {
    const all = new Set(listCases(options.casesDir));
    for (const name of known) {
      if (!all.has(name)) {
        stale += 1;
        say(`UNKNOWN ${name}: listed in known-failures but there is no such case`);
      }
    }
    say(`known failures: ${expected} expected, ${unexpected} unexpected passes`);
  }
  say(`${passed} passed, ${failed} failed`);
  process.exitCode = problems === 0 && unexpected === 0 && stale === 0 ? 0 : 1;
}

await main();
