import { Toolbelt } from "core-functions-toolbelt";
const csdsClient = Toolbelt.CsdsClient();

async function lambda(input) {
  const secretClient = Toolbelt.SecretClient();
  const url = `https://${await csdsClient.get("agentVep")}/api/account/` + process.env.X_LIVEPERSON_BRAND_ID;
  const s = await secretClient.readSecret("token");
  return { url, token: s.value };
}
