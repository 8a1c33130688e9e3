// Ticket webhook.
// Triggered by: Messaging Conversation End
import * as lpf from "core-functions-toolbelt";
import crypto from "crypto";

function lambda(input, callback) {
    var Toolbelt = lpf.Toolbelt;
    var id = crypto.randomUUID();
    callback(null, { id: id, brand: process.env["X_LIVEPERSON_BRAND_ID"], client: typeof Toolbelt.SecretClient });
}
