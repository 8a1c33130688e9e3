const { Toolbelt } = require("lp-faas-toolbelt");
const csdsClient = Toolbelt.CsdsClient();

async function lambda(input, callback) {
    const url = `https://${await csdsClient.get("agentVep")}/api/account/` + input.payload.id;
    callback(null, url);
}
