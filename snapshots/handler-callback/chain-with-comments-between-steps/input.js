function lambda(input, callback) {
  const { Toolbelt } = require("lp-faas-toolbelt");
  const secrets = Toolbelt.SecretClient();
  secrets
    .readSecret("token") // the API token
    .then((secret) => callback(null, secret.value.length))
    /* errors are only logged */
    .catch((err) => {});
}
