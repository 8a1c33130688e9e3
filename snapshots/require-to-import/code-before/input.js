const { Toolbelt } = require("lp-faas-toolbelt");
const secretClient = Toolbelt.SecretClient();

const crypto = require("crypto");

function lambda(input, callback) {
  callback(null, [typeof secretClient, crypto.randomUUID().length]);
}
