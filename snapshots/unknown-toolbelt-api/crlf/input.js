const { Toolbelt } = require("lp-faas-toolbelt");

async function lambda(input, callback) {
    const logger = Toolbelt.Logger();
    callback(null, logger);
}
