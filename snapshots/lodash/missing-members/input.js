const _ = require("lodash");
const fp = require("lodash/fp");
const mixinFree = require("lodash/mixin");

async function lambda(input, callback) {
    const names = _.chain(input.payload.items).map("name").uniq().value();
    callback(null, { names, first: _.head(names), fp, mixinFree });
}
