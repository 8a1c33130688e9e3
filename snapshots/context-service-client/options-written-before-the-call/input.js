// The options object starts empty and is filled in before the call: the account passed is
// whatever `config.accountId` holds then, not the literal's `undefined`.
const { Toolbelt } = require("lp-faas-toolbelt");
const secretClient = Toolbelt.SecretClient();
let CONFIG = { apiKey: undefined, accountId: undefined };

async function lambda(input, callback) {
    const config = CONFIG;
    config.accountId = (await secretClient.readSecret("account")).value;
    config.apiKey = (await secretClient.readSecret("context-key")).value;
    const client = Toolbelt.ContextServiceClient(config);
    callback(null, await client.getAllPropertiesInSession("ns", input.payload.sessionId));
}
