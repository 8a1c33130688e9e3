const { Toolbelt } = require("lp-faas-toolbelt");

function lambda(input, callback) {
  with (input.payload) {
    callback(null, process.env.BRAND_ID + skill);
  }
}
