// Ticket webhook.
// Triggered by: Messaging Conversation End
import * as lpf from "core-functions-toolbelt";
import crypto from "crypto";

async function lambda(input) {
    var Toolbelt = lpf.Toolbelt;
    var id = crypto.randomUUID();
    return { id: id, brand: process.env["X_LIVEPERSON_BRAND_ID"], client: typeof Toolbelt.SecretClient };
}
