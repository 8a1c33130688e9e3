const { Toolbelt } = require("lp-faas-toolbelt");
const csdsClient = Toolbelt.CsdsClient();

// EMEA account, so the sy. hosts
// TODO(faas-migrate): hard-coded LivePerson host `sy.agentvep.liveperson.net`: V2 looks it up with CSDS, but `await` is not possible here; move `await csdsClient.get("agentVep")` (with `const csdsClient = Toolbelt.CsdsClient()`) into the async function that uses it [csds-host]
const AGENT_VEP_HOST = "sy.agentvep.liveperson.net";

function historyUrl(brandId) {
    // TODO(faas-migrate): hard-coded LivePerson host `sy.msghist.liveperson.net`: V2 looks it up with CSDS, but `await` is not possible here; move `await csdsClient.get("msgHist")` (with `const csdsClient = Toolbelt.CsdsClient()`) into the async function that uses it [csds-host]
    return "https://sy.msghist.liveperson.net/messaging_history/api/account/" + brandId;
}

async function lambda(input, callback) {
    const url = `https://${await csdsClient.get("agentVep")}/api/account/` + process.env.BRAND_ID;
    // TODO(faas-migrate): hard-coded LivePerson host `sy.agentvep.liveperson.net`: V2 looks it up with CSDS, but `await` is not possible here; move `await csdsClient.get("agentVep")` (with `const csdsClient = Toolbelt.CsdsClient()`) into the async function that uses it [csds-host]
    const later = () => "https://sy.agentvep.liveperson.net/api";
    // TODO(faas-migrate): hard-coded LivePerson host `va.data.liveperson.net`: V2 looks it up with CSDS, but `await` is not possible here; move `await csdsClient.get("leDataReporting")` (with `const csdsClient = Toolbelt.CsdsClient()`) into the async function that uses it [csds-host]
    async function fetchUsers(path = "https://va.data.liveperson.net/x") {
        return path;
    }
    callback(null, { url, host: AGENT_VEP_HOST, history: historyUrl(process.env.BRAND_ID), later, fetchUsers });
}
