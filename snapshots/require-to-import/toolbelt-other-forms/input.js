const Toolbelt = require("lp-faas-toolbelt").Toolbelt;
const { LpServices = {} } = require("lp-faas-toolbelt");

function lambda(input, callback) {
  const { SecretClient } = require("lp-faas-toolbelt").Toolbelt;
  callback(null, [typeof Toolbelt, LpServices, typeof SecretClient]);
}
