import { Connection } from "@jsforce/jsforce-node";

const { Toolbelt } = require("lp-faas-toolbelt");

async function lambda(input, callback) {
    // TODO(faas-migrate): V2 has no CRMClient: use jsforce's `new Connection(config)` from "@jsforce/jsforce-node" instead of this client and its uses [salesforce-client]
    const crm = Toolbelt.CRMClient();
    const conn = new Connection(input.payload.config);
    helper(crm);
    // TODO(faas-migrate): V2 has no CRMClient: use jsforce's `new Connection(config)` from "@jsforce/jsforce-node" instead of this client and its uses [salesforce-client]
    const again = Toolbelt.CRMClient();
    callback(null, { conn, again });
}
