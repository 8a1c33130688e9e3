process.env.TZ = "UTC";
import moment from "moment";
import { Toolbelt } from "core-functions-toolbelt";

function lambda(input, callback) {
  callback(null, [moment().format(), typeof Toolbelt]);
}
