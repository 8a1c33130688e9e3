import { Toolbelt } from "core-functions-toolbelt";
import _ from "es-toolkit/compat";
const csdsClient = Toolbelt.CsdsClient();

const secretClient = Toolbelt.SecretClient();

async function lambda(input) {
    const brandId = process.env.X_LIVEPERSON_BRAND_ID;
    const contextClient = Toolbelt.ContextServiceClient(input.payload.key);
    const url = `https://${await csdsClient.get("agentVep")}/api/account/${brandId}/status`;
    await secretClient.updateSecret({ key: "last-url", value: url });
    const secret = await secretClient.readSecret("last-url", { useCache: false });
    return { url: secret.value, first: _.head(input.payload.items), contextClient };
}
