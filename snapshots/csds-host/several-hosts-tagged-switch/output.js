const { Toolbelt } = require("lp-faas-toolbelt")
const csdsClient = Toolbelt.CsdsClient();
async function lambda(input, callback) {
  const u = `https://${await csdsClient.get("agentVep")}/x?next=https://${await csdsClient.get("msgHist")}/y`;
  const t = `${await csdsClient.get("agentVep")}`;
  // TODO(faas-migrate): hard-coded LivePerson host `va.agentvep.liveperson.net` in a tagged template: replace it with `await csdsClient.get("agentVep")` by hand [csds-host]
  const tag = String.raw`https://va.agentvep.liveperson.net/raw`;
  switch (input.host) { case await csdsClient.get("accountConfigReadWrite"): break; }
  callback(null, [u, t, tag]);
}
