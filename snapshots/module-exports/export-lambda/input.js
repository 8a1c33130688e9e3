const { Toolbelt } = require('lp-faas-toolbelt');

/**
 * Exported as well so the unit tests of the brand team can require it.
 */
async function lambda(input, callback) {
  callback(null, { ok: typeof Toolbelt });
}

module.exports = lambda;
