const { Toolbelt } = require("lp-faas-toolbelt");
const { HTTPClient, SecretClient: Secrets } = Toolbelt;

async function lambda(input, callback) {
    callback(null, [HTTPClient(), Secrets()]);
}
