function lambda(input, callback) {
  // the toolbelt, for secrets
  const { Toolbelt } = require("lp-faas-toolbelt");
  const secrets = Toolbelt.SecretClient();
  const host = "va.agentvep.liveperson.net";
  secrets.readSecret("key").then((s) => callback(null, { host, key: s.value }));
}
