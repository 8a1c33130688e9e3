function hash(crypto, text) {
  // `crypto` here is a parameter, not the module.
  return crypto.digest(text);
}

function lambda(input, callback) {
  const crypto = require("crypto");
  const { Toolbelt } = require("lp-faas-toolbelt");
  const digest = hash({ digest: (t) => crypto.createHash("sha1").update(t).digest("hex") }, input.payload.text);
  callback(null, { digest, secrets: typeof Toolbelt.SecretClient });
}

function other() {
  const Toolbelt = { SecretClient: null };
  return Toolbelt;
}
