const { Toolbelt, LpServices } = require("lp-faas-toolbelt");

async function lambda(input, callback) {
    const httpClient = Toolbelt.HTTPClient();
    const logger = Toolbelt.Logger();
    const zendesk = Toolbelt.ZendeskClient({ token: "t" });
    const secrets = Toolbelt.SecretClient();
    const lp = Toolbelt.LpClient();
    logger.info(LpServices.MSG_HIST);
    callback(null, { httpClient, zendesk, secrets, lp });
}
