async function lambda(input, callback) {
    const { Toolbelt } = require("lp-faas-toolbelt");
    const crypto = require("crypto");

    const secretClient = Toolbelt.SecretClient();
    const { value: signingKey } = await secretClient.readSecret("webhook-signing-key");
    const signature = crypto.createHmac("sha256", signingKey).update(input.payload.body).digest("hex");
    callback(null, { signature });
}
