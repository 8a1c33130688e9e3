import crypto from "crypto";
import { Toolbelt, LpServices } from "core-functions-toolbelt";

async function lambda(input, callback) {
  callback(null, [crypto.randomUUID().length, typeof Toolbelt, LpServices.MSG_HIST]);
}
