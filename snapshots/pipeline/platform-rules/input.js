const { Toolbelt } = require("lp-faas-toolbelt");
const _ = require("lodash");

const secretClient = Toolbelt.SecretClient();

function lambda(input, callback) {
    const brandId = process.env.BRAND_ID;
    const contextClient = Toolbelt.ContextServiceClient({
        apiKey: input.payload.key,
        accountId: process.env.BRAND_ID,
    });
    const url = `https://va.agentvep.liveperson.net/api/account/${brandId}/status`;
    secretClient.updateSecret({ key: "last-url", value: url })
        .then(() => secretClient.readSecret("last-url"))
        .then((secret) => callback(null, { url: secret.value, first: _.head(input.payload.items), contextClient }))
        .catch((err) => callback(err, null));
}
