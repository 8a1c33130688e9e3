// Creates a helpdesk ticket when a conversation is closed with an unresolved MCS.
// Triggered by: Messaging Conversation End
var lpf = require("lp-faas-toolbelt");

function lambda(input, callback) {
    var Toolbelt = lpf.Toolbelt;
    callback(null, typeof Toolbelt.SecretClient);
}
