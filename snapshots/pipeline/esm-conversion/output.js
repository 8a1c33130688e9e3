#!/usr/bin/env node
/**
 * Signs conversation transfers for the brand's webhook.
 */

import { Toolbelt } from "core-functions-toolbelt";
import path from "path";
import crypto from "crypto";
import lodash from "es-toolkit/compat";

async function lambda(input) {
  const { get } = lodash;
  const { X_LIVEPERSON_BRAND_ID: BRAND_ID } = process.env;

  const { value: key } = await Toolbelt.SecretClient().readSecret("signing-key");
  const signature = crypto.createHmac("sha256", key).update(get(input, "payload.text", "")).digest("hex");
  return { brand: BRAND_ID, uuid: process.env.X_LIVEPERSON_FUNCTION_UUID, signature, file: path.basename(import.meta.filename) };
}

function helper() {
  return crypto.randomUUID();
}

export { helper };
