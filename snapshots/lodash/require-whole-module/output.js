const _ = require("es-toolkit/compat");
const { Toolbelt } = require("lp-faas-toolbelt");

async function lambda(input, callback) {
    const name = _.get(input, "payload.customer.name", "unknown");
    const merged = _.merge({}, input.payload.defaults, input.payload.overrides);
    callback(null, { name, merged, empty: _.isEmpty(merged) });
}
