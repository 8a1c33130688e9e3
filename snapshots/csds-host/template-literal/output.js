const { Toolbelt } = require("lp-faas-toolbelt");
const csdsClient = Toolbelt.CsdsClient();

async function lambda(input, callback) {
    const brandId = process.env.BRAND_ID;
    const url = `https://${await csdsClient.get("agentVep")}/api/account/${brandId}/configuration/le-users/users?v=4.0`;
    const history = `https://${await csdsClient.get("msgHist")}/messaging_history/api/account/${brandId}/conversations/search`;
    callback(null, { url, history });
}
