process.env.TZ = "UTC";
const moment = require("moment");
const { Toolbelt } = require("lp-faas-toolbelt");

function lambda(input, callback) {
  callback(null, [moment().format(), typeof Toolbelt]);
}
