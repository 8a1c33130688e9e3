import { Toolbelt } from "core-functions-toolbelt";
import path from "path";

function lambda(input, callback) {
    callback(null, [typeof Toolbelt, path.posix.join("a", process.env.X_LIVEPERSON_BRAND_ID)]);
}
