const { Toolbelt } = require("lp-faas-toolbelt");
// TODO(faas-migrate): V2's toolbelt has no `Logger`: use `console.info` / `console.warn` / `console.error` (V2 keeps 10 logs per invocation) [unknown-toolbelt-api]
const { Logger, SecretClient: Secrets } = Toolbelt;

async function lambda(input, callback) {
    callback(null, [Logger(), Secrets()]);
}
