const { Toolbelt, LpServices } = require("lp-faas-toolbelt");

async function lambda(input, callback) {
    const httpClient = Toolbelt.HTTPClient();
    // TODO(faas-migrate): V2's toolbelt has no `Logger`: use `console.info` / `console.warn` / `console.error` (V2 keeps 10 logs per invocation) [unknown-toolbelt-api]
    const logger = Toolbelt.Logger();
    // TODO(faas-migrate): V2's toolbelt has no `ZendeskClient` (it is not part of the V2 API): replace it [unknown-toolbelt-api]
    const zendesk = Toolbelt.ZendeskClient({ token: "t" });
    const secrets = Toolbelt.SecretClient();
    const lp = Toolbelt.LpClient();
    logger.info(LpServices.MSG_HIST);
    callback(null, { httpClient, zendesk, secrets, lp });
}
