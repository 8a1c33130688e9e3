const { Toolbelt } = require("lp-faas-toolbelt"); // platform helpers
const csdsClient = Toolbelt.CsdsClient();

async function lambda(input, callback) {
    // agent API, EMEA
    const url = /* host */ `https://${await csdsClient.get("agentVep")}/api/account/` /* then the id */ + input.payload.id; // logout
    callback(null, url);
}
