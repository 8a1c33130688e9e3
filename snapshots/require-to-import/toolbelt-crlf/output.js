import { Toolbelt } from "core-functions-toolbelt";

function lambda(input, callback) {
  callback(null, typeof Toolbelt);
}
