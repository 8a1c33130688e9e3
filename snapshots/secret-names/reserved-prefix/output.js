const { Toolbelt } = require("lp-faas-toolbelt");

async function lambda(input, callback) {
    const secretClient = Toolbelt.SecretClient();
    // TODO(faas-migrate): V2 forbids secret keys starting with `LIVEPERSON_DEFAULT_`: store this value under another key (and create that secret in V2) [secret-names]
    await secretClient.updateSecret({ key: "LIVEPERSON_DEFAULT_TOKEN", value: input.payload.token });
    await secretClient.updateSecret({ key: "MY_TOKEN", value: input.payload.token });
    callback(null, true);
}
