async function lambda(input, callback) {
    const { Toolbelt } = require("lp-faas-toolbelt");
    const crypto = require("crypto");

    const secretClient = Toolbelt.SecretClient();
    const httpClient = Toolbelt.HTTPClient();

    const { value: signingKey } = await secretClient.readSecret("webhook-signing-key");
    const body = JSON.stringify({ conversationId: input.payload.conversationId, event: "transfer" });
    const signature = crypto.createHmac("sha256", signingKey).update(body).digest("hex");

    const response = await httpClient("https://api.example.com/hooks/liveperson", {
        method: "POST",
        headers: {
            "Content-Type": "application/json",
            "X-Signature": signature
        },
        body: body
    });

    callback(null, { signature: signature, accepted: JSON.parse(response).accepted });
}
