const TB = require('lp-faas-toolbelt').Toolbelt;
const createHash = require('crypto').createHash;
const promises = require('fs').promises;

async function lambda(input, callback) {
  const LpServices = require('lp-faas-toolbelt').LpServices;
  const { readFile } = require('fs').promises;
  const digest = require('crypto').createHash('sha256').update(input.payload.text).digest('hex');
  callback(null, { digest, same: createHash === require('crypto').createHash, tb: typeof TB, s: LpServices.MSG_HIST, rf: typeof readFile, p: typeof promises });
}
