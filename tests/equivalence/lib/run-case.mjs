// One case end to end: get the V2 source (migrate, or a given file), run both sides, compare.

import fs from 'node:fs';
import path from 'node:path';
import { compareRuns, showRequest } from '../../../src/prove/js/lib/compare.mjs';
import { prepareV2Module, runSide } from '../../../src/prove/js/lib/execute.mjs';
import { migrate } from './migrate.mjs';

/**
 * `testCase` comes from loadCase; V2 comes from `v2Dir/<name>/index.mjs` when `v2Dir` is given,
 * else from migrating the V1 file with `bin`. Resolves to
 * `{ name, pass, reason, warnings?, v1?, v2?, v2Source? }`; warnings point at scenario gaps.
 */
export async function runCase({ testCase, server, bin, v2Dir, tmpRoot }) {
  const { name } = testCase;
  if (testCase.error) {
    return { name, pass: false, reason: `case error: ${testCase.error}` };
  }
  const workDir = fs.mkdtempSync(path.join(tmpRoot, `${name}-`));

  let v2Source;
  if (v2Dir) {
    const file = path.resolve(v2Dir, name, 'index.mjs');
    if (!fs.existsSync(file)) {
      return { name, pass: false, reason: `no V2 file ${file}` };
    }
    v2Source = fs.readFileSync(file, 'utf8');
  } else {
    const migrated = await migrate(bin, fs.readFileSync(testCase.v1Path), workDir);
    if (!migrated.ok) {
      return { name, pass: false, reason: `migration failed: ${migrated.reason}` };
    }
    v2Source = migrated.source;
  }
  const v2Path = prepareV2Module(path.join(workDir, 'v2'), v2Source);

  const { scenario } = testCase;
  const [v1, v2] = await Promise.all([
    runSide({ side: 'v1', source: testCase.v1Path, scenario, server, workDir }),
    runSide({ side: 'v2', source: v2Path, scenario, server, workDir }),
  ]);
  const reason = compareRuns(v1, v2, scenario);
  const warnings = v1.requests
    .filter(({ record }) => record.unmatched)
    .map(({ record }) => `V1 made a request no scripted response matches (answered 599): ${showRequest(record)}`);
  return { name, pass: reason === null, reason, warnings, v1, v2, v2Source };
}
