const {
    Toolbelt, // the clients
    LpServices, /* service names */
} = require(
    "lp-faas-toolbelt"
);

function lambda(input, callback) {
    callback(null, Object.keys(LpServices).length + typeof Toolbelt);
}
