const { Toolbelt } = require("lp-faas-toolbelt");
const secretClient = Toolbelt.SecretClient();

// Stores a rotated token under the name it was read from; the key is only known at run time.
async function rotate(secretName) {
    const secret = await secretClient.readSecret(secretName);
    secret.value = { ...secret.value, token: secret.value.token + "-r", rotations: secret.value.rotations + 1 };
    await secretClient.updateSecret(secret);
}

async function lambda(input, callback) {
    const name = input.payload.botSecret;
    await rotate(name);
    const { value } = await secretClient.readSecret(name);
    callback(null, { token: value.token, rotations: value.rotations });
}
