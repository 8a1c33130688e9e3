import { Toolbelt } from "core-functions-toolbelt";
const secretClient = Toolbelt.SecretClient();
const readOptions = { timeout: 500 };

async function save(entry) {
    const { key, value } = entry;
    await secretClient.updateSecret({ key, value });
}

export async function lambda(input) {
    await save(input.payload);
    const a = await secretClient.readSecret("a", { timeout: 500 });
    const b = await secretClient.readSecret("b", {});
    const c = await secretClient.readSecret("c", {
        timeout: 500,
    });
    const d = await secretClient.readSecret("d", { useCache: true });
    const e = await secretClient.readSecret("e", readOptions);
    return [a, b, c, d, e].map((s) => s.value);
}
