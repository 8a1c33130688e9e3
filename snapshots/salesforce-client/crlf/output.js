const { Toolbelt } = require("lp-faas-toolbelt");
import { Connection } from "@jsforce/jsforce-node";

async function lambda(input, callback) {
    const conn = new Connection({ accessToken: input.payload.token });
    callback(null, await conn.identity());
}
