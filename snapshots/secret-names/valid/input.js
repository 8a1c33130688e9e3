import { Toolbelt } from "core-functions-toolbelt";
const secretClient = Toolbelt.SecretClient();

async function lambda(input) {
    const { value } = await secretClient.readSecret("api-key");
    const fresh = await secretClient.readSecret("counter", { useCache: false });
    await secretClient.updateSecret({ key: "counter", value: String(Number(fresh.value) + 1) });
    return value;
}
