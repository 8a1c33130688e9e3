// Signs a payload.

// the secret store
import { Toolbelt } from "core-functions-toolbelt";
import cryptoModule from "crypto";
import lodash from "lodash";

async function lambda(input, callback) {
  const crypto = cryptoModule; // for HMAC
  const { get } = lodash; /* deep reads */

  const client = Toolbelt.SecretClient();
  callback(null, [typeof client, get(input, "payload"), crypto.createHash("sha1").update("a").digest("hex")]);
}
