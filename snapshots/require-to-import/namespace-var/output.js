// Creates a helpdesk ticket when a conversation is closed with an unresolved MCS.
// Triggered by: Messaging Conversation End
import * as lpf from "core-functions-toolbelt";

function lambda(input, callback) {
    var Toolbelt = lpf.Toolbelt;
    callback(null, typeof Toolbelt.SecretClient);
}
