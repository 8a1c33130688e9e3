const { Toolbelt } = require("lp-faas-toolbelt");
const secretClient = Toolbelt.SecretClient();

async function lambda(input) {
    try {
        const { value } = await secretClient.readSecret("api-token");
        return {
            token: value.slice(0, 4)
        };
    } catch (err) {
        console.error("could not read the secret", err.message);
        throw err;
    }
}
