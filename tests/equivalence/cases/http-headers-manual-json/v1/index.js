const { Toolbelt } = require("lp-faas-toolbelt");

async function lambda(input, callback) {
    const httpClient = Toolbelt.HTTPClient();
    const secretClient = Toolbelt.SecretClient();
    const { value: slackHook } = await secretClient.readSecret("slack-webhook-path");

    const message = {
        text: "Escalation on conversation " + input.payload.conversationId,
        channel: "#cx-escalations"
    };

    const res = await httpClient("https://api.example.com" + slackHook, {
        method: "POST",
        headers: {
            "Content-Type": "application/json",
            "User-Agent": "lp-functions/1.0"
        },
        body: JSON.stringify(message),
        simple: false,
        resolveWithFullResponse: true
    });

    callback(null, { delivered: res.statusCode === 200, answer: res.body });
}
