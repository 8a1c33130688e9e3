// known-failures.txt: one case name per line, `#` starts a comment (the issue that will fix it).

import fs from 'node:fs';

/** Case names listed in `file`, in file order. */
export function readKnownFailures(file) {
  const names = [];
  for (const line of fs.readFileSync(file, 'utf8').split(/\r?\n/)) {
    const name = line.replace(/#.*/, '').trim();
    if (name !== '') {
      if (/\s/.test(name)) {
        throw new Error(`${file}: one case name per line, got ${JSON.stringify(name)}`);
      }
      names.push(name);
    }
  }
  return names;
}
