import { Toolbelt as TB } from 'core-functions-toolbelt';
import { createHash } from 'crypto';
import { promises } from 'fs';
import { LpServices } from 'core-functions-toolbelt';
import crypto from 'crypto';

async function lambda(input, callback) {
  const { readFile } = promises;
  const digest = crypto.createHash('sha256').update(input.payload.text).digest('hex');
  callback(null, { digest, same: createHash === crypto.createHash, tb: typeof TB, s: LpServices.MSG_HIST, rf: typeof readFile, p: typeof promises });
}
