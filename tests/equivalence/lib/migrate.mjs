// Migrates one V1 file with the faas-migrate binary:
//   faas-migrate --stdin-filename index.js < v1/index.js > out.mjs
// (migrated source on stdout, findings on stderr, exit 0; exit 2 on error).

import { spawn } from 'node:child_process';

const MIGRATE_TIMEOUT_MS = 60000;

/** Resolves to `{ ok: true, source, findings }` or `{ ok: false, reason }`. */
export function migrate(bin, v1Source, cwd) {
  return new Promise((resolve) => {
    const stdout = [];
    const stderr = [];
    let failure;
    const child = spawn(bin, ['--stdin-filename', 'index.js'], {
      cwd,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const killer = setTimeout(() => {
      failure = `faas-migrate did not finish within ${MIGRATE_TIMEOUT_MS} ms`;
      child.kill('SIGKILL');
    }, MIGRATE_TIMEOUT_MS);
    child.on('error', (err) => {
      failure = `cannot run faas-migrate (${bin}): ${err.message}`;
    });
    child.stdout.on('data', (chunk) => stdout.push(chunk));
    child.stderr.on('data', (chunk) => stderr.push(chunk));
    child.stdin.on('error', () => {});
    child.stdin.end(v1Source);
    child.on('close', (code, signal) => {
      clearTimeout(killer);
      const findings = Buffer.concat(stderr).toString('utf8');
      if (failure) {
        resolve({ ok: false, reason: failure });
      } else if (code !== 0) {
        const line = findings.split('\n').find((l) => l.trim() !== '') ?? '';
        resolve({ ok: false, reason: `faas-migrate exited ${signal ?? code}${line ? `: ${line.trim()}` : ''}` });
      } else {
        resolve({ ok: true, source: Buffer.concat(stdout).toString('utf8'), findings });
      }
    });
  });
}
