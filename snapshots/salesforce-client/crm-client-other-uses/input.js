const { Toolbelt } = require("lp-faas-toolbelt");

async function lambda(input, callback) {
    const crm = Toolbelt.CRMClient();
    const conn = crm.connectToSalesforce(input.payload.config);
    helper(crm);
    const again = Toolbelt.CRMClient();
    callback(null, { conn, again });
}
