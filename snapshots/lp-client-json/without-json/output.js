const { Toolbelt, LpServices } = require("lp-faas-toolbelt");

async function lambda(input, callback) {
  const lpClient = Toolbelt.LpClient();
  // TODO(faas-migrate): without `json: true`, V1's LpClient resolved with the body as text and rejected on a status outside 2xx; V2's resolves with the fetch `Response`: check `response.ok` and read `await response.text()` [lp-client-json]
  const text = await lpClient(LpServices.AGENT_VEP, "/api/account/1/status", { method: "GET" });
  await lpClient(LpServices.AGENT_VEP, "/api/account/1/ping", { method: "POST" });
  const response = await lpClient(LpServices.AGENT_VEP, "/api/account/1/agents", { method: "GET" });
  const agents = await response.json();
  callback(null, { status: JSON.parse(text).status, agents });
}
