import { Toolbelt } from "core-functions-toolbelt";
const csdsClient = Toolbelt.CsdsClient();

async function lambda(input) {
    const domain = await csdsClient.get("agentVep");
    // formerly https://va.agentvep.liveperson.net
    return `https://${domain}/api/account/${process.env.X_LIVEPERSON_BRAND_ID}`;
}
