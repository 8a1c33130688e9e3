const { Toolbelt } = require("lp-faas-toolbelt");

// EMEA account, so the sy. hosts
const AGENT_VEP_HOST = "sy.agentvep.liveperson.net";

function historyUrl(brandId) {
    return "https://sy.msghist.liveperson.net/messaging_history/api/account/" + brandId;
}

async function lambda(input, callback) {
    const url = "https://sy.agentvep.liveperson.net/api/account/" + process.env.BRAND_ID;
    const later = () => "https://sy.agentvep.liveperson.net/api";
    async function fetchUsers(path = "https://va.data.liveperson.net/x") {
        return path;
    }
    callback(null, { url, host: AGENT_VEP_HOST, history: historyUrl(process.env.BRAND_ID), later, fetchUsers });
}
