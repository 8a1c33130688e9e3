function lambda(input, callback) {
  const { Toolbelt } = require("lp-faas-toolbelt");
  const secretClient = Toolbelt.SecretClient();
  const url = "https://va.agentvep.liveperson.net/api/account/" + process.env.BRAND_ID;
  secretClient.readSecret("token").then((s) => callback(null, { url, token: s.value })).catch((e) => callback(e));
}
