// Toolbelt gives us the secret store
import { Toolbelt, LpServices } from "core-functions-toolbelt";
// lodash for merging
import _ from "es-toolkit/compat";
const csdsClient = Toolbelt.CsdsClient();

async function lambda(input) {
  const host = await csdsClient.get("agentVep");
  return _.merge({ service: LpServices.MSG_HIST }, { host });
}
