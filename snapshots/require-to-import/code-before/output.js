import { Toolbelt } from "core-functions-toolbelt";
const secretClient = Toolbelt.SecretClient();

import crypto from "crypto";

function lambda(input, callback) {
  callback(null, [typeof secretClient, crypto.randomUUID().length]);
}
