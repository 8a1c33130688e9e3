const { Toolbelt } = require("lp-faas-toolbelt");

const BASE = "https://va.msghist.liveperson.net/messaging_history/api/account/";

async function lambda(input, callback) {
    const url = `https://va.agentvep.liveperson.net/api/account/${input.payload.id}`;
    callback(null, { url, base: BASE });
}
