const { Toolbelt } = require("lp-faas-toolbelt");

async function lambda(input, callback) {
    const secretClient = Toolbelt.SecretClient();
    const { value: apiKey } = await secretClient.readSecret("context-api-key");

    const contextClient = Toolbelt.ContextServiceClient(apiKey);
    const other = Toolbelt.ContextServiceClient("k-2");
    callback(null, { contextClient, other });
}
