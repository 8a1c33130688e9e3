// the toolbelt, for secrets
import { Toolbelt } from "core-functions-toolbelt";
const csdsClient = Toolbelt.CsdsClient();

async function lambda(input) {
  const secrets = Toolbelt.SecretClient();
  const host = await csdsClient.get("agentVep");
  const s = await secrets.readSecret("key");
  return { host, key: s.value };
}
