const { Toolbelt } = require("lp-faas-toolbelt");

async function lambda(input, callback) {
    const client = Toolbelt.ContextServiceClient(input.payload.key);
    callback(null, await client.getAllPropertiesInSession("ns", "s-1"));
}
