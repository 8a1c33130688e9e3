const { Toolbelt } = require("lp-faas-toolbelt");
const Connection = require("./connection");

async function lambda(input, callback) {
    const conn = Toolbelt.SFClient().connectToSalesforce(input.payload.config);
    callback(null, new Connection(conn));
}
