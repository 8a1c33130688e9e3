async function lambda(input) {
  const { Toolbelt } = require("lp-faas-toolbelt");
  const secrets = Toolbelt.SecretClient();
  let key;
  const secret = await secrets.readSecret("key");
  key = secret.value;
  console.info("key loaded");
  const other = await secrets.readSecret("other");
  return { key, other: other.value };
}
