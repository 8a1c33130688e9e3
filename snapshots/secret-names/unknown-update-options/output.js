import { Toolbelt } from "core-functions-toolbelt";
const secretClient = Toolbelt.SecretClient();
const readOptions = { timeout: 500 };

async function save(entry) {
    const { key, value } = entry;
    await secretClient.updateSecret({ key, value });
}

export async function lambda(input) {
    await save(input.payload);
    const a = await secretClient.readSecret("a", { timeout: 500, useCache: false });
    const b = await secretClient.readSecret("b", { useCache: false });
    const c = await secretClient.readSecret("c", {
        timeout: 500,
        useCache: false,
    });
    const d = await secretClient.readSecret("d", { useCache: true });
    // TODO(faas-migrate): this read may follow an `updateSecret` of the same secret, and V2's SecretClient caches reads for 5 minutes per instance: pass `useCache: false` in its options [secret-names]
    const e = await secretClient.readSecret("e", readOptions);
    return [a, b, c, d, e].map((s) => s.value);
}
