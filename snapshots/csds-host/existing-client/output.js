import { Toolbelt as TB } from "core-functions-toolbelt";
const csds = TB.CsdsClient();

async function lambda(input) {
    const agentVep = await csds.get("agentVep");
    const history = `https://${await csds.get("msgHist")}/messaging_history/api/account/${process.env.X_LIVEPERSON_BRAND_ID}`;
    return { agentVep, history };
}
