const { Toolbelt } = require("lp-faas-toolbelt");

async function lambda(input, callback) {
    // TODO(faas-migrate): V2's toolbelt has no `Logger`: use `console.info` / `console.warn` / `console.error` (V2 keeps 10 logs per invocation) [unknown-toolbelt-api]
    const logger = Toolbelt.Logger();
    callback(null, logger);
}
