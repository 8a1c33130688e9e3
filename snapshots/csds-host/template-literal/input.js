const { Toolbelt } = require("lp-faas-toolbelt");

async function lambda(input, callback) {
    const brandId = process.env.BRAND_ID;
    const url = `https://va.agentvep.liveperson.net/api/account/${brandId}/configuration/le-users/users?v=4.0`;
    const history = `https://sy.msghist.liveperson.net/messaging_history/api/account/${brandId}/conversations/search`;
    callback(null, { url, history });
}
