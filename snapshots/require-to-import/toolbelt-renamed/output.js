import { Toolbelt as TB, LpServices as services } from "core-functions-toolbelt";
import { Toolbelt } from "core-functions-toolbelt";

function lambda(input, callback) {
  callback(null, [typeof TB, services.AGENT_VEP, typeof Toolbelt]);
}
