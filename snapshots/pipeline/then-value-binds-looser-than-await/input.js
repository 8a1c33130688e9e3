const { Toolbelt } = require("lp-faas-toolbelt");
const secretClient = Toolbelt.SecretClient();

function lambda(input, callback) {
  secretClient
    .readSecret("cache")
    .then((r) => r.cached || lookup(r.id))
    .then((value) => callback(null, value))
    .catch((err) => callback(err));
}

function lookup(id) {
  return Promise.resolve({ id });
}
