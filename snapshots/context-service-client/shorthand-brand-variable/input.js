const { Toolbelt } = require("lp-faas-toolbelt");
const accountId = process.env.BRAND_ID;

async function lambda(input, callback) {
    const apiKey = input.payload.key;
    const client = Toolbelt.ContextServiceClient({ apiKey, accountId });
    callback(null, client);
}
