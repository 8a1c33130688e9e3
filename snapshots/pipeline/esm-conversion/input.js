#!/usr/bin/env node
/**
 * Signs conversation transfers for the brand's webhook.
 */

"use strict";

const { Toolbelt } = require("lp-faas-toolbelt");
const path = require("path");

async function lambda(input, callback) {
  "use strict";
  const crypto = require("crypto");
  const { get } = require("lodash");
  const { BRAND_ID } = process.env;

  const { value: key } = await Toolbelt.SecretClient().readSecret("signing-key");
  const signature = crypto.createHmac("sha256", key).update(get(input, "payload.text", "")).digest("hex");
  callback(null, { brand: BRAND_ID, uuid: process.env.LAMBDA_UUID, signature, file: path.basename(__filename) });
}

function helper() {
  return require("crypto").randomUUID();
}

module.exports = { lambda, helper };
