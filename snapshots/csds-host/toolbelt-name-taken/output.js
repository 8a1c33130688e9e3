const { Toolbelt } = require("./local-toolbelt");
async function lambda(input, callback) {
  // TODO(faas-migrate): hard-coded LivePerson host `va.agentvep.liveperson.net`: the name `Toolbelt` is taken in this file by something else than the toolbelt; look the host up with `await csdsClient.get("agentVep")` by hand [csds-host]
  const url = "https://va.agentvep.liveperson.net/api/" + input.payload.id;
  callback(null, url);
}
