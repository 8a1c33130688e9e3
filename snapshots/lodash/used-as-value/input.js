const _ = require("lodash");

async function lambda(input, callback) {
    const wrapped = _(input.payload.items).map("id").value();
    const helpers = { _ };
    callback(null, { wrapped, helpers, loaded: require("lodash").VERSION });
}
