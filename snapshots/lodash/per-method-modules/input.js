const get = require("lodash/get");
const cloneDeep = require("lodash.clonedeep");
import isEqual from "lodash/isEqual.js";
const entries = require("lodash/entries");

async function lambda(input, callback) {
    callback(null, [get(input, "a"), cloneDeep(input), isEqual(1, 1), entries(input)]);
}
