const { Toolbelt } = require("lp-faas-toolbelt");
const secretClient = Toolbelt.SecretClient();

// Module-level config, filled lazily and handed to the V1 client through another variable.
let CONTEXT_CONFIG = { accountId: undefined, apiKey: undefined };
let contextClient = null;

async function getContextClient() {
    if (contextClient) return contextClient;
    const config = CONTEXT_CONFIG;
    config.accountId = process.env.BRAND_ID;
    config.apiKey = (await secretClient.readSecret("context-key")).value;
    contextClient = Toolbelt.ContextServiceClient(config);
    return contextClient;
}

async function lambda(input, callback) {
    try {
        const client = await getContextClient();
        const props = await client.getAllPropertiesInSession("loyalty", input.payload.sessionId);
        callback(null, { tier: props.tier });
    } catch (err) {
        callback(err, null);
    }
}
