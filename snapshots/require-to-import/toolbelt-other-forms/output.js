import { Toolbelt } from "core-functions-toolbelt";
import * as coreFunctionsToolbelt from "core-functions-toolbelt";
const { LpServices = {} } = coreFunctionsToolbelt;

function lambda(input, callback) {
  const { SecretClient } = Toolbelt;
  callback(null, [typeof Toolbelt, LpServices, typeof SecretClient]);
}
