const { Toolbelt } = require("lp-faas-toolbelt");
const secretClient = Toolbelt.SecretClient();

function lambda(input, callback) {
  secretClient
    .readSecret("token")
    .then((secret) => {
      callback(null, { length: secret.value.length });
    })
    .catch((err) => callback(err));
}
