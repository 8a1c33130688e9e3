const { Toolbelt } = require("lp-faas-toolbelt");
const secretClient = Toolbelt.SecretClient();

async function lambda(input) {
  const secret = await secretClient.readSecret("token");
  return { length: secret.value.length };
}
