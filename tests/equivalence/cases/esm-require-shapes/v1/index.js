"use strict";
// Signs the conversation id with a salt from the secret store.

const { createHash } = require("crypto");

function digest(text) {
    return require("crypto").createHash("sha1").update(text).digest("hex");
}

function describe(value) {
    const util = require("util");
    return util.inspect(value);
}

function lambda(input, callback) {
    "use strict";
    const { Toolbelt, LpServices } = require("lp-faas-toolbelt");
    const path = require("path");

    const secretClient = Toolbelt.SecretClient();
    secretClient.readSecret("salt")
        .then(function (secret) {
            callback(null, {
                sha256: createHash("sha256").update(secret.value + input.payload.conversationId).digest("hex"),
                sha1: digest(input.payload.conversationId),
                shown: describe({ conversation: input.payload.conversationId }),
                joined: path.posix.join("transcripts", input.payload.conversationId),
                service: LpServices.MSG_HIST,
                dirType: typeof __dirname
            });
        })
        .catch(function (err) {
            callback(err, null);
        });
}

module.exports = { lambda, digest };
