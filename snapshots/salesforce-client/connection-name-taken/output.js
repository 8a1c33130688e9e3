const { Toolbelt } = require("lp-faas-toolbelt");
const Connection = require("./connection");

async function lambda(input, callback) {
    // TODO(faas-migrate): V2 has no SFClient: use jsforce's `new Connection(config)` from "@jsforce/jsforce-node" (the name `Connection` is taken in this file) [salesforce-client]
    const conn = Toolbelt.SFClient().connectToSalesforce(input.payload.config);
    callback(null, new Connection(conn));
}
