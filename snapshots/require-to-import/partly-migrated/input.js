import crypto from "crypto";
import { Toolbelt } from "core-functions-toolbelt";

async function lambda(input, callback) {
  const crypto = require("crypto");
  const { Toolbelt } = require("lp-faas-toolbelt");
  const { LpServices } = require("lp-faas-toolbelt");
  callback(null, [crypto.randomUUID().length, typeof Toolbelt, LpServices.MSG_HIST]);
}
