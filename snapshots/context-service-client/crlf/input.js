const { Toolbelt } = require("lp-faas-toolbelt");

async function lambda(input, callback) {
    const client = Toolbelt.ContextServiceClient({
        apiKey: input.payload.key,
        accountId: process.env.BRAND_ID,
    });
    callback(null, await client.getAllPropertiesInSession("ns", "s-1"));
}
