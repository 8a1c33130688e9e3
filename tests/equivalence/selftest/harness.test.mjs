// The runner (run.mjs) end to end: known failures, malformed cases, request ordering, migration.
//   node --test selftest/harness.test.mjs

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { canonicalRequestOrder } from '../../../src/prove/js/lib/compare.mjs';
import { mediaType, normalizePath, parseBody } from '../../../src/prove/js/lib/server.mjs';
import { TEST_TIMEOUT } from './helpers.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const RUN = path.join(HERE, '..', 'run.mjs');
const CASES = path.join(HERE, 'cases');
const GOOD = path.join(HERE, 'v2-good');
const BAD = path.join(HERE, 'v2-bad');
const scratchRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'faas-equivalence-harness-'));
after(() => fs.rmSync(scratchRoot, { recursive: true, force: true }));

let scratchCount = 0;
function scratch() {
  scratchCount += 1;
  const dir = path.join(scratchRoot, String(scratchCount));
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

function run(args, env = {}) {
  const result = spawnSync(process.execPath, [RUN, ...args], {
    encoding: 'utf8',
    timeout: 120000,
    env: { ...process.env, ...env },
  });
  const lines = result.stdout.trimEnd().split('\n');
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, lines, last: lines.at(-1) };
}

function knownFailures(lines) {
  const file = path.join(scratch(), 'known-failures.txt');
  fs.writeFileSync(file, `# test list\n${lines.join('\n')}\n`);
  return file;
}

/** Writes `{ name: { v1, scenario, v2 } }` as a cases folder and a V2 folder. */
function writeCases(cases) {
  const root = scratch();
  for (const [name, { v1, scenario, v2 }] of Object.entries(cases)) {
    fs.mkdirSync(path.join(root, 'cases', name, 'v1'), { recursive: true });
    fs.writeFileSync(path.join(root, 'cases', name, 'v1', 'index.js'), v1);
    fs.writeFileSync(path.join(root, 'cases', name, 'scenario.json'), JSON.stringify(scenario));
    if (v2 !== undefined) {
      fs.mkdirSync(path.join(root, 'v2', name), { recursive: true });
      fs.writeFileSync(path.join(root, 'v2', name, 'index.mjs'), v2);
    }
  }
  return { cases: path.join(root, 'cases'), v2: path.join(root, 'v2') };
}

describe('summary and exit code', () => {
  test('a missing or empty cases folder is 0 passed, 0 failed', TEST_TIMEOUT, () => {
    const missing = run(['--cases', path.join(scratch(), 'none'), '--v2', GOOD]);
    assert.equal(missing.code, 0);
    assert.equal(missing.last, '0 passed, 0 failed');
    const empty = run(['--cases', scratch(), '--v2', GOOD]);
    assert.equal(empty.code, 0);
    assert.equal(empty.last, '0 passed, 0 failed');
  });

  test('listed failures that fail are XFAIL and keep the exit code 0', TEST_TIMEOUT, () => {
    const names = fs.readdirSync(CASES);
    const out = run(['--cases', CASES, '--v2', BAD, '--known-failures', knownFailures(names.map((n) => `${n}  # issue 0`))]);
    assert.equal(out.code, 0, out.stdout);
    assert.equal(out.lines.filter((line) => line.startsWith('XFAIL ')).length, names.length);
    assert.ok(out.lines.includes(`known failures: ${names.length} expected, 0 unexpected passes`), out.stdout);
    assert.equal(out.last, `0 passed, ${names.length} failed`);
  });

  test('an unlisted failure makes the exit code 1', TEST_TIMEOUT, () => {
    const out = run(['--cases', CASES, '--v2', BAD, '--only', 'callback-with-promise,http-json-post', '--known-failures', knownFailures(['http-json-post'])]);
    assert.equal(out.code, 1);
    assert.ok(out.lines.some((line) => line.startsWith('FAIL callback-with-promise: ')), out.stdout);
    assert.ok(out.lines.some((line) => line.startsWith('XFAIL http-json-post: ')), out.stdout);
    assert.equal(out.last, '0 passed, 2 failed');
  });

  test('a listed case that passes is an unexpected pass and makes the exit code 1', TEST_TIMEOUT, () => {
    const out = run(['--cases', CASES, '--v2', GOOD, '--only', 'http-json-post', '--known-failures', knownFailures(['http-json-post # issue 5'])]);
    assert.equal(out.code, 1);
    assert.ok(out.lines.includes('UNEXPECTED PASS http-json-post: remove it from known-failures'), out.stdout);
    assert.ok(out.lines.includes('known failures: 0 expected, 1 unexpected passes'), out.stdout);
    assert.equal(out.last, '1 passed, 0 failed');
  });

  test('a listed name that is no case makes the exit code 1', TEST_TIMEOUT, () => {
    const out = run(['--cases', CASES, '--v2', GOOD, '--only', 'http-json-post', '--known-failures', knownFailures(['no-such-case'])]);
    assert.equal(out.code, 1);
    assert.ok(out.lines.some((line) => line.startsWith('UNKNOWN no-such-case')), out.stdout);
  });

  test('usage errors exit 2', TEST_TIMEOUT, () => {
    assert.equal(run(['--cases', CASES]).code, 2);
    assert.equal(run(['--cases', CASES, '--v2', GOOD, '--only', 'nope']).code, 2);
  });
});

describe('malformed cases fail with the reason', () => {
  test('unknown scenario field, missing files, a V1 file that does not load', TEST_TIMEOUT, () => {
    const dirs = writeCases({
      typo: { v1: 'function lambda(i, cb) { cb(null, 1); }', scenario: { errormessage: true }, v2: 'async function lambda() { return 1; }' },
      broken: { v1: 'function lambda(i, cb) { cb(null, ; }', scenario: {}, v2: 'async function lambda() { return 1; }' },
      'no-v2': { v1: 'function lambda(i, cb) { cb(null, 1); }', scenario: {} },
    });
    fs.mkdirSync(path.join(dirs.cases, 'empty'));
    const out = run(['--cases', dirs.cases, '--v2', dirs.v2]);
    assert.equal(out.code, 1);
    const line = (name) => out.lines.find((l) => l.startsWith(`FAIL ${name}: `)) ?? '';
    assert.match(line('typo'), /case error: scenario\.json: unknown field "errormessage"/);
    assert.match(line('broken'), /case error: the V1 function does not load: /);
    assert.match(line('no-v2'), /no V2 file /);
    assert.match(line('empty'), /case error: missing v1\/index\.js/);
    assert.equal(out.last, '0 passed, 4 failed');
  });
});

describe('requests', () => {
  const two = (host) => [
    { method: 'GET', host, path: '/a', body: 'a' },
    { method: 'GET', host, path: '/b', body: 'b' },
  ];
  const v1Parallel = `
    const { Toolbelt } = require("lp-faas-toolbelt");
    const rp = Toolbelt.HTTPClient();
    function lambda(input, callback) {
      Promise.all([rp("https://api.example.com/a"), rp("https://api.example.com/b")]).then((r) => callback(null, r.join("")), callback);
    }`;
  const v1Sequential = `
    const { Toolbelt } = require("lp-faas-toolbelt");
    const rp = Toolbelt.HTTPClient();
    async function lambda(input, callback) {
      const a = await rp("https://api.example.com/a");
      const b = await rp("https://api.example.com/b");
      callback(null, a + b);
    }`;
  const v2Reversed = `
    async function lambda() {
      const b = await (await fetch("https://api.example.com/b")).text();
      const a = await (await fetch("https://api.example.com/a")).text();
      return a + b;
    }`;
  const v2ParallelReversed = `
    async function lambda() {
      const [b, a] = await Promise.all([fetch("https://api.example.com/b"), fetch("https://api.example.com/a")]);
      return (await a.text()) + (await b.text());
    }`;

  test('the order of overlapping requests does not count; the order of sequential ones does', TEST_TIMEOUT, () => {
    const scenario = { http: two('api.example.com') };
    const dirs = writeCases({
      parallel: { v1: v1Parallel, scenario, v2: v2ParallelReversed },
      sequential: { v1: v1Sequential, scenario, v2: v2Reversed },
    });
    const out = run(['--cases', dirs.cases, '--v2', dirs.v2]);
    assert.ok(out.lines.includes('PASS parallel'), out.stdout);
    assert.match(out.lines.find((l) => l.startsWith('FAIL sequential: ')) ?? '', /request #1 differs .*path V1 "\/a" vs V2 "\/b"/);
  });

  test('canonicalRequestOrder sorts only stretches that overlapped in a run', () => {
    const r = (p, group) => ({ record: { path: p }, group });
    const [a, b] = canonicalRequestOrder([r('/x', 1), r('/a', 2), r('/b', 3)], [r('/x', 1), r('/b', 2), r('/a', 2)]);
    assert.deepEqual(a.map((x) => x.path), ['/x', '/a', '/b']);
    assert.deepEqual(b.map((x) => x.path), ['/x', '/a', '/b']);
    const [c, d] = canonicalRequestOrder([r('/b', 1), r('/a', 2)], [r('/a', 1), r('/b', 2)]);
    assert.deepEqual(c.map((x) => x.path), ['/b', '/a']);
    assert.deepEqual(d.map((x) => x.path), ['/a', '/b']);
  });

  test('what the server cannot observe does not count', () => {
    assert.equal(mediaType('Application/JSON; charset=utf-8'), 'application/json');
    assert.equal(mediaType(undefined), null);
    assert.equal(mediaType('text/plain;charset=UTF-8'), null, "fetch's label for an unlabelled string body");
    assert.equal(mediaType('text/plain; charset=utf-8'), 'text/plain');
    assert.deepEqual(parseBody('{ "a" : [1, 2] }', 'application/json'), { a: [1, 2] });
    assert.deepEqual(parseBody('a=1&b=x+y&a=2', 'application/x-www-form-urlencoded'), { a: ['1', '2'], b: 'x y' });
    assert.equal(parseBody('', 'application/json'), null);
    assert.equal(parseBody('not json', 'application/json'), 'not json');
    assert.equal(normalizePath("/it%27s%20here/%2F%7e"), "/it's here/%2F~");
  });
});

describe('migration through a binary', () => {
  const name = 'http-json-post';

  test('the binary gets --stdin-filename index.js and the V1 source; its stdout is the V2 side', TEST_TIMEOUT, () => {
    const dir = scratch();
    const log = path.join(dir, 'log.json');
    const bin = path.join(dir, 'fake-migrate');
    fs.writeFileSync(
      bin,
      `#!/usr/bin/env node
const fs = require("fs");
const input = fs.readFileSync(0, "utf8");
fs.writeFileSync(process.env.FAKE_LOG, JSON.stringify({ args: process.argv.slice(2), input }));
process.stderr.write("index.js: 1 finding\\n");
process.stdout.write(fs.readFileSync(process.env.FAKE_V2, "utf8"));
`,
      { mode: 0o755 },
    );
    const out = run(['--cases', CASES, '--bin', bin, '--only', name], {
      FAKE_LOG: log,
      FAKE_V2: path.join(GOOD, name, 'index.mjs'),
    });
    assert.equal(out.code, 0, out.stdout + out.stderr);
    assert.deepEqual(out.lines, [`PASS ${name}`, '1 passed, 0 failed']);
    const seen = JSON.parse(fs.readFileSync(log, 'utf8'));
    assert.deepEqual(seen.args, ['--stdin-filename', 'index.js']);
    assert.equal(seen.input, fs.readFileSync(path.join(CASES, name, 'v1', 'index.js'), 'utf8'));
  });

  test('a binary that exits 2 fails the case with its first error line', TEST_TIMEOUT, () => {
    const dir = scratch();
    const bin = path.join(dir, 'failing-migrate');
    fs.writeFileSync(bin, '#!/bin/sh\ncat >/dev/null\necho "error: index.js:3:1: unexpected token" >&2\nexit 2\n', { mode: 0o755 });
    const out = run(['--cases', CASES, '--bin', bin, '--only', name]);
    assert.equal(out.code, 1);
    assert.equal(out.lines[0], `FAIL ${name}: migration failed: faas-migrate exited 2: error: index.js:3:1: unexpected token`);
  });

  test('a binary that cannot be run fails the case', TEST_TIMEOUT, () => {
    const out = run(['--cases', CASES, '--bin', path.join(scratch(), 'missing-binary'), '--only', name]);
    assert.equal(out.code, 1);
    assert.match(out.lines[0], /^FAIL http-json-post: migration failed: cannot run faas-migrate/);
  });
});
