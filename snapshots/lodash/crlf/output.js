const _ = require("es-toolkit/compat");

async function lambda(input, callback) {
    callback(null, _.pick(input.payload, ["id", "name"]));
}
