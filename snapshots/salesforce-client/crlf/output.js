import { Connection } from "@jsforce/jsforce-node";

const { Toolbelt } = require("lp-faas-toolbelt");

async function lambda(input, callback) {
    const conn = new Connection({ accessToken: input.payload.token });
    callback(null, await conn.identity());
}
