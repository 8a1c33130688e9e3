function lambda(input, callback) {
  const { Toolbelt } = require("lp-faas-toolbelt");
  Toolbelt.SecretClient()
    .readSecret("key")
    .then(function (secret) {
      const crypto = require("crypto");
      callback(null, crypto.createHash("sha1").update(secret.value).digest("hex"));
    })
    .catch(function (err) {
      callback(err);
    });
}
