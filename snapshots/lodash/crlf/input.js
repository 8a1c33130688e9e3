const _ = require("lodash");

async function lambda(input, callback) {
    callback(null, _.pick(input.payload, ["id", "name"]));
}
