import { Toolbelt } from "core-functions-toolbelt";
import crypto from "crypto";

function lambda(input, callback) {
  Toolbelt.SecretClient()
    .readSecret("key")
    .then(function (secret) {
      callback(null, crypto.createHash("sha1").update(secret.value).digest("hex"));
    })
    .catch(function (err) {
      callback(err);
    });
}
