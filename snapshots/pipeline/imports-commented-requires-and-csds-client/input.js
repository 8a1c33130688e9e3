// Toolbelt gives us the secret store
const { Toolbelt } = require("lp-faas-toolbelt");
// lodash for merging
const _ = require("lodash");

function lambda(input, callback) {
  const { LpServices } = require("lp-faas-toolbelt");
  const host = "va.agentvep.liveperson.net";
  callback(null, _.merge({ service: LpServices.MSG_HIST }, { host }));
}
