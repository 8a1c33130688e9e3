const { Toolbelt } = require("lp-faas-toolbelt");
const secretClient = Toolbelt.SecretClient();
const TOKEN_KEY = "crm-oauth";

async function refresh() {
    const name = "counter";
    const current = await secretClient.readSecret(name, { useCache: false });
    await secretClient.updateSecret({ key: name, value: current.value + "!" });
    return secretClient.readSecret(name, { useCache: false });
}

async function lambda(input, callback) {
    let { value } = await secretClient.readSecret(TOKEN_KEY, { useCache: false });
    await secretClient.updateSecret({ key: "crm-oauth", value: "new" });
    ({ value } = await secretClient.readSecret("crm-oauth", { useCache: false } /* again */));
    const other = await secretClient.readSecret("static-config");
    const name = "x";
    const unrelated = await secretClient.readSecret(name);
    const already = await secretClient.readSecret(`crm-oauth`, { useCache: false });
    callback(null, { value, other, unrelated, already, refreshed: await refresh() });
}
