const { Toolbelt } = require("lp-faas-toolbelt");
const csdsClient = Toolbelt.CsdsClient();

// TODO(faas-migrate): hard-coded LivePerson host `va.msghist.liveperson.net`: V2 looks it up with CSDS, but `await` is not possible here; move `await csdsClient.get("msgHist")` (with `const csdsClient = Toolbelt.CsdsClient()`) into the async function that uses it [csds-host]
const BASE = "https://va.msghist.liveperson.net/messaging_history/api/account/";

async function lambda(input, callback) {
    const url = `https://${await csdsClient.get("agentVep")}/api/account/${input.payload.id}`;
    callback(null, { url, base: BASE });
}
