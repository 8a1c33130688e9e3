const get = require("es-toolkit/compat/get");
const cloneDeep = require("es-toolkit/compat/cloneDeep");
import isEqual from "es-toolkit/compat/isEqual";
// TODO(faas-migrate): V2 does not provide lodash, and "es-toolkit/compat" has no `entries` module: rewrite its uses with plain JavaScript or es-toolkit [lodash]
const entries = require("lodash/entries");

async function lambda(input, callback) {
    callback(null, [get(input, "a"), cloneDeep(input), isEqual(1, 1), entries(input)]);
}
