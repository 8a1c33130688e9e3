const { Toolbelt } = require("lp-faas-toolbelt");

async function lambda(input, callback) {
    const secretClient = Toolbelt.SecretClient();
    await secretClient.updateSecret({ key: "LIVEPERSON_DEFAULT_TOKEN", value: input.payload.token });
    await secretClient.updateSecret({ key: "MY_TOKEN", value: input.payload.token });
    callback(null, true);
}
