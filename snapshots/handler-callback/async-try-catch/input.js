const { Toolbelt } = require("lp-faas-toolbelt");
const secretClient = Toolbelt.SecretClient();

async function lambda(input, callback) {
    try {
        const { value } = await secretClient.readSecret("api-token");
        callback(null, {
            token: value.slice(0, 4)
        });
    } catch (err) {
        console.error("could not read the secret", err.message);
        callback(err, null);
    }
}
