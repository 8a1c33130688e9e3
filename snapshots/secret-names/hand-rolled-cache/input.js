const { Toolbelt } = require("lp-faas-toolbelt");
// It's important that this variable is out of any function scope
let secretCache = {};
let cert = undefined;
let cachedToken = null;
const tokens = new Map();

async function lazyLoadSecret(name) {
    if (secretCache[name] !== undefined) {
        return secretCache[name];
    }
    const client = Toolbelt.SecretClient();
    const { value } = await client.readSecret(name);
    secretCache[name] = value;
    return value;
}

async function loadCert() {
    if (cert === undefined) {
        cert = (await Toolbelt.SecretClient().readSecret("cert")).value;
    }
    return cert;
}

async function login() {
    const creds = JSON.parse((await Toolbelt.SecretClient().readSecret("creds")).value);
    const res = await callLogin(creds);
    cachedToken = res.token;
    Toolbelt.SecretClient().readSecret("other").then((secret) => tokens.set("other", secret.value));
    return cachedToken;
}

async function lambda(input, callback) {
    callback(null, [await lazyLoadSecret("a"), await loadCert(), await login()]);
}
