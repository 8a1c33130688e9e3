// Ticket webhook.
// Triggered by: Messaging Conversation End
var lpf = require("lp-faas-toolbelt");

function lambda(input, callback) {
    var Toolbelt = lpf.Toolbelt;
    var crypto = require("crypto");
    var id = crypto.randomUUID();
    callback(null, { id: id, brand: process.env["BRAND_ID"], client: typeof Toolbelt.SecretClient });
}

module.exports = lambda;
