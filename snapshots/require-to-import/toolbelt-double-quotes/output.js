import { Toolbelt, LpServices } from "core-functions-toolbelt";

function lambda(input, callback) {
  callback(null, LpServices.MSG_HIST);
}
