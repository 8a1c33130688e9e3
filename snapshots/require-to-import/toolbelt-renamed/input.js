const { Toolbelt: TB, LpServices: services } = require("lp-faas-toolbelt");
var { Toolbelt } = require("lp-faas-toolbelt");

function lambda(input, callback) {
  callback(null, [typeof TB, services.AGENT_VEP, typeof Toolbelt]);
}
