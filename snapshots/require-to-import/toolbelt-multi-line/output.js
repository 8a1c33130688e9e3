import {
    Toolbelt, // the clients
    LpServices, /* service names */
} from "core-functions-toolbelt";

function lambda(input, callback) {
    callback(null, Object.keys(LpServices).length + typeof Toolbelt);
}
