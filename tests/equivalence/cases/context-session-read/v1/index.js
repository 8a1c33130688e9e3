const { Toolbelt } = require("lp-faas-toolbelt");

async function lambda(input, callback) {
    const secretClient = Toolbelt.SecretClient();
    const { value: apiKey } = await secretClient.readSecret("context-api-key");

    const contextClient = Toolbelt.ContextServiceClient({
        apiKey: apiKey,
        accountId: process.env.BRAND_ID
    });

    const props = await contextClient.getAllPropertiesInSession("bot-state", input.payload.sessionId);
    callback(null, { lastIntent: props.lastIntent, attempts: props.attempts });
}
