const { Toolbelt } = require("lp-faas-toolbelt");
const secretClient = Toolbelt.SecretClient();

async function lambda(input) {
  return new Promise((resolve, reject) => {
    const callback = (err, result) => (err === null || err === undefined ? resolve(result) : reject(err));
  secretClient
    .readSecret("token")
    .then((secret) => {
      callback(null, { length: secret.value.length });
    })
    .catch((err) => callback(err));
  });
}
