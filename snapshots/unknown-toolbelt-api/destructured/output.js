const { Toolbelt } = require("lp-faas-toolbelt");
// TODO(faas-migrate): V2's toolbelt has no `HTTPClient`: use the global `fetch` (mind request-promise's defaults: `json`, `simple`, `resolveWithFullResponse`) [unknown-toolbelt-api]
const { HTTPClient, SecretClient: Secrets } = Toolbelt;

async function lambda(input, callback) {
    callback(null, [HTTPClient(), Secrets()]);
}
