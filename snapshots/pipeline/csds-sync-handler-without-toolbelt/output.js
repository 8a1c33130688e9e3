import { Toolbelt } from "core-functions-toolbelt";
const csdsClient = Toolbelt.CsdsClient();

async function lambda(input) {
  function lambda(a, b) {}
  return `https://${await csdsClient.get("agentVep")}/x`;
}
