const { Toolbelt, LpServices } = require("lp-faas-toolbelt");

function lambda(input, callback) {
  callback(null, LpServices.MSG_HIST);
}
