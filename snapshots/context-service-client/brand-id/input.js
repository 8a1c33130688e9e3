const { Toolbelt } = require("lp-faas-toolbelt");

async function lambda(input, callback) {
    const secretClient = Toolbelt.SecretClient();
    const { value: apiKey } = await secretClient.readSecret("context-api-key");

    const contextClient = Toolbelt.ContextServiceClient({
        apiKey: apiKey,
        accountId: process.env.BRAND_ID
    });
    const other = Toolbelt.ContextServiceClient({ accountId: process.env["X_LIVEPERSON_BRAND_ID"], apiKey: "k-2" });
    callback(null, { contextClient, other });
}
