function lambda(input, callback) {
    "use strict";
    const { Toolbelt } = require("lp-faas-toolbelt");
    const path = require("path");

    callback(null, [typeof Toolbelt, path.posix.join("a", process.env.BRAND_ID)]);
}

module.exports = { lambda };
