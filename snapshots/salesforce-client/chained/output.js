import { Connection } from "@jsforce/jsforce-node";

const { Toolbelt } = require("lp-faas-toolbelt");

async function lambda(input, callback) {
    const { value } = await Toolbelt.SecretClient().readSecret("sf-token");
    const conn = new Connection({
        instanceUrl: "https://example.my.salesforce.com",
        accessToken: value,
    });
    const result = await conn.query("SELECT Id FROM Account LIMIT 1");
    callback(null, result.records);
}
