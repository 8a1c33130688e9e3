const { Toolbelt } = require("lp-faas-toolbelt");

async function lambda(input, callback) {
    const send = "https://va.msg.liveperson.net/api/account/" + process.env.BRAND_ID + "/messaging";
    const site = "https://www.liveperson.com/";
    const lookalike = "https://va.agentvep.liveperson.network/";
    callback(null, { send, site, lookalike });
}
