const { Toolbelt } = require("lp-faas-toolbelt");

// Module scope: survives between invocations handled by the same instance
let secretCache = {};

async function cachedSecret(secretName) {
    if (secretName in secretCache) {
        return secretCache[secretName];
    }
    const entry = await Toolbelt.SecretClient().readSecret(secretName);
    secretCache[secretName] = entry.value;
    return entry.value;
}

// Builds the SFTP target for the nightly transcript export.
async function lambda(input, callback) {
    try {
        const user = await cachedSecret("sftp-user");
        const again = await cachedSecret("sftp-user");
        const host = await cachedSecret("sftp-host");
        callback(null, {
            target: user + "@" + host,
            cached: again === user,
            cacheSize: Object.keys(secretCache).length
        });
    } catch (error) {
        callback(error, null);
    }
}
