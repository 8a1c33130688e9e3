const { Toolbelt } = require("lp-faas-toolbelt");

async function lambda(input, callback) {
    const options = { apiKey: input.payload.key, accountId: process.env.BRAND_ID };
    const fromOptions = Toolbelt.ContextServiceClient(options.apiKey);
    // TODO(faas-migrate): V2's ContextServiceClient takes only the API key: replace this object by its `apiKey` value (and keep the comments) [context-service-client]
    const commented = Toolbelt.ContextServiceClient({
        apiKey: input.payload.key, // from the bot
        accountId: process.env.BRAND_ID,
    });
    // TODO(faas-migrate): V2's ContextServiceClient takes only the API key (`ContextServiceClient(apiKey)`) and always uses this function's account; pass the key here [context-service-client]
    const spread = Toolbelt.ContextServiceClient({ ...options });
    // TODO(faas-migrate): V2's ContextServiceClient takes only the API key (`ContextServiceClient(apiKey)`) and always uses this function's account; pass the key here [context-service-client]
    const noKey = Toolbelt.ContextServiceClient({ accountId: process.env.BRAND_ID });
    callback(null, { fromOptions, commented, spread, noKey });
}
