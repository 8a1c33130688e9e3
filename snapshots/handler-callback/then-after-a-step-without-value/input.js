function lambda(input, callback) {
  const { Toolbelt } = require("lp-faas-toolbelt");
  const secrets = Toolbelt.SecretClient();
  let key;
  secrets
    .readSecret("key")
    .then((secret) => {
      key = secret.value;
    })
    .then((_) => {
      console.info("key loaded");
    })
    .then(() => secrets.readSecret("other"))
    .then((other) => callback(null, { key, other: other.value }))
    .catch((err) => callback(err));
}
