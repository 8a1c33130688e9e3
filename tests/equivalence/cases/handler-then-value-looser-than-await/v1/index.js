const { Toolbelt } = require("lp-faas-toolbelt");
const secretClient = Toolbelt.SecretClient();

function lookup(key) {
  return Promise.resolve({ name: "fresh-" + key });
}

function lambda(input, callback) {
  secretClient
    .readSecret("profile-cache")
    .then((secret) => secret.value.cached || lookup(secret.key))
    .then((profile) => callback(null, { name: profile.name }))
    .catch((err) => callback(err));
}
