import cryptoModule from "crypto";
import * as coreFunctionsToolbelt from "core-functions-toolbelt";

function hash(crypto, text) {
  // `crypto` here is a parameter, not the module.
  return crypto.digest(text);
}

function lambda(input, callback) {
  const crypto = cryptoModule;
  const { Toolbelt } = coreFunctionsToolbelt;
  const digest = hash({ digest: (t) => crypto.createHash("sha1").update(t).digest("hex") }, input.payload.text);
  callback(null, { digest, secrets: typeof Toolbelt.SecretClient });
}

function other() {
  const Toolbelt = { SecretClient: null };
  return Toolbelt;
}
