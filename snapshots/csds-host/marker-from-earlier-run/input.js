const { Toolbelt } = require("lp-faas-toolbelt");

async function lambda(input, callback) {
    // TODO(faas-migrate): hard-coded LivePerson host `va.agentvep.liveperson.net`: V2 looks it up with CSDS, but `await` is not possible here; move `await csdsClient.get("agentVep")` (with `const csdsClient = Toolbelt.CsdsClient()`) into the async function that uses it [csds-host]
    const url = "https://va.agentvep.liveperson.net/api/account/" + input.payload.id;
    callback(null, url);
}
