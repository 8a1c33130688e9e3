async function lambda(input) {
  const { Toolbelt } = require("lp-faas-toolbelt");
  const secrets = Toolbelt.SecretClient();
  // the API token
  /* errors are only logged */
  try {
    const secret = await secrets.readSecret("token");
    return secret.value.length;
  } catch (err) {}
  // TODO(faas-migrate): in V1 this path never called back (the invocation timed out); V2 fails here instead: return a value or throw a clearer error [handler-callback]
  throw new Error("lambda ended without a result (in V1 this invocation timed out)");
}
