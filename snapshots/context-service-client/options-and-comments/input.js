const { Toolbelt } = require("lp-faas-toolbelt");

async function lambda(input, callback) {
    const options = { apiKey: input.payload.key, accountId: process.env.BRAND_ID };
    const fromOptions = Toolbelt.ContextServiceClient(options);
    const commented = Toolbelt.ContextServiceClient({
        apiKey: input.payload.key, // from the bot
        accountId: process.env.BRAND_ID,
    });
    const spread = Toolbelt.ContextServiceClient({ ...options });
    const noKey = Toolbelt.ContextServiceClient({ accountId: process.env.BRAND_ID });
    callback(null, { fromOptions, commented, spread, noKey });
}
