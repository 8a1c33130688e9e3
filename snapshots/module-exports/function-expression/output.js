const { Toolbelt } = require("lp-faas-toolbelt");

async function lambda(input, callback) {
  const secret = await Toolbelt.SecretClient().readSecret("key");
  callback(null, secret.value);
}
