const { Toolbelt } = require("lp-faas-toolbelt");
const secretClient = Toolbelt.SecretClient();

async function lambda(input, callback) {
    await secretClient.updateSecret({ key: "counter", value: "1" });
    const { value } = await secretClient.readSecret("counter");
    callback(null, value);
}
