const { Toolbelt } = require("lp-faas-toolbelt");
const { Logger, SecretClient: Secrets } = Toolbelt;

async function lambda(input, callback) {
    callback(null, [Logger(), Secrets()]);
}
