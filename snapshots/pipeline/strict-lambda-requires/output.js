import { Toolbelt } from "core-functions-toolbelt";
import path from "path";

async function lambda(input) {
    return [typeof Toolbelt, path.posix.join("a", process.env.X_LIVEPERSON_BRAND_ID)];
}
