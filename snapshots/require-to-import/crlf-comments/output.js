// Signs a payload.

import * as coreFunctionsToolbelt from "core-functions-toolbelt";
import cryptoModule from "crypto";
import lodash from "lodash";

async function lambda(input, callback) {
  // the secret store
  const { Toolbelt } = coreFunctionsToolbelt;
  const crypto = cryptoModule; // for HMAC
  const { get } = lodash; /* deep reads */

  const client = Toolbelt.SecretClient();
  callback(null, [typeof client, get(input, "payload"), crypto.createHash("sha1").update("a").digest("hex")]);
}
