const { Toolbelt, LpServices } = require("lp-faas-toolbelt");

async function lambda(input, callback) {
  const lpClient = Toolbelt.LpClient();
  const text = await lpClient(LpServices.AGENT_VEP, "/api/account/1/status", { method: "GET" });
  await lpClient(LpServices.AGENT_VEP, "/api/account/1/ping", { method: "POST" });
  const response = await lpClient(LpServices.AGENT_VEP, "/api/account/1/agents", { method: "GET" });
  const agents = await response.json();
  callback(null, { status: JSON.parse(text).status, agents });
}
