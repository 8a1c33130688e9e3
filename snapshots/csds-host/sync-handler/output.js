const { Toolbelt } = require("lp-faas-toolbelt");
const csdsClient = Toolbelt.CsdsClient();

async function lambda(input, callback) {
    const httpClient = Toolbelt.HTTPClient();
    httpClient(`https://${await csdsClient.get("agentVep")}/api/account/` + process.env.BRAND_ID + "/status", { json: true })
        .then((res) => callback(null, res))
        .catch((err) => callback(err, null));
}
