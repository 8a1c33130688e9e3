const tb = require("lp-faas-toolbelt");
const secrets = tb.Toolbelt.SecretClient();
const client = secrets;
const local = { readSecret: (name) => name.toUpperCase() };

// Rotates whatever secret it is given: the key is only known at run time.
async function rotate(name) {
    const secret = await client.readSecret(name);
    secret.value = secret.value + "-r";
    await client.updateSecret(secret);
}

async function lambda(input, callback) {
    await rotate(input.payload.name);
    const fresh = await secrets.readSecret(input.payload.counter);
    const fixed = await tb.Toolbelt.SecretClient().readSecret("static-config");
    const mine = local.readSecret("not-a-secret");
    callback(null, { fresh: fresh.value, fixed: fixed.value, mine });
}
