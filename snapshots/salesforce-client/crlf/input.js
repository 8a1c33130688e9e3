const { Toolbelt } = require("lp-faas-toolbelt");

async function lambda(input, callback) {
    const conn = Toolbelt.SFClient().connectToSalesforce({ accessToken: input.payload.token });
    callback(null, await conn.identity());
}
